"""The taakstelling per half year, stored once set, and the realisation per municipality."""

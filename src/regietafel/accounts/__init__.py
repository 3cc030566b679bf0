"""Users, their role and province, log-in throttling, and the one place access is decided."""

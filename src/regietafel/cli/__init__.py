"""The command-line interface; computation commands never import Django."""

"""Weekly data imports: stored originals, validation of every row, atomic apply, versions."""

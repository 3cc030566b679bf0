"""The framework-free computational core: pure, typed functions over dataclasses and arrays."""

"""Tests of the use cases the GUI and the CLI share, called directly (not through the CLI)."""

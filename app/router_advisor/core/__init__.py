"""The pure domain: no I/O, no Qt, no clock, no randomness."""

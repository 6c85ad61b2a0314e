"""Use cases shared by the GUI and the CLI: one module per use case."""

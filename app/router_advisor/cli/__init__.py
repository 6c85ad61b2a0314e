"""The command-line front end. Never imports PySide6."""

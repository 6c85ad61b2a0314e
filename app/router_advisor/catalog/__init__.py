"""The router catalog: TOML sources in data/ built into a versioned SQLite database."""

"""The store of past runs: schema, migrations, diff, trends."""

"""Entry point of the frozen build: the same program as `router-advisor`."""

from app.cli.main import main

raise SystemExit(main())

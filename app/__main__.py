"""`python -m app` is the same program as `router-advisor`."""

from app.cli.main import main

raise SystemExit(main())

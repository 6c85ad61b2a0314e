"""Entry point of the frozen build: the same program as `router-advisor`."""

from router_advisor.cli.main import main

raise SystemExit(main())

"""What the fault tests need from the system: root for a private mount namespace or to run
as `nobody`. Without it they skip and say why, except in CI (CI=true), where they fail."""

import os
import shutil

import pytest


def need_root(what: str, *tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if os.geteuid() == 0 and not missing:
        return
    why = f"missing {', '.join(missing)}" if missing else "not running as root"
    message = f"{what} needs root and {', '.join(tools)} ({why})"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}; CI must run it")
    pytest.skip(message)

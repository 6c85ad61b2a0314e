"""Where the reference data of ../shared/reference is, for the tests that check against it.

CI keeps it beside the clone (`<clone>/../shared/reference`, see that folder's README). A
checkout elsewhere (a git worktree, say) names it with ROUTER_ADVISOR_REFERENCE. A test that
needs it and cannot find it is skipped with a message that says where it looked.
"""

import os
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

ENV_VAR = "ROUTER_ADVISOR_REFERENCE"


def reference_dir() -> Path:
    given = os.environ.get(ENV_VAR)
    return Path(given) if given else REPO_ROOT.parent / "shared" / "reference"


def reference_file(name: str) -> Path:
    """The path of `name` in the reference folder; skip the test, saying why, when it is absent."""
    path = reference_dir() / name
    if not path.is_file():
        pytest.skip(
            f"reference data {path} is absent: the honesty checks against it did NOT run "
            f"(CI keeps ../shared/reference beside the clone; elsewhere set {ENV_VAR})"
        )
    return path

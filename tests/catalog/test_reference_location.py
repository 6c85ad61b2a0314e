"""Where the reference data lives is said where a developer looks, and CI never skips the
checks that need it (issue 15: they skipped silently when ../shared/reference was absent)."""

import subprocess
import sys

from tests.conftest import REPO_ROOT

PROBE = """
import pytest
from tests.catalog import reference

def test_probe():
    reference.reference_file("no-such-file-for-the-probe.csv")
"""


def _probe(tmp_path, ci: bool) -> subprocess.CompletedProcess[str]:
    probe = tmp_path / "test_probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{REPO_ROOT}:{REPO_ROOT / 'app'}"}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(probe)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )


def test_absent_reference_data_skips_with_the_reason_and_fails_in_ci(tmp_path) -> None:
    local = _probe(tmp_path, ci=False)
    assert "1 skipped" in local.stdout and "did NOT run" in local.stdout, local.stdout
    in_ci = _probe(tmp_path, ci=True)
    assert in_ci.returncode == 1 and "1 failed" in in_ci.stdout, in_ci.stdout


def test_the_readme_says_where_the_reference_data_lives_and_how_ci_gets_it() -> None:
    readme = " ".join((REPO_ROOT / "README.md").read_text(encoding="utf-8").split())
    development = readme[readme.index("## Development") : readme.index("## Why each dependency")]
    assert "../shared/reference" in development and "ROUTER_ADVISOR_REFERENCE" in development
    assert "CI has a copy of `shared/` beside the clone" in development

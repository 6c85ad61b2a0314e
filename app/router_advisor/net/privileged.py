"""Run the minimal scan helper (router_advisor.net.scan_helper) with raw-socket rights,
through pkexec.

The app itself never runs as root: only the helper does, and it prints the sweep as JSON.
`launcher` is what gains the rights (["pkexec"] by default; [] runs the helper directly, for
a process that already holds them, e.g. the tests' root namespace).
"""

import contextlib
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from router_advisor.core.progress import CancelToken
from router_advisor.errors import RuntimeFailure, UserInputError

# Where packages install the helper; packaging/org.routeradvisor.scan-helper.policy names this
# exact path, so pkexec shows our own message and policy for it.
INSTALLED_HELPER = Path("/usr/lib/router-advisor/router-advisor-scan-helper")
# pkexec's own exit codes (pkexec(1)): the person dismissed the prompt or is not allowed (126),
# or authentication failed / the program could not run (127).
PKEXEC_DISMISSED, PKEXEC_FAILED = 126, 127
HELPER_TIMEOUT_S = 300.0  # the password prompt waits for the person; the sweep takes seconds
POLL_S = 0.05


def helper_command() -> list[str]:
    """The installed helper, else this Python running the helper's file (pkexec clears
    PYTHONPATH and the working directory, so `-m` would not find a source checkout)."""
    if INSTALLED_HELPER.exists():
        return [str(INSTALLED_HELPER)]
    return [sys.executable, str(Path(__file__).resolve().with_name("scan_helper.py"))]


def _wait(proc: subprocess.Popen[str], cancel: CancelToken) -> tuple[str, str]:
    deadline = time.monotonic() + HELPER_TIMEOUT_S
    while True:
        try:
            return proc.communicate(timeout=POLL_S)
        except subprocess.TimeoutExpired:
            pass
        if cancel.cancelled or time.monotonic() > deadline:
            with contextlib.suppress(PermissionError):  # refused once pkexec runs it as root
                proc.kill()
            cancel.raise_if_cancelled()
            raise RuntimeFailure(
                f"The scan helper did not finish within {HELPER_TIMEOUT_S:.0f} s; try again",
                cli_hint="or use --method neighbor",
            )


def _failure(launcher: Sequence[str], code: int, stderr: str) -> Exception:
    last = (stderr.strip().splitlines() or [""])[-1]
    helper_said = last.partition("error: ")[2]
    if launcher and launcher[0].endswith("pkexec") and code in (PKEXEC_DISMISSED, PKEXEC_FAILED):
        return RuntimeFailure(
            "The deeper scan needs an administrator password and none was given (the prompt "
            "was dismissed or refused); run it again and authenticate, or use the neighbor "
            "method"
        )
    if code == 2 and helper_said:
        return UserInputError(helper_said)
    return RuntimeFailure(
        f"The scan helper failed ({helper_said or last or f'exit {code}'}); "
        "see 'Scanning your network' in the README"
    )


def run_helper(
    iface: str, cidr: str, allow_large: bool, launcher: Sequence[str], cancel: CancelToken
) -> dict[str, str]:
    """IP -> MAC from the helper's ARP sweep of `cidr` on `iface`."""
    if launcher and shutil.which(launcher[0]) is None:
        raise RuntimeFailure(
            f"The deeper scan needs {launcher[0]}, which is not installed: install polkit "
            "(e.g. `sudo apt install pkexec`), or grant raw-socket permission with setcap "
            "(see 'Scanning your network' in the README)"
        )
    argv = [*launcher, *helper_command(), "--iface", iface, "--cidr", cidr]
    if allow_large:
        argv.append("--allow-large")
    try:
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as exc:
        raise RuntimeFailure(f"Could not start the scan helper ({exc})") from None
    stdout, stderr = _wait(proc, cancel)
    if proc.returncode != 0:
        raise _failure(launcher, proc.returncode, stderr)
    try:
        devices = json.loads(stdout)["devices"]
        return {str(d["ip"]): str(d["mac"]) for d in devices}
    except (ValueError, KeyError, TypeError):
        raise RuntimeFailure(
            "The scan helper printed something other than its JSON result; reinstall Router Advisor"
        ) from None

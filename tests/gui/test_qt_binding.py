"""The Qt binding keeps Python's memory whole, and a catalog build on a worker thread
survives a busy UI thread (tests/gui/_binding_stress.py says how; it runs in a process of
its own so that a binding that crashes fails this test instead of ending the test run)."""

import subprocess
import sys
from pathlib import Path

STRESS = Path(__file__).with_name("_binding_stress.py")


def test_no_reference_is_lost_and_worker_builds_survive_a_busy_ui_thread() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(STRESS)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Fatal Python error" not in output, output
    assert done.stdout.startswith("ok: "), output

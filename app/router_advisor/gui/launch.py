"""Open the desktop app from `router-advisor` without a command, or say in one line why Qt
cannot start and what to install. Qt aborts the process when its platform plugin fails to
load, so the usual causes are checked before Qt is touched."""

import ctypes
import os
import sys

# The X11 (xcb) plugin of Qt 6.5+ loads these; minimal Debian/Ubuntu installs lack them.
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)
# What helps a person: a window needs a desktop session; everything else works without one.
# (QT_QPA_PLATFORM=offscreen is not suggested: it starts a window nobody can see.)
WORKAROUND = (
    "start it from your desktop session, or use the command line instead "
    "(router-advisor --help; `router-advisor run` does every step without a window)"
)


def _loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def qt_start_problem(env: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why Qt would fail to open a window here, in one line with the next step; or None."""
    env = dict(os.environ) if env is None else env
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return None
    if chosen == "wayland" or (not chosen and env.get("WAYLAND_DISPLAY")):
        return (
            None
            if env.get("WAYLAND_DISPLAY")
            else (f"the desktop app cannot start: no Wayland display found; {WORKAROUND}")
        )
    if not env.get("DISPLAY"):
        return f"the desktop app cannot start: no display found (DISPLAY is not set); {WORKAROUND}"
    missing = [package for library, package in XCB_LIBRARIES if not _loadable(library)]
    if missing:
        return (
            "the desktop app cannot start: Qt's X11 plugin needs "
            f"{', '.join(missing)}: install {'it' if len(missing) == 1 else 'them'} "
            "(Debian/Ubuntu: sudo apt install "
            f"{' '.join(missing)}), or use the command line instead (router-advisor --help)"
        )
    return None


def open_desktop_app() -> int:
    """Run the GUI; on a system where Qt cannot start, print why and return 1."""
    problem = qt_start_problem()
    if problem is None:
        try:
            from router_advisor.gui.app import run
        except ImportError as exc:
            problem = (
                f"the desktop app cannot start: PySide6 is not usable ({exc}); "
                "reinstall Router Advisor, or use the command line (router-advisor --help)"
            )
        else:
            return run()
    print(f"router-advisor: error: {problem}", file=sys.stderr)
    return 1

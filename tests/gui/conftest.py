"""GUI tests: real widgets on the offscreen platform.

The offscreen platform warns that it cannot raise windows, propagate size hints or grab the
keyboard (a completer's popup asks for that); those messages say nothing about the app, so
they are the only Qt warnings ignored here.
"""

import pytest

OFFSCREEN_LIMITS = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))

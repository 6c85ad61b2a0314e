"""GUI tests: real widgets on the offscreen platform.

The offscreen platform warns that it cannot raise windows or propagate size hints; those
two messages say nothing about the app, so they are the only Qt warnings ignored here.
"""

import pytest

OFFSCREEN_LIMITS = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS))

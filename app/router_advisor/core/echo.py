"""Echo what a person typed back into a message, cut short and on one line.

A 10 MB value or a 1 MB key would otherwise fill the screen and the log with one error
line, and a newline inside a value would split the one-line message in two.
"""

import json
from typing import Any

MAX_ECHO_CHARS = 60


def shorten(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """`text` cut to about `limit` characters, saying how long it was."""
    return f"{text[: limit - 1]}… ({len(text):,} characters)" if len(text) > limit else text


def cut(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """`text` on one line (control characters escaped), cut to about `limit` characters."""
    text = shorten(text, limit)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def shown(value: Any, limit: int = MAX_ECHO_CHARS) -> str:
    """A value as a file spells it (JSON: true, "yes", 3), not as Python does, cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = str(value)
    return cut(text, limit)


def quoted(value: Any, limit: int = MAX_ECHO_CHARS) -> str:
    """Text in Python's quotes ('FZ 9', escapes and all), anything else as `shown`."""
    return repr(shorten(value, limit)) if isinstance(value, str) else shown(value, limit)

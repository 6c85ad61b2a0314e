"""The two kinds of failure a person is told about in one plain line.

The CLI maps `UserInputError` to exit code 2 and `RuntimeFailure` to exit code 1; the GUI
shows the message as it is. Messages are written for a non-expert and say what to do next.
`plain_error` words any other exception the same way for both.
"""

import socket


class RouterAdvisorError(Exception):
    """Base of the errors that carry a message meant for the person using the app.

    The message names no command-line option: the GUI shows it as it is. `cli_hint` is the
    next step in the CLI's own terms ("pass --iface and --cidr"); the CLI adds it
    (`cli_text`), so services and engines serve both front ends with one message.
    """

    def __init__(self, message: str = "", *, cli_hint: str | None = None) -> None:
        super().__init__(message)
        self.cli_hint = cli_hint


class UserInputError(RouterAdvisorError):
    """Bad usage or bad input: a file, a value or an option the person can correct."""


class RuntimeFailure(RouterAdvisorError):
    """Something failed while running: the network, a server, a damaged file."""


MAX_DETAIL_CHARS = 200  # of an unexpected exception's own text in `plain_error`
# The failures of the operating system a person can act on, in words.
_NOT_ALLOWED = "Router Advisor was not allowed to do this ({}): it needs administrator rights."
_NO_NETWORK = "No network connection ({}): check the cable or Wi-Fi, then try again."


def is_expected(exc: BaseException) -> bool:
    """True for the failures `plain_error` words with a next step; the rest are bugs or
    surprises, and each front end adds where to look (the log, `--verbose`)."""
    return isinstance(
        exc, RouterAdvisorError | PermissionError | ConnectionError | TimeoutError | socket.gaierror
    )


def cli_text(exc: BaseException) -> str:
    """`plain_error(exc)` with the CLI's hint after it, when the error carries one."""
    message = plain_error(exc)
    hint = getattr(exc, "cli_hint", None)
    if not hint:
        return message
    if message.endswith("."):
        return f"{message} {hint[:1].upper()}{hint[1:]}{'' if hint.endswith('.') else '.'}"
    return f"{message}; {hint}"


def plain_error(exc: BaseException) -> str:
    """The one line the CLI and the GUI both say about `exc`: ours as written, a refused
    permission or a lost network with the next step, anything else named as unexpected."""
    if isinstance(exc, RouterAdvisorError):
        return str(exc)
    if isinstance(exc, PermissionError):
        return _NOT_ALLOWED.format(exc.strerror or exc)
    if isinstance(exc, ConnectionError | TimeoutError | socket.gaierror):
        return _NO_NETWORK.format(exc.strerror or type(exc).__name__)
    text = " ".join(str(exc).split())  # one line, and short: the details are in the log
    brief = text if len(text) <= MAX_DETAIL_CHARS else text[: MAX_DETAIL_CHARS - 1] + "…"
    return f"Unexpected problem ({type(exc).__name__}: {brief})"

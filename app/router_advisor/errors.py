"""The two kinds of failure a person is told about in one plain line.

The CLI maps `UserInputError` to exit code 2 and `RuntimeFailure` to exit code 1; the GUI
shows the message as it is. Messages are written for a non-expert and say what to do next.
"""


class RouterAdvisorError(Exception):
    """Base of the errors that carry a message meant for the person using the app."""


class UserInputError(RouterAdvisorError):
    """Bad usage or bad input: a file, a value or an option the person can correct."""


class RuntimeFailure(RouterAdvisorError):
    """Something failed while running: the network, a server, a damaged file."""

"""One wording of failures for the CLI and the GUI: services name no command-line option;
the CLI adds its own hint."""

import socket

import pytest
from router_advisor.errors import UserInputError, cli_text, is_expected, plain_error
from router_advisor.net.interfaces import check_size, parse_cidr
from router_advisor.services import speed


def _raised(call) -> UserInputError:
    with pytest.raises(UserInputError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(
    ("call", "hint"),
    [
        (lambda: speed.measure(max_seconds=1), "--max-seconds"),
        (lambda: speed.measure(server_url="http://127.0.0.1:9/", server_id="1"), "--server-id"),
        (lambda: check_size(parse_cidr("10.0.0.0/20"), allow_large=False), "--allow-large"),
    ],
)
def test_what_the_gui_shows_names_no_option_and_the_cli_adds_one(call, hint: str) -> None:
    exc = _raised(call)
    assert "--" not in plain_error(exc)
    assert hint in cli_text(exc) and cli_text(exc).startswith(plain_error(exc).rstrip("."))


def test_the_operating_systems_failures_read_the_same_everywhere() -> None:
    refused = ConnectionRefusedError(111, "Connection refused")
    assert plain_error(refused) == (
        "No network connection (Connection refused): check the cable or Wi-Fi, then try again."
    )
    assert plain_error(PermissionError(13, "Permission denied")).startswith(
        "Router Advisor was not allowed to do this (Permission denied)"
    )
    assert is_expected(socket.gaierror()) and is_expected(refused)
    bug = ValueError("x" * 500 + "\nsecond line")
    assert not is_expected(bug)
    assert plain_error(bug).startswith("Unexpected problem (ValueError: xxx")
    assert len(plain_error(bug)) < 240 and "\n" not in plain_error(bug)

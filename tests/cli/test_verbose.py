"""--verbose works before and after the command (review item 18)."""

import pytest
from router_advisor.cli.main import build_parser


@pytest.mark.parametrize(
    "command",
    [
        ["history", "list"],
        ["history", "diff", "1", "2"],
        ["devices", "label", "aa:bb:cc:dd:ee:ff", "--name", "x"],
        ["run", "--answers", "a.toml"],
        ["speed", "--manual", "300/50"],
    ],
)
def test_verbose_before_or_after_the_command(command: list[str]) -> None:
    parser = build_parser()
    assert parser.parse_args(command).verbose is False
    assert parser.parse_args(["--verbose", *command]).verbose is True
    assert parser.parse_args([*command, "--verbose"]).verbose is True
    assert parser.parse_args([command[0], "--verbose", *command[1:]]).verbose is True

"""The log goes to a rotating file in the data folder's logs/, and a crash leaves an entry."""

import logging
from pathlib import Path

from router_advisor.cli import main as cli_main
from router_advisor.logs import setup_logging


def test_log_file_is_written_under_the_home(app_home: Path) -> None:
    path = setup_logging(verbose=False)
    logging.getLogger("app.test").warning("hello from the test")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path == app_home / "logs" / "router-advisor.log"
    assert "hello from the test" in path.read_text(encoding="utf-8")


def test_an_unexpected_error_is_one_line_on_screen_and_a_traceback_in_the_log(
    app_home: Path, capsys
) -> None:
    def broken_handler(args) -> int:
        raise ValueError("boom")

    parser = cli_main.build_parser()
    parser.set_defaults(handler=broken_handler)
    assert cli_main.main([], parser=parser) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Unexpected problem (ValueError: boom)" in err[0]
    log = (app_home / "logs" / "router-advisor.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ValueError: boom" in log

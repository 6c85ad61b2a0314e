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


def _log_text(app_home: Path) -> str:
    return (app_home / "logs" / "router-advisor.log").read_text(encoding="utf-8")


def test_verbose_prints_the_steps_a_support_request_needs_and_the_file_gets_them(
    cli, app_home: Path, tmp_path: Path
) -> None:
    """Issue 15: `--verbose` printed nothing for most commands and the log file stayed
    empty. Each command logs what it ran, the files it used, and how long it took."""
    speed = tmp_path / "speed.json"
    typed = cli("speed", "--manual", "300/50", "--json", "--verbose")
    assert typed.returncode == 0, typed.stderr
    assert "speed --manual 300/50 --json --verbose" in typed.stderr
    assert "done in" in typed.stderr and "exit code 0" in typed.stderr
    speed.write_text(typed.stdout, encoding="utf-8")

    advice = cli("recommend", "--speed", str(speed), "--top", "1", "--verbose")
    assert advice.returncode == 0, advice.stderr
    for step in (f"speed {speed}", "catalog: ", "catalog.db", "ranked", " ms", "done in"):
        assert step in advice.stderr, (step, advice.stderr)

    history = cli("--verbose", "history", "list")
    assert history.returncode == 0, history.stderr
    assert "history: " in history.stderr and "history.db" in history.stderr

    refused = cli("history", "show", "999", "--verbose")
    assert refused.returncode == 2 and "refused: " in refused.stderr
    assert "exit code 2" in refused.stderr

    log = _log_text(app_home)
    for step in ("speed --manual 300/50", "recommend: answers", "ranked", "history: ", "refused"):
        assert step in log, step
    quiet = cli("catalog", "list", "--brand", "TP-Link")
    assert quiet.returncode == 0 and "INFO" not in quiet.stderr  # only --verbose prints it
    assert "catalog list --brand TP-Link" in _log_text(app_home)

"""`router-advisor`: with a subcommand it is the CLI; with none it opens the desktop app."""

import argparse
import logging
import shlex
import sys
import time
from collections.abc import Sequence
from types import ModuleType

from router_advisor import __version__
from router_advisor.cli import (
    catalog_cmd,
    current_cmd,
    examples_cmd,
    history_cmd,
    recommend_cmd,
    run_cmd,
    scan_cmd,
    speed_cmd,
    walk_cmd,
)
from router_advisor.cli.output import OneLineParser
from router_advisor.core.echo import cut
from router_advisor.errors import (
    RuntimeFailure,
    UserInputError,
    cli_text,
    is_expected,
    plain_error,
)
from router_advisor.logs import setup_logging

# One module per command group; each has `register(subparsers)` and sets `handler` on its
# parsers. A handler takes the parsed arguments and returns the exit code.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    catalog_cmd,
    speed_cmd,
    scan_cmd,
    run_cmd,
    history_cmd,
    recommend_cmd,
    current_cmd,
    walk_cmd,
    examples_cmd,
)

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
log = logging.getLogger(__name__)


def _verbose_after_commands(parser: argparse.ArgumentParser) -> None:
    """Accept --verbose after the command too (`history list --verbose`). SUPPRESS keeps a
    subcommand from resetting a --verbose given before it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in {id(p): p for p in action.choices.values()}.values():
                sub.add_argument(
                    "--verbose",
                    action="store_true",
                    default=argparse.SUPPRESS,
                    help="print the log to stderr",
                )
                _verbose_after_commands(sub)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="router-advisor",
        description="Choose your next home Wi-Fi router from facts about your own home. "
        "Run without a command to open the desktop app; "
        f"{examples_cmd.HELP_POINTER} to start from.",
    )
    parser.add_argument("--version", action="version", version=f"router-advisor {__version__}")
    parser.add_argument("--verbose", action="store_true", help="print the log to stderr")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    _verbose_after_commands(parser)
    return parser


MAX_MESSAGE_CHARS = 1000  # room for two long paths; a longer one echoes something whole


def _fail(message: str, code: int) -> int:
    """Print one line, whatever the message holds (newlines, a value echoed whole)."""
    print(f"router-advisor: error: {cut(message, MAX_MESSAGE_CHARS)}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None, parser: argparse.ArgumentParser | None = None) -> int:
    """Run one command (or the desktop app without one); `parser` defaults to build_parser()."""
    parser = parser or build_parser()
    args = parser.parse_args(argv)
    log_file = setup_logging(verbose=args.verbose)
    words = shlex.join(sys.argv[1:] if argv is None else argv)
    log.info("router-advisor %s: %s (log file %s)", __version__, words or "(the app)", log_file)
    handler = getattr(args, "handler", None)
    if handler is None:
        from router_advisor.gui.launch import open_desktop_app  # lazy: commands never load Qt

        return open_desktop_app()
    started = time.monotonic()
    code = EXIT_FAILURE
    try:
        code = int(handler(args))
        return code
    except UserInputError as exc:
        log.info("refused: %s", exc)
        code = EXIT_USAGE
        return _fail(cli_text(exc), code)
    except RuntimeFailure as exc:
        log.warning("failed: %s", exc)
        return _fail(cli_text(exc), EXIT_FAILURE)
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
        return _fail("interrupted", code)
    except BrokenPipeError:
        code = EXIT_OK
        return code
    except Exception as exc:  # the GUI words these the same (errors.plain_error)
        if is_expected(exc):
            return _fail(plain_error(exc), EXIT_FAILURE)
        log.exception("unexpected error")  # a bug: the traceback
        where = f"; details are in {log_file}" if log_file else ""
        return _fail(f"{plain_error(exc)}{where}", EXIT_FAILURE)
    finally:
        log.info("done in %.2f s, exit code %d", time.monotonic() - started, code)

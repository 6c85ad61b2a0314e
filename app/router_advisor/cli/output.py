"""Shared printing for CLI commands: JSON, tables and a text progress bar on stderr."""

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from router_advisor.core.progress import ProgressUpdate


def print_json(value: Any) -> None:
    """Print one JSON document to stdout."""
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[bool] = ()
) -> None:
    """Print rows as aligned columns; None shows as 'unknown'; `right[i]` right-aligns
    column i (numbers)."""
    cells = [[("unknown" if c is None else str(c)) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    flags = list(right) + [False] * (len(headers) - len(right))

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, flags, strict=True)
        ).rstrip()

    print(line(headers))
    for row in cells:
        print(line(row))


class TextProgress:
    """A progress callback that draws one updating line on stderr when it is a terminal."""

    def __init__(self, stream: Any = None) -> None:
        self._stream = stream or sys.stderr
        self._live = bool(getattr(self._stream, "isatty", lambda: False)())

    def __call__(self, update: ProgressUpdate) -> None:
        if not self._live:
            return
        bar = ""
        if update.fraction is not None:
            filled = int(max(0.0, min(1.0, update.fraction)) * 20)
            bar = "[" + "#" * filled + "." * (20 - filled) + "] "
        rate = f" {update.rate_mbps:.1f} Mbit/s" if update.rate_mbps is not None else ""
        self._stream.write(f"\r{bar}{update.message}{rate}".ljust(79)[:79])
        self._stream.flush()

    def close(self) -> None:
        if self._live:
            self._stream.write("\r" + " " * 79 + "\r")
            self._stream.flush()


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one plain line that points to --help."""

    def error(self, message: str) -> NoReturn:
        match = re.fullmatch(r"argument (\S+?)(?:/\S+)?: expected one argument", message)
        if match:
            option = match.group(1)
            message = f"{option} needs a value; if the value starts with '-', write {option}=VALUE"
        message = message.replace("the following arguments are required:", "missing")
        message = re.sub(r"^argument (\S+?)(?:/\S+)?: ", r"\1: ", message)
        message = re.sub(
            r"invalid choice: ('[^']*') \(choose from (.*)\)",
            lambda m: f"{m.group(1)} is not one of {m.group(2).replace(chr(39), '')}",
            message,
        )
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, refused in plain words."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"write a whole number from {low} to {high}, not '{text}'"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"write a whole number from {low} to {high}, not {value}"
            )
        return value

    return parse


def positive_number(unit: str) -> Callable[[str], float]:
    """An argparse type: a number above 0 (in `unit`), refused in plain words."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            raise argparse.ArgumentTypeError(f"write a number of {unit} above 0, not '{text}'")
        return value

    return parse


def plain(text: object) -> str:
    """Catalog or network text without control characters, so it cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text))

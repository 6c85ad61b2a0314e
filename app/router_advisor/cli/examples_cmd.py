"""`router-advisor examples`: where the example answers files are, and what each one is.

They ship inside the package (the wheel's router_advisor/_data, PyInstaller's data/), so a
person who installed with pip has them too, in a folder nobody would guess; this prints it.
"""

import argparse
from pathlib import Path

from router_advisor.cli.output import print_json, print_table
from router_advisor.resources import data_path

HELP_POINTER = "`router-advisor examples` lists example answers files"


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = subparsers.add_parser(
        "examples",
        help="where the example answers files are, to use or copy",
        description="Print the folder of the example answers files that come with Router "
        "Advisor and what each one describes. Use one as it is "
        "(recommend --answers PATH) or copy it and change the answers.",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_examples)


def about(path: Path) -> str:
    """The first sentence of an example's leading comment: what household it describes."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        words.append(line.lstrip("#").strip())
    text = " ".join(words)
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def run_examples(args: argparse.Namespace) -> int:
    folder = data_path("examples")
    files = sorted(folder.glob("*.toml"))
    if args.json:
        print_json(
            {
                "folder": str(folder),
                "files": [{"name": f.name, "path": str(f), "about": about(f)} for f in files],
            }
        )
        return 0
    print(f"Example answers files, in {folder}:")
    print_table(["file", "describes"], [[f.name, about(f)] for f in files])
    if files:
        first = folder / "family-home.toml" if (folder / "family-home.toml").exists() else files[0]
        print(f"Use one:  router-advisor recommend --answers {first}")
        print(f"Or copy it to change the answers:  cp {first} my-home.toml")
    return 0

"""`router-advisor examples`: where the example answers are, wherever the app is installed
(issue 15: wheel users were pointed at a data/examples folder they did not have)."""

import json
import tomllib
from pathlib import Path

from router_advisor.resources import data_path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_examples_names_the_folder_and_what_each_file_describes(cli) -> None:
    out = cli("examples", "--json")
    assert out.returncode == 0, out.stderr
    listed = json.loads(out.stdout)
    assert Path(listed["folder"]) == data_path("examples")
    names = {f["name"] for f in listed["files"]}
    assert {"family-home.toml", "gamer.toml", "small-flat.toml"} <= names
    assert all(f["about"].endswith(".") and Path(f["path"]).is_file() for f in listed["files"])
    family = next(f for f in listed["files"] if f["name"] == "family-home.toml")
    assert family["about"] == "The example from the README: a family of four in a two-floor house."
    used = cli("recommend", "--answers", family["path"], "--top", "1")
    assert used.returncode == 0, used.stderr
    text = cli("examples").stdout
    assert f"in {listed['folder']}:" in text and "recommend --answers" in text


def test_the_help_points_at_the_examples_command_not_a_checkout_folder(cli) -> None:
    for args in (("--help",), ("run", "--help"), ("recommend", "--help")):
        # argparse wraps "`router-advisor" after its hyphen; join it back.
        text = " ".join(cli(*args).stdout.split()).replace("router- advisor", "router-advisor")
        assert "`router-advisor examples`" in text, args
        assert "data/examples" not in text, args


def test_the_wheel_and_the_frozen_build_carry_the_examples() -> None:
    """The wheel maps data/ into the package, where resources.data_path finds it; the
    PyInstaller spec bundles data/ too. (packaging/smoke_test.sh installs a real wheel.)"""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["data"] == "router_advisor/_data"
    assert list((REPO_ROOT / "data" / "examples").glob("*.toml"))
    spec = (REPO_ROOT / "packaging" / "router-advisor.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "data"), "data")' in spec

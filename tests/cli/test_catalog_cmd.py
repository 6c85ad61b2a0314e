"""`router-advisor catalog ...` run as a person would: real process, real data/, exit codes."""

import json
import re
import sqlite3
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "catalog"
LIST_KEYS = {
    "brand",
    "model",
    "kind",
    "pack_size",
    "wifi_generation",
    "wan_mbps",
    "price_usd",
    "cpu_cores",
    "ram_mb",
    "sources",
    # issue 12's agreed fields, present (null when unknown) on every model
    "system",
    "regions",
    "coverage_m2",
    "sfp_ports",
    "poe",
    "line",
    "discontinued",
    "price_as_of",
    "price_kind",
    "price_region",
}
FIRMWARE_KEYS = {
    "automatic_updates",
    "end_of_support",
    "support_years_promised",
    "support_counts_from",
    "supported_as_of",
    "eol_listed_as_of",
    "policy_url",
}
KINDS = ("router", "mesh", "node", "access_point", "travel", "modem_router")


def test_list_json_has_the_promised_fields(cli) -> None:
    result = cli("catalog", "list", "--json")
    assert result.returncode == 0, result.stderr
    models = json.loads(result.stdout)
    assert len(models) >= 3
    for model in models:
        assert set(model) >= LIST_KEYS
        assert set(model["firmware"]) == FIRMWARE_KEYS
        assert model["kind"] in KINDS
        assert (model["line"] is not None) == (model["kind"] == "modem_router")
        assert model["wifi_generation"] in ("5", "6", "6E", "7")
        assert isinstance(model["sources"], list) and model["sources"]


def test_list_filters_and_shows_unknown(cli) -> None:
    result = cli("catalog", "list", "--kind", "mesh", "--wifi", "7")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["brand", "model", "rev", "kind"]
    assert all(" mesh " in line and " 7 " in line for line in lines[1:])
    assert len(lines) > 1 and "unknown" in result.stdout and "None" not in result.stdout


def test_show_is_case_insensitive(cli) -> None:
    first = json.loads(cli("catalog", "list", "--json").stdout)[0]
    result = cli("catalog", "show", first["brand"].upper(), first["model"].lower(), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["model"] == first["model"]
    text = cli("catalog", "show", first["brand"], first["model"]).stdout
    assert "Sources:" in text and first["sources"][0]["ref"] in text


def test_unknown_model_exits_2_with_a_suggestion(cli) -> None:
    first = json.loads(cli("catalog", "list", "--json").stdout)[0]
    result = cli("catalog", "show", first["brand"], first["model"][:-1])
    assert result.returncode == 2
    assert "did you mean" in result.stderr and first["model"] in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_bad_import_exits_2_and_changes_nothing(cli, tmp_path: Path) -> None:
    before = cli("catalog", "export", "--format", "json").stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("brand,model,price_usd\nNova,N1,cheap\n")
    result = cli("catalog", "import", str(bad))
    assert result.returncode == 2
    assert result.stderr == (
        "router-advisor: error: bad.csv: row 2: field 'price_usd': 'cheap' "
        "is not a number; nothing was imported\n"
    )
    assert cli("catalog", "export", "--format", "json").stdout == before


def test_import_then_export_to_a_file(cli, tmp_path: Path) -> None:
    result = cli("catalog", "import", str(FIXTURES / "new-model.json"))
    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout
    out = tmp_path / "catalog.csv"
    assert cli("catalog", "export", "--format", "csv", "--out", str(out)).returncode == 0
    assert "Nova,N5 Mesh" in out.read_text()


def test_openwrt_import_reports_unmatched_rows(cli) -> None:
    result = cli("catalog", "import", str(FIXTURES / "openwrt-toh-slice.json"))
    assert result.returncode == 0, result.stderr
    assert "match no catalog model and were not added" in result.stdout
    assert "HAME MPR-A1" in result.stdout


def test_damaged_database_exits_1_and_build_force_repairs(cli, app_home: Path) -> None:
    (app_home / "catalog.db").write_bytes(b"not sqlite" * 100)
    result = cli("catalog", "list")
    assert result.returncode == 1
    assert "router-advisor catalog build --force" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    repaired = cli("catalog", "build", "--force")
    assert repaired.returncode == 0, repaired.stderr
    assert "Set the damaged catalog aside as" in repaired.stdout
    assert [p.name for p in app_home.glob("catalog.db.broken-*")]
    assert cli("catalog", "list").returncode == 0


def test_missing_import_file_exits_2(cli, tmp_path: Path) -> None:
    result = cli("catalog", "import", str(tmp_path / "nope.csv"))
    assert result.returncode == 2 and "nope.csv does not exist" in result.stderr


def one_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_show_accepts_the_title_it_prints_with_the_revision(cli) -> None:
    """Review item 21: `catalog show tp-link "archer a7 v5"` failed on its own title."""
    result = cli("catalog", "show", "tp-link", "archer a7 v5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("TP-Link Archer A7 v5\n")


def test_show_uses_plain_labels_not_field_names(cli) -> None:
    text = cli("catalog", "show", "tp-link", "archer a7 v5").stdout
    assert "Smart queue management (SQM)" in text and "Internet (WAN) port, Mbit/s" in text
    assert "Price, USD" in text and "79.99" in text
    assert "qos.sqm" not in text and "wan_mbps" not in text and "price_usd" not in text


def test_show_names_bands_in_words_and_sources_in_the_tables_labels(cli) -> None:
    """Issue 12: show printed "5-2" for a second 5 GHz radio, and listed sources "for:"
    labels such as "Traffic priority (QoS)" that its fact table never shows."""
    result = cli("catalog", "show", "asus", "zenwifi ax xt8")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "5-2" not in text and "second 5 GHz" in text
    table, _, sources = text.partition("\nSources:\n")
    labels = {line.split("  ")[0] for line in table.splitlines()[2:]}
    vouched = [
        label
        for line in sources.splitlines()
        if line.startswith("    for: ")
        for label in line.removeprefix("    for: ").split("; ")
    ]
    assert vouched and set(vouched) <= labels, set(vouched) - labels


def test_show_says_an_end_of_life_listing_in_words(cli, tmp_path: Path) -> None:
    listing = tmp_path / "eol.json"
    row = {
        "brand": "TP-Link",
        "model": "Archer A7",
        "hardware_revision": "v5",
        "firmware": {"eol_listed_as_of": "2026-06-24"},
        "sources": [{"ref": "https://www.tp-link.com/us/support/eol/", "fields": ["firmware"]}],
    }
    listing.write_text(json.dumps([row]), encoding="utf-8")
    assert cli("catalog", "import", str(listing)).returncode == 0
    text = cli("catalog", "show", "tp-link", "archer a7 v5").stdout
    assert "On TP-Link's end-of-life list as of 2026-06-24, no end date given" in text
    shown = json.loads(cli("catalog", "show", "tp-link", "archer a7 v5", "--json").stdout)
    assert shown[0]["firmware"]["eol_listed_as_of"] == "2026-06-24"


def test_archer_a8_suggests_archer_a7_first_in_the_shipped_catalog(cli) -> None:
    """Issue 12's contract, on the real catalog (it sells the A6, A7 and A9 too)."""
    result = cli("catalog", "show", "tp-link", "archer a8")
    assert result.returncode == 2
    assert "did you mean 'TP-Link Archer A7 v5', " in one_line(result)


def test_show_names_an_access_points_ports_by_their_role(cli) -> None:
    """An access point's `wan_mbps` is its uplink, `lan_ports_mbps` its other ports; the
    sources say so in the same words."""
    text = cli("catalog", "show", "ubiquiti", "u7 pro").stdout
    table, _, sources = text.partition("\nSources:\n")
    assert re.search(r"^Uplink port \(to the router\), Mbit/s +2500$", table, re.M)
    assert re.search(r"^Other Ethernet ports, Mbit/s each +none$", table, re.M)
    assert "Internet (WAN) port" not in text and "LAN ports, Mbit/s each" not in text
    assert "Uplink port (to the router), Mbit/s" in sources


@pytest.mark.parametrize(
    ("brand", "model"), [("eero", "eero beacon"), ("google", "nest wifi point")]
)
def test_a_plug_in_point_without_an_ethernet_port_says_so_everywhere(cli, brand, model) -> None:
    """The eero Beacon and the Nest Wifi point link by radio only: wan_mbps = 0, kept as
    0 through the database into `list --json`, read "no Ethernet port" by `show` and "none"
    in the list's WAN column, never a speed of 0; a source vouches for it."""
    [document] = json.loads(cli("catalog", "show", brand, model, "--json").stdout)
    assert (document["kind"], document["wan_mbps"], document["lan_ports_mbps"]) == ("node", 0, [])
    assert any("wan_mbps" in s["fields"] and "Ethernet" in s["ref"] for s in document["sources"])
    listed = json.loads(cli("catalog", "list", "--json", "--brand", brand).stdout)
    assert [m["wan_mbps"] for m in listed if m["model"].lower() == model] == [0]
    text = cli("catalog", "show", brand, model).stdout
    assert re.search(
        r"^Internet \(WAN\) port, Mbit/s +no Ethernet port \(links by radio only\)$", text, re.M
    )
    assert re.search(r"^LAN ports, Mbit/s each +none$", text, re.M)
    table = cli("catalog", "list", "--brand", brand, "--kind", "node").stdout
    row = next(line for line in table.splitlines() if model in line.lower())
    assert " none " in row and " 0 " not in row
    assert model not in cli("catalog", "list", "--brand", brand, "--min-wan", "1").stdout.lower()


def test_suggestions_use_the_catalogs_spelling_and_a_plain_list(cli) -> None:
    result = cli("catalog", "show", "tp-link", "archer ax2")
    assert result.returncode == 2
    line = one_line(result)
    assert "no model 'archer ax2' by TP-Link; did you mean 'TP-Link Archer" in line
    assert "' or '" in line and line.count(" or ") == 1  # "'A', 'B' or 'C'"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--brand", "nosuch"), "no models match --brand nosuch; loosen or drop a filter"),
        (("--kind", "mesh", "--max-price", "1"), "no models match --kind mesh --max-price 1"),
        (("--max-price", "-5"), "--max-price: write a number of US dollars above 0, not '-5'"),
        (("--max-price", "abc"), "--max-price: write a number of US dollars above 0, not 'abc'"),
    ],
)
def test_filters_that_match_nothing_or_make_no_sense_say_so(cli, args, expected) -> None:
    """Review item 11: these printed only a header row with rc 0."""
    result = cli("catalog", "list", *args)
    assert result.returncode == 2 and result.stdout == ""
    assert expected in one_line(result)


def test_list_numbers_are_right_aligned_under_headers_with_units(cli) -> None:
    lines = cli("catalog", "list", "--brand", "tp-link").stdout.splitlines()
    header = lines[0]
    assert "WAN Mbit/s" in header and "price USD" in header and "RAM MB" in header
    end = header.index("price USD") + len("price USD")
    prices = [line[:end].split()[-1] for line in lines[1:]]
    assert all(p == "unknown" or re.fullmatch(r"[\d,]+\.\d\d", p) for p in prices), prices


def undocumented(help_text: str) -> list[str]:
    """The positionals and options in `--help` output that have no help text of their own."""
    entries: list[list[str]] = []
    for line in help_text.split("\n\n", 2)[-1].splitlines():
        if re.match(r"  \S", line):
            entries.append([line])
        elif line.startswith("    ") and entries:
            entries[-1].append(line)
    return [e[0].strip() for e in entries if len(e) == 1 and not re.search(r"\S  +\S", e[0][2:])]


def test_every_catalog_positional_and_option_has_help(cli) -> None:
    """Review item 18: brand, model, file, --kind, --format and --out had no help."""
    for command in ("list", "show", "import", "export", "build"):
        result = cli("catalog", command, "--help")
        assert result.returncode == 0
        assert undocumented(result.stdout) == [], command
    assert undocumented("usage: x\n\noptions:\n  -h, --help  show\n  --kind {a,b}\n") == [
        "--kind {a,b}"
    ]


def test_catalog_export_refuses_a_missing_folder_like_export(cli, tmp_path: Path) -> None:
    """Review item 19: the two exports worded a missing folder differently."""
    target = tmp_path / "no" / "catalog.csv"
    mine = cli("catalog", "export", "--format", "csv", "--out", str(target))
    theirs = cli("export", "--format", "md", "--out", str(tmp_path / "no" / "x.md"))
    assert mine.returncode == theirs.returncode == 2
    expected = f"the folder {tmp_path / 'no'} does not exist: create it or pick another"
    assert expected in one_line(mine) and expected in one_line(theirs)


def test_reimporting_an_export_stores_no_rows(cli, tmp_path: Path) -> None:
    """Review item 10: an unchanged export re-imported stored 140 no-op rows."""
    exported = tmp_path / "catalog.csv"
    assert cli("catalog", "export", "--format", "csv", "--out", str(exported)).returncode == 0
    assert cli("catalog", "import", str(exported)).returncode == 0
    built = cli("catalog", "build")
    assert built.returncode == 0, built.stderr
    assert "0 imported rows applied again" in built.stdout


def test_a_forced_rebuild_keeps_readable_imports_and_warns_when_they_are_lost(
    cli, app_home: Path, tmp_path: Path
) -> None:
    """Review item 10: --force threw imported models away without a word."""
    new = tmp_path / "new.csv"
    new.write_text(
        "brand,model,kind,pack_size,wifi_generation,price_usd,sources\n"
        'Nova,N1,router,1,6,120,"[{""ref"": ""https://nova.test"", ""fields"": [""price_usd""]}]"\n'
    )
    assert cli("catalog", "import", str(new)).returncode == 0, "import"
    db = app_home / "catalog.db"
    with sqlite3.connect(db) as conn:  # readable, but from a newer app: unusable
        conn.execute("PRAGMA user_version = 99")
    kept = cli("catalog", "build", "--force")
    assert kept.returncode == 0, kept.stderr
    assert "Kept 1 imported row recovered from it." in kept.stdout and kept.stderr == ""
    assert cli("catalog", "show", "nova", "n1").returncode == 0
    db.write_bytes(b"not sqlite" * 100)
    lost = cli("catalog", "build", "--force")
    assert lost.returncode == 0
    assert "import your files again" in one_line(lost)

"""`router-advisor catalog ...` run as a person would: real process, real data/, exit codes."""

import json
from pathlib import Path

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
}


def test_list_json_has_the_promised_fields(cli) -> None:
    result = cli("catalog", "list", "--json")
    assert result.returncode == 0, result.stderr
    models = json.loads(result.stdout)
    assert len(models) >= 3
    for model in models:
        assert set(model) >= LIST_KEYS
        assert model["kind"] in ("router", "mesh")
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
    assert "sources:" in text and first["sources"][0]["ref"] in text


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
        "router-advisor: error: bad.csv row 2: column 'price_usd' 'cheap' "
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
    assert result.returncode == 2 and "is not a file" in result.stderr

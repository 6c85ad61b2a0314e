"""The verdict on the router a household has reaches the recommendation: judged again with
the answers and the line, in `recommend --json`, the CLI text and every export."""

import csv
import io
import json
from pathlib import Path

from router_advisor.cli.main import main
from router_advisor.core.answers import answers_from_dict
from router_advisor.core.current_router import (
    CurrentRouterReport,
    CurrentVerdict,
    Identified,
    KnownRouter,
)
from router_advisor.core.recommend import recommend
from router_advisor.core.scan import ScanResult
from router_advisor.report.csv_report import render_csv
from router_advisor.report.html import render_html
from router_advisor.report.markdown import render_markdown

from tests.core.fixture_catalog import fixture_routers

TODAY = "2026-12-01"


def _scan_with_gigabit_router() -> ScanResult:
    known = KnownRouter("Netgear", "R7000", "test", wifi_generation="5", wan_mbps=1000)
    # As the scan judged it: before the answers said the plan is 2 Gbit/s.
    report = CurrentRouterReport(
        "10.0.0.1",
        Identified(known, "high", ("UPnP modelName 'R7000'",)),
        CurrentVerdict("keep", ("fine so far",)),
    )
    return ScanResult("eth0", "10.0.0.0/24", "10.0.0.1", "arp", 1.0, current_router=report)


def _recommendation():  # type: ignore[no-untyped-def]
    answers = answers_from_dict({"isp": {"down_mbps": 2000, "up_mbps": 2000}})
    return recommend(answers, fixture_routers(), None, _scan_with_gigabit_router(), today=TODAY)


def test_the_recommendation_judges_the_router_again_with_the_plan() -> None:
    rec = _recommendation()
    assert rec.current_router is not None
    assert rec.current_router.verdict.verdict == "replace"
    data = rec.to_dict()["current_router"]
    assert data["identified"]["model"] == "R7000" and data["verdict"] == "replace"
    assert "2 Gbit/s instead of about 940 Mbit/s" in data["gain"]


def test_every_export_carries_the_verdict() -> None:
    rec = _recommendation()
    md = render_markdown(rec)
    assert "## Your router now: Netgear R7000: Replace it" in md
    assert "940 Mbit/s" in md
    assert "Your router now: Netgear R7000: Replace it" in render_html(rec)
    rows = list(csv.reader(io.StringIO(render_csv(rec))))
    at = rows.index(["your router now", "verdict"])
    assert rows[at + 1] == ["Netgear R7000", "replace"]


def test_recommend_prints_it_from_a_scan_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    scan_file = tmp_path / "scan.json"
    scan_file.write_text(json.dumps(_scan_with_gigabit_router().to_dict()), encoding="utf-8")
    answers = tmp_path / "answers.toml"
    answers.write_text("[isp]\ndown_mbps = 2000\nup_mbps = 2000\n", encoding="utf-8")
    assert main(["recommend", "--answers", str(answers), "--scan", str(scan_file)]) == 0
    out = capsys.readouterr().out
    assert "Your router now: Netgear R7000: Replace it" in out
    assert main(["recommend", "--scan", str(scan_file), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["current_router"]["gateway_ip"] == "10.0.0.1"

"""Verdicts for gaming, video calls, 4K streaming and large uploads (Cloudflare AIM scoring)."""

from router_advisor.core.verdicts import LineFacts, speed_verdicts


def test_a_fast_quiet_line_is_great_for_everything() -> None:
    facts = LineFacts(
        500.0,
        200.0,
        idle_latency_ms=8.0,
        jitter_ms=2.0,
        loaded_increase_ms=4.0,
        upload_increase_ms=4.0,
    )
    ratings = {name: v.rating for name, v in speed_verdicts(facts).items()}
    assert ratings == {
        "gaming": "great",
        "video_calls": "great",
        "streaming_4k": "great",
        "large_uploads": "great",
    }


def test_bufferbloat_costs_gaming_but_not_bandwidth() -> None:
    quiet = LineFacts(100.0, 20.0, idle_latency_ms=15.0, jitter_ms=3.0, loaded_increase_ms=5.0)
    bloated = LineFacts(
        100.0,
        20.0,
        idle_latency_ms=15.0,
        jitter_ms=3.0,
        loaded_increase_ms=600.0,
        upload_increase_ms=600.0,
    )
    assert speed_verdicts(quiet)["gaming"].rating == "great"
    assert speed_verdicts(bloated)["gaming"].rating == "poor"
    assert speed_verdicts(bloated)["video_calls"].rating in ("poor", "okay")
    uploads = speed_verdicts(bloated)["large_uploads"]
    assert uploads.rating == "poor"  # "okay" by bandwidth, one step down for the bloat
    assert "latency rises by 600 ms" in uploads.reason


def test_4k_needs_fifteen_megabits() -> None:
    slow = speed_verdicts(LineFacts(12.0, 5.0))["streaming_4k"]
    assert slow.rating == "poor" and "15 Mbit/s" in slow.reason
    assert speed_verdicts(LineFacts(30.0, 5.0))["streaming_4k"].rating == "good"


def test_video_calls_need_upload_for_hd() -> None:
    facts = LineFacts(100.0, 2.0, idle_latency_ms=5.0, jitter_ms=1.0, loaded_increase_ms=2.0)
    calls = speed_verdicts(facts)["video_calls"]
    assert calls.rating == "okay" and "below 3.8" in calls.reason


def test_manual_speeds_give_only_bandwidth_verdicts() -> None:
    verdicts = speed_verdicts(LineFacts(300.0, 50.0))
    assert set(verdicts) == {"streaming_4k", "large_uploads"}
    assert "latency not measured" in verdicts["streaming_4k"].reason
    assert "10 GB takes about 27 min" in verdicts["large_uploads"].reason


def test_a_4k_rating_below_good_says_why_when_the_bandwidth_is_plenty() -> None:
    facts = LineFacts(
        96.0,
        19.0,
        idle_latency_ms=12.0,
        jitter_ms=1.0,
        loaded_increase_ms=130.0,
        upload_increase_ms=130.0,
    )
    verdict = speed_verdicts(facts)["streaming_4k"]
    assert verdict.rating == "okay"
    assert "room for 6 4K streams" in verdict.reason and "rises by 130 ms" in verdict.reason


def test_a_rise_past_the_interactive_limit_makes_games_poor_and_calls_okay_at_best() -> None:
    # AIM alone would call this line "okay" for games and "good" for calls.
    facts = LineFacts(
        300.0,
        50.0,
        idle_latency_ms=5.0,
        jitter_ms=1.0,
        loaded_increase_ms=323.0,
        upload_increase_ms=323.0,
    )
    verdicts = speed_verdicts(facts)
    assert verdicts["gaming"].rating == "poor" and "games lag" in verdicts["gaming"].reason
    assert verdicts["video_calls"].rating == "okay"

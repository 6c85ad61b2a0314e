"""A promise counted from launch ends: a 2019 Nest Wifi ("5 years from launch") is past its
security support in 2026 and is not shortlisted for purchase (it was, as #2)."""

from router_advisor.core.router import FirmwarePolicy, Router, Source, support_end

SOURCES = (Source("https://example.test", ("wan_mbps",)),)


def _nest(year: int, basis: str = "launch") -> Router:
    policy = FirmwarePolicy(support_years_promised=5, support_counts_from=basis)  # type: ignore[arg-type]
    return Router(
        "Google", "Nest Wifi", "mesh", 2, "5", SOURCES, release_year=year, firmware=policy
    )


def test_a_window_from_launch_ends_at_the_latest_day_it_can_reach() -> None:
    assert support_end(_nest(2019)) == "2024-12-31"
    assert support_end(_nest(2022)) == "2027-12-31"


def test_a_window_from_end_of_sale_gives_no_date_and_a_vendor_date_wins() -> None:
    assert support_end(_nest(2019, "end_of_sale")) is None
    dated = Router(
        "TP-Link",
        "Deco X20",
        "mesh",
        3,
        "6",
        SOURCES,
        firmware=FirmwarePolicy(
            end_of_support="2025-07-31", support_years_promised=5, support_counts_from="launch"
        ),
        release_year=2020,
    )
    assert support_end(dated) == "2025-07-31"


def test_past_support_from_launch_is_not_for_sale() -> None:
    from router_advisor.core.answers import Answers
    from router_advisor.core.needs import derive_requirements
    from router_advisor.core.system_builder import for_sale_problem

    q = derive_requirements(Answers(), None, None)
    assert for_sale_problem(_nest(2019), q, "2026-12-01") == "end_of_support"
    assert for_sale_problem(_nest(2022), q, "2026-12-01") is None

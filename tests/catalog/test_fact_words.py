"""Every catalog field has a label, and stored values read as words."""

from router_advisor.catalog.fields import FIELDS, TABLES
from router_advisor.core.fact_words import (
    ACCESS_POINT_LABELS,
    FACT_LABELS,
    fact_text,
    source_labels,
)
from router_advisor.core.router import BANDS, KINDS, LINES, POE_VALUES


def test_every_field_has_one_label_and_no_label_is_used_twice() -> None:
    assert set(FACT_LABELS) == set(FIELDS)
    assert len(set(FACT_LABELS.values())) == len(FACT_LABELS)
    assert set(ACCESS_POINT_LABELS) <= set(FIELDS)
    assert not set(ACCESS_POINT_LABELS.values()) & set(FACT_LABELS.values())


def test_stored_values_read_as_words() -> None:
    assert fact_text("bands", ["2.4", "5", "5-2", "6"]) == "2.4 GHz, 5 GHz, second 5 GHz, 6 GHz"
    assert fact_text("streams", {"5-2": 4}) == "second 5 GHz: 4"
    assert fact_text("poe", "in_out") == "can be powered by PoE and supplies PoE"
    assert fact_text("firmware.support_counts_from", "end_of_sale") == "end of sale"
    assert fact_text("line", "lte_5g") == "LTE/5G" and fact_text("kind", "node") != "node"
    assert fact_text("usb", []) == "none" and fact_text("wpa3", None) == "unknown"
    assert fact_text("wan_mbps", 0) == "no Ethernet port (links by radio only)"  # not 0 Mbit/s
    assert fact_text("wan_mbps", 1000) == "1000" and fact_text("wan_mbps", None) == "unknown"
    for name, values in (("bands", BANDS), ("kind", KINDS), ("line", LINES), ("poe", POE_VALUES)):
        for value in values:
            assert "_" not in fact_text(name, [value] if name == "bands" else value)


def test_a_table_a_source_vouches_for_reads_as_its_members_labels() -> None:
    for table in TABLES:
        labels = source_labels([table])
        members = [FACT_LABELS[n] for n in FIELDS if n.startswith(table + ".")]
        assert labels == members
    assert source_labels(["wan_mbps", "qos", "qos.sqm"])[0] == "Internet (WAN) port, Mbit/s"
    assert len(source_labels(["qos", "qos.sqm"])) == 3


def test_an_end_of_life_listing_reads_as_a_sentence_naming_the_maker() -> None:
    assert (
        fact_text("firmware.eol_listed_as_of", "2026-06-24", "ASUS")
        == "On ASUS's end-of-life list as of 2026-06-24, no end date given"
    )

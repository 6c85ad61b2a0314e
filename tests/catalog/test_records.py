"""Routers built from flat catalog values are the ones their dataclass __init__ would make."""

import dataclasses

from router_advisor.catalog.records import router_from_flat
from router_advisor.catalog.source import load_source
from router_advisor.core.router import FirmwarePolicy, Management, QoS, Router
from router_advisor.resources import data_path


def _rebuilt(router: Router) -> Router:
    """The same router through the generated __init__ (tables included)."""
    fields = {f.name: getattr(router, f.name) for f in dataclasses.fields(router)}
    for name, cls in (("qos", QoS), ("management", Management), ("firmware", FirmwarePolicy)):
        table = fields[name]
        fields[name] = cls(**{f.name: getattr(table, f.name) for f in dataclasses.fields(table)})
    return Router(**fields)


def test_the_fast_constructor_makes_what_init_makes_for_every_shipped_model() -> None:
    for record in load_source(data_path("catalog")):
        router = router_from_flat(record.values, record.sources)
        assert router == _rebuilt(router), record.key
        assert hash(router) == hash(_rebuilt(router))
        assert router.key == record.key


def test_the_classes_it_fills_have_no_post_init_to_skip() -> None:
    for cls in (Router, QoS, Management, FirmwarePolicy):
        assert not hasattr(cls, "__post_init__"), cls.__name__
        assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_an_unknown_fact_keeps_the_classes_default() -> None:
    router = router_from_flat(
        {"brand": "A", "model": "B", "kind": "router", "pack_size": 1, "wifi_generation": "6"},
        (),
    )
    assert router.qos == QoS() and router.wan_mbps is None and router.sources == ()

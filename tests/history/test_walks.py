"""Walks in the history: kept across restarts, undo, compared with the walk before, kept
with the wizard run, and surviving a pruned run."""

from pathlib import Path

from router_advisor.core.scan import WifiLink
from router_advisor.core.walk import WalkStop
from router_advisor.history.store import HistoryStore
from router_advisor.history.walks import WalkStore

from tests.history import factory


def _stop(room: str, mbps: float, dbm: int | None = -60) -> WalkStop:
    link = WifiLink(band="5", signal_dbm=dbm, bssid="50:c7:bf:8e:12:6d") if dbm else None
    return WalkStop(room, "2026-12-01T10:00:00Z", link, mbps, mbps, 3.5)


def test_a_walk_is_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "history.db"
    with HistoryStore(path) as store:
        walks = WalkStore(store.db)
        walk_id = walks.new_walk("2026-12-01T10:00:00Z")
        walks.add_stop(walk_id, _stop("Hall", 600))
        walks.add_stop(walk_id, _stop("Bedroom 2", 20, -79))
    with HistoryStore(path) as store:  # a new process would open it the same way
        walks = WalkStore(store.db)
        assert walks.current_id() == walk_id
        walk = walks.get(walk_id)
        assert [s.room for s in walk.stops] == ["Hall", "Bedroom 2"]
        assert walk.stops[1] == _stop("Bedroom 2", 20, -79)


def test_undo_removes_only_the_last_stop(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "h.db") as store:
        walks = WalkStore(store.db)
        walk_id = walks.new_walk("t")
        assert walks.undo_last(walk_id) is None
        walks.add_stop(walk_id, _stop("Hall", 600))
        walks.add_stop(walk_id, _stop("Kitchen", 300))
        removed = walks.undo_last(walk_id)
        assert removed is not None and removed.room == "Kitchen"
        walks.add_stop(walk_id, _stop("Study", 200))
        assert [s.room for s in walks.get(walk_id).stops] == ["Hall", "Study"]


def test_the_walk_before_is_the_newest_earlier_one_with_stops(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "h.db") as store:
        walks = WalkStore(store.db)
        first = walks.new_walk("t1")
        walks.add_stop(first, _stop("Hall", 100))
        walks.new_walk("t2")  # started and left empty
        third = walks.new_walk("t3")
        before = walks.before(third)
        assert before is not None and before.id == first
        assert [(w[0], w[2]) for w in walks.list_walks()] == [
            (third, 0),
            (third - 1, 0),
            (first, 1),
        ]


def test_a_walk_stays_when_its_run_is_pruned(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "h.db") as store:
        run_id = store.save_run(factory.run([factory.device(1)]))
        walks = WalkStore(store.db)
        walk_id = walks.new_walk("t")
        assert walks.attach_current(run_id) is None  # no stops yet: nothing to keep
        walks.add_stop(walk_id, _stop("Hall", 600))
        assert walks.attach_current(run_id) == walk_id
        assert walks.attach_current(run_id) is None  # already kept with a run
        store.save_run(factory.run([factory.device(1)]))
        assert store.prune(1) == 1
        kept = walks.get(walk_id)
        assert kept.run_id is None and [s.room for s in kept.stops] == ["Hall"]

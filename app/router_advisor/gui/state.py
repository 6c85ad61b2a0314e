"""What the wizard has gathered so far, shared by its pages (plain data, no Qt)."""

from dataclasses import dataclass, field
from typing import Any

from router_advisor.core.answers import Answers
from router_advisor.core.current_router import CurrentRouterReport
from router_advisor.core.scan import ScanResult
from router_advisor.core.speed import SpeedResult


@dataclass
class ChecklistItem:
    """One vendor question as the person keeps it: ticked, edited or added by them."""

    question: str
    why: str = ""
    done: bool = False
    added_by_user: bool = False


@dataclass
class WizardState:
    """The answers are the typed core `Answers`; files and the history get them in the
    answers-file shape (`answers_to_file_dict`)."""

    answers: Answers = field(default_factory=Answers)
    speed: SpeedResult | None = None
    scan: ScanResult | None = None
    # The router in use: from the scan, or the model the person named on the Devices page.
    current_router: CurrentRouterReport | None = None
    labels: dict[str, str] = field(default_factory=dict)  # MAC -> the person's name for it
    recommendation: Any = None  # router_advisor.core.recommend.Recommendation once computed
    checklist: list[ChecklistItem] = field(default_factory=list)
    run_id: int | None = None  # the run saved with the recommendation
    save_error: str | None = None  # why it could not be saved
    walk: Any = None  # router_advisor.core.walk_report.WalkReport the recommendation used

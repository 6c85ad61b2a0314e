"""Step 1: what the app measures, that results stay here, what the speed test sends out."""

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout
from router_advisor.gui.pages.base import WizardContext, WizardPage, wrapped_label
from router_advisor.gui.style import icon

POINTS = (
    (
        "speed",
        "Your internet speed",
        "Download, upload and delay, both when the line is quiet and when it is busy, because a "
        "busy line is what makes games and calls stutter.",
    ),
    (
        "devices",
        "The devices at home",
        "How many phones, computers, TVs and smart-home gadgets share your network, and how "
        "crowded the Wi-Fi air around you is.",
    ),
    (
        "home",
        "Your home and how you use it",
        "One page of questions: size, floors, walls, cable between rooms, who games or works "
        "from home, your internet line, your budget.",
    ),
    (
        "recommendations",
        "An honest shortlist",
        "Whole systems ranked for your home (a router, a mesh kit and its extra nodes, access "
        "points), priced as a whole, with the reasons, the caveats and the questions to ask a "
        "shop before you buy.",
    ),
)

PRIVACY = (
    "<b>Your results stay on this computer.</b> They are saved in the app's own folder so you "
    "can compare later; nothing is uploaded and there is no account."
)
SPEED_TRAFFIC = (
    "<b>What leaves your network:</b> only the speed test. It talks to one speed-test server "
    "(the nearest speedtest.net server, unless you choose another under Server on the "
    "speed step): it downloads and uploads "
    "throw-away data for a few seconds (at most 12) and measures the delay. The device scan "
    "never leaves your home network. You can skip either step."
)


class WelcomePage(WizardPage):
    title = "Welcome"
    subtitle = "Find the router that fits your home, in about five minutes."
    icon_name = "welcome"

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label("Router Advisor looks at four things:"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        for row, (icon_name, heading, text) in enumerate(POINTS):
            picture = QLabel()
            picture.setPixmap(icon(icon_name).pixmap(28, 28))
            grid.addWidget(picture, row, 0)
            grid.addWidget(wrapped_label(f"<b>{heading}</b><br>{text}"), row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addSpacing(8)
        for text in (PRIVACY, SPEED_TRAFFIC):
            note = wrapped_label(text, "infoBanner")
            note.setFrameShape(QFrame.Shape.NoFrame)
            layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(
            wrapped_label("Press Next (Alt+Right) to start. Every step can be skipped.", "muted")
        )

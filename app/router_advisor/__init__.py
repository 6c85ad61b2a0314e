"""Router Advisor: choose a home Wi-Fi router from facts about your own home."""

__version__ = "0.1.0"

"""Measurement engines: LAN discovery, Wi-Fi link, speed test. I/O, never Qt."""

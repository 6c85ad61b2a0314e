"""Shortlist, requirements and questions rendered as Markdown, HTML, CSV and JSON."""

"""Scoring a catalog model against a household's requirements: limits, criteria, weights."""

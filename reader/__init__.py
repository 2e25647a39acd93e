"""Diglot: a reader for declassified archival documents, original beside translation."""

__version__ = "0.1.0"

"""Aligning an original with its translation: paragraphs, then sentences."""

"""Exporting a document: the page model that printing and writers share."""

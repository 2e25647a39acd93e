"""Provenance: source citations, the archives they name, citation formats."""

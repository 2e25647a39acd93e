"""The Qt-free core of Diglot: documents, parsing, provenance, library and index."""

"""The search index over the library (whoosh): building, updating, querying."""

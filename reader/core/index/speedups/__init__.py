"""Faster paths through whoosh 2.7.4 that rely on its private names (see each module)."""

"""The library: the pages a user has, where they live, importing, duplicates."""

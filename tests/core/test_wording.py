from __future__ import annotations

from reader.core.wording import plural


def test_plural_says_one_and_many() -> None:
    assert plural(1, "document") == "1 document"
    assert plural(0, "document") == "0 documents"
    assert plural(3, "duplicate copy", "duplicate copies") == "3 duplicate copies"
    assert plural(1, "duplicate copy", "duplicate copies") == "1 duplicate copy"

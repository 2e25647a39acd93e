from __future__ import annotations

import pytest

from reader.core.export.html_file import to_html_file
from tests.core.export.conftest import Exporter
from tests.core.export.html_check import Parsed
from tests.core.export.made_up_annotations import HOSTILE


@pytest.mark.parametrize("layout", ["facing", "single", "excerpts"])
def test_html_file_is_self_contained_and_escaped(exporter: Exporter, layout: str) -> None:
    export = exporter(layout)
    planted = type(export)(**{**export.__dict__, "title": HOSTILE})
    html = to_html_file(planted)
    parsed = Parsed(html)
    assert parsed.tags.count("style") == 1 and parsed.tags.count("title") == 1
    assert not {"script", "img", "link", "a", "iframe", "object"} & set(parsed.tags)
    assert not [v for k, v in parsed.attributes if k in {"src", "href"}]
    assert "url(" not in html and "@import" not in html
    assert parsed.all_text.count(HOSTILE) >= 3  # the title twice, the note and its tag
    assert "max-width" in html

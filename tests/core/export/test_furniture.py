from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from reader.core.export.furniture import (
    BundleItem,
    bundle_file_name,
    contents_html,
    furniture_of,
    page_label,
    plan_bundle,
    short_title,
    table_of_contents,
)
from reader.core.export.model import build_export
from reader.core.page.parser import parse_page
from tests.conftest import SEED_PAGE
from tests.core.seed_variants import SEED_DATE, SEED_RECORD, SEED_TITLE, made_up_id


def test_the_seeds_furniture_carries_its_citation_record_and_date() -> None:
    export = build_export(parse_page(SEED_PAGE))
    furniture = furniture_of(export)
    assert furniture.date == SEED_DATE
    assert furniture.record_label() == f"Record ID {SEED_RECORD}"
    assert furniture.citation == export.citation
    assert furniture.citation.startswith('"Ciphered Telegram, Filippov [Stalin]')
    assert furniture.short_title.endswith("\u2026")
    assert SEED_TITLE.startswith(furniture.short_title[:-1])
    assert len(furniture.short_title) <= 70


def test_short_title_cuts_at_a_word_and_keeps_short_titles_whole() -> None:
    assert short_title("  Memorandum \n on   Korea ") == "Memorandum on Korea"
    assert short_title("Memorandum of a Conversation", limit=16) == "Memorandum of a\u2026"
    assert short_title("Memorandum, Conversation", limit=14) == "Memorandum\u2026"
    assert short_title("Supercalifragilistic", limit=6) == "Super\u2026"
    assert page_label(3, 12) == "page 3 of 12"


def test_a_record_without_an_id_has_no_record_line() -> None:
    export = build_export(parse_page(SEED_PAGE))
    assert furniture_of(replace(export, record_id="")).record_label() == ""


def _item(n: int) -> BundleItem:
    return BundleItem(f"Made-up page {n}", f"May {n}, 1951", made_up_id(n))


def test_a_bundle_prints_each_document_once_in_the_order_chosen() -> None:
    assert plan_bundle(["doc-3", "doc-1", "doc-3", "", "doc-2", "doc-1"]) == (
        "doc-3",
        "doc-1",
        "doc-2",
    )
    assert plan_bundle([]) == ()


def test_one_file_each_gets_a_name_that_stays_in_its_folder() -> None:
    assert bundle_file_name("113729") == "113729.pdf"
    assert bundle_file_name("../../etc/passwd") == "_.._etc_passwd.pdf"
    assert bundle_file_name("..") == "document.pdf"
    assert bundle_file_name("a/b") == "a_b.pdf"


def test_bundle_items_come_from_exports() -> None:
    export = build_export(parse_page(SEED_PAGE))
    assert BundleItem.of(export) == BundleItem(SEED_TITLE, SEED_DATE, SEED_RECORD)


def test_the_contents_give_each_documents_first_page_after_the_contents() -> None:
    items = [_item(1), _item(2), _item(3)]
    entries = table_of_contents(items, [2, 5, 1], contents_pages=1)
    assert [entry.first_page for entry in entries] == [2, 4, 9]
    assert [entry.record_id for entry in entries] == [made_up_id(n) for n in (1, 2, 3)]
    assert table_of_contents(items, [1, 1, 1], contents_pages=2)[0].first_page == 3
    with pytest.raises(ValueError, match="3 documents but 2"):
        table_of_contents(items, [1, 1], contents_pages=1)
    with pytest.raises(ValueError, match="at least one page"):
        table_of_contents(items, [1, 0, 1], contents_pages=1)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_contents_html_escapes_titles_and_lists_every_entry() -> None:
    hostile = BundleItem("<script>alert(1)</script> & <b>Korea</b>", "1950", made_up_id(9))
    entries = table_of_contents([hostile, _item(2)], [3, 1], contents_pages=1)
    parser = _Text()
    parser.feed(contents_html(entries))
    text = "".join(parser.parts)
    assert "<script>alert(1)</script> & <b>Korea</b>" in text
    assert "script" not in parser.tags and "b" not in parser.tags
    assert f"Record ID {made_up_id(9)}" in text.replace("\xa0", " ")
    assert "Made-up page 2" in text and "5" in text


def test_contents_html_starts_a_page_before_each_break() -> None:
    entries = table_of_contents([_item(n) for n in range(5)], [1] * 5, contents_pages=2)
    html = contents_html(entries, breaks=[3])
    assert html.count("page-break-before: always") == 1
    before, after = html.split("page-break-before: always")
    assert "Made-up page 2" in before and "Made-up page 3" not in before
    assert "Made-up page 3" in after and "Made-up page 4" in after
    assert "page-break" not in contents_html(entries)

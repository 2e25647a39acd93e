from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.export.markdown import escape_markdown, to_markdown
from tests.conftest import DATA
from tests.core.export.conftest import Exporter
from tests.core.export.made_up_annotations import HOSTILE, MADE_UP

GOLDEN = DATA / "export" / "made_up_annotations_seed.md"


def tokens(markdown: str) -> list[Token]:
    found = []
    stack = MarkdownIt("commonmark").parse(markdown)
    while stack:
        token = stack.pop(0)
        found.append(token)
        stack[:0] = token.children or []
    return found


def test_markdown_of_the_seed_matches_the_golden_file(exporter: Exporter) -> None:
    # The seed is the archive's record; its annotations are made up (the file's name says so).
    assert to_markdown(exporter("facing")) == GOLDEN.read_text(encoding="utf-8")


def test_markdown_reads_back_as_quotes_notes_and_citations(exporter: Exporter) -> None:
    found = tokens(to_markdown(exporter("excerpts")))
    kinds = {t.type for t in found}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "em_open",
                        "strong_open", "code_inline", "code_block", "bullet_list_open",
                        "ordered_list_open"}
    text = "\n".join(t.content for t in found if t.type == "text")
    assert HOSTILE in text and f"#{HOSTILE}" in text
    for _, quote, _, note, _ in MADE_UP:
        assert quote in text
        for line in note.splitlines():
            assert line in text
    headings = [found[i + 1].content for i, t in enumerate(found) if t.type == "heading_open"
                and t.tag == "h2"]
    assert headings[0] == "1. place — original ¶6"
    assert headings[-2:] == ["Orphaned annotations", "6. person"]
    quotes = sum(1 for t in found if t.type == "blockquote_open")
    assert quotes == 2 * len(MADE_UP) + 1  # both sides of each, the orphan's old words


def test_escaping_keeps_the_words() -> None:
    for text in ("1. first", "- item", "  <b>x</b> & *y* [a](b) #h", "1.X.50 [1 October 1950]",
                 "== x", "> q", "a\\b `c` _d_ ~e~ |f| !g"):
        rendered = tokens(escape_markdown(text))
        assert [t.content for t in rendered if t.type == "text"] == [text.lstrip()]
    assert escape_markdown("plain 1.X.50") == "plain 1.X.50"

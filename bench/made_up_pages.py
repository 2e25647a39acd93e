"""Made-up pages that once stopped the parser or the window (issue 12), at any size.

Every text here is generated (`bench.corpus.PageWriter`); none is a record's. The suite builds
them small; `bench/hostile_pages.py` builds them at full size and times them.
"""

from __future__ import annotations

from bench.corpus import PageWriter

_HEAD = "<!doctype html><html><head><title>Made up</title></head><body><main>"
_HTML_TAIL = (
    "<p>October 1, 1950</p><h1>Made-up telegram for a test</h1>"
    "<p>Передано по телеграфу в Пекин для передачи.</p>"
    "<p>Transmitted by telegraph to Beijing for delivery.</p><h2>Document Information</h2>"
    "<p>Source</p><p>Made-up Archive, Fond 1</p><p>Type</p><p>Telegram</p></main></body></html>"
)


def nested_html(levels: int) -> str:
    """A page whose body is `levels` nested <div>s around a made-up record."""
    return _HEAD + "<div>" * levels + _HTML_TAIL + "</div>" * levels


def unclosed_tags(count: int) -> str:
    """A page with `count` <b> tags never closed before a made-up record."""
    return _HEAD + "<b>" * count + _HTML_TAIL


def unclosed_comments(count: int) -> str:
    """A page with `count` "<!--" that are never closed, after a made-up record."""
    return _HEAD + _HTML_TAIL + "<!--" * count


def _page(original: list[str], translation: list[str], source: str = "") -> str:
    """A text page in the seed's layout around the given paragraphs; no record ID."""
    return "\n\n".join([
        "Skip to content", "October 1, 1950", "Made-up telegram for a test", *original,
        *translation, "Author(s):", "Document Information", "Source",
        source or "Made-up Archive, Fond 45, Opis 1, Delo 3, Listy 4-5", "Type", "Telegram",
        "Language", "Russian",
    ]) + "\n"  # fmt: skip


def long_source(size: int) -> str:
    """A page whose Source paragraph is about `size` characters of made-up citations."""
    one = "APRF, Fond 45, Opis 1, Delo 3, Listy 4-5 and "
    return _page(["Передано по телеграфу в Пекин для немедленной передачи."],
                 ["Transmitted by telegraph to Beijing for immediate delivery."],
                 one * max(1, size // len(one)))  # fmt: skip


def _sentences(size: int, seed: int) -> tuple[list[str], list[str]]:
    """Made-up Russian sentences and their translations, about `size` bytes in all."""
    writer = PageWriter(seed)
    original: list[str] = []
    translation: list[str] = []
    used = 0
    while used < size:
        ru, en = writer.sentence(1950)
        original.append(ru)
        translation.append(en)
        used += len(ru.encode()) + len(en) + 4
    return original, translation


def many_paragraphs(size: int, seed: int = 11) -> str:
    """A page of about `size` bytes: an original and its translation, a sentence a paragraph."""
    return _page(*_sentences(size, seed))


def one_paragraph(size: int, seed: int = 13) -> str:
    """A page of about `size` bytes whose original and translation are one paragraph each."""
    original, translation = _sentences(size, seed)
    return _page([" ".join(original)], [" ".join(translation)])

"""Made-up annotations on the real seed page: the words are the record's, the marks are not.

The seed's text is never changed; these are highlights and notes a test reader might have
made, including a note that plants markup, so the writers' escaping is tested on real text.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.annotations.editing import Annotator
from reader.core.annotations.model import Anchor, Annotation, new_id, now
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.text_range import Pane, TextRange

HOSTILE = '<script>alert(1)</script><img src="http://example.invalid/x.png"> *bold* [a](b)'
# (side, quote, category, note, tags): every quote occurs once in its paragraph of the seed.
MADE_UP: tuple[tuple[Pane, str, str, str, tuple[str, ...]], ...] = (
    ("original", "В районе Сеула", "place", "Seoul: the front has collapsed", ("front",)),
    ("translation", "Moscow warned our Korean friends", "claim",
     "Made-up note: compare the 16 September warning", ()),
    ("original", "пять-шесть дивизий", "claim", "Пять-шесть: how many divisions?\nSecond line",
     ("numbers", "divisions")),
    ("translation", "I await your reply.", "date", "", ()),
    ("translation", "could be considered as volunteers", "translation doubt", HOSTILE, (HOSTILE,)),
)
ORPHAN_QUOTE = "made-up words that are not in the record"


def where(document: Document, side: Pane, quote: str) -> TextRange:
    """The range of `quote` in the seed's `side` text; it must occur there once."""
    text = document.original if side == "original" else document.translations[0]
    assert text is not None
    found = [(i, p.index(quote)) for i, p in enumerate(text.paragraphs) if quote in p]
    assert len(found) == 1, (side, quote, found)
    number, at = found[0]
    return TextRange(side, number, at, at + len(quote))


def annotate(store: AnnotationStore, document: Document, orphan: bool = True
             ) -> list[Annotation]:
    """Store the made-up annotations of `document` (the seed) and, if asked, one orphan."""
    annotator = Annotator(store)
    made = [annotator.add(document, where(document, side, quote), category, note, tags)
            for side, quote, category, note, tags in MADE_UP]
    if orphan:
        category = store.category("person")
        assert category is not None
        lost = Annotation(
            id=new_id(), document=document.id, content_hash=document.content_hash,
            side="original", translation=0,
            anchor=Anchor(ORPHAN_QUOTE, "", "", 0, len(ORPHAN_QUOTE), 0),
            category=category.id, note="Made-up orphan note", created=now(), modified=now(),
            status="orphaned")
        store.write([lost])
        made.append(replace(lost))
    return made

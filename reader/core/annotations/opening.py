"""A document's annotations as it opens: re-anchored when its text changed, then painted.

`open_annotations` checks every annotation saved against another version of the page and
writes the outcomes (new anchors, statuses) in one transaction; those are not the user's
changes, so they are not on the undo history. `paints` turns annotations into the ranges each
pane paints, projections onto the other pane included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from reader.core.align.alignment import Alignment
from reader.core.annotations.anchoring import Matcher
from reader.core.annotations.model import (
    Annotation,
    Category,
    Paint,
    paragraph_at,
    paragraph_starts,
    ranges_of,
    side_text,
)
from reader.core.annotations.projection import Projection, Projector
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document, Text
from reader.core.text_range import Pane, TextRange

AlignmentFor = Callable[[int], Alignment | None]  # translation index -> alignment, or None


def reanchor_all(document: Document, annotations: Sequence[Annotation]) -> list[Annotation]:
    """Annotations re-anchored in `document`'s current texts; unchanged ones returned as they are.

    Only annotations saved against another content hash are looked at; one `Matcher` serves
    all the annotations of one text.
    """
    texts = (document.original, document.translations)
    matchers: dict[tuple[Pane, int], Matcher | None] = {}
    result = []
    for annotation in annotations:
        if annotation.content_hash == document.content_hash:
            result.append(annotation)
            continue
        key = (annotation.side, annotation.translation)
        if key not in matchers:
            text = side_text(texts, *key)
            matchers[key] = (Matcher(text.full_text, paragraph_starts(text))
                             if text is not None else None)
        matcher = matchers[key]
        if matcher is None:  # that translation is gone: nothing to anchor in
            result.append(replace(annotation, content_hash=document.content_hash,
                                  status="orphaned"))
            continue
        outcome = matcher.reanchor(annotation.anchor)
        result.append(replace(annotation, content_hash=document.content_hash,
                              anchor=outcome.anchor, status=outcome.status))
    return result


def open_annotations(store: AnnotationStore, document: Document) -> list[Annotation]:
    """The annotations of `document`, re-anchored and saved when its text changed since.

    Returns:
        Every annotation of the document, orphans included, in text order.
    """
    saved = store.annotations(document.id)
    current = reanchor_all(document, saved)
    changed = [new for old, new in zip(saved, current, strict=True) if new is not old]
    if changed:
        store.write(changed)
    return current


class Placed(NamedTuple):
    """An annotation where it is now: its own ranges and its projection, if any.

    A tuple (not a dataclass): one is made for every annotation at each opening.
    """

    annotation: Annotation
    ranges: tuple[TextRange, ...]  # empty for an orphan
    projection: Projection | None
    projected_quote: str = ""


def place(document: Document, annotations: Sequence[Annotation], translation: int,
          alignment: Alignment | None) -> list[Placed]:
    """Where each annotation shows while `translation` is the shown translation.

    Args:
        document: the open document.
        annotations: its annotations (as `open_annotations` returns them).
        translation: the translation shown beside the original.
        alignment: the alignment of the original with it, or None when there is none.

    Returns:
        One Placed per annotation; an annotation of another translation has ranges but no
        projection, an orphan neither.
    """
    original, translations = document.original, document.translations
    shown_translation = side_text((original, translations), "translation", translation)
    # Indexing a huge page's beads takes a tenth of a second: only for annotations to place.
    projector = Projector(alignment) if alignment and annotations else None
    starts: dict[int, list[int]] = {}  # by id(text): each text's paragraph offsets, once
    quotes: dict[int, str] = {}  # by id(projection): the Projector hands out one per sentences
    placed: list[Placed] = []
    append = placed.append  # a tight loop: it runs for every annotation at every opening
    for annotation in annotations:
        if annotation.side == "original":
            text, other, visible = original, shown_translation, True
        else:
            index = annotation.translation
            text = translations[index] if 0 <= index < len(translations) else None
            other, visible = original, index == translation
        if text is None or annotation.status == "orphaned":
            append(Placed(annotation, (), None))
            continue
        text_starts = starts.get(id(text))
        if text_starts is None:
            text_starts = starts[id(text)] = paragraph_starts(text)
        ranges = _ranges(text, annotation, text_starts)
        projection = projector.project(ranges) if projector is not None and visible else None
        quote = ""
        if projection is not None and other is not None:
            known = quotes.get(id(projection))
            quote = known if known is not None else quotes.setdefault(
                id(projection), projection.quote(other))
        append(Placed(annotation, ranges, projection, quote))
    return placed


def _ranges(text: Text, annotation: Annotation, starts: list[int]) -> tuple[TextRange, ...]:
    """`ranges_of` an annotation's anchor; one paragraph's (most annotations') directly."""
    start, end = annotation.anchor.start, annotation.anchor.end
    if not starts:
        return ()
    number = paragraph_at(starts, start)
    begin = starts[number]
    length = len(text.paragraphs[number])
    if begin <= start < end <= begin + length:
        return (TextRange(annotation.side, number, start - begin, end - begin),)
    return tuple(ranges_of(text, annotation.side, start, end, starts))


def paints(placed: Sequence[Placed], categories: Sequence[Category], pane: Pane,
           translation: int) -> list[Paint]:
    """The ranges `pane` paints, own highlights and projections, in text order.

    Args:
        placed: the open document's annotations, placed.
        categories: the store's categories, for colours.
        pane: the pane asking.
        translation: the translation that pane shows (for the translation pane).
    """
    colours = {c.id: c.colour for c in categories}
    keyed: list[tuple[int, int, bool, int, Paint]] = []  # sorted without a key function
    for item in placed:
        a = item.annotation
        colour = colours.get(a.category, "#888888")
        own_here = a.side == pane and (pane == "original" or a.translation == translation)
        projection = item.projection
        if own_here:
            for r in item.ranges:
                keyed.append((r.paragraph, r.start, False, len(keyed),
                              Paint(r, a.id, colour, False, False, a.status)))
        elif projection is not None and projection.pane == pane:
            uncertain = projection.uncertain
            for r in projection.ranges:
                keyed.append((r.paragraph, r.start, True, len(keyed),
                              Paint(r, a.id, colour, True, uncertain, a.status)))
    keyed.sort()
    return [entry[-1] for entry in keyed]


def place_all(document: Document, annotations: Sequence[Annotation],
              alignment_for: AlignmentFor) -> list[Placed]:
    """Every annotation placed against its own translation (an original's against the first).

    What an export needs: each annotation with the projection onto the text it pairs with.

    Args:
        document: the document.
        annotations: its annotations, re-anchored.
        alignment_for: the alignment of the original with translation N, or None.
    """
    by_translation: dict[int, list[Annotation]] = {}
    for annotation in annotations:
        by_translation.setdefault(annotation.translation, []).append(annotation)
    placed: dict[str, Placed] = {}
    for index, group in by_translation.items():
        alignment = alignment_for(index) if document.original and document.translations else None
        placed.update((p.annotation.id, p) for p in place(document, group, index, alignment))
    return [placed[a.id] for a in annotations]

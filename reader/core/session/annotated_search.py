"""Search by what the reader wrote: index hits merged with annotation notes, tags and quotes.

The whoosh index knows the documents; the annotation store knows the notes (its own FTS5
table). They stay apart (a rebuilt index never touches annotations) and meet here.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace

from reader.core.annotations.model import Annotation
from reader.core.annotations.store import AnnotationStore
from reader.core.index.hits import Hit


def annotated_search(
    hits: Sequence[Hit],
    store: AnnotationStore,
    query: str,
    titles: Mapping[str, str],
    *,
    annotated_only: bool = False,
    category: int | None = None,
) -> list[Hit]:
    """The index's hits for `query`, then the documents only the reader's annotations match.

    Args:
        hits: the index's hits for the query, best first.
        store: the annotation store.
        query: the query as typed; its words are looked for in notes, tags and quotes.
        titles: document id -> title, for documents found by annotations alone.
        annotated_only: keep only documents with annotations.
        category: keep only documents with annotations of this category (and look only at
            that category's notes).

    Returns:
        Hits in order; a document found through a note is a `note_hit`; a hit the index
        found gains the snippet of its best matching note, if any.
    """
    limited = annotated_only or category is not None
    allowed = store.documents(category) if limited else None
    found = store.search(query, category)
    best_note: dict[str, Hit] = {}
    for annotation in found:
        if annotation.document in best_note or annotation.document not in titles:
            continue
        best_note[annotation.document] = note_hit(annotation, titles[annotation.document])
    merged: list[Hit] = []
    for hit in hits:
        if allowed is not None and hit.id not in allowed:
            continue
        note = best_note.pop(hit.id, None)
        merged.append(replace(hit, snippets={**hit.snippets, **note.snippets}) if note else hit)
    merged.extend(hit for hit in best_note.values() if allowed is None or hit.id in allowed)
    return merged


def note_hit(annotation: Annotation, title: str) -> Hit:
    """A hit for a document found through one of its annotations.

    It carries the annotation's id (opening the hit shows that annotation), its side and
    paragraph, and as snippet under the key "note" the first line of its note (else its tags,
    else its quote), HTML-escaped as every snippet is.
    """
    said = (annotation.note.strip() or ", ".join(annotation.tags) or annotation.quote).strip()
    snippet = said.splitlines()[0] if said else ""
    return Hit(id=annotation.document, title=title, score=0.0, pane=annotation.side,
               paragraph=annotation.anchor.paragraph, snippets={"note": html.escape(snippet)},
               annotation=annotation.id)

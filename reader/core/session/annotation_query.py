"""What the reader wrote, in a search query: `note:`, `annotated:` and `category:` terms.

The whoosh index knows the documents and the annotation store knows the notes; they stay
apart (a rebuilt index never touches annotations), so these terms are taken out of the query
text (`annotation_terms`), the rest goes to the index, and the two answers meet in
`with_annotations`:

- `note:WORD` (or `note:"two words"`): documents whose notes, tags or quotes hold the words;
  with other words, only the index's hits that also have such a note.
- `annotated:yes` / `annotated:no`: only documents with (without) annotations.
- `category:NAME` (`category:"translation doubt"`): only documents with an annotation of that
  category; `note:` then looks at that category's annotations only.

Alone, the filters list the documents they name. A query without them still finds documents
by their notes: its plain words are looked for in notes too (`annotated_search`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from reader.core.annotations.store import AnnotationStore
from reader.core.index.hits import Hit
from reader.core.index.types import QueryError
from reader.core.session.annotated_search import annotated_search, note_hit
from reader.core.session.annotation_terms import AnnotationTerms, plain_words


def with_annotations(
    hits: Sequence[Hit],
    terms: AnnotationTerms,
    store: AnnotationStore,
    titles: Mapping[str, str],
    limit: int = 50,
) -> list[Hit]:
    """The index's hits for `terms.rest`, narrowed and widened by what the reader wrote.

    Args:
        hits: the index's hits for `terms.rest` (none when it is blank), best first.
        terms: the query, split by `split_terms`.
        store: the annotation store (on the calling thread).
        titles: document id -> title of the listed documents.
        limit: the most hits to return.

    Raises:
        QueryError: when `category:` names no category.
    """
    if not terms.filters:
        words = plain_words(terms.rest)
        return annotated_search(hits, store, words, titles)[:limit] if words else list(hits)
    category = None
    if terms.category:
        named = store.category(terms.category)
        if named is None:
            names = ", ".join(c.name for c in store.categories())
            raise QueryError(f"no annotation category {terms.category!r}; yours are: {names}")
        category = named.id
    asked = bool(terms.rest.strip())
    if terms.notes:
        by_note = {h.id: h for h in annotated_search([], store, terms.notes, titles,
                                                     category=category)}
        if asked:
            found = [replace(h, snippets={**h.snippets, **by_note[h.id].snippets})
                     for h in hits if h.id in by_note]
        else:
            found = list(by_note.values())
    elif asked:
        found = list(hits)
    else:
        found = _every_annotated(store, titles, category)
    if category is not None or terms.annotated is not None:
        annotated = store.documents(category)
        keep = terms.annotated is not False
        found = [h for h in found if (h.id in annotated) == keep]
    return found[:limit]


def _every_annotated(store: AnnotationStore, titles: Mapping[str, str], category: int | None
                     ) -> list[Hit]:
    """One hit per listed document with annotations (of `category`): its first one."""
    first: dict[str, Hit] = {}
    for annotation in store.annotations():
        if annotation.document in first or annotation.document not in titles:
            continue
        if category is None or annotation.category == category:
            first[annotation.document] = note_hit(annotation, titles[annotation.document])
    return sorted(first.values(), key=lambda hit: hit.title.casefold())

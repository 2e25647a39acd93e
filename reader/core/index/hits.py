"""Search hits: where in a document a query matched, and a highlighted snippet per language.

Snippets are small HTML fragments: the text is HTML-escaped and every matching word is wrapped
in <b></b>. (Guillemets were the other candidate, but Russian originals use «» as quotes.)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from whoosh import query as wq

from reader.core.document import Document
from reader.core.index.analysis import family_of
from reader.core.index.counterparts import AlignmentLookup, HitPair, pair_hit
from reader.core.index.schema import TEXT_FIELDS, text_field
from reader.core.index.spelled_names import spelled_names, spelled_spans
from reader.core.index.spelling import fold
from reader.core.index.spelling_terms import SpellingTerm
from reader.core.index.term_matches import matched_spans, paragraph_spans, paragraph_words
from reader.core.text_range import TextRange

Pane = Literal["original", "translation", "metadata"]

SNIPPET_CHARS = 240  # about two lines of the search panel
_CONTEXT_BEFORE = 70


@dataclass(frozen=True)
class Hit:
    """One matching document.

    `pane` and `paragraph` say where the best match is: `paragraph` indexes the paragraphs of
    that pane's Text (None for "metadata": title, summary, source, names). `snippets` maps each
    text's language code to an HTML snippet, with matches in <b></b>; when a text has no match
    itself, its snippet is the paragraph at the same index, unhighlighted (originals and
    translations run paragraph for paragraph on archive pages).
    """

    id: str
    title: str
    score: float
    pane: Pane
    paragraph: int | None
    snippets: dict[str, str] = field(default_factory=dict)
    language: str = ""  # the language of the pane's text, "" for metadata
    path: str = ""  # the file the document was indexed from
    date_text: str = ""  # the document's date as written, for the result list
    spans: tuple[tuple[int, int], ...] = ()  # the matched words in `paragraph`
    pair: HitPair | None = None  # the matched sentence and its counterpart (`counterparts`)
    annotation: str = ""  # found through the reader's annotation: its id (see annotated_search)
    # Names matched in another spelling than the query's, as "Хрущёв, for Khrushchev".
    spellings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Match:
    """The best-matching paragraph of one text."""

    distinct: int  # how many different query terms it contains
    count: int  # how many matching words in all
    paragraph: int
    spans: tuple[tuple[int, int], ...]
    notes: tuple[str, ...] = ()  # "Хрущёв, for Khrushchev"


def make_hit(
    stored: dict[str, Any],
    score: float,
    matched: Iterable[tuple[str, str | bytes]],
    spelled: Mapping[str, str] | None = None,
    spelled_pane: str = "",
) -> Hit:
    """Build a Hit from a record's stored fields and the (field, term) pairs a query seeks.

    Terms the document does not hold are simply not found in it, so `matched` may be every
    positive term of the query (see `positive_terms`) rather than this document's own.
    `spelled` maps the spelling keys the query seeks to its words (see `spelling_words`),
    sought in `spelled_pane`'s texts only when given (`spelling_pane`).
    """
    spelled = spelled or {}
    terms: dict[str, set[str]] = {}
    for fieldname, term in matched:
        if fieldname not in TEXT_FIELDS:
            continue  # metadata fields (some hold binary terms, like dates) have no paragraphs
        text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        terms.setdefault(fieldname, set()).add(text)
    texts: list[tuple[str, str, tuple[str, ...]]] = list(stored.get("texts") or [])
    wanted_of = [terms.get(text_field(pane, family_of(language)), set())
                 for pane, language, _ in texts]  # fmt: skip
    # Texts with exact matches first: where they match is where a text without one most
    # likely names the same in another spelling (pages run paragraph for paragraph).
    order = sorted(range(len(texts)), key=lambda i: not wanted_of[i])
    matches: list[_Match | None] = [None] * len(texts)
    hint: int | None = None
    for i in order:
        pane, language, paragraphs = texts[i]
        names = spelled if spelled_pane in ("", pane) else {}
        if wanted_of[i] or names:
            found = _best_paragraph(paragraphs, language, wanted_of[i], names, hint)
            matches[i] = found
            if hint is None and found is not None:
                hint = found.paragraph
    best_index: int | None = None
    for index, match in enumerate(matches):
        if match is None:
            continue
        current = matches[best_index] if best_index is not None else None
        # Ties go to the earlier text, so the original wins over its translation.
        if current is None or (match.distinct, match.count) > (current.distinct, current.count):
            best_index = index
    where: Pane = "metadata"
    paragraph: int | None = None
    language = ""
    spans: tuple[tuple[int, int], ...] = ()
    if best_index is not None:
        best = matches[best_index]
        assert best is not None
        where = "original" if texts[best_index][0] == "original" else "translation"
        paragraph, language, spans = best.paragraph, texts[best_index][1], best.spans
    notes: list[str] = []
    for match in matches:
        for note in match.notes if match is not None else ():
            if note not in notes:
                notes.append(note)
    snippets: dict[str, str] = {}
    for (_, text_language, paragraphs), match in zip(texts, matches, strict=True):
        if text_language in snippets or not paragraphs:
            continue
        if match is not None:
            snippets[text_language] = _snippet(paragraphs[match.paragraph], match.spans)
        else:
            fallback = _parallel_paragraph(paragraphs, paragraph)
            snippets[text_language] = _snippet(paragraphs[fallback], ())
    return Hit(
        id=str(stored.get("id", "")),
        title=str(stored.get("title", "")),
        score=float(score),
        pane=where,
        paragraph=paragraph,
        snippets=snippets,
        language=language,
        path=str(stored.get("path", "")),
        date_text=str(stored.get("date_text", "")),
        spans=spans,
        spellings=tuple(notes),
    )


def with_pair(hit: Hit, stored: dict[str, Any], alignments: AlignmentLookup | None) -> Hit:
    """`hit` with its matched sentence and that sentence's counterpart (`counterparts`).

    Only when `alignments` is given: the window and the CLI ask for pairs; other callers
    (the index's own benchmark) pay nothing. A lookup answering None pairs by position.
    """
    if alignments is None or hit.paragraph is None or hit.pane == "metadata":
        return hit
    texts = stored.get("texts") or []
    pair = pair_hit(hit.id, texts, hit.pane, hit.language, hit.paragraph, hit.spans, alignments)
    return replace(hit, pair=pair)


def _best_paragraph(
    paragraphs: Sequence[str],
    language: str,
    wanted: set[str],
    spelled: Mapping[str, str],
    hint: int | None = None,
) -> _Match | None:
    family = family_of(language)
    found: dict[int, list[str]] = dict(paragraph_words(paragraphs, family, wanted)) if wanted \
        else {}
    names: dict[int, list[tuple[int, int, str]]] = {}
    keys = spelled.keys()
    if found and keys:
        # Exact matches choose the paragraph (they rank first); other spellings are sought
        # in it alone: reading every paragraph's names for every hit doubled a search.
        index = max(found, key=lambda i: (len({w.lower() for w in found[i]}), len(found[i]), -i))
        named = list(spelled_spans(paragraphs[index], keys))
        if named:
            names[index] = named
    elif keys and hint is not None and hint < len(paragraphs) and (
            named := list(spelled_spans(paragraphs[hint], keys))):
        names[hint] = named  # the paragraph beside another text's match
    elif keys and hint is None:
        # No text matches exactly: the names of the whole text, in one pass (each distinct
        # word keyed once); the paragraphs without one are not looked at. (Beside an exact
        # match elsewhere, the parallel paragraph above is enough: the hit is placed.)
        present = spelled_names("\n".join(paragraphs), keys)
        for index, paragraph in enumerate(paragraphs):
            if present and any(name in paragraph for name in present):
                named = list(spelled_spans(paragraph, keys))
                if named:
                    names[index] = named
    best: tuple[int, int, int] | None = None  # distinct, count, paragraph
    for index in sorted(found.keys() | names.keys()):
        words = {word.lower() for word in found.get(index, ())}
        words |= {paragraphs[index][s:e].lower() for s, e, _ in names.get(index, ())}
        match = (len(words), len(found.get(index, ())) + len(names.get(index, ())), index)
        if best is None or match[:2] > best[:2]:
            best = match
    if best is None:
        return None
    distinct, count, index = best
    # Spans only for the paragraph shown: most matching paragraphs are never displayed.
    spans: list[tuple[int, int]] = []
    if wanted:
        spans = matched_spans(paragraphs[index], family, found.get(index, []), wanted)
    notes = []
    exact = {fold(word) for word in found.get(index, ())}
    for start, end, key in names.get(index, ()):
        written = paragraphs[index][start:end]
        # The same letters are no other spelling: ENLAI is En-lai as typed.
        if fold(written) not in exact and _letters(written) != _letters(spelled[key]):
            notes.append(f"{written}, for {spelled[key]}")
    spans += [(start, end) for start, end, _ in names.get(index, ())]
    return _Match(distinct, count, index, tuple(merge_spans(spans)), tuple(dict.fromkeys(notes)))


def _letters(word: str) -> str:
    return "".join(char for char in fold(word) if char.isalnum())


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping and touching ones joined (character bigrams overlap)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _parallel_paragraph(paragraphs: Sequence[str], paragraph: int | None) -> int:
    if paragraph is not None and paragraph < len(paragraphs):
        return paragraph
    return 0


def _snippet(paragraph: str, spans: Sequence[tuple[int, int]]) -> str:
    """A window of the paragraph around its first match, escaped, matches in <b></b>."""
    start = 0
    if spans:
        start = max(0, spans[0][0] - _CONTEXT_BEFORE)
        if start:
            space = paragraph.find(" ", start)
            start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(paragraph), start + SNIPPET_CHARS)
    if end < len(paragraph):
        space = paragraph.rfind(" ", start, end)
        end = space if space > (spans[0][1] if spans else start) else end
    pieces: list[str] = ["…" if start else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < cursor or span_end > end:
            continue
        pieces.append(html.escape(paragraph[cursor:span_start]))
        pieces.append(f"<b>{html.escape(paragraph[span_start:span_end])}</b>")
        cursor = span_end
    pieces.append(html.escape(paragraph[cursor:end]))
    pieces.append("…" if end < len(paragraph) else "")
    return " ".join("".join(pieces).split())  # runs of white space as one space


def positive_terms(parsed: Any, reader: Any) -> set[tuple[str, str]]:
    """The (field, term) pairs a query looks for, outside NOT; prefixes expanded via `reader`.

    For fields of character bigrams (CJK) a phrase's term is its words written out whole.
    """
    found: set[tuple[str, str]] = set()

    def visit(node: Any) -> None:
        if isinstance(node, wq.Not):
            return
        if node.is_leaf():
            fieldname = getattr(node, "fieldname", None)
            if fieldname not in TEXT_FIELDS:
                return  # not expanded: a date range alone can stand for thousands of terms
            if isinstance(node, wq.Phrase) and TEXT_FIELDS[fieldname][1] == "cjk":
                # Character bigrams in a row: the word as written is what is sought in texts,
                # not each pair wherever it stands.
                found.add((fieldname, node.words[0] + "".join(w[-1] for w in node.words[1:])))
                return
            if isinstance(node, wq.Term | wq.Phrase) or reader is None:
                pairs = node.iter_all_terms(phrases=True)
            else:
                pairs = node.existing_terms(reader, phrases=True, expand=True)
            for fieldname, term in pairs:
                if fieldname in TEXT_FIELDS:
                    text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                    found.add((fieldname, text))
            return
        for child in node.children():
            visit(child)

    visit(parsed)
    return found


def indexed_terms(terms: Iterable[tuple[str, str]], reader: Any) -> set[tuple[str, str]]:
    """Those of `terms` (from `positive_terms`) that some document in `reader` holds.

    A hit's stored texts are what the index was built from, so a term the index lacks is in
    none of them: leaving it out spares cutting texts that cannot match (a Russian word's
    English-field term, say). CJK words written out are not index terms and are kept.
    """
    found = set()
    for fieldname, term in terms:
        if TEXT_FIELDS[fieldname][1] == "cjk":
            found.add((fieldname, term))
            continue
        try:
            key = reader.schema[fieldname].to_bytes(term)
        except ValueError:
            continue
        if (fieldname, key) in reader:
            found.add((fieldname, term))
    return found


def document_ranges(
    document: Document,
    translation_index: int,
    terms: set[tuple[str, str]],
    spelled: Mapping[str, str] | None = None,
    spelled_pane: str = "",
) -> list[TextRange]:
    """Every word of the original and one translation that is in `terms`, or a `spelled` name.

    `spelled` holds the spelling keys the query seeks (see `spelling_words`), sought in
    `spelled_pane` only when given (`spelling_pane`).
    """
    ranges: list[TextRange] = []
    for pane, text in document.pane_texts(translation_index):
        family = family_of(text.language)
        wanted = {term for fieldname, term in terms if fieldname == text_field(pane, family)}
        found: dict[int, list[tuple[int, int]]] = {}
        if wanted:
            found.update(paragraph_spans(text.paragraphs, family, wanted))
        keys = set(spelled or ()) if spelled_pane in ("", pane) else set()
        for number, paragraph in enumerate(text.paragraphs if keys else ()):
            names = [(start, end) for start, end, _ in spelled_spans(paragraph, keys)]
            if names:
                found[number] = found.get(number, []) + names
        for number in sorted(found):
            ranges.extend(TextRange(pane, number, s, e) for s, e in merge_spans(found[number]))
    return ranges


def spelling_words(parsed: Any, reader: Any = None) -> dict[str, str]:
    """The spelling keys a query seeks outside NOT, each with the query word it stands for.

    With `reader`, only the keys it holds in other spellings than the word's own.
    """
    found: dict[str, str] = {}

    def visit(node: Any) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, SpellingTerm):
            for key in node.keys if reader is None else sorted(node.held(reader)[0]):
                found.setdefault(key, node.word)
        for child in node.children():
            visit(child)

    visit(parsed)
    return found


def spelling_pane(parsed: Any) -> str:
    """The side a query's spelling-blind words are limited to (`in:original`), or ""."""
    panes = {node.pane for node in _walk_terms(parsed)}
    return panes.pop() if len(panes) == 1 else ""


def _walk_terms(node: Any) -> Any:
    if isinstance(node, SpellingTerm):
        yield node
    for child in node.children():
        yield from _walk_terms(child)

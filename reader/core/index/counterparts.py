"""A search hit's matched sentence beside its counterpart in the other language.

A result row shows the sentence that matched and the sentence the reader would find opposite
it. The counterpart comes from the alignment the reader sees, when one is stored (computed
when the document was opened, the reader's corrections applied); searching never waits on
the aligner. Without one it is estimated by position: the paragraph the split view would pair
by proportion, and the sentence as far through it as the match is through its own. How it was
found is part of the answer (`HitPair.how`), so the row can say "≈" and mean it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from reader.core.align.alignment import Alignment, proportional_alignment
from reader.core.document import Text
from reader.core.text.sentences import split_sentences
from reader.core.text_range import Pane

# (document id, original, translation, translation index) -> the stored alignment, or None.
AlignmentLookup = Callable[[str, Text, Text, int], Alignment | None]
How = Literal["aligned", "uncertain", "proportional", "unaligned", "one-sided"]
UNCERTAIN_BELOW = 0.5  # as the sentence cursor says "uncertain link"
PASSAGE_CHARS = 320  # longer sentences are cut around their first match
_CONTEXT_BEFORE = 80

# What a counterpart's label adds to its language code, by how it was found.
_HOW_MARK = {"aligned": "", "uncertain": " ≈ (uncertain)", "proportional": " ≈",
             "unaligned": "", "one-sided": ""}

StoredText = tuple[str, str, Sequence[str]]  # (pane, language, paragraphs), as indexed


@dataclass(frozen=True)
class Passage:
    """A sentence (or its cut) of one text; `marks` are matched words' offsets in `text`."""

    pane: str
    language: str
    paragraph: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (`diglot search --json`)."""
        return {"pane": self.pane, "language": self.language, "paragraph": self.paragraph,
                "text": self.text, "marks": [list(mark) for mark in self.marks]}


@dataclass(frozen=True)
class HitPair:
    """The matched sentence and its counterpart on the other side.

    `how`: "aligned" (the stored alignment pairs them), "uncertain" (it does, with low
    confidence), "proportional" (no stored alignment: estimated by position), "unaligned"
    (the alignment pairs the sentence with nothing) or "one-sided" (no other text).
    """

    matched: Passage
    counterpart: Passage | None
    how: How

    @property
    def approximate(self) -> bool:
        """Whether the counterpart is a guess the row should mark (≈)."""
        return self.how in ("uncertain", "proportional")

    def counterpart_label(self) -> str:
        """The counterpart's language, with "≈" when it is estimated: "en ≈"."""
        return (self.counterpart.language if self.counterpart else "") + _HOW_MARK[self.how]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (`diglot search --json`)."""
        return {"matched": self.matched.to_dict(), "how": self.how,
                "counterpart": self.counterpart.to_dict() if self.counterpart else None}


def pair_hit(
    doc_id: str,
    texts: Sequence[StoredText],
    pane: str,
    language: str,
    paragraph: int,
    spans: Sequence[tuple[int, int]],
    lookup: AlignmentLookup | None = None,
) -> HitPair | None:
    """The matched sentence of a hit and its counterpart.

    Args:
        doc_id: the document's id.
        texts: the document's texts as the index stores them, original first.
        pane: the side of the best match ("original" or "translation").
        language: the language of the text matched.
        paragraph: the matching paragraph in that text.
        spans: the matched words' offsets in that paragraph.
        lookup: gives a stored alignment; None estimates every counterpart by position.

    Returns:
        The pair, or None when no text of that pane and language holds the paragraph.
    """
    mine = _find(texts, pane, language)
    if mine is None or not 0 <= paragraph < len(texts[mine][2]):
        return None
    paragraphs = texts[mine][2]
    text = paragraphs[paragraph]
    first = spans[0][0] if spans else 0
    start, end = _sentence_at(text, language, first)
    matched = _passage(pane, language, paragraph, text, start, end, spans)
    other = _other(texts, mine)
    if other is None:
        return HitPair(matched, None, "one-sided")
    original, translation = (mine, other) if pane == "original" else (other, mine)
    their = texts[other]
    alignment = None
    if lookup is not None:
        order = [i for i, t in enumerate(texts) if t[0] != "original"].index(translation)
        alignment = lookup(doc_id, _text(texts[original]), _text(texts[translation]), order)
    if alignment is not None:
        bead = alignment.sentence_bead_at("original" if pane == "original" else "translation",
                                          paragraph, start)
        if bead is not None:
            refs = bead.translation if pane == "original" else bead.original
            if not refs:
                return HitPair(matched, None, "unaligned")
            # Sentences of one paragraph are shown together; a bead across paragraphs rarely
            # spans more than two, and the first holds the start of the counterpart.
            where = refs[0][0]
            parts = [their[2][p][s:e] for p, s, e in refs if p == where]
            passage = Passage(their[0], their[1], where, _cut(" ".join(parts), ()))
            sure = bead.manual or bead.confidence >= UNCERTAIN_BELOW
            return HitPair(matched, passage, "aligned" if sure else "uncertain")
    return HitPair(matched, _by_position(texts[mine], their, paragraph, start, end),
                   "proportional")


def _find(texts: Sequence[StoredText], pane: str, language: str) -> int | None:
    for index, (text_pane, text_language, _) in enumerate(texts):
        if text_pane == pane and text_language == language:
            return index
    return None


def _other(texts: Sequence[StoredText], mine: int) -> int | None:
    """The text opposite `mine`: the first translation for an original, else the original."""
    wanted = "translation" if texts[mine][0] == "original" else "original"
    return next((i for i, t in enumerate(texts) if t[0] == wanted and t[2]), None)


def _text(stored: StoredText) -> Text:
    return Text(stored[1], tuple(stored[2]))


def by_position(*_: object) -> None:
    """An `AlignmentLookup` that knows no alignment: every counterpart is estimated."""
    return None


@functools.lru_cache(maxsize=4096)
def _sentences(paragraph: str, language: str) -> tuple[tuple[int, int], ...]:
    # Typing a query runs it again and again over the same hits: split each paragraph once.
    return tuple(split_sentences(paragraph, language)) or ((0, len(paragraph)),)


_proportional = functools.lru_cache(maxsize=256)(proportional_alignment)  # few distinct sizes


def _sentence_at(paragraph: str, language: str, offset: int) -> tuple[int, int]:
    sentences = _sentences(paragraph, language)
    for start, end in sentences:
        if offset < end:
            return start, end
    return sentences[-1]


def _by_position(mine: StoredText, their: StoredText, paragraph: int, start: int, end: int
                 ) -> Passage:
    pairs = _proportional(len(mine[2]), len(their[2]))
    pane: Pane = "original" if mine[0] == "original" else "translation"
    length = max(len(mine[2][paragraph]), 1)
    where, fraction = pairs.map_position(pane, paragraph, (start + end) / 2 / length)
    text = their[2][where]
    position = min(int(fraction * len(text)), max(len(text) - 1, 0))
    s, e = _sentence_at(text, their[1], position)
    return Passage(their[0], their[1], where, _cut(text[s:e], ()))


def _passage(pane: str, language: str, paragraph: int, text: str, start: int, end: int,
             spans: Sequence[tuple[int, int]]) -> Passage:
    inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
    sentence = text[start:end]
    cut, marks = _cut_marked(sentence, inside)
    return Passage(pane, language, paragraph, cut, marks)


def _cut(text: str, marks: Sequence[tuple[int, int]]) -> str:
    return _cut_marked(text, marks)[0]


def _cut_marked(text: str, marks: Sequence[tuple[int, int]]
                ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most PASSAGE_CHARS around the first mark, with "…" where cut; marks moved along."""
    if len(text) <= PASSAGE_CHARS:
        return text, tuple(marks)
    begin = max(0, marks[0][0] - _CONTEXT_BEFORE) if marks else 0
    finish = min(len(text), begin + PASSAGE_CHARS)
    prefix = "…" if begin else ""
    shift = len(prefix) - begin
    kept = tuple((s + shift, e + shift) for s, e in marks if begin <= s and e <= finish)
    return prefix + text[begin:finish] + ("…" if finish < len(text) else ""), kept

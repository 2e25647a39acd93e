"""Re-anchoring: finding an annotation again after its document's text changed.

The steps, in order, each tried only when the one before fails:

1. position: the quote is still at its old offsets, in its old context, or the best of its
   occurrences is there (status "anchored");
2. exact quote: the quote occurs elsewhere; one occurrence, or the one whose context matches
   best, nearest the old position on a tie (status "moved"); several equally good and equally
   near is ambiguous and falls through;
3. fuzzy: the quote with its context, matched with at most `MAX_ERROR` of its characters wrong,
   the quote itself at most `MAX_QUOTE_ERROR` wrong; rejected when a second place scores within
   `AMBIGUOUS` of the best (status "fuzzy");
4. orphan: nothing above; the annotation keeps its old quote and context (status "orphaned").

Fuzzy matching is edlib's infix ("HW") alignment: semi-global edit distance with the path, so a
quote that grew or shrank still maps to exact new offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

import edlib

from reader.core.annotations.model import Anchor, Status, make_anchor

MAX_ERROR = 0.25  # of the pattern (prefix + quote + suffix) length
MAX_QUOTE_ERROR = 0.34  # of the quote's own length
AMBIGUOUS = 0.05  # a runner-up within this share of the pattern length (at least 1 edit)
_UNKNOWN = 254  # byte for a pattern character the text lacks
_MASK = 255  # byte that hides the best match while the runner-up is sought


@dataclass(frozen=True)
class Outcome:
    """The result of re-anchoring one annotation: its new anchor (or the old one) and status."""

    anchor: Anchor
    status: Status


class Matcher:
    """One version of a text, prepared once so many annotations re-anchor in it cheaply."""

    def __init__(self, full: str, starts: list[int]) -> None:
        """Prepare `full` (a Text's full_text) whose paragraphs start at `starts`."""
        self.full = full
        self.starts = starts
        alphabet = sorted(set(full))
        # edlib compares bytes; a document with at most 254 distinct characters is encoded once.
        self._table: dict[str, int] | None = None
        self._encoded = b""
        if len(alphabet) <= _UNKNOWN:
            self._table = {ch: i for i, ch in enumerate(alphabet)}
            self._encoded = bytes(self._table[ch] for ch in full)

    def reanchor(self, anchor: Anchor) -> Outcome:
        """Find `anchor` in this text by the steps the module describes."""
        exact = anchor.exact
        if not exact:
            return Outcome(anchor, "orphaned")
        if self.full[anchor.start:anchor.end] == exact and self._context(
                anchor, anchor.start) == len(anchor.prefix) + len(anchor.suffix):
            return Outcome(self._anchor(anchor.start, anchor.end), "anchored")
        # The quote at its old place with its context changed may be a copy pasted before
        # the real one: the ranking below weighs context first, position second.
        found = self._exact(anchor)
        if found is not None:
            status: Status = "anchored" if found == anchor.start else "moved"
            return Outcome(self._anchor(found, found + len(exact)), status)
        span = self._fuzzy(anchor)
        if span is not None:
            return Outcome(self._anchor(*span), "fuzzy")
        return Outcome(anchor, "orphaned")

    def _anchor(self, start: int, end: int) -> Anchor:
        return make_anchor(self.full, self.starts, start, end)

    # Step 2 -----------------------------------------------------------------------------------
    def _exact(self, anchor: Anchor) -> int | None:
        places = []
        at = self.full.find(anchor.exact)
        while at >= 0:
            places.append(at)
            at = self.full.find(anchor.exact, at + 1)
        if len(places) <= 1:
            return places[0] if places else None
        ranked = sorted(
            (-self._context(anchor, at), abs(at - anchor.start), at) for at in places)
        best, runner_up = ranked[0], ranked[1]
        if best[:2] == runner_up[:2]:
            return None  # as good and as near as another: not ours to choose
        return best[2]

    def _context(self, anchor: Anchor, at: int) -> int:
        """How many characters of the old prefix and suffix still touch the quote at `at`."""
        before = self.full[max(at - len(anchor.prefix), 0):at]
        after_at = at + len(anchor.exact)
        after = self.full[after_at:after_at + len(anchor.suffix)]
        same = 0
        for a, b in zip(reversed(before), reversed(anchor.prefix), strict=False):
            if a != b:
                break
            same += 1
        for a, b in zip(after, anchor.suffix, strict=False):
            if a != b:
                break
            same += 1
        return same

    # Step 3 -----------------------------------------------------------------------------------
    def _encode(self, pattern: str) -> tuple[bytes, bytes]:
        if self._table is not None:
            table = self._table
            return bytes(table.get(ch, _UNKNOWN) for ch in pattern), self._encoded
        # A text of many scripts: characters the pattern lacks can never match, so one byte
        # stands for them all and the distances are unchanged.
        own = {ch: i for i, ch in enumerate(sorted(set(pattern)))}
        other = len(own)
        return (bytes(own[ch] for ch in pattern),
                bytes(own.get(ch, other) for ch in self.full))

    def _fuzzy(self, anchor: Anchor) -> tuple[int, int] | None:
        pattern = anchor.prefix + anchor.exact + anchor.suffix
        query, target = self._encode(pattern)
        limit = max(1, int(len(pattern) * MAX_ERROR))
        best = edlib.align(query, target, mode="HW", task="path", k=limit)
        distance = best["editDistance"]
        if distance < 0:
            return None
        first, last = best["locations"][0]
        margin = max(1, int(len(pattern) * AMBIGUOUS))
        for start, end in best["locations"][1:]:
            if start > last or end < first:
                return None  # another place as good
        masked = bytearray(target)
        masked[first:last + 1] = bytes([_MASK]) * (last + 1 - first)
        runner_up = edlib.align(query, bytes(masked), mode="HW", task="distance",
                                k=distance + margin)
        if runner_up["editDistance"] >= 0 and runner_up["editDistance"] - distance < margin:
            return None
        start, end = _map_quote(best["cigar"], first, len(anchor.prefix),
                                len(anchor.prefix) + len(anchor.exact))
        if end <= start:
            return None
        found = self.full[start:end]
        quote_errors = edlib.align(*self._pair(anchor.exact, found), mode="NW",
                                   task="distance")["editDistance"]
        if quote_errors > len(anchor.exact) * MAX_QUOTE_ERROR:
            return None  # the context matched, but the words themselves were rewritten
        return start, end

    def _pair(self, a: str, b: str) -> tuple[bytes, bytes]:
        own = {ch: i for i, ch in enumerate(sorted(set(a) | set(b)))}
        if len(own) > 256:
            own = {ch: i % 256 for ch, i in own.items()}  # a rough count is enough here
        return bytes(own[ch] for ch in a), bytes(own[ch] for ch in b)


def _map_quote(cigar: str, target_start: int, quote_start: int, quote_end: int
               ) -> tuple[int, int]:
    """Where pattern offsets `quote_start`-`quote_end` land in the text, following `cigar`.

    Text the alignment inserted at either edge of the quote is left out of it.
    """
    q, t = 0, target_start
    start = end = -1
    count = 0
    for ch in cigar:
        if ch.isdigit():
            count = count * 10 + int(ch)
            continue
        for _ in range(count):
            if ch == "D":  # a character only the text has
                t += 1
                continue
            if q == quote_start and start < 0:
                start = t
            q += 1
            if ch != "I":  # "=" or "X" consume the text too; "I" is only the pattern's
                t += 1
            if q == quote_end:
                end = t
        count = 0
    return start, end


def reanchor(anchor: Anchor, full: str, starts: list[int]) -> Outcome:
    """Re-anchor one annotation in a text; see `Matcher` to re-anchor many in one text.

    Args:
        anchor: the annotation's last anchor.
        full: the text as written now (`Text.full_text`).
        starts: where its paragraphs start (`paragraph_starts`).

    Returns:
        The new anchor and its status, or the old anchor and "orphaned".
    """
    return Matcher(full, starts).reanchor(anchor)

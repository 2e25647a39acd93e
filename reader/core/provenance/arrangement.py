"""The archive's own arrangement: archive → fond → opis → delo, built from parsed citations.

Each archival citation of a document becomes a `Locator`; the tree places the document under
every locator it has (a page citing APRF and RGASPI shows under both). Levels a citation does
not give are skipped rather than invented: a German "BArch, DY 30, 2460" sits at fond DY 30,
file 2460; a Hungarian "doboz 12" at box 12; "Box 12, File 3" at box 12, file 3. Levels run
fond, opis, box, then the delo (or the file); folios and pages stay with the document as its
place there.

Citations of a publication (no archive the table knows and no locator) are not archival: a
document with none of the others is counted apart, never lost.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from reader.core.document import Citation
from reader.core.provenance.archives import archive_for

__all__ = [
    "LOCATOR_FIELDS",
    "ArrangedEntry",
    "Arrangement",
    "Locator",
    "Node",
    "Placement",
    "Related",
    "build_arrangement",
    "locators_of",
    "outline",
]

_DIGITS = re.compile(r"\d+")
LOCATOR_FIELDS = ("archive", "fond", "opis", "delo", "file", "box", "papka", "folios", "pages")


@dataclass(frozen=True)
class Locator:
    """Where one citation puts a document: the archive and the parts of its shelfmark."""

    archive: str  # the table's code ("APRF"), or the name as written when the table lacks it
    fond: str = ""
    opis: str = ""
    delo: str = ""
    file: str = ""
    box: str = ""
    papka: str = ""
    folios: str = ""
    pages: str = ""

    def to_list(self) -> list[str]:
        """The fields in a fixed order, for the index's compact JSON."""
        return [getattr(self, name) for name in LOCATOR_FIELDS]

    @classmethod
    def from_list(cls, values: Sequence[str]) -> Locator:
        """Read what `to_list` wrote (missing trailing fields are empty)."""
        return cls(*[str(v) for v in values[: len(LOCATOR_FIELDS)]])

    @cached_property  # asked for each document as trees are built and related ones found
    def path(self) -> tuple[tuple[str, str], ...]:
        """(level, value) pairs below the archive, in archival order, given levels only."""
        steps = [(lv, value) for lv in ("fond", "opis", "box") if (value := getattr(self, lv))]
        leaf = next(((lv, value) for lv in ("delo", "file") if (value := getattr(self, lv))), None)
        return (*steps, leaf) if leaf else tuple(steps)

    @property
    def place(self) -> str:
        """The document's place inside its last level: "papka 46, ll. 1-4", "pp. 97-98"."""
        parts = [f"papka {self.papka}"] if self.papka else []
        for value, one, several in ((self.folios, "l.", "ll."), (self.pages, "p.", "pp.")):
            if value:
                parts.append(f"{several if re.search(r'[-–,]', value) else one} {value}")
        return ", ".join(parts)

    @cached_property
    def first_folio(self) -> int | None:
        """The first folio (or page) number, for ordering documents within a delo."""
        found = _DIGITS.search(self.folios or self.pages)
        return int(found.group()) if found else None

    @cached_property
    def last_number(self) -> int | None:
        """The number of the delo (or file), for how far apart two delos lie."""
        found = _DIGITS.search(self.delo or self.file)
        return int(found.group()) if found else None


def _locator(citation: Citation) -> Locator | None:
    located = any((citation.fond, citation.opis, citation.delo, citation.file, citation.box))
    if citation.archive_code:
        archive = citation.archive_code
    elif located:
        # An archive the table lacks: the citation's words before its locators name it.
        archive = citation.other.split(",")[0].strip() or "Archive not named"
    else:
        return None  # a publication, not an archival citation
    return Locator(archive, citation.fond, citation.opis, citation.delo, citation.file,
                   citation.box, citation.papka, citation.folios, citation.pages)


def locators_of(citations: Iterable[Citation]) -> tuple[Locator, ...]:
    """The archival locators of a document's citations, in citation order, without repeats.

    Args:
        citations: the parsed citations of a source string (`Source.citations`).

    Returns:
        One locator per citation that names a known archive or gives a fond, opis, delo,
        file or box; publications are left out.
    """
    found: list[Locator] = []
    for citation in citations:
        locator = _locator(citation)
        if locator is not None and locator not in found:
            found.append(locator)
    return tuple(found)


class ArrangedEntry(Protocol):
    """What the tree needs of a document (a `DocumentEntry` of the index has it)."""

    @property
    def id(self) -> str:
        """The document id."""
    @property
    def title(self) -> str:
        """The title as written."""
    @property
    def date_text(self) -> str:
        """The date as written, "" when undated."""
    @property
    def locators(self) -> tuple[Locator, ...]:
        """Its archival locators (`locators_of`)."""


@dataclass(frozen=True)
class Placement:
    """A document at one place in the tree."""

    doc_id: str
    title: str
    date_text: str
    locator: Locator


@dataclass
class Node:
    """An archive, fond, opis, delo, file or box, with what lies below it."""

    level: str  # "archive", "fond", "opis", "delo", "file" or "box"
    key: str  # the code or number as cited ("APRF", "45", "13a")
    name: str = ""  # archives: the full English name (the key when the table lacks it)
    name_original: str = ""  # archives: the full name in the archive's own language
    children: list[Node] = field(default_factory=list)
    documents: list[Placement] = field(default_factory=list)  # placed at this very level
    count: int = 0  # distinct documents at or below this node
    _index: dict[tuple[str, str], Node] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        """One line for a tree row: "Archive of the President … (APRF)" or "fond 45"."""
        if self.level != "archive":
            return f"{self.level} {self.key}"
        return f"{self.name} ({self.key})" if self.name != self.key else self.key

    def child(self, key: str) -> Node | None:
        """The child with this key, compared without case; None when there is none."""
        folded = key.casefold()
        return next((c for c in self.children if c.key == key), None) or next(
            (c for c in self.children if c.key.casefold() == folded), None)

    def walk(self) -> Iterable[Node]:
        """This node and every node below it, depth first, in tree order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Related:
    """A document near another in the arrangement, and how near."""

    doc_id: str
    title: str
    relation: str  # "same delo", "same opis", "same fond" (or "same file", "same box")
    locator: Locator

    @property
    def label(self) -> str:
        """One line: relation, shelfmark tail and title."""
        parts = [self.locator.archive, *(f"{lv} {v}" for lv, v in self.locator.path[-1:])]
        if self.locator.place:
            parts.append(self.locator.place)
        return f"{self.relation}: {', '.join(parts)} — {self.title}"


def outline(node: Node, depth: int = 0) -> Iterable[tuple[int, str]]:
    """The lines of a subtree as (depth, text): each node with its count, then its documents.

    Args:
        node: where to start.
        depth: the depth of `node` itself.

    Returns:
        Lines in tree order: "fond 45 (5)", and per document "113729  ll. 99-103  Title".
    """
    name = f"  [{node.name_original}]" if node.name_original else ""
    yield depth, f"{node.label}{name} ({node.count})"
    for placement in node.documents:
        place = f"  {placement.locator.place}" if placement.locator.place else ""
        yield depth + 1, f"{placement.doc_id}{place}  {placement.title}"
    for child in node.children:
        yield from outline(child, depth + 1)


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """A key sorting "2" before "10" and "13a" after "13"."""
    return tuple((0, int(part), part) if part.isdigit() else (1, 0, part)
                 for part in re.findall(r"\d+|\D+", text.casefold()))  # fmt: skip


@dataclass
class Arrangement:
    """The tree of every document's archival locators, with counts at each level."""

    archives: list[Node] = field(default_factory=list)  # by full name
    uncited: list[tuple[str, str]] = field(default_factory=list)  # (id, title): no locator
    total: int = 0  # documents, cited or not
    _places: dict[str, list[tuple[tuple[Node, ...], Placement]]] = field(default_factory=dict)

    def find(self, path: Sequence[str]) -> Node:
        """The node a path of keys leads to: an archive (any spelling), then fond, opis, delo.

        Args:
            path: e.g. ("APRF", "45", "1", "334"), or ("AP RF",).

        Returns:
            The node.

        Raises:
            LookupError: a step matches nothing; the message names the step and the choices.
        """
        if not path:
            raise LookupError("an empty path names no archive")
        node = self._archive(path[0])
        for key in path[1:]:
            found = node.child(key)
            if found is None:
                choices = ", ".join(c.label for c in node.children) or "nothing below it"
                raise LookupError(f"{node.label} has no {key!r} (it holds: {choices})")
            node = found
        return node

    def _archive(self, name: str) -> Node:
        known = archive_for(name)
        key = known.code if known else name
        for node in self.archives:
            if node.key.casefold() == key.casefold():
                return node
        choices = ", ".join(node.key for node in self.archives) or "none"
        raise LookupError(f"no documents cite an archive {name!r} (archives cited: {choices})")

    def related(self, doc_id: str, limit: int = 50) -> list[Related]:
        """Documents near `doc_id` in the arrangement, nearest first.

        Same delo (or file, or box) first, ordered by how close their folios lie to this
        document's; then the same opis, nearest delo first; then the same fond. A document
        with several citations is related through each; each other document is listed once,
        at its nearest relation.

        Args:
            doc_id: the document.
            limit: at most this many.

        Returns:
            The related documents, each with its relation and locator (its folio range).
        """
        best: dict[str, tuple[tuple[int, int, int], Related]] = {}
        for path, mine in self._places.get(doc_id, []):
            if len(path) < 2:
                continue
            # One walk under the first level below the archive; each document there is related
            # through the deepest node its branch shares with this one's path.
            for node, shared in _walk_along(path[1], path, 1):
                if not node.documents:
                    continue
                last = shared == len(path) - 1
                rank = 0 if last else _RANKS.get(path[shared].level, 1)
                relation = f"same {path[shared].level}"
                for placement in node.documents:
                    if placement.doc_id == doc_id:
                        continue
                    key = (rank, *_distance(mine.locator, placement.locator, last))
                    held = best.get(placement.doc_id)
                    if held is None or key < held[0]:
                        best[placement.doc_id] = (key, Related(
                            placement.doc_id, placement.title, relation, placement.locator))
        nearest = heapq.nsmallest(limit, best.values(), key=lambda item: (item[0], item[1].title))
        return [related for _, related in nearest]


def _walk_along(node: Node, path: tuple[Node, ...], depth: int) -> Iterable[tuple[Node, int]]:
    """Every node under `node` (path[depth]), each with a depth into `path`.

    The depth is that of the deepest node of `path` that is the node or one of its ancestors.
    """
    stack: list[tuple[Node, int, int]] = [(node, depth, depth)]
    while stack:
        here, at, shared = stack.pop()
        yield here, shared
        for child in here.children:
            follows = shared == at and at + 1 < len(path) and child is path[at + 1]
            stack.append((child, at + 1, at + 1 if follows else shared))


_RANKS = {"opis": 1, "box": 1, "fond": 2}


def _distance(mine: Locator, other: Locator, same_last: bool) -> tuple[int, int]:
    """How far apart two locators lie under a shared node: by delo, then by folio."""
    far = 10**9
    if same_last:
        a, b = mine.first_folio, other.first_folio
        return (0, abs(a - b) if a is not None and b is not None else far)
    a_delo, b_delo = mine.last_number, other.last_number
    delo = abs(a_delo - b_delo) if a_delo is not None and b_delo is not None else far
    return (delo, other.first_folio if other.first_folio is not None else far)


def build_arrangement(entries: Iterable[ArrangedEntry]) -> Arrangement:
    """The tree archive → fond → opis → delo of every entry's locators.

    Args:
        entries: the documents, each with its locators.

    Returns:
        Archives sorted by full name, levels and documents in natural order (fond 2 before
        fond 10; documents by first folio), counts of distinct documents at every node, and
        the documents without an archival citation apart.
    """
    arrangement = Arrangement()
    roots: dict[str, Node] = {}
    for entry in entries:
        arrangement.total += 1
        if not entry.locators:
            arrangement.uncited.append((entry.id, entry.title))
            continue
        counted: set[int] = set()  # nodes this document was counted at (several citations)
        for locator in entry.locators:
            node = roots.get(locator.archive)
            if node is None:
                known = archive_for(locator.archive)
                node = roots[locator.archive] = Node(
                    "archive", locator.archive,
                    name=known.name if known else locator.archive,
                    name_original=known.name_original if known else "")
            path = [node]
            for step in locator.path:
                child = node._index.get(step)
                if child is None:
                    child = node._index[step] = Node(*step)
                    node.children.append(child)
                node = child
                path.append(node)
            placement = Placement(entry.id, entry.title, entry.date_text, locator)
            node.documents.append(placement)
            for step_node in path:
                if len(entry.locators) == 1:
                    step_node.count += 1
                elif id(step_node) not in counted:
                    counted.add(id(step_node))
                    step_node.count += 1
            arrangement._places.setdefault(entry.id, []).append((tuple(path), placement))
    far = 10**9
    for root in roots.values():
        for node in root.walk():
            node.children.sort(key=lambda n: (n.level, natural_key(n.key)))
            if len(node.documents) > 1:
                node.documents.sort(key=lambda p: (
                    far if (first := p.locator.first_folio) is None else first, p.title,
                    p.doc_id))
    arrangement.archives = sorted(roots.values(), key=lambda n: (n.name.casefold(), n.key))
    return arrangement

"""The gold standard's model: documents as sentences linked in beads, and edits of them.

A document is two sides (original, translation), each a list of paragraphs made of sentence
ids, and a list of links (original sentence ids, translation sentence ids): the gold sentence
beads. Paragraph beads follow from them: paragraphs joined by a link belong to one bead,
paragraphs with no link are unaligned. The edits (`drop`, `merge`, `split`, `insert`) change a
document's paragraphs while keeping every link, so the gold of an edited copy follows from the
gold of the document it was made from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Bead = tuple[list[str], list[str]]


@dataclass
class Side:
    language: str
    paragraphs: list[list[int]] = field(default_factory=list)  # sentence ids per paragraph
    texts: dict[int, str] = field(default_factory=dict)
    joiner: dict[int, str] = field(default_factory=dict)  # text before a sentence in its paragraph


@dataclass
class Doc:
    name: str
    sides: tuple[Side, Side]
    links: list[tuple[list[int], list[int]]]
    note: str = ""  # what the document is, or how it was made from another


def parse(name: str, languages: tuple[str, str], beads: list[Bead], note: str) -> Doc:
    """Read the notation of `_documents.py`: a sentence starting with "¶" opens a paragraph."""
    sides = (Side(languages[0]), Side(languages[1]))
    links: list[tuple[list[int], list[int]]] = []
    next_id = 0
    for bead in beads:
        ids: tuple[list[int], list[int]] = ([], [])
        for side_index, sentences in enumerate(bead):
            side = sides[side_index]
            for sentence in sentences:
                if sentence.startswith("¶") or not side.paragraphs:
                    side.paragraphs.append([])
                side.texts[next_id] = sentence.removeprefix("¶")
                side.paragraphs[-1].append(next_id)
                ids[side_index].append(next_id)
                next_id += 1
        links.append(ids)
    return Doc(name, sides, links, note)


def paragraph_text(side: Side, ids: list[int]) -> str:
    out = ""
    for k, sid in enumerate(ids):
        if k:
            out += side.joiner.get(sid, " ")
        out += side.texts[sid]
    return out


def to_json(doc: Doc, group: str) -> dict[str, object]:
    refs: list[dict[int, tuple[int, int, int]]] = [{}, {}]
    out_sides = []
    for s, side in enumerate(doc.sides):
        paragraphs = []
        for p, ids in enumerate(side.paragraphs):
            text = paragraph_text(side, ids)
            cursor = 0
            for sid in ids:
                start = text.index(side.texts[sid], cursor)
                end = start + len(side.texts[sid])
                refs[s][sid] = (p, start, end)
                cursor = end
            paragraphs.append(text)
        out_sides.append({"language": side.language, "paragraphs": paragraphs})
    sentence_beads = []
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(x: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for s, side in enumerate(doc.sides):
        for p in range(len(side.paragraphs)):
            find((s, p))
    for a_ids, b_ids in doc.links:
        a = [list(refs[0][i]) for i in a_ids]
        b = [list(refs[1][i]) for i in b_ids]
        if not a and not b:
            continue
        sentence_beads.append({"original": a, "translation": b})
        if a and b:
            nodes = [(0, r[0]) for r in a] + [(1, r[0]) for r in b]
            for node in nodes[1:]:
                parent[find(node)] = find(nodes[0])
    groups: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for node in list(parent):
        groups.setdefault(find(node), (set(), set()))[node[0]].add(node[1])
    paragraph_beads = []
    for a_set, b_set in groups.values():
        if a_set and b_set:
            paragraph_beads.append({"original": sorted(a_set), "translation": sorted(b_set)})
        else:  # unaligned paragraphs are beads of their own, one per paragraph
            paragraph_beads += [{"original": [p], "translation": []} for p in sorted(a_set)]
            paragraph_beads += [{"original": [], "translation": [p]} for p in sorted(b_set)]
    paragraph_beads.sort(key=lambda b: (
        b["original"][0] if b["original"] else -1, b["translation"][0] if b["translation"] else -1))
    return {
        "name": doc.name,
        "group": group,
        "note": doc.note,
        "original": out_sides[0],
        "translation": out_sides[1],
        "paragraph_beads": paragraph_beads,
        "sentence_beads": sentence_beads,
    }


# Edits -----------------------------------------------------------------------------------------
def copy(doc: Doc, name: str, note: str) -> Doc:
    sides = tuple(
        Side(s.language, [list(p) for p in s.paragraphs], dict(s.texts), dict(s.joiner))
        for s in doc.sides
    )
    return Doc(name, (sides[0], sides[1]), [(list(a), list(b)) for a, b in doc.links], note)


def drop(doc: Doc, side: int, paragraph: int) -> None:
    """Remove a paragraph of one side; its sentences leave their links."""
    gone = set(doc.sides[side].paragraphs.pop(paragraph))
    doc.links = [
        ([i for i in a if i not in gone], [i for i in b if i not in gone]) for a, b in doc.links
    ]


def merge(doc: Doc, side: int, paragraph: int, count: int, joiner: str) -> None:
    """Join `count` paragraphs of one side from `paragraph` on into one, with `joiner` between."""
    paragraphs = doc.sides[side].paragraphs
    merged = list(paragraphs[paragraph])
    for following in paragraphs[paragraph + 1 : paragraph + count]:
        doc.sides[side].joiner[following[0]] = joiner
        merged += following
    paragraphs[paragraph : paragraph + count] = [merged]


def split(doc: Doc, side: int, paragraph: int, at: int) -> None:
    """Split a paragraph of one side before its sentence number `at`."""
    paragraphs = doc.sides[side].paragraphs
    ids = paragraphs[paragraph]
    assert 0 < at < len(ids), (doc.name, paragraph, at)
    paragraphs[paragraph : paragraph + 1] = [ids[:at], ids[at:]]


def insert(doc: Doc, side: int, paragraph: int, sentence: str) -> None:
    """Insert a one-sentence paragraph with no counterpart (a note, a stamp) before `paragraph`."""
    sid = 1 + max(max(s.texts) for s in doc.sides)
    doc.sides[side].texts[sid] = sentence
    doc.links.append(([sid], []) if side == 0 else ([], [sid]))
    doc.sides[side].paragraphs.insert(paragraph, [sid])

"""Build the alignment gold standard: run `python tests/core/data/alignment/_make_gold.py`.

Documents are written here as sentence beads: (original sentences, translation sentences). A
sentence starting with "¶" opens a new paragraph, one starting with "⁀" follows the previous
sentence without a space (as in "в Корее.Однако"). The script builds the paragraph texts, finds
every sentence's character offsets in them, derives the paragraph beads (paragraphs joined by a
sentence link belong to one bead; paragraphs with no link are unaligned) and writes one JSON file
per document. The seed variants are made by editing the seed's structure (dropping, merging and
splitting paragraphs, adding a title or summary), so their gold follows from the seed's.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _documents import DOCUMENTS, SEED  # noqa: E402

Bead = tuple[list[str], list[str]]


@dataclass
class Side:
    language: str
    paragraphs: list[list[int]] = field(default_factory=list)  # sentence ids per paragraph
    texts: dict[int, str] = field(default_factory=dict)
    joiner: dict[int, str] = field(default_factory=dict)  # text before a sentence


@dataclass
class Doc:
    name: str
    sides: tuple[Side, Side]
    links: list[tuple[list[int], list[int]]]


def parse(name: str, languages: tuple[str, str], beads: list[Bead]) -> Doc:
    sides = (Side(languages[0]), Side(languages[1]))
    links: list[tuple[list[int], list[int]]] = []
    next_id = 0
    for bead in beads:
        ids: tuple[list[int], list[int]] = ([], [])
        for side_index, sentences in enumerate(bead):
            side = sides[side_index]
            for sentence in sentences:
                new_paragraph = sentence.startswith("¶") or not side.paragraphs
                sentence = sentence.removeprefix("¶")
                if sentence.startswith("⁀"):
                    side.joiner[next_id] = ""
                    sentence = sentence[1:]
                if new_paragraph:
                    side.paragraphs.append([])
                side.paragraphs[-1].append(next_id)
                side.texts[next_id] = sentence
                ids[side_index].append(next_id)
                next_id += 1
        links.append(ids)
    return Doc(name, sides, links)


def paragraph_text(side: Side, ids: list[int]) -> str:
    out = ""
    for k, sid in enumerate(ids):
        if k:
            out += side.joiner.get(sid, " ")
        out += side.texts[sid]
    return out


def to_json(doc: Doc) -> dict[str, object]:
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
        "original": out_sides[0],
        "translation": out_sides[1],
        "paragraph_beads": paragraph_beads,
        "sentence_beads": sentence_beads,
    }


# Variants of the seed: edits of its structure --------------------------------------------------
def copy(doc: Doc, name: str) -> Doc:
    sides = tuple(
        Side(s.language, [list(p) for p in s.paragraphs], dict(s.texts), dict(s.joiner))
        for s in doc.sides
    )
    return Doc(name, (sides[0], sides[1]), [(list(a), list(b)) for a, b in doc.links])


def drop(doc: Doc, side: int, paragraph: int, name: str) -> Doc:
    new = copy(doc, name)
    gone = set(new.sides[side].paragraphs.pop(paragraph))
    new.links = [(
        [i for i in a if i not in gone], [i for i in b if i not in gone]) for a, b in new.links]
    return new


def merge(doc: Doc, side: int, paragraph: int, name: str, joiner: str = " ") -> Doc:
    new = copy(doc, name)
    paragraphs = new.sides[side].paragraphs
    new.sides[side].joiner[paragraphs[paragraph + 1][0]] = joiner
    paragraphs[paragraph : paragraph + 2] = [paragraphs[paragraph] + paragraphs[paragraph + 1]]
    return new


def split(doc: Doc, side: int, paragraph: int, at: int, name: str) -> Doc:
    new = copy(doc, name)
    paragraphs = new.sides[side].paragraphs
    ids = paragraphs[paragraph]
    new.sides[side].joiner.pop(ids[at], None)
    paragraphs[paragraph : paragraph + 1] = [ids[:at], ids[at:]]
    return new


def insert(doc: Doc, side: int, paragraph: int, sentences: list[str], name: str) -> Doc:
    new = copy(doc, name)
    first = 1 + max(max(s.texts) for s in new.sides)
    ids = list(range(first, first + len(sentences)))
    for sid, sentence in zip(ids, sentences, strict=True):
        new.sides[side].texts[sid] = sentence
        new.links.append(([sid], []) if side == 0 else ([], [sid]))
    new.sides[side].paragraphs.insert(paragraph, ids)
    return new


TITLE = ["Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)"]
SUMMARY = [
    "Telegram from Stalin to Mao and Zhou Enlai asking that they consider moving 5-6 divisions "
    "of Chinese volunteers to the China-DPRK border in order to give the North Koreans cover "
    "under which to reorganize their troops.",
    "Stalin explicitly states that he will not mention this idea to the North Koreans.",
]


def variants(seed: Doc) -> list[Doc]:
    return [
        drop(seed, 0, 8, "seed-drop-original-8"),
        drop(seed, 1, 6, "seed-drop-translation-6"),
        drop(seed, 1, 0, "seed-drop-translation-header"),
        merge(seed, 1, 4, "seed-merge-translation-4-5"),
        merge(seed, 0, 6, "seed-merge-original-6-7"),
        split(seed, 1, 5, 2, "seed-split-translation-5"),
        split(seed, 0, 4, 1, "seed-split-original-4"),
        merge(merge(seed, 0, 1, "x", "\n"), 0, 1, "seed-merge-original-headers", "\n"),
        merge(seed, 1, 1, "seed-merge-translation-headers", "\n"),
        insert(seed, 1, 0, TITLE, "seed-title-in-translation"),
        insert(seed, 1, 12, SUMMARY, "seed-summary-in-translation"),
        insert(insert(seed, 1, 12, SUMMARY, "x"), 1, 0, TITLE, "seed-title-and-summary"),
        drop(merge(seed, 1, 8, "x"), 0, 10, "seed-merge-and-drop"),
        # Held out: written after the aligner was tuned on the variants above, to check the
        # cost of gluing a short paragraph left in one text onto a long neighbour.
        drop(seed, 1, 8, "seed-drop-translation-8"),
        drop(seed, 0, 3, "seed-drop-original-3"),
        drop(seed, 1, 3, "seed-drop-translation-3"),
    ]


def main() -> None:
    seed = parse("seed", ("ru", "en"), SEED)
    docs = [seed, *variants(seed)]
    docs += [parse(name, languages, beads) for name, languages, beads in DOCUMENTS]
    for old in HERE.glob("*.json"):
        old.unlink()
    for doc in docs:
        data = to_json(doc)
        path = HERE / f"{doc.name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents written to {HERE}")


if __name__ == "__main__":
    main()

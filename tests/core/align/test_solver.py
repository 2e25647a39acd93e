"""The solver's beads are pinned: a faster solver must find exactly the beads the old one found.

`tests/core/data/solver_reference.json.gz` holds what the pure-Python banded solver (before the
band was costed with numpy) returned for every gold document, every fixture page that has a
translation, the seed page, two documents with beads fixed by hand, and two made-up huge pairs
aligned by sections (`align_long`). `tests/core/data/_make_solver_reference.py` wrote it; it is
not rewritten when the solver changes, only when its output is meant to change.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from bench.made_up_pages import many_paragraphs, one_paragraph
from reader.core.align.alignment import Alignment, FixedBead
from reader.core.align.sections import align_long
from reader.core.align.solver import align_texts
from reader.core.document import Text
from reader.core.page.parser import PageError, parse_page, parse_text
from tests.conftest import DATA, SEED_PAGE

REFERENCE = DATA / "solver_reference.json.gz"
# Confidences are rounded to three decimals: a cost one ulp away may round the other way.
CONFIDENCE_STEP = 0.001

Case = Callable[[], Alignment]


def _gold_texts(path: Path) -> tuple[Text, Text]:
    gold = json.loads(path.read_text("utf-8"))
    a, b = gold["original"], gold["translation"]
    return Text(a["language"], tuple(a["paragraphs"])), Text(b["language"], tuple(b["paragraphs"]))


def _page_texts(path: Path) -> tuple[Text, Text] | None:
    try:
        document = parse_page(path)
    except PageError:
        return None
    if document.original is None or not document.translations:
        return None
    return document.original, document.translations[0]


def _made_up_texts(page: str, name: str) -> tuple[Text, Text]:
    document = parse_text(page, name)
    assert document.original is not None
    return document.original, document.translations[0]


def _aligned(texts: tuple[Text, Text], fixed: list[FixedBead] | None = None) -> Alignment:
    return align_texts(*texts, fixed or ())


def cases() -> dict[str, Case]:
    """Every pinned case by name: how to compute its alignment."""
    found: dict[str, Case] = {}
    for path in sorted((DATA / "alignment").glob("*.json")):
        found[f"gold/{path.stem}"] = partial(_aligned, _gold_texts(path))
    for path in [SEED_PAGE, *sorted(DATA.glob("*.txt"))]:
        texts = _page_texts(path)
        if texts is not None:
            found[f"page/{path.name}"] = partial(_aligned, texts)
    fixed: list[FixedBead] = [((0,), (0,)), ((3, 4), (3,)), ((6,), ())]
    for name in ("seed", "made_up_doc_primersk_report"):
        path = DATA / "alignment" / f"{name}.json"
        found[f"fixed/{name}"] = partial(_aligned, _gold_texts(path), fixed)
    # Past the section thresholds (1,500 paragraphs; a 60,000-character paragraph).
    found["huge/many_paragraphs"] = lambda: align_long(
        *_made_up_texts(many_paragraphs(420_000, seed=5), "made_up_many.txt")
    )
    found["huge/one_paragraph"] = lambda: align_long(
        *_made_up_texts(one_paragraph(160_000, seed=7), "made_up_one.txt")
    )
    return found


def as_data(alignment: Alignment) -> dict[str, Any]:
    """An alignment as JSON-ready lists (the reference's format)."""
    return {
        "paragraph_beads": [
            [list(b.original), list(b.translation), b.confidence, b.manual]
            for b in alignment.paragraph_beads
        ],
        "sentence_beads": [
            [[list(r) for r in b.original], [list(r) for r in b.translation], b.confidence,
             b.manual]
            for b in alignment.sentence_beads
        ],
    }  # fmt: skip


def _reference() -> dict[str, Any]:
    with gzip.open(REFERENCE, "rt", encoding="utf-8") as file:
        data: dict[str, Any] = json.load(file)
    return data


def _same(kind: str, got: list[Any], want: list[Any]) -> None:
    assert len(got) == len(want), f"{kind}: {len(got)} beads, reference {len(want)}"
    for index, (mine, theirs) in enumerate(zip(got, want, strict=True)):
        where = f"{kind} bead {index}"
        assert (mine[0], mine[1], mine[3]) == (theirs[0], theirs[1], theirs[3]), where
        assert mine[2] == pytest.approx(theirs[2], abs=CONFIDENCE_STEP * 1.01), where


def test_the_reference_covers_every_case() -> None:
    reference = _reference()
    assert sorted(reference) == sorted(cases())
    assert len([n for n in reference if n.startswith("page/")]) >= 5
    assert all(reference[n]["paragraph_beads"] for n in reference)


@pytest.mark.parametrize("name", sorted(cases()))
def test_the_solver_finds_the_reference_beads(name: str) -> None:
    want = _reference()[name]
    got = as_data(cases()[name]())
    _same("paragraph", got["paragraph_beads"], want["paragraph_beads"])
    _same("sentence", got["sentence_beads"], want["sentence_beads"])

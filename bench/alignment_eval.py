"""Score the aligner on the gold standard in tests/core/data/alignment/ and print the figures.

Run: .venv/bin/python bench/alignment_eval.py [-v]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.align.alignment import Alignment  # noqa: E402
from reader.core.align.score import (  # noqa: E402
    Bead,
    BeadScore,
    format_score,
    score_beads,
    sum_scores,
)
from reader.core.align.solver import align_texts  # noqa: E402
from reader.core.document import Text  # noqa: E402

GOLD = ROOT / "tests" / "core" / "data" / "alignment"


def load_gold() -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))]


def texts(gold: dict[str, Any]) -> tuple[Text, Text]:
    a, b = gold["original"], gold["translation"]
    return Text(a["language"], tuple(a["paragraphs"])), Text(b["language"], tuple(b["paragraphs"]))


def gold_beads(gold: dict[str, Any]) -> tuple[list[Bead], list[Bead]]:
    paragraphs = [(tuple(b["original"]), tuple(b["translation"])) for b in gold["paragraph_beads"]]
    sentences = [
        (tuple(tuple(r) for r in b["original"]), tuple(tuple(r) for r in b["translation"]))
        for b in gold["sentence_beads"]
    ]
    return paragraphs, sentences


def predicted_beads(alignment: Alignment) -> tuple[list[Bead], list[Bead]]:
    paragraphs = [(b.original, b.translation) for b in alignment.paragraph_beads]
    sentences = [(b.original, b.translation) for b in alignment.sentence_beads]
    return paragraphs, sentences


def evaluate(gold: dict[str, Any]) -> tuple[BeadScore, BeadScore]:
    alignment = align_texts(*texts(gold))
    gold_p, gold_s = gold_beads(gold)
    pred_p, pred_s = predicted_beads(alignment)
    return score_beads(pred_p, gold_p), score_beads(pred_s, gold_s)


def group_of(name: str) -> str:
    if name == "seed":
        return "seed"
    return "variants" if name.startswith("seed-") else "documents"


def main() -> None:
    verbose = "-v" in sys.argv
    groups: dict[str, list[tuple[BeadScore, BeadScore]]] = {}
    for gold in load_gold():
        paragraph, sentence = evaluate(gold)
        groups.setdefault(group_of(gold["name"]), []).append((paragraph, sentence))
        groups.setdefault("all", []).append((paragraph, sentence))
        if verbose:
            print(format_score(f"{gold['name']} ¶", paragraph))
            print(format_score(f"{gold['name']} s", sentence))
    for group in ("seed", "variants", "documents", "all"):
        scores = groups.get(group, [])
        print(f"== {group} ({len(scores)} documents)")
        print(format_score("  paragraph beads", sum_scores([p for p, _ in scores])))
        print(format_score("  sentence beads", sum_scores([s for _, s in scores])))


if __name__ == "__main__":
    main()

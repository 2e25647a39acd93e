"""Build the alignment gold standard: run `python tests/core/data/alignment/_make_gold.py`.

Writes one JSON file per document: `seed.json` (the real seed, aligned by hand in
`_seed_gold.py`), `made_up_variant_*.json` (edited copies of it, `_variants.py`) and
`made_up_doc_*.json` (invented documents, `_documents.py`). Each file names its group: "seed",
"tuning" (variants written before the aligner was changed for them), "held-out" (variants written
after the last change to the aligner: the honest figure) or "made-up-document".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path[:0] = [str(HERE), str(ROOT)]

from _documents import DOCUMENTS  # noqa: E402
from _gold_model import Doc, copy, drop, insert, merge, parse, split, to_json  # noqa: E402
from _seed_gold import seed_doc  # noqa: E402
from _variants import EARLIER_HELD_OUT, HELD_OUT, TUNING, Variant  # noqa: E402

SEED_PAGE = ROOT / "seeds" / "000_6ac3a21e3d46086e.txt"
EDITS = {"drop": drop, "merge": merge, "split": split, "insert": insert}


def made_variant(seed: Doc, variant: Variant) -> Doc:
    name, description, edits = variant
    note = f"Made up: the seed edited for a test ({description})."
    doc = copy(seed, f"made_up_variant_{name}", note)
    for kind, *arguments in edits:
        EDITS[kind](doc, *arguments)
    return doc


def main() -> None:
    seed = seed_doc(SEED_PAGE)
    docs: list[tuple[Doc, str]] = [(seed, "seed")]
    docs += [(made_variant(seed, v), "tuning") for v in TUNING + EARLIER_HELD_OUT]
    docs += [(made_variant(seed, v), "held-out") for v in HELD_OUT]
    for name, languages, beads in DOCUMENTS:
        note = "Made up: an invented document, not a record (see _documents.py)."
        docs.append((parse(name, languages, beads, note), "made-up-document"))
    for old in HERE.glob("*.json"):
        old.unlink()
    for doc, group in docs:
        data = to_json(doc, group)
        path = HERE / f"{doc.name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(docs)} documents written to {HERE.name}/")


if __name__ == "__main__":
    main()

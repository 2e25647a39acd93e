"""Time the aligner on synthetic documents of 50 and 500 paragraphs built from the seed.

Run: .venv/bin/python bench/alignment_speed.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.align.solver import align_texts  # noqa: E402
from reader.core.document import Text  # noqa: E402
from reader.core.page.parser import parse_page  # noqa: E402

SEED = ROOT / "seeds" / "000_6ac3a21e3d46086e.txt"
RUNS = 7


def synthetic(size: int, seed: int = 1) -> tuple[Text, Text]:
    """`size` paragraph pairs from the seed's, with numbers changed and some edits per 10."""
    document = parse_page(SEED)
    assert document.original is not None
    pairs = list(zip(document.original.paragraphs, document.translations[0].paragraphs,
                     strict=True))
    rng = random.Random(seed)
    original: list[str] = []
    translation: list[str] = []
    for k in range(size):
        ru, en = pairs[k % len(pairs)]
        number = str(rng.randint(2, 99))
        ru, en = ru.replace("38", number), en.replace("38", number)
        roll = rng.random()
        if roll < 0.03 and translation:
            translation[-1] += " " + en  # merged by the translator
        elif roll < 0.05:
            original.append(ru)  # untranslated
        else:
            original.append(ru)
            translation.append(en)
    return Text("ru", tuple(original)), Text("en", tuple(translation))


def median_time(size: int) -> float:
    original, translation = synthetic(size)
    align_texts(original, translation)  # warm up: stemmers, the exonym table
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        align_texts(original, translation)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    for size in (50, 500):
        print(f"{size:>4} paragraphs: median {median_time(size) * 1000:.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()

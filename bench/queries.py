"""The query workload: each kind as our syntax and as the nearest FTS5 equivalent."""

from __future__ import annotations

import random

from bench.vocabulary import ACC, GEN, INS, NOM, PEOPLE, PLACES, PRE, THINGS, TRANSITIVE

_EN_WORDS = ("divisions", "troops", "telegram", "railway", "border", "credit", "delivery",
             "situation", "decision", "volunteers", "reserves", "treaty",
             "information")  # fmt: skip
_RU_WORDS = ("дивизий", "груза", "решения", "положение", "сведениям", "телеграмму", "границе",
             "кредит", "совещании", "вооружения", "помощи", "резолюции", "необходимым")  # fmt: skip


def _word(phrase_forms: tuple[str, ...], case: int) -> str:
    return phrase_forms[case].split()[-1]


def workload(count: int, seed: int = 5) -> dict[str, list[tuple[str, str]]]:
    """`count` (ours, fts5) query pairs of each kind."""
    rng = random.Random(seed)
    names = [p for p in PEOPLE[:17] if " " not in p.en]
    kinds: dict[str, list[tuple[str, str]]] = {k: [] for k in (
        "word_ru", "word_en", "inflected", "phrase", "fielded", "date_range", "prefix")}
    for _ in range(count):
        word = rng.choice(_RU_WORDS + tuple(_word(p.forms, NOM) for p in PLACES))
        kinds["word_ru"].append((word, f'"{word}"'))
        word = rng.choice(_EN_WORDS + tuple(p.en for p in PLACES if " " not in p.en))
        kinds["word_en"].append((word, f'"{word}"'))
        word = _word(rng.choice(PLACES + THINGS).forms, rng.choice((GEN, INS, PRE, ACC)))
        kinds["inflected"].append((word, f'"{word}"'))
        if rng.random() < 0.5:
            thing = rng.choice(THINGS)
            words = thing.forms[rng.choice((GEN, PRE))]
        else:
            words = f"{rng.choice(TRANSITIVE)[1]} {rng.choice(THINGS).en.split()[-1]}"
        kinds["phrase"].append((f'"{words}"', f'"{words}"'))
        field, value = rng.choice((
            ("people", rng.choice(names).en), ("title", rng.choice(("telegram", "letter", "note"))),
            ("places", rng.choice(PLACES).en.split()[0]), ("summary", rng.choice(_EN_WORDS)),
        ))  # fmt: skip
        kinds["fielded"].append((f"{field}:{value}", f'{field}:"{value}"'))
        low = rng.randint(1945, 1988)
        high = low + rng.randint(1, 3)
        kinds["date_range"].append((f"date:[{low} TO {high}]", f"date:{low}..{high + 1}"))
        stem = rng.choice((*(w[: rng.randint(4, 6)] for w in _RU_WORDS + _EN_WORDS),
                           *(p.en[:4] for p in names)))  # fmt: skip
        kinds["prefix"].append((f"{stem}*", f'"{stem}"*'))
    return kinds

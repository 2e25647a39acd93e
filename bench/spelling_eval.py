"""Spelling-blind search measured: recall across spellings and hits on pages naming nobody.

    python -m bench.spelling_eval [--controls N] [--sample K] [--misses]

The gold list (tests/core/data/spellings/*.tsv) holds real people and places of the period,
each in the spellings real conventions give them. Every spelling is planted in a made-up page
of its own (generated sentences, a `made-up-N` Record ID, no record's text); `controls` more
made-up pages name none of the gold names. Then every spelling is a query:

- recall: of the pages planted with any spelling of the queried name, the share found;
- false hits: of all hits, the share on pages that name none of the gold names (≤ 2 % is the
  aim); hits on pages of *another* gold name are counted apart (confusions).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.vocabulary import ACC, NOM, PEOPLE, PLACES, PRE, THINGS, TRANSITIVE

GOLD = Path(__file__).resolve().parent.parent / "tests" / "core" / "data" / "spellings"
# Held-out lists, each written after the key change before it; scored apart, never tuned on.
HOLDOUTS = (
    "holdout.tsv", "holdout2.tsv", "holdout3.tsv", "holdout4.tsv", "holdout5.tsv", "holdout6.tsv",
)


@dataclass(frozen=True)
class Spelling:
    """One spelling of one gold name."""

    name: str
    group: str
    text: str
    scheme: str


def load_gold(folder: Path = GOLD, holdout: str = "") -> list[Spelling]:
    """The spellings of one held-out file (a name in `HOLDOUTS`), or of all the tuning files."""
    files = [folder / holdout] if holdout else sorted(
        path for path in folder.glob("*.tsv") if path.name not in HOLDOUTS)  # fmt: skip
    found = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                name, group, _, text, scheme = line.split("\t")
                found.append(Spelling(name, group, text, scheme))
    return found


def _is_latin(text: str) -> bool:
    return all(not char.isalpha() or char < "\u0370" for char in text)


@dataclass
class Pages:
    """Which made-up page holds which gold name."""

    names: dict[str, str] = field(default_factory=dict)  # record id -> gold name ("": none)


def _filler(gold_words: set[str]) -> tuple[list[object], list[object]]:
    """Vocabulary people and places that share no word with any gold spelling."""

    def clear(phrase: object) -> bool:
        words = " ".join([*phrase.forms, phrase.en]).lower().split()  # type: ignore[attr-defined]
        return not gold_words.intersection(words)

    return [p for p in PEOPLE if clear(p)], [p for p in PLACES if clear(p)]


def write_library(folder: Path, spellings: list[Spelling], controls: int, seed: int = 17) -> Pages:
    """One made-up page per spelling, and `controls` made-up pages naming none of the names."""
    rng = random.Random(seed)
    # Filler names none of the gold names, held out or not (Kim Il Sung in a page of the
    # held-out run would be a true hit for "Kim Ung", not a false one).
    held_out = [s for name in HOLDOUTS for s in load_gold(holdout=name)]
    every = [*spellings, *load_gold(), *held_out]
    gold_words = {word.lower() for s in every for word in s.text.replace("-", " ").split()}
    people, places = _filler(gold_words)
    pages = Pages()
    plan: list[Spelling | None] = [*spellings, *([None] * controls)]
    folder.mkdir(parents=True, exist_ok=True)
    for number, planted in enumerate(plan):
        ru, en = [], []
        for _ in range(3):
            who, where, what = rng.choice(people), rng.choice(places), rng.choice(THINGS)
            verb_ru, verb_en = rng.choice(TRANSITIVE)
            gender = {"m": 0, "f": 1, "n": 2, "pl": 3}[who.gender]  # type: ignore[attr-defined]
            ru.append(f"{who.forms[NOM]} {verb_ru.split('|')[gender]} "  # type: ignore[attr-defined]
                      f"{what.forms[ACC]} в {where.forms[PRE]}.")  # type: ignore[attr-defined]
            en.append(f"{who.en} {verb_en} {what.en} in {where.en}.")  # type: ignore[attr-defined]
        if planted is not None and _is_latin(planted.text):
            en[1] += f" The note names {planted.text} twice: {planted.text}."
        elif planted is not None:
            ru[1] += f" В записке назван {planted.text}."
        record = f"made-up-{number}"
        pages.names[record] = planted.name if planted else ""
        text = "\n\n".join([
            "Skip to content", "October 1, 1950", f"Made-up note {number}", *ru, *en,
            "Document Information", "Source", "Made-up Archive, Fond 1, Opis 1, Delo 1",
            "Type", "Note", "Language", "Russian", "Record ID", record,
        ]) + "\n"  # fmt: skip
        (folder / f"made_up_spelling-{number:05d}.txt").write_text(text, encoding="utf-8")
    return pages


@dataclass
class Figures:
    """What the evaluation counts."""

    expected: int = 0
    found: int = 0
    hits: int = 0
    false_hits: int = 0  # on pages naming none of the gold names
    confusions: int = 0  # on pages of another gold name
    misses: list[tuple[str, str]] = field(default_factory=list)  # (query, spelling not found)
    by_group: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    seconds: list[float] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Found / expected."""
        return self.found / self.expected if self.expected else 0.0

    @property
    def false_share(self) -> float:
        """Hits on pages naming nobody / all hits."""
        return self.false_hits / self.hits if self.hits else 0.0


def evaluate(home: Path, library_folder: Path, spellings: list[Spelling], controls: int,
             sample: int = 0, seed: int = 3) -> Figures:  # fmt: skip
    """Build the made-up library and index in `home`, run every (or `sample`) spelling."""
    from reader.core.index.search_index import SearchIndex
    from reader.core.library.collection import Library

    pages = write_library(library_folder, spellings, controls)
    library = Library(home, seeds=library_folder / "no-seeds")
    library.add_folder(library_folder)
    index = SearchIndex(home)
    index.update(library)
    by_name: dict[str, set[str]] = defaultdict(set)
    for record, name in pages.names.items():
        if name:
            by_name[name].add(record)
    spelled_at = {record: s for record, s in zip(pages.names, spellings, strict=False)}
    queries = random.Random(seed).sample(spellings, sample) if sample else spellings
    figures = Figures()
    for spelling in queries:
        start = time.perf_counter()
        hits = index.search(spelling.text, limit=len(pages.names))
        figures.seconds.append(time.perf_counter() - start)
        found = {hit.id for hit in hits}
        wanted = by_name[spelling.name]
        figures.expected += len(wanted)
        figures.found += len(wanted & found)
        group = figures.by_group[spelling.group]
        group[0] += len(wanted & found)
        group[1] += len(wanted)
        figures.misses += [(spelling.text, spelled_at[r].text) for r in sorted(wanted - found)]
        figures.hits += len(found)
        figures.false_hits += sum(1 for record in found if not pages.names.get(record))
        figures.confusions += sum(
            1 for record in found if pages.names.get(record) not in ("", spelling.name))
    index.close()
    return figures


def report(title: str, figures: Figures) -> str:
    """The figures as a few lines of text."""
    seconds = sorted(figures.seconds)
    p95 = seconds[int(0.95 * (len(seconds) - 1))] if seconds else 0.0
    lines = [
        f"{title}: recall {figures.recall:.1%} ({figures.found}/{figures.expected}), "
        f"false hits {figures.false_share:.2%} ({figures.false_hits}/{figures.hits}), "
        f"confusions {figures.confusions}, query p95 {p95 * 1000:.1f} ms",
        *(f"  {group}: {found}/{total} = {found / total:.1%}"
          for group, (found, total) in sorted(figures.by_group.items()) if total),
    ]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """Run the evaluation and print its figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.spelling_eval")
    parser.add_argument("--controls", type=int, default=600)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--misses", action="store_true", help="list what each query missed")
    args = parser.parse_args(argv)
    for holdout in ("", *HOLDOUTS):
        spellings = load_gold(holdout=holdout)
        if not spellings:
            continue
        with tempfile.TemporaryDirectory() as work:
            figures = evaluate(Path(work) / "home", Path(work) / "pages", spellings,
                               args.controls, args.sample)  # fmt: skip
        names = len({s.name for s in spellings})
        which = f"held-out {holdout}" if holdout else "gold"
        title = f"{which} ({names} names, {len(spellings)} spellings)"
        print(report(title, figures))
        if args.misses:
            for query, missed in figures.misses:
                print(f"    {query!r} missed {missed!r}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""bench/spelling_eval on a sample: the gold names found across spellings, control pages not."""

from __future__ import annotations

from pathlib import Path

from bench.spelling_eval import HOLDOUTS, evaluate, load_gold, report


def test_the_gold_list_is_large_and_varied() -> None:
    spellings = load_gold()
    names = {s.name for s in spellings}
    assert len(names) >= 100
    assert {s.group for s in spellings} == {"soviet", "chinese", "korean", "east_european"}
    held_out = [{s.name for s in load_gold(holdout=name)} for name in HOLDOUTS]
    assert all(held_out) and not names & set.union(*held_out)
    assert all(not a & b for i, a in enumerate(held_out) for b in held_out[i + 1 :])


def test_a_sample_of_spellings_finds_its_names_and_no_control_page(tmp_path: Path) -> None:
    spellings = load_gold()
    figures = evaluate(tmp_path / "home", tmp_path / "pages", spellings, controls=150,
                       sample=60)  # fmt: skip
    # The whole list measures 95.9 % (bench/spelling_eval.py); a sample of 60 queries varies.
    assert figures.recall >= 0.9, report("sample", figures)
    assert figures.false_share <= 0.02, report("sample", figures)

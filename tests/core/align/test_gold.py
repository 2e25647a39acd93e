from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.core.align.alignment import Alignment
from reader.core.align.anchors import anchors_of
from reader.core.align.score import BeadScore, score_beads, sum_scores
from reader.core.align.solver import align_texts
from reader.core.document import Text
from reader.core.page.parser import parse_page
from tests.conftest import DATA, SEED_PAGE

GOLD_DIR = DATA / "alignment"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD_DIR / f"{name}.json").read_text("utf-8"))
    return data


def names() -> list[str]:
    return sorted(p.stem for p in GOLD_DIR.glob("*.json"))


def texts(gold: dict[str, Any]) -> tuple[Text, Text]:
    a, b = gold["original"], gold["translation"]
    return Text(a["language"], tuple(a["paragraphs"])), Text(b["language"], tuple(b["paragraphs"]))


def scores(gold: dict[str, Any], alignment: Alignment) -> tuple[BeadScore, BeadScore]:
    gold_p = [(tuple(b["original"]), tuple(b["translation"])) for b in gold["paragraph_beads"]]
    gold_s = [
        (tuple(tuple(r) for r in b["original"]), tuple(tuple(r) for r in b["translation"]))
        for b in gold["sentence_beads"]
    ]
    pred_p = [(b.original, b.translation) for b in alignment.paragraph_beads]
    pred_s = [(b.original, b.translation) for b in alignment.sentence_beads]
    return score_beads(pred_p, gold_p), score_beads(pred_s, gold_s)


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[BeadScore, BeadScore]]:
    return {name: scores(load(name), align_texts(*texts(load(name)))) for name in names()}


def test_gold_set_is_complete() -> None:
    all_names = names()
    assert "seed" in all_names
    assert len([n for n in all_names if n.startswith("seed-")]) >= 10
    documents = [n for n in all_names if n.startswith("doc-")]
    assert len(documents) >= 10
    assert any(load(n)["original"]["language"] == "de" for n in documents)
    shapes = {(len(b["original"]), len(b["translation"]))
              for n in documents for b in load(n)["sentence_beads"]}
    assert {(1, 2), (2, 1), (0, 1), (1, 0)} <= shapes


def test_gold_seed_is_the_parsed_seed() -> None:
    document = parse_page(SEED_PAGE)
    gold = load("seed")
    assert document.original is not None
    assert tuple(gold["original"]["paragraphs"]) == document.original.paragraphs
    assert tuple(gold["translation"]["paragraphs"]) == document.translations[0].paragraphs
    assert [(b["original"], b["translation"]) for b in gold["paragraph_beads"]] == [
        ([i], [i]) for i in range(12)
    ]


def test_gold_offsets_are_sentences() -> None:
    for name in names():
        gold = load(name)
        for bead in gold["sentence_beads"]:
            for side in ("original", "translation"):
                for p, start, end in bead[side]:
                    sentence = gold[side]["paragraphs"][p][start:end]
                    assert sentence and sentence == sentence.strip(), (name, sentence)


def test_seed_is_exact_at_both_levels(results: dict[str, tuple[BeadScore, BeadScore]]) -> None:
    paragraph, sentence = results["seed"]
    assert paragraph.strict.f1 == 1.0
    assert sentence.strict.f1 == 1.0


def test_seed_two_english_sentences_for_one_russian() -> None:
    gold = load("seed")
    alignment = align_texts(*texts(gold))
    original, translation = texts(gold)
    bead = alignment.sentence_bead_at("original", 5, original.paragraphs[5].index("В районе"))
    assert bead is not None
    english = [translation.paragraphs[p][s:e] for p, s, e in bead.translation]
    assert english[0].startswith("Our Korean friends") and english[0].endswith("Seoul.")
    assert english[1].startswith("Hence,") and english[1].endswith("wide open.")


def test_variants_paragraph_strict_f1(results: dict[str, tuple[BeadScore, BeadScore]]) -> None:
    total = sum_scores([p for n, (p, _) in results.items() if n.startswith("seed-")])
    assert total.strict.f1 >= 0.98
    assert total.lax.f1 >= 0.98


@pytest.mark.parametrize(
    "name", ["seed-drop-original-8", "seed-drop-translation-8", "seed-drop-original-3",
             "seed-drop-translation-3"],
)
def test_short_paragraph_in_one_text_stays_unpaired(
    name: str, results: dict[str, tuple[BeadScore, BeadScore]]
) -> None:
    # The translator did not merge it into its long neighbour: its 1-0 or 0-1 bead is found.
    paragraph, _ = results[name]
    assert paragraph.strict.f1 == 1.0


def test_sentences_over_everything(results: dict[str, tuple[BeadScore, BeadScore]]) -> None:
    total = sum_scores([s for _, s in results.values()])
    assert total.strict.f1 >= 0.90
    assert total.lax.f1 >= 0.97


def test_documents_paragraphs(results: dict[str, tuple[BeadScore, BeadScore]]) -> None:
    total = sum_scores([p for n, (p, _) in results.items() if n.startswith("doc-")])
    assert total.strict.f1 >= 0.98


def test_scorer_strict_and_lax() -> None:
    gold = [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    predicted = [((0,), (0,)), ((1, 2), (1,))]
    score = score_beads(predicted, gold)
    assert (score.strict.correct, score.strict.predicted, score.strict.gold) == (1, 2, 3)
    assert score.lax.precision == 1.0  # the 2-1 bead shares the link (2, 1) with the gold
    assert score.lax.recall == pytest.approx(2 / 3)  # the gold 1-0 bead has no predicted link


def test_anchors_agree_across_languages() -> None:
    ru = anchors_of("Москва еще 16 сентября предупреждала о высадке в Чемульпо, 1.X..50 г.")
    en = anchors_of("As early as 16 September Moscow warned of the landing at Inchon, 1.X.50")
    assert {"n:16", "m:9", "e:moscow", "e:incheon", "m:10", "y:50"} <= ru.required & en.required
    bracketed = anchors_of("Filippov [Stalin] to Mao Zedong")
    assert "e:stalin" in bracketed.optional and "e:mao" in bracketed.required


def test_merged_paragraphs_make_a_two_to_one_bead() -> None:
    original, translation = texts(load("seed"))
    english = translation.paragraphs
    merged = Text("en", (*english[:8], english[8] + " " + english[9], *english[10:]))
    alignment = align_texts(original, merged)
    pairs = [(b.original, b.translation) for b in alignment.paragraph_beads]
    assert ((8, 9), (8,)) in pairs and ((10,), (9,)) in pairs
    assert alignment.paragraph_alignment().counterpart("original", 9) == 8


def test_empty_texts() -> None:
    alignment = align_texts(Text("ru", ()), Text("en", ("Only English.",)))
    assert [(b.original, b.translation) for b in alignment.paragraph_beads] == [((), (0,))]
    assert alignment.paragraph_alignment().pairs == ()


def test_to_dict_round_trip(tmp_path: Path) -> None:
    alignment = align_texts(*texts(load("doc-berlin-1953")))
    assert Alignment.from_dict(json.loads(json.dumps(alignment.to_dict()))) == alignment
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment.sentence_beads)

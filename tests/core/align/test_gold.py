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


def names(group: str | None = None) -> list[str]:
    every = sorted(p.stem for p in GOLD_DIR.glob("*.json"))
    return [n for n in every if group is None or load(n)["group"] == group]


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


def test_gold_set_is_complete_and_named_honestly() -> None:
    groups = {name: load(name)["group"] for name in names()}
    assert groups["seed"] == "seed"
    tuning = [n for n, g in groups.items() if g == "tuning"]
    held_out = [n for n, g in groups.items() if g == "held-out"]
    assert len(tuning) + len(held_out) >= 20 and len(held_out) >= 5
    for name, group in groups.items():
        # Everything but the real seed is made up, and says so in its name and its note.
        if group != "seed":
            assert name.startswith(("made_up_variant_", "made_up_doc_")), name
            assert load(name)["note"].startswith("Made up"), name
    documents = names("made-up-document")
    assert any(load(n)["original"]["language"] == "de" for n in documents)
    shapes = {(len(b["original"]), len(b["translation"]))
              for n in documents for b in load(n)["sentence_beads"]}
    assert {(1, 2), (2, 1), (0, 1), (1, 0)} <= shapes


def test_variants_cover_merges_drops_notes_and_splits() -> None:
    shapes: set[tuple[int, int]] = set()
    for name in names("tuning") + names("held-out"):
        shapes |= {(len(b["original"]), len(b["translation"]))
                   for b in load(name)["paragraph_beads"]}
    assert {(2, 1), (1, 2), (3, 1), (1, 3), (1, 0), (0, 1)} <= shapes
    notes = [n for n in names() if n.startswith("made_up_variant_note_")]
    for name in notes:
        paragraphs = load(name)["translation"]["paragraphs"]
        inserted = [p for p in paragraphs if "made up" in p.lower().replace("-", " ")]
        assert len(inserted) == 1, name  # the made-up note says so in its own words


def test_gold_seed_is_the_parsed_seed() -> None:
    document = parse_page(SEED_PAGE)
    gold = load("seed")
    assert document.original is not None
    assert tuple(gold["original"]["paragraphs"]) == document.original.paragraphs
    assert tuple(gold["translation"]["paragraphs"]) == document.translations[0].paragraphs
    assert gold["translation"]["paragraphs"][:3] == [
        "Transmitted to Bulganin", "On 1.X.50 [1 October 1950]", "To BEIJING, SOVIET AMBASSADOR"
    ]
    assert [(b["original"], b["translation"]) for b in gold["paragraph_beads"]] == [
        ([i], [i]) for i in range(12)
    ]
    assert len(gold["sentence_beads"]) == 17


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
    original, translation = texts(load("seed"))
    alignment = align_texts(original, translation)
    bead = alignment.sentence_bead_at("original", 5, original.paragraphs[5].index("В районе"))
    assert bead is not None
    english = [translation.paragraphs[p][s:e] for p, s, e in bead.translation]
    assert english[0].startswith("Our Korean friends") and english[0].endswith("Seoul.")
    assert english[1].startswith("Hence,") and english[1].endswith("wide open.")


def test_variants_paragraph_strict_f1(results: dict[str, tuple[BeadScore, BeadScore]]) -> None:
    for group in ("tuning", "held-out"):
        total = sum_scores([results[n][0] for n in names(group)])
        assert total.strict.f1 >= 0.98, group
        assert total.lax.f1 >= 0.98, group


@pytest.mark.parametrize(
    "edit",
    ["merge_original_end_2", "merge_translation_end_2", "merge_original_header_translation_end",
     "merge_original_end_2_translation_start_3", "merge_translation_reply_greeting",
     "drop_translation_0_merge_original_end_2"],
)
def test_short_lines_merged_at_the_ends_pair_as_one_bead(
    edit: str, results: dict[str, tuple[BeadScore, BeadScore]]
) -> None:
    # Lines one text has as separate paragraphs and the other as one make a 2-1 bead, not a
    # 1-1 bead plus a line skipped as if missing (what the aligner did before).
    paragraph, _ = results[f"made_up_variant_{edit}"]
    assert paragraph.strict.f1 == 1.0


def test_sentences_over_everything(results: dict[str, tuple[BeadScore, BeadScore]]) -> None:
    total = sum_scores([s for _, s in results.values()])
    assert total.strict.f1 >= 0.97
    assert total.lax.f1 >= 0.98


def test_made_up_documents_paragraphs(results: dict[str, tuple[BeadScore, BeadScore]]) -> None:
    total = sum_scores([results[n][0] for n in names("made-up-document")])
    assert total.strict.f1 >= 0.95


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


def test_a_letter_spaced_signature_meets_its_original() -> None:
    spaced = anchors_of("F I L I P P O V [STALIN]")
    assert spaced.required == anchors_of("ФИЛИППОВ").required != frozenset()
    assert anchors_of("I saw a B C").required == frozenset()  # lower case: no spaced name


def test_merged_paragraphs_make_a_two_to_one_bead() -> None:
    original, translation = texts(load("seed"))
    english = translation.paragraphs
    merged = Text("en", (*english[:8], english[8] + " " + english[9], *english[10:]))
    alignment = align_texts(original, merged)
    pairs = [(b.original, b.translation) for b in alignment.paragraph_beads]
    assert ((8, 9), (8,)) in pairs and ((10,), (9,)) in pairs
    assert alignment.paragraph_alignment().counterpart("original", 9) == 8


def test_a_line_missing_between_pairs_is_skipped_not_glued() -> None:
    # Russian "Жду Вашего ответа." dropped: "I await your reply." stays unpaired and the
    # greeting and signature keep their counterparts.
    original, translation = texts(load("seed"))
    shorter = Text("ru", original.paragraphs[:8] + original.paragraphs[9:])
    pairs = [(b.original, b.translation) for b in align_texts(shorter, translation).paragraph_beads]
    assert ((), (8,)) in pairs and ((8,), (9,)) in pairs and ((9,), (10,)) in pairs


def test_empty_texts() -> None:
    alignment = align_texts(Text("ru", ()), Text("en", ("Only English.",)))
    assert [(b.original, b.translation) for b in alignment.paragraph_beads] == [((), (0,))]
    assert alignment.paragraph_alignment().pairs == ()


def test_to_dict_round_trip(tmp_path: Path) -> None:
    alignment = align_texts(*texts(load("made_up_doc_musterstadt_letter")))
    assert Alignment.from_dict(json.loads(json.dumps(alignment.to_dict()))) == alignment
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment.sentence_beads)

"""The archive tree from the real seed and the made-up fixtures' parsed citations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.core.document import Citation
from reader.core.page.parser import parse_page
from reader.core.provenance.arrangement import (
    Arrangement,
    Locator,
    build_arrangement,
    locators_of,
    outline,
)
from reader.core.provenance.citations import parse_source

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "000_6ac3a21e3d46086e.txt"
# Every made-up page of tests/core/data that parses (made_up_not_a_page is not a page).
FIXTURES = sorted(p for p in (ROOT / "tests" / "core" / "data").glob("made_up_*.txt")
                  if p.name != "made_up_not_a_page.txt")  # fmt: skip


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    date_text: str
    locators: tuple[Locator, ...]


def entry_of(path: Path) -> Entry:
    document = parse_page(path)
    return Entry(document.id, document.title, document.date.text,
                 locators_of(document.source.citations))


@pytest.fixture(scope="module")
def arrangement() -> Arrangement:
    return build_arrangement(entry_of(path) for path in [SEED, *FIXTURES])


# Written from the fixtures' source lines before the tree was built: archives by full English
# name, levels in natural order (fond 06 < 07 < 059a < 079 < 0102), documents under each place.
EXPECTED_ARCHIVES = [
    ("AVPRF", "Archive of Foreign Policy of the Russian Federation", 5),
    ("Archive of the Ministry of Foreign Affairs", "Archive of the Ministry of Foreign Affairs", 1),
    ("APRF", "Archive of the President of the Russian Federation", 6),
    ("DAMOFA", "Diplomatic Archives of the Ministry of Foreign Affairs of Japan", 1),
    ("SAPMO-BArch", "Foundation Archives of Parties and Mass Organisations of the GDR in the "
     "Federal Archives", 1),
    ("Made-up Collection", "Made-up Collection", 1),
    ("National Archives", "National Archives", 1),
    ("MNL OL", "National Archives of Hungary", 1),
    ("RGANI", "Russian State Archive of Contemporary History", 1),
    ("RGASPI", "Russian State Archive of Socio-Political History", 3),
    ("GARF", "State Archive of the Russian Federation", 1),
]

EXPECTED_APRF = "Archive of the President of the Russian Federation (APRF)  " + """\
[Архив Президента Российской Федерации] (6)
  fond 3 (1)
    opis 47 (1)
      delo 71 (1)
        made-up-120012  ll. 1-5  {credit}
  fond 45 (5)
    opis 1 (5)
      delo 329 (1)
        made-up-120016  l. 4  {spaced}
      delo 334 (1)
        113729  ll. 99-103  {seed}
      delo 335 (1)
        made-up-120017  l. 3  {several}
      delo 347 (1)
        made-up-120014  ll. 5-6  {teaser}
      delo 348 (1)
        ha7ac82f0eaa3  l. 12  {labels}"""


def titles() -> dict[str, str]:
    names = {"credit": "made_up_credit_line", "spaced": "made_up_spaced_letters",
             "several": "made_up_several_translations", "teaser": "made_up_teaser_before_date",
             "labels": "made_up_labels_missing"}  # fmt: skip
    found = {key: parse_page(ROOT / "tests/core/data" / f"{name}.txt").title
             for key, name in names.items()}  # fmt: skip
    return found | {"seed": parse_page(SEED).title}


def test_archives_by_full_name_with_counts(arrangement: Arrangement) -> None:
    got = [(node.key, node.name, node.count) for node in arrangement.archives]
    assert got == EXPECTED_ARCHIVES
    assert arrangement.total == len(FIXTURES) + 1


def test_the_seed_sits_under_both_its_archives(arrangement: Arrangement) -> None:
    aprf = arrangement.find(["APRF", "45", "1", "334"])
    rgaspi = arrangement.find(["RGASPI", "558", "11", "334"])
    assert [(p.doc_id, p.locator.place) for p in aprf.documents] == [("113729", "ll. 99-103")]
    assert [(p.doc_id, p.locator.place) for p in rgaspi.documents] == [("113729", "pp. 97-98")]


def test_aprf_subtree_outline(arrangement: Arrangement) -> None:
    lines = "\n".join("  " * depth + text
                      for depth, text in outline(arrangement.find(["AP RF"])))  # fmt: skip
    assert lines == EXPECTED_APRF.format(**titles())


def test_avprf_fonds_in_natural_order_with_papka_in_the_place(arrangement: Arrangement) -> None:
    avprf = arrangement.find(["avprf"])  # any case, as the CLI gets it
    assert [fond.key for fond in avprf.children] == ["06", "07", "059a", "079", "0102"]
    delo = arrangement.find(["AVPRF", "079", "22", "12"])
    assert [(p.doc_id, p.locator.place) for p in delo.documents] == [
        ("made-up-120003", "papka 46, ll. 1-4")]


def test_levels_a_citation_lacks_are_skipped_not_invented(arrangement: Arrangement) -> None:
    german = arrangement.find(["SAPMO-BArch"])
    assert [(c.level, c.key) for c in german.children] == [("fond", "DY 30")]
    assert [(c.level, c.key) for c in german.children[0].children] == [("file", "2460")]
    box = arrangement.find(["Archive of the Ministry of Foreign Affairs", "12", "3"])
    assert (box.level, [p.doc_id for p in box.documents]) == ("file", ["made-up-120011"])
    assert arrangement.find(["MNL OL", "12"]).level == "box"


def test_publications_are_counted_apart(arrangement: Arrangement) -> None:
    assert sorted(doc_id for doc_id, _ in arrangement.uncited) == [
        "made-up-120007", "made-up-120008"]


def test_find_names_the_step_that_matches_nothing(arrangement: Arrangement) -> None:
    with pytest.raises(LookupError, match=r"fond 45 has no '99' \(it holds: opis 1\)"):
        arrangement.find(["APRF", "45", "99"])
    with pytest.raises(LookupError, match="no documents cite an archive 'TsAMO'"):
        arrangement.find(["TsAMO"])


def test_related_same_delo_first_by_folio_then_opis_then_fond() -> None:
    def entry(doc_id: str, source: str) -> Entry:
        locators = locators_of(parse_source(source).citations)
        return Entry(doc_id, f"made-up title {doc_id}", "", locators)

    entries = [
        entry("made-up-1", "APRF, f. 45, op. 1, d. 334, ll. 40-41"),
        entry("made-up-2", "APRF, f. 45, op. 1, d. 334, ll. 10-12"),
        entry("made-up-3", "APRF, f. 45, op. 1, d. 334, ll. 44-45"),
        entry("made-up-4", "APRF, f. 45, op. 1, d. 340, l. 2"),
        entry("made-up-5", "APRF, f. 45, op. 1, d. 335, l. 9"),
        entry("made-up-6", "APRF, f. 45, op. 2, d. 1, l. 1"),
        entry("made-up-7", "APRF, f. 3, op. 1, d. 334, l. 1"),
        entry("made-up-8", "RGASPI, f. 558, op. 11, d. 1, l. 1"),
    ]
    related = build_arrangement(entries).related("made-up-1")
    assert [(r.doc_id, r.relation) for r in related] == [
        ("made-up-3", "same delo"),  # folio 44 is 4 from 40
        ("made-up-2", "same delo"),  # folio 10 is 30 from 40
        ("made-up-5", "same opis"),  # delo 335 is next to 334
        ("made-up-4", "same opis"),
        ("made-up-6", "same fond"),
    ]
    assert related[0].label == "same delo: APRF, delo 334, ll. 44-45 — made-up title made-up-3"


def test_related_through_each_citation_of_the_seed(arrangement: Arrangement) -> None:
    related = {r.doc_id: r.relation for r in arrangement.related("113729")}
    # Nothing else in delo 334; the other APRF 45/1 delos and RGASPI 558/11 delos are near.
    assert related == {
        "made-up-120016": "same opis", "made-up-120017": "same opis",
        "made-up-120014": "same opis", "ha7ac82f0eaa3": "same opis",
        "made-up-120019": "same opis", "990000002": "same opis",
    }


def test_locators_round_trip_the_index_form() -> None:
    citation = Citation(text="x", archive_code="AVPRF", fond="079", opis="22", delo="12",
                        papka="46", folios="1-4")
    (locator,) = locators_of([citation])
    assert Locator.from_list(locator.to_list()) == locator
    assert locators_of([Citation(text="Rodong sinmun, 10 September 1948")]) == ()

from __future__ import annotations

import json
import re

import pytest

from reader.core.document import Document, DocumentDate
from reader.core.provenance.citations import parse_source
from reader.core.provenance.formats import (
    DIGITAL_ARCHIVE,
    FORMATS,
    archive_and_location,
    bibtex,
    bibtex_key,
    chicago_note,
    csl_json,
    format_citation,
    latex_escape,
    ris,
    translators,
)

TITLE = "Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai (via Roshchin)"
SEED_SOURCE = (
    "APRF, Fond 45, Opis 1, Delo 334, Listy 97-98 and AVPRF, Fond 059a, Opis 5a, Delo 3, "
    "Papka 11, List 69"
)
URL = "https://digitalarchive.wilsoncenter.org/document/113729"


def seed_document(**changes: object) -> Document:
    fields: dict[str, object] = {
        "id": "113729",
        "title": TITLE,
        "date": DocumentDate("October 1, 1950", "1950-10-01", "day"),
        "type": "Telegram",
        "summary": "Telegram from Stalin to Mao and Zhou Enlai asking that they consider moving\n"
        "5-6 divisions of Chinese volunteers to the China-DPRK border.",
        "record_id": "113729",
        "languages": ("Russian",),
        "topics": ("Korean War", "Sino-Soviet Relations"),
        "source": parse_source(SEED_SOURCE),
    }
    fields.update(changes)
    return Document(**fields)  # type: ignore[arg-type]


def single_archive_document() -> Document:
    return Document(
        id="h0123456789ab",
        title="Memorandum of Conversation",
        date=DocumentDate("November 1967", "1967-11", "month"),
        authors=("Gromyko, Andrei",),
        source=parse_source(
            "APRF, Fond 45, Opis 1, Delo 336, List 5. Translated by Gary Goldberg."
        ),
    )


def parse_ris(text: str) -> list[tuple[str, str]]:
    lines = text.split("\r\n")
    assert lines[-1] == "", "the record ends with a line break"
    tags = []
    for line in lines[:-1]:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, f"not an RIS line: {line!r}"
        tags.append((match.group(1), match.group(2)))
    return tags


def braces_balance(text: str) -> bool:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", text):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def bibtex_fields(entry: str) -> dict[str, str]:
    body = entry.split("\n")[1:-2]
    fields = {}
    for line in body:
        match = re.fullmatch(r"  (\w+) = (?:\{(.*)\}|(\w+)),?", line)
        assert match, f"not a field line: {line!r}"
        fields[match.group(1)] = match.group(2) if match.group(2) is not None else match.group(3)
    return fields


def test_chicago_note_for_the_seed() -> None:
    assert chicago_note(seed_document()) == (
        f'"{TITLE}," October 1, 1950, {SEED_SOURCE}, {DIGITAL_ARCHIVE}, Record ID 113729.'
    )


def test_chicago_note_prefers_url_and_credits_translator() -> None:
    note = chicago_note(single_archive_document(), url=URL)
    assert note == (
        '"Memorandum of Conversation," November 1967, trans. Gary Goldberg, '
        f"APRF, Fond 45, Opis 1, Delo 336, List 5, {DIGITAL_ARCHIVE}, {URL}."
    )


def test_chicago_note_undated_and_quoted_title() -> None:
    document = seed_document(
        title='Note on "Operation X"?', date=DocumentDate(), record_id="", source=parse_source("")
    )
    assert chicago_note(document) == f"\"Note on 'Operation X'?\" n.d., {DIGITAL_ARCHIVE}."


def test_translators_from_remainder() -> None:
    source = parse_source("RGASPI, f. 558. Translated by Larry L. Watts and Gary Goldberg.")
    assert translators(source) == ["Larry L. Watts", "Gary Goldberg"]
    assert translators(parse_source(SEED_SOURCE)) == []


def test_archive_and_location() -> None:
    assert archive_and_location(single_archive_document().source) == (
        "Archive of the President of the Russian Federation",
        "Fond 45, Opis 1, Delo 336, List 5",
    )
    archive, location = archive_and_location(parse_source(SEED_SOURCE))
    assert archive == (
        "Archive of the President of the Russian Federation; "
        "Archive of Foreign Policy of the Russian Federation"
    )
    assert location == SEED_SOURCE
    assert archive_and_location(parse_source("Zhou Enlai nianpu, vol. 1, p. 45")) == ("", "")


def test_bibtex_entry_for_the_seed() -> None:
    entry = bibtex(seed_document(), url=URL)
    assert entry.startswith("@misc{ciphered1950-113729,\n")
    assert entry.endswith("\n}\n")
    assert braces_balance(entry)
    fields = bibtex_fields(entry)
    assert fields["title"] == TITLE
    assert fields["date"] == "1950-10-01"
    assert fields["year"] == "1950"
    assert fields["month"] == "oct"
    assert fields["type"] == "Telegram"
    assert fields["howpublished"] == DIGITAL_ARCHIVE
    assert fields["language"] == "Russian"
    assert fields["keywords"] == "Korean War, Sino-Soviet Relations"
    assert fields["note"] == f"Source: {SEED_SOURCE}. Record ID 113729."
    assert fields["url"] == URL
    assert "\n5-6" not in fields["abstract"]


def test_bibtex_escapes_latex_specials_and_keeps_unicode() -> None:
    document = seed_document(
        title="Smith & Co: 100% of $5 #1 a_b {x} ~y^ \\z — Москва, Kővágó",
        summary="",
        topics=(),
    )
    entry = bibtex(document)
    assert braces_balance(entry)
    title = bibtex_fields(entry)["title"]
    assert title == (
        r"Smith \& Co: 100\% of \$5 \#1 a\_b \{x\} \textasciitilde{}y\textasciicircum{} "
        r"\textbackslash{}z — Москва, Kővágó"
    )
    assert "abstract" not in entry


def test_latex_escape_does_not_double_escape() -> None:
    assert latex_escape("\\&") == r"\textbackslash{}\&"


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({}, "ciphered1950-113729"),
        ({"authors": ("Stalin, Joseph",)}, "stalin1950ciphered-113729"),
        ({"authors": ("Kővágó József",), "record_id": ""}, "jozsef1950ciphered"),
        ({"title": "The Ästhetik of Telegrams", "record_id": "12/3"}, "asthetik1950-123"),
        ({"title": "Записка", "date": DocumentDate(), "record_id": ""}, "documentnd"),
    ],
)
def test_bibtex_key(changes: dict[str, object], key: str) -> None:
    assert bibtex_key(seed_document(**changes)) == key


def test_bibtex_month_and_year_precision() -> None:
    fields = bibtex_fields(bibtex(single_archive_document()))
    assert (fields["date"], fields["year"], fields["month"]) == ("1967-11", "1967", "nov")
    assert fields["author"] == "Gromyko, Andrei"
    assert fields["translator"] == "Gary Goldberg"
    year_only = bibtex_fields(bibtex(seed_document(date=DocumentDate("1958", "1958", "year"))))
    assert (year_only["date"], year_only["year"]) == ("1958", "1958")
    assert "month" not in year_only


def test_ris_record_for_the_seed() -> None:
    tags = parse_ris(ris(seed_document(), url=URL))
    assert tags[0] == ("TY", "MANSCPT")
    assert tags[-1] == ("ER", "")
    values = dict(tags)
    assert values["TI"] == TITLE
    assert values["PY"] == "1950"
    assert values["DA"] == "1950/10/01/"
    assert values["M3"] == "Telegram"
    assert values["AB"].startswith("Telegram from Stalin") and "\n" not in values["AB"]
    assert values["AV"] == SEED_SOURCE
    assert values["DP"] == DIGITAL_ARCHIVE
    assert values["CN"] == "113729"
    assert values["LA"] == "Russian"
    assert values["UR"] == URL
    assert values["ID"] == "113729"
    assert [v for t, v in tags if t == "KW"] == ["Korean War", "Sino-Soviet Relations"]


def test_ris_month_precision_authors_and_translators() -> None:
    tags = parse_ris(ris(single_archive_document()))
    values = dict(tags)
    assert values["DA"] == "1967/11//"
    assert values["AU"] == "Gromyko, Andrei"
    assert values["A4"] == "Gary Goldberg"
    assert values["DB"] == "Archive of the President of the Russian Federation"
    assert values["AV"] == "Fond 45, Opis 1, Delo 336, List 5"
    assert "CN" not in values and "UR" not in values


def test_ris_year_only_and_undated() -> None:
    year_only = dict(parse_ris(ris(seed_document(date=DocumentDate("1958", "1958", "year")))))
    assert year_only["DA"] == "1958///"
    undated = dict(parse_ris(ris(seed_document(date=DocumentDate("undated")))))
    assert "DA" not in undated and "PY" not in undated


@pytest.mark.parametrize(
    ("date", "issued"),
    [
        (DocumentDate("October 1, 1950", "1950-10-01", "day"), {"date-parts": [[1950, 10, 1]]}),
        (DocumentDate("November 1967", "1967-11", "month"), {"date-parts": [[1967, 11]]}),
        (DocumentDate("1958", "1958", "year"), {"date-parts": [[1958]]}),
        (DocumentDate("late 1950s"), {"literal": "late 1950s"}),
    ],
)
def test_csl_json_issued_honours_precision(date: DocumentDate, issued: dict[str, object]) -> None:
    assert csl_json(seed_document(date=date))["issued"] == issued


def test_csl_json_item() -> None:
    item = csl_json(single_archive_document(), url=URL)
    assert item == {
        "id": "h0123456789ab",
        "type": "manuscript",
        "title": "Memorandum of Conversation",
        "author": [{"family": "Gromyko", "given": "Andrei"}],
        "translator": [{"literal": "Gary Goldberg"}],
        "archive": "Archive of the President of the Russian Federation",
        "archive_location": "Fond 45, Opis 1, Delo 336, List 5",
        "source": DIGITAL_ARCHIVE,
        "note": "Source: APRF, Fond 45, Opis 1, Delo 336, List 5. Translated by Gary Goldberg.",
        "URL": URL,
        "issued": {"date-parts": [[1967, 11]]},
    }
    assert json.loads(json.dumps([item])) == [item]


def test_csl_json_for_seed_has_record_and_abstract() -> None:
    item = csl_json(seed_document())
    assert item["id"] == "113729"
    assert item["call-number"] == "113729"
    assert item["genre"] == "Telegram"
    assert item["language"] == "Russian"
    assert (
        item["abstract"].startswith("Telegram from Stalin to Mao") and "\n" not in item["abstract"]
    )
    assert "undated" not in item and "URL" not in item


def test_format_citation_dispatches_every_format() -> None:
    document = seed_document()
    assert format_citation(document, "chicago") == chicago_note(document)
    assert format_citation(document, "bibtex", URL) == bibtex(document, URL)
    assert format_citation(document, "ris") == ris(document)
    assert json.loads(format_citation(document, "csl-json")) == [csl_json(document)]
    assert FORMATS == ("chicago", "bibtex", "ris", "csl-json")
    with pytest.raises(ValueError, match="unknown citation format 'mla'"):
        format_citation(document, "mla")

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.document import Citation, Source
from reader.core.provenance.archives import archive_pattern, archives
from reader.core.provenance.citations import archive_for, parse_source

# The source as the archive's seed page gives it (record 113729).
SEED = "APRF, fond 45, opis 1, delo 334, listy 99-103 and RGASPI f. 558, Op. 11, D. 334, pp. 97-98."


def only(source: Source) -> Citation:
    assert len(source.citations) == 1, source.citations
    return source.citations[0]


def test_seed_gives_two_citations_with_all_fields() -> None:
    source = parse_source(SEED)
    assert source.text == SEED
    assert source.remainder == ""
    aprf, rgaspi = source.citations
    assert aprf == Citation(
        text="APRF, fond 45, opis 1, delo 334, listy 99-103",
        archive="APRF",
        archive_code="APRF",
        archive_name="Archive of the President of the Russian Federation",
        archive_name_original="Архив Президента Российской Федерации",
        fond="45",
        opis="1",
        delo="334",
        folios="99-103",
    )
    assert rgaspi.text == "RGASPI f. 558, Op. 11, D. 334, pp. 97-98"
    assert (rgaspi.archive_code, rgaspi.fond, rgaspi.opis, rgaspi.delo) == (
        "RGASPI", "558", "11", "334",
    )
    assert (rgaspi.pages, rgaspi.folios, rgaspi.other) == ("97-98", "", "")
    assert rgaspi.archive_name == "Russian State Archive of Socio-Political History"


def test_alphanumeric_fond_and_papka() -> None:
    # A made-up citation in the form AVPRF's take (fond "059a", opis "5a", a papka).
    avprf = only(parse_source("AVPRF, Fond 059a, Opis 5a, Delo 3, Papka 11, List 69"))
    assert (avprf.archive_code, avprf.fond, avprf.opis, avprf.delo) == ("AVPRF", "059a", "5a", "3")
    assert (avprf.papka, avprf.folios, avprf.other) == ("11", "69", "")
    assert avprf.archive_name == "Archive of Foreign Policy of the Russian Federation"


def test_abbreviations_semicolon_and_translator_credit() -> None:
    text = (
        "AP RF, f. 45, op. 1, d. 334, l. 141; and RGASPI, f. 558, op. 11, d. 334, ll. 0141. "
        "Translated by Gary Goldberg."
    )
    source = parse_source(text)
    first, second = source.citations
    assert first.text == "AP RF, f. 45, op. 1, d. 334, l. 141"
    assert (first.archive, first.archive_code) == ("AP RF", "APRF")
    assert (first.fond, first.opis, first.delo, first.folios) == ("45", "1", "334", "141")
    assert second.text == "RGASPI, f. 558, op. 11, d. 334, ll. 0141"
    assert (second.fond, second.opis, second.delo, second.folios) == ("558", "11", "334", "0141")
    assert source.remainder == "Translated by Gary Goldberg."


@pytest.mark.parametrize(
    ("text", "delo", "folios"),
    [
        ("APRF, Fond 45, Opis 1, Delo 336, List 122 and AVPRF, Fond 059a, Opis 5a, Delo 5, "
         "Papka 11, List 13", "336", "122"),
        ("APRF, Fond 45, Opis 1, Delo 336, List 5", "336", "5"),
        ("APRF, fond 3, opis 65, delo 827, listy 123, 125", "827", "123, 125"),
    ],
)  # fmt: skip
def test_russian_citations(text: str, delo: str, folios: str) -> None:
    first = parse_source(text).citations[0]
    assert (first.archive_code, first.delo, first.folios) == ("APRF", delo, folios)


def test_full_archive_name_with_copy_elsewhere_and_credit() -> None:
    text = (
        "Archive of the President of the Russian Federation (APRF); copy available in Library of "
        "Congress, Manuscript Division, Dmitriĭ Antonovich Volkogonov papers, 1887-1995, "
        "mm97083838. Translated by Vladislav Zubok"
    )
    source = parse_source(text)
    citation = only(source)
    assert citation.text == "Archive of the President of the Russian Federation (APRF)"
    assert citation.archive == "Archive of the President of the Russian Federation"
    assert citation.archive_code == "APRF"
    assert citation.other == ""
    assert source.remainder == (
        "copy available in Library of Congress, Manuscript Division, Dmitriĭ Antonovich "
        "Volkogonov papers, 1887-1995, mm97083838. Translated by Vladislav Zubok"
    )


def test_narrative_source_keeps_the_located_copy_as_citation() -> None:
    text = (
        "The document, from the Russian Presidential Archives, was given by Russian President "
        "Boris Yeltsin to South Korean President Kim Young-Sam ... A copy was subsequently found "
        "in RGASPI, f. 558, op. 11, d. 334, ll.0055."
    )
    source = parse_source(text)
    citation = only(source)
    assert citation.text == (
        "A copy was subsequently found in RGASPI, f. 558, op. 11, d. 334, ll.0055"
    )
    assert (citation.archive_code, citation.fond, citation.folios) == ("RGASPI", "558", "0055")
    assert citation.other == "A copy was subsequently found in"
    assert source.remainder.startswith("The document, from the Russian Presidential Archives")


def test_fond_and_opis_not_given_does_not_split() -> None:
    citation = only(parse_source("AVPRF, Fond and Opis not given, Delo 5, Papka 11, List 13"))
    assert (citation.fond, citation.opis, citation.delo, citation.papka) == ("", "", "5", "11")
    assert citation.other == "Fond and Opis not given"


def test_cyrillic_abbreviations() -> None:
    citation = only(parse_source("РГАСПИ, ф. 558, оп. 11, д. 334, л. 141"))
    assert (citation.archive, citation.archive_code) == ("РГАСПИ", "RGASPI")
    assert (citation.fond, citation.opis, citation.delo, citation.folios) == (
        "558", "11", "334", "141",
    )  # fmt: skip


def test_lettered_fond_and_obverse_folio() -> None:
    citation = only(parse_source("GARF, f. R-5446, op. 1, d. 5, ll. 97-98 ob."))
    assert (citation.fond, citation.folios) == ("R-5446", "97-98 ob.")


def test_hungarian_record_group_and_box() -> None:
    source = parse_source(
        "MNL OL, XIX-J-1-j, Korea, 4. doboz, 5/b, 00788/1/1952. Translated by Balázs Szalontai."
    )
    citation = only(source)
    assert (citation.archive_code, citation.fond, citation.box) == ("MNL OL", "XIX-J-1-j", "4")
    assert citation.other == "Korea, 5/b, 00788/1/1952"
    assert citation.archive_name_original == "Magyar Nemzeti Levéltár Országos Levéltára"
    assert source.remainder == "Translated by Balázs Szalontai."


def test_hungarian_full_name_with_code_in_parentheses() -> None:
    citation = only(
        parse_source("Hungarian National Archives (MNL OL), XIX-J-1-j Korea, 11. doboz")
    )
    assert (citation.archive_code, citation.fond, citation.box, citation.other) == (
        "MNL OL", "XIX-J-1-j", "11", "Korea",
    )  # fmt: skip


def test_romanian_named_fond_file_and_folios() -> None:
    citation = only(
        parse_source(
            "Arhivele Nationale, Fond CC al PCR, Sectia Relatii Externe, dosar 11/1967, f. 2-15"
        )
    )
    assert citation.archive_code == "ANIC"
    assert citation.archive_name_original == "Arhivele Naționale Istorice Centrale"
    assert (citation.fond, citation.file, citation.folios) == ("CC al PCR", "11/1967", "2-15")
    assert citation.other == "Sectia Relatii Externe"


def test_albanian_fondi_and_dosja() -> None:
    citation = only(parse_source("AQSH, Fondi 14/AP, M-PPSH, V. 1953, D. 15, fl. 1-5"))
    assert (citation.archive_code, citation.fond, citation.file, citation.folios) == (
        "AQSH", "14/AP", "15", "1-5",
    )  # fmt: skip
    assert citation.delo == ""
    assert citation.other == "M-PPSH, V. 1953"


@pytest.mark.parametrize(
    ("text", "code", "file"),
    [
        ("PRC FMA 106-00108-01", "PRC FMA", "106-00108-01"),
        ("中华人民共和国外交部档案馆，档号106-00108-01", "PRC FMA", "106-00108-01"),
        ("外務省外交史料館、2012-2345", "DAMOFA", "2012-2345"),
        ("Diplomatic Archives of the Ministry of Foreign Affairs of Japan, A'-0356", "DAMOFA",
         "A'-0356"),
        ("National Archives of Korea, BA0084218", "NAK", "BA0084218"),
    ],
)  # fmt: skip
def test_east_asian_file_numbers(text: str, code: str, file: str) -> None:
    citation = only(parse_source(text))
    assert (citation.archive_code, citation.file) == (code, file)


@pytest.mark.parametrize(
    ("text", "code", "fond", "file"),
    [
        ("BArch, B 136/59748", "BArch", "B 136", "59748"),
        ("SAPMO-BA, DY 30, 2460", "SAPMO-BArch", "DY 30", "2460"),
        ("SAPMO-BArch, DY 30/IV 2/2.035/53", "SAPMO-BArch", "DY 30", "IV 2/2.035/53"),
        ("PA AA, MfAA, A 6984", "PA AA", "MfAA", "A 6984"),
        ("BStU, MfS, HA XX, Nr. 1234", "BStU", "MfS", "HA XX, Nr. 1234"),
    ],
)
def test_german_bestand_goes_to_fond_and_signature_to_file(
    text: str, code: str, fond: str, file: str
) -> None:
    citation = only(parse_source(text))
    assert (citation.archive_code, citation.fond, citation.file, citation.other) == (
        code, fond, file, "",
    )  # fmt: skip


def test_german_blatt_is_a_folio() -> None:
    citation = only(parse_source("SAPMO-BArch, DY 30/IV 2/2.035/53, Bl. 1-5"))
    assert citation.folios == "1-5"


def test_bulgarian_and_czech_units() -> None:
    bulgarian = only(parse_source("TsDA, f. 1B, op. 64, a.e. 240"))
    assert (bulgarian.fond, bulgarian.opis, bulgarian.file) == ("1B", "64", "240")
    czech = only(parse_source("NA ČR, f. KSČ-ÚV-02/1, sv. 5, a.j. 12"))
    assert (czech.archive_code, czech.fond, czech.box, czech.file) == (
        "NA ČR", "KSČ-ÚV-02/1", "5", "12",
    )  # fmt: skip


def test_book_is_one_citation_without_archive() -> None:
    text = (
        "Shen Zhihua, Mao, Stalin and the Korean War: Trilateral Communist Relations in the 1950s "
        "(London: Routledge, 2012), pp. 40-41."
    )
    citation = only(parse_source(text))
    assert citation.text == text.removesuffix(".")
    assert (citation.archive, citation.archive_code, citation.archive_name) == ("", "", "")
    assert citation.pages == "40-41"


def test_published_collection_alone_is_the_citation() -> None:
    citation = only(parse_source("Published in Mao Zedong wengao, vol. 1, p. 539"))
    assert citation.pages == "539"
    assert citation.archive == ""


def test_book_and_archive_together() -> None:
    source = parse_source(
        "Cold War International History Project Bulletin 6/7 (Winter 1995/1996), pp. 40-41; "
        "APRF, f. 3, op. 1, d. 5, l. 3"
    )
    book, archive = source.citations
    assert (book.archive, book.pages) == ("", "40-41")
    assert (archive.archive_code, archive.folios) == ("APRF", "3")


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_source(text: str) -> None:
    assert parse_source(text) == Source(text=text, citations=())


@pytest.mark.parametrize(
    "text",
    ["Unknown provenance", "???", "(", "f.", "and", "; ;", "....", "APRF", "л. ф. оп."],
)
def test_unrecognised_text_is_one_citation_with_its_text(text: str) -> None:
    source = parse_source(text)
    assert source.text == text
    assert len(source.citations) == 1
    assert source.citations[0].text in text


def test_citation_text_is_always_a_substring() -> None:
    for text in [SEED, "APRF, f. 3; RGANI, f. 5. Translated by X.", "GARF and RGAE, f. 1"]:
        for citation in parse_source(text).citations:
            assert citation.text in text


def test_credit_alone_goes_to_remainder() -> None:
    source = parse_source("Translated by Gary Goldberg.")
    assert source.citations == ()
    assert source.remainder == "Translated by Gary Goldberg."


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("AP RF", "APRF"), ("apRF", "APRF"), ("АП РФ", "APRF"), ("RTsKhIDNI", "RGASPI"),
        ("TsAMO RF", "TsAMO RF"), ("ЦАМО", "TsAMO RF"), ("Bundesarchiv", "BArch"),
        ("SAPMO-BA", "SAPMO-BArch"), ("Arhivele Naționale", "ANIC"),
        ("arhivele nationale", "ANIC"),
        ("AMPJ", "AMPJ"), ("中央档案馆", "CCA"), ("江苏省档案馆", "JSPA"),
        ("Archiwum Akt Nowych", "AAN"),
        ("ЦДА", "TsDA"), ("Politisches Archiv des Auswärtigen Amts", "PA AA"), ("GARF.", "GARF"),
    ],
)  # fmt: skip
def test_archive_for_spellings(name: str, code: str) -> None:
    archive = archive_for(name)
    assert archive is not None
    assert archive.code == code


@pytest.mark.parametrize("name", ["", "  ", "Nowhere Archive", "Bibliothèque nationale"])
def test_archive_for_unknown(name: str) -> None:
    assert archive_for(name) is None


def test_archive_table_is_complete_and_consistent() -> None:
    table = archives()
    codes = {archive.code for archive in table}
    for code in ["APRF", "RGASPI", "AVPRF", "RGANI", "TsAMO RF", "GARF", "RGAE", "RGVA",
                 "PRC FMA", "CCA", "BArch", "SAPMO-BArch", "PA AA", "BStU", "MNL OL", "ANIC",
                 "AQSH", "AMPJ", "NAK", "DAMOFA", "AAN", "NA ČR", "TsDA"]:  # fmt: skip
        assert code in codes
    assert len(codes) == len(table)
    for archive in table:
        assert archive.name and archive.name_original and len(archive.country) == 2
        for spelling in archive.spellings:
            assert archive_for(spelling) == archive, spelling


def test_short_codes_are_case_sensitive_in_text() -> None:
    assert archive_pattern().search("a mol of gas") is None
    match = archive_pattern().search("see MOL, XIX-J-1-j")
    assert match is not None
    assert match.group() == "MOL"


_PIECES = [
    "APRF", "AP RF", "RGASPI", "BArch", "MNL OL", "档号", "外務省外交史料館", " and ", "; ", ", ",
    ". ", "f. ", "ll. ", "op. ", "Fond ", "doboz", "(", ")", "Translated by ", "copy available in ",
    "045a", "97-98", "B 136/5", "XIX-J-1-j", "ф. ", "л. ", "...", "\n", "\u00a0", "Nº",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=14).map("".join))
def test_never_fails_and_never_loses_text(text: str) -> None:
    source = parse_source(text)
    assert source.text == text
    for citation in source.citations:
        assert citation.text in text
        assert citation.text == citation.text.strip()
    if text.strip():
        assert source.citations or source.remainder


def test_a_source_of_thousands_of_citations_is_read_in_one_pass() -> None:
    # Made-up citations. Membership tests on lists and a copy of the text before every dot made
    # this quadratic (an 8 MB source took minutes); each citation is still found.
    one = "APRF, Fond 45, Opis 1, Delo {n}, Listy 4-5"
    text = " and ".join(one.format(n=n) for n in range(3000)) + "."
    source = parse_source(text)
    assert len(source.citations) == 3000
    assert source.citations[2999].delo == "2999"

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import Document, dedup_key
from reader.core.page.parser import (
    MAX_PAGE_BYTES,
    PageError,
    paragraphs_of,
    parse_bytes,
    parse_page,
    parse_text,
)
from tests.conftest import DATA, SEED_PAGE

SEED_BYTES = SEED_PAGE.read_bytes()


def page(name: str) -> Document:
    return parse_page(DATA / name)


def refusal(name: str) -> PageError:
    with pytest.raises(PageError) as caught:
        parse_page(DATA / name)
    return caught.value


def assert_seed_texts(document: Document) -> None:
    assert document.original is not None
    assert document.original.language == "ru"
    assert len(document.original.paragraphs) == 12
    assert document.original.paragraphs[0] == "Передано т.Булганину [из Сочи]"
    assert document.original.paragraphs[-1] == "1 октября \u00a01950 г."
    assert len(document.translations) == 1
    english = document.translations[0]
    assert english.language == "en"
    assert len(english.paragraphs) == 12
    assert english.paragraphs[0] == "Transmitted to Bulganin"
    assert english.paragraphs[1] == "On 1.X.50 [1 October 1950]"
    assert english.paragraphs[2] == "To BEIJING, SOVIET AMBASSADOR"
    assert english.paragraphs[-1] == "1 October 1950"


# --- the seed -------------------------------------------------------------------------------


def test_seed_parses_exactly() -> None:
    document = parse_page(SEED_PAGE)
    assert document.title == (
        "Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)"
    )
    assert document.date.iso == "1950-10-01"
    assert document.date.precision == "day"
    assert document.date.text == "October 1, 1950"
    assert document.type == "Telegram"
    assert document.record_id == "113729"
    assert document.id == "113729"
    assert document.uploaded == "2011-11-20"
    assert document.authors == ()
    assert document.languages == ()
    assert_seed_texts(document)
    assert document.summary.startswith("Telegram from Stalin to Mao and Zhou Enlai")
    assert len(document.rights) == 2
    assert document.rights[0].startswith("The History and Public Policy Program welcomes reuse")
    assert document.source.text == (
        "APRF, fond 45, opis 1, delo 334, listy 99-103 and "
        "RGASPI f. 558, Op. 11, D. 334, pp. 97-98."
    )
    assert [c.archive_code for c in document.source.citations] == ["APRF", "RGASPI"]
    assert document.summary.endswith("he will not mention this idea to the North Koreans.")
    assert document.file == str(SEED_PAGE)
    assert document.content_hash == hashlib.sha256(SEED_BYTES).hexdigest()
    assert document.credit == ""
    assert document.donors == ()
    assert document.warnings == ()


def test_seed_keeps_text_as_written() -> None:
    document = parse_page(SEED_PAGE)
    assert document.original is not None
    russian = document.original.paragraphs
    assert russian[2] == "Пекин \u00a0\u00a0Совпосол"
    assert "в Корее.Однако" in russian[4]
    assert "сегодня \u00a0сведениям из Москвы ," in russian[4]
    assert russian[4].startswith("“")
    assert russian[9] == "Привет"  # the page's trailing spaces go, the word stays as written
    assert document.translations[0].paragraphs[10] == "F I L I P P O V [STALIN]"
    assert document.rights[1].endswith("at HAPP@wilsoncenter.org.")


def test_parse_text_and_parse_bytes_agree_with_parse_page() -> None:
    from_bytes = parse_bytes(SEED_BYTES, "seed.txt")
    from_text = parse_text(SEED_BYTES.decode("utf-8"), "seed.txt")
    assert from_bytes == from_text
    assert from_bytes.file == "seed.txt"


# --- encodings and files --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["seed_bom.txt", "seed_utf16.txt"])
def test_unicode_with_bom(name: str) -> None:
    document = page(name)
    assert document.record_id == "113729"
    assert document.title.startswith("Ciphered Telegram, Filippov [Stalin]")
    assert_seed_texts(document)
    assert document.warnings == ()


def test_cp1251_is_decoded_with_a_warning() -> None:
    document = page("seed_cp1251.txt")
    assert document.record_id == "113729"
    assert_seed_texts(document)
    assert "encoding guessed as windows-1251" in document.warnings
    digest = hashlib.sha256((DATA / "seed_cp1251.txt").read_bytes()).hexdigest()
    assert document.content_hash == digest


def test_crlf() -> None:
    document = page("seed_crlf.txt")
    assert document.record_id == "113729"
    assert_seed_texts(document)
    assert all("\r" not in p for text in document.texts for p in text.paragraphs)
    assert document.rights[0].endswith("materials.")


def test_utf16_without_bom_is_guessed_with_a_warning() -> None:
    document = parse_bytes(SEED_BYTES.decode("utf-8").encode("utf-16-le"), "le.txt")
    assert_seed_texts(document)
    assert any("utf-16-le" in warning for warning in document.warnings)


def test_saved_html_page_reads_as_the_text_page() -> None:
    # The seed's own text in a made-up browser-saved shell (see data/_make_html.py).
    document = page("seed_saved_page.html")
    text_page = parse_page(SEED_PAGE)
    assert document.title == text_page.title
    assert document.date == text_page.date
    assert document.record_id == "113729"
    assert document.type == "Telegram"
    assert document.uploaded == "2011-11-20"
    assert document.languages == ()
    assert_seed_texts(document)
    assert document.original == text_page.original
    assert document.translations == text_page.translations
    assert document.summary == text_page.summary
    assert document.rights == text_page.rights
    assert document.source == text_page.source
    everything = "\n".join(p for text in document.texts for p in text.paragraphs)
    assert "gtag" not in everything and "Example Plaza" not in everything
    assert all("Plaza" not in value for value in document.donors)


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_files_are_refused(name: str) -> None:
    error = refusal(name)
    assert error.reason == "the file is empty"
    assert error.path == str(DATA / name)
    assert str(error) == f"{DATA / name}: the file is empty"


def test_binary_file_is_refused() -> None:
    error = refusal("binary.txt")
    assert "binary" in error.reason
    assert str(error) == f"{error.path}: {error.reason}"


def test_not_a_page_is_refused() -> None:
    assert "not an archive page" in refusal("made_up_not_a_page.txt").reason


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PageError, match=r"cannot read|not a file"):
        parse_page(tmp_path / "missing.txt")
    with pytest.raises(PageError, match="not a file"):
        parse_page(tmp_path)


def test_huge_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PageError, match="too large"):
        parse_bytes(b"a" * (MAX_PAGE_BYTES + 1), "huge.txt")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_PAGE_BYTES + 1)
    with pytest.raises(PageError, match="too large"):
        parse_page(huge)


def test_title_only_is_refused() -> None:
    with pytest.raises(PageError, match="no document text"):
        parse_text("October 1, 1950\n\nA Title\n", "t.txt")


# --- layouts and head -----------------------------------------------------------------------


# The older site layout (../shared/archive-pages.md), in made-up pages. Each test's expected
# values were written down before the parser was first run on its page.
OLD_CHROME = ("Search in", "SEARCH FILTER", "Digital Archive International History",
              "CITATION SHARE DOWNLOAD", "get citation", "share document", "VIEW DOCUMENT IN",
              "English HTML", "Russian HTML", "English PDF", "History and Public Policy Program",
              "digitalarchive.wilsoncenter.org")  # fmt: skip


def assert_no_chrome(document: Document) -> None:
    texts = [p for text in document.texts for p in text.paragraphs]
    for value in (*texts, document.summary, document.title, document.source.text):
        for chrome in OLD_CHROME:
            assert chrome not in value, (chrome, value)
        assert value.strip() != "Citation"


def test_old_layout_with_an_original() -> None:
    document = page("made_up_old_layout_with_original.txt")
    assert document.title == "Made-up Telegram from the Embassy in Pyongyang on the Spring Sowing"
    assert (document.date.text, document.date.iso) == ("March 03, 1951", "1951-03-03")
    assert document.record_id == "990000001"
    assert document.source.text == "AVPRF, f. 0102, op. 7, p. 27, d. 99, ll. 1-2"
    (citation,) = document.source.citations
    assert (citation.archive_code, citation.fond, citation.opis, citation.delo) == (
        "AVPRF", "0102", "7", "99",
    )
    assert document.summary == (
        "A made-up telegram for a parser test: the embassy reports on the spring sowing and on "
        "the bridges near Pyongyang, restored by the first of March."
    )
    assert document.original is not None and document.original.language == "ru"
    assert document.original.paragraphs == (
        "Москва, МИД СССР.",
        "Весенний сев в провинции идёт по плану. Мосты у Пхеньяна восстановлены к 1 марта.",
        "Посол",
    )
    (english,) = document.translations
    assert english.paragraphs == (
        "Moscow, Ministry of Foreign Affairs of the USSR.",
        "The spring sowing in the province is going according to plan. The bridges near "
        "Pyongyang were restored by 1 March.",
        "Ambassador",
    )
    assert_no_chrome(document)


def test_old_layout_in_english_with_label_words_in_the_body() -> None:
    document = page("made_up_old_layout_english.txt")
    assert document.title == "Made-up Memorandum of Conversation on the Armistice Talks"
    assert (document.date.text, document.date.iso) == ("December 01, 1949", "1949-12-01")
    assert document.record_id == "990000002"
    assert document.source.text.startswith("RGASPI, f. 558, op. 11, d. 9999, ll. 10-12")
    assert "Made-up Memorandum" not in document.source.text
    assert "December 01, 1949" not in document.source.text
    assert document.summary.startswith("A made-up memorandum for a parser test.")
    assert document.original is None
    assert document.translations[0].paragraphs == (
        "MEMORANDUM OF CONVERSATION",
        "Time: 10:00\nPlace: the delegation's house",
        "Subject: the agenda of the talks",
        "Source: the first delegate said that the agenda must come first.",
        "Citation of the earlier agreement was not needed, the second delegate replied.",
        "The exchange of prisoners was left to the next meeting.",
    )
    assert_no_chrome(document)
    # The same record saved from the current site is the same document.
    current = (
        "December 1, 1949\n\nMade-up Memorandum of Conversation on the Armistice Talks\n\n"
        "The exchange of prisoners was left to the next meeting.\n\nDocument Information\n\n"
        "Source\n\nRGASPI, f. 558, op. 11, d. 9999, ll. 10-12\n\nRecord ID\n\n990000002\n"
    )
    assert dedup_key(document) == dedup_key(parse_text(current, "made_up_current.txt"))


def test_old_layout_with_an_empty_summary() -> None:
    document = page("made_up_old_layout_no_summary.txt")
    assert document.title == "Made-up Note on the Visit of a Delegation"
    assert (document.date.text, document.date.iso) == ("May 12, 1997", "1997-05-12")
    assert document.record_id == "990000003"
    assert document.source.text == "Made-up Collection, Box 3, Folder 12"
    assert document.summary == ""
    assert document.original is None
    assert document.translations[0].paragraphs == (
        "The delegation arrived on 10 May and left on 12 May.",
        "It visited two factories and a school.",
    )
    assert_no_chrome(document)


def test_teaser_before_date() -> None:
    document = page("made_up_teaser_before_date.txt")
    assert document.title == "Letter from Filippov to Kim Il Sung"
    assert document.date.iso == "1950-10-05"
    assert document.translations[0].paragraphs == (
        "Dear Comrade Kim Il Sung,",
        "I received your letter of 29 September. The Chinese comrades are preparing to help you.",
        "Filippov",
    )
    assert document.summary.startswith("Stalin informs Kim Il Sung")


def test_year_only() -> None:
    document = page("made_up_year_only.txt")
    assert (document.date.text, document.date.iso, document.date.precision) == (
        "1958",
        "1958",
        "year",
    )
    assert document.languages == ("en",)
    assert document.original is None


def test_month_only() -> None:
    document = page("made_up_month_only.txt")
    assert (document.date.iso, document.date.precision) == ("1967-11", "month")
    assert document.uploaded == ""
    assert document.source.text == "AVPRF, f. 079, op. 22, pap. 46, d. 12, ll. 1-4"


def test_no_date() -> None:
    document = page("made_up_no_date.txt")
    assert document.title == "Draft Instructions to the Soviet Delegation at the Geneva Conference"
    assert document.date.precision == "unknown"
    assert document.date.iso is None
    assert "no date found" in document.warnings
    assert document.languages == ("ru",)
    assert document.original is None
    assert document.translations[0].language == "en"
    assert len(document.translations[0].paragraphs) == 2


def test_credit_line() -> None:
    document = page("made_up_credit_line.txt")
    assert document.credit == (
        "This document was made possible with support from the Carnegie Corporation of New York"
    )
    assert document.donors == ("Carnegie Corporation of New York",)
    assert document.translations[0].paragraphs[0].startswith("The test was carried out")
    assert document.languages == ("ru",)


# --- tail -----------------------------------------------------------------------------------


def test_labels_missing() -> None:
    document = page("made_up_labels_missing.txt")
    assert document.source.text == "APRF, Fond 45, Opis 1, Delo 348, List 12"
    assert len(document.rights) == 2
    assert document.uploaded == "2012-01-30"
    assert document.type == "Letter"
    assert document.languages == ()
    assert document.record_id == ""
    assert document.id.startswith("h") and len(document.id) == 13
    assert document.donors == ()
    assert document.summary.startswith("Kim Il Sung asks Stalin")
    assert document.translations[0].paragraphs[-1] == "With respect, Kim Il Sung"


def test_orphan_donor() -> None:
    document = page("made_up_orphan_donor.txt")
    assert document.donors == ("Henry Luce Foundation",)
    assert document.record_id == "made-up-120011"
    assert document.languages == ("pl",)
    assert document.warnings == ()


def test_no_summary() -> None:
    document = page("made_up_no_summary.txt")
    assert document.summary == ""
    assert document.translations[0].paragraphs[-2:] == ("13.1.51", "ROSHCHIN")


def test_body_labels_stay_in_the_body() -> None:
    document = page("made_up_body_labels.txt")
    body = document.translations[0].paragraphs
    assert body[0] == "Subject: Implementation of the Armistice Agreement"
    assert body[1] == "Time: 11:00 hours\nPlace: Panmunjom"
    assert body[2].startswith("Source\nType\n")
    assert body[3] == (
        "North (KIM): The prisoners will be handed over at the agreed points.\n"
        "UNC (HARRISON): We accept the schedule."
    )
    assert body[4] == "North (KIM): Then the meeting is adjourned."
    assert document.source.text == "National Archives, RG 333, Box 1"
    assert document.type == "Minutes"


def test_heading_lists() -> None:
    document = page("made_up_no_original.txt")
    assert document.people == ("Khrushchev, Nikita Sergeevich, 1894-1971",)
    assert document.places == ("Berlin (Germany)",)
    assert document.authors == ()
    assert page("made_up_chinese_original.txt").authors == ("Mao, Zedong, 1893-1976",)


# --- texts ----------------------------------------------------------------------------------


def test_no_original() -> None:
    document = page("made_up_no_original.txt")
    assert document.original is None
    assert len(document.translations) == 1
    english = document.translations[0]
    assert english.language == "en"
    assert english.paragraphs[0] == "Moscow, 12 March 1962"
    assert (
        english.paragraphs[3] == "Dölling: The Western powers have limited themselves to protests."
    )
    assert english.paragraphs[4] == (
        "Khrushchev: That was to be expected. They will not go further than paper."
    )
    assert english.paragraphs[-1] == "Recorded by V. Ivanov"
    assert document.source.text.endswith("Translated by a made-up translator.")


ORIGINALS = [  # made_up_<name>_original.txt
    ("german", "de", "Berlin, den 17. Juni 1953", "gez. Fischer", "Berlin, 17 June"),
    ("hungarian", "hu", "Jelen vannak: Gerő", "Nagy Imre elvtárs", "Present:"),
    ("chinese", "zh", "菲利波夫同志：", "一九五〇年十月二日", "Comrade Filippov:"),
    ("korean", "ko", "조선민주주의인민공화국 정부는", "평양", "The Government of the"),
    ("japanese", "ja", "日本国政府は", "両国の代表は", "The Government of Japan"),
]


@pytest.mark.parametrize(("name", "language", "first", "last", "translation_first"), ORIGINALS)
def test_originals(name: str, language: str, first: str, last: str, translation_first: str) -> None:
    document = page(f"made_up_{name}_original.txt")
    assert document.original is not None
    assert document.original.language == language
    assert document.original.paragraphs[0].startswith(first)
    assert document.original.paragraphs[-1].startswith(last)
    assert len(document.translations) == 1
    assert document.translations[0].language == "en"
    assert document.translations[0].paragraphs[0].startswith(translation_first)
    assert len(document.original.paragraphs) == len(document.translations[0].paragraphs)
    assert document.languages == (language,)
    assert document.detected_languages == (language, "en")


def test_several_translations() -> None:
    document = page("made_up_several_translations.txt")
    assert document.original is not None
    assert document.original.language == "ru"
    assert document.original.paragraphs[-1] == "Филиппов"
    assert [text.language for text in document.translations] == ["en", "zh"]
    english, chinese = document.translations
    assert english.paragraphs == (
        "To Mao Zedong.",
        "I join the opinion of the leading Chinese comrades that the Chinese troops should move "
        "into Korea, and I consider that this should be done as soon as possible.",
        "Armament for the Chinese troops will be delivered in the near future.",
        "Filippov",
    )
    assert chinese.paragraphs[0] == "毛泽东同志："
    assert chinese.paragraphs[-1] == "菲利波夫"


def test_spaced_letters_are_kept() -> None:
    document = page("made_up_spaced_letters.txt")
    assert document.date.text == "December 01, 1949"
    assert document.date.iso == "1949-12-01"
    assert document.original is not None
    assert document.original.paragraphs[0] == "Передайте  т. Лю Шаоци:"
    assert document.original.paragraphs[-1] == "М А О   Ц З Э Д У Н"
    assert document.translations[0].paragraphs[-1] == "M A O   Z E D O N G"
    assert len(document.translations[0].paragraphs) == 3


def test_whitespace_noise() -> None:
    document = page("made_up_whitespace_noise.txt")
    assert document.original is not None
    russian = document.original.paragraphs
    assert russian[0] == "Совершенно секретно\nПекин       Совпосол\nКопия:      т. Молотову"
    assert russian[1] == (
        "Сообщите т.Мао Цзэдуну , что договор подписан.Подробности будут переданы позже."
        "\u00a0Срок — три дня."
    )
    assert russian[2] == "ВЫШИНСКИЙ"
    english = document.translations[0].paragraphs
    assert english[0] == "Top secret\nBeijing       Soviet Ambassador\nCopy:       to Molotov"
    assert english[-1] == "VYSHINSKY"
    assert len(english) == 3


def test_editorial_apparatus_is_kept_as_written() -> None:
    document = page("made_up_editorial_apparatus.txt")
    body = document.translations[0].paragraphs
    assert body[0] == "(p. 1)"
    assert body[1].startswith("Com[rade] Malenkov [handwritten: G. M.] said")
    assert "[...]" in body[1] and "[?]" in body[1] and body[1].endswith("days.[1]")
    assert "[stamp: Top Secret]" in body
    assert "[page break]" in body
    assert body[-2] == "[1] The number of days is illegible."
    assert body[-1] == "x/ Written in the margin."
    assert document.type == "Record of Conversation"


def test_paragraphs_of() -> None:
    text = "a\nb \n\u00a0\n\u00a0 c\u00a0\u00a0d\u00a0\n\n\n\ne\r\nf\r\n\r\ng"
    assert paragraphs_of(text) == ["a\nb", "c\u00a0\u00a0d", "e\nf", "g"]


def _paragraphs_line_by_line(text: str) -> list[str]:
    """What paragraphs_of says, as the docstring says it: the reference for its speed-up."""
    found: list[list[str]] = [[]]
    for line in re.split(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]", text):
        line = line.strip().strip("\u200b\u200c\u200d\u2060\ufeff").strip()
        if line:
            found[-1].append(line)
        elif found[-1]:
            found.append([])
    return ["\n".join(lines) for lines in found if lines]


@pytest.mark.parametrize("seed", range(20))
def test_paragraphs_of_made_up_texts_of_blank_and_invisible_lines(seed: int) -> None:
    pieces = ["a", "Б b", " ", "\u00a0", "\u200b", "\ufeff x \u200d", "\n", "\r\n", "\r",
              "\u2028", "\x0c", "\x1c", "\t", "\n\n", "漢字", "\u200bz\u200b "]  # fmt: skip
    chooser = random.Random(seed)
    text = "".join(chooser.choice(pieces) for _ in range(400))
    assert paragraphs_of(text) == _paragraphs_line_by_line(text)
    assert paragraphs_of(SEED_BYTES.decode("utf-8")) == _paragraphs_line_by_line(
        SEED_BYTES.decode("utf-8")
    )


def test_invalid_day_is_kept_without_iso() -> None:
    text = SEED_BYTES.decode("utf-8").replace("October 1, 1950", "February 30, 1950", 1)
    document = parse_text(text, "bad-date.txt")
    assert document.date.text == "February 30, 1950"
    assert document.date.iso is None
    assert any("not a valid calendar date" in warning for warning in document.warnings)


# --- robustness -----------------------------------------------------------------------------


def _check(data: bytes) -> None:
    try:
        document = parse_bytes(data, "fuzz.txt")
    except PageError as error:
        assert error.path == "fuzz.txt"
        assert str(error) == f"fuzz.txt: {error.reason}"
    else:
        assert document.title
        assert document.file == "fuzz.txt"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_page_error(data: bytes) -> None:
    _check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=12))
def test_mutated_seed_raises_only_page_error(rng: random.Random, edits: int) -> None:
    data = bytearray(SEED_BYTES)
    for _ in range(edits):
        operation = rng.randrange(4)
        position = rng.randrange(len(data) + 1)
        if operation == 0 and data:
            del data[position : position + rng.randrange(1, 400)]
        elif operation == 1:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20)))
        elif operation == 2:
            lines = bytes(data).split(b"\n")
            rng.shuffle(lines)
            data = bytearray(b"\n".join(lines))
        else:
            snippet = rng.choice(
                [b"Document Information\n\n", b"Source\n\n", b"\xa0\n", b"Record ID\n\n", b"<html>",
                 b"\r", b"\xef\xbb\xbf", b"1958\n\n", b"Author(s):\n\n", b"\x00"]
            )  # fmt: skip
            data[position:position] = snippet
    _check(bytes(data))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_arbitrary_text_raises_only_page_error(text: str) -> None:
    try:
        parse_text(text, "t.txt")
    except PageError as error:
        assert error.path == "t.txt"


def test_a_one_paragraph_translation_is_not_taken_for_the_summary() -> None:
    from bench.made_up_pages import one_paragraph

    # One long paragraph each: the English one ends with a full stop, as a summary does, and was
    # taken for the summary, leaving the page without its translation.
    document = parse_text(one_paragraph(20_000), "made_up_one_paragraph.txt")
    assert document.original is not None and len(document.original.paragraphs) == 1
    assert document.original.language == "ru"
    assert [len(t.paragraphs) for t in document.translations] == [1]
    assert len(document.translations[0].paragraphs[0]) > 5000
    assert document.summary == ""


def test_a_long_source_is_kept_whole_and_analysed_in_part() -> None:
    from bench.made_up_pages import long_source
    from reader.core.page.parser import MAX_SOURCE_ANALYSED

    document = parse_text(long_source(3 * MAX_SOURCE_ANALYSED), "made_up_long_source.txt")
    assert len(document.source.text) > 2 * MAX_SOURCE_ANALYSED
    assert 0 < len(document.source.citations) < 500
    assert any("only its first 20,000" in warning for warning in document.warnings)

"""Sentence splitting for archive texts, with offsets into the text as written.

Archive transcripts are messy: full stops without a following space ("в Корее.Однако"), spaces
before commas, abbreviations glued to names ("т.Булганину"), initials ("J. V. Stalin"), dates
written with full stops ("1.X..50 г.", "13.1.51") and editorial brackets that hold full stops of
their own ("[...]", "[Translator's note: ...]"). The splitter looks at each run of terminal
punctuation and decides from its neighbours whether a sentence ends there; it never changes the
text, so every span indexes the paragraph string the Document holds.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

# Terminal punctuation: Latin and Cyrillic full stop, marks, ellipsis; CJK full-width marks.
_TERMINALS = frozenset(".!?…;")
_CJK_TERMINALS = frozenset("。！？．｡!?")
_CLOSERS = frozenset("\"'”’»)]」』）】〕〉》›")
_OPENERS = frozenset("\"'“‘«„([「『（【〔〈《‹-—–")
_BRACKETS = {"[": "]", "〔": "〕", "【": "】"}

# Abbreviations (casefolded, without their final full stop) after which a full stop does not end
# a sentence. One set serves every language: a Russian abbreviation never ends an English
# sentence, and the archive mixes scripts inside one text ("Cde. Ким Ир Сен").
_ABBREVIATION_WORDS = """
    т тт тов г гг ст см стр др пр им ул д л лл об оп ф п пп с сс тыс млн млрд руб коп ок проф акад
    ген полк подп лейт мин зам нач ред прим сов секр экз вх исх рис табл англ рус кит кор яп нем
    франц вкп цк ком гос напр илл кв обл р-н ср т.е т.к т.н и.о т.д т.п н.э с.г гр mr mrs ms dr
    gen lt col maj capt cde cdes com comr adm sgt gov pres sen rep st no nos vol vols p pp ff cf
    e.g i.e vs jan feb mar apr jun jul aug sep sept oct nov dec approx dept est ft u.s u.k u.n inc
    ltd co jr sr prof rev mt fig art sec ch op ibid viz al amb sec'y nr bzw z.b u.a d.h vgl abs hr
    fr frl str ca sog gez ggf evtl inkl jh mio mrd tsd o.ä z.t v.a s.o s.u dipl ing bd bde m mm
    mme mlle ste av n°
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_MONTHS_AFTER_ORDINAL = re.compile(
    r"(?:Jan|Feb|Mär|Maer|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez|janv|févr|mars|avr|juin|juil|"
    r"août|sept|oct|nov|déc)",
    re.IGNORECASE,
)
# Abbreviations only when a number follows.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "nr"})
_ROMAN = re.compile(r"^[IVXLC]+$")
_WORD_BEFORE = re.compile(r"([\w.'’\-]*\w)\W*$")
# "1.", "II.", "а)" at the start of a sentence number it; they are not sentences themselves.
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}|[IVXivx]{1,5}|\w)\)?$")
_CASELESS_LANGUAGES = frozenset({"zh", "ja", "ko"})
# Scanning jumps from one of these to the next in C rather than testing every character.
_BRACKET_OPENER = re.compile("[" + re.escape("".join(_BRACKETS)) + "]")
_CANDIDATE = re.compile("[\n" + re.escape("".join(sorted(_TERMINALS | _CJK_TERMINALS))) + "]")
# Every look around a full stop is local: slices of the rest of the paragraph made splitting a
# paragraph of megabytes quadratic (issue 12).
_NON_SPACE = re.compile(r"\S")
_TOKEN_AFTER = re.compile(r"\.?(\w+)")
_LOOK_BACK = 200  # characters before a full stop that can hold the word it follows


def _skip_space(text: str, index: int) -> int:
    """The first position at or after `index` that is not whitespace (len(text) if none)."""
    found = _NON_SPACE.search(text, index)
    return found.start() if found else len(text)


def _bracket_spans(text: str) -> list[Span]:
    """Editorial brackets, one level deep; terminal punctuation inside them never splits."""
    spans: list[Span] = []
    opener = _BRACKET_OPENER.search(text)
    while opener:
        index = opener.start()
        closer = _BRACKETS[text[index]]
        end = text.find(closer, index + 1)
        newline = text.find("\n", index + 1)
        if end != -1 and (newline == -1 or end < newline):
            spans.append((index, end + 1))
            opener = _BRACKET_OPENER.search(text, end + 1)
        else:
            opener = _BRACKET_OPENER.search(text, index + 1)
    return spans


def _first_letter(text: str, start: int) -> str:
    """The first character at or after `start` that is not an opening quote or bracket."""
    index = start
    while index < len(text) and text[index] in _OPENERS:
        index += 1
    return text[index] if index < len(text) else ""


def _is_abbreviation(word: str, language: str) -> bool:
    folded = word.casefold()
    if folded in _ABBREVIATIONS:
        return True
    letters = [part for part in folded.split(".") if part]
    # Initialisms written with full stops: "U.S.S.R", "D.P.R.K", "И.В" (the last stop is ours).
    if len(letters) >= 2 and all(len(part) == 1 for part in letters):
        return True
    # One letter: a lowercase one is an abbreviation ("т.", "г.", "p."); a capital one is an
    # initial ("J. V. Stalin", "И.В.Сталин"). Neither ends a sentence.
    return len(word) == 1 and word.isalpha()


def _ends_sentence(text: str, run_start: int, after: int, language: str) -> bool:
    """Whether the terminal run text[run_start:after] (closers included) ends a sentence."""
    run = text[run_start:after].rstrip("".join(_CLOSERS))
    if any(ch in _CJK_TERMINALS for ch in run):
        return True
    glued = after < len(text) and not text[after].isspace()
    nxt = _first_letter(text, after) if glued else ""
    if not glued:
        nxt = _first_letter(text, _skip_space(text, after))
        if not nxt:
            return True
    if glued and run == ";":
        return False
    before = text[max(0, run_start - _LOOK_BACK) : run_start]
    match = _WORD_BEFORE.search(before) if before and not before[-1].isspace() else None
    word = match.group(1) if match else ""
    if before.endswith(")"):
        word = before.rsplit(None, 1)[-1]  # "ВКП(б)": a whole token, not the letter "б"
    if run == ";":
        return False  # a semicolon joins clauses; kept as a terminal only for the glue check
    if run in {".", ".."} and word:
        if word[-1].isdigit() and (nxt.isdigit() or _ROMAN.match(_next_token(text, after))):
            return False  # a date or a decimal: "1.X..50", "13.1.51", "1.5"
        if glued and word[-1].isdigit():
            return False
        if word.casefold() in _NUMBER_ABBREVIATIONS and not nxt.isdigit():
            pass  # "No. 5" is an abbreviation; 'He said "No."' ends a sentence
        elif not word.endswith(")") and _is_abbreviation(word, language):
            return False
        if (word.isdigit() and language == "de"
                and _MONTHS_AFTER_ORDINAL.match(text, _skip_space(text, after))):
            return False  # a German ordinal: "am 17. Juni"
        if _ROMAN.match(word) and glued:
            return False
    if not nxt:
        return False
    if nxt.islower():
        return False
    if nxt.isupper():
        return True
    if nxt.isdigit():
        # A sentence may start with a number, but "1." alone is a list marker, not a sentence.
        return bool(word) and not word.isdigit() and not glued
    # A letter without case (Han, Kana, Hangul) or a symbol after a space: a new sentence.
    return (nxt.isalpha() and not glued) or (language in _CASELESS_LANGUAGES and not glued)


def _next_token(text: str, start: int) -> str:
    match = _TOKEN_AFTER.match(text, start)
    return match.group(1) if match else ""


def _line_break_ends(text: str, start: int, index: int) -> bool:
    """A line break ends a sentence unless the next line continues it in lowercase.

    Telegram headers, addresses and distribution lists put one unit on each line, often
    without punctuation ("1.X..50 г." / "Пекин   Совпосол").
    """
    if not text[start:index].strip():
        return False
    nxt = _first_letter(text, _skip_space(text, index))
    return bool(nxt) and not nxt.islower()


def _close_sentence(text: str, spans: list[tuple[int, int]], start: int, index: int) -> int:
    """End the sentence begun at `start` before `index`; return where the next one begins."""
    end = start + len(text[start:index].rstrip())
    if end > start:
        spans.append((start, end))
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def split_sentences(text: str, language: str = "") -> list[Span]:
    """Split a paragraph into sentences.

    Args:
        text: the paragraph exactly as the Document holds it.
        language: an ISO 639-1 code ("ru", "en", "de", "fr", "zh", "ja", "ko"); "" when unknown.
            It refines a few decisions (German ordinals, caseless scripts).

    Returns:
        (start, end) character offsets of each sentence in `text`, in order, without the
        whitespace between sentences; an empty list for a blank text.
    """
    spans: list[Span] = []
    brackets = _bracket_spans(text)
    bracket_index = 0
    start = len(text) - len(text.lstrip())
    index = start
    length = len(text)
    while index < length:
        candidate = _CANDIDATE.search(text, index)
        if candidate is None:
            break  # no line break or terminal left: the rest is one sentence
        index = candidate.start()
        while bracket_index < len(brackets) and brackets[bracket_index][1] <= index:
            bracket_index += 1
        if bracket_index < len(brackets) and brackets[bracket_index][0] <= index:
            index = brackets[bracket_index][1]
            continue
        ch = text[index]
        if ch == "\n" and _line_break_ends(text, start, index):
            start = index = _close_sentence(text, spans, start, index)
            continue
        if ch not in _TERMINALS and ch not in _CJK_TERMINALS:
            index += 1
            continue
        run_start = index
        while index < length and (text[index] in _TERMINALS or text[index] in _CJK_TERMINALS):
            index += 1
        while index < length and text[index] in _CLOSERS and text[index] not in "([":
            # An ASCII quote after a space opens the next sentence rather than closing this one.
            if text[index] in "\"'" and index + 1 < length and text[index + 1].isalpha():
                break
            index += 1
        if not _LIST_MARKER.match(text[start:run_start]) and _ends_sentence(
            text, run_start, index, language
        ):
            start = index = _close_sentence(text, spans, start, index)
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def sentence_texts(text: str, language: str = "") -> list[str]:
    """The sentences of a paragraph as strings; see `split_sentences`.

    Args:
        text: the paragraph.
        language: its ISO 639-1 code, or "".

    Returns:
        One string per sentence, exactly as written.
    """
    return [text[start:end] for start, end in split_sentences(text, language)]

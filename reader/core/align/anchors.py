"""Anchors: tokens that agree across languages and so tie a sentence to its translation.

Numbers, years (1950 and its two-digit form 50), dates with Roman-numeral months ("1.X..50"),
month names and number words in several languages, and names: through a list of exonyms kept in
`data/exonyms.tsv` (Москва/Moscow, Чемульпо/Chemulpo/Incheon, ...) and through transliteration
of the capitalised words no list names. Each anchor is a string "kind:value"; anchors found
inside editorial brackets ("[STALIN]") are optional: they count when the other side has them and
cost nothing when it does not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import Stemmer

# Kinds of anchor and what they weigh: (bonus when both sides have it, cost when one lacks it).
# Transliterated names cost nothing when missing: a translator drops or adds names freely.
WEIGHTS: dict[str, tuple[float, float]] = {
    "n": (2.5, 1.2),  # a number
    "y": (2.5, 1.2),  # a year, by its last two digits
    "m": (2.0, 1.0),  # a month
    "e": (2.0, 0.6),  # a name from the exonym list
    "t": (1.2, 0.0),  # a name by transliteration
}

# Scores add up in whole tenths of a nat, as integers: exact, so a score does not depend on the
# order a set yields its anchors in, and the band's batch costing (`align/batch.py`) finds the
# very float `anchor_score` finds. Every weight above is a whole number of tenths.
TENTHS = 10
# The two halves of WEIGHTS apart, in tenths: one dict lookup a bead's anchor, not two.
SHARED_TENTHS = {kind: round(shared * TENTHS) for kind, (shared, _missing) in WEIGHTS.items()}
MISSING_TENTHS = {kind: round(missing * TENTHS) for kind, (_shared, missing) in WEIGHTS.items()}

_ROMAN_MONTHS = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
    "XI": 11, "XII": 12,
}  # fmt: skip
_DATE = re.compile(
    r"(?<![\w.])(\d{1,2})\.(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|\d{1,2})\.{1,2}(\d{4}|\d{2})(?!\d)"
)
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'’][^\W\d_]+)*")
_BRACKETED = re.compile(r"\[[^\[\]\n]*\]")
# A name typed letter-spaced for emphasis, as signatures often are: "F I L I P P O V".
_LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_a-zа-яё] ){2,}[^\W\d_a-zа-яё](?!\S)")
_CJK_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
_CJK_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# Month names by their stems (casefolded); Russian and German inflect, so prefixes suffice.
_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("июн", 6), ("июл", 7),
    ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
)  # fmt: skip
_MONTH_WORDS: dict[str, int] = {
    "мая": 5, "май": 5, "мае": 5,
    "january": 1, "february": 2, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "sept": 9,
    "januar": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}  # fmt: skip
# English months that are also common words count only when capitalised mid-sentence.
_CAPITAL_MONTHS = {"March": 3, "May": 5}

# Number words: exact words, then Russian stems (which inflect). They are optional anchors:
# "one needs to consider" must not cost anything when the original has no "1".
_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "hundred": 100, "thousand": 1000,
    "first": 1, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "hundert": 100, "tausend": 1000, "zweitausend": 2000, "erste": 1, "ersten": 1,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10, "cent": 100, "mille": 1000,
    "два": 2, "две": 2, "три": 3, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "сто": 100, "тысяча": 1000, "тысячи": 1000, "тысяч": 1000,
}  # fmt: skip
_NUMBER_STEMS: tuple[tuple[str, int], ...] = (
    ("перв", 1), ("втор", 2), ("трет", 3), ("четыр", 4), ("четвер", 4), ("пяти", 5),
    ("шести", 6), ("двух", 2), ("трех", 3), ("трёх", 3), ("двадцат", 20), ("одн", 1),
    ("один", 1),
)  # fmt: skip

# One pattern per stem list: a word is tried against all stems in one regex match.
_MONTH_BY_STEM = dict(_MONTH_STEMS)
_MONTH_STEM_RE = re.compile("|".join(sorted(_MONTH_BY_STEM, key=len, reverse=True)))
_NUMBER_BY_STEM = dict(_NUMBER_STEMS)
_NUMBER_STEM_RE = re.compile("|".join(sorted(_NUMBER_BY_STEM, key=len, reverse=True)))

_CYRILLIC_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})  # fmt: skip
# Spelling variants of one sound in romanisations, folded so "Roshchin" meets "Рощин".
_FOLDS = (("kh", "h"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i"), ("ck", "k"), ("c", "k"))
_KEY_LENGTH = 4


@dataclass(frozen=True)
class SegmentAnchors:
    """The anchors of a sentence or paragraph: required ones and optional (bracketed) ones."""

    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()

    def __or__(self, other: SegmentAnchors) -> SegmentAnchors:
        if not (other.required or other.optional):
            return self
        if not (self.required or self.optional):
            return other
        return SegmentAnchors(self.required | other.required, self.optional | other.optional)

    @cached_property
    def every(self) -> frozenset[str]:
        """Required and optional anchors together, made once: every bead cost asks for them."""
        return self.required | self.optional


NO_ANCHORS = SegmentAnchors()


_CJK_CHARACTER = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def _is_cjk(text: str) -> bool:
    return _CJK_CHARACTER.search(text) is not None


def _stemmer_for(word: str) -> Stemmer.Stemmer:
    return _stemmer("russian" if re.search("[а-яё]", word) else "english")


@lru_cache(maxsize=4)
def _stemmer(name: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(name)


# Names recur on every page of a document: each word is stemmed and keyed once.
@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    folded = word.casefold()
    return str(_stemmer_for(folded).stemWord(folded))


@dataclass(frozen=True)
class ExonymTable:
    """Names by language, from the exonym data file: word stems and CJK strings to an id."""

    by_words: dict[tuple[str, ...], str]
    cjk: tuple[tuple[str, str], ...]
    longest: int


# The stemmer does not always give a Russian name one stem for all its cases ("Корея" -> "коре",
# "Корее" -> "кор"), so the table holds the stems of the common case endings as well.
_CASE_ENDINGS = {"я": ("и", "е", "ю", "ей"), "а": ("ы", "е", "у", "ой"), "ь": ("и", "ю", "ем")}
_CONSONANT_ENDINGS = ("а", "у", "е", "ом", "ым")


def _case_forms(word: str) -> list[str]:
    """`word` and, for a Russian noun, its forms in the other cases (by ending alone)."""
    if not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return [word]
    ending = word[-1].lower()
    if ending in _CASE_ENDINGS:
        return [word, *(word[:-1] + new for new in _CASE_ENDINGS[ending])]
    if ending in "бвгджзклмнпрстфхцчшщ":
        return [word, *(word + new for new in _CONSONANT_ENDINGS)]
    return [word]


@lru_cache(maxsize=1)
def exonym_table() -> ExonymTable:
    """Load `data/exonyms.tsv` (once) into a lookup table.

    Returns:
        The table: tuples of word stems -> id, and CJK spellings (matched as substrings).
    """
    text = resources.files("reader.core").joinpath("data/exonyms.tsv").read_text("utf-8")
    by_words: dict[tuple[str, ...], str] = {}
    cjk: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, _, names = line.partition("\t")
        for name in names.split("|"):
            name = name.strip()
            if not name:
                continue
            if _is_cjk(name):
                cjk.append((name, ident))
                continue
            words = _WORD.findall(name)
            for last in _case_forms(words[-1]):
                by_words[tuple(_stem(w) for w in [*words[:-1], last])] = ident
    longest = max((len(key) for key in by_words), default=1)
    return ExonymTable(by_words, tuple(sorted(cjk, key=lambda p: -len(p[0]))), longest)


@lru_cache(maxsize=8192)
def transliteration_key(word: str) -> str:
    """A short Latin key for a name in Cyrillic or Latin script, equal across the two.

    Args:
        word: one word as written ("Булганину", "Bulganin").

    Returns:
        The first letters of its folded romanisation ("bulg"), or "" for short words.
    """
    folded = word.casefold().translate(_CYRILLIC_LATIN)
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    for old, new in _FOLDS:
        folded = folded.replace(old, new)
    folded = "".join(ch for ch in folded if ch.isalpha())
    return folded[:_KEY_LENGTH] if len(folded) >= _KEY_LENGTH else ""


def _word_anchors(words: list[tuple[int, str]], found: set[str]) -> None:
    """Months, number words, exonyms and transliterated names among `words` (position, word)."""
    table = exonym_table()
    capital = [w[:1].isupper() for _, w in words]
    stems = [_stem(w) if capital[k] else "" for k, (_, w) in enumerate(words)]
    used: set[int] = set()
    for k, (position, word) in enumerate(words):
        folded = word.casefold()
        if folded in _MONTH_WORDS:
            found.add(f"m:{_MONTH_WORDS[folded]}")
        elif word in _CAPITAL_MONTHS and position > 0:
            found.add(f"m:{_CAPITAL_MONTHS[word]}")
        else:
            stem_match = _MONTH_STEM_RE.match(folded)
            if stem_match:
                found.add(f"m:{_MONTH_BY_STEM[stem_match.group(0)]}")
        if not capital[k] or k in used:
            continue
        for size in range(min(table.longest, len(words) - k), 0, -1):
            ident = table.by_words.get(tuple(stems[k : k + size]))
            if ident and all(capital[k : k + size]):
                found.add(f"e:{ident}")
                used.update(range(k, k + size))
                break
        else:
            # Sentence-initial words are capitalised for grammar, not because they are names.
            if position > 0 or word.isupper():
                key = transliteration_key(word)
                if key:
                    found.add(f"t:{key}")


def _number_words(words: list[tuple[int, str]], found: set[str]) -> None:
    for _, word in words:
        folded = word.casefold()
        value = _NUMBER_WORDS.get(folded)
        if value is None:
            stem_match = _NUMBER_STEM_RE.match(folded)
            value = _NUMBER_BY_STEM[stem_match.group(0)] if stem_match else None
        if value is not None:
            found.add(f"n:{value}")


def _numbers(text: str, found: set[str]) -> str:
    """Add dates and numbers; return the text with dates blanked so their parts count once."""

    def date(match: re.Match[str]) -> str:
        day, month, year = match.groups()
        month_number = _ROMAN_MONTHS.get(month) or int(month)
        found.update({f"n:{int(day)}", f"m:{month_number}", f"y:{int(year) % 100}"})
        return " " * len(match.group(0))

    text = _DATE.sub(date, text)
    for match in _NUMBER.finditer(text):
        digits = match.group(0)
        if len(digits) > 9:
            continue
        value = int(digits)
        if len(digits) == 4 and 1900 <= value <= 2099:
            found.add(f"y:{value % 100}")
        else:
            found.add(f"n:{value}")
    return text


def _cjk_anchors(text: str, found: set[str]) -> None:
    for match in _CJK_MONTH.finditer(text):
        raw = match.group(1)
        value = int(raw) if raw.isdigit() else _cjk_number(raw)
        if 1 <= value <= 12:
            found.add(f"m:{value}")
    for name, ident in exonym_table().cjk:
        if name in text:
            found.add(f"e:{ident}")


def _cjk_number(raw: str) -> int:
    if raw == "十":
        return 10
    if raw.startswith("十"):
        return 10 + _CJK_DIGITS.get(raw[1:], 0)
    return _CJK_DIGITS.get(raw, 0)


def _plain_anchors(text: str) -> set[str]:
    found: set[str] = set()
    rest = _numbers(text, found)
    if _is_cjk(rest):
        _cjk_anchors(rest, found)
    rest = _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), rest)
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(rest)]
    positions = [(k, word) for k, (_, word) in enumerate(words)]
    _word_anchors(positions, found)
    optional: set[str] = set()
    _number_words(positions, optional)
    # Number words become optional anchors; keep them apart by marking with a prefix.
    found.update("?" + anchor for anchor in optional)
    return found


def anchors_of(sentence: str) -> SegmentAnchors:
    """The anchors of one sentence (or any short text).

    Args:
        sentence: the text as written.

    Returns:
        Its required anchors, and its optional ones: those inside editorial brackets and the
        number words, which count only when the other side agrees.
    """
    outside = _BRACKETED.sub(lambda m: " " * len(m.group(0)), sentence)
    plain = _plain_anchors(outside)
    required = frozenset(a for a in plain if not a.startswith("?"))
    optional = {a[1:] for a in plain if a.startswith("?")}
    for match in _BRACKETED.finditer(sentence):
        optional.update(a.lstrip("?") for a in _plain_anchors(match.group(0)[1:-1]))
    return SegmentAnchors(required, frozenset(optional - required))


def anchor_score(a: SegmentAnchors, b: SegmentAnchors) -> float:
    """How well two segments' anchors agree: bonuses for shared ones, costs for missing ones.

    Args:
        a: anchors of one side of a bead.
        b: anchors of the other side.

    Returns:
        A score; positive when the anchors support the pairing.
    """
    all_a = a.every
    all_b = b.every
    if not (all_a or all_b):
        return 0.0
    tenths = 0
    for anchor in all_a & all_b:
        tenths += SHARED_TENTHS[anchor[0]]
    for anchor in a.required - all_b:
        tenths -= MISSING_TENTHS[anchor[0]]
    for anchor in b.required - all_a:
        tenths -= MISSING_TENTHS[anchor[0]]
    return tenths / TENTHS

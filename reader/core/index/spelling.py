"""Spelling-blind search: a romanisation-blind key for names (words folded by `folding`).

`keyed_names` and `query_keys` map a name as any common romanisation writes it, and as
Cyrillic, Hangul or Chinese characters write it, to the same short key, by collapsing the
sounds that romanisations disagree on into one class each:

    x  kh ch h x sh zh sch tsch schtsch shch chtch j q hs (х ш щ ч ж, pinyin j q zh ch x)
    s  s z ts tz dz c (before e, i, y)            (с з ц; pinyin z c s; Wade-Giles ts tz)
    k c   g (k too in Chinese and Korean syllables)   t d   p b   f v w ff   l r   n ng   m
    a  any run of vowels, y and j-glides         (е ё э я ю и ы й; ie je ye jo yo iu ju ...)

so Хрущёв, Khrushchev, Khrushchov, Chruschtschow, Hruščëv and Khrouchtchev all become "xlaxaf",
周恩来, Zhou Enlai and Chou En-lai all hold "xa" and "anla", and 김일성, Kim Il-sung,
Kim Il Sung and Ким Ир Сен hold "kam", "al" and "san". Letters that one convention reads one
way and another another way (j: German й or French ж or pinyin ch; a final vowel dropped
by Russian inflection; c, w) give a word two keys rather than a wrong one.

Two classes are finer where coarse ones made unrelated names meet (Gerő and Korea both
"kala"): g keys as k only in a word that reads as Chinese or Korean syllables
(`syllables`), and a key of one or two consonants tells front vowels (e, i, y) from back
ones (a, o, u) as "e" and "o" ("gelo", "kolo"); Chinese and Korean syllables keep their
vowel-blind key as well, as their romanisations disagree on vowels (Sung, Sŏng, Сен).

Cyrillic is stemmed (Snowball) before it is transliterated, so Хрущёва and Хрущёву key
as Хрущёв. Han characters are read through pypinyin's character table (imported only when
a text has them); Hangul is decomposed into its letters by arithmetic, no dictionary.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from reader.core.index.folding import APOSTROPHES
from reader.core.index.folding import fold as fold  # the words' folding, keyed on top of it
from reader.core.index.syllables import (
    hangul_classes,
    kontsevich_glided,
    pinyin_table,
    reads_as_syllables,
)

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "є": "ye", "ї": "yi",
    "ґ": "g", "ў": "u",
}  # fmt: skip
# Russian writes the Korean and Chinese aspirates as пх, кх, тх (Пхеньян): one sound.
_ASPIRATES = re.compile(r"([пкт])х")
_CASE_ENDING = re.compile(r"(?:ыми|ами|ями|ого|его|ому|ему|ой|ей|ым|им|ом|ем|ою|ых|их|[ауеыию])$")
# Letters whose diacritic is a sound of its own in the schemes that use them.
_LATIN_LETTERS = {
    "š": "sh", "č": "ch", "ž": "zh", "ŝ": "shch", "ć": "ch", "ś": "sh", "ź": "zh", "ż": "zh",
    "ř": "rzh", "ǎ": "a", "ĭ": "y", "ʹ": "", "ʺ": "",
}  # fmt: skip
_UNITS = re.compile(
    r"schtsch|shtsh|shch|sjtsj|szcz|chtch|stsch|tsch|tch|tsh|dzh|dsch|dj|sch|sh|ch|zh|kh|hs|sz|cz"
    r"|cs|zs|ts|tz|tc|dz|ds|ck|ph|th|gh|rh|qu|ng|c(?=[eiy])|gy(?![aeiou])|."
)
_CLASSES = {
    **dict.fromkeys(
        ["schtsch", "shtsh", "shch", "sjtsj", "szcz", "chtch", "stsch", "tsch", "tch", "tsh", "dzh",
         "dsch", "dj", "sch", "sh", "ch", "zh", "kh", "hs", "sz", "x", "h", "q"], "x"),
    **dict.fromkeys(["ts", "tz", "tc", "dz", "ds", "s", "z"], "s"),
    **dict.fromkeys(["k", "g", "ck", "gh", "qu"], "k"),
    **dict.fromkeys(["t", "d", "th"], "t"),
    **dict.fromkeys(["p", "b"], "p"),
    **dict.fromkeys(["f", "v", "ph"], "f"),
    **dict.fromkeys(["l", "r"], "l"),
    **dict.fromkeys(["n", "ng"], "n"),
    "m": "m",
    **dict.fromkeys("aeiouy", "a"),
}  # fmt: skip
# Letters read differently by different conventions: each reading gives a key.
# (Polish cz is ч, ISO 9's cz is ц then з: Czėdun.)
_AMBIGUOUS = {
    "j": ("x", "a"), "c": ("k", "s"), "w": ("f", "a"), "cz": ("x", "s"), "ph": ("f", "p"),
    "ʃ": ("s", "x"), "ʒ": ("x", "l"), "rh": ("l", "lx"),  # Rhee, Wade-Giles erh; ISO 9 Arhangelʹsk
    "gy": ("ka", "t"),  # Hungarian gy is дь (Nagy, Надь) where no vowel follows
    # Hungarian sz is с, cs ч, zs ж (Szeged, Сегед); Polish sz is ш.
    "sz": ("x", "s"), "cs": ("x", "ks", "s"), "zs": ("x", "s"),
    "ħ": ("", "x"),  # an h that is silent or ISO 9's х (Mehlis, Мехлис): see `_SILENT_H`
}  # fmt: skip
# g apart from k (see `syllables`): where a word cannot be read as Chinese or Korean syllables.
_VOICED = {"g": ("g",), "gh": ("g",), "gy": ("ga", "t")}
_VOWEL_UNITS = frozenset("aeiouy")
_POSTAL_K = re.compile(r"i(?:ng|a|e|o|u|n$)")
# Wade-Giles syllables starting with j (pinyin r): jung, jen, jih, jui, jou, jao, juan.
_WADE_GILES_J = re.compile(r"(?:ung|en|ui|ou|ao|uan)(?![aeiouy])")
_MAX_KEYS = 16
# The Palladius system writes pinyin x, j, q as с, цз, ц before a soft vowel (Сяопин,
# Цзян, Шаоци, Синьцзян): there they may be s or x; ʃ stands for that letter here. Not
# before е, common in Russian words: Фурцева must not become Варшава.
_SOFT = re.compile(r"цз(?=[яюиеё])|с(?=[яюи])|ц(?=и)")
# Palladius writes pinyin r as ж (Жэньминь, Жунчжэнь); ʒ stands for that letter here.
_PALLADIUS_R = re.compile(r"(?<!д)ж(?=[уэао])")
# An h after a vowel and before neither vowel nor s (Wade-Giles hs) is not a sound:
# Wade-Giles Nieh, Teh; Grotewohl. Before a consonant it may also be ISO 9's х (Mehlis).
_SILENT_H = re.compile(r"(?<=[aeiouy])h(?![aeiouys])")
_MAYBE_KH = re.compile(r"(?<=[aeiouy])h(?=[^aeiouysh])")
# German st, sp starting a word are шт, шп in Russian (Stoph, Штоф; Stuttgart, Штутгарт).
_GERMAN_ST = re.compile(r"s(?=[tp])")

def is_hangul(char: str) -> bool:
    """Whether a character is a Hangul syllable."""
    return "\uac00" <= char <= "\ud7a3"


def is_han(char: str) -> bool:
    """Whether a character is a Han (CJK unified) ideograph."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _finish(
    classes: list[tuple[str, ...]], inflected: bool = False, vowels: bool = False
) -> set[str]:
    """Keys from a sequence of class choices: runs of one class merge.

    `inflected`: a final vowel is optional. For Cyrillic words, as Russian endings come and go
    (Москва, stem москв); in Latin letters only for a final mute e after a consonant (French
    Staline, Boulganine). Not for every Latin word: there it made Geneva a Konev, and gave
    most names two keys, doubling what a query reads from the spelling field.
    `vowels`: the classes hold vowel letters, and each run of them keys as front or back.
    """
    keys = [""]
    for choices in classes:
        keys = [key + choice for key in keys for choice in choices][:_MAX_KEYS]
    found: set[str] = set()
    for key in keys:
        if vowels:
            key = _VOWEL_RUN.sub(_vowel_class, key)
        merged = re.sub(r"(.)\1+", r"\1", key)
        if merged:
            found.add(merged)
        if inflected and len(merged) >= 3 and merged[-1] in "aeo":
            found.add(merged[:-1])  # Москва (stem москв), Берия (stem бер)
    return found


def _latin_classes(
    word: str, voiced: bool = False, vowels: bool = False, written: bool = True
) -> list[tuple[str, ...]]:
    """Class choices of a word in letters.

    `voiced`: g is a class of its own, not k's; `vowels`: vowels as letters (glides as y),
    for `_finish` to key front and back apart; `written`: the word was written in letters,
    not romanised here from Cyrillic (whose ст is never шт).
    """
    classes: list[tuple[str, ...]] = []
    units = _UNITS.findall(_SILENT_H.sub("", _MAYBE_KH.sub("ħ", word)))
    for number, unit in enumerate(units):
        after = units[number + 1] if number + 1 < len(units) else ""
        between_vowels = number > 0 and units[number - 1] in _VOWEL_UNITS and after in _VOWEL_UNITS
        if unit == "w" and between_vowels and after != "u":
            classes.append(("f",))  # between vowels w is v (Taiwan is not Taejon); pinyin wu
        elif unit == "j" and number == 0 and _WADE_GILES_J.match("".join(units[1:])):
            classes.append(("x", "a", "l"))  # Wade-Giles j is pinyin r: Jung-chen, Rongzhen
        elif unit == "k" and after == "i" and _POSTAL_K.match("".join(units[number + 1 :])):
            classes.append(("k", "x"))  # postal Peking, Nanking, Chungking: pinyin j, q
        elif voiced and unit in _VOICED:
            classes.append(_VOICED[unit])
        elif unit in _AMBIGUOUS:
            classes.append(_AMBIGUOUS[unit])
        elif vowels and unit in _VOWEL_UNITS:
            classes.append((unit,))
        elif unit == "s" and number == 0 and written and _GERMAN_ST.match(word):
            classes.append(("s", "x"))
        elif unit == "ɵ":
            classes.append(("e", "o"))  # Russian е that may be ё: Гере is Gerő
        elif unit in _CLASSES:
            classes.append((_CLASSES[unit],))
        if vowels and classes and unit not in _VOWEL_UNITS:
            classes[-1] = tuple(choice.replace("a", "y") for choice in classes[-1])
    return classes


# A run of vowel letters keys by its nucleus, the last vowel but a final i or y after
# another (ай, Nagy): e, i, y front, a, o, u back.
_VOWEL_RUN = re.compile(r"[aeiouy]+")


def _vowel_class(run: re.Match[str]) -> str:
    letters = run.group()
    nucleus = letters[-2] if len(letters) > 1 and letters[-1] in "iy" else letters[-1]
    return "e" if nucleus in "eiy" else "o"


def _consonants(key: str) -> int:
    return sum(1 for c in key if c not in "aeo")


@functools.lru_cache(maxsize=65536)
def word_keys(word: str) -> frozenset[str]:
    """Keys of one word in Latin or Cyrillic letters (no hyphens), already lower-cased."""
    word = unicodedata.normalize("NFC", word)
    for char, latin in _LATIN_LETTERS.items():
        if char in word:
            word = word.replace(char, latin)
    word = fold(word)
    # g keys apart from k, and also as k where the word reads as Chinese or Korean syllables
    # (Gao Gang, Kao Kang; Ganggye, Kanggye): Gerő and Герё are not Korea.
    readable = reads_as_syllables(word)
    keys = _keys_of(word, (True, False) if readable else (True,))
    # A short key (one or two consonants) meets many other names: there vowels count too,
    # front or back. Chinese and Korean syllables keep their vowel-blind key as well, as
    # their romanisations disagree on vowels (성: Sung, Sŏng, Seong, Сен).
    if any(_consonants(key) <= 2 for key in keys):
        short = {key for key in _keys_of(word, (True,), vowels=True) if _consonants(key) <= 2}
        keys = short | {key for key in keys if readable or _consonants(key) > 2}
    glided = kontsevich_glided(word)
    if glided:  # Чхве as 최, Ch'oe
        keys |= _keys_of(glided, (True, False))
    return frozenset(keys)


def _keys_of(word: str, voicings: tuple[bool, ...], vowels: bool = False) -> set[str]:
    keys: set[str] = set()
    if not any("а" <= c <= "я" or c in _CYRILLIC for c in word):
        mute_e = word.endswith("e") and word[-2:-1] not in _VOWEL_UNITS
        for voiced in voicings:
            keys |= _finish(_latin_classes(word, voiced, vowels), mute_e, vowels)
        return keys
    if vowels:
        word = _MAYBE_YO.sub("ɵ", word)
    for voiced in voicings:
        keys |= _finish(_latin_classes(_romanised(word), voiced, vowels, False), True, vowels)
        if _ASPIRATES.search(word):  # Pkhenyan as written, Pyongyang as said
            plain = _romanised(_ASPIRATES.sub(r"\1", word))
            keys |= _finish(_latin_classes(plain, voiced, vowels, False), True, vowels)
        # A name in another case than the nominative: Хрущёва, Хрущёвым, Москве keyed as the
        # nominative too (a stemmer cuts names unevenly: Хрущёв -> хрущ, Хрущёва -> хрущев).
        ending = _CASE_ENDING.search(word)
        if ending and ending.start() >= 3:
            stem = _romanised(word[: ending.start()])
            keys |= _finish(_latin_classes(stem, voiced, vowels, False), True, vowels)
    return keys


_MAYBE_YO = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])е")


def _romanised(word: str) -> str:
    word = _PALLADIUS_R.sub("ʒ", _SOFT.sub("ʃ", word))
    return "".join(_CYRILLIC.get(c, c) for c in word)


def _syllable_classes(char: str) -> list[list[tuple[str, ...]]]:
    """Each reading of one Hangul or Han character as class choices (Han: up to two)."""
    if is_hangul(char):
        return [hangul_classes(char)]
    readings = pinyin_table().get(ord(char), "")
    found = []
    for reading in readings.split(",")[:2]:
        plain = fold(reading).replace("ü", "u").replace("v", "u")
        found.append(_latin_classes(plain))
    return found


def run_keys(run: str) -> set[str]:
    """Keys of a run of Hangul or Han syllables read as one name."""
    keys: set[str] = set()
    for choice in _combinations([_syllable_classes(char) for char in run]):
        keys |= _finish(choice)
    return keys


def _combinations(options: list[list[list[tuple[str, ...]]]]) -> Iterator[list[tuple[str, ...]]]:
    results: list[list[tuple[str, ...]]] = [[]]
    for readings in options:
        readings = readings or [[]]
        results = [done + reading for done in results for reading in readings][:_MAX_KEYS]
    yield from results


_PARTS = re.compile(r"[-‐‑]")  # apostrophes mark aspiration (P'yŏngyang), not parts

# What a query word seeks in the spelling field: alternatives, each a list of key sets that
# must all be found (a set: any one of its keys).
Alternatives = list[list[set[str]]]


def query_keys(word: str) -> Alternatives:
    """The keys a query word seeks, as alternatives of key sets that must all be found.

    A hyphenated word ("En-lai") is sought whole ("Enlai") or by its parts; a run of Han or
    Hangul characters whole, or as surname and given name.
    """
    word = word.lower()
    syllables = [c for c in word if is_hangul(c) or is_han(c)]
    if syllables:
        # Never syllable by syllable: one syllable's key is shared by dozens of characters.
        # Latin texts write names by syllable (Zhu De, Kim Il Sung): they hold the keys of
        # neighbouring words joined (see `index_keys`).
        found = [[run_keys("".join(syllables))]]
        if len(syllables) > 2:
            found.append([run_keys(syllables[0]), run_keys("".join(syllables[1:]))])
        return _nonempty(found)
    parts = [part for part in _PARTS.split(word) if part]
    found = [[set(word_keys("".join(parts)))]]
    if len(parts) > 1:
        found.append([set(word_keys(part)) for part in parts])
    return _nonempty(found)


def looks_like_name(word: str) -> bool:
    """Whether a query word is written as `index_keys` keys names: a capital, Han or Hangul."""
    first = word.lstrip("=\"'(")[:1]
    return first.isupper() or any(is_hangul(c) or is_han(c) for c in word)


def _nonempty(alternatives: Alternatives) -> Alternatives:
    return [sets for sets in alternatives if sets and all(sets)]


@functools.lru_cache(maxsize=65536)
def name_keys(word: str) -> tuple[str, tuple[str, ...]]:
    """A capitalised word's letters as keyed (hyphens out), and its keys (whole and parts)."""
    if word[-1:] in "sS" and word[-2:-1] in APOSTROPHES:
        word = word[:-2]  # Stalin's
    parts = [part for part in _PARTS.split(word.lower()) if part]
    joined = "".join(parts)
    keys = set(word_keys(joined))
    if len(parts) > 1:
        for part in parts:
            keys |= word_keys(part)
    return joined, tuple(sorted(keys))

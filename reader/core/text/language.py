"""Script and language detection for archive texts.

The script of a text decides most cases outright (Cyrillic, Han, Hangul, Kana); only Latin-script
text needs a statistical language identifier, for which py3langid is used, restricted to the
Latin-script languages an archive of Cold War documents plausibly holds.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.text import pieces
from reader.core.text.latin_language import LATIN_LANGUAGES, identified_latin, plainly_english
from reader.core.text.pieces import text_pieces

CYRILLIC = "Cyrillic"
HAN = "Han"
HANGUL = "Hangul"
KANA = "Kana"
LATIN = "Latin"

# Inclusive code point ranges per script; letters outside them (Greek, Arabic, ...) are not counted.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, LATIN),
    (0x0061, 0x007A, LATIN),
    (0x00C0, 0x024F, LATIN),
    (0x1E00, 0x1EFF, LATIN),
    (0x2C60, 0x2C7F, LATIN),
    (0xA720, 0xA7FF, LATIN),
    (0xFF21, 0xFF3A, LATIN),
    (0xFF41, 0xFF5A, LATIN),
    (0x0400, 0x052F, CYRILLIC),
    (0x1C80, 0x1C8F, CYRILLIC),
    (0x2DE0, 0x2DFF, CYRILLIC),
    (0xA640, 0xA69F, CYRILLIC),
    (0x1100, 0x11FF, HANGUL),
    (0x3130, 0x318F, HANGUL),
    (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7FF, HANGUL),
    (0x3040, 0x309F, KANA),
    (0x30A0, 0x30FF, KANA),
    (0x31F0, 0x31FF, KANA),
    (0xFF66, 0xFF9F, KANA),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xF900, 0xFAFF, HAN),
    (0x20000, 0x3134F, HAN),
)

# Chinese text uses the katakana middle dot in foreign names, so it must not count as Japanese.
_NOT_KANA = frozenset("\u30fb\u30a0")

_SCRIPT_LANGUAGE = {CYRILLIC: "ru", HAN: "zh", HANGUL: "ko", KANA: "ja"}
MIN_LATIN_LETTERS = 15  # fewer, and a Latin-script text is not told apart

# Letters that only some Cyrillic languages use; Russian is assumed when none is frequent enough.
_CYRILLIC_MARKERS: tuple[tuple[str, str], ...] = (
    ("uk", "їєґі"),
    ("be", "ўі"),
    ("sr", "ђћџљњј"),
    ("mk", "ѓќѕљњј"),
    ("mn", "өү"),
    ("kk", "әғқңөұүһі"),
)

_NAMES: dict[str, str] = {
    "albanian": "sq", "arabic": "ar", "armenian": "hy", "azerbaijani": "az", "belarusian": "be",
    "bulgarian": "bg", "burmese": "my", "chinese": "zh", "mandarin": "zh", "croatian": "hr",
    "czech": "cs", "danish": "da", "dutch": "nl", "english": "en", "estonian": "et",
    "farsi": "fa", "persian": "fa", "finnish": "fi", "french": "fr", "georgian": "ka",
    "german": "de", "greek": "el", "hebrew": "he", "hindi": "hi", "hungarian": "hu",
    "indonesian": "id", "italian": "it", "japanese": "ja", "kazakh": "kk", "khmer": "km",
    "korean": "ko", "lao": "lo", "latvian": "lv", "lithuanian": "lt", "macedonian": "mk",
    "malay": "ms", "mongolian": "mn", "norwegian": "no", "polish": "pl", "portuguese": "pt",
    "romanian": "ro", "russian": "ru", "serbian": "sr", "serbo-croatian": "sh",
    "serbo-croat": "sh", "slovak": "sk", "slovenian": "sl", "slovene": "sl", "spanish": "es",
    "swedish": "sv", "thai": "th", "turkish": "tr", "ukrainian": "uk", "urdu": "ur",
    "uzbek": "uz", "vietnamese": "vi", "yiddish": "yi", "icelandic": "is", "latin": "la",
    "deutsch": "de", "français": "fr", "magyar": "hu", "română": "ro", "shqip": "sq",
    "русский": "ru", "中文": "zh", "日本語": "ja", "한국어": "ko",
}  # fmt: skip
_CODES = frozenset(_NAMES.values())


def _script_of_char(ch: str) -> str:
    code = ord(ch)
    if code < 0x41:
        return ""
    for low, high, script in _RANGES:
        if low <= code <= high:
            if script == KANA and ch in _NOT_KANA:
                return ""
            # × and ÷ sit inside the Latin-1 letter block but are not letters.
            if script == LATIN and not ch.isalpha():
                return ""
            return script
    return ""


# Each script's marker: `str.translate` turns a text into one marker per letter (NUL for any
# other character) in C, and counting five markers is far cheaper than counting every character.
_MARKERS: tuple[tuple[str, str], ...] = (
    ("\x01", LATIN), ("\x02", CYRILLIC), ("\x03", HAN), ("\x04", HANGUL), ("\x05", KANA),
)  # fmt: skip
_MARKER_OF = {script: marker for marker, script in _MARKERS}
# ASCII letters are the only ASCII letters of any script: what is left when the rest is deleted.
_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())
# Characters translate the same way whatever text they stand in, so a table per process.
_TABLE_SIZE = 65536


class _ScriptTable(dict[int, str]):
    """Code point -> its script's marker, filled in as characters are met.

    An archive uses a few thousand distinct characters at most; the bound is for hostile input.
    """

    def __missing__(self, code: int) -> str:
        script = _script_of_char(chr(code))
        marker = _MARKER_OF[script] if script else "\x00"
        if len(self) < _TABLE_SIZE:
            self[code] = marker
        return marker


_TABLE = _ScriptTable()


def _marked(text: str) -> tuple[Counter[str], dict[str, int]]:
    """Letters per script and where each script's first letter is, for a text of any length."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    offset = 0
    for piece in text_pieces(text):  # any cut would do: each character is marked alone
        marked = piece.translate(_TABLE)
        for marker, script in _MARKERS:
            if marker in marked:
                counts[script] += marked.count(marker)
                first.setdefault(script, offset + marked.index(marker))
        offset += len(piece)
    return counts, first


def script_counts(text: str) -> Counter[str]:
    """Count the letters of each script in a text.

    Args:
        text: any text.

    Returns:
        A counter from script name ("Cyrillic", "Han", "Hangul", "Kana", "Latin") to letters.
    """
    # This runs for every paragraph of every page parsed, twice for Latin-script ones.
    counts: Counter[str] = Counter()
    if text.isascii():
        latin = sum(
            len(piece.encode("ascii").translate(None, _ASCII_NON_LETTERS))
            for piece in (text_pieces(text) if len(text) > pieces.PIECE else (text,))
        )
        if latin:
            counts[LATIN] = latin
        return counts
    if len(text) > pieces.PIECE:
        found, first = _marked(text)
        # In the order the scripts first appear, as below.
        for script in sorted(found, key=first.__getitem__):
            counts[script] = found[script]
        return counts
    marked = text.translate(_TABLE)
    present = [(marker, script) for marker, script in _MARKERS if marker in marked]
    if len(present) > 1:
        # In the order the scripts first appear, as counting character by character gave it:
        # `dominant_script` breaks ties by that order.
        present.sort(key=lambda pair: marked.index(pair[0]))
    for marker, script in present:
        counts[script] = marked.count(marker)
    return counts


def dominant_script(counts: Counter[str]) -> str:
    """The dominant script of letter counts as made by `script_counts`.

    Args:
        counts: letters per script.

    Returns:
        The script name, or "" when there are no letters of a known script.
    """
    if len(counts) == 1:  # most paragraphs: what follows would give the one script
        ((script, n),) = counts.items()
        return script if n > 0 else ""
    merged = {script: n for script, n in counts.items() if n > 0}
    if merged.get(KANA):
        # Japanese writes most words in Han characters; any kana marks the whole text as Japanese.
        merged[KANA] += merged.pop(HAN, 0)
    if not merged:
        return ""
    return max(merged, key=lambda script: merged[script])  # the first of equals, as most_common


def script_of(text: str) -> str:
    """The dominant script of a text.

    Kana wins over Han whenever any kana is present, since Japanese mixes both.

    Args:
        text: any text.

    Returns:
        "Cyrillic", "Han", "Hangul", "Kana", "Latin", or "" when the text has no such letters.
    """
    return dominant_script(script_counts(text))


# Most Cyrillic text is Russian and holds none of the markers: one search finds them all.
_ANY_CYRILLIC_MARKER = re.compile(
    "[" + "".join(sorted({ch for _code, markers in _CYRILLIC_MARKERS for ch in markers})) + "]"
)


def _cyrillic_language(text: str, letters: int) -> str:
    found: Counter[str] = Counter()
    for piece in text_pieces(text):
        found.update(_ANY_CYRILLIC_MARKER.findall(piece.lower()))
    if not found:
        return "ru"
    best, best_share = "ru", 0.0
    for code, markers in _CYRILLIC_MARKERS:
        share = sum(found[ch] for ch in markers) / max(letters, 1)
        if share > best_share:
            best, best_share = code, share
    # One stray letter (a name, a typo) must not turn a Russian text into Ukrainian.
    return best if best_share >= 0.02 else "ru"


def detect_language(text: str, counts: Counter[str] | None = None) -> str:
    """Detect the language of a text: by script first, by py3langid for Latin script.

    Args:
        text: any text.
        counts: `script_counts(text)`, when the caller has it already.

    Returns:
        An ISO 639-1 code ("ru", "zh", "ko", "ja", "en", "de", ...), or "" when unsure.
    """
    if counts is None:
        counts = script_counts(text)
    script = dominant_script(counts)
    if script == CYRILLIC:
        return _cyrillic_language(text, counts[CYRILLIC])
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    if script != LATIN or counts[LATIN] < MIN_LATIN_LETTERS:
        return ""
    if plainly_english(text):
        return "en"
    return identified_latin(text)


def language_code(name: str) -> str:
    """Map a declared language name ("Russian", "Chinese", "German", ...) to its ISO 639-1 code.

    Args:
        name: a language name in English (or the language itself), or already a code.

    Returns:
        The code, or "" when the name is not known.
    """
    key = re.sub(r"\s*\(.*?\)\s*", " ", name).strip().casefold()
    key = re.sub(r"\s+", " ", key)
    if key in _NAMES:
        return _NAMES[key]
    if key in _CODES:
        return key
    # "Chinese Traditional", "Simplified Chinese", "Old Russian": take the word that is a language.
    for word in key.replace("-", " ").split():
        if word in _NAMES:
            return _NAMES[word]
    return ""


def script_language(code: str) -> str:
    """The script a language is normally written in, for reconciling declared and detected codes.

    Args:
        code: an ISO 639-1 code.

    Returns:
        The script name, or "" for codes it does not know.
    """
    if code in {"ru", "uk", "be", "bg", "sr", "mk", "mn", "kk", "ky", "tg"}:
        return CYRILLIC
    if code == "zh":
        return HAN
    if code == "ko":
        return HANGUL
    if code == "ja":
        return KANA
    if code in LATIN_LANGUAGES or code in {"sh", "ga", "cy", "eo"}:
        return LATIN
    return ""

"""Provenance: a page's source string split into archival citations and a remainder.

A source string names one or several archives ("APRF, fond 45, ... and RGASPI f. 558, ...") or
a book, and often ends with credits ("Translated by Gary Goldberg."). `parse_source` keeps the
string as written and extracts what structure it can; it never fails and never requires structure.

How the pieces are told apart:

* The string is cut at sentence ends (a full stop before a capital, unless the word before is an
  abbreviation such as "f." or an initial), at semicolons, and at " and " when an archive name
  follows, so "Fond and Opis not given" and "Rise and Fall" stay whole.
* Translator and donor credits always go to the remainder; "published in", "copy available in"
  and narrative sentences go there too, unless nothing else in the string is a citation.
* A piece is a citation when it starts with an archive name or gives locators (fond, delo, ...).
* German citations carry no labels: the first unlabelled part is the Bestand and goes to `fond`,
  the rest (the Signatur or Band number) to `file`: "BArch, B 136/59748" gives fond "B 136" and
  file "59748"; "SAPMO-BA, DY 30, 2460" gives fond "DY 30" and file "2460".
* Hungarian record groups ("XIX-J-1-j") go to `fond` and "4. doboz" to `box`; Chinese, Japanese and
  Korean file numbers ("106-00108-01") go to `file`; Romanian "dosar" and Albanian "D."/"dosja"
  go to `file`, and in Romanian citations "f." is a folio (filă), not a fond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.document import Citation, Source
from reader.core.provenance.archives import Archive, archive_for, archive_pattern

__all__ = ["Archive", "archive_for", "parse_source"]

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset({
    "f", "op", "d", "l", "ll", "p", "pp", "pap", "por", "no", "nos", "nr", "vol", "vols", "t",
    "ed", "eds", "ob", "bl", "s", "sv", "dos", "fl", "ff", "fol", "fols", "ch", "cf", "vs",
    "st", "dr", "mr", "mrs", "ms", "jr", "sr", "gen", "col", "lt", "capt", "prof", "inv",
    "sygn", "sign", "kart", "trans", "comp", "repr", "ca", "approx", "dept", "univ", "co",
    "inc", "ltd", "corp", "bd", "hg", "hrsg", "ф", "оп", "д", "л", "лл", "с", "т", "п", "г",
    "гг", "ст", "ед", "хр"
})  # fmt: skip
_CREDIT = re.compile(
    r"(?i)(?:translated|translation|trans\.|english translation|transcribed|obtained|provided|"
    r"donated|contributed|courtesy|edited by)\b"
)
_SECONDARY = re.compile(
    r"(?i)(?:(?:first |originally |also )?(?:published|printed)|reprinted|republished|"
    r"(?:a )?cop(?:y|ies) (?:is |are )?(?:available|held|kept|located|also)|copy in|cited in|"
    r"see also|also (?:available|in)|original (?:in|held|kept))\b"
)
# A credit tacked onto a citation after a comma ("..., ll. 12, translated by X").
_INNER_CREDIT = re.compile(
    r"[,(]\s*(?=(?i:translated by|translation by|trans\. by|obtained by|provided by|donated by|"
    r"courtesy of|published in|reprinted in|copy available)\b)"
)
_JOINER = re.compile(r"\s+(?:and|и|és|și|und|&)\s+")
_LEADING_JUNK = re.compile(r"[\s,]*(?:(?:and|also|и|és|și|und)\s+)*", re.IGNORECASE)
_TRAILING_JUNK = re.compile(r"[\s,]+$")

_NUMBER = r"(?:[^\W\d_]{1,3}[-–]\s?)?\d[\w/–-]*(?:\.\d[\w/–-]*)*"
_FOLIO = r"\d[\w–-]*(?:\s?(?:ob|об)\.?)?(?:\s?[-–]\s?\d[\w–-]*(?:\s?(?:ob|об)\.?)?)?"
_VALUES = {
    "number": re.compile(_NUMBER),
    "list": re.compile(rf"{_FOLIO}(?:\s*,\s*{_FOLIO}(?![\w.]*\s*[^\W\d_]))*"),
    "words": re.compile(r"[^,;，、]*[^\s,;，、]"),
}
_KEYWORDS: dict[str, str] = {
    "fond": r"fondi|fonds|fond|фонд|f\.|ф\.",
    "opis": r"opis'?|опись|op\.|оп\.",
    "delo": r"delo|дело|d\.|д\.",
    "folios": r"listy|list|листы|лист|folios?|fols?\.|ff\.|blatt|bl\.|fleta|fl\.|ll\.|l\.|лл\.|л\.",
    "pages": r"pages?|pp\.|p\.|стр\.|с\.",
    "papka": r"papka|папка|pap\.|пап\.",
    "por": r"poriadok|por\.|пор\.",
    "box": r"doboz|boxes|box|karton|kart\.|sv\.",
    "file": r"file|folder|dosar|dosja|a\.\s?j\.|a\.\s?e\.|а\.\s?е\.|ед\.\s?хр\.|sygn\.|档号|檔號",
}
_COUNTRY_KEYWORDS: dict[str, dict[str, str]] = {
    # Romanian "f."/"file" are folios (filă, file) and "dosar" the file.
    "RO": {"fond": r"fond", "folios": r"filele|fila|file|ff\.|f\.", "file": r"dosarul|dosar|dos\."},
    # Albanian "D." is dosja (file), not delo.
    "AL": {"delo": r"(?!)", "file": r"dosja|dosje|d\."},
    "DE": {"pages": r"seite|s\.", "file": r"(?!)"},
}
# Countries whose fonds are named, not numbered ("fond CC al PCR", "f. KSČ-ÚV-02/1").
_WORD_FONDS = frozenset({"RO", "CZ", "PL", "BG", "AL", "HU"})
_LIST_FIELDS = frozenset({"folios", "pages"})
_HU_BOX = re.compile(r"(\d+)\.?\s*doboz\b", re.IGNORECASE)
_HU_FOND = re.compile(r"([IVXLC]+-[\w-]+)\s*(.*)")
_DE_SPLIT = re.compile(r"([A-Z][A-Za-z]{0,3}\s?\d+[a-z]?)/(.+)")
_CODE = re.compile(r"\S*\d\S*")
_SEPARATORS = re.compile(r"[\s,;:：，、]+")


@dataclass
class _Piece:
    start: int
    end: int  # without the sentence's closing punctuation
    end_with_punct: int


_LOOK_BACK = 200  # characters; no abbreviation or number is longer


@dataclass
class _Parsed:
    citation: Citation
    at_start: bool = False  # the piece opens with an archive name
    located: bool = False  # the piece gives at least one locator
    fields: dict[str, str] = field(default_factory=dict)


def _sentence_end(text: str, dot: int) -> bool:
    # Only the last word counts: a bounded look-back keeps a long source linear (issue 12).
    token = re.split(r"\s", text[max(0, dot - _LOOK_BACK) : dot])[-1].lstrip("([\"'“")
    if not token.strip("."):
        return True  # an ellipsis, or a dot after a space
    if token.rstrip(".") != token:
        return True  # the end of an ellipsis "..."
    if "." in token and not re.search(r"\d\.?\d*$", token):
        return False  # "U.S", "a.j": a dotted abbreviation
    if len(token) == 1 and token.isalpha():
        return False  # an initial
    return token.casefold() not in _ABBREVIATIONS


def _pieces(text: str) -> list[_Piece]:
    cuts: list[tuple[int, int]] = []  # (end of piece, start of the next)
    for m in re.finditer(r"\.+(?=\s+(\S))", text):
        nxt = m.group(1)
        if (nxt.isupper() or nxt in '"“(') and _sentence_end(text, m.start()):
            cuts.append((m.start(), m.end()))
    for m in re.finditer(r"[;；。]", text):
        cuts.append((m.start(), m.end()))
    pattern = archive_pattern()
    for m in _JOINER.finditer(text):
        if pattern.match(text, m.end()):
            cuts.append((m.start(), m.end()))
    cuts.sort()
    pieces: list[_Piece] = []
    start = 0
    for end, nxt in [*cuts, (len(text), len(text))]:
        if end < start:
            continue
        punct_end = nxt if end < len(text) and text[end] in ".。" else end
        pieces.extend(_trim(text, start, end, punct_end))
        start = nxt
    return pieces


def _trim(text: str, start: int, end: int, punct_end: int) -> list[_Piece]:
    lead = _LEADING_JUNK.match(text, start, end)
    start = lead.end() if lead else start
    end = start + len(_TRAILING_JUNK.sub("", text[start:end]))
    if end > start and text[end - 1] == "." and _sentence_end(text, end - 1):
        end = start + len(_TRAILING_JUNK.sub("", text[start:end].rstrip(".")))
    if end <= start:
        return []
    punct_end = max(end, end + len(text[end:punct_end].rstrip()))
    inner = _INNER_CREDIT.search(text, start, end)
    if inner and inner.start() > start:
        head_end = start + len(text[start : inner.start()].rstrip())
        return [_Piece(start, head_end, head_end), _Piece(inner.end(), end, punct_end)]
    return [_Piece(start, end, punct_end)]


def _keyword_pattern(country: str) -> re.Pattern[str]:
    table = {**_KEYWORDS, **_COUNTRY_KEYWORDS.get(country, {})}
    groups = "|".join(f"(?P<{name}>{alt})" for name, alt in table.items())
    return re.compile(rf"(?i)(?:{groups})(?:(?<=\.)|(?![^\W\d_]))[\s:：]*")


_KEYWORD_PATTERNS: dict[str, re.Pattern[str]] = {}


def _component_end(body: str, pos: int) -> int:
    depth = 0
    for i in range(pos, len(body)):
        ch = body[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth <= 0 and ch in ",;，、":
            return i
    return len(body)


def _scan(body: str, country: str) -> tuple[dict[str, str], list[str]]:
    if country not in _KEYWORD_PATTERNS:
        _KEYWORD_PATTERNS[country] = _keyword_pattern(country)
    keywords = _KEYWORD_PATTERNS[country]
    fields: dict[str, str] = {}
    unlabelled: list[str] = []
    pos = 0
    while True:
        sep = _SEPARATORS.match(body, pos)
        pos = sep.end() if sep else pos
        if pos >= len(body):
            return fields, unlabelled
        box = _HU_BOX.match(body, pos)
        if box and "box" not in fields:
            fields["box"], pos = box.group(1), box.end()
            continue
        key = keywords.match(body, pos)
        if key and key.lastgroup and key.lastgroup not in fields:
            name = key.lastgroup
            value = _VALUES["list" if name in _LIST_FIELDS else "number"].match(body, key.end())
            if not value and name == "fond" and country in _WORD_FONDS:
                value = _VALUES["words"].match(body, key.end())
            if value and value.group().strip() and "not given" not in value.group():
                fields[name], pos = value.group().strip(), value.end()
                continue
        end = _component_end(body, pos)
        unlabelled.append(body[pos:end].strip())
        pos = end


def _assign_unlabelled(country: str, fields: dict[str, str], parts: list[str]) -> list[str]:
    # Unlabelled parts get a field where the archive's country has a convention; the rest is other.
    if not parts:
        return parts
    if country == "DE" and "fond" not in fields:
        split = _DE_SPLIT.fullmatch(parts[0])
        fields["fond"] = split.group(1) if split else parts[0]
        rest = ([split.group(2)] if split else []) + parts[1:]
        if rest and "file" not in fields:
            fields["file"] = ", ".join(rest)
            return []
        return rest
    if country == "HU" and "fond" not in fields and (hu := _HU_FOND.fullmatch(parts[0])):
        fields["fond"] = hu.group(1)
        return ([hu.group(2)] if hu.group(2) else []) + parts[1:]
    if country in {"CN", "TW", "JP", "KR"} and "file" not in fields:
        for i, part in enumerate(parts):
            if _CODE.fullmatch(part):
                fields["file"] = part
                return parts[:i] + parts[i + 1 :]
    return parts


def _parse_piece(piece: str) -> _Parsed:
    match = archive_pattern().search(piece)
    archive = archive_for(match.group()) if match else None
    lead, body, written = "", piece, ""
    if match and archive:
        written = match.group()
        lead = piece[: match.start()].strip(" ,:;")
        body = piece[match.end() :]
        paren = re.match(r"\s*\(([^()]*)\)", body)
        if paren and archive_for(paren.group(1)) == archive:
            body = body[paren.end() :]
    country = archive.country if archive else ""
    fields, unlabelled = _scan(body, country)
    rest = _assign_unlabelled(country, fields, unlabelled)
    other = ", ".join(part for part in [lead, *rest] if part)
    citation = Citation(
        text=piece,
        archive=written,
        archive_code=archive.code if archive else "",
        archive_name=archive.name if archive else "",
        archive_name_original=archive.name_original if archive else "",
        other=other,
        **fields,
    )
    at_start = bool(archive) and not lead
    return _Parsed(citation, at_start=at_start, located=bool(fields), fields=fields)


def parse_source(text: str) -> Source:
    """Split a source string into citations and a remainder, keeping the string as written.

    Args:
        text: the source string of a page, e.g. "APRF, fond 45, opis 1, delo 334, listy
            99-103 and RGASPI f. 558, Op. 11, D. 334, pp. 97-98.".

    Returns:
        The source: ``text`` unchanged, one `Citation` per archive or publication cited (each with
        its own substring as ``text``), and the credits and notes joined as ``remainder``.
        Never raises; an unrecognised string becomes one citation holding only its text.
    """
    try:
        return _parse_source(text)
    except Exception:  # a bad source string must never stop a page from loading
        stripped = text.strip()
        return Source(text=text, citations=(Citation(text=stripped),) if stripped else ())


def _parse_source(text: str) -> Source:
    if not text.strip():
        return Source(text=text)
    pieces = _pieces(text)
    # Membership by identity in sets: a list's `in` compares pieces field by field, which made
    # a source of thousands of citations quadratic (issue 12).
    credits = {id(p) for p in pieces if _CREDIT.match(text, p.start)}
    candidates = [p for p in pieces if id(p) not in credits]
    primary = [p for p in candidates if not _SECONDARY.match(text, p.start)]
    parsed = {id(p): _parse_piece(text[p.start : p.end]) for p in primary}
    cited = [p for p in primary if parsed[id(p)].at_start or parsed[id(p)].located]
    if cited:
        citations = tuple(parsed[id(p)].citation for p in cited)
    elif candidates:
        start, end = candidates[0].start, candidates[-1].end
        cited = [p for p in candidates if start <= p.start and p.end <= end]
        citations = (_parse_piece(text[start:end]).citation,)
    else:
        citations = ()
    cited_ids = {id(p) for p in cited}
    remainder = " ".join(
        text[p.start : p.end_with_punct] for p in pieces if id(p) not in cited_ids
    )
    if not citations and not remainder:
        # Nothing but punctuation: still one citation, so the string is never lost.
        citations = (Citation(text=text.strip()),)
    return Source(text=text, citations=citations, remainder=remainder)

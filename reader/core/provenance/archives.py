"""The table of archives that source citations name, and lookups into it."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "archives.json"


@dataclass(frozen=True)
class Archive:
    """An archive as the table describes it."""

    code: str  # canonical code, e.g. "APRF"
    name: str  # full name in English
    name_original: str  # full name in the archive's own language
    country: str  # ISO 3166-1 alpha-2, e.g. "RU"
    language: str  # ISO 639-1 of name_original, e.g. "ru"
    aliases: tuple[str, ...] = ()  # other spellings met in citations

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way a citation may write this archive: code, aliases and both names."""
        return (self.code, *self.aliases, self.name, self.name_original)


def _fold(name: str) -> str:
    # Folded so that "AP RF", "ap rf." and "Arhivele Nationale"/"Naționale" meet.
    folded = unicodedata.normalize("NFKD", name).casefold()
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = re.sub(r"[.\s]+", " ", folded)
    return folded.strip(" ,;:()")


@cache
def archives() -> tuple[Archive, ...]:
    """All archives of the table, in table order.

    Returns:
        The archives read from ``reader/core/data/archives.json``.
    """
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        Archive(
            code=entry["code"],
            name=entry["name"],
            name_original=entry["name_original"],
            country=entry["country"],
            language=entry["language"],
            aliases=tuple(entry.get("aliases", ())),
        )
        for entry in raw["archives"]
    )


@cache
def _by_folded_name() -> dict[str, Archive]:
    table: dict[str, Archive] = {}
    for archive in archives():
        for spelling in archive.spellings:
            # First entry wins: the table lists the more specific archive first where names overlap.
            table.setdefault(_fold(spelling), archive)
            table.setdefault(_fold(spelling).replace(" ", ""), archive)
    return table


def archive_for(name: str) -> Archive | None:
    """The archive a name or code refers to, in any listed spelling, case or accenting.

    Args:
        name: a code ("AP RF", "РГАСПИ") or full name, as written.

    Returns:
        The archive, or None when the table does not know the name.
    """
    folded = _fold(name)
    if not folded:
        return None
    table = _by_folded_name()
    return table.get(folded) or table.get(folded.replace(" ", ""))


def _is_code(spelling: str) -> bool:
    # Codes ("GARF", "BArch", "TsAMO RF") are matched case-sensitively so that ordinary words
    # ("mol", "aan") never read as archives; names are matched in any case.
    return len(spelling) <= 12 and not re.search(r"[a-zà-ÿа-я]{3}", spelling.replace("Arch", ""))


def _edge(ch: str, pattern: str, lookbehind: bool) -> str:
    # Han, Hangul and Kana run on without spaces, so word boundaries only apply to other scripts.
    if ord(ch) >= 0x2E80:
        return pattern
    return r"(?<![\w-])" + pattern if lookbehind else pattern + r"(?![\w-])"


@cache
def archive_pattern() -> re.Pattern[str]:
    """A pattern matching any spelling of any archive, longest spellings first.

    Returns:
        A compiled pattern; ``archive_for(match.group())`` gives the archive.
    """
    spellings = {s for archive in archives() for s in archive.spellings if s}
    alternatives = []
    for spelling in sorted(spellings, key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in spelling.split())
        if not _is_code(spelling):
            body = "(?i:" + body + ")"
        alternatives.append(_edge(spelling[-1], _edge(spelling[0], body, True), False))
    return re.compile("|".join(alternatives))

"""Dates as archive pages write them, kept at the precision the page gave."""

from __future__ import annotations

import datetime as dt
import re

from reader.core.document import DocumentDate

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DAY = r"(?P<day>\d{1,2})"
_CIRCA = r"(?:(?:circa|ca\.|c\.)\s*)?"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(rf"^{_CIRCA}{pattern}$", re.IGNORECASE)
    for pattern in (
        rf"{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}",  # October 1, 1950 / December 01, 1949
        rf"{_DAY}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}",  # 1 October 1950
        rf"{_YEAR}-(?P<nmonth>\d\d)-(?P<day>\d\d)",  # 1950-10-01
        rf"{_MONTH},?\s+{_YEAR}",  # November 1967
        _YEAR,  # 1958
    )
)


def parse_date(text: str) -> DocumentDate | None:
    """Read a paragraph that is wholly a date, keeping the precision it gives.

    Args:
        text: the paragraph, e.g. "October 1, 1950", "November 1967" or "1958".

    Returns:
        The date, or None when the paragraph is not (only) a date. A date that names a day that
        does not exist keeps its text but gets no iso form and precision "unknown".
    """
    written = text.strip()
    stripped = " ".join(written.split())
    if len(stripped) > 40:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(stripped)
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if parts.get("nmonth"):
            month = int(parts["nmonth"])
        elif parts.get("month"):
            found = _MONTHS.get(parts["month"].casefold())
            if found is None:
                return None
            month = found
        else:
            return DocumentDate(text=written, iso=f"{year:04d}", precision="year")
        if not parts.get("day"):
            if not 1 <= month <= 12:
                return None
            return DocumentDate(text=written, iso=f"{year:04d}-{month:02d}", precision="month")
        try:
            day = dt.date(year, month, int(parts["day"]))
        except ValueError:
            return DocumentDate(text=written)
        return DocumentDate(text=written, iso=day.isoformat(), precision="day")
    return None


def date_span(iso: str | None, precision: str) -> tuple[int, int] | None:
    """The days a date may fall on, as (first, last) ordinals; None when undated.

    A year-only date spans its year and a month-only date its month: the page did not say
    which day, so none is made up.

    Args:
        iso: "1950-10-01", "1967-11" or "1958" (as `DocumentDate.iso`), or None.
        precision: the date's precision; "unknown" (or a malformed iso) means undated.
    """
    if not iso or precision == "unknown":
        return None
    try:
        parts = [int(part) for part in iso.split("-")]
        year = parts[0]
        if len(parts) == 1:
            return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
        month = parts[1]
        first = dt.date(year, month, 1)
        if len(parts) == 2:
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return first.toordinal(), following.toordinal() - 1
        day = dt.date(year, month, parts[2]).toordinal()
        return day, day
    except (ValueError, IndexError):
        return None

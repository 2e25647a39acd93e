"""Reading export HTML back as a browser would: its elements, its text, its table cells."""

from __future__ import annotations

import re
from html.parser import HTMLParser

MARKER = re.compile(r"\[(\d+)\]")


class Parsed(HTMLParser):
    """The elements, attributes, text and table cells of an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def column_markers(html: str, column: int) -> list[int]:
    """The marker numbers in the text cells of `column` of the page's text tables."""
    parsed = Parsed(html)
    return [int(n) for row in parsed.rows if len(row) > column and len(row) >= 2
            for n in MARKER.findall(row[column])]

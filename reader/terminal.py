r"""Text for a terminal: page, file and config text printed so that it can never act on it.

A title holding ESC sequences would retitle or clear the terminal, a file name holding a
newline would split a one-line error in two, and a file name that is not valid UTF-8 (its bytes
surrogate-escaped by Python) cannot be encoded at all. The `diglot` command prints everything
through a `VisibleStream`, which writes such characters as JSON-style escapes (`\u001b`,
`\n`, `\udce9`): visible, unambiguous, and still valid inside the JSON that `--json` prints.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 controls but tab and newline, DEL, C1 controls, and lone surrogates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_WITH_NEWLINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or f"\\u{ord(char):04x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """`text` with control characters and lone surrogates written as escapes.

    Args:
        text: any text, e.g. a title or a file name.
        newlines: keep line breaks (a paragraph); otherwise they are escaped too (a one-line
            message).
    """
    return (_CONTROLS if newlines else _WITH_NEWLINE).sub(_escape, text)


class VisibleStream:
    """A text stream that writes through `visible`, for whatever the CLI prints.

    Line breaks are kept on an output stream (documents have paragraphs). On an error stream
    every message is one line: only a line break that ends a write (`print` writes its end
    alone) breaks the line.
    """

    def __init__(self, raw: TextIO, *, one_line: bool) -> None:
        """Wrap `raw`; `one_line` for stderr (see the class)."""
        self.raw = raw
        self._one_line = one_line

    def write(self, text: str) -> int:
        """Write `text`, escaped."""
        if not self._one_line:
            return self.raw.write(visible(text, newlines=True))
        end = "\n" if text.endswith("\n") else ""  # `print`'s own end, or a logged line's
        return self.raw.write(visible(text[: len(text) - len(end)]) + end)

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self.raw.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)  # isatty, fileno, encoding...


def unescaped(stream: TextIO) -> TextIO:
    """The stream under a `VisibleStream`, for output that escapes its own text (bold marks)."""
    return stream.raw if isinstance(stream, VisibleStream) else stream

"""An export as one self-contained HTML file, to read offline in any browser.

It is the print HTML (`model.to_html`: inline styles, every text escaped) with screen rules
added to its one <style> element: no scripts, no external URLs, no fonts to fetch.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.export.model import to_html
from reader.core.export.parts import Export

# A readable measure on a wide screen; the print layout is untouched.
SCREEN_RULES = (
    " @media screen { body { max-width: 62rem; margin: 2rem auto; padding: 0 1rem;"
    " line-height: 1.45 } td { border-bottom: 1px solid #e4e4e4 } }"
)


def to_html_file(export: Export, language_name: Callable[[str], str] | None = None) -> str:
    """The HTML file of `export`.

    Args:
        export: what to write.
        language_name: turns an ISO 639-1 code into a language name for column headings.

    Returns:
        A complete HTML document.
    """
    html = to_html(export, serif="DejaVu Serif", sans="DejaVu Sans", language_name=language_name)
    # The title and every page text are escaped, so the first "</style>" is the real one.
    return html.replace("</style>", SCREEN_RULES + "</style>", 1)

"""Pages saved from a browser as HTML, turned into the text layout a text capture has."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav", "button",
     "select", "input", "textarea", "canvas", "map"}
)  # fmt: skip
# Site chrome outside the article; inside <main> or <article> the same tags hold the record.
_CHROME = frozenset({"header", "footer"})
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
     "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
     "footer", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
     "td", "th", "thead", "tfoot", "tr", "ul"}
)  # fmt: skip
_BREAK = "\x00"  # a paragraph boundary while the text is assembled; decoded text has no NUL
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class HtmlPage:
    """The text of an HTML page, laid out as paragraphs, plus its main heading."""

    text: str
    heading: str


class HtmlRefusal(Exception):
    """HTML the parser library rejected; the message is the reason."""


def looks_like_html(text: str) -> bool:
    """Whether a decoded file is an HTML document, judged by its content, not its name.

    Args:
        text: the decoded file.

    Returns:
        True when the file starts like an HTML document.
    """
    return _HTML_START.match(text[:4096]) is not None


def _inside(tag: object, names: frozenset[str]) -> bool:
    parent = getattr(tag, "parent", None)
    while parent is not None:
        if getattr(parent, "name", None) in names:
            return True
        parent = getattr(parent, "parent", None)
    return False


def html_to_text(html: str) -> HtmlPage:
    """Convert an HTML page to text whose paragraphs follow the page's block structure.

    Args:
        html: the HTML source.

    Returns:
        The text (paragraphs separated by blank lines, <br> kept as line breaks) and the text of
        the first <h1>.

    Raises:
        HtmlRefusal: when the HTML cannot be parsed at all.
    """
    from bs4 import BeautifulSoup
    from bs4.builder import ParserRejectedMarkup
    from bs4.element import NavigableString, Tag

    try:
        soup = BeautifulSoup(html.replace(_BREAK, ""), "html.parser")
    except ParserRejectedMarkup as error:
        raise HtmlRefusal(f"the HTML cannot be parsed ({error})") from None
    heading_tag = soup.find("h1")
    heading = " ".join(heading_tag.get_text(" ").split()) if isinstance(heading_tag, Tag) else ""

    pieces: list[str] = []
    # An explicit stack instead of recursion: saved pages can nest deeper than Python's limit.
    stack: list[object] = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, Tag):
            if type(node) is NavigableString:
                pre = _inside(node, frozenset({"pre"}))
                pieces.append(str(node) if pre else _SPACE_RUN.sub(" ", str(node)))
            elif node == _BREAK:
                pieces.append(_BREAK)
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name in _DROPPED or (
            name in _CHROME and not _inside(node, frozenset({"main", "article"}))
        ):
            continue
        if name == "br":
            pieces.append("\n")
            continue
        block = name in _BLOCKS
        if block:
            pieces.append(_BREAK)
            stack.append(_BREAK)
        stack.extend(reversed(list(node.children)))

    paragraphs: list[str] = []
    for chunk in "".join(pieces).split(_BREAK):
        lines = [line.strip() for line in chunk.split("\n")]
        kept = "\n".join(line for line in lines if line)
        if kept:
            paragraphs.append(kept)
    return HtmlPage(text="\n\n".join(paragraphs), heading=heading)

"""Pages saved from a browser as HTML, turned into the text layout a text capture has.

The page is read in one pass by a small tokenizer rather than a tree builder: every construct
that is left open (a comment, a quoted attribute, a `<script>`) runs to the end of the file, as
HTML 5 says, so nothing is ever scanned twice and the time is linear in the page's length.
Python's `html.parser` (and BeautifulSoup on it) instead re-reads the rest of the file for each
unclosed `<!--`, and a tree of millions of unclosed tags costs gigabytes; see issue 12.
"""

from __future__ import annotations

import html as html_lib
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
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr", "basefont", "bgsound", "frame", "keygen", "menuitem"}
)  # fmt: skip
# Elements whose content is raw text up to their end tag (or the end of the file).
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                  "noscript"})  # fmt: skip
_RAW_END = {name: re.compile(rf"</{name}[\s/>]|</{name}\Z", re.IGNORECASE) for name in _RAW}
# One markup construct at a "<". Possessive loops and "runs to the end when unclosed" keep every
# match linear and make a failed match impossible once the construct has started.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<[!?].*?(?:>|\Z)"
    r"|</(?P<end>[a-zA-Z][^\s/>]*+)[^>]*+>?"
    r"|</[^>]*+>?"
    r"|<(?P<start>[a-zA-Z][^\s/>]*+)"
    r"(?P<attrs>(?:[\s/]++|[^\s/>=]++(?:\s*+=\s*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\s>]*+))?|=)*+)>?",
    re.DOTALL,
)
_BREAK = "\x00"  # a paragraph boundary while the text is assembled; decoded text has no NUL
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
MAX_HTML_TAGS = 400_000
_HIDDEN, _PRE, _MAIN, _BLOCK = 1, 2, 4, 8


@dataclass(frozen=True)
class HtmlPage:
    """The text of an HTML page, laid out as paragraphs, plus its main heading."""

    text: str
    heading: str


class HtmlRefusal(Exception):
    """HTML that is not read; the message is the reason."""


def looks_like_html(text: str) -> bool:
    """Whether a decoded file is an HTML document, judged by its content, not its name.

    Args:
        text: the decoded file.

    Returns:
        True when the file starts like an HTML document.
    """
    return _HTML_START.match(text[:4096]) is not None


class _Reader:
    """The open elements (as flags) and the text gathered so far."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.flags: list[int] = []
        self.open: dict[str, int] = {}  # open elements per name: end tags find theirs in O(1)
        self.hidden = self.pre = self.main = 0
        self.pieces: list[str] = []
        self.data: list[str] = []
        self.heading: list[str] | None = None  # the first <h1>'s text while it is open
        self.heading_depth = -1

    def text(self, raw: str) -> None:
        self.data.append(raw)

    def flush(self) -> None:
        if not self.data:
            return
        text = html_lib.unescape("".join(self.data))
        self.data.clear()
        if self.heading is not None and self.heading_depth >= 0:
            self.heading.append(text)
        if not self.hidden:
            self.pieces.append(text if self.pre else _SPACE_RUN.sub(" ", text))

    def start(self, name: str, closed: bool) -> None:
        self.flush()
        if name == "br":
            if not self.hidden:
                self.pieces.append("\n")
            return
        hides = name in _DROPPED or (name in _CHROME and not self.main)
        visible = not self.hidden and not hides
        block = visible and name in _BLOCKS
        if block:
            self.pieces.append(_BREAK)
        if name in _VOID or closed:
            if block:
                self.pieces.append(_BREAK)
            return
        flags = (
            (_HIDDEN if hides else 0) | (_PRE if name == "pre" else 0)
            | (_MAIN if name in ("main", "article") else 0) | (_BLOCK if block else 0)
        )  # fmt: skip
        self.names.append(name)
        self.flags.append(flags)
        self.open[name] = self.open.get(name, 0) + 1
        self.hidden += flags & _HIDDEN
        self.pre += (flags & _PRE) >> 1
        self.main += (flags & _MAIN) >> 2
        if name == "h1" and self.heading is None:
            self.heading = []
            self.heading_depth = len(self.names)

    def end(self, name: str) -> None:
        self.flush()
        if not self.open.get(name):
            return  # an end tag with no open element of its name is ignored, as browsers do
        while True:
            popped, flags = self.names.pop(), self.flags.pop()
            self.open[popped] -= 1
            self.hidden -= flags & _HIDDEN
            self.pre -= (flags & _PRE) >> 1
            self.main -= (flags & _MAIN) >> 2
            if flags & _BLOCK:
                self.pieces.append(_BREAK)
            if len(self.names) < self.heading_depth:
                self.heading_depth = -1  # the first <h1> is closed: its text is complete
            if popped == name:
                return


def _read(html: str, reader: _Reader) -> None:
    position = 0  # text before it has been handed to the reader
    search = 0
    length = len(html)
    while search < length:
        at = html.find("<", search)
        if at < 0:
            break
        match = _MARKUP.match(html, at)
        if match is None:  # a "<" that starts no markup is text
            search = at + 1
            continue
        if at > position:
            reader.text(html[position:at])
        position = search = match.end()
        name = match.group("start")
        if name is not None:
            name = name.lower()
            attrs = match.group("attrs")
            reader.start(name, closed=attrs.endswith("/") and name not in _RAW)
            if name in _RAW and not attrs.endswith("/"):
                found = _RAW_END[name].search(html, position)
                stop = found.start() if found else length
                if name not in ("script", "style"):  # their text is never the page's
                    reader.text(html[position:stop])
                position = search = stop
            continue
        name = match.group("end")
        if name is not None:
            reader.end(name.lower())
        else:
            reader.flush()  # a comment or declaration separates texts, as in a tree
    if position < length:
        reader.text(html[position:])
    reader.flush()


def html_to_text(html: str) -> HtmlPage:
    """Convert an HTML page to text whose paragraphs follow the page's block structure.

    Args:
        html: the HTML source.

    Returns:
        The text (paragraphs separated by blank lines, <br> kept as line breaks) and the text of
        the first <h1>.

    Raises:
        HtmlRefusal: when the page holds more than `MAX_HTML_TAGS` tags (a saved archive page
            holds a few thousand), so its reading time stays bounded.
    """
    if html.count("<") > MAX_HTML_TAGS:
        raise HtmlRefusal(
            f"the HTML holds more than {MAX_HTML_TAGS:,} tags (a saved page holds a few "
            "thousand); it is not read"
        )
    reader = _Reader()
    _read(html.replace(_BREAK, ""), reader)
    heading = " ".join(" ".join(reader.heading or ()).split())
    paragraphs: list[str] = []
    for chunk in "".join(reader.pieces).split(_BREAK):
        lines = [line.strip() for line in chunk.split("\n")]
        kept = "\n".join(line for line in lines if line)
        if kept:
            paragraphs.append(kept)
    return HtmlPage(text="\n\n".join(paragraphs), heading=heading)

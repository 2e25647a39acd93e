"""Writes `seed_saved_page.html`: the archive's seed page in a made-up browser-saved HTML shell.

Every text inside the article is the seed's own, paragraph for paragraph and character for
character (HTML-escaped, NBSP as `&nbsp;`); only the markup and the site chrome around it
(navigation, script, footer) are made up, so the parser's HTML path can be checked against its
text path on the real record. Run once; the output is committed.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "seeds" / "000_6ac3a21e3d46086e.txt"
sys.path.insert(0, str(HERE.parents[2]))

from reader.core.page.parser import paragraphs_of  # noqa: E402


def _p(text: str) -> str:
    return "    <p>" + html.escape(text, quote=False).replace("\xa0", "&nbsp;") + "</p>"


def main() -> None:
    blocks = paragraphs_of(SEED.read_text(encoding="utf-8"))
    date, title = blocks[1], blocks[2]
    english = blocks.index("Transmitted to Bulganin")
    summary = blocks.index("Author(s):") - 1
    russian, translation = blocks[3:english], blocks[english:summary]
    source, rights = blocks[blocks.index("Source") + 1], blocks[blocks.index("Rights") + 1 :][:2]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)} | Digital Archive</title>",
        "<style>body { font-family: serif; } .hidden { display: none; }</style>",
        "<script>window.dataLayer = window.dataLayer || []; function gtag(){}</script>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to content</a>',
        '<header class="site-header">',
        '  <nav><ul><li><a href="/">Home</a></li><li><a href="/search">Search</a></li></ul></nav>',
        '  <form action="/search"><input type="text" name="q"><button>Go</button></form>',
        "</header>",
        '<main id="main">',
        "<article>",
        f'  <div class="date">{html.escape(date)}</div>',
        f"  <h1>{html.escape(title)}</h1>",
        '  <section class="transcript" lang="ru">',
        *(_p(text) for text in russian),
        "  </section>",
        '  <section class="translation" lang="en">',
        *(_p(text) for text in translation),
        "  </section>",
        f'  <div class="summary"><p>{html.escape(blocks[summary])}</p></div>',
        "  <h3>Author(s):</h3>",
        "  <h2>Document Information</h2>",
        "  <dl>",
        f"    <dt>Source</dt><dd>{html.escape(source)}</dd>",
        "    <dt>Rights</dt><dd>" + "".join(f"<p>{html.escape(r)}</p>" for r in rights) + "</dd>",
        "    <dt>Original Uploaded Date</dt><dd>2011-11-20</dd>",
        "    <dt>Type</dt><dd>Telegram</dd>",
        "    <dt>Language</dt><dd></dd>",
        "    <dt>Record ID</dt><dd>113729</dd>",
        "  </dl>",
        "</article>",
        "</main>",
        "<footer><p>Made-up footer: 1 Example Plaza, Washington</p>"
        "<p>© The site. All rights reserved.</p></footer>",
        "<!-- saved from a browser -->",
        "</body>",
        "</html>",
    ]
    (HERE / "seed_saved_page.html").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

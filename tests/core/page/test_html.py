"""The HTML reader: block structure, dropped chrome, and hostile pages read in one pass."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.made_up_pages import nested_html, unclosed_comments, unclosed_tags
from reader.core.page.html import MAX_HTML_TAGS, HtmlRefusal, html_to_text
from reader.core.page.parser import PageError, parse_text

RUSSIAN = "Передано по телеграфу в Пекин для передачи."
ENGLISH = "Transmitted by telegraph to Beijing for delivery."


def test_blocks_breaks_pre_and_entities() -> None:
    page = html_to_text(
        "<html><body><h1>Made-up <i>heading</i></h1><p>one  &amp;\n two<br>three</p>"
        "<pre>  kept   as\n  written</pre><div>a<div>b</div>c</div></body></html>"
    )
    assert page.heading == "Made-up heading"
    assert page.text.split("\n\n") == [
        "Made-up heading", "one & two\nthree", "kept   as\nwritten", "a", "b", "c"
    ]  # fmt: skip


def test_chrome_scripts_and_comments_are_dropped() -> None:
    page = html_to_text(
        "<html><head><title>t</title></head><body><header>site menu</header><nav>browse</nav>"
        "<script>var p = '<p>not text</p>';</script><style>p{}</style><!-- a <p>comment -->"
        "<main><header>kept heading</header><p>record</p></main><footer>address</footer>"
        "</body></html>"
    )
    assert page.text.split("\n\n") == ["kept heading", "record"]


def test_end_tags_close_what_they_name_and_stray_ones_are_ignored() -> None:
    page = html_to_text("<html><body><div><nav><b>x</div>after</span></p>end</body></html>")
    # </div> closes the <nav> and <b> inside it, so "after" is text again.
    assert page.text.split("\n\n") == ["afterend"]


def test_unclosed_constructs_run_to_the_end_of_the_page() -> None:
    for tail in ("<!-- never closed <p>x</p>", "<a href='never closed <p>x</p>",
                 "<script>never closed <p>x</p>", "<?never closed x"):  # fmt: skip
        page = html_to_text(f"<html><body><p>kept</p>{tail}")
        assert page.text == "kept", tail


def test_deep_nesting_is_read() -> None:
    # 8,000 levels took 6.9 s (a walk up the tree for every text); the reader keeps counts.
    document = parse_text(nested_html(8000), "made_up_nested.html")
    assert document.original is not None and document.original.paragraphs == (RUSSIAN,)
    assert document.translations[0].paragraphs == (ENGLISH,)


def test_unclosed_tags_and_comments_are_read() -> None:
    document = parse_text(unclosed_tags(5000), "made_up_unclosed.html")
    assert document.translations[0].paragraphs == (ENGLISH,)
    document = parse_text(unclosed_comments(5000), "made_up_comments.html")
    assert document.translations[0].paragraphs == (ENGLISH,)


def test_a_page_of_too_many_tags_is_refused_clearly() -> None:
    with pytest.raises(HtmlRefusal):
        html_to_text(unclosed_tags(MAX_HTML_TAGS + 1))
    with pytest.raises(PageError) as caught:
        parse_text(unclosed_comments(MAX_HTML_TAGS + 1), "made_up_comments.html")
    assert caught.value.path == "made_up_comments.html"
    assert "more than 400,000 tags" in caught.value.reason


_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<pre>", "</pre>", "text", " \n ", "<br>", "<br/>",
     "<script>", "</script>", "<!--", "-->", "<main>", "</main>", "<header>", "&amp;", "&#",
     "<h1>", "</h1>", "<a href='", "\"", "'", ">", "<", "</", "<!", "<?", "<![CDATA[", "]]>",
     "Пекин", "\x00", "<p/>", "<td>", "<nav>", "</nav>"]
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60))
def test_any_markup_gives_text_or_a_page_error(pieces: list[str]) -> None:
    html = "<html><body>" + "".join(pieces)
    page = html_to_text(html)
    assert "\x00" not in page.text
    try:
        parse_text(html, "made_up_fuzz.html")
    except PageError as error:
        assert error.path == "made_up_fuzz.html"

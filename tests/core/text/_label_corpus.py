"""Every paragraph the label tests hold the language labels to, and their labels as recorded.

The paragraphs are those of the seed, of every fixture page under tests/core/data and of the
suite's fuzz sample (`bench.fuzz_pages.pages`, seeds 1 and 2) and of a small made-up page of the
huge-page benchmark's kind. Only labels are recorded, never
text. Run `python -m tests.core.text._label_corpus` to record them again, and only when a label
is meant to change.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from bench.fuzz_pages import pages
from bench.made_up_pages import many_paragraphs
from reader.core.page.encoding import EncodingRefusal, decode_page
from reader.core.page.html import HtmlRefusal, html_to_text, looks_like_html
from reader.core.page.parser import paragraphs_of
from reader.core.page.texts import _label
from reader.core.text.language import detect_language

ROOT = Path(__file__).resolve().parents[3]
RECORDED = Path(__file__).with_name("data") / "labels.json"


# Made-up phrases in the other Cyrillic languages, whose marker letters the pages above lack.
_CYRILLIC = [
    "Уряд України розглянув питання про постачання зерна і вирішив його негайно.",
    "Ўрад Беларусі разгледзеў пытанне і прыняў рашэнне аб пастаўках.",
    "Влада Југославије је одлучила да пошаље делегацију у Београд ђаци.",
    "Владата на Македонија ќе испрати делегација во Скопје наскоро ѕвезда.",
    "Монгол Улсын засгийн газар өөрийн төлөөлөгчдийг илгээхээр шийдвэрлэв үү.",
    "Қазақстан үкіметі бұл мәселені қарап, өз шешімін қабылдады әрі ғана.",
    "ВЛАДА УКРАЇНИ ВИРІШИЛА ПИТАННЯ ЇЖІ ТА ЄДНОСТІ ҐРУНТУ.",
    "Товарищ Петренко сказал: їжа і вода будуть завтра, все остальное по плану.",
]


def _paragraphs(data: bytes) -> list[str]:
    try:
        text, _warnings = decode_page(data)
        if looks_like_html(text):
            text = html_to_text(text).text
    except (EncodingRefusal, HtmlRefusal):
        return []
    return paragraphs_of(text)


def sources() -> Iterator[tuple[str, list[str]]]:
    """Each source's name and its paragraphs."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        path for path in (ROOT / "tests" / "core" / "data").iterdir()
        if path.suffix in {".txt", ".html"}
    )  # fmt: skip
    for path in files:
        yield path.relative_to(ROOT).as_posix(), _paragraphs(path.read_bytes())
    for seed in (1, 2):
        for number, (kind, data) in enumerate(pages(25, seed)):
            yield f"fuzz {seed} {number} {kind}", _paragraphs(data)
    yield "made-up paragraphs", paragraphs_of(many_paragraphs(40_000))
    yield "made-up Cyrillic", _CYRILLIC


def labels(paragraphs: list[str]) -> list[str]:
    """Each paragraph's labels in one string: body label, weight, Latin or not, detected."""
    found = []
    for paragraph in paragraphs:
        _text, language, weight, latin = _label(paragraph)
        found.append(f"{language}|{weight}|{int(latin)}|{detect_language(paragraph)}")
    return found


def main() -> None:
    recorded = {name: labels(paragraphs) for name, paragraphs in sources()}
    RECORDED.write_text(json.dumps(recorded, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""`diglot export` end to end: real files written, then read back (PDFs with pdftotext)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.annotations.store import AnnotationStore
from reader.core.page.parser import parse_page
from tests.conftest import SEED_PAGE
from tests.core.export.made_up_annotations import HOSTILE, MADE_UP, ORPHAN_QUOTE, annotate
from tests.core.export.test_markdown import GOLDEN
from tests.core.seed_variants import variant, write_page

MARKER = re.compile(r"\[(\d+)\]")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">'
                  r"([^<]*)</word>")
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)"')
MARGIN_PT = 14 / 25.4 * 72 - 1  # printing.MARGINS_MM's top and bottom, less rounding
NOTES = [note for _, _, _, note, _ in MADE_UP if note]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def annotated(diglot_home: Path) -> Iterator[None]:
    store = AnnotationStore(diglot_home)
    annotate(store, parse_page(SEED_PAGE))
    store.close()
    yield


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def markers_by_half(path: Path) -> tuple[list[int], list[int]]:
    """The [n] markers on the left and the right half of every page, as printed.

    A table row that straddles a page break is painted on both pages and clipped to each
    page's body; the clipped copy's text still sits in the PDF, in the page margin, so
    words outside the margins are not counted.
    """
    bbox = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    left: list[int] = []
    right: list[int] = []
    for page in bbox.split("<page ")[1:]:
        size = PAGE.search("<page " + page)
        assert size is not None
        width, height = float(size.group(1)), float(size.group(2))
        for x, top, bottom, word in WORD.findall(page):
            if float(top) < MARGIN_PT or float(bottom) > height - MARGIN_PT:
                continue
            for number in MARKER.findall(word):
                (left if float(x) < width / 2 else right).append(int(number))
    return sorted(left), sorted(right)


def flat(text: str) -> str:
    return " ".join(text.split())


def has_note(text: str, note: str) -> bool:
    """Whether `note` is in `text`, wherever a narrow column broke its lines."""
    return "".join(note.split()) in "".join(text.split())


@pytest.mark.usefixtures("annotated")
def test_facing_pdf_has_both_scripts_a_marker_per_annotation_per_side_and_every_note(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "seed.pdf"
    code, out, err = run(capsys, "export", "113729", "--format", "pdf", "-o", str(path))
    assert code == 0, err
    assert out.startswith(f"{path}  (") and "page" in out
    text = flat(pdf_text(path))
    assert "Передано т.Булганину" in text and "Transmitted to Bulganin" in text
    left, right = markers_by_half(path)
    placed = list(range(1, len(MADE_UP) + 1))
    assert left == placed and right == placed
    for note in NOTES:
        assert has_note(text, note), note
    assert ORPHAN_QUOTE in text and "orphaned" in text


@pytest.mark.usefixtures("annotated")
@pytest.mark.parametrize(("side", "present", "absent"), [
    ("original", "Передано т.Булганину", "Transmitted to Bulganin"),
    ("translation", "Transmitted to Bulganin", "Передано т.Булганину"),
])
def test_single_pdf_prints_one_side_with_every_marker_and_margin_notes(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, side: str, present: str,
        absent: str) -> None:
    path = tmp_path / f"{side}.pdf"
    code, _, err = run(capsys, "export", "113729", "--layout", "single", "--side", side,
                       "--with-notes", "margin", "--page-size", "Letter", "-o", str(path))
    assert code == 0, err
    text = flat(pdf_text(path))
    assert present in text and absent not in text
    assert sorted(int(n) for n in MARKER.findall(text)) == list(range(1, len(MADE_UP) + 1))
    for note in NOTES:
        assert has_note(text, note), note
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    assert "612 x 792 pts (letter)" in info


@pytest.mark.usefixtures("annotated")
def test_markdown_html_and_json_files(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    md = tmp_path / "notes" / "seed.md"  # a missing folder is made
    assert run(capsys, "export", "113729", "--format", "md", "-o", str(md))[0] == 0
    assert md.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    page = tmp_path / "seed.html"
    code, _, err = run(capsys, "export", "113729", "--format", "html", "--layout", "excerpts",
                       "-o", str(page))
    assert code == 0, err
    tags: list[str] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append(tag)  # type: ignore[method-assign]
    parser.feed(page.read_text(encoding="utf-8"))
    assert "script" not in tags and "img" not in tags and "table" in tags
    data = tmp_path / "seed.json"
    assert run(capsys, "export", "113729", "--format", "json", "-o", str(data))[0] == 0
    loaded = json.loads(data.read_text(encoding="utf-8"))
    assert [a["note"] for a in loaded["annotations"]][3] == HOSTILE
    assert loaded["document"]["record_id"] == "113729"


def test_several_ids_write_one_file_each_with_progress(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    for number in (1, 2):
        write_page(tmp_path / "pages" / f"made_up_export_{number}.txt",
                   variant(record_id=f"export-{number}", title=f"Made-up page {number}"))
    assert run(capsys, "import", str(tmp_path / "pages"))[0] == 0
    folder = tmp_path / "out"
    code, out, err = run(capsys, "export", "made-up-export-2", "made-up-export-1", "--format",
                         "json", "-o", str(folder))
    assert code == 0, err
    assert err.splitlines() == ["1/2 made-up-export-2", "2/2 made-up-export-1"]
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["made-up-export-1.json", "made-up-export-2.json"]
    titles = [json.loads((folder / n).read_text("utf-8"))["document"]["title"] for n in names]
    assert titles == ["Made-up page 1", "Made-up page 2"]
    assert len(out.splitlines()) == 2


@pytest.mark.parametrize(("args", "code", "message"), [
    (("export", "113729", "nope", "-o", "{tmp}/out"), 1, "no document with id 'nope'"),
    (("export", "113729", "-o", "{tmp}/file.txt/x.pdf"), 1, "cannot create the folder"),
    (("export", "113729", "113729x", "-o", "{tmp}/file.txt"), 1, "no document with id"),
    (("export", "113729", "--side", "original", "-o", "{tmp}/x.pdf"), 2,
     "--side is for --layout single"),
    (("export", "113729", "--format", "docx", "-o", "{tmp}/x"), 2, "invalid choice"),
    (("export", "113729", "--translation", "3", "--format", "md", "-o", "{tmp}/x.md"), 1,
     "has no translation 3"),
])
def test_errors_are_one_line_and_write_nothing(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path, args: tuple[str, ...],
                                               code: int, message: str) -> None:
    (tmp_path / "file.txt").write_text("not a folder", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    got, _, err = run(capsys, *(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert got == code and message in err
    if code == 1:
        assert err.startswith("diglot: ") and err.count("\n") == 1
    assert sorted(p for p in tmp_path.rglob("*") if "diglot-home" not in p.parts) == \
        [p for p in before if "diglot-home" not in p.parts]

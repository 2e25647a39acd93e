"""The shipped sample is the archive's own page, and every other page in the tests says it is
made up or is that page re-encoded."""

from __future__ import annotations

import hashlib
import re

from reader.core.page.parser import parse_page
from tests.conftest import DATA, SEED_PAGE, SEEDS

# The archive's plain-text page of record 113729, as in ../shared/seeds/. Never edit the file:
# record text is evidence. If this fails, put the archive's page back byte for byte.
SEED_SHA256 = "f42231a6d94b47a75ea6e2f04ae7556744c2dec597cd142f374fa254fbdd1b20"


def test_the_seed_is_the_archives_page_byte_for_byte() -> None:
    assert sorted(p.name for p in SEEDS.iterdir()) == ["000_6ac3a21e3d46086e.txt"]
    assert hashlib.sha256(SEED_PAGE.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_fixtures_are_the_seed_reencoded() -> None:
    text = SEED_PAGE.read_text(encoding="utf-8")
    assert (DATA / "seed_cp1251.txt").read_bytes().decode("cp1251") == text
    assert (DATA / "seed_utf16.txt").read_bytes().decode("utf-16") == text
    assert (DATA / "seed_bom.txt").read_bytes().decode("utf-8-sig") == text
    assert (DATA / "seed_crlf.txt").read_bytes().decode("utf-8") == text.replace("\n", "\r\n")
    seed = parse_page(SEED_PAGE)
    html = parse_page(DATA / "seed_saved_page.html")
    assert (html.title, html.texts, html.summary, html.source) == (
        seed.title, seed.texts, seed.summary, seed.source,
    )


def test_every_other_page_fixture_is_named_made_up_and_carries_no_record_id() -> None:
    pages = [p for p in DATA.iterdir() if p.suffix in {".txt", ".html"}]
    others = [p for p in pages if not p.name.startswith(("seed_", "made_up_"))]
    # Not pages at all: files for the refusal cases.
    assert sorted(p.name for p in others) == ["binary.txt", "blank.txt", "empty.txt"]
    for path in pages:
        if path.name.startswith("made_up_"):
            text = path.read_text(encoding="utf-8")
            ids = re.findall(r"Record ID\s*\n\s*\n?\s*(\S+)", text)
            assert all(i.startswith("made-up-") for i in ids), (path.name, ids)
            # The older layout's Record ID is the number in its address: never a real one.
            assert all(len(n) >= 9 for n in re.findall(r"/document/(\d+)", text)), path.name

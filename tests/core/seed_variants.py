"""Made-up archive pages for tests: the seed with another record id, title, date or words.

The pages these return are not records: callers give them made-up ids and titles, and `words`
adds English the archive's translation does not have.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED_PAGE

SEED_TITLE = "Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)"
SEED_DATE = "October 1, 1950"
SEED_RECORD = "113729"


def seed_text() -> str:
    return SEED_PAGE.read_text(encoding="utf-8")


def variant(
    record_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    words: str = "",
) -> str:
    """The seed page with another Record ID ("" for none), title, date, and extra English words."""
    text = seed_text()
    if record_id is not None:
        text = text.replace(f"Record ID\n\n{SEED_RECORD}", f"Record ID\n\n{record_id}")
    if title is not None:
        text = text.replace(SEED_TITLE, title, 1)
    if date is not None:
        text = text.replace(SEED_DATE, date, 1)
    if words:
        text = text.replace("I await your reply.", f"I await your reply. {words}", 1)
    return text


def write_page(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_variants(folder: Path, count: int, first_record: int) -> None:
    """`count` pages of their own records, `first_record` onwards, titled "Generated page N"."""
    for number in range(count):
        page = variant(record_id=str(first_record + number), title=f"Generated page {number}")
        write_page(folder / f"page-{number:03d}.txt", page)

"""The README's key table is generated from the keymap, never edited by hand."""

from __future__ import annotations

from reader.core.commands.keymap import Keymap
from tests.conftest import ROOT


def test_readme_key_table_matches_the_keymap() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- keys:start -->\n", 1)[1].split("\n<!-- keys:end -->", 1)[0]
    generated = Keymap().help_text().split("\n", 2)[2].replace("## ", "#### ")
    assert table.strip() == generated.strip()


def test_readme_opens_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.splitlines()] == [
        ["make", "run"], ["make", "test"]
    ]

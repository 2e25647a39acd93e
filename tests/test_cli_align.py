from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.cli_align import pad


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_align_json_has_the_documented_beads(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "align", "113729", "--json")
    assert code == 0
    data = json.loads(out)
    paragraphs = data["paragraph_beads"]
    pairs = [(b["original"], b["translation"]) for b in paragraphs]
    assert pairs == [([i], [i]) for i in range(12)]
    assert all(0.0 <= b["confidence"] <= 1.0 for b in paragraphs)
    sentences = data["sentence_beads"]
    assert len(sentences) == 17
    split = [b for b in sentences if len(b["translation"]) == 2]
    assert len(split) == 1
    [[paragraph, start, end]] = split[0]["original"]
    code, out, _ = run(capsys, "show", "113729", "--json")
    russian = json.loads(out)["original"]["paragraphs"][paragraph]
    assert russian[start:end].startswith("В районе Сеула")
    assert russian[start:end].endswith("открытым.")


def test_align_text_output_pairs_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "align", "113729")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Ciphered Telegram")
    assert any("ФИЛИППОВ" in line and "│ F I L I P P O V [STALIN]" in line for line in lines)
    assert any("Привет" in line and "│ Greetings," in line for line in lines)
    assert sum(1 for line in lines if line.startswith("¶")) == 12


def test_align_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "align", "nope")
    assert code == 1 and "no document with id 'nope'" in err
    code, _, err = run(capsys, "align", "113729", "--translation", "3")
    assert code == 1 and "translation" in err


def test_align_columns_line_up(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "align", "113729")
    assert code == 0
    rows = out.splitlines()[2:]
    assert rows
    # Every row, paragraph or sentence, ends in its confidence at the same column.
    assert {len(row) - len(row.rstrip("0123456789.")) for row in rows} == {4}
    assert len({len(row) for row in rows}) == 1
    divided = [row for row in rows if " │ " in row]
    assert divided and len({row.index(" │ ") for row in divided}) == 1


def test_pad_counts_wide_characters_twice() -> None:
    assert pad("abc", 5) == "abc  "
    assert pad("日本", 5) == "日本 "
    assert pad("日本国政府", 5) == "日本…"
    assert pad("abcdefgh", 5) == "abcd…"

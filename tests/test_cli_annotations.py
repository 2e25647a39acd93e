from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_annotate_list_export_and_import(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    code, out, _ = run(capsys, "annotate", "113729", "--side", "original", "--quote",
                       "В районе Сеула", "--category", "place", "--note", r"Seoul\nfalls",
                       "--tag", "front")
    assert code == 0 and out.startswith("urn:uuid:")
    code, out, err = run(capsys, "annotations")
    assert code == 0 and "“В районе Сеула”" in out and "#front" in out
    assert err.strip() == "1 annotation"
    code, out, _ = run(capsys, "annotations", "113729", "--json")
    [item] = json.loads(out)
    assert item["note"] == "Seoul\nfalls" and item["category"] == "place"
    assert item["projected_quote"].startswith("Our Korean friends have no troops")
    exported = tmp_path / "notes.jsonld"
    code, out, _ = run(capsys, "annotations", "--export", "w3c", "-o", str(exported))
    assert code == 0 and "wrote 1 annotation" in out
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["first"]["items"][0]["id"] == item["id"]
    code, out, _ = run(capsys, "annotations", "--import", str(exported))
    assert code == 0 and "0 added, 0 updated, 1 already there" in out
    code, out, _ = run(capsys, "annotations", "--search", "falls")
    assert "Сеула" in out
    code, out, _ = run(capsys, "annotations", "--search", "nothing-like-it")
    assert out == ""


@pytest.mark.parametrize(("args", "code", "message"), [
    (("annotate", "113729", "--side", "translation", "--quote", "38th parallel"), 1,
     "times in the translation of 113729; quote more words"),
    (("annotate", "113729", "--side", "translation", "--quote", "Tokyo"), 1,
     "'Tokyo' is not in the translation of 113729"),
    (("annotate", "113729", "--side", "original", "--quote", "Привет", "--category", "x"), 1,
     "no category 'x'"),
    (("annotate", "nope", "--side", "original", "--quote", "x"), 1, "no document with id"),
    (("annotate", "113729", "--side", "original", "--quote", " "), 2, "the quote is empty"),
    (("annotations", "nope"), 1, "no document with id 'nope'"),
    (("annotations", "-o", "x.json"), 2, "-o needs --export w3c"),
    (("annotate", "113729", "--side", "left", "--quote", "x"), 2, "invalid choice"),
])
def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                             code: int, message: str) -> None:
    got, _, err = run(capsys, *args)
    assert got == code
    assert message in err
    if code == 1 or "empty" in message or "-o" in message:
        assert err.startswith("diglot: ") and err.count("\n") == 1


def test_importing_a_bad_file_names_it(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, "annotations", "--import", str(bad))
    assert code == 1 and err.startswith(f"diglot: {bad}: not JSON")
    bad.write_text('{"type": "Book"}', encoding="utf-8")
    code, _, err = run(capsys, "annotations", "--import", str(bad))
    assert code == 1 and "expected an Annotation" in err

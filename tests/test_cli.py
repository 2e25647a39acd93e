from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli_search import terminal_snippet
from tests.conftest import DATA, SEED_PAGE
from tests.core.seed_variants import variant, write_page


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_index_then_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "index")
    assert code == 0
    assert "1 document (" in out
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "113729" in out and "October 1, 1950" in out and "Telegram" in out


def test_show_json_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "113729", "--json")
    assert code == 0
    data = json.loads(out)
    for key in ("id", "title", "date", "type", "record_id", "uploaded", "summary", "credit",
                "languages", "authors", "original", "translations", "source", "rights", "file",
                "warnings"):
        assert key in data
    assert data["date"] == {"text": "October 1, 1950", "iso": "1950-10-01", "precision": "day"}
    assert data["original"]["language"] == "ru"
    assert len(data["original"]["paragraphs"]) == 12
    assert [t["language"] for t in data["translations"]] == ["en"]
    citations = data["source"]["citations"]
    assert [c["archive_code"] for c in citations] == ["APRF", "RGASPI"]
    assert citations[0]["fond"] == "45" and citations[1]["fond"] == "558"
    for key in ("text", "archive", "archive_name", "fond", "opis", "delo", "folios", "pages",
                "other"):
        assert key in citations[0]


def test_search_both_languages_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Сеул", "--json")
    assert code == 0
    hits = json.loads(out)
    assert [(h["id"], h["pane"], h["paragraph"]) for h in hits] == [("113729", "original", 5)]
    assert "<b>Сеула</b>" in hits[0]["snippets"]["ru"]
    code, out, _ = run(capsys, "search", "divisions", "--json", "--limit", "5")
    hits = json.loads(out)
    assert hits[0]["pane"] == "translation"
    assert set(hits[0]) == {"id", "title", "score", "pane", "paragraph", "snippets", "pair",
                            "spellings"}


def test_search_json_carries_the_counterpart_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Чемульпо", "--json")
    assert code == 0
    (hit,) = json.loads(out)
    pair = hit["pair"]
    matched, counterpart = pair["matched"], pair["counterpart"]
    assert (matched["pane"], matched["language"], matched["paragraph"]) == ("original", "ru", 5)
    assert [matched["text"][s:e] for s, e in matched["marks"]] == ["Чемульпо"]
    assert counterpart["language"] == "en" and "Jemulpo [Incheon]" in counterpart["text"]
    assert pair["how"] == "proportional"  # nothing has aligned the seed in this data folder
    code, out, _ = run(capsys, "align", "113729")  # aligning it stores the alignment
    code, out, _ = run(capsys, "search", "Чемульпо", "--json")
    assert json.loads(out)[0]["pair"]["how"] == "aligned"
    code, out, _ = run(capsys, "search", "Чемульпо")
    assert "↔ en: It was on 16 September already" in out
    code, out, _ = run(capsys, "search", "type:Telegram", "--json")
    assert json.loads(out)[0]["pair"] is None  # a metadata hit has no sentence


def test_search_names_in_other_spellings_unless_exact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Chemulpo", "--json")
    (hit,) = json.loads(out)
    assert code == 0 and hit["id"] == "113729" and "Чемульпо, for Chemulpo" in hit["spellings"]
    code, out, _ = run(capsys, "search", "Chemulpo")
    assert "Чемульпо, for Chemulpo" in out
    code, out, _ = run(capsys, "search", "Chemulpo", "--exact", "--json")
    assert code == 0 and json.loads(out) == []


def test_search_text_output_strips_markup(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", '"38th parallel"')
    assert code == 0
    assert "113729" in out and "<b>" not in out
    assert terminal_snippet("a <b>Seoul</b> &amp; b", bold=False) == "a Seoul & b"
    assert terminal_snippet("<b>x</b>", bold=True) == "\033[1mx\033[0m"


def test_errors_are_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "title:(")
    assert code == 1 and out == ""
    assert err.strip().splitlines()[-1].startswith("diglot: bad query:")
    code, _, err = run(capsys, "show", "nope")
    assert code == 1
    assert err.strip() == "diglot: no document with id 'nope' (see `diglot list`)"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert main(["search"]) == 2
    assert main(["--version"]) == 0


def test_check_reports_good_and_bad_pages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(SEED_PAGE), str(DATA / "seed_cp1251.txt"))
    assert code == 0
    assert "113729" in out and "original ru (12 ¶)" in out
    assert "encoding" in out  # the cp1251 page says how it was decoded
    code, out, err = run(capsys, "check", str(DATA / "binary.txt"), str(SEED_PAGE))
    assert code == 1
    assert "binary.txt" in err and "113729" in out


def test_import_copies_good_pages_and_names_bad_ones(
    capsys: pytest.CaptureFixture[str], diglot_home: Path
) -> None:
    pages = [str(DATA / "made_up_no_original.txt"), str(DATA / "empty.txt")]
    code, out, err = run(capsys, "import", *pages)
    assert code == 1
    assert "empty.txt" in err
    assert (diglot_home / "library" / "made_up_no_original.txt").exists()
    code, out, _ = run(capsys, "list", "--json")
    assert len(json.loads(out)) == 2


def test_the_console_script_never_prints_a_traceback(diglot_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "show", "missing"],
        capture_output=True, text=True, env={"DIGLOT_HOME": str(diglot_home), "PATH": ""},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("(see `diglot list`)")


def test_keys_prints_the_generated_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "keys")
    assert code == 0
    assert "Next document" in out and "Alt+Down" in out and "Command palette" in out


def _made_up_pages(folder: Path, count: int) -> list[Path]:
    """Pages made up from the seed, under made-up record ids (900101 onwards)."""
    return [
        write_page(folder / f"made_up_{n}.txt",
                   variant(record_id=str(900101 + n), title=f"Made-up page {n}"))
        for n in range(count)
    ]


def test_counts_say_one_and_many_in_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "list")
    assert code == 0 and err.splitlines()[-1] == "1 document"
    code, _, err = run(capsys, "search", "Сеул")
    assert code == 0 and err.splitlines()[-1] == "1 hit"
    run(capsys, "import", *map(str, _made_up_pages(tmp_path, 2)))
    code, _, err = run(capsys, "list")
    assert err.splitlines()[-1] == "3 documents"
    code, out, err = run(capsys, "search", "--limit", "1", "Сеул")
    assert code == 0 and err.splitlines()[-1] == "1 of 3 hits"
    assert len([line for line in out.splitlines() if not line.startswith(" " * 12)]) == 1
    code, _, err = run(capsys, "search", "--limit", "5", "Сеул")
    assert err.splitlines()[-1] == "3 hits"


def test_an_empty_query_or_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    for query in ("", "   "):
        code, out, err = run(capsys, "search", query)
        assert code == 2 and out == ""
        assert err.startswith("diglot: ") and "empty" in err
    code, _, err = run(capsys, "search", "--limit", "0", "Сеул")
    assert code == 2 and "1 or more" in err


def test_every_problem_line_starts_with_the_program_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "check", str(DATA / "binary.txt"))
    assert code == 1
    code2, _, err2 = run(capsys, "import", str(DATA / "empty.txt"), str(tmp_path / "gone.txt"))
    assert code2 == 1
    code3, _, err3 = run(capsys, "align", "113729", "--translation", "3")
    assert code3 == 1 and "1 translation;" in err3
    lines = (err + err2 + err3).splitlines()
    assert len(lines) == 4
    assert all(line.startswith("diglot: ") for line in lines), lines


def test_help_says_a_bare_diglot_opens_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "Run `diglot` with no command to open the reading window." in " ".join(out.split())


def test_import_lists_every_file_with_its_outcome(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, diglot_home: Path
) -> None:
    (new,) = _made_up_pages(tmp_path, 1)
    code, out, err = run(capsys, "import", str(SEED_PAGE), str(new), str(DATA / "empty.txt"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"already there: {SEED_PAGE} is record 113729 ({SEED_PAGE})"
    assert lines[1] == f"imported: {new} as {diglot_home / 'library' / new.name}"
    assert lines[2] == "Imported 1 page; 1 already in the library; 1 not imported."
    assert err == f"diglot: failed: {DATA / 'empty.txt'}: the file is empty\n"


def test_files_without_a_command_open_in_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.cli import build_parser, opens_files

    parser = build_parser()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.txt").write_text("x", encoding="utf-8")
    (tmp_path / "index").mkdir()
    assert opens_files(["page.txt", "other.html"], parser)
    assert opens_files(["./index"], parser)  # a folder named like a command
    assert not opens_files(["index"], parser)
    assert not opens_files(["frobnicate"], parser)  # a mistyped command stays a usage error
    assert not opens_files(["--version"], parser)
    assert not opens_files([], parser)


def test_search_finds_documents_by_their_notes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "annotate", "113729", "--side", "original", "--quote",
                       "В районе Сеула", "--category", "place", "--note", "Made-up quibble")
    assert code == 0
    code, out, _ = run(capsys, "search", "note:quibble", "--json")
    assert code == 0
    (hit,) = json.loads(out)
    assert (hit["id"], hit["pane"], hit["paragraph"]) == ("113729", "original", 5)
    assert hit["snippets"] == {"note": "Made-up quibble"} and hit["pair"] is None
    code, out, _ = run(capsys, "search", "Сеул category:place", "--json")
    assert [h["id"] for h in json.loads(out)] == ["113729"]
    code, out, _ = run(capsys, "search", "Сеул category:claim", "--json")
    assert json.loads(out) == []
    code, _, err = run(capsys, "search", "category:nowhere")
    assert code == 1 and "no annotation category 'nowhere'" in err

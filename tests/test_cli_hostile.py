"""The command line over hostile libraries: odd file names, terminal escapes, odd files."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from reader.cli import main
from reader.terminal import visible
from tests.core.seed_variants import variant, write_page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")

ESCAPES = "Telegram \x1b]0;pwned\x07\x1b[2J\x9b31m cleared"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def library(home: Path) -> Path:
    folder = home / "library"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_file_name_that_is_not_utf8_is_listed_searched_shown_and_imported(
    diglot_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = os.fsdecode(b"x\xe9.txt")  # surrogate-escaped, as Python lists it
    write_page(library(diglot_home) / odd, variant(record_id="900301", title="Odd name"))
    code, out, err = run(capsys, "list")
    assert code == 0, err
    assert "900301" in out and "Odd name" in out
    code, out, err = run(capsys, "search", "title:odd")
    assert code == 0 and "900301" in out
    code, out, err = run(capsys, "show", "made-up-900301", "--json")
    assert code == 0, err
    shown = json.loads(out)["file"]
    assert os.fsencode(shown).endswith(b"/library/x\xe9.txt")  # the very bytes, via \udce9
    outside = tmp_path / os.fsdecode(b"y\xe9.txt")
    write_page(outside, variant(record_id="900302", title="Odd import"))
    code, out, err = run(capsys, "import", str(outside))
    assert code == 0, err
    assert "Imported 1 page" in out
    assert (diglot_home / "library" / outside.name).is_file()
    code, out, err = run(capsys, "list")
    assert "900302" in out and "900301" in out
    # A second run reads the names back from the index and changes nothing.
    code, out, err = run(capsys, "index")
    assert "0 new, 0 changed, 0 removed" in out


def test_control_characters_are_printed_escaped(
    diglot_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = write_page(library(diglot_home) / "escapes.txt", variant(record_id="900303",
                                                                    title=ESCAPES))
    outputs = []
    for args in (("list",), ("show", "made-up-900303"), ("search", "cleared"), ("check", str(page)),
                 ("list", "--json"), ("show", "made-up-900303", "--json")):
        code, out, err = run(capsys, *args)
        assert code == 0, (args, err)
        assert "\x1b" not in out + err and "\x07" not in out + err and "\x9b" not in out + err
        outputs.append(out)
    for out in outputs[:4]:
        assert "\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m cleared" in out
    listed = {entry["id"]: entry["title"] for entry in json.loads(outputs[4])}
    assert listed["made-up-900303"] == ESCAPES  # the JSON still reads back
    assert json.loads(outputs[5])["title"] == ESCAPES


def test_a_file_name_with_a_newline_stays_on_one_line_in_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "two\nlines\x1b[2J.txt"
    bad.write_text("not an archive page", encoding="utf-8")
    code, _out, err = run(capsys, "check", str(bad))
    assert code == 1
    assert err.count("\n") == 1 and "two\\nlines\\u001b[2J.txt" in err
    code, _out, err = run(capsys, "import", str(bad))
    assert code == 1
    (line,) = [line for line in err.splitlines() if "two" in line]
    assert "two\\nlines" in line


def test_visible_escapes_controls_and_lone_surrogates() -> None:
    assert visible("a\tb\x00c\x7fd\x85e") == "a\tb\\u0000c\\u007fd\\u0085e"
    assert visible("one\ntwo\r") == "one\\ntwo\\r"
    assert visible("one\ntwo", newlines=True) == "one\ntwo"
    assert visible(os.fsdecode(b"x\xe9")) == "x\\udce9"
    assert visible("Сеул «38»") == "Сеул «38»"


@pytest.mark.parametrize("command", [("list",), ("search", "Сеула"), ("show", "made-up-900310")])
def test_a_damaged_index_is_named_in_one_line_and_rebuilt(
    diglot_home: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    for number in range(3):
        write_page(library(diglot_home) / f"page-{number}.txt",
                   variant(record_id=str(900310 + number), title=f"Damaged {number}"))
    assert run(capsys, "index")[0] == 0
    (segment,) = (diglot_home / "index").glob("gen-*/*.seg")
    segment.write_bytes(bytes(segment.stat().st_size))  # zeroed
    code, out, err = run(capsys, *command)
    assert code == 0, err
    (line,) = [line for line in err.splitlines() if "damaged" in line]
    assert line.startswith("diglot: warning: the index was damaged (") and segment.name in line
    assert line.endswith("rebuilt it from the library")
    assert "900310" in out
    code, out, err = run(capsys, *command)
    assert "damaged" not in err


def test_a_command_that_waits_for_another_writer_says_so(diglot_home: Path) -> None:
    import subprocess

    from reader.core.index.search_index import SearchIndex
    from tests.conftest import ROOT

    index = SearchIndex(diglot_home)
    lock = index.store.writing()
    lock.__enter__()  # another Diglot, writing the index
    child = subprocess.Popen([sys.executable, "-m", "reader", "list"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "DIGLOT_HOME": str(diglot_home)})
    try:
        assert child.stderr is not None
        line = child.stderr.readline()  # blocks until the child has said it waits
        assert line.startswith("diglot: note: waiting for another Diglot")
        assert child.poll() is None
    finally:
        lock.__exit__(None, None, None)
        out, _err = child.communicate(timeout=120)
    assert child.returncode == 0 and "113729" in out

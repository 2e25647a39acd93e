"""`diglot browse` over a real index of the seed and the made-up fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import DATA
from tests.core.seed_variants import variant, write_page

ESCAPES = "Telegram \x1b]0;pwned\x07\x1b[2J cleared"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str]) -> None:
    pages = sorted(str(p) for p in DATA.glob("made_up_*.txt") if "not_a_page" not in p.name)
    code, _, err = run(capsys, "import", *pages)
    assert code == 0, err


def test_browse_prints_every_archive_by_full_name_with_counts(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    code, out, _ = run(capsys, "browse")
    assert code == 0
    lines = out.splitlines()
    aprf = lines.index("Archive of the President of the Russian Federation (APRF)  "
                       "[Архив Президента Российской Федерации] (6)")
    assert lines[aprf + 1: aprf + 5] == ["  fond 3 (1)", "    opis 47 (1)", "      delo 71 (1)",
                                         "  fond 45 (5)"]
    assert "Russian State Archive of Socio-Political History (RGASPI)  " in out
    assert lines[-1] == "2 documents without an archival citation"
    assert "113729" not in out  # the whole library shows levels; a path shows documents


def test_browse_a_path_in_any_spelling_shows_its_documents(
    capsys: pytest.CaptureFixture[str], imported: None
) -> None:
    code, out, _ = run(capsys, "browse", "AP RF", "45", "1", "334")
    assert code == 0
    assert out.splitlines() == [
        "delo 334 (1)",
        "  113729  ll. 99-103  Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou "
        "Enlai (via Roshchin)",
    ]
    code, out, _ = run(capsys, "browse", "rgaspi", "558", "--json")
    data = json.loads(out)
    assert (data["level"], data["key"], data["count"]) == ("fond", "558", 3)
    [opis] = data["children"]
    assert [d["key"] for d in opis["children"]] == ["329", "334", "9999"]
    seed = opis["children"][1]["documents"][0]
    assert (seed["id"], seed["place"], seed["locator"]["pages"]) == ("113729", "pp. 97-98", "97-98")


def test_browse_json_of_the_whole_library(capsys: pytest.CaptureFixture[str],
                                          imported: None) -> None:
    code, out, _ = run(capsys, "browse", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == len(list(DATA.glob("made_up_*.txt")))  # not_a_page out, seed in
    assert {a["key"]: a["count"] for a in data["archives"]}["AVPRF"] == 5
    assert sorted(u["id"] for u in data["uncited"]) == ["made-up-120007", "made-up-120008"]


@pytest.mark.parametrize(("args", "message"), [
    (("browse", "APRF", "46"), "browse: Archive of the President of the Russian Federation "
     "(APRF) has no '46' (it holds: fond 45)"),
    (("browse", "TsAMO"), "browse: no documents cite an archive 'TsAMO' (archives cited: APRF, "
     "RGASPI)"),
])
def test_a_path_that_leads_nowhere_is_one_line(capsys: pytest.CaptureFixture[str],
                                               args: tuple[str, ...], message: str) -> None:
    code, out, err = run(capsys, *args)
    assert (code, out) == (1, "")
    assert err == f"diglot: {message}\n"


def test_titles_are_printed_escaped(diglot_home: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    page = write_page(tmp_path / "escapes.txt", variant(record_id="900404", title=ESCAPES))
    assert run(capsys, "import", str(page))[0] == 0
    code, out, err = run(capsys, "browse", "APRF", "45", "1", "334")
    assert code == 0
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "made-up-900404  ll. 99-103  Telegram \\u001b]0;pwned\\u0007\\u001b[2J cleared" in out

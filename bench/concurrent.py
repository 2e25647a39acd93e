"""Two CLI imports, a search, a listing and a window on one library, all at once.

Each round starts them together on a library that is already indexed, waits for all, and
checks: every process ended well and without a traceback; the library holds what it held plus
both imports, byte for byte; a fresh update finds nothing left to do and the index shows every
page. Processes that waited for another's index lock say so in one line: those are counted.

    python -m bench.concurrent                 20 rounds, the window in every round
    python -m bench.concurrent --rounds 5 --no-window
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import write_corpus
from bench.measure import ROOT

WAIT_NOTE = "waiting for another Diglot"

# A window over DIGLOT_HOME argv[1], offscreen: prints how many documents it lists and its
# status line once the first update is done and a document is open, then closes.
WINDOW_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.core.session.workspace import Workspace
from reader.ui.app import DiglotApp

app = QApplication([])
home = Path(sys.argv[1])
diglot = DiglotApp(Workspace(home), settings_path=home / "settings.ini")
diglot.start()

def check():
    if not diglot.indexing and diglot.workspace.reading.document is not None:
        print(len(diglot.workspace.catalog.visible()))
        print(diglot.window.status_label.text())
        diglot.shutdown()
        app.quit()

timer = QTimer()
timer.timeout.connect(check)
timer.start(50)
QTimer.singleShot(120000, app.quit)
app.exec()
"""


@dataclass
class Results:
    """Rounds run, processes started, lock waits announced, and the problems found."""

    rounds: int = 0
    processes: int = 0
    waits: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _digests(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def run(work: Path, rounds: int = 20, pages: int = 40, window: bool = True,
        seed: int = 1) -> Results:  # fmt: skip
    """Run `rounds` rounds (see the module) in `work`, an empty folder."""
    from reader.core.index.search_index import SearchIndex
    from reader.core.library.collection import Library

    results = Results()
    began = time.perf_counter()
    template = work / "template"
    corpus = write_corpus(work / "corpus", pages + 20, seed=seed)  # one record id each
    for folder, part in ((template / "library", corpus[:pages]),
                         (work / "a" / "first", corpus[pages : pages + 10]),
                         (work / "b" / "second", corpus[pages + 10 :])):  # fmt: skip
        folder.mkdir(parents=True)
        for path in part:
            path.rename(folder / path.name)
    first = sorted((work / "a" / "first").iterdir())
    second = sorted((work / "b" / "second").iterdir())
    SearchIndex(template).update(Library(template))
    # The language model's cache, as a user's earlier sessions leave it (else each process
    # would spend a second or two unpacking it).
    subprocess.run([sys.executable, "-m", "reader", "check", str(next((template / "library")
                    .iterdir()))], capture_output=True, cwd=ROOT,
                   env={**os.environ, "DIGLOT_HOME": str(template)}, check=True)  # fmt: skip
    wanted = _digests(template / "library")
    wanted.update({f"first/{p.name}": p.read_bytes() for p in first})
    wanted.update({f"second/{p.name}": p.read_bytes() for p in second})
    for number in range(rounds):
        home = work / "home"
        shutil.copytree(template, home)
        env = {**os.environ, "DIGLOT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        commands = [["import", str(work / "a" / "first")], ["import", str(work / "b" / "second")],
                    ["search", "Moscow"], ["list"]]  # fmt: skip
        runs = [[sys.executable, "-m", "reader", *command] for command in commands]
        if window:
            runs.append([sys.executable, "-c", WINDOW_SCRIPT, str(home)])
        children = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, cwd=ROOT, env=env) for argv in runs]  # fmt: skip
        for argv, child in zip(runs, children, strict=True):
            out, err = child.communicate(timeout=300)
            name = " ".join(argv[3:5]) if argv[1] == "-m" else "window"
            results.processes += 1
            results.waits += err.count(WAIT_NOTE)
            if child.returncode != 0 or "Traceback" in err:
                results.problems.append(f"round {number}, {name}: exit {child.returncode}: "
                                        f"{err.strip().splitlines()[-1:]}")  # fmt: skip
            if name == "window" and (not out.strip() or "failed" in out):
                results.problems.append(f"round {number}, window: {out.strip()!r}")
        if _digests(home / "library") != wanted:
            results.problems.append(f"round {number}: the library is not the two imports' sum")
        report = SearchIndex(home).update(Library(home))
        if report.added or report.changed or report.removed or report.damage:
            results.problems.append(f"round {number}: the index missed changes: "
                                    f"{report.summary()}")  # fmt: skip
        if report.documents != len(wanted) + 1:  # and the bundled seed
            results.problems.append(f"round {number}: {report.documents} documents shown")
        shutil.rmtree(home)
        results.rounds += 1
    results.seconds = round(time.perf_counter() - began, 1)
    return results


def main() -> None:
    """Run the rounds and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--no-window", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diglot-concurrent-") as work:
        os.environ["DIGLOT_HOME"] = str(Path(work) / "unused")
        results = run(Path(work), args.rounds, args.pages, not args.no_window)
    print(json.dumps(results.__dict__, indent=2))
    sys.exit(1 if results.problems else 0)


if __name__ == "__main__":
    main()

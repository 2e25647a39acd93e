"""Kill harness: SIGKILL at random moments of a first build, an update and an import.

After each kill the next start must find a usable index (the one before, the one after, or
none yet; never a damaged one) and the library intact (every page there before is there,
byte for byte; every imported page is a whole copy of its source; no temporary file left once
the library is opened). The start then brings the index up to date, which must need no
repair.

    python -m bench.kill                  100 kills or more (34 of each kind), 60 pages
    python -m bench.kill --kills 10 --pages 20 --seed 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import write_corpus
from bench.measure import ROOT

KINDS = ("build", "update", "import")

_CHILD = """
import sys
from pathlib import Path
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library

home, kind, source = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
library = Library(home)
index = SearchIndex(home)
print("ready", flush=True)
if kind == "import":
    report = library.import_files([source])
    index.update(library, changed=report.imported)
else:
    index.update(library)
print("finished", flush=True)
"""


@dataclass
class Results:
    """What the harness saw: kills per kind, the problems found, and the timings."""

    kills: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    finished_first: int = 0  # the child ended before its kill: not counted as a kill
    problems: list[str] = field(default_factory=list)
    work_seconds: dict[str, float] = field(default_factory=dict)  # an uninterrupted run
    leftovers_removed: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """Kills in all."""
        return sum(self.kills.values())


def _digests(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _prepare(work: Path, pages: int, seed: int) -> dict[str, Path]:
    """One home per kind, as it is just before the operation the harness kills."""
    from reader.core.index.search_index import SearchIndex
    from reader.core.library.collection import Library

    corpus = work / "corpus"
    write_corpus(corpus, pages + pages // 2, seed=seed)
    files = sorted(corpus.iterdir())
    first, later = files[:pages], files[pages:]
    homes = {}
    for kind in KINDS:
        home = work / "templates" / kind
        library = home / "library"
        library.mkdir(parents=True)
        for path in first:
            shutil.copy(path, library / path.name)
        if kind != "build":
            SearchIndex(home).update(Library(home))
        if kind == "update":  # some new, some changed, some gone
            for path in later:
                shutil.copy(path, library / path.name)
            for path in first[:3]:
                with (library / path.name).open("a", encoding="utf-8") as handle:
                    handle.write("\nA line added after the first build.\n")
            for path in first[3:6]:
                (library / path.name).unlink()
        homes[kind] = home
    incoming = work / "incoming"
    incoming.mkdir()
    for path in later:
        shutil.copy(path, incoming / path.name)
    return homes


def _run(home: Path, kind: str, incoming: Path, kill_after: float | None) -> tuple[bool, float]:
    """Run the operation in a child; SIGKILL it `kill_after` s after it is ready.

    Returns whether it was killed, and how long it worked.
    """
    # The library and index are `home`'s (given outright); DIGLOT_HOME only places the cache
    # (the language model), shared by every round as a user's is by every session.
    env = {**os.environ, "DIGLOT_HOME": str(home.parent / "shared"), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(home), kind, str(incoming)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert child.stdout is not None
    try:
        if child.stdout.readline() != "ready\n":
            raise RuntimeError(f"the {kind} child did not start")
        start = time.perf_counter()
        if kill_after is not None:
            time.sleep(kill_after)
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
        child.wait(timeout=600)
        worked = time.perf_counter() - start
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    return child.returncode == -signal.SIGKILL, worked


def _next_start(home: Path, kind: str, before: dict[str, str], sources: dict[str, str],
                expected: int) -> tuple[list[str], int]:  # fmt: skip
    """Start as a user's next session would, and check index and library; the problems."""
    from reader.core.index.search_index import IndexDamaged, SearchIndex
    from reader.core.library.collection import Library

    problems = []
    library = Library(home)
    removed = library.clean_leftovers()
    if list((home / "library").rglob(".import.*.tmp")):
        problems.append("a temporary import file was left after the start")
    after = _digests(home / "library")
    lost = [name for name, digest in before.items() if after.get(name) != digest]
    if lost:
        problems.append(f"pages lost or changed: {lost[:3]}")
    torn = [name for name, digest in after.items()
            if name not in before and digest not in sources]  # fmt: skip
    if torn:
        problems.append(f"pages that are no whole copy of a source: {torn[:3]}")
    index = SearchIndex(home)
    try:
        index.documents()
        index.search("Moscow")
    except IndexDamaged as error:
        problems.append(f"the index was left damaged: {error}")
    report = index.update(library)
    if report.damage:
        problems.append(f"the update found damage: {report.damage}")
    if kind != "import" and index.count != expected:
        problems.append(f"{index.count} documents after the update instead of {expected}")
    # Every library file is a distinct page, and the bundled seed is shown too.
    if kind == "import" and index.count != len(after) + 1:
        problems.append(f"{index.count} documents for {len(after)} pages and the seed")
    index.close()
    return problems, removed


def run(work: Path, kills: int = 34, pages: int = 60, seed: int = 1) -> Results:
    """Kill each kind of operation `kills` times at random moments; see the module.

    Args:
        work: an empty folder to work in.
        kills: kills of each kind (a child that finishes first is run again).
        pages: pages in the library before the operation (half as many more are added).
        seed: for the corpus and the kill moments.
    """
    rng = random.Random(seed)
    results = Results()
    began = time.perf_counter()
    homes = _prepare(work, pages, seed)
    incoming = work / "incoming"
    sources = set(_digests(incoming).values())
    home = work / "home"
    for kind in KINDS:
        from reader.core.index.search_index import SearchIndex

        for _warm in range(2):  # uninterrupted runs, the second with the cache warm
            shutil.copytree(homes[kind], home)
            _killed, worked = _run(home, kind, incoming, None)
            expected = SearchIndex(home).count
            shutil.rmtree(home)
        results.work_seconds[kind] = round(worked, 3)
        before = _digests(homes[kind] / "library")
        while results.kills[kind] < kills:
            shutil.copytree(homes[kind], home)
            killed, _ = _run(home, kind, incoming, rng.uniform(0.0, worked))
            if killed:
                results.kills[kind] += 1
                problems, removed = _next_start(home, kind, before, sources, expected)
                results.leftovers_removed += removed
                results.problems += [f"{kind}: {problem}" for problem in problems]
            else:
                results.finished_first += 1
            shutil.rmtree(home)
    results.seconds = round(time.perf_counter() - began, 1)
    return results


def main() -> None:
    """Run the harness and print its figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=34, help="kills of each kind (default 34)")
    parser.add_argument("--pages", type=int, default=60, help="pages before (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="diglot-kill-") as work:
        os.environ["DIGLOT_HOME"] = str(Path(work) / "unused")
        results = run(Path(work), args.kills, args.pages, args.seed)
    print(json.dumps({**results.__dict__, "total": results.total}, indent=2))
    sys.exit(1 if results.problems else 0)


if __name__ == "__main__":
    main()

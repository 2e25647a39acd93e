"""Kill a process writing annotations at random moments; every committed annotation must survive.

    python -m bench.annotation_kill            200 kills
    python -m bench.annotation_kill --runs 20

The writer (`python -m bench.annotation_kill --write HOME`) adds, edits and deletes
annotations on the seed page and prints a line after each commit. The parent SIGKILLs it after
a random number of lines (sometimes mid-transaction), then checks that every annotation
reported committed is there, as reported or newer (a change committed but not yet reported
may be there too), that reported deletions stayed deleted,
and that `PRAGMA integrity_check` says ok. tests/core/annotations/test_kill.py runs a sample.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_6ac3a21e3d46086e.txt"


def write(home: Path) -> None:
    """The writer: change annotations forever, printing each committed change."""
    from reader.core.annotations.editing import Annotator
    from reader.core.annotations.store import AnnotationStore
    from reader.core.page.parser import parse_page
    from reader.core.text_range import TextRange

    document = parse_page(SEED)
    paragraphs = document.translations[0].paragraphs
    annotator = Annotator(AnnotationStore(home))
    print("ready", flush=True)
    step = 0
    mine: list[str] = []
    while True:
        step += 1
        paragraph = step % len(paragraphs)
        if mine and step % 3 == 0:
            annotator.edit(mine[-1], note=f"v{step} " + "edited " * (step % 50))
            print("edit", mine[-1], step, flush=True)
        elif mine and step % 7 == 0:
            gone = mine.pop(0)
            print("deleting", gone, flush=True)  # from here on it may be gone, reported or not
            annotator.delete(gone)
            print("delete", gone, flush=True)
        else:
            end = min(len(paragraphs[paragraph]), 1 + step % 40)
            added = annotator.add(document, TextRange("translation", paragraph, 0, end),
                                  step % 5 + 1, note=f"v{step} " + "note " * (step % 50),
                                  tags=[f"t{step}"])
            mine.append(added.id)
            print("add", added.id, step, flush=True)


def kill_once(home: Path, rng: random.Random) -> tuple[int, str]:
    """Run the writer in `home`, kill it at a random moment, check the store.

    Returns:
        How many changes were reported before the kill, and "" or what is wrong.
    """
    from reader.core.annotations.store import AnnotationStore

    child = subprocess.Popen(
        [sys.executable, "-m", "bench.annotation_kill", "--write", str(home)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", "the writer did not start"
    wanted = rng.randint(1, 60)
    versions: dict[str, int] = {}
    deleted: set[str] = set()
    transcript: list[str] = []

    def heard(line: str) -> None:
        transcript.append(line.strip())
        kind, annotation, *rest = line.split()
        if kind == "deleting":
            versions.pop(annotation, None)  # either way is right until "delete" says
        elif kind == "delete":
            deleted.add(annotation)
        else:
            versions[annotation] = int(rest[0])

    for line in child.stdout:
        heard(line)
        if len(transcript) >= wanted:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    # What it printed between our decision and its death is in the pipe: as committed as the rest.
    for line in child.stdout:
        if line.endswith("\n"):  # a line cut by the kill was never finished
            heard(line)
    child.stdout.close()
    lines = len(transcript)
    store = AnnotationStore(home)
    try:
        if store.integrity() != "ok":
            return lines, f"integrity_check: {store.integrity()}"
        for annotation_id, version in versions.items():
            found = store.get(annotation_id)
            if found is None:
                return lines, (f"committed annotation {annotation_id} lost; the writer said: "
                               + " | ".join(transcript))
            stored = int(found.note.split()[0][1:])
            if stored < version:
                return lines, f"{annotation_id}: note v{stored} older than committed v{version}"
            if not found.anchor.exact or found.anchor.end <= found.anchor.start:
                return lines, f"{annotation_id}: anchor damaged"
        for annotation_id in deleted:
            if store.get(annotation_id) is not None:
                return lines, f"deleted annotation {annotation_id} is back"
    finally:
        store.close()
    return lines, ""


def main() -> int:
    """Run the kills and print a summary; exit 1 on the first failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--write", metavar="HOME", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        write(Path(args.write))
        return 0
    rng = random.Random(args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"  # one store across kills: damage would accumulate
        total = 0
        for run in range(args.runs):
            lines, problem = kill_once(home, rng)
            total += lines
            if problem:
                print(f"kill {run + 1}: {problem}")
                return 1
    print(f"{args.runs} kills, {total} committed changes checked, all intact "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

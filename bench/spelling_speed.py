"""Query time with spelling-blind search against the code before it, on the same corpus.

    python -m bench.spelling_speed OLD_TREE [--size 10000] [--runs 5] [--queries 200] [--work DIR]

OLD_TREE is a checkout of the code before spelling-blind search (`git worktree add DIR
7778a57`). Both trees build their own index of the same generated corpus (bench/corpus.py),
each in a child process importing its own `reader`; then the query workload (bench/queries.py)
runs on each in turn, alternating old and new `runs` times, so that load from elsewhere on the
machine falls on both alike. Per kind: the median over runs of each run's p95, wall and CPU
time, and their ratio (aim: p95 within 1.5x).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.measure import ROOT, emit, median, percentile, run_child


def _use(tree: str) -> None:
    # Before any `reader` import: this child measures that tree's code.
    sys.path.insert(0, tree)


def build(tree: str, corpus: Path, home: Path) -> None:
    """Index `corpus` into `home` with the code of `tree`."""
    _use(tree)
    from reader.core.index.search_index import SearchIndex
    from reader.core.library.collection import Library

    start = time.perf_counter()
    SearchIndex(home).update(Library(home, seeds=corpus))
    emit({"seconds": time.perf_counter() - start})


def queries(tree: str, home: Path, count: int) -> None:
    """Each workload query's wall and CPU seconds, per kind, with the code of `tree`."""
    _use(tree)
    import reader
    from bench.queries import workload
    from reader.core.index.search_index import SearchIndex

    index = SearchIndex(home)
    index.search("warmup")  # opens the index: a running app holds it open
    result: dict[str, Any] = {"tree": str(Path(reader.__file__).parent.parent)}
    for kind, pairs in workload(count).items():
        wall, cpu = [], []
        for mine, _ in pairs:
            start, start_cpu = time.perf_counter(), time.process_time()
            index.search(mine, limit=50)
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start)
        result[kind] = {"wall": wall, "cpu": cpu}
    emit(result)


def main(argv: list[str]) -> None:
    """Build both indexes, run the alternating query runs, print the table."""
    if argv and argv[0] == "build":
        return build(argv[1], Path(argv[2]), Path(argv[3]))
    if argv and argv[0] == "queries":
        return queries(argv[1], Path(argv[2]), int(argv[3]))
    parser = argparse.ArgumentParser(prog="python -m bench.spelling_speed")
    parser.add_argument("old_tree")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--work", default="", help="keep corpus and indexes here (reused)")
    args = parser.parse_args(argv)
    work = Path(args.work or tempfile.mkdtemp(prefix="spelling-speed-"))
    corpus = work / f"corpus-{args.size}"
    if not corpus.is_dir():
        from bench.corpus import write_corpus

        write_corpus(corpus, args.size)
    trees = {"old": str(Path(args.old_tree).resolve()), "new": str(ROOT)}
    for name, tree in trees.items():
        home = work / f"home-{name}-{args.size}"
        if not (home / "index").is_dir():
            built = run_child("bench.spelling_speed", "build", tree, str(corpus), str(home))
            print(f"{name}: built in {built['seconds']:.1f} s", flush=True)
    runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
    for run in range(args.runs):
        for name in (("old", "new") if run % 2 == 0 else ("new", "old")):
            home = work / f"home-{name}-{args.size}"
            found = run_child("bench.spelling_speed", "queries", trees[name], str(home),
                              str(args.queries))  # fmt: skip
            assert found.pop("tree") == trees[name], "the child imported the wrong tree"
            runs[name].append(found)
    print(f"{args.size} pages, {args.runs} alternating runs of {args.queries} queries per kind;"
          " per kind the median over runs of each run's p95 (and median)")  # fmt: skip
    print(f"{'kind':<12} {'old p95 wall/cpu ms':>20} {'new p95 wall/cpu ms':>20} "
          f"{'ratio wall/cpu':>15} {'median ratio cpu':>17}")  # fmt: skip
    for kind in runs["old"][0]:
        figures = {}
        for name in ("old", "new"):
            figures[name] = [
                median([percentile(r[kind][clock], 0.95) for r in runs[name]]) * 1e3
                for clock in ("wall", "cpu")
            ] + [median([median(r[kind]["cpu"]) for r in runs[name]]) * 1e3]
        old, new = figures["old"], figures["new"]
        print(f"{kind:<12} {old[0]:>10.1f}/{old[1]:<9.1f} {new[0]:>10.1f}/{new[1]:<9.1f} "
              f"{new[0] / old[0]:>7.2f}/{new[1] / old[1]:<7.2f} {new[2] / old[2]:>12.2f}")
    return None


if __name__ == "__main__":
    main(sys.argv[1:])

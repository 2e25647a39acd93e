"""`make bench`: build a synthetic archive, measure Diglot against its baselines, print a table.

    python -m bench                       1k and 10k pages, 3 runs, 200 queries per kind
    python -m bench --quick               a smoke run: 200 pages, 1 run, 20 queries per kind
    python -m bench --sizes 1000 --runs 5 --queries 300 --skip gui

Results go to bench/results/latest.json (git-ignored) as well as to the terminal.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import long_page, write_corpus
from bench.measure import ROOT, median, percentile, run_child

RESULTS = ROOT / "bench" / "results"


def _row(rows: list[list[str]], what: str, ours: float, base: float, unit: str,
         aim: float | None = None) -> None:  # fmt: skip
    ratio = ours / base if base else float("nan")
    verdict = "" if aim is None else ("met" if ratio <= aim else "NOT met")
    aim_text = "" if aim is None else f"≤ {aim:g}×"
    rows.append([what, f"{ours:.4g} {unit}", f"{base:.4g} {unit}", f"{ratio:.2f}×", aim_text,
                 verdict])  # fmt: skip


def index_benchmarks(work: Path, sizes: list[int], runs: int, queries: int,
                     rows: list[list[str]], data: dict[str, Any]) -> None:  # fmt: skip
    for size in sizes:
        corpus = work / f"corpus-{size}"
        write_corpus(corpus, size)
        cache = work / f"records-{size}.pkl"
        prepared = run_child("bench.indexing", "prepare", str(corpus), str(cache))
        figures: dict[str, list[dict[str, Any]]] = {"update": [], "write": [], "fts": []}
        for run in range(runs):
            for mode, source, target in (
                ("update", corpus, work / f"home-{size}-{run}"),
                ("write", cache, work / f"whoosh-{size}-{run}"),
                ("fts", cache, work / f"fts-{size}-{run}.db"),
            ):
                figures[mode].append(run_child("bench.indexing", mode, str(source), str(target)))
                if run < runs - 1:
                    shutil.rmtree(target, ignore_errors=True) if target.is_dir() else None
        summary = {mode: {key: median([f[key] for f in found]) for key in found[0]}
                   for mode, found in figures.items()}  # fmt: skip
        summary["parse_s"] = prepared["parse_s"]
        data[f"build_{size}"] = {"runs": figures, "median": summary}
        update, write, fts = summary["update"], summary["write"], summary["fts"]
        _row(rows, f"build {size}: index writing (parsed records)", write["seconds"],
             fts["seconds"], "s", 6)
        _row(rows, f"build {size}: whole update vs parse+FTS5", update["seconds"],
             prepared["parse_s"] + fts["seconds"], "s")
        _row(rows, f"build {size}: peak memory (writing)", write["peak_mb"], fts["peak_mb"], "MB")
        _row(rows, f"build {size}: index size", update["size_mb"], fts["size_mb"], "MB")
        data[f"build_{size}"]["update_peak_rss_mb"] = update["peak_mb"]
        rows.append([f"build {size}: parse alone (sequential)", f"{prepared['parse_s']:.4g} s",
                     "", "", "", ""])  # fmt: skip
    size = max(sizes)
    corpus, home = work / f"corpus-{size}", work / f"home-{size}-{runs - 1}"
    database = work / f"fts-{size}-{runs - 1}.db"
    # Queries on the index as a first launch leaves it (one segment), then again after the
    # one-page updates below (small segments, deleted records).
    _query_rows(rows, data, "queries", home, database, queries, size)
    one = run_child("bench.indexing", "one", str(corpus), str(home), str(max(runs, 3)))
    data["update_one"] = one
    rows.append([f"update one page in {size}", f"{median(one['times']):.4g} s",
                 f"(files(): {median(one['files_times']):.3g} s)", "", "< 0.1 s",
                 "met" if median(one["times"]) < 0.1 else "NOT met"])  # fmt: skip
    rows.append([f"update one named page in {size}", f"{median(one['known_times']):.4g} s",
                 f"(idle update: {one['idle_s']:.3g} s)", "", "< 0.1 s",
                 "met" if median(one["known_times"]) < 0.1 else "NOT met"])  # fmt: skip
    kept = run_child("bench.indexing", "job", str(corpus), str(home), str(max(runs, 3)))
    data["update_one_in_app"] = kept
    rows.append([f"update one named page, app's index process, {size}",
                 f"{median(kept['named']):.4g} s",
                 f"(full rescan: {median(kept['rescanned']):.3g} s; process start and first "
                 f"update: {kept['first_s']:.3g} s)", "", "< 0.1 s",
                 "met" if median(kept["named"]) < 0.1 else "NOT met"])  # fmt: skip
    _query_rows(rows, data, "queries_after_updates", home, database, queries, size)


def _query_rows(rows: list[list[str]], data: dict[str, Any], key: str, home: Path,
                database: Path, queries: int, size: int) -> None:  # fmt: skip
    answer = run_child("bench.indexing", "query", str(home), str(database), str(queries))
    segments = len(list((home / "index").glob("gen-*/*.seg")))
    data[key] = {"segments": segments}
    rows.append([f"{key.replace('_', ' ')}, {size} pages, {segments} segment(s)", "", "", "", "",
                 ""])  # fmt: skip
    for kind, found in answer.items():
        ours, theirs = found["ours"], found["fts"]
        p95, fts95 = percentile(ours, 0.95), percentile(theirs, 0.95)
        data[key][kind] = {"median": median(ours), "p95": p95, "max": max(ours),
                           "fts_median": median(theirs), "fts_p95": fts95,
                           "mean_hits": found["hits"], "count": len(ours)}  # fmt: skip
        aim = 3.0 if kind in ("word_ru", "word_en", "phrase", "fielded") else None
        _row(rows, f"query {kind}: median", median(ours) * 1e3, median(theirs) * 1e3, "ms")
        _row(rows, f"query {kind}: p95 (max {max(ours) * 1e3:.0f} ms, aim ≤ 250)", p95 * 1e3,
             fts95 * 1e3, "ms", aim)


def _started(module_args: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    found = run_child("bench.gui", *module_args, env=env)
    return {key: value - start for key, value in found.items()}


def gui_benchmarks(work: Path, runs: int, stall_size: int, rows: list[list[str]],
                   data: dict[str, Any]) -> None:  # fmt: skip
    # An installed app starts from compiled bytecode; where PYTHONDONTWRITEBYTECODE is set
    # (as on this machine) every start would compile our modules afresh.
    compileall.compile_dir(str(ROOT / "reader"), quiet=1)
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(work / "xdg-cache"),
           "XDG_CONFIG_HOME": str(work / "xdg-config"), "DIGLOT_HOME": str(work / "seed-home")}
    _started(["app"], env)  # first launch: builds the seed index, caches the stylesheet
    app_runs, bare_runs = [], []
    for _ in range(max(runs, 3)):  # start-up is cheap: always a median of three or more
        bare_runs.append(_started(["bare"], env)["painted"])
        app_runs.append(_started(["app"], env))
    data["startup"] = {"app": app_runs, "bare": bare_runs}
    bare = median(bare_runs)
    _row(rows, "start-up: first paint", median([r["painted"] for r in app_runs]), bare, "s", 1.5)
    _row(rows, "start-up: painted with the library and a document", median(
        [r["ready"] for r in app_runs]), bare, "s", 1.5)  # fmt: skip
    long_home = work / "long-home"
    (long_home / "library").mkdir(parents=True, exist_ok=True)
    page = long_home / "library" / "long-200.txt"
    page.write_text(long_page(200), encoding="utf-8")
    opened = run_child("bench.gui", "open", str(long_home), str(page), env=env)
    data["open"] = opened
    _row(rows, "open the seed document", opened["seed"]["ours"] * 1e3,
         opened["seed"]["bare"] * 1e3, "ms", 3)
    _row(rows, "open a 200-paragraph page", opened["long"]["ours"] * 1e3,
         opened["long"]["bare"] * 1e3, "ms", 3)
    stall_home = work / f"stall-home-{stall_size}"
    corpus = work / f"corpus-{stall_size}"
    if not corpus.is_dir():
        write_corpus(corpus, stall_size)
    stall_home.mkdir(parents=True, exist_ok=True)
    (stall_home / "folders.json").write_text(json.dumps({"version": 1, "folders": [str(corpus)]}))
    found = run_child("bench.gui", "stall", str(stall_home), env={**env,
                      "DIGLOT_HOME": str(stall_home)})  # fmt: skip
    data["stall"] = found
    rows.append([f"longest GUI stall, first build of {stall_size}",
                 f"{found['max_stall_s'] * 1e3:.0f} ms", f"p99 {found['p99_stall_s'] * 1e3:.0f} ms",
                 "", "≤ 50 ms", "met" if found["max_stall_s"] <= 0.05 else "NOT met"])  # fmt: skip
    rows.append([f"RSS, {stall_size} library open, document shown", f"{found['rss_mb']:.0f} MB",
                 "", "", "", ""])  # fmt: skip


def _machine() -> dict[str, Any]:
    from importlib.metadata import version

    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in
                   Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    import sqlite3

    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "pyside6": version("PySide6-Essentials"), "whoosh": version("Whoosh"),
            "pystemmer": version("PyStemmer"),
            "sqlite": sqlite3.sqlite_version, "platform": platform.platform()}  # fmt: skip


def print_table(rows: list[list[str]]) -> str:
    header = ["measure", "Diglot", "baseline", "ratio", "aim", ""]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in [header, ["-" * w for w in widths], *rows]]  # fmt: skip
    text = "\n".join(lines)
    print(text, flush=True)
    return text


def _save(data: dict[str, Any], rows: list[list[str]]) -> None:
    (RESULTS / "latest.json").write_text(
        json.dumps({**data, "rows": rows}, indent=2, ensure_ascii=False), encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 pages, 1 run, 20 queries")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="repetitions of each build")
    parser.add_argument("--queries", type=int, default=200, help="queries of each kind")
    parser.add_argument("--stall-size", type=int, default=0, help="pages for the stall run "
                        "(default: the largest size)")  # fmt: skip
    parser.add_argument("--skip", default="", help="'index' and/or 'gui', comma-separated")
    parser.add_argument("--work", type=Path, help="keep corpora and indexes here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    runs, queries = args.runs, args.queries
    if args.quick:
        sizes, runs, queries = [200], 1, 20
    work = args.work or Path(tempfile.mkdtemp(prefix="diglot-bench-"))
    rows: list[list[str]] = []
    data: dict[str, Any] = {"machine": _machine(), "sizes": sizes, "runs": runs,
                            "queries": queries}  # fmt: skip
    skip = set(args.skip.split(","))
    RESULTS.mkdir(exist_ok=True)
    if "index" not in skip:
        index_benchmarks(work, sizes, runs, queries, rows, data)
        _save(data, rows)  # a long run keeps its index figures even if the GUI part fails
    if "gui" not in skip:
        gui_benchmarks(work, runs, args.stall_size or max(sizes), rows, data)
    data["table"] = print_table(rows)
    _save(data, rows)
    print(f"\n{data['machine']}\nwritten to {RESULTS / 'latest.json'}; work folder {work}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

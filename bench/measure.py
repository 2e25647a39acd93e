"""Small measuring helpers shared by the benchmarks: clocks, memory, sizes, subprocesses."""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 = p95)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def _status(field: str) -> int:
    """A kB figure from /proc/self/status (Linux only; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_mb() -> float:
    return _status("VmRSS") / 1024


def peak_mb() -> float:
    return _status("VmHWM") / 1024


def reset_peak() -> None:
    """Make VmHWM start again from the current RSS, so a peak covers only what follows."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def run_child(module: str, *args: str, env: dict[str, str] | None = None,
              timeout: float = 3600) -> dict[str, Any]:
    """Run `python -m module args` and return the JSON object on its last stdout line."""
    merged = {**os.environ, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, env=merged, capture_output=True,
        text=True, timeout=timeout, check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{module} {args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def emit(result: dict[str, Any]) -> None:
    """The child's answer: one JSON line on stdout."""
    print(json.dumps(result), flush=True)


DESKTOP = (1920, 1080)  # the commonest desktop screen


def desktop_screen(folder: Path) -> None:
    """Give Qt's offscreen platform a desktop-sized screen, before the QApplication exists.

    Its own screen is 800 x 800, so the window's first size (1400 x 880, bounded to the
    screen) was 752 pixels wide and each text pane under 100: Qt then lays a page out in
    lines of a few words, far more work than on a reader's screen. A platform already chosen
    other than offscreen (a real display) is left alone.
    """
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    width, height = DESKTOP
    config = folder / "offscreen_screen.json"
    screen = {"name": "desktop", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

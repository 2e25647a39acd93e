"""Writes solver_reference.json.gz: the beads the solver finds on the pinned cases.

Run once before a change that must not move a bead (`tests/core/align/test_solver.py` then
compares); rerun only when the solver's output is meant to change, and say so in the commit.
"""

from __future__ import annotations

import gzip
import json

from tests.core.align.test_solver import REFERENCE, as_data, cases


def main() -> None:
    data = {name: as_data(case()) for name, case in sorted(cases().items())}
    with gzip.open(REFERENCE, "wt", encoding="utf-8", compresslevel=9) as file:
        json.dump(data, file, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


if __name__ == "__main__":
    main()

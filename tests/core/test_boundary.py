"""The core stays free of Qt: by its source and by what importing it loads."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "reader" / "core"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qdarktheme", "qtpy")


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_core_module_imports_qt() -> None:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 3
    offenders = {
        str(path.relative_to(CORE)): sorted(_imported_roots(path) & set(QT_MODULES))
        for path in modules
        if _imported_roots(path) & set(QT_MODULES)
    }
    assert offenders == {}


def test_importing_the_whole_core_loads_no_qt() -> None:
    names = [f"reader.core.{p.stem}" for p in sorted(CORE.glob("*.py")) if p.stem != "__init__"]
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

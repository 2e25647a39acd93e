"""whoosh is pinned to 2.7.4, and only reader/core/index/speedups/ touches its private names.

Each speedups module lists the private names it relies on at the end of its docstring
("whoosh private names used:"). These tests check that the list names what the installed
whoosh has, that the module uses nothing it does not list, and that no other module of
`reader` touches a whoosh private name (statically: imports, attribute reads and writes,
getattr with a constant name, overrides in subclasses of whoosh classes, patches of them).
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import whoosh

import reader
import reader.core.index.speedups as speedups

PINNED = "2.7.4"
HEADER = "whoosh private names used:"
READER = Path(reader.__file__).resolve().parent
SPEEDUPS = Path(speedups.__file__).resolve().parent
_NAME = re.compile(r"whoosh(\.\w+)+")


def pin_problem(installed: str) -> str | None:
    """What a failing pin test says: None when `installed` is the pinned whoosh."""
    if installed == PINNED:
        return None
    return (
        f"whoosh {installed} is installed, but Diglot is pinned to whoosh {PINNED}: "
        "reader/core/index/speedups/ relies on whoosh's private names and on the exact bytes "
        "and floats it writes and computes. Before moving the pin, check for each module of "
        f"speedups/ its docstring's list '{HEADER}' against the new whoosh's source "
        "(test_every_listed_private_name_exists_in_whoosh names any that is gone), and that "
        "the byte-for-byte and bit-for-bit tests pass: tests/core/index/speedups/"
        "test_segment_writer.py (segments equal whoosh's own, byte for byte), "
        "test_posting_pool.py (whoosh's posting order), test_phrase_query.py and "
        "test_scoring.py (the same hits and scores, bit for bit). Then update PINNED in "
        "this test and the Whoosh pin in pyproject.toml."
    )


def test_whoosh_is_the_pinned_version() -> None:
    problem = pin_problem(whoosh.versionstring())
    if problem:
        pytest.fail(problem, pytrace=False)


def test_another_whoosh_is_refused_saying_what_to_check() -> None:
    problem = pin_problem("2.7.5")
    assert problem is not None
    assert "whoosh 2.7.5 is installed" in problem and HEADER in problem
    assert "test_segment_writer.py" in problem and "byte for byte" in problem
    assert "bit for bit" in problem


# The lists in the docstrings


def _speedups_modules() -> list[ModuleType]:
    names = sorted(p.stem for p in SPEEDUPS.glob("*.py") if p.stem != "__init__")
    return [importlib.import_module(f"{speedups.__name__}.{name}") for name in names]


def listed_names(module: ModuleType) -> list[str]:
    """The private names a speedups module's docstring lists (its last section)."""
    doc = module.__doc__ or ""
    assert doc.count(HEADER) == 1, f"{module.__name__}: its docstring needs one '{HEADER}'"
    first, *rest = doc.split(HEADER)[1].split("\n")
    if first.strip().startswith("none"):
        return []
    names = [line.strip() for line in rest if line.strip()]
    for name in names:
        assert _NAME.fullmatch(name), f"{module.__name__}: {name!r} is not a dotted whoosh name"
        assert _private(name.rsplit(".", 1)[1]), f"{module.__name__}: {name} is not private"
    assert names, f"{module.__name__}: '{HEADER}' lists nothing; write 'none' if so"
    return names


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _resolve(dotted: str) -> tuple[Any, str]:
    """(the class or module owning the last name of `dotted`, that name); raises if gone."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            owner: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:-1]:
            owner = getattr(owner, part)
        return owner, parts[-1]
    raise ImportError(dotted)


@functools.cache
def _whoosh_source(cls: type) -> str:
    try:
        return inspect.getsource(cls)
    except (OSError, TypeError):
        return ""


def _whoosh_classes(cls: type) -> list[type]:
    return [c for c in cls.__mro__ if c.__module__.split(".")[0] == "whoosh"]


def _has(owner: Any, name: str) -> bool:
    """Whether whoosh's `owner` has `name`: an attribute, or one its methods set on self."""
    if not isinstance(owner, type):
        return hasattr(owner, name)
    pattern = re.compile(rf"\bself\.{re.escape(name)}\b")
    return any(name in vars(c) or pattern.search(_whoosh_source(c)) for c in _whoosh_classes(owner))


@pytest.mark.parametrize("module", _speedups_modules(), ids=lambda m: m.__name__.split(".")[-1])
def test_every_listed_private_name_exists_in_whoosh(module: ModuleType) -> None:
    missing = []
    for name in listed_names(module):
        try:
            owner, attribute = _resolve(name)
        except (ImportError, AttributeError):
            missing.append(name)
            continue
        if not _has(owner, attribute):
            missing.append(name)
    assert not missing, (
        f"{module.__name__} relies on whoosh private names this whoosh "
        f"({whoosh.versionstring()}) lacks: {', '.join(missing)}"
    )


# What the code uses, read from its syntax tree


@functools.cache
def whoosh_private_names() -> frozenset[str]:
    """Every private name whoosh defines: functions, methods, classes, attributes of self."""
    found = set()
    for path in Path(whoosh.__file__).parent.rglob("*.py"):
        # whoosh's old escape sequences: SyntaxWarning from 3.12, DeprecationWarning before.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                found.add(node.name)
            elif isinstance(node, ast.Attribute) and _receiver(node) in ("self", "cls"):
                found.add(node.attr)
        for node in tree.body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found.update(t.id for t in targets if isinstance(t, ast.Name))
    return frozenset(name for name in found if _private(name))


def _receiver(node: ast.Attribute) -> str | None:
    return node.value.id if isinstance(node.value, ast.Name) else None


def _root(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


class Uses:
    """The whoosh private names one module of `reader` touches, with where."""

    def __init__(self, path: Path) -> None:
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.imported: dict[str, str] = {}  # local name -> the dotted name it stands for
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    self.imported[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    local = alias.asname or alias.name.split(".")[0]
                    self.imported[local] = alias.name if alias.asname else local

    def imports(self) -> Iterator[tuple[int, str]]:
        """(line, dotted name) of each private name imported from whoosh."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
                for alias in node.names:
                    if _private(alias.name):
                        yield node.lineno, f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("whoosh") and any(
                        _private(part) for part in alias.name.split(".")
                    ):
                        yield node.lineno, alias.name

    def foreign(self) -> Iterator[tuple[int, str]]:
        """(line, name) of whoosh private names read or written on anything but self."""
        privates = whoosh_private_names()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Attribute) and node.attr in privates:
                if _receiver(node) not in ("self", "cls"):
                    yield node.lineno, node.attr
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value in privates
            ):
                yield node.lineno, str(node.args[1].value)

    def patches(self) -> Iterator[tuple[int, str]]:
        """(line, target) of assignments to attributes of whoosh modules or classes."""
        for node in ast.walk(self.tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                root = _root(target) if isinstance(target, ast.Attribute) else None
                if root and self.imported.get(root, "").startswith("whoosh"):
                    yield node.lineno, ast.unparse(target)

    def inherited(self) -> Iterator[tuple[int, str, type]]:
        """(line, name, class) of whoosh privates a subclass of a whoosh class uses on self."""
        for cls_node in ast.walk(self.tree):
            if not isinstance(cls_node, ast.ClassDef):
                continue
            bases = [b for b in map(self._base, cls_node.bases) if b is not None]
            if not bases:
                continue
            for node in ast.walk(cls_node):
                if isinstance(node, ast.Attribute) and _receiver(node) in ("self", "cls"):
                    name, line = node.attr, node.lineno
                elif isinstance(node, ast.FunctionDef):
                    name, line = node.name, node.lineno
                else:
                    continue
                if _private(name):
                    for base in bases:
                        if _has(base, name):
                            yield line, name, base

    def _base(self, node: ast.expr) -> type | None:
        # A base class imported from whoosh, or from our own index (a subclass of whoosh's).
        root = _root(node)
        dotted = self.imported.get(root or "", "")
        if not dotted.startswith(("whoosh", "reader.core.index")):
            return None
        try:
            value: Any = importlib.import_module(dotted)
        except ImportError:
            parent, _, name = dotted.rpartition(".")
            value = getattr(importlib.import_module(parent), name, None)
        for part in ast.unparse(node).split(".")[1:]:
            value = getattr(value, part, None)
        if isinstance(value, type) and _whoosh_classes(value):
            return value
        return None


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_speedups_modules_list_every_private_name_they_use() -> None:
    unlisted = []
    for module in _speedups_modules():
        path = Path(module.__file__ or "")
        listed = listed_names(module)
        ends = {name.rsplit(".", 1)[1] for name in listed}
        uses = Uses(path)
        where = f"{path.relative_to(READER.parent)}"
        unlisted += [f"{where}:{n}: {name}" for n, name in uses.imports() if name not in listed]
        unlisted += [f"{where}:{n}: {name}" for n, name in uses.foreign() if name not in ends]
        for line, name, base in uses.inherited():
            owners = {c.__name__ for c in _whoosh_classes(base)}
            if not any(e.endswith(f".{o}.{name}") for o in owners for e in listed):
                unlisted.append(f"{where}:{line}: {base.__module__}.{base.__name__}.{name}")
        unlisted += [f"{where}:{n}: patches {target}" for n, target in uses.patches()]
    assert not unlisted, "whoosh private names used but not listed in the module's docstring:\n" + (
        "\n".join(unlisted)
    )


def test_only_speedups_touches_whoosh_private_names() -> None:
    found = []
    for path in _modules(READER):
        if path.is_relative_to(SPEEDUPS):
            continue
        uses = Uses(path)
        where = f"{path.relative_to(READER.parent)}"
        found += [f"{where}:{line}: imports {name}" for line, name in uses.imports()]
        found += [f"{where}:{line}: uses .{name}" for line, name in uses.foreign()]
        found += [f"{where}:{line}: patches {target}" for line, target in uses.patches()]
        found += [
            f"{where}:{line}: uses {base.__name__}'s {name} in a subclass"
            for line, name, base in uses.inherited()
        ]
    assert not found, (
        "whoosh private names outside reader/core/index/speedups/ (use the public API, or "
        "move each behind a function there, listed in its docstring):\n" + "\n".join(found)
    )


def test_the_static_check_finds_private_uses(tmp_path: Path) -> None:
    source = tmp_path / "made_up_module.py"
    source.write_text(
        "from whoosh.system import _INT_SIZE\n"
        "from whoosh.matching import ListMatcher\n"
        "import whoosh.index\n"
        "def count(index):\n"
        "    return len(index._segments())\n"
        "def scorer(matcher):\n"
        "    return getattr(matcher, '_scorer', None)\n"
        "class Mine(ListMatcher):\n"
        "    def step(self):\n"
        "        self._i += 1\n"
        "    def _own(self):\n"
        "        return self._mine\n"
        "whoosh.index.FileIndex.latest_generation = lambda self: 0\n",
        encoding="utf-8",
    )
    uses = Uses(source)
    assert list(uses.imports()) == [(1, "whoosh.system._INT_SIZE")]
    assert sorted(uses.foreign()) == [(5, "_segments"), (7, "_scorer")]
    assert sorted((line, name) for line, name, _ in uses.inherited()) == [(10, "_i")]
    assert sorted(uses.patches()) == [(13, "whoosh.index.FileIndex.latest_generation")]

"""An index as the last release before the analysers moved wrote it (for tests).

The analyser classes moved from `reader.core.analysis` to `reader.core.index.analysis`; an
index written before the move names the old module in its pickled schema (the table of
contents), which the current code cannot unpickle, and CURRENT says schema version 2.
"""

from __future__ import annotations

import contextlib
import gc
import inspect
import json
import sys
import types
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import whoosh.index

import reader.core.index.analysis as analysis
from reader.core.index.schema import SCHEMA_VERSION
from reader.core.index.search_index import SearchIndex
from reader.core.index.store import POINTER, IndexStore
from reader.core.library.collection import Library

OLD_MODULE = "reader.core.analysis"
PRE_MOVE_SCHEMA = 2  # the schema version the last release before the move wrote


@contextlib.contextmanager
def analysers_at_the_old_path(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pickle our analyser classes as `reader.core.analysis.<name>`, as before the move."""
    alias = types.ModuleType(OLD_MODULE)
    with monkeypatch.context() as patch:
        for name, value in vars(analysis).items():
            if inspect.isclass(value) and value.__module__ == analysis.__name__:
                setattr(alias, name, value)
                patch.setattr(value, "__module__", OLD_MODULE)
        patch.setitem(sys.modules, OLD_MODULE, alias)
        yield
    assert OLD_MODULE not in sys.modules


def toc_bytes(generation: Path) -> bytes:
    """The table of contents (with the pickled schema) of a generation's whoosh index."""
    (toc,) = generation.glob("_MAIN_*.toc")
    return toc.read_bytes()


def write_pre_move_index(home: Path, library: Library, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An index as the last version before the move left it: old module path, old schema."""
    with analysers_at_the_old_path(monkeypatch):
        report = SearchIndex(home).update(library)
    assert report.rebuilt
    store = IndexStore(home / "index")
    generation = store.current(SCHEMA_VERSION)
    assert generation is not None
    toc = toc_bytes(generation)
    assert OLD_MODULE.encode() in toc and analysis.__name__.encode() not in toc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # whoosh leaves the TOC open on failing
        with pytest.raises(ModuleNotFoundError, match=OLD_MODULE) as failed:
            whoosh.index.open_dir(str(generation), indexname="MAIN")  # what opening would do
        del failed
        gc.collect()
    pointer = store.directory / POINTER
    marked = json.loads(pointer.read_text(encoding="utf-8")) | {"schema": PRE_MOVE_SCHEMA}
    pointer.write_text(json.dumps(marked), encoding="utf-8")
    return generation

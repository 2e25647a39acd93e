"""The PyInstaller specs of the three platforms and what they share (packaging/spec_common.py).

Only the Linux spec is built here (`make package`, in CI); the Windows and macOS specs are checked
for what can be checked on Linux: they compile, take the shared lists, and their icons render.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
SPECS = ("diglot.spec", "diglot-windows.spec", "diglot-macos.spec")
sys.path.insert(0, str(PACKAGING))
sys.path.insert(0, str(PACKAGING / "linux"))

import spec_common  # noqa: E402  (a build script, not a package)
from icons import render_platform_icon  # noqa: E402


@pytest.mark.parametrize("name", SPECS)
def test_every_spec_compiles_and_takes_the_shared_lists(name: str) -> None:
    text = (PACKAGING / name).read_text(encoding="utf-8")
    compile(text, name, "exec")
    for shared in ("datas=datas()", "hiddenimports=HIDDEN_IMPORTS", "excludes=EXCLUDES",
                   "[ENTRY]", "rf\"({UNUSED_QT_MODULES}"):
        assert shared in text, f"{name} does not use {shared}"


def test_unused_qt_modules_leave_what_diglot_loads() -> None:
    pattern = re.compile(spec_common.UNUSED_QT_MODULES)
    kept = ["PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6PrintSupport.so.6",
            "PySide6/Qt/lib/libQt6Network.so.6", "PySide6/Qt/lib/libQt6Svg.so.6",
            "PySide6\\Qt6Widgets.dll", "PySide6/Qt/lib/QtDBus.framework/QtDBus"]
    dropped = ["PySide6/Qt/lib/libQt6Qml.so.6", "PySide6\\Qt6Sql.dll",
               "PySide6/Qt/lib/QtQuick.framework/QtQuick", "PySide6/Qt/lib/libQt6Pdf.so.6"]
    assert [p for p in kept if spec_common.unused(p, pattern)] == []
    assert [p for p in dropped if not spec_common.unused(p, pattern)] == []


@pytest.mark.parametrize(("name", "size"), [("diglot.ico", 256), ("diglot.icns", 512)])
def test_platform_icons_render(tmp_path: Path, name: str, size: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    target = render_platform_icon(tmp_path / name)
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(target))
    image = reader.read()
    assert (image.width(), image.height()) == (size, size), reader.errorString()
    assert image.pixelColor(size // 8, size // 2).alpha() == 255  # drawn, not blank


def test_strip_debug_info_keeps_libraries_working(tmp_path: Path) -> None:
    if shutil.which("strip") is None or shutil.which("cc") is None:
        pytest.skip("needs strip and a C compiler")
    source = tmp_path / "answer.c"
    source.write_text("int answer(void) { return 42; }\n", encoding="utf-8")
    app = tmp_path / "Diglot" / "_internal"
    (app / "numpy.libs").mkdir(parents=True)
    ours, numpys = app / "libanswer.so.1", app / "numpy.libs" / "libanswer.so"
    for target in (ours, numpys):
        subprocess.run(["cc", "-g", "-shared", "-fPIC", "-o", str(target), str(source)],
                       check=True)
    before = numpys.read_bytes()
    size = ours.stat().st_size

    spec_common.strip_debug_info(tmp_path / "Diglot")

    assert ours.stat().st_size < size
    assert b".debug_info" not in ours.read_bytes()
    assert ctypes.CDLL(str(ours)).answer() == 42  # symbols kept: it still links
    assert numpys.read_bytes() == before  # auditwheel's libraries are left as they came


def test_every_lazily_imported_cli_module_is_a_hidden_import() -> None:
    # build_parser imports each sub-command module inside the function: a frozen build
    # without one would lose that command.
    lazy = set(re.findall(r"from (reader\.cli_\w+) import", (ROOT / "reader/cli.py").read_text()))
    assert lazy
    assert lazy <= set(spec_common.HIDDEN_IMPORTS)

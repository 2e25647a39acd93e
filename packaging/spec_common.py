"""What every platform's PyInstaller spec shares: the data files, the lazy imports, the excludes.

The specs (`diglot.spec` for Linux, `diglot-windows.spec`, `diglot-macos.spec`) are executed by
PyInstaller, which puts their folder's parent on no path of its own: each spec adds this folder
to `sys.path` and imports this module, so the three cannot drift apart on what Diglot needs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent



def datas() -> list[tuple[str, str]]:
    """The data files the app reads, as (source, folder in the app) pairs."""
    from PyInstaller.utils.hooks import collect_data_files  # only where a build runs

    return [
        (str(ROOT / "seeds" / "000_6ac3a21e3d46086e.txt"), "reader/seeds"),
        (str(ROOT / "resources" / "fonts"), "reader/resources/fonts"),
        (str(ROOT / "resources" / "icons"), "reader/resources/icons"),
        (str(ROOT / "reader" / "core" / "data"), "reader/core/data"),
        (str(ROOT / "LICENSE"), "licenses"),
        (str(ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt"), "licenses"),
        *collect_data_files("py3langid"),
        *collect_data_files("qdarktheme"),
    ]


# Imported lazily (inside functions), so the analysis is told of them.
HIDDEN_IMPORTS = [
    "reader.ui.self_test", "reader.ui.help_sheet", "reader.ui.command_palette",
    "reader.ui.printing", "reader.ui.import_report", "reader.ui.library_watcher",
    "reader.cli_annotations", "reader.cli_export", "reader.cli_browse", "reader.cli_search",
    "reader.cli_align", "reader.core.index.update_server", "reader.core.index.job_messages",
    "PySide6.QtPrintSupport", "PySide6.QtNetwork", "PySide6.QtSvg",
]

# qdarktheme carries a qtpy that would pull in every Qt binding it knows.
EXCLUDES = ["PyQt5", "PyQt6", "PySide2", "tkinter", "PySide6.QtQml", "PySide6.QtQuick",
            "PySide6.scripts"]

ENTRY = str(ROOT / "packaging" / "entry.py")

# Qt modules Diglot never loads, as a regular expression over a collected file's path (the
# library names are the same on every platform: libQt6Sql.so.6, Qt6Sql.dll, QtSql.framework).
UNUSED_QT_MODULES = (
    r"Qt6?(Qml|Quick|Pdf|VirtualKeyboard|Designer|Sql|Test|Concurrent|Multimedia|WebEngine"
    r"|3D|Charts|DataVisualization|Positioning|Sensors|SerialPort|Bluetooth|Nfc|Location"
    r"|RemoteObjects|Scxml|StateMachine|TextToSpeech|WebChannel|WebSockets|Help|UiTools"
    r"|ShaderTools|SpatialAudio|Graphs|HttpServer|LabsAnimation|QuickControls2)"
)


def unused(path: str, pattern: re.Pattern[str]) -> bool:
    """Whether a collected file is one Diglot never loads (`pattern` is the platform's)."""
    return bool(pattern.search(path.replace("\\", "/")))


def strip_debug_info(app_folder: Path) -> None:
    """Drop the debug sections of the collected shared libraries, keeping their symbols.

    libpython and the stdlib's extension modules arrive with debug info (about 30 MB).
    `strip --strip-debug` removes only that; PyInstaller's own `strip=True` strips symbols too,
    and a build made so never finished indexing in its self-test. numpy's auditwheel-repaired
    libraries are left as they came.
    """
    strip = shutil.which("strip")
    if strip is None:
        return
    for path in sorted(app_folder.rglob("*.so*")):
        if path.is_file() and not path.is_symlink() and "numpy.libs" not in path.parts:
            subprocess.run([strip, "--strip-debug", str(path)], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

"""The desktop integration files in packaging/linux/: validated, consistent, and they work.

The validators are the freedesktop tools (Debian: desktop-file-utils, appstream); a machine
without them skips those checks, CI installs them. The MIME type is compiled with the real
update-mime-database and read back by Qt's QMimeDatabase in a child process.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from reader import APP_ID, APP_NAME
from tests.conftest import ROOT, SEED_PAGE

LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
PAGE_TYPE = "text/x-diglot-archive-page"


def needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed")
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates() -> None:
    result = subprocess.run([needs("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_desktop_file_names_the_window_files_and_page_type() -> None:
    entry = desktop_entry()
    assert entry["StartupWMClass"] == APP_NAME  # Qt's WM_CLASS class is the application name
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split() == ["diglot", "%F"]
    assert entry["Categories"] == "Office;Viewer;Education;"
    # Offered for archive pages only: never for every text or HTML file.
    assert entry["MimeType"] == f"{PAGE_TYPE};"


def test_metainfo_validates_and_matches_the_desktop_file() -> None:
    result = subprocess.run([needs("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ElementTree.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("content_rating[@type='oars-1.1']") is not None
    from reader import __version__

    assert root.find(f"releases/release[@version='{__version__}']") is not None


def test_icons_render_at_every_size(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(LINUX / "icons.py"), str(tmp_path)],
                            capture_output=True, text=True, env={**os.environ,
                                                                 "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    for size in (16, 32, 48, 128, 256, 512):
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not blank: the slate ground at the centre's left, transparent in the corner.
        assert image.pixelColor(size // 8, size // 2).alpha() == 255
        assert image.pixelColor(0, 0).alpha() < 255
    assert (tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()


def detect_types(mime_home: Path, files: list[Path]) -> list[str]:
    script = (
        "import sys\nfrom PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "print(db.mimeTypeForName(sys.argv[1]).parentMimeTypes())\n"
        "for name in sys.argv[2:]: print(db.mimeTypeForFile(name).name())\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(mime_home)}
    result = subprocess.run([sys.executable, "-c", script, PAGE_TYPE, *map(str, files)],
                            capture_output=True, text=True, env=env, check=True)
    return result.stdout.split("\n")


def test_mime_type_claims_archive_pages_and_nothing_else(tmp_path: Path) -> None:
    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copyfile(MIME, packages / f"{APP_ID}.xml")
    subprocess.run([needs("update-mime-database"), str(packages.parent)],
                   capture_output=True, check=True)
    page = tmp_path / "saved page.txt"
    shutil.copyfile(SEED_PAGE, page)
    plain = tmp_path / "made_up_notes.txt"
    plain.write_text("Shopping list: bread, milk.\nDocument\n", encoding="utf-8")
    html = tmp_path / "made_up_page.html"
    html.write_text("<html><body><p>Document Information</p></body></html>", encoding="utf-8")
    lines = detect_types(tmp_path / "share", [page, plain, html])
    assert lines[0] == "['text/plain']"  # a kind of text: text editors still open it
    assert lines[1:4] == [PAGE_TYPE, "text/plain", "text/html"]


def test_window_reports_the_desktop_files_wm_class(tmp_path: Path) -> None:
    """The real `diglot` under Xvfb: its window's WM_CLASS class is the StartupWMClass."""
    for tool in ("xvfb-run", "xdotool", "xprop"):
        needs(tool)
    diglot = Path(sys.executable).parent / "diglot"
    script = tmp_path / "wm_class.sh"
    # xdotool --sync waits for the window itself; the app is ended whatever happens.
    script.write_text(
        f'"{diglot}" >"{tmp_path}/app.log" 2>&1 &\n'
        "app=$!\n"
        "trap 'kill $app' EXIT\n"
        "window=$(timeout 60 xdotool search --sync --class Diglot | head -1)\n"
        'xprop -id "$window" WM_CLASS\n',
        encoding="utf-8")
    env = {**os.environ, "DIGLOT_HOME": str(tmp_path / "home")}
    env.pop("QT_QPA_PLATFORM", None)  # xcb, as on a desktop
    result = subprocess.run(["xvfb-run", "-a", "bash", str(script)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert f'WM_CLASS(STRING) = "diglot", "{desktop_entry()["StartupWMClass"]}"' in (
        result.stdout), result.stdout + result.stderr

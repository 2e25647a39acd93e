"""Bundled fonts and icons: found in a checkout or an installed wheel, registered with Qt."""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QIcon

# The files Diglot ships; a checkout keeps them in resources/, a wheel in reader/resources/.
FONT_FILES = (
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
)
SERIF_FAMILY = "DejaVu Serif"
SANS_FAMILY = "DejaVu Sans"
ICON_FILE = "icons/diglot.svg"


def resources_dir() -> Path:
    """The directory holding fonts/ and icons/: the checkout's first, else the package's.

    A checkout comes first so that a developer's edits to resources/ are seen even when an
    older wheel is installed in the same environment.
    """
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if (checkout / ICON_FILE).is_file():
        return checkout
    # Asked of "reader", a regular package: a data-only directory is a namespace package,
    # whose traversable is not a plain path. Installed wheels unpack to the filesystem.
    return Path(str(importlib_resources.files("reader") / "resources"))


def font_paths() -> list[Path]:
    """The bundled font files that are present."""
    fonts = resources_dir() / "fonts"
    return [fonts / name for name in FONT_FILES if (fonts / name).is_file()]


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt, so Russian renders on a machine without system fonts.

    Needs a QGuiApplication. Returns the families registered, without repeats.
    """
    families: list[str] = []
    for path in font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            continue  # A damaged file should cost its own glyphs only, not the start-up.
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return families


def icon_path() -> Path:
    """The application icon's SVG file."""
    return resources_dir() / ICON_FILE


def app_icon() -> QIcon:
    """The application icon (two facing pages)."""
    return QIcon(str(icon_path()))

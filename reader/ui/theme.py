"""ThemeController: paints the application light or dark as the Appearance says.

qdarktheme supplies the stylesheet and palette. We never give it "auto": its auto mode starts a
`gsettings monitor` child process that outlives the app. "system" is followed through Qt's own
colour-scheme hint instead, which needs no helper process.

Importing qdarktheme and building its stylesheet take a noticeable part of start-up, so each
theme's sheet and palette are cached on disk, keyed by qdarktheme's installed version, and
qdarktheme is imported only when that cache misses. The sheet points at SVG icons qdarktheme
writes to its own cache; a cached sheet whose icons have gone (someone cleared ~/.cache) is
rebuilt.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.atomic_file import write_atomic
from reader.core.session.appearance import Appearance, Theme
from reader.ui.resources import SERIF_FAMILY

Painted = Literal["light", "dark"]

# Our additions on top of qdarktheme. The reading panes are set in the bundled serif (the split
# view sets sizes; this keeps the family even before it does), and the divider between the two
# texts stays the hairline the split view asks for instead of qdarktheme's grip.
EXTRA_QSS = f"""
TextPane {{ font-family: "{SERIF_FAMILY}"; }}
SplitView QSplitter::handle {{ image: none; margin: 0; }}
"""

_URL = re.compile(r"url\(([^)]+)\)")
_VERSION = re.compile(r"^__version__\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)
_ROLES = tuple(role for role in QPalette.ColorRole if role.name != "NColorRoles")


def qdarktheme_version() -> str:
    """The installed qdarktheme's version, read from its source rather than by importing it."""
    spec = importlib.util.find_spec("qdarktheme")
    found = None
    if spec is not None and spec.origin is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):  # then asked of the package
            found = _VERSION.search(Path(spec.origin).read_text(encoding="utf-8"))
    if found:
        return found.group(1)
    import qdarktheme  # an unusual install: ask the package itself

    return str(qdarktheme.__version__)


def palette_to_json(palette: QPalette) -> str:
    """The colours `palette` sets explicitly; the rest come from the platform, as before."""
    colours = [
        [group.name, role.name, palette.color(group, role).name(QColor.NameFormat.HexArgb)]
        for group in _GROUPS
        for role in _ROLES
        if palette.isBrushSet(group, role)
    ]
    return json.dumps(colours)


def palette_from_json(text: str) -> QPalette:
    """The palette `palette_to_json` wrote; ValueError when the text is not one."""
    palette = QPalette()
    try:
        for group, role, colour in json.loads(text):
            palette.setColor(QPalette.ColorGroup[group], QPalette.ColorRole[role], QColor(colour))
    except (KeyError, TypeError) as error:
        raise ValueError(f"not a cached palette: {error}") from None
    return palette


def system_is_dark(app: QApplication) -> bool:
    """Whether the platform asks for a dark scheme; an unknown scheme counts as light."""
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


class ThemeController(QObject):
    """Mirrors an Appearance onto the application's stylesheet and palette.

    Follows `appearance.changed`, and while the theme is "system" also the platform's
    colour-scheme changes.
    """

    def __init__(
        self,
        app: QApplication,
        appearance: Appearance,
        cache_dir: Path,
        *,
        is_dark: Callable[[], bool] | None = None,
        extra_qss: str = EXTRA_QSS,
    ) -> None:
        """Apply the appearance's theme now and follow it from then on.

        Args:
            app: the application to paint.
            appearance: the theme choice to mirror.
            cache_dir: where generated stylesheets are kept between runs.
            is_dark: asks whether the platform is dark; reads Qt's style hints when None.
            extra_qss: our own rules, appended to qdarktheme's stylesheet.
        """
        super().__init__(app)
        self._app = app
        self._appearance = appearance
        self._cache_dir = cache_dir
        self._is_dark = is_dark or (lambda: system_is_dark(app))
        self._extra_qss = extra_qss
        self._version = qdarktheme_version()
        self.painted: Painted | None = None
        appearance.changed.connect(self._on_theme_changed)
        app.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self.apply()

    def close(self) -> None:
        """Stop following the appearance (it usually outlives the widgets, e.g. in tests)."""
        self._appearance.changed.disconnect(self._on_theme_changed)
        self._app.styleHints().colorSchemeChanged.disconnect(self._on_color_scheme_changed)

    def cache_file(self, theme: Painted) -> Path:
        """The cached qdarktheme stylesheet of `theme` for the installed qdarktheme."""
        return self._cache_dir / f"qdarktheme-{self._version}-{theme}.qss"

    def palette_file(self, theme: Painted) -> Path:
        """The cached palette of `theme`, beside its stylesheet."""
        return self.cache_file(theme).with_suffix(".palette.json")

    def apply(self, system_dark: bool | None = None) -> None:
        """Paint the theme the appearance calls for now.

        Args:
            system_dark: what the platform's scheme is, when the caller already knows it
                (a change notification); asked of `is_dark` when None.
        """
        if system_dark is None:
            system_dark = self._is_dark()
        theme = self._appearance.effective(system_dark)
        if theme == self.painted:
            return
        sheet, palette = self._cached(theme) or self._generate(theme)
        self._app.setStyleSheet(sheet + self._extra_qss)
        self._app.setPalette(palette)
        self.painted = theme

    def _cached(self, theme: Painted) -> tuple[str, QPalette] | None:
        try:
            sheet = self.cache_file(theme).read_text(encoding="utf-8")
            palette = palette_from_json(self.palette_file(theme).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if sheet and all(Path(url).is_file() for url in _URL.findall(sheet)):
            return sheet, palette
        return None

    def _generate(self, theme: Painted) -> tuple[str, QPalette]:
        import qdarktheme  # only here: importing it alone costs more than reading the cache

        sheet: str = qdarktheme.load_stylesheet(theme)
        palette: QPalette = qdarktheme.load_palette(theme)
        try:
            self._cache_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(self.palette_file(theme), palette_to_json(palette).encode("utf-8"))
            write_atomic(self.cache_file(theme), sheet.encode("utf-8"))
        except OSError:
            pass  # a read-only cache costs start-up time, never the theme itself
        return sheet, palette

    def _on_theme_changed(self, _theme: Theme) -> None:
        self.apply()

    def _on_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._appearance.theme == "system":
            self.apply(scheme == Qt.ColorScheme.Dark)

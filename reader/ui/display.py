"""Whether Qt can open a window here, asked before Qt is given the chance to abort."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import PySide6


def display_available() -> bool:
    """Whether Qt can open a window here; without one Qt would abort the process."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def display_problem() -> str | None:
    """Why Qt could not open a window here, said plainly; None when it can.

    Without a display, or without the system libraries Qt's X11 plugin links against, Qt
    aborts the whole process with a message few users can act on. Loading the plugin
    ourselves first turns that into one line naming what is missing.
    """
    if not display_available():
        return ("no display found, so the window cannot open; "
                "use the command line instead (diglot --help).")
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return None
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    import ctypes  # only X11 gets this far: elsewhere start-up need not load it

    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        found = re.search(r"([\w.+-]+\.so[.\d]*): cannot open", str(error))
        missing = found.group(1) if found else str(error)
        return (f"Qt cannot open a window on this X11 display because the system library "
                f"{missing} is missing; install it (on Debian or Ubuntu: sudo apt install "
                f"libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0), "
                f"or use the command line (diglot --help).")
    return None



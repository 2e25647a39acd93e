"""How the app looks: the theme the user chose. Zoom lives with the reading view."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, get_args

from reader.core.events import Event

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = get_args(Theme)


class Appearance:
    """The chosen theme; "system" follows the platform's light or dark colour scheme."""

    def __init__(self, theme: Theme = "system") -> None:
        self.changed: Event[Theme] = Event()
        self.theme: Theme = theme

    def set_theme(self, theme: Theme) -> None:
        """Choose a theme; emits `changed` only when it differs."""
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}")
        if theme != self.theme:
            self.theme = theme
            self.changed.emit(theme)

    def cycle_theme(self) -> Theme:
        """Step to the next theme: system, light, dark, then system again."""
        self.set_theme(THEMES[(THEMES.index(self.theme) + 1) % len(THEMES)])
        return self.theme

    def effective(self, system_is_dark: bool) -> Literal["light", "dark"]:
        """The theme to paint with, given whether the platform is dark right now."""
        if self.theme == "system":
            return "dark" if system_is_dark else "light"
        return self.theme

    def to_dict(self) -> dict[str, Any]:
        """What is saved between sessions."""
        return {"theme": self.theme}

    def restore(self, saved: Mapping[str, Any]) -> None:
        """Take saved settings back; unknown or broken values keep the default."""
        theme = saved.get("theme")
        if theme in THEMES:
            self.set_theme(theme)

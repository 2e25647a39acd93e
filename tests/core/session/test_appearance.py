from __future__ import annotations

import pytest

from reader.core.session.appearance import Appearance


def test_cycle_goes_round_and_announces() -> None:
    appearance = Appearance()
    seen: list[str] = []
    appearance.changed.connect(seen.append)
    assert [appearance.cycle_theme() for _ in range(3)] == ["light", "dark", "system"]
    assert seen == ["light", "dark", "system"]


def test_system_follows_the_platform() -> None:
    appearance = Appearance()
    assert appearance.effective(system_is_dark=True) == "dark"
    assert appearance.effective(system_is_dark=False) == "light"
    appearance.set_theme("light")
    assert appearance.effective(system_is_dark=True) == "light"


def test_restore_ignores_nonsense() -> None:
    appearance = Appearance()
    appearance.restore({"theme": "purple"})
    assert appearance.theme == "system"
    appearance.restore(appearance.to_dict() | {"theme": "dark"})
    assert appearance.theme == "dark"
    with pytest.raises(ValueError, match="unknown theme"):
        appearance.set_theme("auto")  # type: ignore[arg-type]

from __future__ import annotations

import pytest

from reader.core.commands.keymap import default_commands
from reader.core.commands.registry import Command, CommandError, CommandRegistry, fuzzy_filter


@pytest.fixture
def registry() -> CommandRegistry:
    return CommandRegistry(default_commands())


def names(commands: list[Command]) -> list[str]:
    return [c.name for c in commands]


def test_run_calls_the_bound_handler_with_arguments(registry: CommandRegistry) -> None:
    calls: list[tuple[int, ...]] = []

    def scroll(*lines: int) -> str:
        calls.append(lines)
        return "scrolled"

    registry.register("scroll-down", scroll)
    assert registry.run("scroll-down", 3) == "scrolled"
    assert calls == [(3,)]


def test_unknown_command_is_a_command_error(registry: CommandRegistry) -> None:
    with pytest.raises(CommandError, match="no-such-thing"):
        registry.run("no-such-thing")
    with pytest.raises(CommandError, match="unknown command"):
        registry.register("no-such-thing", lambda: None)


def test_declared_but_unbound_command_is_reported_and_refuses_to_run(
    registry: CommandRegistry,
) -> None:
    assert "zoom-in" in names(list(registry.unbound()))
    with pytest.raises(CommandError, match="no handler"):
        registry.run("zoom-in")
    registry.register("zoom-in", lambda: None)
    assert "zoom-in" not in names(list(registry.unbound()))
    assert registry.is_bound("zoom-in")


def test_unbound_lists_everything_until_bound(registry: CommandRegistry) -> None:
    assert registry.unbound() == registry.commands()
    for command in registry.commands():
        registry.register(command.name, lambda: None)
    assert registry.unbound() == ()


def test_binding_twice_needs_replace(registry: CommandRegistry) -> None:
    registry.register("quit", lambda: 1)
    with pytest.raises(CommandError, match="already has a handler"):
        registry.register("quit", lambda: 2)
    registry.register("quit", lambda: 3, replace=True)
    assert registry.run("quit") == 3
    registry.unregister("quit")
    assert not registry.is_bound("quit")


def test_handler_errors_propagate_unchanged(registry: CommandRegistry) -> None:
    def broken() -> None:
        raise RuntimeError("disk on fire")

    registry.register("print", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        registry.run("print")


def test_registries_are_independent() -> None:
    first = CommandRegistry(default_commands())
    second = CommandRegistry(default_commands())
    first.register("help", lambda: None)
    assert not second.is_bound("help")


def test_duplicate_declaration_is_refused() -> None:
    command = Command("help", "Help", "Help")
    with pytest.raises(ValueError, match="declared twice"):
        CommandRegistry([command, command])


@pytest.mark.parametrize("name", ["Scroll-Down", "scroll down", "scroll_down", "", "-x"])
def test_command_names_are_kebab_case(name: str) -> None:
    with pytest.raises(ValueError, match="lower-case words"):
        Command(name, "Title", "View")


def test_commands_keep_declaration_order(registry: CommandRegistry) -> None:
    assert registry.commands() == default_commands()
    assert registry.command("scroll-down").title == "Scroll down"
    assert "scroll-down" in registry
    assert len(registry) == len(default_commands())


# Palette


def test_fuzzy_subsequence_finds_next_document() -> None:
    assert names(fuzzy_filter("nxd", default_commands()))[0] == "next-document"


def test_fuzzy_empty_query_returns_everything_in_order() -> None:
    assert fuzzy_filter("  ", default_commands()) == list(default_commands())


def test_fuzzy_non_match_is_excluded() -> None:
    assert fuzzy_filter("qqqq", default_commands()) == []
    assert "quit" not in names(fuzzy_filter("tiuq", default_commands()))


def test_fuzzy_word_starts_rank_first() -> None:
    # "zi" is z(oom)-i(n): two word starts beat any scattered z...i.
    assert names(fuzzy_filter("zi", default_commands()))[0] == "zoom-in"
    # "sp" is s(witch)-p(ane) and s(wap)-p(anes) before scattered letters elsewhere.
    assert set(names(fuzzy_filter("sp", default_commands()))[:2]) == {"switch-pane", "swap-panes"}


def test_fuzzy_contiguous_match_beats_scattered() -> None:
    commands = [
        Command("dim-output-cache", "Dim output cache", "View"),
        Command("open-doc", "Open doc", "File"),
    ]
    assert names(fuzzy_filter("doc", commands)) == ["open-doc", "dim-output-cache"]


def test_fuzzy_matches_titles_and_ignores_case_and_separators() -> None:
    result = names(fuzzy_filter("Copy Citation BIB", default_commands()))
    assert result[0] == "copy-citation-bibtex"
    # "Keyboard help" is only in the title of "help".
    assert names(fuzzy_filter("keyboard", default_commands())) == ["help"]


def test_fuzzy_ties_keep_declaration_order() -> None:
    commands = [Command("beta-x", "Beta", "View"), Command("alfa-x", "Alfa", "View")]
    assert names(fuzzy_filter("x", commands)) == ["beta-x", "alfa-x"]


def test_running_is_announced_before_the_handler() -> None:
    from reader.core.commands.registry import Command, CommandRegistry

    registry = CommandRegistry([Command("zoom-in", "Zoom in", "View")])
    order: list[str] = []
    registry.running.connect(lambda name: order.append(f"announced {name}"))
    registry.register("zoom-in", lambda: order.append("ran"))
    registry.run("zoom-in")
    assert order == ["announced zoom-in", "ran"]

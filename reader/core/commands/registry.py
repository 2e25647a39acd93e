"""Commands: every user action is a named core command, so keys, menus, CLI and tests share it.

The declarations (name, title, category, default keys) live in one table,
`reader.core.commands.keymap.DEFAULT_KEYMAP`. A `CommandRegistry` holds those declarations and the
handlers the application binds to them; it is an ordinary instance, built by the app wiring
(or by a test), never a module-level global.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reader.core.events import Event

Handler = Callable[..., Any]

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class CommandError(Exception):
    """A command that is not declared, or declared but not bound to a handler."""


@dataclass(frozen=True)
class Command:
    """A user action as menus, the palette and the keyboard help see it.

    Attributes:
        name: Stable identifier in kebab case, e.g. "scroll-down"; keys.toml and the CLI use it.
        title: Human label for menus and the command palette, e.g. "Scroll down".
        category: Group for menus and the help sheet, e.g. "Navigate", "View", "Provenance".
        description: One sentence saying what the command does.
    """

    name: str
    title: str
    category: str
    description: str = ""

    def __post_init__(self) -> None:
        # The name ends up in user files and on the command line: keep it one plain spelling.
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"command name {self.name!r} must be lower-case words joined by '-'")


class CommandRegistry:
    """Declared commands and the handlers bound to them.

    Declaring and binding are separate on purpose: the table declares every command up front
    (so help, palette and keys.toml validation know them all), while handlers arrive as the
    objects that implement them are built. `unbound()` tells the wiring what is still missing.
    """

    def __init__(self, commands: Iterable[Command]) -> None:
        """Create a registry of the given declarations, none bound yet.

        Args:
            commands: The declared commands, in the order menus and the palette show them.

        Raises:
            ValueError: Two declarations share a name.
        """
        self._commands: dict[str, Command] = {}
        for command in commands:
            if command.name in self._commands:
                raise ValueError(f"command {command.name!r} is declared twice")
            self._commands[command.name] = command
        self._handlers: dict[str, Handler] = {}
        # Announced before each run: the status bar, a command history, and tests that
        # check a key really reached its command, all follow this.
        self.running: Event[str] = Event()

    def __contains__(self, name: object) -> bool:
        return name in self._commands

    def __len__(self) -> int:
        return len(self._commands)

    def commands(self) -> tuple[Command, ...]:
        """Return every declared command, in declaration order."""
        return tuple(self._commands.values())

    def command(self, name: str) -> Command:
        """Return the declaration called `name`.

        Raises:
            CommandError: No command of that name is declared.
        """
        try:
            return self._commands[name]
        except KeyError:
            raise CommandError(f"unknown command {name!r}") from None

    def register(self, name: str, handler: Handler, *, replace: bool = False) -> None:
        """Bind `handler` to the declared command `name`.

        Args:
            name: A declared command name.
            handler: Called with the arguments given to `run`.
            replace: Allow replacing an existing handler; otherwise binding twice is an error,
                because it nearly always means two objects think they own the same action.

        Raises:
            CommandError: The command is not declared, or already bound and `replace` is false.
        """
        self.command(name)
        if name in self._handlers and not replace:
            raise CommandError(f"command {name!r} already has a handler")
        self._handlers[name] = handler

    def unregister(self, name: str) -> None:
        """Remove the handler of `name`, if any (e.g. when the object that owned it goes away).

        Raises:
            CommandError: The command is not declared.
        """
        self.command(name)
        self._handlers.pop(name, None)

    def is_bound(self, name: str) -> bool:
        """Return whether the declared command `name` has a handler."""
        return name in self._handlers

    def unbound(self) -> tuple[Command, ...]:
        """Return the declared commands that have no handler, in declaration order."""
        return tuple(c for c in self._commands.values() if c.name not in self._handlers)

    def run(self, name: str, *args: Any) -> Any:
        """Run the command `name` with `args` and return what its handler returns.

        Exceptions raised by the handler propagate unchanged.

        Raises:
            CommandError: The command is not declared or has no handler.
        """
        self.command(name)
        handler = self._handlers.get(name)
        if handler is None:
            raise CommandError(f"command {name!r} has no handler")
        self.running.emit(name)
        return handler(*args)


# Scores for `fuzzy_filter`: a match at the start of a word, or right after the previous matched
# character, is what a person typing an abbreviation means ("zi" -> "zoom-in").
_MATCH = 1
_WORD_START = 8
_FIRST_CHAR = 4
_CONSECUTIVE = 4
_GAP = 1
_MAX_GAP_PENALTY = 3
_SEPARATORS = frozenset(" -_/.")


def _subsequence_score(query: str, text: str) -> int | None:
    """Best alignment score of `query` as a subsequence of `text`, or None when it is not one.

    A small dynamic programme rather than a greedy scan: greedy would take the first "d" in
    "add-document" and miss the better word-start "d".
    """
    n = len(text)
    if not query:
        return 0
    if len(query) > n:
        return None
    boundary = [
        (_WORD_START if j == 0 or text[j - 1] in _SEPARATORS else 0)
        + (_FIRST_CHAR if j == 0 else 0)
        for j in range(n)
    ]
    # best[j]: (score, carried bonus) with the current query character matched at text[j]. A
    # run carries the bonus of where it started, as fzf does, so "doc" in "open-doc" (one run
    # from a word start) beats three scattered word starts in "dim-output-cache".
    best: list[tuple[int, int] | None] = [
        (_MATCH + boundary[j], boundary[j]) if text[j] == query[0] else None for j in range(n)
    ]
    for char in query[1:]:
        nxt: list[tuple[int, int] | None] = [None] * n
        for j in range(n):
            if text[j] != char:
                continue
            for k in range(j):
                prev = best[k]
                if prev is None:
                    continue
                score, carry = prev
                if k == j - 1:
                    bonus = max(boundary[j], carry, _CONSECUTIVE)
                    candidate = (score + _MATCH + bonus, max(carry, boundary[j]))
                else:
                    gap = min(_GAP * (j - k - 1), _MAX_GAP_PENALTY)
                    candidate = (score + _MATCH + boundary[j] - gap, boundary[j])
                current = nxt[j]
                if current is None or candidate[0] > current[0]:
                    nxt[j] = candidate
        best = nxt
    scores = [entry[0] for entry in best if entry is not None]
    return max(scores) if scores else None


def fuzzy_filter(query: str, commands: Iterable[Command]) -> list[Command]:
    """Return the commands matching `query`, best first, for the command palette.

    A command matches when the query's characters appear in order in its name or its title
    (case-insensitive; spaces and hyphens in the query are ignored), so "nxd" finds
    "next-document". Contiguous runs and word starts rank first; ties keep declaration order.

    Args:
        query: What the user typed; empty or blank returns every command.
        commands: The candidates, in declaration order.

    Returns:
        The matching commands, best match first.
    """
    wanted = "".join(ch for ch in query.lower() if ch not in _SEPARATORS)
    candidates = list(commands)
    if not wanted:
        return candidates
    ranked: list[tuple[int, int, int, Command]] = []
    for position, command in enumerate(candidates):
        scored = [
            (score, len(text))
            for text in (command.name, command.title.lower())
            if (score := _subsequence_score(wanted, text)) is not None
        ]
        if scored:
            score, length = max(scored, key=lambda item: (item[0], -item[1]))
            # Among equal scores the shorter text wins: the query covers more of it ("t" -> "top").
            ranked.append((-score, length, position, command))
    ranked.sort(key=lambda item: item[:3])
    return [item[3] for item in ranked]

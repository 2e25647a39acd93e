"""DEFAULT_KEYMAP, the one table of commands and their default keys, and the key trie.

Every command is declared here exactly once, with its default keys; menus, the command palette,
the generated keyboard help and keys.toml validation all read this table, and no widget
hard-codes a shortcut. Keys are written in the notation of `reader.core.commands.keynames`.

Conflicts resolved in the defaults:

- ``n``/``N`` step through search matches (the vim and less habit, and what a reader who just
  searched expects). Documents therefore move with ``Alt+Down``/``Alt+Up`` and
  ``Ctrl+PgDown``/``Ctrl+PgUp`` rather than ``n``/``p``. ``p`` stays unbound: a lone
  "previous document" key without its "next" partner would teach half a pair.
- ``g g`` is a two-key sequence, so nothing is bound to ``g`` alone; likewise ``c`` prefixes
  the citation copies (``c c`` Chicago, ``c b`` BibTeX, ``c r`` RIS, ``c j`` CSL-JSON).
- Digits ``1``/``2``/``3`` choose the panes shown; ``0`` resets zoom, as in browsers.
- ``]``/``[`` step through sentences and ``Return`` brings the other pane to the counterpart;
  ``L`` and ``U`` change the alignment, capitals because they change stored data.
- ``a`` was taken (sync the other pane), so a note is ``A``; highlights step with ``}``/``{``
  (``]``/``[`` alone are the sentence keys, so ``] a`` could never be typed), categories 1-9
  are ``Alt+1``..``Alt+9`` (bare digits choose the panes), and ``S`` selects the sentence.
- ``C`` opens the categories list (``c`` starts the citation copies); there ``Ins`` adds one,
  ``F2`` renames, ``Ctrl+Shift+C`` recolours and ``Shift+Del`` deletes, keys no other list uses.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from reader.core.commands.keynames import KeySpecError, normalise_key
from reader.core.commands.registry import Command, CommandError
from reader.core.provenance.formats import CITATION_FORMATS


class KeyEntry(NamedTuple):
    """One row of the table: a command's declaration and its default key sequences.

    An empty `keys` tuple means the command is deliberately keyless (palette and menus only).
    """

    name: str
    title: str
    category: str
    keys: tuple[str, ...]
    description: str = ""

    @property
    def command(self) -> Command:
        """The declaration as a `Command`."""
        return Command(self.name, self.title, self.category, self.description)


_E = KeyEntry

# fmt: off
# One row per command, a line or two each: the table reads better than the formatter would make it.
DEFAULT_KEYMAP: tuple[KeyEntry, ...] = (
    # Navigate
    _E("scroll-down", "Scroll down", "Navigate", ("j", "Down"), "Scroll the focused pane down."),
    _E("scroll-up", "Scroll up", "Navigate", ("k", "Up"), "Scroll the focused pane up."),
    _E("page-down", "Page down", "Navigate", ("J", "PgDown"), "Scroll down one screen."),
    _E("page-up", "Page up", "Navigate", ("K", "PgUp"), "Scroll up one screen."),
    _E("top", "Go to top", "Navigate", ("g g", "Ctrl+Home"), "Go to the start of the document."),
    _E("bottom", "Go to bottom", "Navigate", ("G", "Ctrl+End"), "Go to the end of the document."),
    _E("next-document", "Next document", "Navigate", ("Alt+Down", "Ctrl+PgDown"),
       "Open the next document in the list."),
    _E("previous-document", "Previous document", "Navigate", ("Alt+Up", "Ctrl+PgUp"),
       "Open the previous document in the list."),
    _E("switch-pane", "Switch pane", "Navigate", ("Tab",),
       "Move focus between the original and the translation."),
    _E("sync-other-pane", "Sync other pane", "Navigate", ("a",),
       "Bring the other pane to the paragraph under the cursor."),
    _E("focus-list", "Focus document list", "Navigate", ("o",), "Move focus to the document list."),
    _E("filter-list", "Filter document list", "Navigate", ("O",),
       "Narrow the document list (and the timeline's bars) by title, ID, date or type."),
    _E("next-sentence", "Next sentence", "Navigate", ("]",),
       "Move the sentence cursor on; its counterpart lights up in the other pane."),
    _E("previous-sentence", "Previous sentence", "Navigate", ("[",),
       "Move the sentence cursor back."),
    _E("jump-to-counterpart", "Jump to counterpart", "Navigate", ("Return",),
       "Bring the other pane level with the sentence under the cursor's counterpart."),
    # View
    _E("toggle-scroll-lock", "Toggle scroll lock", "View", ("s",),
       "Scroll both panes together, or each on its own."),
    _E("zoom-in", "Zoom in", "View", ("+", "=", "Ctrl++", "Ctrl+="), "Make the text larger."),
    _E("zoom-out", "Zoom out", "View", ("-", "Ctrl+-"), "Make the text smaller."),
    _E("zoom-reset", "Reset zoom", "View", ("0", "Ctrl+0"), "Return to the default text size."),
    _E("cycle-theme", "Cycle theme", "View", ("t",), "Switch to the next colour theme."),
    _E("swap-panes", "Swap panes", "View", ("x",), "Exchange the original and translation sides."),
    _E("toggle-orientation", "Toggle orientation", "View", ("v",),
       "Place the panes side by side or one above the other."),
    _E("show-original-only", "Show original only", "View", ("1",), "Hide the translation."),
    _E("show-translation-only", "Show translation only", "View", ("2",), "Hide the original."),
    _E("show-both", "Show both", "View", ("3",), "Show the original beside the translation."),
    _E("next-translation", "Next translation", "View", ("T",),
       "Show the document's next available translation."),
    _E("toggle-list", "Toggle document list", "View", ("Ctrl+B",),
       "Show or hide the document list."),
    _E("toggle-archive-browser", "Toggle archive browser", "View", ("Ctrl+Shift+B",),
       "Browse the library by archive, fond, opis and delo."),
    _E("toggle-timeline", "Toggle timeline", "View", ("Ctrl+Shift+T",),
       "Show or hide the timeline above the document list."),
    # Timeline (the date range that filters the document list)
    _E("timeline-earlier", "Earlier dates", "Navigate", ("Alt+Left",),
       "Move the timeline's date range back by its width (from the open document's year)."),
    _E("timeline-later", "Later dates", "Navigate", ("Alt+Right",),
       "Move the timeline's date range on by its width."),
    _E("timeline-wider", "Widen date range", "Navigate", ("Alt+Shift+Right",),
       "Make the timeline's date range twice as wide."),
    _E("timeline-narrower", "Narrow date range", "Navigate", ("Alt+Shift+Left",),
       "Make the timeline's date range half as wide."),
    _E("timeline-clear", "All dates", "Navigate", ("Alt+Backspace",),
       "Drop the timeline's date range: list documents of every date."),
    # Search
    _E("search", "Search library", "Search", ("/", "Ctrl+K"), "Search every document."),
    _E("find-in-document", "Find in document", "Search", ("Ctrl+F",),
       "Find text in the open document."),
    _E("close-find", "Close find bar", "Search", ("Esc",),
       "Close the find bar and clear its matches."),
    _E("next-match", "Next match", "Search", ("n", "F3"), "Go to the next search match."),
    _E("previous-match", "Previous match", "Search", ("N", "Shift+F3"),
       "Go to the previous search match."),
    _E("cycle-search-scope", "Search in originals, translations or both", "Search", ("Alt+I",),
       "Limit the search to the originals (in:original), then the translations, then neither."),
    _E("toggle-spelling", "Toggle spelling-blind search", "Search", ("Ctrl+Shift+N",),
       "Find names in every spelling (Khrushchev: Хрущёв, Chruschtschow) or as typed only."),
    # Provenance
    _E("toggle-provenance", "Toggle provenance", "Provenance", ("i", "Ctrl+I"),
       "Show or hide the source and archive details."),
    *(_E(cited.command, cited.title, "Provenance", cited.keys,
         f"Copy the document's citation as {cited.label}.") for cited in CITATION_FORMATS),
    # Alignment
    _E("link-selection", "Link selection", "Alignment", ("L",),
       "Link what is selected in the original to what is selected in the translation."),
    _E("unlink-sentence", "Unlink sentence", "Alignment", ("U",),
       "Separate the sentence under the cursor from its counterparts."),
    # Annotate
    _E("select-sentence", "Select sentence", "Annotate", ("S",),
       "Select the sentence under the sentence cursor (or the text cursor), to highlight it."),
    _E("highlight", "Highlight selection", "Annotate", ("h",),
       "Highlight what is selected in the first category (claim by default)."),
    *(_E(f"highlight-{n}", f"Highlight as category {n}", "Annotate", (f"Alt+{n}",),
         f"Highlight the selection in category {n}, or move the highlight under the cursor "
         f"or chosen in the panel to it.") for n in range(1, 10)),
    _E("edit-note", "Write a note", "Annotate", ("A",),
       "Write or change the note of the highlight under the cursor (highlighting the "
       "selection first)."),
    _E("save-note", "Save note", "Annotate", ("Ctrl+Return",),
       "Save the note being written; Escape cancels it."),
    _E("delete-annotation", "Delete highlight", "Annotate", ("D", "Del"),
       "Delete the highlight under the cursor, or those chosen in the annotations panel."),
    _E("next-highlight", "Next highlight", "Annotate", ("}",),
       "Move the text cursor to the next highlight of the focused pane."),
    _E("previous-highlight", "Previous highlight", "Annotate", ("{",),
       "Move the text cursor to the previous highlight."),
    _E("toggle-annotations", "Toggle annotations panel", "Annotate", ("Ctrl+Shift+A",),
       "Show the annotations of this document or the library, or hide them."),
    _E("categories", "Categories", "Annotate", ("C",),
       "Show the categories, their colours and keys, with the keyboard in their list."),
    _E("add-category", "Add category…", "Annotate", ("Ins",),
       "Add a category: its name, then its colour."),
    _E("rename-category", "Rename category…", "Annotate", ("F2",),
       "Rename the category chosen in the categories list; its highlights follow."),
    _E("recolour-category", "Recolour category…", "Annotate", ("Ctrl+Shift+C",),
       "Choose a new colour for the chosen category; its highlights repaint."),
    _E("delete-category", "Delete category…", "Annotate", ("Shift+Del",),
       "Delete the chosen category; its highlights move to a category you pick."),
    # File and edit
    _E("open", "Open or import…", "File", ("Ctrl+O",), "Add documents to the library."),
    _E("print", "Print…", "File", ("Ctrl+P",), "Print the open document."),
    _E("export-pdf", "Export as PDF…", "File", ("Ctrl+E",),
       "Save the open document, original beside translation, as a PDF."),
    _E("export-pdf-bundle", "Export several as one PDF…", "File", ("Ctrl+Shift+E",),
       "Save the documents selected in the list (or else the search results) as one PDF "
       "with a table of contents."),
    _E("export-pdf-each", "Export several as PDF files…", "File", ("Ctrl+Alt+E",),
       "Save the documents selected in the list (or else the search results) as one PDF "
       "each, into a folder."),
    _E("cancel-export", "Cancel export", "File", ("Ctrl+Shift+X",),
       "Stop the PDF export that is running; no half-written file is left."),
    _E("quit", "Quit", "File", ("Ctrl+Q",), "Close Diglot."),
    _E("copy", "Copy", "Edit", ("Ctrl+C",), "Copy the selected text."),
    _E("undo", "Undo", "Edit", ("Ctrl+Z",), "Undo the last change to annotations."),
    _E("redo", "Redo", "Edit", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo what was undone."),
    # Help
    _E("help", "Keyboard help", "Help", ("?", "F1"), "Show every command and its keys."),
    _E("command-palette", "Command palette", "Help", ("Ctrl+Shift+P", ":"),
       "Find and run any command by name."),
)
# fmt: on


def default_commands() -> tuple[Command, ...]:
    """Return every declared command, in table order; build a `CommandRegistry` from this."""
    return tuple(entry.command for entry in DEFAULT_KEYMAP)


class MatchState(Enum):
    """How far the keys typed so far get into the bindings."""

    NONE = "none"
    PARTIAL = "partial"  # a proper prefix of a sequence, e.g. the first "g" of "g g"
    COMPLETE = "complete"


@dataclass(frozen=True)
class Match:
    """The result of matching keys; `command` is set only when `state` is COMPLETE."""

    state: MatchState
    command: str | None = None


NO_MATCH = Match(MatchState.NONE)
PARTIAL_MATCH = Match(MatchState.PARTIAL)


class KeyTrie:
    """Key sequences mapped to command names, matched one key at a time (no Qt)."""

    __slots__ = ("children", "command")

    def __init__(self) -> None:
        self.children: dict[str, KeyTrie] = {}
        self.command: str | None = None

    def insert(self, sequence: Sequence[str], command: str) -> None:
        """Bind the sequence of canonical keys to `command`."""
        node = self
        for key in sequence:
            node = node.children.setdefault(key, KeyTrie())
        node.command = command

    def match(self, sequence: Sequence[str]) -> Match:
        """Match a sequence of canonical keys: NONE, PARTIAL (a prefix) or COMPLETE."""
        node = self
        for key in sequence:
            child = node.children.get(key)
            if child is None:
                return NO_MATCH
            node = child
        if node.command is not None:
            return Match(MatchState.COMPLETE, node.command)
        return PARTIAL_MATCH if node.children else NO_MATCH


class KeymapError(ValueError):
    """Bindings that cannot be used; `problems` holds one line per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


class HelpRow(NamedTuple):
    """One line of the keyboard help sheet."""

    category: str
    title: str
    keys: tuple[str, ...]
    command: str


def _merge(
    entries: Sequence[KeyEntry], overrides: Mapping[str, Sequence[str]]
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Defaults with overrides applied, normalised, plus every problem found (unprefixed)."""
    problems: list[str] = []
    names = [entry.name for entry in entries]
    bindings = {entry.name: entry.keys for entry in entries}
    for name, keys in overrides.items():
        if name not in bindings:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"unknown command {name!r}{hint}")
            continue
        # A bare string is one key, not a sequence of one-letter keys.
        bindings[name] = (keys,) if isinstance(keys, str) else tuple(keys)
    owner: dict[str, str] = {}
    merged: dict[str, tuple[str, ...]] = {}
    for name, keys in bindings.items():
        canonical: list[str] = []
        for key in keys:
            try:
                sequence = normalise_key(key)
            except KeySpecError as exc:
                problems.append(f"{name!r}: {exc}")
                continue
            if sequence in canonical:
                continue  # the same key listed twice for one command is harmless
            canonical.append(sequence)
            other = owner.setdefault(sequence, name)
            if other != name:
                problems.append(_clash(sequence, other, name, overrides, bindings))
        merged[name] = tuple(canonical)
    for sequence, name in owner.items():
        chords = sequence.split(" ")
        for length in range(1, len(chords)):
            prefix = " ".join(chords[:length])
            if prefix in owner:
                problems.append(
                    f"{prefix!r} ({owner[prefix]}) is the start of {sequence!r} ({name}), "
                    f"so {sequence!r} could never be typed"
                )
    return merged, problems


def _clash(
    key: str,
    first: str,
    second: str,
    overrides: Mapping[str, Sequence[str]],
    bindings: Mapping[str, Sequence[str]],
) -> str:
    """A one-line message for a key bound to two commands, saying how to move it."""
    message = f"{key!r} is bound to both {first} and {second}"
    for name in (first, second):
        if name not in overrides:
            # The user gave the key to one command and a default still holds it: say how to
            # take it away, since that is nearly always what they meant.
            rest = ", ".join(f'"{k}"' for k in bindings[name] if k != key)
            return f'{message}; {name} has it by default, so also set "{name}" = [{rest}]'
    return message


class Keymap:
    """The keys in force: defaults plus user overrides, and the state of a key being typed.

    `feed` takes one key at a time (as `reader/ui/keys.py` produces them) and says whether it
    completes a command, starts a sequence, or matches nothing. The keymap never runs commands;
    the caller passes a COMPLETE match's command name to the `CommandRegistry`.
    """

    def __init__(
        self,
        overrides: Mapping[str, Sequence[str]] | None = None,
        entries: Sequence[KeyEntry] = DEFAULT_KEYMAP,
    ) -> None:
        """Build the keymap from `entries` with `overrides` replacing their keys.

        Args:
            overrides: Command name to its key sequences; these replace that command's
                defaults entirely, and an empty sequence leaves it keyless.
            entries: The declarations and defaults, normally `DEFAULT_KEYMAP`.

        Raises:
            KeymapError: An override names an unknown command or an unreadable key, a key is
                bound to two commands, or one binding is the start of another.
        """
        self._entries = tuple(entries)
        self._bindings, problems = _merge(self._entries, overrides or {})
        if problems:
            raise KeymapError(problems)
        self._trie = KeyTrie()
        for name, sequences in self._bindings.items():
            for sequence in sequences:
                self._trie.insert(sequence.split(" "), name)
        self._pending: tuple[str, ...] = ()

    @property
    def entries(self) -> tuple[KeyEntry, ...]:
        """The declarations this keymap was built from, in order (menus list them so)."""
        return self._entries

    @property
    def pending(self) -> tuple[str, ...]:
        """The keys of an unfinished sequence, e.g. ("g",) after one "g"; for the status bar."""
        return self._pending

    def commands(self) -> tuple[Command, ...]:
        """Return every declared command, in table order."""
        return tuple(entry.command for entry in self._entries)

    def reset(self) -> None:
        """Forget an unfinished sequence (e.g. when focus moves to another widget)."""
        self._pending = ()

    def feed(self, key: str) -> Match:
        """Add one typed key to the current sequence and match it.

        A key that does not continue an unfinished sequence drops that sequence and is matched
        on its own, so a stray "g" never swallows the next key. "Esc" cancels an unfinished
        sequence. A key this notation cannot name matches nothing.

        Args:
            key: One key in canonical or forgiving notation, e.g. "g", "Ctrl+F", "Alt+Down".

        Returns:
            COMPLETE with the command name, PARTIAL while a sequence is unfinished, or NONE.

        Raises:
            ValueError: `key` holds more than one key; feed sequences key by key.
        """
        try:
            chord = normalise_key(key)
        except KeySpecError:
            self._pending = ()
            return NO_MATCH
        if " " in chord:
            raise ValueError(f"feed() takes one key at a time, not {key!r}")
        if chord == "Esc" and self._pending:
            self._pending = ()
            return NO_MATCH
        sequence = (*self._pending, chord)
        match = self._trie.match(sequence)
        if match.state is MatchState.NONE and self._pending:
            sequence = (chord,)
            match = self._trie.match(sequence)
        self._pending = sequence if match.state is MatchState.PARTIAL else ()
        return match

    def keys_for(self, command: str) -> tuple[str, ...]:
        """Return the key sequences bound to `command`, first the preferred one for menus.

        Raises:
            CommandError: No command of that name is declared.
        """
        try:
            return self._bindings[command]
        except KeyError:
            raise CommandError(f"unknown command {command!r}") from None

    def command_for(self, sequence: str) -> str | None:
        """Return the command bound to exactly this key sequence, or None."""
        try:
            match = self._trie.match(normalise_key(sequence).split(" "))
        except KeySpecError:
            return None
        return match.command

    def help_rows(self) -> list[HelpRow]:
        """Return the keyboard help sheet: one row per command, grouped by category.

        Categories keep the order of their first appearance in the table, and commands keep
        table order within a category. Keyless commands have an empty `keys`.
        """
        categories = list(dict.fromkeys(entry.category for entry in self._entries))
        return [
            HelpRow(entry.category, entry.title, self._bindings[entry.name], entry.name)
            for category in categories
            for entry in self._entries
            if entry.category == category
        ]

    def help_text(self) -> str:
        """Return the keyboard help sheet as Markdown (readable as plain text too)."""
        lines = ["# Keyboard help"]
        category = None
        for row in self.help_rows():
            if row.category != category:
                category = row.category
                lines += ["", f"## {category}", "", "| Command | Keys |", "| --- | --- |"]
            keys = ", ".join(f"`{k}`" for k in row.keys) or "(palette only)"
            lines.append(f"| {row.title} | {keys} |")
        lines += ["", "`g g` means g, then g again."]
        return "\n".join(lines) + "\n"

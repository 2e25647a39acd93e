"""`diglot align`: the sentence alignment of a document, as a table or JSON.

Registered by `reader.cli.build_parser`. The alignment comes from the same store the window
uses (the user's links included), computed and cached when missing.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable

from reader.cli import EXIT_OK, CliError, _find_document, _open
from reader.core.align.alignment import Alignment, SentenceBead
from reader.core.align.store import AlignmentStore
from reader.core.document import Document
from reader.core.paths import data_home
from reader.core.wording import plural

Command = Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser]


def add_align_command(command: Command) -> None:
    """Add `align` to the CLI's sub-commands through `build_parser`'s `command`."""
    align = command("align", "print the sentence alignment of original and translation",
                    _cmd_align)
    align.add_argument("id", help="document id (the Record ID where there is one)")
    align.add_argument("--json", action="store_true", help="print JSON")
    align.add_argument("--translation", type=int, default=0, metavar="N",
                       help="which translation, from 0 (default 0)")


def _cmd_align(args: argparse.Namespace) -> int:
    library, index = _open(args)
    document = _find_document(library, index, args.id)
    if document.original is None or not document.translations:
        raise CliError(f"document {document.id} has no original and translation to align")
    if not 0 <= args.translation < len(document.translations):
        count = plural(len(document.translations), "translation")
        raise CliError(f"document {document.id} has {count}; --translation counts from 0")
    alignment = AlignmentStore(data_home()).alignment(document, args.translation)
    if args.json:
        print(json.dumps(alignment.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_alignment(document, alignment, args.translation)
    return EXIT_OK


CELL = 58  # columns of each text in `align`'s table


def _print_alignment(document: Document, alignment: Alignment, translation: int) -> None:
    original, target = document.original, document.translations[translation]
    assert original is not None  # checked by the caller

    def cell(paragraphs: tuple[str, ...], refs: tuple[tuple[int, int, int], ...]) -> str:
        text = " ".join(" ".join(paragraphs[p][s:e].split()) for p, s, e in refs) or "—"
        return pad(text, CELL)

    # Each sentence bead under the paragraph bead holding its first sentence, found in one
    # pass: scanning every sentence bead for every paragraph bead was quadratic (issue 12).
    owner: dict[tuple[bool, int], int] = {}
    for number, bead in enumerate(alignment.paragraph_beads):
        owner.update({(True, p): number for p in bead.original})
        owner.update({(False, p): number for p in bead.translation})
    under: dict[int, list[SentenceBead]] = {}
    for sentence in alignment.sentence_beads:
        first = (sentence.original or sentence.translation)[0][0]
        holder = owner.get((bool(sentence.original), first))
        if holder is not None:
            under.setdefault(holder, []).append(sentence)
    print(f"{document.title}\n")
    for number, bead in enumerate(alignment.paragraph_beads):
        a = ",".join(str(p + 1) for p in bead.original) or "—"
        b = ",".join(str(p + 1) for p in bead.translation) or "—"
        print(f"{pad(f'¶ {a:>7} ↔ {b}', 4 + CELL + 3 + CELL)}  {bead.confidence:.2f}")
        for sentence in under.get(number, []):
            print(f"    {cell(original.paragraphs, sentence.original)} │ "
                  f"{cell(target.paragraphs, sentence.translation)}  {sentence.confidence:.2f}")


def _display_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def pad(text: str, width: int) -> str:
    """`text` cut with "…" or padded with spaces to `width` terminal columns (CJK count two)."""
    widths = [_display_width(ch) for ch in text]
    if sum(widths) <= width:
        return text + " " * (width - sum(widths))
    used, kept = 0, []
    for ch, size in zip(text, widths, strict=True):
        if used + size > width - 1:  # one column for the ellipsis
            break
        kept.append(ch)
        used += size
    return "".join(kept) + "…" + " " * (width - 1 - used)

"""The `diglot` command line: the same core the window uses, driven from a terminal."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from reader import __version__
from reader.core.align.alignment import Alignment, SentenceBead
from reader.core.align.store import AlignmentStore
from reader.core.commands.keyfile import load_keymap
from reader.core.document import Document, document_to_dict
from reader.core.index.search_index import Hit, QueryError, SearchIndex, UpdateReport
from reader.core.library.collection import Library, data_home
from reader.core.page.parser import PageError, parse_page

_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
EXIT_OK = 0
EXIT_ERROR = 1  # a document or query error
EXIT_USAGE = 2


class CliError(Exception):
    """A failure reported as one line on stderr with exit code 1."""


class ProgressBar:
    """A one-line progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = stream
        self._label = label
        self._live = stream.isatty()
        self._drawn = False

    def __call__(self, done: int, total: int, name: str) -> None:
        """Redraw the bar: `done` of `total` files, the current one being `name`."""
        if not self._live or total <= 0:
            return
        width = 30
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        tail = Path(name).name[:40] if name else ""
        self._stream.write(f"\r{self._label} [{bar}] {done}/{total} {tail:<40}")
        self._stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Finish the bar's line so later output starts on a fresh one."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()


def _open(args: argparse.Namespace) -> tuple[Library, SearchIndex]:
    home = data_home()
    return Library(home), SearchIndex(home)


def _refresh(library: Library, index: SearchIndex, *, rebuild: bool = False) -> UpdateReport:
    """Bring the index up to date; problems with single files are reported, never fatal."""
    bar = ProgressBar(sys.stderr, "Indexing")
    try:
        report = (index.rebuild if rebuild else index.update)(library, bar)
    finally:
        bar.close()
    for error in report.errors:
        print(f"warning: {error}", file=sys.stderr)
    for duplicate in report.duplicates:
        print(f"note: {duplicate}", file=sys.stderr)
    return report


def _cmd_index(args: argparse.Namespace) -> int:
    library, index = _open(args)
    print(_refresh(library, index, rebuild=args.rebuild).summary())
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    library, index = _open(args)
    _refresh(library, index)
    entries = index.documents()
    if args.json:
        print(json.dumps([entry.to_dict() for entry in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    for entry in entries:
        date = entry.date_text or "undated"
        print(f"{entry.id:>10}  {date:<18}  {entry.type or '-':<14}  {entry.title}")
    print(f"{len(entries)} documents", file=sys.stderr)
    return EXIT_OK


def _find_document(library: Library, index: SearchIndex, doc_id: str) -> Document:
    _refresh(library, index)
    try:
        return library.document(doc_id)
    except KeyError:
        raise CliError(f"no document with id {doc_id!r} (see `diglot list`)") from None


def _cmd_show(args: argparse.Namespace) -> int:
    library, index = _open(args)
    document = _find_document(library, index, args.id)
    if args.json:
        print(json.dumps(document_to_dict(document), ensure_ascii=False, indent=2))
    else:
        _print_document(document)
    return EXIT_OK


def _print_document(document: Document) -> None:
    print(document.title)
    print(f"{document.date.text or 'undated'}  ({document.date.precision})  {document.type}")
    if document.record_id:
        print(f"Record ID {document.record_id}")
    for text in document.texts:
        heading = "Original" if text is document.original else "Translation"
        print(f"\n== {heading} ({text.language or 'unknown language'}) ==")
        for number, paragraph in enumerate(text.paragraphs, start=1):
            print(f"[{number}] {paragraph}")
    if document.summary:
        print(f"\nSummary: {document.summary}")
    if document.source.text:
        print(f"\nSource: {document.source.text}")
    for warning in document.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _cmd_search(args: argparse.Namespace) -> int:
    library, index = _open(args)
    _refresh(library, index)
    try:
        hits = index.search(args.query, limit=args.limit)
    except QueryError as error:
        raise CliError(f"bad query: {error}") from None
    if args.json:
        print(json.dumps([_hit_to_dict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    for hit in hits:
        where = f"{hit.pane} ¶{hit.paragraph + 1}" if hit.paragraph is not None else hit.pane
        print(f"{hit.id:>10}  {hit.score:6.2f}  {hit.title}  [{where}]")
        for language, snippet in hit.snippets.items():
            print(f"{'':>12}{language}: {terminal_snippet(snippet, sys.stdout.isatty())}")
    print(f"{len(hits)} hits", file=sys.stderr)
    return EXIT_OK


def terminal_snippet(snippet: str, bold: bool) -> str:
    """An HTML snippet for a terminal: matches in bold on a terminal, plain text elsewhere."""
    marked = _BOLD.sub(lambda m: f"\033[1m{m.group(1)}\033[0m" if bold else m.group(1), snippet)
    return html.unescape(_TAG.sub("", marked))


def _hit_to_dict(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "score": hit.score,
        "pane": hit.pane,
        "paragraph": hit.paragraph,
        "snippets": hit.snippets,
    }


def _cmd_import(args: argparse.Namespace) -> int:
    library, index = _open(args)
    report = library.import_files([Path(name) for name in args.files])
    for line in report.errors:
        print(f"error: {line}", file=sys.stderr)
    _refresh(library, index)
    print(report.summary())
    return EXIT_ERROR if report.errors else EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            document = parse_page(Path(name))
        except PageError as error:
            print(f"error: {error}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        original = document.original
        parts = f"original {original.language} ({len(original.paragraphs)} ¶)" if original else (
            "no original"
        )
        translations = ", ".join(
            f"{text.language} ({len(text.paragraphs)} ¶)" for text in document.translations
        )
        print(f"{name}: ok: {document.id} “{document.title}”; {parts}; "
              f"translations: {translations or 'none'}")
        for warning in document.warnings:
            print(f"{name}: warning: {warning}")
    return status


def _cmd_align(args: argparse.Namespace) -> int:
    library, index = _open(args)
    document = _find_document(library, index, args.id)
    if document.original is None or not document.translations:
        raise CliError(f"document {document.id} has no original and translation to align")
    if not 0 <= args.translation < len(document.translations):
        raise CliError(f"document {document.id} has {len(document.translations)} translation(s)")
    alignment = AlignmentStore(data_home()).alignment(document, args.translation)
    if args.json:
        print(json.dumps(alignment.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_alignment(document, alignment, args.translation)
    return EXIT_OK


def _print_alignment(document: Document, alignment: Alignment, translation: int) -> None:
    original, target = document.original, document.translations[translation]
    assert original is not None  # checked by the caller

    def cell(paragraphs: tuple[str, ...], refs: tuple[tuple[int, int, int], ...]) -> str:
        text = " ".join(" ".join(paragraphs[p][s:e].split()) for p, s, e in refs) or "—"
        return text if len(text) <= 58 else text[:57] + "…"

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
        print(f"¶ {a:>7} ↔ {b:<7}  {bead.confidence:.2f}")
        for sentence in under.get(number, []):
            print(f"    {cell(original.paragraphs, sentence.original):<58} │ "
                  f"{cell(target.paragraphs, sentence.translation)}  {sentence.confidence:.2f}")


def _cmd_keys(args: argparse.Namespace) -> int:
    keymap, problems = load_keymap()
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(keymap.help_text())
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    try:
        from reader.ui.app import run_app  # Qt is loaded only when the window is wanted
    except ImportError:
        build_parser().print_help()
        return EXIT_OK
    return run_app(sys.argv[:1])


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `diglot`, one sub-command per core action."""
    parser = argparse.ArgumentParser(
        prog="diglot",
        description="Read declassified archival documents: original beside translation.",
        epilog=f"Data lives in {data_home()} (set DIGLOT_HOME to change it).",
    )
    parser.add_argument("--version", action="version", version=f"diglot {__version__}")
    parser.set_defaults(handler=_cmd_gui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
                ) -> argparse.ArgumentParser:
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        sub_parser.set_defaults(handler=handler)
        return sub_parser

    index = command("index", "build or update the search index", _cmd_index)
    index.add_argument("--rebuild", action="store_true", help="rebuild from scratch")
    listing = command("list", "list the documents in the library", _cmd_list)
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = command("show", "print one document", _cmd_show)
    show.add_argument("id", help="document id (the Record ID where there is one)")
    show.add_argument("--json", action="store_true", help="print JSON")
    search = command("search", "search the library (whoosh query syntax)", _cmd_search)
    search.add_argument("query", help='e.g. Сеул, "38th parallel", type:Telegram')
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, default=20, help="at most N hits (default 20)")
    imp = command("import", "copy pages into your library and index them", _cmd_import)
    imp.add_argument("files", nargs="+", metavar="FILE", help="pages or folders")
    check = command("check", "parse pages and print warnings", _cmd_check)
    check.add_argument("files", nargs="+", metavar="FILE", help="pages to check")
    align = command("align", "print the sentence alignment of original and translation",
                    _cmd_align)
    align.add_argument("id", help="document id (the Record ID where there is one)")
    align.add_argument("--json", action="store_true", help="print JSON")
    align.add_argument("--translation", type=int, default=0, metavar="N",
                       help="which translation, from 0 (default 0)")
    command("keys", "print the keyboard shortcuts (with your keys.toml)", _cmd_keys)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `diglot` with the given arguments and return its exit code.

    Args:
        argv: the arguments without the program name; None means sys.argv[1:].

    Returns:
        0 on success, 1 for a document or query error, 2 for a usage error.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit_.code or 0)
    try:
        return int(args.handler(args))
    except (CliError, PageError, QueryError) as error:
        print(f"diglot: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"diglot: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("diglot: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

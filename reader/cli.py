"""The `diglot` command line: the same core the window uses, driven from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO, TypeVar, cast

from reader import __version__
from reader.core.commands.keyfile import load_keymap
from reader.core.document import Document, document_to_dict
from reader.core.index.search_index import IndexDamaged, QueryError, SearchIndex, UpdateReport
from reader.core.library.collection import Library, unsaved
from reader.core.page.parser import PageError, parse_page
from reader.core.paths import data_home
from reader.core.wording import plural
from reader.terminal import VisibleStream, unescaped, visible

T = TypeVar("T")
_SAID: set[str] = set()  # warnings this run of `diglot` has printed
EXIT_OK = 0
EXIT_ERROR = 1  # a document or query error
EXIT_USAGE = 2


class CliError(Exception):
    """A failure reported as one line on stderr with exit code 1."""


class UsageError(CliError):
    """Arguments that parse but make no sense (an empty query): exit code 2."""


class ProgressBar:
    """A one-line progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = unescaped(stream)  # draws with \r; the name is escaped below
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
        tail = visible(Path(name).name[:40]) if name else ""
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
    index = SearchIndex(home)
    index.store.on_wait = lambda: print(
        "diglot: note: waiting for another Diglot (a window or a command) to finish writing"
        " the index",
        file=sys.stderr, flush=True)
    return Library(home), index


def _refresh(library: Library, index: SearchIndex, *, rebuild: bool = False,
             damaged: str = "", reading: bool = True) -> UpdateReport:
    """Bring the index up to date; problems with single files are reported, never fatal.

    For a command that only reads (`reading`), an index that cannot be written (a read-only
    data folder, a full disk) is read as it is, saying so in one line.
    """
    bar = ProgressBar(sys.stderr, "Indexing")
    try:
        report = index.rebuild(library, bar) if rebuild else index.update(
            library, bar, damaged=damaged)
    except OSError as failure:
        if not reading:
            raise
        line = f"diglot: warning: {unsaved(failure)}; showing the library as last indexed"
        if line not in _SAID:  # once, also when a damaged index asks for a second try
            _SAID.add(line)
            print(line, file=sys.stderr)
        return UpdateReport()
    finally:
        bar.close()
    if report.damage:
        print(f"diglot: warning: {report.damage_line()}", file=sys.stderr)
    for path in report.unreadable:
        print(f"diglot: warning: {path} cannot be read: its documents are kept as last indexed",
              file=sys.stderr)
    for error in report.errors:
        print(f"diglot: warning: {error}", file=sys.stderr)
    for duplicate in report.duplicates:
        print(f"diglot: note: {duplicate}", file=sys.stderr)
    return report


def _read(library: Library, index: SearchIndex, read: Callable[[], T]) -> T:
    """`read()` from the index; when its files turn out damaged, rebuild and read again."""
    try:
        return read()
    except IndexDamaged as error:
        _refresh(library, index, damaged=str(error))  # says so in one line
        return read()


def _cmd_index(args: argparse.Namespace) -> int:
    library, index = _open(args)
    print(_refresh(library, index, rebuild=args.rebuild, reading=False).summary())
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    library, index = _open(args)
    _refresh(library, index)
    entries = _read(library, index, index.documents)
    if args.json:
        print(json.dumps([entry.to_dict() for entry in entries], ensure_ascii=False, indent=2))
        return EXIT_OK
    for entry in entries:
        date = entry.date_text or "undated"
        print(f"{entry.id:>10}  {date:<18}  {entry.type or '-':<14}  {entry.title}")
    print(plural(len(entries), "document"), file=sys.stderr)
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
        print(f"diglot: warning: {warning}", file=sys.stderr)


def _cmd_import(args: argparse.Namespace) -> int:
    library, index = _open(args)
    report = library.import_files([Path(name) for name in args.files])
    failure: OSError | None = None
    try:
        _refresh(library, index, reading=False)
        records = {entry.path: entry.id for entry in index.documents()}
    except OSError as error:  # the index cannot be written: what each file became still holds
        failure, records = error, {}
    for done, line in zip(report.files, report.lines(records), strict=True):
        if done.outcome == "failed":
            print(f"diglot: {line}", file=sys.stderr)
        else:
            print(line)
    print(report.summary())
    if failure is not None:
        raise failure
    return EXIT_ERROR if report.errors else EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            document = parse_page(Path(name))
        except PageError as error:
            print(f"diglot: {error}", file=sys.stderr)
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


def _cmd_keys(args: argparse.Namespace) -> int:
    keymap, problems = load_keymap()
    for problem in problems:
        print(f"diglot: warning: {problem}", file=sys.stderr)
    print(keymap.help_text())
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    try:
        from reader.ui.launch import run_app  # Qt is loaded only when the window is wanted
    except ImportError:
        build_parser().print_help()
        return EXIT_OK
    return run_app(sys.argv[:1], [Path(name) for name in getattr(args, "files", [])])


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `diglot`, one sub-command per core action."""
    parser = argparse.ArgumentParser(
        prog="diglot",
        description="Read declassified archival documents: original beside translation. "
        "Run `diglot` with no command to open the reading window.",
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
    from reader.cli_search import add_search_command  # it imports this module

    add_search_command(command)
    imp = command("import", "copy pages into your library and index them", _cmd_import)
    imp.add_argument("files", nargs="+", metavar="FILE", help="pages or folders")
    check = command("check", "parse pages and print warnings", _cmd_check)
    check.add_argument("files", nargs="+", metavar="FILE", help="pages to check")
    command("keys", "print the keyboard shortcuts (with your keys.toml)", _cmd_keys)
    from reader.cli_align import add_align_command  # it imports this module
    from reader.cli_annotations import add_annotation_commands
    from reader.cli_browse import add_browse_command
    from reader.cli_export import add_export_command

    add_align_command(command)
    add_annotation_commands(command)
    add_export_command(command)
    add_browse_command(command)
    return parser


def opens_files(arguments: Sequence[str], parser: argparse.ArgumentParser) -> bool:
    """Whether `diglot ARGS` opens files in the window: it starts with a file, not a command.

    A name that is neither a command nor a file is a mistyped command (argparse says so); a
    file named like a command is opened as `diglot ./index`.
    """
    if not arguments or arguments[0].startswith("-") or not Path(arguments[0]).exists():
        return False
    commands = next(action.choices for action in parser._actions  # argparse keeps them there
                    if isinstance(action, argparse._SubParsersAction))
    return arguments[0] not in commands


def main(argv: Sequence[str] | None = None) -> int:
    """Run `diglot` with the given arguments and return its exit code.

    Args:
        argv: the arguments without the program name; None means sys.argv[1:].

    Returns:
        0 on success, 1 for a document or query error, 2 for a usage error.
    """
    parser = build_parser()
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        if opens_files(arguments, parser):
            args = argparse.Namespace(handler=_cmd_gui, files=arguments)  # `diglot FILE...`
        else:
            args = parser.parse_args(arguments)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit_.code or 0)
    _SAID.clear()
    stdout, stderr = sys.stdout, sys.stderr
    # Page, file and config text never acts on the terminal (see `reader.terminal`).
    if args.handler is not _cmd_gui:  # the window keeps Python's own streams (tracebacks)
        sys.stdout = cast(TextIO, VisibleStream(stdout, one_line=False))
        sys.stderr = cast(TextIO, VisibleStream(stderr, one_line=True))
    try:
        return int(args.handler(args))
    except UsageError as error:
        print(f"diglot: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (CliError, PageError, QueryError, IndexDamaged) as error:
        print(f"diglot: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"diglot: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("diglot: interrupted", file=sys.stderr)
        return 130
    finally:
        sys.stdout, sys.stderr = stdout, stderr


if __name__ == "__main__":
    sys.exit(main())

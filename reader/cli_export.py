"""`diglot export`: documents with their annotations as PDF, HTML, Markdown or JSON files.

Registered by `reader.cli.build_parser`; errors are `CliError`s, so they print as one line
starting "diglot: ". Every id is looked up before anything is written, so a mistyped id
costs no half-finished folder. Each file is written whole or not at all.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from reader.cli import EXIT_OK, CliError, UsageError
from reader.cli_annotations import Command, _document, _store
from reader.core.align.store import AlignmentStore
from reader.core.atomic_file import write_atomic
from reader.core.document import Document
from reader.core.export.gather import gather_export
from reader.core.export.html_file import to_html_file
from reader.core.export.json_file import to_json
from reader.core.export.markdown import to_markdown
from reader.core.export.parts import EXPORT_LAYOUTS, NOTES_PLACEMENTS, Export
from reader.core.library.collection import Library
from reader.core.paths import data_home
from reader.core.wording import plural

FORMATS = {"pdf": "pdf", "html": "html", "md": "md", "json": "json"}  # format -> extension
TEXT_WRITERS: dict[str, Callable[[Export], str]] = {
    "html": to_html_file, "md": to_markdown, "json": to_json}
_UNSAFE = re.compile(r"[^\w.-]+")


def file_name(document: Document, extension: str) -> str:
    """`<id>.<extension>`, with anything a file name should not hold replaced by "_"."""
    return f"{_UNSAFE.sub('_', document.id).strip('._') or 'document'}.{extension}"


def _targets(documents: list[Document], output: Path, extension: str) -> list[Path]:
    """One path per document: -o itself for one document (or inside it if a folder).

    The folder is made when missing and checked for writing first, so an unwritable path
    is one clear line before any work, not a failure after the first document.
    """
    several = len(documents) > 1 or output.is_dir()
    if several and output.exists() and not output.is_dir():
        raise CliError(f"{output} is a file; several documents need a folder for -o")
    folder = output if several else output.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CliError(f"cannot create the folder {folder}: {error.strerror or error}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CliError(f"cannot write to the folder {folder}: permission denied")
    return [output / file_name(d, extension) for d in documents] if several else [output]


class _Pdf:
    """Qt, started once and only for PDF: the CLI never opens a window, so offscreen."""

    def __init__(self) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from reader.ui.printing import export_pdf
        from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY
        from reader.ui.split_view import language_name

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.export_pdf = export_pdf
        self.fonts = {"serif": SERIF_FAMILY, "sans": SANS_FAMILY}
        self.language_name = language_name

    def write(self, export: Export, path: Path, page_size: str) -> int:
        from reader.core.export.model import to_html

        html = to_html(export, language_name=self.language_name, **self.fonts)
        # Written beside the target and renamed: a killed export leaves no half PDF there.
        part = path.with_name(path.name + ".part")
        try:
            pages: int = self.export_pdf(html, part, page_size)  # type: ignore[arg-type]
            part.replace(path)
        except OSError:
            part.unlink(missing_ok=True)
            raise
        return pages


def _cmd_export(args: argparse.Namespace) -> int:
    if args.side and args.layout != "single":
        raise UsageError("export: --side is for --layout single")
    library = Library(data_home())
    documents = [_document(library, doc_id) for doc_id in dict.fromkeys(args.ids)]
    extension = FORMATS[args.format]
    targets = _targets(documents, Path(args.output), extension)
    pdf = _Pdf() if args.format == "pdf" else None
    alignments = AlignmentStore(data_home())
    with _store() as store:
        for number, (document, path) in enumerate(zip(documents, targets, strict=True), 1):
            if len(documents) > 1:
                print(f"{number}/{len(documents)} {document.id}", file=sys.stderr, flush=True)
            if args.translation and not 0 <= args.translation < len(document.translations):
                raise CliError(f"document {document.id} has no translation {args.translation}")
            export = gather_export(document, alignments, store, args.layout,
                                   translation=args.translation, notes=args.with_notes,
                                   side=args.side or "translation")
            try:
                if pdf is not None:
                    pages = pdf.write(export, path, args.page_size)
                    detail = plural(pages, "page")
                else:
                    write_atomic(path, TEXT_WRITERS[args.format](export).encode("utf-8"))
                    detail = plural(len(export.notes), "annotation")
            except OSError as error:
                raise CliError(f"cannot write {path}: {error.strerror or error}") from None
            print(f"{path}  ({detail})")
    return EXIT_OK


def add_export_command(command: Command) -> None:
    """Add `export` to the `diglot` parser through its `command` helper."""
    export = command("export", "write documents with their annotations as PDF, HTML, "
                     "Markdown or JSON", _cmd_export)
    export.add_argument("ids", nargs="+", metavar="ID",
                        help="document ids (the Record ID where there is one)")
    export.add_argument("--format", choices=list(FORMATS), default="pdf",
                        help="pdf (default), html (one self-contained file), md (the "
                        "annotated excerpts) or json")
    export.add_argument("--layout", choices=[x for x in EXPORT_LAYOUTS if x != "sequential"],
                        default="facing", help="facing (default): side by side; single: one "
                        "text; excerpts: only the annotated passages")
    export.add_argument("--with-notes", choices=list(NOTES_PLACEMENTS), default="endnotes",
                        help="where notes go (default endnotes)")
    export.add_argument("--side", choices=["original", "translation"],
                        help="the text --layout single prints (default translation)")
    export.add_argument("--translation", type=int, default=0, metavar="N",
                        help="which translation, from 0 (default 0)")
    export.add_argument("-o", "--output", required=True, metavar="PATH",
                        help="the file to write; a folder (one file each) for several ids")
    export.add_argument("--page-size", choices=["A4", "Letter"], default="A4",
                        help="paper for --format pdf (default A4)")

"""`diglot annotations` and `diglot annotate`: the annotation core from a terminal.

Registered by `reader.cli.build_parser`; errors are `CliError`s, so they print as one line
starting "diglot: " with the exit codes of the other commands.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.cli import EXIT_OK, CliError, UsageError
from reader.core.align.store import AlignmentStore
from reader.core.annotations.editing import Annotator
from reader.core.annotations.model import Annotation, Category, side_text
from reader.core.annotations.opening import AlignmentFor, Placed, open_annotations, place_all
from reader.core.annotations.schema import SchemaError
from reader.core.annotations.store import AnnotationStore, StoreError
from reader.core.annotations.w3c import W3CError, collection, from_w3c, items_of
from reader.core.atomic_file import write_atomic
from reader.core.document import Document
from reader.core.library.collection import Library
from reader.core.paths import data_home
from reader.core.text_range import TextRange
from reader.core.wording import plural

Command = Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser]


@contextmanager
def _store() -> Iterator[AnnotationStore]:
    try:
        store = AnnotationStore(data_home())
    except SchemaError as error:
        raise CliError(str(error)) from None
    try:
        yield store
    except (StoreError, W3CError) as error:
        raise CliError(str(error)) from None
    finally:
        store.close()


def _document(library: Library, doc_id: str) -> Document:
    try:
        return library.document(doc_id)
    except KeyError:
        raise CliError(f"no document with id {doc_id!r} (see `diglot list`)") from None


def _placed(store: AnnotationStore, library: Library, doc_ids: list[str]) -> list[Placed]:
    """Each document's annotations re-anchored and projected; a vanished document's as saved."""
    alignments = AlignmentStore(data_home())
    placed: list[Placed] = []
    for doc_id in doc_ids:
        try:
            document = library.document(doc_id)
        except KeyError:
            placed.extend(Placed(a, (), None) for a in store.annotations(doc_id))
            continue
        annotations = open_annotations(store, document)
        placed.extend(place_all(document, annotations, _aligner(alignments, document)))
    return placed


def _aligner(alignments: AlignmentStore, document: Document) -> AlignmentFor:
    return lambda index: alignments.alignment(document, index)


def _to_dict(item: Placed, category: Category) -> dict[str, Any]:
    a = item.annotation
    return {
        "id": a.id, "document": a.document, "side": a.side, "translation": a.translation,
        "quote": a.anchor.exact, "prefix": a.anchor.prefix, "suffix": a.anchor.suffix,
        "start": a.anchor.start, "end": a.anchor.end, "paragraph": a.anchor.paragraph,
        "category": category.name, "colour": category.colour, "note": a.note,
        "tags": list(a.tags), "created": a.created, "modified": a.modified,
        "status": a.status, "projected_quote": item.projected_quote,
        "projection_uncertain": bool(item.projection and item.projection.uncertain),
    }


def _cmd_annotations(args: argparse.Namespace) -> int:
    if args.output and not args.export:
        raise UsageError("annotations: -o needs --export w3c")
    library = Library(data_home())
    with _store() as store:
        if args.import_file:
            return _import(store, Path(args.import_file))
        if args.id:
            _document(library, args.id)  # an unknown id is an error, not an empty list
        category = None
        if args.category:
            category = store.category(args.category)
            if category is None:
                raise CliError(f"no category {args.category!r}")
        if args.search:
            found = store.search(args.search, category.id if category else None)
            doc_ids = sorted({a.document for a in found if not args.id or a.document == args.id})
            wanted = {a.id for a in found}
        else:
            doc_ids = [args.id] if args.id else sorted(store.documents())
            wanted = None
        placed = [p for p in _placed(store, library, doc_ids)
                  if (wanted is None or p.annotation.id in wanted)
                  and (category is None or p.annotation.category == category.id)]
        categories = {c.id: c for c in store.categories()}
        if args.export:
            label = f"Diglot annotations of {args.id}" if args.id else "Diglot annotations"
            data = json.dumps(collection(placed, list(categories.values()), label),
                              ensure_ascii=False, indent=2) + "\n"
            if args.output and args.output != "-":
                write_atomic(Path(args.output), data.encode("utf-8"))
                print(f"wrote {plural(len(placed), 'annotation')} to {args.output}")
            else:
                sys.stdout.write(data)
        elif args.json:
            print(json.dumps([_to_dict(p, categories[p.annotation.category]) for p in placed],
                             ensure_ascii=False, indent=2))
        else:
            for item in placed:
                print(_line(item.annotation, categories[item.annotation.category]))
            print(plural(len(placed), "annotation"), file=sys.stderr)
    return EXIT_OK


def _line(a: Annotation, category: Category) -> str:
    number = f" {a.translation + 1}" if a.translation else ""
    where = f"{a.side}{number} ¶{a.anchor.paragraph + 1}"
    quote = " ".join(a.anchor.exact.split())
    note = a.note.strip().splitlines()[0] if a.note.strip() else ""
    tags = " ".join(f"#{t}" for t in a.tags)
    extra = "  ".join(part for part in (note, tags) if part)
    return f"{a.document:>10}  {a.status:<8}  {category.name:<17}  {where:<16}  “{quote}”" + (
        f"  {extra}" if extra else "")


def _import(store: AnnotationStore, path: Path) -> int:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CliError(f"{path}: not JSON ({error.msg}, line {error.lineno})") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: not UTF-8 text") from None
    records = [from_w3c(item, str(path)) for item in items_of(data, str(path))]
    added, updated, same = Annotator(store).import_annotations(records)
    print(f"{path}: {added} added, {updated} updated, {same} already there")
    return EXIT_OK


def _cmd_annotate(args: argparse.Namespace) -> int:
    if not args.quote.strip():
        raise UsageError("annotate: the quote is empty")
    document = _document(Library(data_home()), args.id)
    text = side_text((document.original, document.translations), args.side, args.translation)
    if text is None:
        raise CliError(f"document {document.id} has no {args.side} text"
                       + (f" {args.translation}" if args.side == "translation" else ""))
    places = [(number, paragraph.find(args.quote))
              for number, paragraph in enumerate(text.paragraphs) if args.quote in paragraph]
    total = sum(paragraph.count(args.quote) for paragraph in text.paragraphs)
    if not places:
        raise CliError(f"{args.quote!r} is not in the {args.side} of {document.id}")
    if total > 1:
        raise CliError(f"{args.quote!r} occurs {total} times in the {args.side} of "
                       f"{document.id}; quote more words")
    number, at = places[0]
    with _store() as store:
        annotation = Annotator(store).add(
            document, TextRange(args.side, number, at, at + len(args.quote)), args.category,
            note=args.note.replace("\\n", "\n"), tags=args.tag, translation=args.translation)
        category = store.category(annotation.category)
        assert category is not None
        print(annotation.id)
        print(_line(annotation, category), file=sys.stderr)
    return EXIT_OK


def add_annotation_commands(command: Command) -> None:
    """Add `annotations` and `annotate` to the `diglot` parser through its `command` helper."""
    listing = command("annotations", "list, search, export or import annotations",
                      _cmd_annotations)
    listing.add_argument("id", nargs="?", help="only this document's annotations")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--category", metavar="C", help="only annotations of category C")
    listing.add_argument("--search", metavar="WORDS",
                         help="only annotations whose note, tags or quote hold these words")
    listing.add_argument("--export", choices=["w3c"],
                         help="print (or write with -o) W3C Web Annotation JSON-LD")
    listing.add_argument("-o", "--output", metavar="FILE", help="the file --export writes")
    listing.add_argument("--import", dest="import_file", metavar="FILE",
                         help="import W3C Web Annotation JSON-LD (again is harmless)")
    annotate = command("annotate", "highlight a quote of a document, with a note", _cmd_annotate)
    annotate.add_argument("id", help="document id (the Record ID where there is one)")
    annotate.add_argument("--side", choices=["original", "translation"], required=True)
    annotate.add_argument("--quote", required=True, help="the exact words, found once")
    annotate.add_argument("--translation", type=int, default=0, metavar="N",
                          help="which translation, from 0 (default 0)")
    annotate.add_argument("--category", default="claim", metavar="C",
                          help="a category name (default claim)")
    annotate.add_argument("--note", default="", metavar="N", help=r"a note (\n for new lines)")
    annotate.add_argument("--tag", action="append", default=[], metavar="T",
                          help="a tag (repeat for more)")

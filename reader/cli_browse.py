"""`diglot browse`: the library as the archives arranged it, archive → fond → opis → delo.

Registered by `reader.cli.build_parser`. The tree comes from the index's entries (no page is
parsed), the same tree the window's archive browser shows. What it prints goes through the
CLI's escaping stream like every other command's output.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from reader.cli import EXIT_OK, CliError, _open, _read, _refresh
from reader.core.provenance.arrangement import (
    LOCATOR_FIELDS,
    Arrangement,
    Node,
    build_arrangement,
    outline,
)
from reader.core.wording import plural

Command = Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser]


def _node_to_dict(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"level": node.level, "key": node.key, "count": node.count}
    if node.level == "archive":
        data |= {"name": node.name, "name_original": node.name_original}
    data["documents"] = [
        {"id": p.doc_id, "title": p.title, "date": p.date_text, "place": p.locator.place,
         "locator": dict(zip(LOCATOR_FIELDS, p.locator.to_list(), strict=True))}
        for p in node.documents
    ]
    data["children"] = [_node_to_dict(child) for child in node.children]
    return data


def _to_dict(arrangement: Arrangement) -> dict[str, Any]:
    return {
        "total": arrangement.total,
        "archives": [_node_to_dict(node) for node in arrangement.archives],
        "uncited": [{"id": doc_id, "title": title} for doc_id, title in arrangement.uncited],
    }


def _cmd_browse(args: argparse.Namespace) -> int:
    library, index = _open(args)
    _refresh(library, index)
    arrangement = build_arrangement(_read(library, index, index.documents))
    path = [args.archive, *args.levels] if args.archive else []
    if path:
        try:
            node = arrangement.find(path)
        except LookupError as error:
            raise CliError(f"browse: {error.args[0]}") from None
        if args.json:
            print(json.dumps(_node_to_dict(node), ensure_ascii=False, indent=2))
        else:
            for depth, line in outline(node):
                print("  " * depth + line)
        return EXIT_OK
    if args.json:
        print(json.dumps(_to_dict(arrangement), ensure_ascii=False, indent=2))
        return EXIT_OK
    # The whole library: the levels only; a path shows a subtree with its documents.
    for archive in arrangement.archives:
        for node, depth in _levels(archive):
            name = f"  [{node.name_original}]" if node.name_original else ""
            print("  " * depth + f"{node.label}{name} ({node.count})")
    if arrangement.uncited:
        print(f"{plural(len(arrangement.uncited), 'document')} without an archival citation")
    return EXIT_OK


def _levels(node: Node, depth: int = 0) -> list[tuple[Node, int]]:
    found = [(node, depth)]
    for child in node.children:
        found.extend(_levels(child, depth + 1))
    return found


def add_browse_command(command: Command) -> None:
    """Add `browse` to the `diglot` parser through its `command` helper."""
    browse = command("browse", "the library by archive, fond, opis and delo", _cmd_browse)
    browse.add_argument("archive", nargs="?", metavar="ARCHIVE",
                        help="an archive's code or name in any spelling, e.g. APRF or 'AP RF'")
    browse.add_argument("levels", nargs="*", metavar="FOND [OPIS [DELO]]",
                        help="go down the arrangement: fond, then opis, then delo (or box, "
                        "file), as cited")
    browse.add_argument("--json", action="store_true", help="print JSON")

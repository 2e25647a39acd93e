"""`diglot search`: the library's hits, each with its sentence pair and other spellings.

Registered by `reader.cli.build_parser` where the command stands in `diglot --help`; errors are
`CliError`s, so they print as one line starting "diglot: ". Snippets are escaped for the terminal
(`reader.terminal`), with only the index's own bold marks acting.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from typing import Any

from reader.cli import (
    EXIT_OK,
    CliError,
    UsageError,
    _open,
    _positive,
    _read,
    _refresh,
)
from reader.cli_annotations import Command
from reader.core.align.store import AlignmentStore
from reader.core.annotations.store import AnnotationStore
from reader.core.index.search_index import Hit, QueryError, SearchIndex
from reader.core.paths import data_home
from reader.core.session.annotation_query import with_annotations
from reader.core.session.annotation_terms import split_terms
from reader.core.wording import plural
from reader.terminal import unescaped, visible

_BOLD = re.compile(r"<b>(.*?)</b>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _cmd_search(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise UsageError("search: the query is empty (try `diglot search Сеул`)")
    library, index = _open(args)
    _refresh(library, index)
    try:
        hits, total = _read(library, index,
                            lambda: _search(index, args.query, args.limit, not args.exact))
    except QueryError as error:
        raise CliError(f"bad query: {error}") from None
    if args.json:
        print(json.dumps([_hit_to_dict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    for hit in hits:
        where = f"{hit.pane} ¶{hit.paragraph + 1}" if hit.paragraph is not None else hit.pane
        print(f"{hit.id:>10}  {hit.score:6.2f}  {hit.title}  [{where}]")
        for language, snippet in hit.snippets.items():
            line = f"{'':>12}{visible(language)}: {terminal_snippet(snippet, sys.stdout.isatty())}"
            print(line, file=unescaped(sys.stdout))  # escaped, and bold marks kept
        if hit.pair is not None and hit.pair.counterpart is not None:
            label, sentence = hit.pair.counterpart_label(), hit.pair.counterpart.text
            print(f"{'':>12}↔ {visible(label)}: {visible(' '.join(sentence.split()))}")
        if hit.spellings:
            print(f"{'':>12}{visible('; '.join(hit.spellings))}")
    shown = f"{len(hits)} of {plural(total, 'hit')}" if total > len(hits) else plural(total, "hit")
    print(shown, file=sys.stderr)
    return EXIT_OK


def _search(index: SearchIndex, query: str, limit: int, spelling: bool = True
            ) -> tuple[list[Hit], int]:
    """The index's hits, with their sentence pairs, and how many match in all.

    With `note:`, `annotated:` or `category:` terms, narrowed by the reader's annotations as
    the window does (`annotation_query`).
    """
    terms = split_terms(query)
    alignments = AlignmentStore(data_home()).stored
    if not terms.filters:
        return index.search_counted(query, limit=limit, alignments=alignments, spelling=spelling)
    hits = index.search(terms.rest, limit=limit, alignments=alignments,
                        spelling=spelling) if terms.rest else []
    titles = {entry.id: entry.title for entry in index.documents()}
    store = AnnotationStore(data_home())
    try:
        found = with_annotations(hits, terms, store, titles, limit)
    finally:
        store.close()
    return found, len(found)


def terminal_snippet(snippet: str, bold: bool) -> str:
    """An HTML snippet for a terminal: matches in bold on a terminal, plain text elsewhere.

    The text itself is escaped (see `reader.terminal`); only our own bold marks act.
    """
    parts = _BOLD.split(snippet)  # text, match, text, match, ..., text
    plain = [visible(html.unescape(_TAG.sub("", part))) for part in parts]
    return "".join(
        f"\033[1m{part}\033[0m" if number % 2 and bold else part
        for number, part in enumerate(plain)
    )


def _hit_to_dict(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "score": hit.score,
        "pane": hit.pane,
        "paragraph": hit.paragraph,
        "snippets": hit.snippets,
        # The matched sentence and its counterpart in the other language ("how" says how it
        # was found: aligned, uncertain, proportional, unaligned, one-sided); null for metadata.
        "pair": hit.pair.to_dict() if hit.pair is not None else None,
        "spellings": list(hit.spellings),
    }


def add_search_command(command: Command) -> None:
    """Add `search` to the `diglot` parser through its `command` helper."""
    search = command("search", "search the library (whoosh query syntax)", _cmd_search)
    search.add_argument("query", help='e.g. Сеул, "38th parallel", type:Telegram')
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--exact", action="store_true",
                        help="names as typed only, not in their other spellings")
    search.add_argument("--limit", type=_positive, default=20, metavar="N",
                        help="at most N hits (default 20)")

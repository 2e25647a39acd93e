"""Search queries: whoosh query syntax in, a whoosh query or one clear QueryError out.

Syntax (whoosh's): words, "phrases", AND/OR/NOT and parentheses, `field:word`, prefixes
`Сеу*`, wildcards `Москв?`, ranges `date:[1950 TO 1951]`, `date:>1950`, `date:1950-10`.
Unfielded words search DEFAULT_FIELDS. `original:` and `translation:` search a pane in every
language; `language:` and `archives:` are aliases of `languages:` and `archive:`. `in:original` and
`in:translation` limit the query's unfielded words to one side's texts (`index.scope`).

Unfielded words also search the spelling field (see `spelling`, `spelling_terms`): Khrushchev
finds Хрущёв and Chruschtschow, ranked below exact matches; under `in:original`, in the
originals only. A word written with a leading `=` (`=Khrushchev`)
is sought as spelled only; `parse_query(..., spelling=False)` does so for a whole query.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from whoosh import query as wq
from whoosh.qparser import (
    FieldsPlugin,
    GtLtPlugin,
    MultifieldPlugin,
    OrGroup,
    PhrasePlugin,
    QueryParser,
    syntax,
)
from whoosh.qparser.plugins import Plugin

from reader.core.index.analysis import stem_english, stem_russian
from reader.core.index.schema import (
    DEFAULT_FIELDS,
    FIELD_ALIASES,
    SPELLING_BOOST,
    SPELLING_FIELD,
    TEXT_FIELDS,
)
from reader.core.index.scope import SCOPE_FIELD, scope_named
from reader.core.index.speedups.phrase_query import Phrase
from reader.core.index.spelling import fold, looks_like_name
from reader.core.index.spelling_terms import EXACT, SpellingTerm, spelling_query
from reader.core.index.types import QueryError

# A stemmed prefix is also tried when it keeps this many letters: "division*" -> "divis*"
# finds "divisions", while "Сеу*" is not cut to "се*", which would match half the language.
_MIN_STEMMED_PREFIX = 4

_STEMMERS = {"ru": stem_russian, "en": stem_english}
_FIELD_STEMMERS = {name: _STEMMERS.get(family) for name, (_, family) in TEXT_FIELDS.items()}
_FIELD_STEMMERS.update(title=stem_english, summary=stem_english, archive_name=stem_english)


class _AliasPlugin(Plugin):  # type: ignore[misc]
    """Turns `original:x` into `(original_ru:x OR original_en:x ...)`, analysed per field.

    A word limited to a side by `in:original` also seeks its other spellings in that side's
    texts (`spelling_terms`); `original:x` seeks the word as spelled.
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        # After explicit field names are applied (100), before unfielded expansion (110).
        return [(self._expand, 105)]

    def _expand(self, parser: Any, group: Any) -> Any:
        for i, node in enumerate(group):
            if isinstance(node, syntax.GroupNode):
                group[i] = self._expand(parser, node)
            elif node.has_fieldname and node.fieldname in _EXPANDED:
                copies = []
                for name in _EXPANDED[node.fieldname]:
                    fielded = copy.copy(node)
                    fielded.set_fieldname(name, override=True)
                    copies.append(fielded)
                group[i] = syntax.OrGroup(copies)
        return group


# Each name a word's field may have before expansion, with the fields it stands for.
_EXPANDED: dict[str, tuple[str, ...]] = {
    **FIELD_ALIASES,
    **{f"{SCOPE_FIELD}:{pane}": (*FIELD_ALIASES[pane], f"{SPELLING_FIELD}:{pane}")
       for pane in ("original", "translation")},
}  # fmt: skip


class _ScopePlugin(Plugin):  # type: ignore[misc]
    """`in:original` / `in:translation`: the query's unfielded words search that side only.

    The term is taken out wherever it stands and applies to the whole query; words with a
    field of their own (`title:`, `translation:`) keep it.
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        # After explicit field names (100), before the pane aliases (105) expand it.
        return [(self._apply, 102)]

    def _apply(self, parser: Any, group: Any) -> Any:
        scopes: set[str] = set()
        group = self._take(group, scopes)
        if len(scopes) > 1:
            raise QueryError("a query searches in:original or in:translation, not both")
        if scopes and (pane := scopes.pop()) != "anywhere":
            self._limit(group, pane)
        return group

    def _take(self, group: Any, scopes: set[str]) -> Any:
        kept = group.empty_copy()
        for node in group:
            if isinstance(node, syntax.GroupNode):
                if node.has_fieldname and node.fieldname == SCOPE_FIELD:
                    raise QueryError("write in:original or in:translation, without brackets")
                kept.append(self._take(node, scopes))
            elif node.has_fieldname and node.fieldname == SCOPE_FIELD:
                scopes.add(scope_named(getattr(node, "text", "") or ""))
            else:
                kept.append(node)
        return kept

    def _limit(self, group: Any, pane: str) -> None:
        for node in group:
            if isinstance(node, syntax.GroupNode):
                self._limit(node, pane)
            elif node.has_fieldname and node.fieldname is None:
                node.set_fieldname(scoped(pane))


def scoped(pane: str) -> str:
    """The name a word limited to one side carries until `_AliasPlugin` expands it."""
    return f"{SCOPE_FIELD}:{pane}"


def _spelling_pane(fieldname: str | None) -> str | None:
    """For the spelling field ("") or its copy limited to a side (the pane); else None."""
    if fieldname == SPELLING_FIELD:
        return ""
    if fieldname and fieldname.startswith(SPELLING_FIELD + ":"):
        return fieldname.partition(":")[2]
    return None


class _SpellingPhrasePlugin(Plugin):  # type: ignore[misc]
    """A quoted phrase seeks its words' spelling keys together (the field has no positions).

    Only a phrase with a word written as a name (a capital, Han or Hangul: "Kim Il Sung",
    "Chou En-lai") does: the field holds names' keys only, so a phrase of common words
    ("passed on aid") would seek the keys of sentence starts, and its second evaluation
    for the total made phrases 2.2x slower at p95 on 10,000 pages.
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        return [(self._split, 111)]  # just after unfielded words were spread over the fields

    def _split(self, parser: Any, group: Any) -> Any:
        kept = group.empty_copy()
        for node in group:
            if isinstance(node, syntax.GroupNode):
                kept.append(self._split(parser, node))
            elif isinstance(node, PhrasePlugin.PhraseNode) and \
                    _spelling_pane(node.fieldname) is not None:
                if not any(looks_like_name(text) for text in node.text.split()):
                    continue
                words = []
                for text in node.text.split():
                    word = syntax.WordNode(text)
                    word.set_fieldname(node.fieldname, override=True)
                    word.startchar, word.endchar = node.startchar, node.endchar
                    words.append(word)
                kept.append(syntax.AndGroup(words))
            else:
                kept.append(node)
        return kept


class _JoinedNamePlugin(Plugin):  # type: ignore[misc]
    """A name typed as three words also seeks its last two as one word (Mao Tse Tung).

    `Mao Tse Tung` then finds Mao Zedong: Tse and Tung are syllables of one word there. Only
    for three words written as names, alone in a group (no AND, OR, NOT): for two words it
    found more other names' pages than the name (bench.spelling_eval).
    """

    def filters(self, parser: Any) -> list[tuple[Any, int]]:
        return [(self._join, 112)]  # after the phrases' split, before whitespace goes

    def _join(self, parser: Any, group: Any) -> Any:
        nodes = [node for node in group if not isinstance(node, syntax.Whitespace)]
        names = [_name_word(node) for node in nodes]
        operators = any(isinstance(node, syntax.Operator) for node in nodes)
        if operators or len(nodes) != 3 or not all(names):
            for i, node in enumerate(group):
                if isinstance(node, syntax.GroupNode):
                    group[i] = self._join(parser, node)
            return group
        (_, first), (fieldname, second) = names[-2], names[-1]  # type: ignore[misc]
        joined = syntax.WordNode(f"{first} {second}")
        joined.set_fieldname(fieldname, override=True)
        joined.startchar, joined.endchar = nodes[-2].startchar, nodes[-1].endchar
        kept = group.empty_copy()
        kept.extend(nodes[:-2])
        kept.append(syntax.OrGroup([syntax.AndGroup(nodes[-2:]), joined]))
        return kept


def _name_word(node: Any) -> tuple[str, str] | None:
    """(spelling field name, word) of a word spread over the fields, if written as a name."""
    if not isinstance(node, syntax.OrGroup):
        return None
    for child in node:
        pane = _spelling_pane(getattr(child, "fieldname", None))
        if pane is not None and isinstance(child, syntax.WordNode):
            text = child.text
            if text.isalpha() and looks_like_name(text):
                return child.fieldname, text
    return None


class _Parser(QueryParser):  # type: ignore[misc]
    """whoosh's parser; prefixes and wildcards are not stemmed, and spellings are keyed.

    The spelling field is sought through `spelling_query`.
    """

    def term_query(
        self,
        fieldname: str,
        text: str,
        termclass: Any,
        boost: float = 1.0,
        tokenize: bool = True,
        removestops: bool = True,
    ) -> Any:
        pane = _spelling_pane(fieldname)
        if pane is not None:
            if termclass is not wq.Term:
                return wq.NullQuery  # prefixes and wildcards are sought as written
            return spelling_query(text, boost * SPELLING_BOOST, pane)
        text = text.removeprefix(EXACT)
        if termclass not in (wq.Prefix, wq.Wildcard) or fieldname not in self.schema:
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        field = self.schema[fieldname]
        if field.self_parsing():
            return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)
        # The index holds stems; a prefix is matched against them unstemmed, plus stemmed
        # when that keeps enough of it (see _MIN_STEMMED_PREFIX).
        lowered = fold(text)
        stemmer = _FIELD_STEMMERS.get(fieldname)
        if termclass is wq.Prefix and stemmer is not None:
            stemmed = stemmer(lowered)
            if stemmed != lowered and len(stemmed) >= _MIN_STEMMED_PREFIX:
                return wq.Or(
                    [
                        wq.Prefix(fieldname, lowered, boost=boost),
                        wq.Prefix(fieldname, stemmed, boost=boost),
                    ]
                )
        return termclass(fieldname, lowered, boost=boost)


def build_parser(schema: Any) -> Any:
    """A query parser over `schema`, searching DEFAULT_FIELDS for unfielded words."""
    parse_schema = copy.deepcopy(schema)
    for alias in FIELD_ALIASES:
        # Known to the parser so `original:` is read as a field name, then expanded by the plugin.
        parse_schema.add(alias, schema["title"].__class__())
    parser = _Parser(None, parse_schema, group=syntax.AndGroup, phraseclass=Phrase)
    parser.remove_plugin_class(FieldsPlugin)
    parser.add_plugin(FieldsPlugin(remove_unknown=False))
    parser.add_plugin(MultifieldPlugin(list(DEFAULT_FIELDS), group=OrGroup))
    parser.add_plugin(_ScopePlugin())
    parser.add_plugin(_AliasPlugin())
    parser.add_plugin(_SpellingPhrasePlugin())
    parser.add_plugin(_JoinedNamePlugin())
    parser.add_plugin(GtLtPlugin())
    parser.schema_fields = frozenset(schema.names())
    return parser


def parse_query(parser: Any, text: str, spelling: bool = True) -> Any:
    """Parse `text`; None for a blank query. `spelling=False`: no spelling-blind matches.

    Raises:
        QueryError: for unbalanced quotes or brackets, unknown fields, unreadable dates and
            anything else the parser cannot make sense of.
    """
    if not text.strip():
        return None
    _check_balance(text)
    try:
        parsed = parser.parse(text, normalize=False)
    except QueryError:
        raise
    except Exception as error:  # whoosh raises bare Exceptions, e.g. for bad range dates
        raise QueryError(f"cannot read the query: {error}") from None
    known: frozenset[str] = parser.schema_fields
    for node in _walk(parsed):
        if getattr(node, "error", None):
            raise QueryError(f"cannot read the query: {node.error}")
        fieldname = getattr(node, "fieldname", None)
        if fieldname is not None and fieldname not in known:
            raise QueryError(
                f"unknown field {fieldname!r}; put text with a colon in quotes, "
                f"or use one of: {', '.join(sorted(_user_fields(known)))}"
            )
    if not spelling:
        parsed = _without_spelling(parsed)
    try:
        return parsed.normalize()
    except Exception as error:
        raise QueryError(f"cannot read the query: {error}") from None


def _without_spelling(node: Any) -> Any:
    if getattr(node, "fieldname", None) == SPELLING_FIELD:
        return wq.NullQuery
    return node.apply(_without_spelling) if not node.is_leaf() else node


def without_spelling(parsed: Any) -> Any:
    """A parsed query without its spelling-blind matches (as `parse_query(..., False)`)."""
    return _without_spelling(parsed).normalize()


def spelling_only(parsed: Any) -> Any | None:
    """For a union of exact and spelling-blind queries (one word), its spelling-blind part.

    A document that no exact part matches scores in the union what the spelling-blind part
    gives it: once every exact match is placed, the rest are ranked by that part alone,
    without stepping the exact fields again. None for any other query (words joined by AND:
    a document may match one word exactly and another in another spelling).
    """
    if type(parsed) is not wq.Or:
        return None
    spelled = []
    for sub in parsed.subqueries:
        leaves = [node for node in _walk(sub) if node.is_leaf()]
        kinds = {isinstance(leaf, SpellingTerm) for leaf in leaves}
        if kinds == {True} and all(type(n) in (wq.And, wq.Or) for n in _walk(sub)
                                   if not n.is_leaf()):  # fmt: skip
            spelled.append(sub)
        elif True in kinds:
            return None
    if not spelled or len(spelled) == len(parsed.subqueries):
        return None
    return spelled[0] if len(spelled) == 1 else wq.Or(spelled)


def has_negation(parsed: Any) -> bool:
    """Whether a parsed query leaves documents out (NOT, AND NOT) anywhere."""
    return any(isinstance(node, wq.Not | wq.AndNot) for node in _walk(parsed))


def _walk(node: Any) -> Any:
    yield node
    for child in node.children():
        yield from _walk(child)


def _user_fields(known: frozenset[str]) -> set[str]:
    internal = {"path", "kind", "entry", "texts", SPELLING_FIELD, *TEXT_FIELDS}
    return (set(known) - internal) | set(FIELD_ALIASES) | {SCOPE_FIELD}


_QUOTED = re.compile(r'"[^"]*"')


def _check_balance(text: str) -> None:
    if text.count('"') % 2:
        raise QueryError('unclosed quote: every " needs a partner')
    unquoted = _QUOTED.sub("", text)
    depth = 0
    for char in unquoted:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            raise QueryError("a ')' without its '('")
    if depth:
        raise QueryError("a '(' without its ')'")
    if unquoted.count("[") != unquoted.count("]") or unquoted.count("{") != unquoted.count("}"):
        raise QueryError("unclosed range: write ranges as date:[1950 TO 1951]")

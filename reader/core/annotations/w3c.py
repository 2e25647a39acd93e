"""W3C Web Annotation JSON-LD: annotations out as a collection, and back in again.

Everything Diglot keeps that the W3C model has no word for (side, translation, paragraph,
content hash, status, category colour, the projection) travels under the `diglot:` prefix, so
the round trip keeps every field. The annotation's id is its IRI: importing a file twice
updates the same annotations instead of adding copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reader.core.annotations.model import STATUSES, Anchor, Annotation, Category
from reader.core.annotations.opening import Placed

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DIGLOT = "urn:diglot:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"diglot": DIGLOT}]
SOURCE_PREFIX = "urn:diglot:document:"


class W3CError(ValueError):
    """A file that is not W3C annotations Diglot can read; the message says where."""


def to_w3c(placed: Placed, category: Category) -> dict[str, Any]:
    """One annotation as a W3C Web Annotation (JSON-LD), with its projection when it has one."""
    a = placed.annotation
    body: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "classifying",
                                   "value": category.name, "diglot:colour": category.colour}]
    if a.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": a.note,
                     "format": "text/plain"})
    body.extend({"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in a.tags)
    source = SOURCE_PREFIX + a.document
    targets: list[dict[str, Any]] = [{
        "source": source,
        "diglot:side": a.side,
        "diglot:translation": a.translation,
        "diglot:paragraph": a.anchor.paragraph,
        "diglot:contentHash": a.content_hash,
        "diglot:status": a.status,
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.anchor.exact, "prefix": a.anchor.prefix,
             "suffix": a.anchor.suffix},
            {"type": "TextPositionSelector", "start": a.anchor.start, "end": a.anchor.end},
        ],
    }]
    projection = placed.projection
    if projection is not None and placed.projected_quote:
        targets.append({
            "source": source,
            "diglot:projected": True,
            "diglot:side": projection.pane,
            "diglot:translation": a.translation,
            "diglot:uncertain": projection.uncertain,
            "diglot:confidence": round(projection.confidence, 3),
            "selector": [{"type": "TextQuoteSelector", "exact": placed.projected_quote}],
        })
    return {
        "@context": CONTEXT,
        "id": a.id,
        "type": "Annotation",
        "motivation": "commenting" if a.note else "highlighting",
        "created": a.created,
        "modified": a.modified,
        "body": body,
        "target": targets,
    }


def collection(placed: Iterable[Placed], categories: Sequence[Category], label: str
               ) -> dict[str, Any]:
    """An AnnotationCollection holding every annotation given, in one AnnotationPage."""
    by_id = {c.id: c for c in categories}
    items = [to_w3c(p, by_id[p.annotation.category]) for p in placed]
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def items_of(data: Any, name: str) -> list[Mapping[str, Any]]:
    """The annotations in a collection, a page, a list of annotations or a single one.

    Raises:
        W3CError: when `data` is none of those.
    """
    if isinstance(data, list):
        return [_mapping(item, name) for item in data]
    data = _mapping(data, name)
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if kind == "AnnotationPage":
        return [_mapping(item, name) for item in data.get("items", [])]
    if kind == "AnnotationCollection":
        first = data.get("first", {})
        return items_of(first, name) if first else []
    raise W3CError(f"{name}: expected an Annotation, AnnotationPage or AnnotationCollection, "
                   f"not {kind!r}")


def from_w3c(data: Mapping[str, Any], name: str) -> tuple[Annotation, Category]:
    """An annotation read back, and its category by name and colour (its id is not the store's).

    Raises:
        W3CError: naming `name` and the annotation when a required field is missing or wrong.
    """
    where = f"{name}: annotation {data.get('id', '(no id)')}"
    try:
        if data.get("type") != "Annotation" or not isinstance(data.get("id"), str):
            raise W3CError(f"{where}: not an Annotation with an id")
        targets = data["target"]
        targets = targets if isinstance(targets, list) else [targets]
        [target] = [t for t in targets if not t.get("diglot:projected")]
        source = str(target["source"])
        if not source.startswith(SOURCE_PREFIX):
            raise W3CError(f"{where}: its source {source!r} is not a Diglot document")
        selectors = {s["type"]: s for s in target["selector"]}
        quote = selectors["TextQuoteSelector"]
        position = selectors.get("TextPositionSelector", {"start": 0, "end": 0})
        body = data.get("body", [])
        body = body if isinstance(body, list) else [body]
        by_purpose: dict[str, list[Mapping[str, Any]]] = {}
        for item in body:
            by_purpose.setdefault(str(item.get("purpose", "")), []).append(item)
        [kind] = by_purpose.get("classifying", [{"value": "claim"}])[:1]
        status = target.get("diglot:status", "anchored")
        side = target.get("diglot:side", "original")
        if status not in STATUSES or side not in ("original", "translation"):
            raise W3CError(f"{where}: unknown side {side!r} or status {status!r}")
        annotation = Annotation(
            id=data["id"], document=source.removeprefix(SOURCE_PREFIX),
            content_hash=str(target.get("diglot:contentHash", "")), side=side,
            translation=int(target.get("diglot:translation", 0)),
            anchor=Anchor(str(quote["exact"]), str(quote.get("prefix", "")),
                          str(quote.get("suffix", "")), int(position["start"]),
                          int(position["end"]), int(target.get("diglot:paragraph", 0))),
            category=0,
            note="\n\n".join(str(b["value"]) for b in by_purpose.get("commenting", [])),
            tags=tuple(str(b["value"]) for b in by_purpose.get("tagging", [])),
            created=str(data.get("created", "")), modified=str(data.get("modified", "")),
            status=status)
        category = Category(0, str(kind["value"]), str(kind.get("diglot:colour", "#888888")))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        if isinstance(error, W3CError):
            raise
        raise W3CError(f"{where}: missing or malformed {error}") from None
    return annotation, category


def _mapping(value: Any, name: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise W3CError(f"{name}: expected a JSON object, found {type(value).__name__}")
    return value

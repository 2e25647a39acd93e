"""An export as JSON: the document, its paragraph alignment and its annotations, for scripts.

Paragraph numbers are 1-based, as the printout's margin numbers them; the texts are as the
page holds them, so a script can find every quote in its paragraph.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from reader.core.export.parts import Export
from reader.core.text_range import PANES

FORMAT = "diglot-export"
VERSION = 1


def export_dict(export: Export) -> dict[str, Any]:
    """`export` as plain data (see `to_json` for the shape)."""
    texts: dict[str, Any] = {}
    present = {"original": export.has_original, "translation": export.has_translation}
    languages = {"original": export.original_language,
                 "translation": export.translation_language}
    for pane in PANES:
        if present[pane]:
            texts[pane] = {
                "language": languages[pane],
                "paragraphs": [p.text for row in export.rows for p in row.side(pane)],
            }
    if "translation" in texts:
        texts["translation"]["index"] = export.translation_index
    return {
        "format": FORMAT,
        "version": VERSION,
        "document": {
            "id": export.document_id, "record_id": export.record_id, "title": export.title,
            "date": export.date, "type": export.type, "summary": export.summary,
            "source": export.source,
            "citations": [{k: v for k, v in asdict(c).items() if v} for c in export.citations],
            "citation": export.citation, "rights": list(export.rights_full),
        },
        "texts": texts,
        "alignment": [
            {"original": [p.number for p in row.original],
             "translation": [p.number for p in row.translation]}
            for row in export.rows if row.original and row.translation
        ],
        "annotations": [
            {
                "number": n.number, "id": n.id, "side": n.side, "category": n.category,
                "colour": n.colour, "status": n.status, "quote": n.quote,
                "projected_quote": n.projected_quote, "note": n.note, "tags": list(n.tags),
                "paragraphs": list(n.paragraphs),
                "projected_paragraphs": list(n.projected_paragraphs),
                "projection_uncertain": n.uncertain, "pinpoint": n.pinpoint,
            }
            for n in export.notes
        ],
    }


def to_json(export: Export) -> str:
    """`export` as indented JSON text (UTF-8 characters kept, not escaped), ending in a newline.

    The object holds "format" ("diglot-export"), "version", "document" (metadata, parsed
    citations, the Chicago note, rights), "texts" (each side's language and paragraphs),
    "alignment" (paired paragraph numbers) and "annotations" (by number, with both quotes,
    note, tags, status and pinpoint citation).
    """
    return json.dumps(export_dict(export), ensure_ascii=False, indent=2) + "\n"

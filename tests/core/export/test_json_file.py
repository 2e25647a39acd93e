from __future__ import annotations

import json

from reader.core.document import Document
from reader.core.export.json_file import FORMAT, to_json
from tests.core.export.conftest import Exporter
from tests.core.export.made_up_annotations import MADE_UP, ORPHAN_QUOTE


def test_json_holds_document_texts_alignment_and_annotations(exporter: Exporter,
                                                             seed: Document) -> None:
    data = json.loads(to_json(exporter("facing")))
    assert (data["format"], data["version"]) == (FORMAT, 1)
    document = data["document"]
    assert (document["record_id"], document["id"]) == ("113729", seed.id)
    assert document["citations"][0]["archive_name"] == \
        "Archive of the President of the Russian Federation"
    assert document["citations"][0]["folios"] == "99-103"
    assert len(document["rights"]) == 2
    assert seed.original is not None
    assert data["texts"]["original"] == {"language": "ru",
                                         "paragraphs": list(seed.original.paragraphs)}
    assert data["texts"]["translation"]["paragraphs"] == list(seed.translations[0].paragraphs)
    assert data["texts"]["translation"]["index"] == 0
    assert data["alignment"][0] == {"original": [1], "translation": [1]}
    annotations = data["annotations"]
    assert [a["number"] for a in annotations] == list(range(1, len(MADE_UP) + 2))
    seoul = annotations[0]
    assert (seoul["quote"], seoul["side"], seoul["status"]) == ("В районе Сеула", "original",
                                                                "anchored")
    assert seoul["projected_quote"].startswith("Our Korean friends have no troops")
    assert seoul["paragraphs"] == [6] and seoul["projected_paragraphs"] == [6]
    assert (annotations[-1]["quote"], annotations[-1]["status"]) == (ORPHAN_QUOTE, "orphaned")
    paragraphs = data["texts"]["original"]["paragraphs"]
    for item in annotations[:-1]:
        side = data["texts"][item["side"]]["paragraphs"]
        assert item["quote"] in side[item["paragraphs"][0] - 1]
    assert "Сеула" in to_json(exporter("facing"))  # UTF-8 kept, not \u-escaped
    assert paragraphs[5].count("В районе Сеула") == 1

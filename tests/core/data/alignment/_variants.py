"""Made-up variants of the real seed: edited copies for testing the aligner, not records.

Each variant is the seed's real text with its paragraphs edited: dropped, merged, split, or with
a made-up translator's note inserted. No variant is a record or a real translation; their files
are named `made_up_variant_*.json`. An inserted note says in its own words that it is made up.
Their gold follows from the seed's hand alignment through the edits (`_gold_model`).

Edits are applied in order; indices count paragraphs as they stand after the previous edits.
Paragraphs of the seed (both sides): 0-3 header lines (sent to, date, address, "for immediate
transmission"), 4-7 the body, 8 "Жду Вашего ответа.", 9 "Привет", 10 the signature, 11 the date.

TUNING were written down, with their gold, before the aligner was changed for this set.
EARLIER_HELD_OUT were held out until the exonym table learnt Russian case forms (a change to
the aligner's anchors after they had been run): they count with TUNING since.
HELD_OUT were written down and committed after that last change to the aligner, before it was
first run on them: their score is the honest figure.
"""

from __future__ import annotations

from typing import Any

ORIG, TRAN = 0, 1  # the original's side, the translation's side
LINE = "\n"  # header lines and signatures merged keep their line breaks

Edit = tuple[Any, ...]
Variant = tuple[str, str, list[Edit]]

NOTE_INSIDE = (
    "[Translator's note, made up for this test: the figures in this paragraph follow the "
    "original.]"
)
NOTE_START = (
    "[Made-up translator's note for this test: the header lines are typed in the original.]"
)

TUNING: list[Variant] = [
    ("merge_original_start_2", "Russian header lines 0-1 as one paragraph",
     [("merge", ORIG, 0, 2, LINE)]),
    ("merge_translation_start_2", "English header lines 0-1 as one paragraph",
     [("merge", TRAN, 0, 2, LINE)]),
    ("merge_original_start_3", "Russian header lines 0-2 as one paragraph",
     [("merge", ORIG, 0, 3, LINE)]),
    ("merge_translation_start_3", "English header lines 0-2 as one paragraph",
     [("merge", TRAN, 0, 3, LINE)]),
    ("merge_original_end_2", "Russian greeting and signature as one paragraph",
     [("merge", ORIG, 9, 2, LINE)]),
    ("merge_translation_end_2", "English signature and date as one paragraph",
     [("merge", TRAN, 10, 2, LINE)]),
    ("merge_original_end_3", "Russian greeting, signature and date as one paragraph",
     [("merge", ORIG, 9, 3, LINE)]),
    ("merge_translation_end_3", "English greeting, signature and date as one paragraph",
     [("merge", TRAN, 9, 3, LINE)]),
    ("merge_translation_reply_greeting", "English 'I await your reply.' and 'Greetings,' joined",
     [("merge", TRAN, 8, 2, " ")]),
    ("merge_original_header_translation_end", "Russian lines 1-2 merged, English 9-10 merged",
     [("merge", ORIG, 1, 2, LINE), ("merge", TRAN, 9, 2, LINE)]),
    ("merge_original_start_3_translation_end_3", "3-1 at the start in Russian, at the end in "
     "English", [("merge", ORIG, 0, 3, LINE), ("merge", TRAN, 9, 3, LINE)]),
    ("merge_original_end_2_translation_start_3", "2-1 at the end in Russian, 3-1 at the start "
     "in English", [("merge", ORIG, 10, 2, LINE), ("merge", TRAN, 0, 3, LINE)]),
    ("merge_translation_start_pairs", "English header lines 0-1 and 2-3 merged in pairs",
     [("merge", TRAN, 0, 2, LINE), ("merge", TRAN, 1, 2, LINE)]),
    ("drop_both_7", "body paragraph 7 missing on both sides",
     [("drop", ORIG, 7), ("drop", TRAN, 7)]),
    ("drop_both_9", "the greeting missing on both sides", [("drop", ORIG, 9), ("drop", TRAN, 9)]),
    ("drop_original_3_translation_7", "a header line lost in Russian, a body paragraph in "
     "English", [("drop", ORIG, 3), ("drop", TRAN, 7)]),
    ("drop_original_10_translation_9", "the signature lost in Russian, the greeting in English",
     [("drop", ORIG, 10), ("drop", TRAN, 9)]),
    ("drop_original_0_translation_11", "the first line lost in Russian, the last in English",
     [("drop", ORIG, 0), ("drop", TRAN, 11)]),
    ("drop_translation_0_merge_original_end_2", "English first line lost; Russian greeting and "
     "signature merged", [("drop", TRAN, 0), ("merge", ORIG, 9, 2, LINE)]),
    ("note_translation_after_5", "a made-up translator's note after English paragraph 5",
     [("insert", TRAN, 6, NOTE_INSIDE)]),
    ("note_translation_start", "a made-up translator's note before the English text",
     [("insert", TRAN, 0, NOTE_START)]),
    ("split_translation_5", "English paragraph 5 split before its fourth sentence",
     [("split", TRAN, 5, 3)]),
    ("split_original_5", "Russian paragraph 5 split before its third sentence",
     [("split", ORIG, 5, 2)]),
    ("split_translation_5_in_three", "English paragraph 5 split in three",
     [("split", TRAN, 5, 2), ("split", TRAN, 6, 1)]),
    ("merge_original_body_4_5", "Russian body paragraphs 4 and 5 as one",
     [("merge", ORIG, 4, 2, " ")]),
]

NOTE_END = (
    "[Translator's note, made up for this test: the date below is handwritten in the original.]"
)

EARLIER_HELD_OUT: list[Variant] = [
    ("merge_translation_header_1_2", "English date and address lines as one paragraph",
     [("merge", TRAN, 1, 2, LINE)]),
    ("merge_original_reply_greeting", "Russian 'Жду Вашего ответа.' and 'Привет' joined",
     [("merge", ORIG, 8, 2, " ")]),
    ("merge_translation_end_3_from_8", "English reply, greeting and signature as one paragraph",
     [("merge", TRAN, 8, 3, LINE)]),
    ("merge_original_header_1_3", "Russian date, address and 'for immediate transmission' as "
     "one paragraph", [("merge", ORIG, 1, 3, LINE)]),
    ("drop_both_2", "the address line missing on both sides",
     [("drop", ORIG, 2), ("drop", TRAN, 2)]),
    ("drop_original_9_translation_1", "the greeting lost in Russian, the date line in English",
     [("drop", ORIG, 9), ("drop", TRAN, 1)]),
    ("note_translation_before_date", "a made-up translator's note before the English date",
     [("insert", TRAN, 11, NOTE_END)]),
    ("split_original_6", "Russian paragraph 6 split before its second sentence",
     [("split", ORIG, 6, 1)]),
    ("split_translation_5_merge_original_end_3", "English paragraph 5 split before its third "
     "sentence; Russian greeting, signature and date as one paragraph",
     [("split", TRAN, 5, 2), ("merge", ORIG, 9, 3, LINE)]),
]

NOTE_BODY = (
    "[Made-up translator's note for this test: the original repeats the word here.]"
)

HELD_OUT: list[Variant] = [
    ("merge_translation_end_2_from_9", "English greeting and signature as one paragraph",
     [("merge", TRAN, 9, 2, LINE)]),
    ("drop_both_0", "the first header line missing on both sides",
     [("drop", ORIG, 0), ("drop", TRAN, 0)]),
    ("drop_both_11", "the closing date missing on both sides",
     [("drop", ORIG, 11), ("drop", TRAN, 11)]),
    ("merge_original_start_2_translation_header_2_3", "Russian lines 0-1 merged, English "
     "lines 2-3 merged", [("merge", ORIG, 0, 2, LINE), ("merge", TRAN, 2, 2, LINE)]),
    ("split_original_4_drop_translation_8", "Russian paragraph 4 split before its second "
     "sentence; English 'I await your reply.' lost", [("split", ORIG, 4, 1), ("drop", TRAN, 8)]),
    ("note_translation_after_7_merge_translation_end_2", "a made-up translator's note after "
     "English paragraph 7; English signature and date merged",
     [("insert", TRAN, 8, NOTE_BODY), ("merge", TRAN, 11, 2, LINE)]),
]

"""The real seed, record 113729, aligned by hand.

The texts are not copied here: they are read from `seeds/000_6ac3a21e3d46086e.txt`, the archive's
page byte for byte. What is written here by hand is where each sentence starts (its paragraph and
its first words) and which sentences translate which. Every paragraph of both texts pairs 1-1 with
its counterpart; inside them the sentences pair 1-1 except one: "В районе Сеула ... нужно считать
открытым." is two English sentences ("Our Korean friends ... Seoul." "Hence, ... wide open.").
The header lines pair as the page has them: "Передано т.Булганину [из Сочи]" with "Transmitted to
Bulganin", "1.X..50 г." with "On 1.X.50 [1 October 1950]", "Пекин   Совпосол" with "To BEIJING,
SOVIET AMBASSADOR"; at the end "Привет" with "Greetings,", "ФИЛИППОВ" with "F I L I P P O V
[STALIN]", "1 октября  1950 г." with "1 October 1950".
"""

from __future__ import annotations

from pathlib import Path

from _gold_model import Doc, Side

from reader.core.page.parser import parse_page

Start = tuple[int, str]  # (paragraph, the sentence's first characters)

SEED_BEADS: list[tuple[list[Start], list[Start]]] = [
    ([(0, "Передано")], [(0, "Transmitted")]),
    ([(1, "1.X..50")], [(1, "On 1.X.50")]),
    ([(2, "Пекин")], [(2, "To BEIJING")]),
    ([(3, "Для немедленной")], [(3, "For immediate")]),
    ([(4, "“Я нахожусь")], [(4, "I am far away")]),
    ([(4, "Однако по")], [(4, "However, judging")]),
    ([(5, "Москва еще")], [(5, "It was on 16")]),
    ([(5, "Москва предупреждала")], [(5, "Moscow admonished")]),
    ([(5, "Но командование")], [(5, "However, the 1")]),
    ([(5, "В районе Сеула")], [(5, "Our Korean friends"), (5, "Hence, one")]),
    ([(6, "Я думаю")], [(6, "I think that")]),
    ([(6, "Китайские дивизии")], [(6, "The Chinese divisions")]),
    ([(7, "Я ничего")], [(7, "I have not")]),
    ([(8, "Жду")], [(8, "I await")]),
    ([(9, "Привет")], [(9, "Greetings,")]),
    ([(10, "ФИЛИППОВ")], [(10, "F I L I P P O V")]),
    ([(11, "1 октября")], [(11, "1 October")]),
]


def seed_doc(page: Path) -> Doc:
    """The seed page's texts cut at the hand-written sentence starts, linked as `SEED_BEADS`."""
    document = parse_page(page)
    assert document.original is not None
    texts = (document.original, document.translations[0])
    starts: list[dict[Start, int]] = [{}, {}]  # (paragraph, prefix) -> character offset
    for bead in SEED_BEADS:
        for s, side_starts in enumerate(bead):
            for paragraph, prefix in side_starts:
                text = texts[s].paragraphs[paragraph]
                assert text.count(prefix) == 1, (paragraph, prefix)
                starts[s][(paragraph, prefix)] = text.index(prefix)
    sides = (Side(texts[0].language), Side(texts[1].language))
    ids: list[dict[Start, int]] = [{}, {}]
    next_id = 0
    for s, side in enumerate(sides):
        for paragraph, text in enumerate(texts[s].paragraphs):
            mine = sorted((offset, key) for key, offset in starts[s].items() if key[0] == paragraph)
            assert mine and mine[0][0] == 0, (s, paragraph)  # every paragraph is covered
            side.paragraphs.append([])
            for k, (offset, key) in enumerate(mine):
                end = mine[k + 1][0] if k + 1 < len(mine) else len(text)
                sentence = text[offset:end].rstrip()
                if k:
                    previous = side.texts[next_id - 1]
                    side.joiner[next_id] = text[mine[k - 1][0] + len(previous) : offset]
                side.texts[next_id] = sentence
                side.paragraphs[-1].append(next_id)
                ids[s][key] = next_id
                next_id += 1
    links = [([ids[0][k] for k in a], [ids[1][k] for k in b]) for a, b in SEED_BEADS]
    note = "The archive's page of record 113729, aligned by hand."
    return Doc("seed", sides, links, note)

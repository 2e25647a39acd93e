from __future__ import annotations

from itertools import pairwise

import pytest

from reader.core.text.sentences import sentence_texts, split_sentences

CASES: list[tuple[str, str, list[str]]] = [
    ("ru", "событий в Корее.Однако по сведениям", ["событий в Корее.", "Однако по сведениям"]),
    ("ru", "из Москвы , я вижу. Далее", ["из Москвы , я вижу.", "Далее"]),
    ("ru", "Передано т.Булганину [из Сочи]", ["Передано т.Булганину [из Сочи]"]),
    ("ru", "Это было в 1950 г. в Москве. Потом", ["Это было в 1950 г. в Москве.", "Потом"]),
    ("ru", "См. ст. 5 договора. Далее", ["См. ст. 5 договора.", "Далее"]),
    ("ru", "Письмо ЦК ВКП(б) т.Сталину. Ответ", ["Письмо ЦК ВКП(б) т.Сталину.", "Ответ"]),
    ("ru", "Письмо ЦК ВКП(б). Ответ пришел.", ["Письмо ЦК ВКП(б).", "Ответ пришел."]),
    ("ru", "1.X..50 г.", ["1.X..50 г."]),
    ("ru", "Пхеньян, 13.1.51 Получено.", ["Пхеньян, 13.1.51 Получено."]),
    ("ru", "Товарищ И.В.Сталин сказал. Все", ["Товарищ И.В.Сталин сказал.", "Все"]),
    ("ru", "Он ушел... Затем пришел... и ушел.", ["Он ушел...", "Затем пришел... и ушел."]),
    ("ru", "Он сказал: «Идите.» Потом ушел.", ["Он сказал: «Идите.»", "Потом ушел."]),
    ("ru", "1. Первый пункт. 2. Второй пункт.", ["1. Первый пункт.", "2. Второй пункт."]),
    ("ru", "Привет.”", ["Привет.”"]),
    ("ru", "1.X..50 г.\nПекин   Совпосол", ["1.X..50 г.", "Пекин   Совпосол"]),
    ("en", "From J. V. Stalin to Cde. Kim. Done.", ["From J. V. Stalin to Cde. Kim.", "Done."]),
    ("en", "Gen. MacArthur left the U.S. zone today. Then", ["Gen. MacArthur left the U.S. zone today.", "Then"]),  # noqa: E501
    ("en", "It was [...] open. Next", ["It was [...] open.", "Next"]),
    ("en", "Go [Translator's note: sic. Really.] here. Now", ["Go [Translator's note: sic. Really.] here.", "Now"]),  # noqa: E501
    ("en", 'He said "No." Then he left.', ['He said "No."', "Then he left."]),
    ("en", "Wait... and then? Yes!", ["Wait... and then?", "Yes!"]),
    ("en", "The ratio was 1.5 to 2. Fine", ["The ratio was 1.5 to 2.", "Fine"]),
    ("de", "Am 17. Juni 1953 kam es zu Unruhen. Die Polizei z.B. griff ein.", ["Am 17. Juni 1953 kam es zu Unruhen.", "Die Polizei z.B. griff ein."]),  # noqa: E501
    ("de", "Nr. 5 ist hier. Gez. Fischer", ["Nr. 5 ist hier.", "Gez. Fischer"]),
    ("fr", "M. Dupont est arrivé. Il est parti le 3 oct. 1950.", ["M. Dupont est arrivé.", "Il est parti le 3 oct. 1950."]),  # noqa: E501
    ("zh", "我在莫斯科。你好！真的吗？好。", ["我在莫斯科。", "你好！", "真的吗？", "好。"]),
    ("zh", "他说：“我们同意。”然后走了。", ["他说：“我们同意。”", "然后走了。"]),
    ("ja", "モスクワにいます。元気です！", ["モスクワにいます。", "元気です！"]),
    ("ko", "서울에 있다. 그리고 갔다.", ["서울에 있다.", "그리고 갔다."]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_split(language: str, text: str, expected: list[str]) -> None:
    assert sentence_texts(text, language) == expected


def test_offsets_index_the_text_as_written() -> None:
    text = "  Первое.Второе  предложение ,да.   Третье. "
    spans = split_sentences(text, "ru")
    assert [text[s:e] for s, e in spans] == ["Первое.", "Второе  предложение ,да.", "Третье."]
    assert spans[0][0] == 2
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences("   ", "en") == []
    assert split_sentences("", "ru") == []


def test_a_paragraph_of_thousands_of_sentences_splits_at_each() -> None:
    # Made-up sentences. Every full stop sliced the rest of the paragraph (a megabyte
    # paragraph took many minutes); the looks around it are now local.
    sentences = [f"Предложение номер {n} написано для проверки." for n in range(2000)]
    text = " ".join(sentences)
    spans = split_sentences(text, "ru")
    assert [text[start:end] for start, end in spans] == sentences

"""Which words read as Chinese or Korean syllables (where g and k may be one sound)."""

from __future__ import annotations

import pytest

from reader.core.index.syllables import PALLADIUS, PINYIN, WADE_GILES, reads_as_syllables


@pytest.mark.parametrize(
    "word",
    ["gaogang", "gao", "guangzhou", "ganggye", "kanggye", "gaeseong", "gimpo",  # pinyin, Korean
     "chiehshih", "teh", "hsiangchien", "nam", "ir",  # Wade-Giles, North Korean Ir
     "гао", "ган", "гуанчжоу", "цзэдун", "чжоуэньлай", "чжоуэнлай",  # Palladius
     "канге", "кангон", "гон", "ир", "чжон"],  # Kontsevich: г after a voiced sound
)  # fmt: skip
def test_chinese_and_korean_syllables_read(word: str) -> None:
    assert reads_as_syllables(word)


@pytest.mark.parametrize(
    "word",
    ["gero", "grotewohl", "gottwald", "budapest", "gheorghiu", "gyor", "namir", "gor",
     "гере", "герё", "гомулка", "гитлер", "гонсу", "георгиу", "гор", "тагор", "игор", "намир"],
)  # fmt: skip
def test_european_names_do_not(word: str) -> None:
    assert not reads_as_syllables(word)


def test_the_pinyin_inventory_leaves_out_interjections() -> None:
    assert {"m", "n", "ng", "hm", "hng"}.isdisjoint(PINYIN)
    assert len(PINYIN) > 400 and {"zhuang", "lve", "er"} <= PINYIN


def test_the_palladius_inventory_is_pypinyins_cyrillic_style() -> None:
    from pypinyin import Style
    from pypinyin.style import convert

    written = {convert(syllable, Style.CYRILLIC, strict=True) for syllable in PINYIN}
    older = {form[:-2] + "о" for form in written if form.endswith("уо") and len(form) > 2}
    assert written | older == PALLADIUS


def test_the_wade_giles_inventory_is_pypinyins_less_pinyin() -> None:
    from pypinyin import Style
    from pypinyin.style import convert

    from reader.core.index.spelling import fold

    written = {convert(syllable, Style.WADEGILES, strict=True) for syllable in PINYIN}
    folded = {fold(form).replace("v", "u").replace("-", "") for form in written}
    assert folded - PINYIN == WADE_GILES

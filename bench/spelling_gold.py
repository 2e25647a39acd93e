"""Writes tests/core/data/spellings/soviet.tsv: Soviet names in the schemes that spell them.

The names are real people and places of the period, in Russian; their Latin spellings are
what each convention makes of them: BGN/PCGN, ALA-LC (with its ligature ties), ISO 9 and the
scholarly system (from iuliia's scheme tables), the German (Duden) and French press
conventions (below: how German and French newspapers of the period wrote them), and the
English press spelling where it differs from BGN/PCGN (Wikipedia's scheme). Run once by hand:
`python -m bench.spelling_gold`; the other groups' files are written by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import iuliia

OUT = Path(__file__).resolve().parent.parent / "tests" / "core" / "data" / "spellings"

# id, kind, Russian (people by surname: what a reader searches for)
SOVIET = """
khrushchev person Хрущёв
molotov person Молотов
stalin person Сталин
beria person Берия
malenkov person Маленков
bulganin person Булганин
mikoyan person Микоян
kaganovich person Каганович
voroshilov person Ворошилов
zhukov person Жуков
gromyko person Громыко
brezhnev person Брежнев
kosygin person Косыгин
andropov person Андропов
suslov person Суслов
vyshinsky person Вышинский
zhdanov person Жданов
yezhov person Ежов
podgorny person Подгорный
ustinov person Устинов
chuikov person Чуйков
shcherbakov person Щербаков
roshchin person Рощин
shtykov person Штыков
zakharov person Захаров
sokolovsky person Соколовский
vasilevsky person Василевский
shelepin person Шелепин
semichastny person Семичастный
zorin person Зорин
malinovsky person Малиновский
yakovlev person Яковлев
chicherin person Чичерин
dzhugashvili person Джугашвили
moscow place Москва
khabarovsk place Хабаровск
vladivostok place Владивосток
kharkov place Харьков
sverdlovsk place Свердловск
arkhangelsk place Архангельск
chelyabinsk place Челябинск
yaroslavl place Ярославль
zhitomir place Житомир
dnepropetrovsk place Днепропетровск
irkutsk place Иркутск
"""

_DUDEN = {
    "а": "a", "б": "b", "в": "w", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "sch", "з": "s",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
    "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
}  # fmt: skip
_FRENCH = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z",
    "и": "i", "й": "ï", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "ou", "ф": "f", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
    "щ": "chtch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iou", "я": "ia",
}  # fmt: skip
_VOWELS = "аеёиоуыэюяьъ"


def _press(word: str, table: dict[str, str], german: bool) -> str:
    """A German (Duden) or French press spelling of one Russian word."""
    lowered = word.lower()
    lowered = re.sub("(ий|ый)$", "i", lowered)  # Вышинский -> Wyschinski, Vychinski
    out = []
    for i, char in enumerate(lowered):
        before = lowered[i - 1] if i else ""
        after = lowered[i + 1] if i + 1 < len(lowered) else ""
        if char == "е" and (not before or before in _VOWELS):
            out.append("je" if german else "ie")
        elif char == "ё" and before in "жчшщ":
            out.append("o" if german else "e")  # Chruschtschow, Khrouchtchev
        elif char == "с" and before and before in _VOWELS and after in _VOWELS:
            out.append("ss")
        elif char == "й" and german and after in "аеёоуэюя":
            out.append("j")
        elif char == "г" and not german and after in "еиэ":
            out.append("gu")
        elif char == "в" and german and not after:
            out.append("w")
        else:
            out.append(table.get(char, char))
    text = "".join(out)
    if german and text.endswith("ow") is False and lowered.endswith("ов"):
        text = text[:-1] + "w"
    return text[:1].upper() + text[1:]


def _spell(russian: str, scheme: str) -> str:
    words = russian.split()
    if scheme == "german":
        return " ".join(_press(word, _DUDEN, True) for word in words)
    if scheme == "french":
        return " ".join(_press(word, _FRENCH, False) for word in words)
    if scheme == "english_press":  # BGN/PCGN as newspapers print it: Khrushchev, Vyshinsky
        plain = _spell(russian, "bgn_pcgn").replace("ë", "e").replace("’", "")
        return re.sub(r"(?:iy|yy)\b", "y", plain)
    # iuliia leaves ё as it is where a scheme has no rule of its own: BGN/PCGN writes ë.
    return str(getattr(iuliia, scheme.upper()).translate(russian)).replace("ё", "ë")


SCHEMES = ("bgn_pcgn", "english_press", "wikipedia", "ala_lc", "iso_9_1968", "scientific",
           "german", "french")


def main() -> None:
    """Write soviet.tsv."""
    lines = ["# id\tgroup\tkind\tspelling\tscheme"]
    for row in SOVIET.strip().splitlines():
        ident, kind, russian = row.split(maxsplit=2)
        seen = {russian}
        lines.append(f"{ident}\tsoviet\t{kind}\t{russian}\tcyrillic")
        for scheme in SCHEMES:
            spelling = _spell(russian, scheme)
            if spelling not in seen:
                seen.add(spelling)
                lines.append(f"{ident}\tsoviet\t{kind}\t{spelling}\t{scheme}")
    (OUT / "soviet.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

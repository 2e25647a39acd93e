"""A synthetic archive in the seed page's text format, deterministic for a seed number.

Each page is a Russian original and its English translation (6-10 paragraphs each, about 6 KB
in all) with a date, a title, a summary, people, places, topics, a source citing one or two
archives and every "Document Information" field. About one page in eight has no original and one
in ten uses the site's older layout (a search header, the title in capitals, the quoted citation
with the address, the viewer line), as real captures do. `python -m bench.corpus DIR N` writes a
corpus by hand.

Every page is made up: the files are named made_up_page-N.txt and their Record IDs (nine digits
from 900000000) are no real record's.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from bench.vocabulary import (
    ACC,
    DAT,
    GEN,
    INFINITIVES,
    INFORMING,
    INS,
    INTRANSITIVE,
    MONTHS_EN,
    MONTHS_RU_GEN,
    NOM,
    PEOPLE,
    PLACES,
    PRE,
    RIGHTS,
    THINGS,
    TOPICS,
    TRANSITIVE,
    TYPE_RU,
    TYPES,
    UNITS,
    Phrase,
)

_GENDERS = {"m": 0, "f": 1, "n": 2, "pl": 3}
MADE_UP_RECORDS = 900_000_000  # Record IDs from here on are no real record's
_SOURCES = (
    "APRF, Fond 45, Opis 1, Delo {d}, Listy {a}-{b}",
    "AVPRF, f. 0102, op. 6, p. 21, d. {d}, l. {a}",
    "RGASPI, Fond 558, Opis 11, Delo {d}, Listy {a}-{b}",
    "RGANI, Fond 5, Opis 30, Delo {d}, Listy {a}-{b}",
    "GARF, Fond R-5446, Opis 1, Delo {d}, List {a}",
    "TsAMO RF, Fond 3, Opis 1, Delo {d}, List {a}",
    "PRC FMA 109-00{d}-01, {a}-{b}",
    "SAPMO-BArch, DY 30/{d}, Bl. {a}-{b}",
)


def _verb(forms: str, subject: Phrase) -> str:
    return forms.split("|")[_GENDERS[subject.gender]]


def _count(n: int, forms: tuple[str, str, str]) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]


class PageWriter:
    """Makes page texts from one random stream; the same seed gives the same pages."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def _date(self, year: int) -> tuple[str, str]:
        day, month = self.rng.randint(1, 28), self.rng.randrange(12)
        return f"{day} {MONTHS_RU_GEN[month]} {year} г.", f"{day} {MONTHS_EN[month]} {year}"

    def sentence(self, year: int) -> tuple[str, str]:
        """One Russian sentence and its English translation."""
        rng = self.rng
        who, other = rng.sample(PEOPLE, 2)
        what, place = rng.choice(THINGS), rng.choice(PLACES)
        kind = rng.randrange(7)
        if kind == 0:
            ru_verb, en_verb = rng.choice(TRANSITIVE)
            return (
                f"{who.forms[NOM]} {_verb(ru_verb, who)} {what.forms[ACC]} в {place.forms[PRE]}.",
                f"{who.en} {en_verb} {what.en} in {place.en}.",
            )
        if kind == 1:
            ru_verb, en_verb = rng.choice(INFORMING)
            ru_date, en_date = self._date(year)
            return (
                f"{ru_date} {who.forms[NOM]} {_verb(ru_verb, who)} {other.forms[DAT]} "
                f"о {what.forms[PRE]}.",
                f"On {en_date} {who.en} {en_verb} {other.en} about {what.en}.",
            )
        if kind == 2:
            ru_inf, en_inf = rng.choice(INFINITIVES)
            n = rng.randint(2, 40)
            ru_unit, en_unit = rng.choice(UNITS)
            return (
                f"Считаю необходимым {ru_inf} из {place.forms[GEN]} не менее {n} "
                f"{_count(n, ru_unit)} и сообщить об этом {other.forms[DAT]}.",
                f"I consider it necessary {en_inf} at least {n} {en_unit} from {place.en} "
                f"and to inform {other.en} of it.",
            )
        if kind == 3:
            ru_verb, en_verb = rng.choice(INTRANSITIVE)
            ru_date, en_date = self._date(year)
            return (
                f"По сведениям из {place.forms[GEN]}, {who.forms[NOM]} {_verb(ru_verb, who)} "
                f"{ru_date} вместе с {other.forms[INS]}.",
                f"According to information from {place.en}, {who.en} {en_verb} "
                f"on {en_date} together with {other.en}.",
            )
        if kind == 4:
            ru_verb, en_verb = rng.choice(TRANSITIVE)
            return (
                f"{who.forms[NOM]} {_verb(ru_verb, who)} с {other.forms[INS]} вопрос о "
                f"{what.forms[PRE]}, однако окончательного решения принято не было.",
                f"{who.en} {en_verb} with {other.en} the question of {what.en}, "
                f"but no final decision was taken.",
            )
        if kind == 5:
            n = rng.randint(1, 900)
            return (
                f"Прошу сообщить Ваше мнение по {what.forms[DAT]} и по поставке {n} "
                f"{_count(n, ('тонны', 'тонн', 'тонн'))} груза в {place.forms[ACC]}.",
                f"Please let me know your opinion on {what.en} and on the delivery of {n} tons "
                f"of cargo to {place.en}.",
            )
        return (
            f"Положение в {place.forms[PRE]} становится отчаянным, и {what.forms[NOM]} "
            f"{'требуют' if what.gender == 'pl' else 'требует'} немедленного внимания "
            f"со стороны {other.forms[GEN]}.",
            f"The situation in {place.en} is becoming desperate, and {what.en} "
            f"demands the immediate attention of {other.en}.",
        )

    def paragraphs(self, count: int, year: int) -> tuple[list[str], list[str]]:
        """`count` parallel paragraphs of 2-3 sentences."""
        ru, en = [], []
        for _ in range(count):
            pairs = [self.sentence(year) for _ in range(self.rng.randint(2, 3))]
            ru.append(" ".join(r for r, _ in pairs))
            en.append(" ".join(e for _, e in pairs))
        return ru, en

    def source(self) -> str:
        """One or two archive citations joined by "and", as the seed writes them."""
        chosen = self.rng.sample(_SOURCES, self.rng.choice((1, 1, 2)))
        parts = []
        for pattern in chosen:
            a = self.rng.randint(1, 300)
            b = a + self.rng.randint(1, 5)
            parts.append(pattern.format(d=self.rng.randint(1, 999), a=a, b=b))
        return " and ".join(parts)

    def page(self, number: int, paragraphs: int | None = None) -> str:
        """The text of page `number`; `paragraphs` fixes the paragraphs per pane."""
        rng = self.rng
        year = rng.randint(1945, 1991)
        month, day = rng.randrange(12), rng.randint(1, 28)
        kind = rng.choice(TYPES)
        author, recipient = rng.sample(PEOPLE[:17], 2)
        title = f"{kind}, {author.en} to {recipient.en} on {rng.choice(THINGS).en}"
        count = paragraphs or rng.randint(6, 10)
        ru, en = self.paragraphs(count, year)
        has_original = rng.random() >= 0.125
        old_layout = rng.random() < 0.1
        signature = author.en.split()[-1].upper()
        en_date = f"{day + 1} {MONTHS_EN[month]} {year}"
        # The Russian block signs off in Cyrillic: a Latin signature would join the translation.
        ru_date = f"{day + 1} {MONTHS_RU_GEN[month]} {year} г."
        ru_close = [author.forms[NOM].split()[-1].upper(), ru_date]
        ru_head = f"{TYPE_RU[kind]} {author.forms[GEN]} {recipient.forms[DAT]}"
        body = [ru_head, *ru, *ru_close] if has_original else []
        body += [f"{kind} from {author.en} to {recipient.en}", *en, signature, en_date]
        people = [p.en for p in rng.sample(PEOPLE[:17], rng.randint(1, 4))]
        places = [p.en for p in rng.sample(PLACES, rng.randint(1, 3))]
        summary = (
            f"{kind} from {author.en} to {recipient.en} concerning {rng.choice(THINGS).en} and "
            f"{rng.choice(THINGS).en}, with news from {rng.choice(PLACES).en}."
        )
        source = self.source()
        record_id = str(MADE_UP_RECORDS + number)
        if old_layout:
            citation = (
                f'"{title}," {MONTHS_EN[month]} {day + 1:02d}, {year}, History and Public Policy '
                f"Program Digital Archive, {source}. "
                f"https://digitalarchive.wilsoncenter.org/document/{record_id}"
            )
            viewer = "Russian HTML\n\nEnglish HTML" if has_original else "English HTML"
            head = ["Search in", "ADD SEARCH FILTER CANCEL SEARCH FILTER",
                    "Digital Archive International History Declassified",
                    f"{MONTHS_EN[month]} {day + 1:02d}, {year}", title.upper(),
                    "CITATION SHARE DOWNLOAD", "Citation", "get citation", summary, citation,
                    "share document", "VIEW DOCUMENT IN", viewer]  # fmt: skip
            return "\n\n".join([*head, *body]) + "\n"
        head = ["Skip to content", f"{MONTHS_EN[month]} {day + 1}, {year}", title]
        tail = [
            "Author(s):", author.en, "Associated People & Organizations", *people,
            "Associated Places", *places, "Associated Topics", rng.choice(TOPICS),
            "Document Information", "Source", source, "Rights", *RIGHTS,
            "Original Uploaded Date",
            f"{rng.randint(2009, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "Type", kind, "Language", "Russian" if has_original else "English",
            "Record ID", record_id,
        ]  # fmt: skip
        # Half the pages separate paragraphs with a no-break-space line, as the seed does.
        gap = "\n\n\u00a0\n\n" if rng.random() < 0.5 else "\n\n"
        return gap.join([*head, *body, summary, *tail]) + "\n"


def write_corpus(directory: Path, count: int, seed: int = 1950) -> list[Path]:
    """Write `count` pages into `directory` (created); the same seed writes the same bytes."""
    directory.mkdir(parents=True, exist_ok=True)
    writer = PageWriter(seed)
    paths = []
    for number in range(count):
        path = directory / f"made_up_page-{number:05d}.txt"
        path.write_text(writer.page(number), encoding="utf-8")
        paths.append(path)
    return paths


def long_page(paragraphs: int = 200, seed: int = 7) -> str:
    """One page with `paragraphs` paragraphs in each pane, for the document-opening benchmark."""
    return PageWriter(seed).page(99999, paragraphs=paragraphs)


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), int(sys.argv[2]))

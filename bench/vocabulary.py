"""Word tables for the synthetic corpus: Russian in all six cases, with English equivalents.

Each Russian noun phrase lists its forms in the order nominative, genitive, dative, accusative,
instrumental, prepositional, so generated sentences inflect the way real telegrams do ("Москва",
"из Москвы", "в Москве") and stemming and inflected-form queries get realistic work.
"""

# ruff: noqa: E501 - the tables keep one phrase (six cases) per line, however long
from __future__ import annotations

from dataclasses import dataclass

NOM, GEN, DAT, ACC, INS, PRE = range(6)


@dataclass(frozen=True)
class Phrase:
    """A Russian noun phrase in six cases, its grammatical gender/number and its English."""

    forms: tuple[str, ...]
    gender: str  # "m", "f", "n" or "pl": picks the verb's past-tense form
    en: str


def _phrases(rows: str) -> tuple[Phrase, ...]:
    found = []
    for row in rows.strip().splitlines():
        forms, gender, en = row.split(";")
        found.append(Phrase(tuple(forms.split("|")), gender.strip(), en.strip()))
    return tuple(found)


PEOPLE = _phrases("""
товарищ Сталин|товарища Сталина|товарищу Сталину|товарища Сталина|товарищем Сталиным|товарище Сталине;m;Comrade Stalin
Мао Цзэдун|Мао Цзэдуна|Мао Цзэдуну|Мао Цзэдуна|Мао Цзэдуном|Мао Цзэдуне;m;Mao Zedong
Чжоу Эньлай|Чжоу Эньлая|Чжоу Эньлаю|Чжоу Эньлая|Чжоу Эньлаем|Чжоу Эньлае;m;Zhou Enlai
Ким Ир Сен|Ким Ир Сена|Ким Ир Сену|Ким Ир Сена|Ким Ир Сеном|Ким Ир Сене;m;Kim Il Sung
Молотов|Молотова|Молотову|Молотова|Молотовым|Молотове;m;Molotov
Вышинский|Вышинского|Вышинскому|Вышинского|Вышинским|Вышинском;m;Vyshinsky
Громыко|Громыко|Громыко|Громыко|Громыко|Громыко;m;Gromyko
посол Рощин|посла Рощина|послу Рощину|посла Рощина|послом Рощиным|после Рощине;m;Ambassador Roshchin
Хрущев|Хрущева|Хрущеву|Хрущева|Хрущевым|Хрущеве;m;Khrushchev
Микоян|Микояна|Микояну|Микояна|Микояном|Микояне;m;Mikoyan
Пэн Дэхуай|Пэн Дэхуая|Пэн Дэхуаю|Пэн Дэхуая|Пэн Дэхуаем|Пэн Дэхуае;m;Peng Dehuai
Булганин|Булганина|Булганину|Булганина|Булганиным|Булганине;m;Bulganin
Штыков|Штыкова|Штыкову|Штыкова|Штыковым|Штыкове;m;Shtykov
Ульбрихт|Ульбрихта|Ульбрихту|Ульбрихта|Ульбрихтом|Ульбрихте;m;Ulbricht
Гомулка|Гомулки|Гомулке|Гомулку|Гомулкой|Гомулке;m;Gomułka
Фурцева|Фурцевой|Фурцевой|Фурцеву|Фурцевой|Фурцевой;f;Furtseva
Ракоши|Ракоши|Ракоши|Ракоши|Ракоши|Ракоши;m;Rákosi
корейские товарищи|корейских товарищей|корейским товарищам|корейских товарищей|корейскими товарищами|корейских товарищах;pl;the Korean comrades
китайские товарищи|китайских товарищей|китайским товарищам|китайских товарищей|китайскими товарищами|китайских товарищах;pl;the Chinese comrades
советское правительство|советского правительства|советскому правительству|советское правительство|советским правительством|советском правительстве;n;the Soviet government
командование|командования|командованию|командование|командованием|командовании;n;the command
Политбюро|Политбюро|Политбюро|Политбюро|Политбюро|Политбюро;n;the Politburo
""")

PLACES = _phrases("""
Москва|Москвы|Москве|Москву|Москвой|Москве;f;Moscow
Пекин|Пекина|Пекину|Пекин|Пекином|Пекине;m;Beijing
Пхеньян|Пхеньяна|Пхеньяну|Пхеньян|Пхеньяном|Пхеньяне;m;Pyongyang
Сеул|Сеула|Сеулу|Сеул|Сеулом|Сеуле;m;Seoul
Корея|Кореи|Корее|Корею|Кореей|Корее;f;Korea
Берлин|Берлина|Берлину|Берлин|Берлином|Берлине;m;Berlin
Варшава|Варшавы|Варшаве|Варшаву|Варшавой|Варшаве;f;Warsaw
Будапешт|Будапешта|Будапешту|Будапешт|Будапештом|Будапеште;m;Budapest
Маньчжурия|Маньчжурии|Маньчжурии|Маньчжурию|Маньчжурией|Маньчжурии;f;Manchuria
Порт-Артур|Порт-Артура|Порт-Артуру|Порт-Артур|Порт-Артуром|Порт-Артуре;m;Port Arthur
Сочи|Сочи|Сочи|Сочи|Сочи|Сочи;n;Sochi
Вьетнам|Вьетнама|Вьетнаму|Вьетнам|Вьетнамом|Вьетнаме;m;Vietnam
Куба|Кубы|Кубе|Кубу|Кубой|Кубе;f;Cuba
Женева|Женевы|Женеве|Женеву|Женевой|Женеве;f;Geneva
Тайвань|Тайваня|Тайваню|Тайвань|Тайванем|Тайване;m;Taiwan
""")

THINGS = _phrases("""
положение на фронте|положения на фронте|положению на фронте|положение на фронте|положением на фронте|положении на фронте;n;the situation at the front
высадка американцев|высадки американцев|высадке американцев|высадку американцев|высадкой американцев|высадке американцев;f;the American landing
военная помощь|военной помощи|военной помощи|военную помощь|военной помощью|военной помощи;f;military aid
мирный договор|мирного договора|мирному договору|мирный договор|мирным договором|мирном договоре;m;the peace treaty
переговоры о перемирии|переговоров о перемирии|переговорам о перемирии|переговоры о перемирии|переговорами о перемирии|переговорах о перемирии;pl;the armistice talks
поставки вооружения|поставок вооружения|поставкам вооружения|поставки вооружения|поставками вооружения|поставках вооружения;pl;arms deliveries
китайские добровольцы|китайских добровольцев|китайским добровольцам|китайских добровольцев|китайскими добровольцами|китайских добровольцах;pl;the Chinese volunteers
американские войска|американских войск|американским войскам|американские войска|американскими войсками|американских войсках;pl;the American troops
армейская группа|армейской группы|армейской группе|армейскую группу|армейской группой|армейской группе;f;the army group
проект резолюции|проекта резолюции|проекту резолюции|проект резолюции|проектом резолюции|проекте резолюции;m;the draft resolution
экономическое соглашение|экономического соглашения|экономическому соглашению|экономическое соглашение|экономическим соглашением|экономическом соглашении;n;the economic agreement
железная дорога|железной дороги|железной дороге|железную дорогу|железной дорогой|железной дороге;f;the railway
воздушная оборона|воздушной обороны|воздушной обороне|воздушную оборону|воздушной обороной|воздушной обороне;f;air defence
телеграмма|телеграммы|телеграмме|телеграмму|телеграммой|телеграмме;f;the telegram
совещание|совещания|совещанию|совещание|совещанием|совещании;n;the meeting
граница|границы|границе|границу|границей|границе;f;the border
резервы|резервов|резервам|резервы|резервами|резервах;pl;the reserves
кредит|кредита|кредиту|кредит|кредитом|кредите;m;the credit
""")

# (m, f, n, pl) past forms, English past
TRANSITIVE = (
    ("направил|направила|направило|направили", "sent"),
    ("обсудил|обсудила|обсудило|обсудили", "discussed"),
    ("получил|получила|получило|получили", "received"),
    ("поддержал|поддержала|поддержало|поддержали", "supported"),
    ("отклонил|отклонила|отклонило|отклонили", "rejected"),
    ("одобрил|одобрила|одобрило|одобрили", "approved"),
    ("рассмотрел|рассмотрела|рассмотрело|рассмотрели", "considered"),
    ("предложил|предложила|предложило|предложили", "proposed"),
    ("передал|передала|передало|передали", "passed on"),
    ("изучил|изучила|изучило|изучили", "studied"),
)
INFORMING = (
    ("сообщил|сообщила|сообщило|сообщили", "informed"),
    ("доложил|доложила|доложило|доложили", "reported to"),
    ("напомнил|напомнила|напомнило|напомнили", "reminded"),
)
INTRANSITIVE = (
    ("прибыл|прибыла|прибыло|прибыли", "arrived"),
    ("выехал|выехала|выехало|выехали", "left"),
    ("находился|находилась|находилось|находились", "stayed"),
)
INFINITIVES = (
    ("направить", "to send"), ("усилить", "to strengthen"), ("отвести", "to withdraw"),
    ("ускорить", "to speed up"), ("обеспечить", "to secure"), ("пересмотреть", "to revise"),
)  # fmt: skip
# (one, few, many) Russian forms, English
UNITS = (
    (("дивизия", "дивизии", "дивизий"), "divisions"),
    (("самолет", "самолета", "самолетов"), "aircraft"),
    (("танк", "танка", "танков"), "tanks"),
    (("человек", "человека", "человек"), "men"),
    (("тонна", "тонны", "тонн"), "tons"),
    (("эшелон", "эшелона", "эшелонов"), "trains"),
)
MONTHS_RU_GEN = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
TYPES = ("Telegram", "Letter", "Memorandum of Conversation", "Report", "Minutes", "Cable", "Note")
TYPE_RU = {
    "Telegram": "Шифртелеграмма", "Letter": "Письмо", "Memorandum of Conversation": "Запись беседы",
    "Report": "Доклад", "Minutes": "Протокол", "Cable": "Телеграмма", "Note": "Записка",
}  # fmt: skip
TOPICS = (
    "Korean War, 1950-1953", "Sino-Soviet Relations", "Cold War in Asia", "Nuclear History",
    "Warsaw Pact", "Berlin Crisis, 1958-1962", "Cuban Missile Crisis, 1962", "Vietnam War",
)  # fmt: skip
RIGHTS = (
    "The History and Public Policy Program welcomes reuse of Digital Archive materials for "
    "research and educational purposes. Some documents may be subject to copyright, which is "
    "retained by the rights holders in accordance with US and international copyright laws. "
    "When possible, rights holders have been contacted for permission to reproduce their "
    "materials.",
    "To enquire about this document's rights status or request permission for commercial use, "
    "please contact the History and Public Policy Program at [email protected].",
)

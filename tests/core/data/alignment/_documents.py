"""Made-up documents with known alignment: invented for testing, not records of anything.

The places, offices and people are fictional (Musterstadt, Primersk, Weber, Sidorov, Petrov) and
no file carries a record ID. They exist for what the seed cannot show: a German original, and
sentences a translator split or joined inside a paragraph (1-2, 2-1), an untranslated stamp (1-0)
and a translator's note (0-1). Notation: one bead is (original sentences, translation
sentences); a sentence starting with "¶" opens a new paragraph.
"""

from __future__ import annotations

from _gold_model import Bead

MUSTERSTADT_LETTER: list[Bead] = [
    (["Stadtverwaltung Musterstadt"], ["Musterstadt Town Administration"]),
    (["¶Musterstadt, den 4. März 1957"], ["¶Musterstadt, 4 March 1957"]),
    (["¶An den Kreisrat, Abteilung Verkehr"], ["¶To the District Council, Transport Department"]),
    (["¶Betreff: Brücke über die Lauter"], ["¶Subject: the bridge over the Lauter"]),
    (["¶Die Brücke am Nordtor ist seit dem 12. Februar gesperrt."],
     ["¶The bridge at the North Gate has been closed since 12 February."]),
    (["Die Prüfer fanden Risse in zwei Pfeilern und empfahlen, sie ganz neu zu bauen."],
     ["The inspectors found cracks in two piers.",
      "They recommended building it anew from the ground up."]),
    (["¶Der Umweg über Altdorf verlängert die Fahrt der Busse um 25 Minuten.",
      "Die Schulkinder kommen deshalb jeden Morgen zu spät."],
     ["¶The detour through Altdorf makes the bus journey 25 minutes longer, so the "
      "schoolchildren arrive late every morning."]),
    ([], ["¶[Translator's note, made up like the rest of this document: the next paragraph is "
          "handwritten.]"]),
    (["¶Wir bitten um 40 000 Mark aus dem Bauhaushalt des Kreises."],
     ["¶We request 40,000 marks from the district's construction budget."]),
    (["¶Eingang: 6.3.57"], []),
    (["¶Mit freundlichen Grüßen"], ["¶Yours sincerely"]),
    (["¶gez. Weber, Bürgermeister"], ["¶signed Weber, Mayor"]),
]

PRIMERSK_REPORT: list[Bead] = [
    (["Завод № 7 г. Примерска"], ["Factory No. 7, Primersk"]),
    (["¶Примерск, 14.V.62 г."], ["¶Primersk, 14.V.62"]),
    (["¶Директору треста т. Сидорову"], ["¶To the director of the trust, Cde. Sidorov"]),
    (["¶Докладываю, что план апреля выполнен на 104 процента."],
     ["¶I report that the April plan was fulfilled to 104 percent."]),
    (["Цех № 3 простоял 6 дней из-за поломки пресса, а запчасти прибыли из Омска только "
      "28 апреля."],
     ["Shop No. 3 stood idle for 6 days because a press broke down.",
      "The spare parts arrived from Omsk only on 28 April."]),
    (["¶Прошу выделить заводу 2 новых пресса.", "Без них майский план под угрозой."],
     ["¶I request 2 new presses for the factory, without which the May plan is at risk."]),
    (["¶Приложение: акт на 3 листах."], ["¶Attachment: a statement on 3 sheets."]),
    (["¶Экз. № 1"], []),
    ([], ["¶[Translator's note, made up like the rest of this document: the signature is "
          "illegible in the copy.]"]),
    (["¶Директор завода Петров"], ["¶Factory director Petrov"]),
]

DOCUMENTS: list[tuple[str, tuple[str, str], list[Bead]]] = [
    ("made_up_doc_musterstadt_letter", ("de", "en"), MUSTERSTADT_LETTER),
    ("made_up_doc_primersk_report", ("ru", "en"), PRIMERSK_REPORT),
]

"""The hand-aligned documents of the gold standard; see `_make_gold.py` for the notation."""

from __future__ import annotations

Bead = tuple[list[str], list[str]]

SEED: list[Bead] = [
    (["Передано т.Булганину [из Сочи]"], ["Transmitted to Bulganin [from Sochi]"]),
    (["¶1.X..50 г."], ["¶1.X.50"]),
    (["¶Пекин   Совпосол"], ["¶Beijing   Soviet Ambassador"]),
    (["¶Для немедленной передачи Мао Цзэдуну или Чжоу Эньлаю."],
     ["¶For immediate transmission to Mao Zedong or Zhou Enlai."]),
    (["¶“Я нахожусь далеко от Москвы в отпуску и несколько оторвался от событий в Корее."],
     ['¶"I am far from Moscow on vacation and somewhat out of touch with events in Korea.']),
    (["⁀Однако по поступившим ко мне сегодня  сведениям из Москвы , я вижу, что положение  у "
      "корейских товарищей становится отчаянным."],
     ["However, from the information that has reached me from Moscow today, I see that the "
      "position of the Korean comrades is becoming desperate."]),
    (["¶Москва еще 16 сентября предупреждала  корейских товарищей , что высадка американцев в "
      "Чемульпо  имеет большое значение и преследует  цель отрезать первую и второую армейские "
      "группы северо-корейцев от их тылов на севере."],
     ["¶As early as 16 September Moscow warned the Korean comrades that the American landing at "
      "Chemulpo was of great importance and aimed to cut the first and second army groups of the "
      "North Koreans off from their rear in the north."]),
    (["⁀Москва предупреждала немедленно  отвнсти с юга хотя бы четыре дивизии, создать фронт "
      "севернее и восточнее  Сеула, постепенно отвести потом  большую часть южных войск на север "
      "и таким образом  обеспечить 38-параллель."],
     ["Moscow advised them to withdraw at least four divisions from the south at once, to build a "
      "front north and east of Seoul, then gradually to pull the greater part of the southern "
      "troops back to the north, and so to secure the 38th parallel."]),
    (["⁀Но командование 1 и 2 армейских групп не выполнили приказ Ким Ир Сена об отводе частей на "
      "север  и это дало возможность американцам  отрезать войска и окружить их."],
     ["But the command of the 1st and 2nd army groups did not carry out Kim Il Sung's order to "
      "withdraw units to the north, and this allowed the Americans to cut off the troops and "
      "surround them."]),
    (["⁀В районе Сеула у корейских товарищей нет каких-либо войск, способных  на сопротивление , и "
      "путь в сторону 38 параллели надо считать открытым."],
     ["Our Korean friends have no troops capable of resistance in the vicinity of Seoul.",
      "Hence, one needs to consider the way toward the 38th parallel wide open."]),
    (["¶Я думаю, что если Вы по нынешней обстановке считаете возможным оказать корейцам помощь "
      "войсками, то следовало бы двинуть немедля к 38-параллели хотя бы 5-6 дивизий с тем, чтобы "
      "дать корейским товарищам возможность организовать под прикрытием Ваших войск войсковые "
      "резервы севернее 38-параллели."],
     ["¶I think that if in the present situation you consider it possible to help the Koreans "
      "with troops, then you should move at least 5-6 divisions toward the 38th parallel at once, "
      "so as to give the Korean comrades a chance to organize troop reserves north of the 38th "
      "parallel under the cover of your troops."]),
    (["⁀Китайские дивизии могли бы фигурировать как добровольческие, конечно, с китайским "
      "командованием во главе."],
     ["The Chinese divisions could figure as volunteers, with Chinese command at their head, of "
      "course."]),
    (["¶Корейским товарищам я ничего не писал и не собираюсь писать об этом, но не сомневаюсь, "
      "что они будут рады, когда узнают об этом."],
     ["¶I have not written and do not intend to write anything about this to the Korean "
      "comrades, but I have no doubt that they will be glad when they learn of it."]),
    (["¶Жду Вашего ответа."], ["¶I await your answer."]),
    (["¶Привет.”"], ['¶Greetings."']),
    (["¶ФИЛИППОВ"], ["¶FILIPPOV"]),
    (["¶1 октября  1950 г."], ["¶1 October 1950"]),
]

# Longer documents, written for the gold standard. Each mixes 1-1 beads with the cases real
# translations have: a sentence split in two (1-2), two joined (2-1), a translator's note or an
# untranslated stamp (0-1, 1-0), paragraphs merged or split, headers and signatures.
MEMO_1949: list[Bead] = [
    (["Совершенно секретно"], []),
    (["¶Экз. № 2"], []),
    (["¶ЗАПИСЬ БЕСЕДЫ"], ["RECORD OF CONVERSATION"]),
    (["¶тов. Штыкова Т.Ф. с Ким Ир Сеном 12 августа 1949 г."],
     ["¶of Cde. T. F. Shtykov with Kim Il Sung, 12 August 1949"]),
    (["¶Ким Ир Сен пришел ко мне в 10 часов утра в сопровождении Пак Хен Ена."],
     ["¶Kim Il Sung came to me at 10 o'clock in the morning accompanied by Pak Hon-yong."]),
    (["Он сказал, что правительство обеспокоено положением на 38-й параллели, где южане за "
      "последние две недели трижды нарушили границу."],
     ["He said that the government was worried by the situation on the 38th parallel.",
      "Over the last two weeks the southerners had violated the border three times."]),
    (["¶По его словам, противник сосредоточил у Кайсона около 5 тыс. солдат."],
     ["¶In his words, the enemy had concentrated about 5 thousand soldiers near Kaesong."]),
    (["Ким Ир Сен просил передать т.Сталину, что корейцы готовы ответить ударом на удар."],
     ["Kim Il Sung asked that Cde. Stalin be told that the Koreans were ready to answer blow "
      "for blow."]),
    (["¶Я ответил, что этот вопрос надо серьезно обдумать.",
      "Никаких обещаний я не давал."],
     ["¶I answered that this question must be thought over seriously and gave no promises."]),
    ([], ["¶[Translator's note: the next sentence is underlined in the original.]"]),
    (["¶Прошу указаний."], ["¶I request instructions."]),
    (["¶ШТЫКОВ"], ["¶SHTYKOV"]),
    (["¶13.VIII.49 г."], ["¶13.VIII.49"]),
]

INCHON_REPORT: list[Bead] = [
    (["Пхеньян, 17 сентября 1950 г."], ["Pyongyang, 17 September 1950"]),
    (["¶Москва, ЦК ВКП(б), т.Сталину"], ["¶Moscow, CC VKP(b), to Cde. Stalin"]),
    (["¶15 сентября в 6 часов утра противник высадил десант в районе Чемульпо."],
     ["¶On 15 September at 6 a.m. the enemy landed an assault force near Inchon."]),
    (["В операции участвовали до 300 кораблей и около 50 тыс. человек."],
     ["Up to 300 ships and about 50 thousand men took part in the operation."]),
    (["Наши части оказали упорное сопротивление, но были вынуждены отойти к Сеулу."],
     ["Our units put up stubborn resistance but were forced to withdraw toward Seoul."]),
    (["¶16 сентября американцы заняли аэродром Кимпо."],
     ["¶On 16 September the Americans occupied Kimpo airfield."]),
    (["⁀Связь со штабом фронта прервана."],
     ["¶Communication with the front headquarters has been cut."]),
    (["Положение в районе Сеула остается крайне тяжелым, резервов у командования нет."],
     ["The situation in the area of Seoul remains extremely grave.",
      "The command has no reserves."]),
    (["¶Ким Ир Сен просит срочно направить в Корею 2 дивизии и авиацию.",
      "Кроме того, он просит прислать военных советников."],
     ["¶Kim Il Sung urgently requests that 2 divisions and aircraft be sent to Korea, and "
      "moreover asks for military advisers."]),
    (["¶ШТЫКОВ"], ["¶SHTYKOV"]),
    ([], ["¶Report from the Soviet ambassador on the American landing at Inchon and the "
          "situation around Seoul."]),
]

BERLIN_1953: list[Bead] = [
    (["Der Polizeipräsident in Berlin"], ["The Police President in Berlin"]),
    (["¶Berlin, den 18. Juni 1953"], ["¶Berlin, 18 June 1953"]),
    (["¶Bericht über die Ereignisse am 17. Juni 1953"],
     ["¶Report on the events of 17 June 1953"]),
    (["¶Am Vormittag des 17. Juni versammelten sich etwa 10 000 Personen vor dem Haus der "
      "Ministerien in der Leipziger Straße."],
     ["¶On the morning of 17 June about 10,000 people gathered in front of the House of "
      "Ministries in Leipziger Strasse."]),
    (["Die Demonstranten forderten den Rücktritt der Regierung und freie Wahlen."],
     ["The demonstrators demanded the resignation of the government.",
      "They also called for free elections."]),
    (["¶Um 13 Uhr verhängte der sowjetische Militärkommandant den Ausnahmezustand.",
      "Sowjetische Panzer fuhren am Potsdamer Platz auf."],
     ["¶At 1 p.m. the Soviet military commandant declared a state of emergency and Soviet "
      "tanks drove up at Potsdamer Platz."]),
    (["¶Die Volkspolizei hatte Befehl, keine Schusswaffen zu gebrauchen."],
     ["¶The People's Police had orders not to use firearms."]),
    (["Trotzdem wurden nach bisherigen Angaben 7 Personen getötet und 45 verletzt."],
     ["¶Nevertheless, according to the information so far, 7 people were killed and 45 "
      "wounded."]),
    (["¶Die Lage hat sich in den Abendstunden beruhigt."],
     ["¶The situation calmed down in the evening hours."]),
    (["¶gez. Fischer"], ["¶signed Fischer"]),
]

GDR_LETTER: list[Bead] = [
    (["Sozialistische Einheitspartei Deutschlands"], ["Socialist Unity Party of Germany"]),
    (["¶Zentralkomitee"], []),
    (["¶An das Zentralkomitee der KPdSU, Genossen N. S. Chruschtschow, Moskau"],
     ["¶To the Central Committee of the CPSU, Comrade N. S. Khrushchev, Moscow"]),
    (["¶Werter Genosse Chruschtschow!"], ["¶Dear Comrade Khrushchev!"]),
    (["¶Wir wenden uns an Sie in einer Frage, die für die Deutsche Demokratische Republik von "
      "größter Bedeutung ist."],
     ["¶We are turning to you in a matter which is of the greatest importance for the German "
      "Democratic Republic."]),
    (["Seit Januar 1961 haben mehr als 30 000 Bürger die Republik über West-Berlin verlassen."],
     ["Since January 1961 more than 30,000 citizens have left the Republic via West Berlin."]),
    (["Darunter sind viele Ärzte, Ingenieure und Facharbeiter, deren Verlust die Wirtschaft "
      "schwer trifft."],
     ["Among them are many doctors, engineers and skilled workers.",
      "Their loss hits the economy hard."]),
    (["¶Das Politbüro schlägt deshalb vor, die Kontrolle an der Sektorengrenze zu verstärken."],
     ["¶The Politburo therefore proposes to strengthen the control on the sector border."]),
    ([], ["[Translator's note: the following paragraph was added by hand.]"]),
    (["¶Wir bitten um eine Beratung der Ersten Sekretäre der Bruderparteien im August."],
     ["¶We ask for a consultation of the First Secretaries of the fraternal parties in "
      "August."]),
    (["¶Mit sozialistischem Gruß"], ["¶With socialist greetings"]),
    (["¶W. Ulbricht"], ["¶W. Ulbricht"]),
]

ROSHCHIN_1950: list[Bead] = [
    (["ШИФРТЕЛЕГРАММА"], ["CIPHERED TELEGRAM"]),
    (["¶Пекин, 3 октября 1950 г."], ["¶Beijing, 3 October 1950"]),
    (["¶Москва, тов. Филиппову"], ["¶Moscow, to Cde. Filippov"]),
    (["¶2 октября в 23 часа Мао Цзэдун пригласил меня к себе и сообщил следующее."],
     ["¶On 2 October at 11 p.m. Mao Zedong invited me to his residence and told me the "
      "following."]),
    (["¶Первоначально китайские товарищи планировали двинуть несколько добровольческих дивизий "
      "в Северную Корею, когда противник перейдет 38-ю параллель."],
     ["¶Initially the Chinese comrades had planned to move several volunteer divisions into "
      "North Korea when the enemy crossed the 38th parallel."]),
    (["Однако, подумав, они считают, что такие действия могут вызвать крайне серьезные "
      "последствия."],
     ["However, having thought it over, they now consider that such actions may have extremely "
      "serious consequences."]),
    (["Во-первых, несколькими дивизиями корейскую проблему решить очень трудно.",
      "Наши войска плохо вооружены."],
     ["¶First, it is very difficult to solve the Korean problem with a few divisions, since our "
      "troops are poorly armed."]),
    (["Во-вторых, это вызовет открытый конфликт между США и Китаем, в результате которого "
      "Советский Союз также может быть втянут в войну."],
     ["Second, it would provoke an open conflict between the USA and China.",
      "As a result the Soviet Union too could be dragged into the war."]),
    (["¶Мао Цзэдун сказал, что окончательное решение еще не принято."],
     ["¶Mao Zedong said that a final decision had not yet been taken."]),
    ([], ["[Illegible.]"]),
    (["¶РОЩИН"], ["¶ROSHCHIN"]),
]

MINUTES_1956: list[Bead] = [
    (["ПРОТОКОЛ № 49"], ["MINUTES No. 49"]),
    (["¶Заседание 3 ноября 1956 г."], ["¶Session of 3 November 1956"]),
    (["¶Присутствовали: тт. Булганин, Каганович, Маленков, Молотов, Хрущев."],
     ["¶Present: Cdes. Bulganin, Kaganovich, Malenkov, Molotov, Khrushchev."]),
    (["¶I. О положении в Венгрии."], ["¶I. On the situation in Hungary."]),
    (["¶Тов. Хрущев сообщил о переговорах с руководителями Югославии."],
     ["¶Cde. Khrushchev reported on the talks with the leaders of Yugoslavia."]),
    (["По его словам, югославы согласны с необходимостью решительных мер."],
     ["In his words, the Yugoslavs agree that decisive measures are necessary."]),
    (["¶Тов. Молотов: Надо поддержать новое правительство.",
      "Откладывать нельзя."],
     ["¶Cde. Molotov: We must support the new government without delay."]),
    (["¶Тов. Маленков поддержал предложение и добавил, что войска должны быть готовы к "
      "4 ноября."],
     ["¶Cde. Malenkov supported the proposal.",
      "He added that the troops must be ready by 4 November."]),
    (["¶Постановили: одобрить предложения тт. Хрущева и Маленкова."],
     ["¶Resolved: to approve the proposals of Cdes. Khrushchev and Malenkov."]),
    (["¶Выписки посланы: тт. Жукову, Коневу."], ["¶Extracts sent to: Cdes. Zhukov, Konev."]),
]

MAO_CONVERSATION: list[Bead] = [
    (["ЗАПИСЬ БЕСЕДЫ ТОВ. СТАЛИНА И.В. С ПРЕДСЕДАТЕЛЕМ ЦЕНТРАЛЬНОГО НАРОДНОГО ПРАВИТЕЛЬСТВА "
      "КИТАЙСКОЙ НАРОДНОЙ РЕСПУБЛИКИ МАО ЦЗЭДУНОМ"],
     ["RECORD OF CONVERSATION BETWEEN COMRADE I. V. STALIN AND CHAIRMAN OF THE CENTRAL "
      "PEOPLE'S GOVERNMENT OF THE PEOPLE'S REPUBLIC OF CHINA MAO ZEDONG"]),
    (["¶16 декабря 1949 г."], ["¶16 December 1949"]),
    (["¶После обмена приветствиями тов. Мао Цзэдун заявил, что важнейшим вопросом является "
      "обеспечение мира."],
     ["¶After an exchange of greetings, Comrade Mao Zedong stated that the most important "
      "question at the present time is the establishment of peace."]),
    (["Китаю нужен перерыв в 3-5 лет, чтобы восстановить экономику."],
     ["China needs a period of 3-5 years of peace.",
      "This would be used to bring the economy back to pre-war levels."]),
    (["¶Тов. Сталин ответил, что непосредственной угрозы Китаю сейчас нет."],
     ["¶Comrade Stalin replied that there is no immediate threat to China at the moment."]),
    (["Япония еще не встала на ноги.", "Америка кричит о войне, но больше всего боится войны."],
     ["Japan has yet to stand up on its feet, and America, though it screams war, is actually "
      "afraid of war more than anything."]),
    (["¶Тов. Мао Цзэдун спросил, как быть с договором 1945 г."],
     ["¶Comrade Mao Zedong asked how to deal with the treaty of 1945."]),
    ([], ["[The answer is given in the next document.]"]),
    (["¶Беседу записал т.Федоренко."], ["¶The conversation was recorded by Cde. Fedorenko."]),
]

PAK_LETTER: list[Bead] = [
    (["Посольство СССР в КНДР"], ["Embassy of the USSR in the DPRK"]),
    (["¶Пхеньян, 13.1.51"], ["¶Pyongyang, 13.1.51"]),
    (["¶Дневник посла Разуваева В.Н."], ["¶Diary of Ambassador V. N. Razuvaev"]),
    (["¶Ко мне пришел министр иностранных дел Пак Хен Ен."],
     ["¶Minister of Foreign Affairs Pak Hon-yong came to see me."]),
    (["Он сообщил, что 4 января войска заняли Сеул, а 7 января - Инчхон."],
     ["He reported that the troops had taken Seoul on 4 January and Inchon on 7 January."]),
    (["¶По словам Пак Хен Ена, китайские добровольцы остановились у 37-й параллели..."],
     ["¶According to Pak Hon-yong, the Chinese volunteers have stopped at the 37th "
      "parallel..."]),
    (["⁀Корейское командование недовольно этой паузой."],
     ["The Korean command is unhappy with this pause."]),
    (["¶Он просил передать в Москву, что наступление необходимо продолжить.",
      "Иначе противник успеет перегруппироваться."],
     ["¶He asked that Moscow be told that the offensive must go on, or the enemy would have "
      "time to regroup."]),
    (["¶Я обещал сообщить об этом в Москву."], ["¶I promised to report this to Moscow."]),
    (["¶Посол СССР в КНДР В.Разуваев"], ["¶USSR Ambassador to the DPRK V. Razuvaev"]),
]

PROTEST_1968: list[Bead] = [
    (["Ministerium für Staatssicherheit"], ["Ministry for State Security"]),
    (["¶Berlin, 22. August 1968"], ["¶Berlin, 22 August 1968"]),
    (["¶Information über Reaktionen der Bevölkerung auf die Ereignisse in der ČSSR"],
     ["¶Information on reactions of the population to the events in the ČSSR"]),
    (["¶In mehreren Betrieben in Leipzig und Dresden wurden Flugblätter gefunden."],
     ["¶Leaflets were found in several factories in Leipzig and Dresden."]),
    (["Sie forderten den Abzug der Truppen aus Prag."],
     ["They demanded the withdrawal of the troops from Prague."]),
    (["¶Am 21. August versammelten sich in Berlin etwa 200 Jugendliche.",
      "Sie riefen Losungen für Dubček."],
     ["¶On 21 August about 200 young people gathered in Berlin and shouted slogans for "
      "Dubček."]),
    (["¶Die Kreisdienststellen meldeten 1 290 Äußerungen, davon 389 negativ."],
     ["¶The district offices reported 1,290 statements.",
      "Of these, 389 were negative."]),
    (["¶Die Lage ist insgesamt ruhig."], ["¶On the whole, the situation is calm."]),
    ([], ["¶[Stamp: Ministry for State Security, Central Evaluation Group]"]),
]

TRUMAN_REPORT: list[Bead] = [
    (["Вашингтон, 1 ноября 1950 г."], ["Washington, 1 November 1950"]),
    (["¶Посольство сообщает, что президент Трумэн выступил вчера с заявлением по Корее."],
     ["¶The Embassy reports that President Truman made a statement on Korea yesterday."]),
    (["Он заявил, что войска ООН не пересекут реку Ялу."],
     ["He declared that the UN forces would not cross the Yalu River."]),
    (["¶По данным печати, генерал Макартур требует разрешения бомбить мосты через Ялу."],
     ["¶According to the press, General MacArthur is demanding permission to bomb the "
      "bridges across the Yalu."]),
    (["¶Госдепартамент опасается вмешательства Китая."],
     ["¶The State Department fears Chinese intervention."]),
    (["Пекин уже дважды предупреждал об этом через Индию.",
      "Однако Вашингтон не придал этому значения."],
     ["Beijing has warned of this twice already through India, but Washington paid no "
      "attention."]),
    (["¶Копия: т.Вышинскому"], []),
    (["¶ПАНЮШКИН"], ["¶PANYUSHKIN"]),
]

DOCUMENTS: list[tuple[str, tuple[str, str], list[Bead]]] = [
    ("doc-memo-1949", ("ru", "en"), MEMO_1949),
    ("doc-inchon-report", ("ru", "en"), INCHON_REPORT),
    ("doc-berlin-1953", ("de", "en"), BERLIN_1953),
    ("doc-gdr-letter", ("de", "en"), GDR_LETTER),
    ("doc-roshchin-1950", ("ru", "en"), ROSHCHIN_1950),
    ("doc-minutes-1956", ("ru", "en"), MINUTES_1956),
    ("doc-mao-conversation", ("ru", "en"), MAO_CONVERSATION),
    ("doc-pak-letter", ("ru", "en"), PAK_LETTER),
    ("doc-protest-1968", ("de", "en"), PROTEST_1968),
    ("doc-truman-report", ("ru", "en"), TRUMAN_REPORT),
]

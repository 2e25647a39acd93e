"""Chinese and Korean syllables: whether a word reads as them; Hangul and Han as key classes.

Romanisations of Chinese and Korean disagree on voicing: Wade-Giles Kao Kang is pinyin Gao
Gang (Палладий Гао Ган), McCune-Reischauer Kanggye is Revised Ganggye. Elsewhere g and k
are two sounds that every convention keeps apart: Russian г is g (or h), к is k, in every
scheme; Gerő is Герё, not Korea. So the spelling key merges g into k only in a word that
can be read as syllables of those systems (`spelling`), checked here against each system's
inventory of syllables:

- pinyin: the syllables of pypinyin's character table, less the interjections (m, n, ng,
  hm, hng), and Wade-Giles's (pypinyin's Wade-Giles style, apostrophes and marks folded);
- Korean (Revised and McCune-Reischauer, breves folded): an optional initial, a vowel, an
  optional final. The bare vowel e (ㅔ) is left out: it is rare in names and in European
  names common (Gero, Korea would read as 게로, 코레아). Both write a final ㄹ as l; r ends
  a syllable only in the whole word Ir (Nam Ir, as the North and the Russian press write
  it), or Győr would read as 교르 and find Корее;
- Palladius (Russian for Chinese): the pinyin inventory as pypinyin's Cyrillic style writes
  it (Гао, Цзян, Чжоу, Эньлай; the soft sign optional);
- Kontsevich (Russian for Korean): as for Korean in letters, but г only after a voiced
  sound: inside a word (Канге), or starting a one-syllable word, a name's syllable written
  apart (Кан Гон); that system writes an initial ㄱ as к (Кэсон, Ким). A final р only in
  the whole word Ир, as in letters.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Set as AbstractSet

# pypinyin's character table's readings, tones and interjections taken out (a word with g
# is checked often: the list is written here rather than read from pypinyin each start).
_PINYIN_TEXT = (
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong "
    "bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong "
    "chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan "
    "dang dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun duo e "
    "ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng "
    "gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou "
    "hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan "
    "jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la "
    "lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo long lou lu "
    "luan lue lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu "
    "mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong "
    "nou nu nuan nue nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin "
    "ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao "
    "re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai "
    "shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si "
    "song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong "
    "tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie "
    "xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue "
    "yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi "
    "zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo"
)
PINYIN = frozenset(_PINYIN_TEXT.split())

# Wade-Giles syllables that pinyin does not also write (pypinyin's Wade-Giles style, folded:
# no apostrophes, ê and ü as e and u); tests/core/index/test_syllables.py checks it.
_WADE_GILES_TEXT = (
    "chei chia chiang chiao chieh chien chih chin ching chiu chiung cho chueh chung erh ho "
    "hsi hsia hsiang hsiao hsieh hsien hsin hsing hsiu hsiung hsu hsuan hsueh hsun hung i jan "
    "jang jao je jen jeng jih jo jou jua jui jung ko kuei kung lieh lien lueh lung mieh mien "
    "nieh nien no nueh nung piang pieh pien pung sei shih sho so ssu sung ten tia tieh tien "
    "tin tiu to toeh tsa tsai tsan tsang tsao tse tsei tsen tseng tso tsou tsu tsuan tsui "
    "tsun tsung tung tzu wung yeh yen yueh yung"
)
WADE_GILES = frozenset(_WADE_GILES_TEXT.split())

_KOREAN_INITIAL = "kk|tt|pp|ss|jj|ch|g|k|n|d|t|r|l|m|b|p|s|j|h"
_KOREAN_VOWEL = "yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|a|o|u|i"
# McCune-Reischauer and Revised write a final ㄹ as l. The Russian-influenced r (Nam Ir, from
# Нам Ир) is taken only as that whole word: a final r inside a word made Győr's "gyor" read as
# gyo + r, so its g keyed as k too and Győr found Корее.
_KOREAN_FINAL = "ng|k|n|t|l|m|p"
_KOREAN = re.compile(rf"(?:(?:{_KOREAN_INITIAL})?(?:{_KOREAN_VOWEL})(?:{_KOREAN_FINAL})?)+|ir")

# The same syllables as Palladius writes them, from pypinyin's Cyrillic style, with uo also
# as the older о (多 до, 国 го); tests/core/index/test_syllables.py checks it against pypinyin.
_PALLADIUS_TEXT = (
    "а ай ан ань ао ба бай бан бань бао бе би бин бинь бо бу бун бэй бэн бэнь бян бянь бяо ва "
    "вай ван вань во вун вэй вэн вэнь га гай ган гань гао го гоу гу гуа гуай гуан гуань гуй гун "
    "гунь гэ гэй гэн гэнь да дай дан дань дао де ди дин динь до доу ду дуань дуй дун дунь дуо "
    "дэ дэй дэн дэнь дю дя дянь дяо е жан жань жао жи жо жоу жу жуа жуань жуй жун жунь жэ жэн "
    "жэнь и ин инь ка кай кан кань као ко коу ку куа куай куан куань куй кун кунь кэ кэй кэн "
    "кэнь ла лай лан лань лао ле ли лин линь ло лоу лу луань лун лунь луэ лэ лэй лэн лэнь лю "
    "люй люэ ля лян лянь ляо ма май ман мань мао ме ми мин минь мо моу му мэ мэй мэн мэнь мю "
    "мянь мяо на най нан нань нао не ни нин нинь но ноу ну нуань нун нунь нуэ нэ нэй нэн нэнь "
    "ню нюй нюэ ня нян нянь няо о оу па пай пан пань пао пе пи пин пинь по поу пу пэй пэн пэнь "
    "пянь пяо са сай сан сань сао се си син синь со соу су суань суй сун сунь суо сы сэ сэн "
    "сэнь сю сюань сюй сюн сюнь сюэ ся сян сянь сяо та тай тан тань тао те ти тин то тоу ту "
    "туань туй тун тунь туо тэ тэй тэн тянь тяо у фа фан фань фо фоу фу фэй фэн фэнь фяо ха хай "
    "хан хань хао хо хоу ху хуа хуай хуан хуань хун хунь хуэй хэ хэй хэн хэнь ца цай цан цань "
    "цао це цза цзай цзан цзань цзао цзе цзи цзин цзинь цзо цзоу цзу цзуань цзуй цзун цзунь цзы "
    "цзэ цзэй цзэн цзэнь цзю цзюань цзюй цзюн цзюнь цзюэ цзя цзян цзянь цзяо ци цин цинь цо цоу "
    "цу цуань цуй цун цунь цы цэ цэй цэн цэнь цю цюань цюй цюн цюнь цюэ ця цян цянь цяо ча чай "
    "чан чань чао чжа чжай чжан чжань чжао чжи чжо чжоу чжу чжуа чжуай чжуан чжуань чжуй чжун "
    "чжунь чжэ чжэй чжэн чжэнь чи чо чоу чу чуа чуай чуан чуань чуй чун чунь чуо чэ чэн чэнь ша "
    "шай шан шань шао ши шо шоу шу шуа шуай шуан шуань шуй шунь шуо шэ шэй шэн шэнь э эй эн энь "
    "эр ю юань юй юн юнь юэ я ян янь яо ё"
)
PALLADIUS = frozenset(_PALLADIUS_TEXT.split())


def _alternation(syllables: AbstractSet[str]) -> str:
    return "|".join(sorted(syllables, key=lambda s: (-len(s), s)))


@functools.cache
def _inventories() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Chinese in letters and Palladius as patterns (compiled on first use: 7 ms)."""
    chinese = re.compile(f"(?:{_alternation(PINYIN | WADE_GILES)})+")
    # The soft sign of -ань, -энь is often left out (Мао Цзэдун, Чжоу Эньлай or Энлай).
    palladius = re.compile(f"(?:{_alternation(PALLADIUS).replace('нь', 'нь?')})+")
    return chinese, palladius


# Wade-Giles as often written: an h after e that is not a sound (Teh, Peng Teh-huai).
_SILENT_H = re.compile(r"(?<=e)h(?![aeiou])")
_CYRILLIC_KOREAN_INITIAL = "кх|тх|пх|чх|чж|к|н|т|д|р|л|м|п|б|с|ч|дж|х|ц"
_CYRILLIC_KOREAN_VOWEL = "ва|вэ|во|ви|уи|ый|ы|я|ё|ю|е|э|а|о|у|и"
# Final ㄹ is ль or л (Ил); р, as in letters, only in the whole word Ир (Ким Ир Сен): else
# Гор, Тагор, Игор read as Korean and their г keys as к.
_CYRILLIC_KOREAN_FINAL = "н|к|т|ль|л|м|п"
_KONTSEVICH_SYLLABLE = (
    rf"(?:{_CYRILLIC_KOREAN_INITIAL}|г)?(?:{_CYRILLIC_KOREAN_VOWEL})(?:{_CYRILLIC_KOREAN_FINAL})?"
)
# г after a voiced sound only: inside a word, or as a name's syllable written apart (Кан Гон).
_KONTSEVICH = re.compile(
    rf"(?!г(?:{_KONTSEVICH_SYLLABLE}))(?:{_KONTSEVICH_SYLLABLE})+|г(?:{_KONTSEVICH_SYLLABLE})|ир"
)


@functools.lru_cache(maxsize=16384)
def reads_as_syllables(word: str) -> bool:
    """Whether a folded word (lower case, no diacritics) reads as Chinese or Korean syllables.

    Letters: pinyin, Wade-Giles or Korean romanisation; Cyrillic: Palladius or Kontsevich.
    """
    chinese, palladius = _inventories()
    if any("а" <= char <= "я" for char in word):
        return bool(palladius.fullmatch(word) or _KONTSEVICH.fullmatch(word))
    plain = word.replace("ü", "v")
    return bool(
        chinese.fullmatch(plain)
        or chinese.fullmatch(_SILENT_H.sub("", plain))
        or _KOREAN.fullmatch(plain)
    )


# Kontsevich writes the Korean glide w after an aspirate as в (최 Чхве, 쾌 Кхвэ): a vowel.
# Only after the aspirates, which Russian words never hold: Свет must not read as Korean.
_KONTSEVICH_GLIDE = re.compile(r"(?<=[кптч]х)в(?=[аеэои])")


def kontsevich_glided(word: str) -> str:
    """A folded Cyrillic word with Kontsevich's в-glides as у, if it then reads as Korean.

    Returns:
        The word so written (Чхве as Чхуе), or "" when it holds no such в or does not read
        as syllables then.
    """
    glided = _KONTSEVICH_GLIDE.sub("у", word)
    return glided if glided != word and reads_as_syllables(glided) else ""


# Hangul: initial consonants, and final consonants, as key classes (vowels are all "a").
_HANGUL_INITIAL = "kknttlmppss_xxxktpx"  # ㄱ ㄲ ㄴ ... ㅎ; _ the silent ㅇ
_HANGUL_FINAL = "_kkknnntlkmlllplmppttnttktpt"  # none, ㄱ ㄲ ㄳ ... ㅎ
_HANGUL_W_GLIDES = frozenset({9, 10, 14, 15, 16})  # ㅘ ㅙ ㅝ ㅞ ㅟ: written w, or в


def hangul_classes(char: str) -> list[tuple[str, ...]]:
    """One Hangul syllable as the spelling key's class choices (decomposed by arithmetic)."""
    index = ord(char) - 0xAC00
    initial, final = _HANGUL_INITIAL[index // 588], _HANGUL_FINAL[index % 28]
    classes: list[tuple[str, ...]] = [] if initial == "_" else [(initial,)]
    if (index // 28) % 21 in _HANGUL_W_GLIDES:
        classes.append(("f", "a"))  # 원산 as Вонсан and Wonsan, 광주 as Кванджу and Kwangju
    classes.append(("a",))
    if final != "_":
        classes.append((final,))
    return classes


@functools.cache
def pinyin_table() -> dict[int, str]:
    """The readings of each Han character, by code point (pypinyin's table)."""
    # pypinyin's character table only (not its phrase dictionaries): 0.15 s, on first Han text.
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)

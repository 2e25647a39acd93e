from __future__ import annotations

import pytest

from reader.core.text.language import detect_language, language_code, script_counts, script_of


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Передано т.Булганину [из Сочи]", "Cyrillic"),
        ("我们决定用志愿军名义派一部分军队", "Han"),
        ("조선민주주의인민공화국 정부는", "Hangul"),
        ("日本国政府は、交渉を", "Kana"),
        ("Transmitted to Bulganin", "Latin"),
        ("Gerő elvtárs tájékoztatja", "Latin"),
        ("", ""),
        ("1.10.1950 — 38 / 45", ""),
        ("Москва Moscow Москва", "Cyrillic"),
    ],
)
def test_script_of(text: str, script: str) -> None:
    assert script_of(text) == script


def test_kana_wins_over_han_when_any_kana_is_present() -> None:
    assert script_of("日本国政府大韓民国国交正常化交渉東京会議は") == "Kana"


def test_chinese_middle_dot_is_not_kana() -> None:
    assert script_of("约翰・史密斯") == "Han"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Москва еще 16 сентября предупреждала корейских товарищей", "ru"),
        ("Українська мова має свої літери: ї, є, ґ, і їх багато є", "uk"),
        ("我们决定用志愿军名义派一部分军队至朝鲜境内", "zh"),
        ("정부는 국토의 완정과 민족의 통일을 위하여", "ko"),
        ("両国の代表は、次回の会議を東京で開催することに合意した。", "ja"),
        ("I think that if in the present situation you consider it possible to help.", "en"),
        ("Die Volkspolizei erhielt den Befehl, die Demonstranten nicht anzugreifen.", "de"),
        (
            "Gerő elvtárs tájékoztatja a Politikai Bizottságot a fővárosban kialakult helyzetről",
            "hu",
        ),
        ("Guvernul Republicii Populare Romîne a hotărît să trimită o delegație", "ro"),
        ("Qeveria e Republikës Popullore të Shqipërisë vendosi të dërgojë një delegacion", "sq"),
        ("Le gouvernement français a décidé d'envoyer une délégation à Moscou.", "fr"),
        # Words English shares with Dutch, Danish and French must not pass the English shortcut.
        ("Het was een goede dag en het is nog niet voorbij, zei de minister van defensie.", "nl"),
        ("Det er for sent at sende delegationen til Moskva, og det var ikke muligt.", "da"),
        ("Il a dit que le plan est prêt et que la délégation part pour Moscou demain.", "fr"),
        ("We have received the telegram of the Chinese comrades and agree with it fully.", "en"),
        ("FILIPPOV", ""),
        ("1 October 1950", ""),
        ("", ""),
        ("12345 !!!", ""),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russian", "ru"),
        ("Chinese", "zh"),
        ("German", "de"),
        ("hungarian", "hu"),
        (" Romanian ", "ro"),
        ("Albanian", "sq"),
        ("Korean", "ko"),
        ("Japanese", "ja"),
        ("English", "en"),
        ("Chinese (Simplified)", "zh"),
        ("Serbo-Croatian", "sh"),
        ("ru", "ru"),
        ("Klingon", ""),
        ("", ""),
    ],
)
def test_language_code(name: str, code: str) -> None:
    assert language_code(name) == code


def test_detect_language_takes_counts_made_earlier() -> None:
    text = "Москва еще 16 сентября предупреждала корейских товарищей"
    assert detect_language(text, script_counts(text)) == detect_language(text) == "ru"

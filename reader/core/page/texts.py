"""Splitting a page body into the original transcript and its translations.

Pages put the original straight before the translation with nothing in between. Each paragraph is
labelled with a language (by script, or by py3langid for Latin script) and weighted by its letters;
the split point is the one that best separates the original's language from the rest, so a stray
Latin line in a Russian block, or a Russian word in an English one, cannot move it.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from reader.core.document import Text
from reader.core.text.language import (
    HAN,
    HANGUL,
    KANA,
    LATIN,
    detect_language,
    script_counts,
    script_language,
)
from reader.core.text.latin_language import blank_names, identified_latin
from reader.core.text.script_scan import ascii_latin, plain_russian_letters

# An original must be a real block: at least this many letters and this share of the rest.
_MIN_ORIGINAL_LETTERS = 20
_MIN_ORIGINAL_SHARE = 0.25
# A second translation must be long in its own right, so misread paragraphs cannot create one.
_MIN_SECOND_LETTERS = 150
# A Han character carries about as much text as three Latin letters, a kana or Hangul syllable two.
_SCRIPT_WEIGHT = {HAN: 3, KANA: 2, HANGUL: 2}
_MIN_SECOND_SHARE = 0.3
# From this many paragraphs the plainly Russian ones are found all at once (numpy).
_AT_ONCE = 500
# Paragraphs labelled at once in one go: every list as long as a huge page's paragraphs makes
# each full garbage collection longer (they hold the interpreter lock), so these stay short.
_RUN = 4096


# A paragraph labelled: (text, language or "" when too short or mixed to tell, the letters of
# its dominant script, whether that script is Latin). A plain tuple, not a class: the garbage
# collector stops tracking a tuple of strings and numbers, while 150,000 objects of a class on a
# huge page cost 0.15 s of collections, each one holding the interpreter lock.
_Labelled = tuple[str, str, int, bool]
_TEXT: Final = 0
_LANGUAGE: Final = 1
_WEIGHT: Final = 2
_LATIN: Final = 3


def _label(paragraph: str) -> _Labelled:
    counts = script_counts(paragraph)
    latin = counts[LATIN]
    other = sum(
        n * _SCRIPT_WEIGHT.get(script, 1) for script, n in counts.items() if script != LATIN
    )
    if other > latin:
        return (paragraph, detect_language(paragraph, counts), other, False)
    if latin > other:
        language = detect_language(blank_names(paragraph))
        return (paragraph, language, latin, True)
    return (paragraph, "", 0, False)


def _labels(paragraphs: list[str]) -> list[_Labelled]:
    """`_label` of each paragraph; a huge page's plain ones found at once (`script_scan`)."""
    if len(paragraphs) < _AT_ONCE:
        return [_label(paragraph) for paragraph in paragraphs]
    found: list[_Labelled] = []
    for start in range(0, len(paragraphs), _RUN):
        found.extend(_labels_at_once(paragraphs[start : start + _RUN]))
    return found


def _labels_at_once(paragraphs: list[str]) -> list[_Labelled]:
    russian = plain_russian_letters(paragraphs)
    latin = ascii_latin(paragraphs)
    found: list[_Labelled] = []
    for paragraph, letters, scanned in zip(paragraphs, russian, latin, strict=True):
        if letters:
            found.append((paragraph, "ru", letters, False))
        elif scanned is None:
            found.append(_label(paragraph))
        elif not scanned[0]:  # no letter at all: neither script wins
            found.append((paragraph, "", 0, False))
        else:  # an ASCII text's letters are all Latin, so `_label` would blank its names
            letters, language, blanked = scanned
            if language is None:
                language = identified_latin(blanked)
            found.append((paragraph, language, letters, True))
    return found


def _unlabelled(item: _Labelled, first_latin: bool, then_latin: bool | None, first: str) -> str:
    # A paragraph too short to identify still has a script, which can rule it in or out of a block.
    if not item[_WEIGHT]:
        return ""
    if item[_LATIN] != first_latin:
        return "?"
    if then_latin is not None and item[_LATIN] != then_latin:
        return first
    return ""


def _best_split(items: list[_Labelled], first: str, then: str = "") -> int:
    """The split index that puts the most `first` weight before it and the most other after it.

    Unlabelled paragraphs where the languages meet (a signature, a date line) are shared out
    evenly: the original's last lines and the translation's first lines mirror each other.
    """
    first_latin = script_language(first) == LATIN
    then_latin = script_language(then) == LATIN if then else None
    labels = [
        item[_LANGUAGE] or _unlabelled(item, first_latin, then_latin, first) for item in items
    ]
    best, best_score, score = 0, 0, 0
    for index, (item, label) in enumerate(zip(items, labels, strict=True), start=1):
        if label == first:
            score += item[_WEIGHT]
        elif label:
            score -= item[_WEIGHT]
        if score > best_score:
            best, best_score = index, score
    end = best
    while end < len(items) and not labels[end]:
        end += 1
    if best > 0 and end < len(items):
        return best + (end - best) // 2
    return best


def _weights(items: list[_Labelled]) -> Counter[str]:
    weights: Counter[str] = Counter()
    for item in items:
        if item[_LANGUAGE]:
            weights[item[_LANGUAGE]] += item[_WEIGHT]
    return weights


def _text(items: list[_Labelled]) -> Text:
    weights = _weights(items)
    paragraphs = tuple(item[_TEXT] for item in items)
    language = weights.most_common(1)[0][0] if weights else detect_language("\n".join(paragraphs))
    return Text(language=language, paragraphs=paragraphs)


def _reconcile(detected: str, declared: tuple[str, ...]) -> str:
    """Prefer the declared language when detection only knows the script (e.g. "sr" vs "ru")."""
    if not detected or detected in declared:
        return detected
    script = script_language(detected)
    same = [code for code in declared if code != "en" and script_language(code) == script]
    return same[0] if len(same) == 1 else detected


def _translations(items: list[_Labelled]) -> list[Text]:
    weights = _weights(items)
    ranked = weights.most_common(2)
    if len(ranked) == 2:
        (main, main_weight), (second, second_weight) = ranked
        if second_weight >= max(_MIN_SECOND_LETTERS, _MIN_SECOND_SHARE * main_weight):
            for first, then in ((main, second), (second, main)):
                index = _best_split(items, first, then)
                before = _weights(items[:index])
                if (
                    0 < index < len(items)
                    and before[first] >= _MIN_SECOND_SHARE * second_weight
                    and weights[then] - before[then] >= 0.8 * weights[then]  # after the split
                    and before[first] >= 0.8 * weights[first]
                ):
                    return [_text(items[:index]), _text(items[index:])]
    return [_text(items)] if items else []


def split_texts(
    paragraphs: list[str], declared: tuple[str, ...]
) -> tuple[Text | None, tuple[Text, ...], list[str]]:
    """Split body paragraphs into the original (if any) and the translations.

    Args:
        paragraphs: the body paragraphs, in page order.
        declared: the language codes the page's "Language" field declares.

    Returns:
        The original or None, the translations, and warnings.
    """
    items = _labels(paragraphs)
    weights = _weights(items)
    total = sum(weights.values())
    original: Text | None = None
    rest = items
    best_index, best_weight = 0, 0
    # The original's language is whichever non-English language best forms an opening block.
    for first in (language for language in weights if language != "en"):
        index = _best_split(items, first)
        before = _weights(items[:index])
        after = total - sum(before.values())  # what follows, without counting it again
        if (
            index > 0
            and before[first] >= _MIN_ORIGINAL_LETTERS
            and before[first] >= _MIN_ORIGINAL_SHARE * after
            and before[first] >= 0.6 * sum(before.values())
            and before[first] > best_weight
        ):
            best_index, best_weight = index, before[first]
    if best_index:
        block = _text(items[:best_index])
        original = Text(_reconcile(block.language, declared), block.paragraphs)
        rest = items[best_index:]
    translations = _translations(rest)
    warnings: list[str] = []
    if original is not None and not translations:
        warnings.append("no translation found; the text is shown as the original only")
    return original, tuple(translations), warnings

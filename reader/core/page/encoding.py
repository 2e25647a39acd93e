"""Turning the bytes of a saved page into text: BOMs, UTF-8, legacy code pages, binary refusal."""

from __future__ import annotations

import codecs
import re

# Bytes order matters: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters no text file holds; tab, line feed, form feed and carriage return are fine.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.001

_DISPLAY_NAMES = {
    "cp1250": "windows-1250", "cp1251": "windows-1251", "cp1252": "windows-1252",
    "cp1253": "windows-1253", "cp1254": "windows-1254", "cp1257": "windows-1257",
    "koi8_r": "koi8-r", "koi8_u": "koi8-u", "mac_cyrillic": "mac-cyrillic",
    "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "latin_1": "iso-8859-1",
    "iso8859_2": "iso-8859-2", "iso8859_5": "iso-8859-5", "gb18030": "gb18030",
    "big5": "big5", "euc_kr": "euc-kr", "shift_jis": "shift_jis", "cp932": "cp932",
    "cp949": "cp949", "euc_jp": "euc-jp", "cp866": "cp866",
}  # fmt: skip


class EncodingRefusal(Exception):
    """Bytes that are not text; the message is the reason shown to the user."""


def display_name(codec: str) -> str:
    """The usual name of a Python codec, e.g. "windows-1251" for "cp1251".

    Args:
        codec: a codec name Python knows.

    Returns:
        The name users recognise.
    """
    try:
        canonical = codecs.lookup(codec).name.replace("-", "_")
    except LookupError:
        return codec
    return _DISPLAY_NAMES.get(canonical, canonical.replace("_", "-"))


# A huge page is decoded and checked in pieces of this many characters or bytes: one C call
# over megabytes would hold the interpreter lock against the window's thread (issue 12).
_PIECE = 1 << 20
# The bytes of the control characters above: in UTF-8 each is its own byte, and no byte of a
# longer sequence is below 0x80, so counting these bytes counts those characters.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _too_many(controls: int, length: int) -> bool:
    return controls > max(2, length * _MAX_CONTROL_SHARE)


def _looks_binary(text: str) -> bool:
    controls = 0
    for start in range(0, len(text), _PIECE):
        piece = text[start : start + _PIECE]
        if "\x00" in piece:
            return True
        controls += len(_CONTROL.findall(piece))
    return _too_many(controls, len(text))


def _utf8_looks_binary(data: bytes, text: str) -> bool:
    """`_looks_binary(text)` for `text` decoded from `data` as UTF-8, ten times faster."""
    controls = 0
    for start in range(0, len(data), _PIECE):
        piece = data[start : start + _PIECE]
        if 0 in piece:
            return True
        controls += len(piece) - len(piece.translate(None, _CONTROL_BYTES))
    return _too_many(controls, len(text))


def _decode(data: bytes, codec: str) -> str:
    """`data.decode(codec)`, strict, a piece at a time when `data` is large."""
    if len(data) <= _PIECE:
        return data.decode(codec)
    decoder = codecs.getincrementaldecoder(codec)()
    view = memoryview(data)
    parts = [decoder.decode(view[start : start + _PIECE]) for start in range(0, len(data), _PIECE)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in UTF-16 has a zero byte in nearly every other position; binary data does not.
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros = data[0::2].count(0) / (len(data) // 2)
    odd_zeros = data[1::2].count(0) / (len(data) // 2)
    if odd_zeros > 0.4 and even_zeros < 0.05:
        codec = "utf-16-le"
    elif even_zeros > 0.4 and odd_zeros < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(data).best()
    except Exception:  # a third-party detector on arbitrary bytes: any failure is a refusal
        return None
    if best is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


def decode_page(data: bytes) -> tuple[str, list[str]]:
    """Decode the bytes of a saved page.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are decoded as such. Anything else is
    handed to charset-normalizer, and the choice is reported as a warning, never made silently.

    Args:
        data: the raw bytes of the file.

    Returns:
        The text and the warnings the decoding produced.

    Raises:
        EncodingRefusal: when the bytes are not text.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = _decode(data, codec)
            except UnicodeDecodeError as error:
                raise EncodingRefusal(
                    f"the file starts with a {display_name(codec)} byte order mark "
                    f"but is not valid {display_name(codec)} ({error.reason})"
                ) from None
            if _looks_binary(text):
                raise EncodingRefusal("binary data, not a text page")
            return text, []
    try:
        text = _decode(data, "utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _utf8_looks_binary(data, text):
            raise EncodingRefusal("binary data, not a text page")
        return text, []
    guessed = _utf16_without_bom(data)
    if guessed is not None and not _looks_binary(guessed):
        codec = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        return guessed, [f"encoding guessed as {codec} (no byte order mark)"]
    if b"\x00" in data:
        raise EncodingRefusal("binary data, not a text page")
    detected = _detect(data)
    if detected is None or _looks_binary(detected[0]):
        raise EncodingRefusal("binary data or an unknown encoding, not a text page")
    text, codec = detected
    return text, [f"encoding guessed as {display_name(codec)}"]

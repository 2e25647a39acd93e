"""A huge page is decoded and checked for binary data in pieces, with the whole page's answer.

One `bytes.decode` or regex over 19 MB held the interpreter lock for 30-60 ms against the
window's thread (issue 12). Here the pieces are made a few bytes long, so characters of every
UTF-8 length, byte order marks and broken sequences meet a piece edge.
"""

from __future__ import annotations

import codecs
import random

import pytest

from reader.core.page import encoding
from reader.core.page.encoding import EncodingRefusal, decode_page

_TEXTS = [
    "Transmitted to Bulganin. Передано т.Булганину. 我们决定 조선 𝔄𝔅 é\n" * 4,
    "x\x01y\x7fz\x0b" * 3 + "plain text after a few control characters " * 4,
    "\x01" * 2 + "ok" * 3000,  # two controls: under the floor of three
    "ab\x00cd" + "й" * 20,
    "",
]


def _outcome(data: bytes) -> tuple[str, object]:
    try:
        return "read", decode_page(data)
    except EncodingRefusal as error:
        return "refused", str(error)


def _pages() -> list[bytes]:
    rng = random.Random(4)
    pages = []
    for text in _TEXTS:
        for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le"):
            pages.append(text.encode(codec, "surrogatepass"))
    good = _TEXTS[0].encode()
    for _ in range(40):  # broken sequences anywhere: a lost byte, a stray lead or follow byte
        cut = rng.randrange(len(good))
        pages.append(good[:cut] + rng.choice([b"", b"\xd0", b"\x80", b"\xf0\x9f", b"\xff"])
                     + good[cut + rng.randrange(2):])  # fmt: skip
    pages.append(codecs.BOM_UTF8 + good[:-1])  # a BOM and a truncated last character
    pages.append(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00")  # an odd byte
    return pages


@pytest.mark.parametrize("size", [1, 2, 3, 5, 64])
def test_pages_decoded_in_pieces_read_as_the_whole_page(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _pages()
    whole = [_outcome(page) for page in pages]
    monkeypatch.setattr(encoding, "_PIECE", size)
    assert [_outcome(page) for page in pages] == whole
    assert sum(kind == "read" for kind, _ in whole) >= 10
    assert sum(kind == "refused" for kind, _ in whole) >= 5


@pytest.mark.parametrize("size", [1, 3, 1 << 20])
def test_control_characters_counted_in_utf8_bytes_as_in_the_text(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encoding, "_PIECE", size)
    rng = random.Random(5)
    alphabet = ["a", " ", "й", "漢", "𝔄", "\x01", "\x7f", "\x0b", "\t", "\r", "\x0c", "\x1f"]
    for length in (0, 1, 10, 500, 3000, 4000):
        for share in (0.0, 0.0005, 0.001, 0.01):
            text = "".join(rng.choice(alphabet[:5]) for _ in range(length))
            chars = list(text)
            for _ in range(int(length * share) + rng.randrange(4)):
                if chars:
                    chars[rng.randrange(len(chars))] = rng.choice(alphabet[5:])
            text = "".join(chars)
            expected = encoding._looks_binary(text)
            assert encoding._utf8_looks_binary(text.encode(), text) == expected
    assert encoding._utf8_looks_binary(b"a\x00b", "a\x00b")
    assert not encoding._utf8_looks_binary(b"a\x01\x01b", "a\x01\x01b")
    assert encoding._utf8_looks_binary(b"a\x01\x01\x7fb", "a\x01\x01\x7fb")

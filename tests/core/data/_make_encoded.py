"""Writes the encoded and binary fixtures; run once, the outputs are committed."""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = (
    HERE.parents[2]
    / "seeds"
    / "ciphered-telegram-filippov-stalin-mao-zedong-and-zhou-enlai-roshchin.txt"
)


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    # Windows-1251 encodes every character of the seed, NBSP and curly quotes included.
    (HERE / "cp1251.txt").write_bytes(
        text.replace("Record ID\n\n113729", "Record ID\n\n900001").encode("cp1251")
    )
    (HERE / "utf16.txt").write_bytes(text.replace("113729", "900002").encode("utf-16"))
    (HERE / "bom.txt").write_bytes(text.replace("113729", "900003").encode("utf-8-sig"))
    (HERE / "crlf.txt").write_bytes(
        text.replace("113729", "900004").replace("\n", "\r\n").encode("utf-8")
    )
    rng = random.Random(1950)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096))
    (HERE / "binary.txt").write_bytes(png)
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "blank.txt").write_bytes("\n \n\u00a0\n\t\r\n\u00a0\u00a0\n".encode())


if __name__ == "__main__":
    main()

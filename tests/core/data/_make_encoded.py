"""Writes the encoded and binary fixtures; run once, the outputs are committed."""

from __future__ import annotations

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "seeds" / "000_6ac3a21e3d46086e.txt"


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    # The archive's page, unchanged, in the encodings and line ends that older tools save.
    # Windows-1251 encodes every character of the seed, NBSP and curly quotes included.
    (HERE / "seed_cp1251.txt").write_bytes(text.encode("cp1251"))
    (HERE / "seed_utf16.txt").write_bytes(text.encode("utf-16"))
    (HERE / "seed_bom.txt").write_bytes(text.encode("utf-8-sig"))
    (HERE / "seed_crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    rng = random.Random(1950)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096))
    (HERE / "binary.txt").write_bytes(png)
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "blank.txt").write_bytes("\n \n\u00a0\n\t\r\n\u00a0\u00a0\n".encode())


if __name__ == "__main__":
    main()

"""A huge document aligned in a child process, so the process that asked stays responsive.

Aligning a 5 MB page is tens of seconds of pure Python. Run on a thread of the window's
process it held the interpreter lock against the GUI thread, which then waited up to a
switch interval for every call it made into Qt: the window stuttered for as long as the
alignment ran (issue 12). The child runs `align_long` with the same section settings, so the
alignment is the same as aligning here; if the child cannot start or dies, it is aligned here.

The texts go to the child, and the alignment comes back, in parts, and the child reads and
writes the disk cache: one pickle or JSON document of 40,000 beads or paragraphs is a single
call of tens of milliseconds that holds the interpreter lock, which the window felt as a stall.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reader.core.align import sections
from reader.core.align.alignment import Alignment, FixedBead, ParagraphBead, SentenceBead
from reader.core.align.cache_file import cached_or_computed
from reader.core.document import Text

Progress = Callable[[int, int], None]
# The settings of `sections` that decide an alignment, handed to the child as they are here.
_SETTINGS = ("HUGE_PARAGRAPHS", "HUGE_PARAGRAPH_CHARS", "SECTION", "CHUNK")
PART_BEADS = 2000  # beads per message back: a few milliseconds to unpickle
PART_CHARS = 1 << 17  # characters of text per message to the child


def align_away(
    original: Text,
    translation: Text,
    fixed: Sequence[FixedBead] = (),
    progress: Progress | None = None,
    cache: Path | None = None,
) -> Alignment:
    """`sections.align_long` run in a child process, its progress reported here.

    Args:
        original: the original-language text.
        translation: the translation.
        fixed: paragraph beads set by hand.
        progress: called with (original paragraphs done, all of them) as sections finish.
        cache: the alignment's file in the disk cache (`cache_file`): read from it when it
            holds the alignment, else written there once aligned.

    Returns:
        The alignment, the same as `align_long` gives in this process.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    text_receiver, text_sender = context.Pipe(duplex=False)
    settings = {name: getattr(sections, name) for name in _SETTINGS}
    arguments = (sender, text_receiver, tuple(fixed), settings, cache, PART_BEADS)
    child = context.Process(target=_align_in_child, args=arguments, name="diglot-align",
                            daemon=True)  # fmt: skip
    try:
        child.start()
    except OSError:  # no processes to be had: align here
        receiver.close()
        text_sender.close()
        return _cached_or_aligned(original, translation, fixed, progress, cache)
    finally:
        sender.close()
        text_receiver.close()
    finished = False
    paragraphs: list[ParagraphBead] = []
    sentences: list[SentenceBead] = []
    try:
        try:
            for text in (original, translation):
                send_text(text_sender, text)
        finally:
            text_sender.close()
        while True:
            message = receiver.recv()
            if message[0] == "progress" and progress is not None:
                progress(*message[1:])  # may raise to cancel: the child is ended below
            elif message[0] == "paragraphs":
                paragraphs += message[1]
            elif message[0] == "sentences":
                sentences += message[1]
            elif message[0] == "done":
                finished = True
                return Alignment(tuple(paragraphs), tuple(sentences), *message[1:])
            elif message[0] == "failed":
                break
    except (EOFError, OSError):
        pass  # the child died: align here, which also raises what the child raised
    finally:
        receiver.close()
        if not finished:
            child.kill()
        child.join(timeout=5)
    return _cached_or_aligned(original, translation, fixed, progress, cache)


def _cached_or_aligned(original: Text, translation: Text, fixed: Sequence[FixedBead],
                       progress: Progress | None, cache: Path | None) -> Alignment:  # fmt: skip
    def align() -> Alignment:
        return sections.align_long(original, translation, fixed, progress)

    return align() if cache is None else cached_or_computed(cache, align)


def send_text(connection: Connection, text: Text) -> None:
    """Send `text` down `connection` in parts of at most PART_CHARS characters (`received_text`).

    A text handed to the child as an argument was pickled in one call with the child's other
    arguments, 20-30 ms holding the interpreter lock against the window (issue 12).
    """
    connection.send(("text", text.language, len(text.paragraphs)))
    part: list[tuple[int, str]] = []
    size = 0
    for number, paragraph in enumerate(text.paragraphs):
        for start in range(0, max(len(paragraph), 1), PART_CHARS):
            piece = paragraph[start : start + PART_CHARS]
            part.append((number, piece))
            size += len(piece) + 1
            if size >= PART_CHARS:
                connection.send(("pieces", part))
                part, size = [], 0
    if part:
        connection.send(("pieces", part))
    connection.send(("end",))


def received_text(connection: Connection) -> Text:
    """The text `send_text` sent down `connection`, put back together."""
    kind, language, count = connection.recv()
    if kind != "text":
        raise ValueError(f"expected a text, got {kind!r}")
    pieces: list[list[str]] = [[] for _ in range(count)]
    while (message := connection.recv())[0] == "pieces":
        for number, piece in message[1]:
            pieces[number].append(piece)
    return Text(language, tuple("".join(parts) for parts in pieces))


def _align_in_child(sender: Connection, texts: Connection, fixed: tuple[FixedBead, ...],
                    settings: dict[str, Any], cache: Path | None, part: int) -> None:  # fmt: skip
    for name, value in settings.items():
        setattr(sections, name, value)
    try:
        with texts:
            original, translation = received_text(texts), received_text(texts)
        def report(done: int, total: int) -> None:
            sender.send(("progress", done, total))

        alignment = _cached_or_aligned(original, translation, fixed, report, cache)
        for kind, beads in (("paragraphs", alignment.paragraph_beads),
                            ("sentences", alignment.sentence_beads)):  # fmt: skip
            for start in range(0, len(beads), part):
                sender.send((kind, beads[start : start + part]))
        sender.send(("done", alignment.n_original, alignment.n_translation))
    except Exception as error:  # told to the parent, which aligns itself
        sender.send(("failed", repr(error)))
    finally:
        sender.close()

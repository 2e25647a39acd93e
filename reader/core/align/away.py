"""A huge document aligned in a child process, so the process that asked stays responsive.

Aligning a 5 MB page is tens of seconds of pure Python. Run on a thread of the window's
process it held the interpreter lock against the GUI thread, which then waited up to a
switch interval for every call it made into Qt: the window stuttered for as long as the
alignment ran (issue 12). The child runs `align_long` with the same section settings, so the
alignment is the same as aligning here; if the child cannot start or dies, it is aligned here.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from reader.core.align import sections
from reader.core.align.alignment import Alignment, FixedBead
from reader.core.document import Text

Progress = Callable[[int, int], None]
# The settings of `sections` that decide an alignment, handed to the child as they are here.
_SETTINGS = ("HUGE_PARAGRAPHS", "HUGE_PARAGRAPH_CHARS", "SECTION", "CHUNK")


def align_away(
    original: Text,
    translation: Text,
    fixed: Sequence[FixedBead] = (),
    progress: Progress | None = None,
) -> Alignment:
    """`sections.align_long` run in a child process, its progress reported here.

    Args:
        original: the original-language text.
        translation: the translation.
        fixed: paragraph beads set by hand.
        progress: called with (original paragraphs done, all of them) as sections finish.

    Returns:
        The alignment, the same as `align_long` gives in this process.
    """
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    settings = {name: getattr(sections, name) for name in _SETTINGS}
    arguments = (sender, original, translation, tuple(fixed), settings)
    child = context.Process(target=_align_in_child, args=arguments, name="diglot-align",
                            daemon=True)  # fmt: skip
    try:
        child.start()
    except OSError:  # no processes to be had: align here
        receiver.close()
        return sections.align_long(original, translation, fixed, progress)
    finally:
        sender.close()
    finished = False
    try:
        while True:
            message = receiver.recv()
            if message[0] == "progress" and progress is not None:
                progress(*message[1:])  # may raise to cancel: the child is ended below
            elif message[0] == "done":
                finished = True
                alignment: Alignment = message[1]
                return alignment
            elif message[0] == "failed":
                break
    except (EOFError, OSError):
        pass  # the child died: align here, which also raises what the child raised
    finally:
        receiver.close()
        if not finished:
            child.kill()
        child.join(timeout=5)
    return sections.align_long(original, translation, fixed, progress)


def _align_in_child(sender: Connection, original: Text, translation: Text,
                    fixed: tuple[FixedBead, ...], settings: dict[str, Any]) -> None:  # fmt: skip
    for name, value in settings.items():
        setattr(sections, name, value)
    try:
        def report(done: int, total: int) -> None:
            sender.send(("progress", done, total))

        alignment = sections.align_long(original, translation, fixed, report)
        sender.send(("done", alignment))
    except Exception as error:  # told to the parent, which aligns itself
        sender.send(("failed", repr(error)))
    finally:
        sender.close()

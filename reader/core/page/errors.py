"""The one error the page parser raises; `reader.core.page.parser` re-exports it."""

from __future__ import annotations


class PageError(Exception):
    """A file that cannot be read as an archive page, with the file name and the reason.

    Attributes:
        path: the file name as given to the parser.
        reason: a plain sentence saying why the file was refused.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[PageError], tuple[str, str]]:
        # Lets the error cross process boundaries (a multiprocessing indexer) intact.
        return (PageError, (self.path, self.reason))

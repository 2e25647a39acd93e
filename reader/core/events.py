"""A tiny typed observer, so widgets can follow core objects without the core importing Qt."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Event(Generic[T]):
    """A list of callbacks that all receive each emitted value, in connection order.

    Each core object owns its events as instance attributes; there is no global bus, so tests
    never need to reset anything.
    """

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def connect(self, callback: Callable[[T], object]) -> Callable[[T], object]:
        """Call `callback` on every emit; connecting the same callback twice calls it once.

        Args:
            callback: called with the emitted value.

        Returns:
            The callback, so `connect` can be used as a decorator.
        """
        if callback not in self._callbacks:
            self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[[T], object]) -> None:
        """Stop calling `callback`; disconnecting one never connected is not an error."""
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        """Call every connected callback with `value`.

        Args:
            value: what happened; its meaning is the owner's to document.
        """
        # A copy: a callback may disconnect itself (or connect another) while we iterate.
        for callback in list(self._callbacks):
            callback(value)

    def __len__(self) -> int:
        return len(self._callbacks)

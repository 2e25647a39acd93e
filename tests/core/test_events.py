from __future__ import annotations

from reader.core.events import Event


def test_emit_calls_connected_callbacks_in_order() -> None:
    event: Event[int] = Event()
    seen: list[tuple[str, int]] = []
    event.connect(lambda v: seen.append(("a", v)))
    event.connect(lambda v: seen.append(("b", v)))
    event.emit(3)
    assert seen == [("a", 3), ("b", 3)]


def test_connect_twice_calls_once_and_disconnect_stops() -> None:
    event: Event[str] = Event()
    seen: list[str] = []
    event.connect(seen.append)
    event.connect(seen.append)
    event.emit("x")
    event.disconnect(seen.append)
    event.emit("y")
    assert seen == ["x"]
    assert len(event) == 0


def test_disconnect_unknown_is_harmless() -> None:
    event: Event[None] = Event()
    event.disconnect(print)


def test_callback_may_disconnect_itself_during_emit() -> None:
    event: Event[int] = Event()
    seen: list[int] = []

    def once(value: int) -> None:
        seen.append(value)
        event.disconnect(once)

    event.connect(once)
    event.connect(lambda v: seen.append(v * 10))
    event.emit(1)
    event.emit(2)
    assert seen == [1, 10, 20]


def test_connect_works_as_decorator() -> None:
    event: Event[int] = Event()
    seen: list[int] = []

    @event.connect
    def record(value: int) -> None:
        seen.append(value)

    event.emit(5)
    assert seen == [5]


def test_events_are_independent_per_instance() -> None:
    first: Event[int] = Event()
    second: Event[int] = Event()
    seen: list[int] = []
    first.connect(seen.append)
    second.emit(1)
    assert seen == []

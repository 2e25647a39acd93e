"""The timeline strip: the collection's documents by date, painted from `Timeline`'s bins.

Dated to the day or month, a document is a solid share of its month's bar; dated to the year
only, it is a hatched share spread over the year's months, so nothing suggests 1 January.
Dragging over the strip chooses the date range that filters the document list (a click takes
one bar, a double click all dates). While the list's filter text or facets leave documents
out, each bar is drawn as the share they keep over a faint bar of the whole bin, on one scale.
The open document's date is marked above the bars, as a tick for a day and a bracket for a
month or year. Painting walks the bins, never the
documents: it costs the same for 50 documents or 50,000 (bench/timeline.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from reader.core.page.dates import date_span
from reader.core.session.reading import Aspect, ReadingState
from reader.core.session.timeline import Bin, Timeline
from reader.core.wording import plural
from reader.ui.mark_styles import blend

HEIGHT = 72
AXIS = 14  # pixels under the bars for the year labels
MARK = 8  # pixels above the bars for the open document's mark
PAD = 6
CLICK = 3  # a drag shorter than this many pixels is a click
_YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def _bin_name(timeline: Timeline, bar: Bin) -> str:
    day = dt.date.fromordinal(bar.first)
    return str(day.year) if timeline.by_year else f"{_MONTHS[day.month - 1]} {day.year}"


class TimelineStrip(QWidget):
    """A histogram of the catalog's dates; dragging over it sets the list's date range."""

    def __init__(self, timeline: Timeline, reading: ReadingState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self._reading = reading
        self._drag: tuple[float, float] | None = None  # (from x, to x) while dragging
        self.setAccessibleName("Timeline")
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        timeline.changed.connect(self._on_timeline_changed)
        reading.changed.connect(self._on_reading_changed)
        self._on_timeline_changed(None)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, HEIGHT)

    # Mirroring -----------------------------------------------------------------------------

    def _on_timeline_changed(self, _: None) -> None:
        self.setAccessibleDescription(self.describe())
        self.update()

    def _on_reading_changed(self, aspect: Aspect) -> None:
        if aspect == "document":
            self.update()

    def describe(self) -> str:
        """One line saying what the strip shows, for the tooltip and assistive tools."""
        bins, timeline = self.timeline.bins, self.timeline
        dated = round(sum(bar.total for bar in bins))
        if not bins:
            return f"No dated documents; {timeline.undated} undated"
        first = dt.date.fromordinal(bins[0].first).year
        last = dt.date.fromordinal(bins[-1].last).year
        line = f"{plural(dated, 'dated document')}, {first}–{last}; {timeline.undated} undated"
        if timeline.filtering:
            kept = round(sum(bar.shown for bar in bins))
            line += (f"; the list's filter keeps {kept} dated and "
                     f"{timeline.undated_shown} undated")
        chosen = timeline.selection
        if chosen is not None:
            line += f"; showing {self._day_name(chosen[0])} to {self._day_name(chosen[1])}"
        return line

    @staticmethod
    def _day_name(day: int) -> str:
        return dt.date.fromordinal(day).isoformat()

    # Geometry ------------------------------------------------------------------------------

    def _undated_text(self) -> str:
        timeline = self.timeline
        if timeline.filtering and timeline.undated:
            return f"{timeline.undated_shown} of {timeline.undated} undated"
        return f"{timeline.undated} undated"

    def _plot(self) -> QRectF:
        # As wide as the filtered wording, so filtering never shifts the axis under the mouse.
        widest = f"{self.timeline.undated} of {self.timeline.undated} undated"
        right = self.fontMetrics().horizontalAdvance(widest) + 2 * PAD
        return QRectF(PAD, MARK, max(self.width() - PAD - right, 1),
                      max(self.height() - MARK - AXIS, 1))

    def x_of(self, day: float) -> float:
        """The x coordinate of a day (ordinal) on the strip."""
        extent, plot = self.timeline.extent, self._plot()
        if extent is None:
            return plot.left()
        span = extent[1] + 1 - extent[0]
        return plot.left() + (day - extent[0]) / span * plot.width()

    def day_at(self, x: float) -> int:
        """The day (ordinal) under an x coordinate, clamped to the strip."""
        extent, plot = self.timeline.extent, self._plot()
        if extent is None:
            return 0
        share = min(max((x - plot.left()) / plot.width(), 0.0), 1.0)
        return min(extent[0] + int(share * (extent[1] + 1 - extent[0])), extent[1])

    # Painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        palette = self.palette()
        base, text = palette.color(QPalette.ColorRole.Base), palette.color(
            QPalette.ColorRole.WindowText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter.fillRect(self.rect(), base)
        plot = self._plot()
        painter.setPen(blend(text, base, 0.4))
        painter.drawText(QRectF(plot.right() + PAD, plot.top(), self.width(), plot.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         self._undated_text())
        if not self.timeline.bins:
            return
        self._paint_selection(painter, plot, accent)
        self._paint_bars(painter, plot, blend(accent, text, 0.25))
        self._paint_axis(painter, plot, blend(text, base, 0.35))
        self._paint_open_document(painter, plot, QColor("#d9534f"))

    def _bars(self, plot: QRectF) -> list[tuple[float, float, Bin]]:
        """(left, right, counts) per drawn bar: bins joined so each is 3+ pixels wide.

        Months a pixel or less wide would draw as a comb of spikes; runs of them are summed
        instead. The work is per bin, never per document.
        """
        bins = self.timeline.bins
        per_bin = plot.width() / len(bins)
        group = max(1, round(3 / per_bin + 0.4999)) if per_bin < 3 else 1
        bars = []
        for start in range(0, len(bins), group):
            run = bins[start : start + group]
            summed = Bin(run[0].first, run[-1].last, sum(b.exact for b in run),
                         sum(b.spread for b in run), sum(b.shown_exact for b in run),
                         sum(b.shown_spread for b in run))  # fmt: skip
            bars.append((self.x_of(run[0].first), self.x_of(run[-1].last + 1), summed))
        return bars

    def _paint_bars(self, painter: QPainter, plot: QRectF, colour: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        base = self.palette().color(QPalette.ColorRole.Base)
        solid = QBrush(colour)
        hatched = QBrush(colour, Qt.BrushStyle.BDiagPattern)
        spread_fill = QBrush(blend(colour, base, 0.65))
        # The documents the list's filter leaves out: a faint bar behind, on the same scale,
        # so the filtered bars read as a share of the collection, not as a new histogram.
        left_out = QBrush(blend(colour, base, 0.85))
        filtering = self.timeline.filtering
        bars = self._bars(plot)
        scale = plot.height() / (max((b.total for _, _, b in bars), default=1.0) or 1.0)
        for left, right, bar in bars:
            width = max(right - left - (1 if right - left > 3 else 0), 1.0)
            if filtering:
                painter.setBrush(left_out)
                height = bar.total * scale
                painter.drawRect(QRectF(left, plot.bottom() - height, width, height))
            exact_height = bar.shown_exact * scale
            if filtering and 0 < exact_height < 2:
                exact_height = 2.0  # one kept document must show however many are left out
            painter.setBrush(solid)
            painter.drawRect(QRectF(left, plot.bottom() - exact_height, width, exact_height))
            if bar.shown_spread:
                # Year-only dates: a lighter, hatched share on top, spread over their year.
                height = bar.shown_spread * scale
                top = plot.bottom() - exact_height - height
                painter.setBrush(spread_fill)
                painter.drawRect(QRectF(left, top, width, height))
                painter.setBrush(hatched)
                painter.drawRect(QRectF(left, top, width, height))

    def _paint_selection(self, painter: QPainter, plot: QRectF, accent: QColor) -> None:
        chosen: tuple[float, float] | None = None
        if self._drag is not None:
            chosen = tuple(sorted(self._drag))  # type: ignore[assignment]
        elif (selection := self.timeline.selection) is not None:
            chosen = (self.x_of(selection[0]), self.x_of(selection[1] + 1))
        if chosen is None:
            return
        shade = QColor(accent)
        shade.setAlphaF(0.22)
        painter.fillRect(QRectF(chosen[0], 0, max(chosen[1] - chosen[0], 1.0),
                                plot.bottom()), shade)
        painter.setPen(accent)
        painter.drawLine(QPointF(chosen[0], 0), QPointF(chosen[0], plot.bottom()))
        painter.drawLine(QPointF(chosen[1], 0), QPointF(chosen[1], plot.bottom()))

    def _paint_axis(self, painter: QPainter, plot: QRectF, colour: QColor) -> None:
        extent = self.timeline.extent
        assert extent is not None
        first = dt.date.fromordinal(extent[0]).year
        last = dt.date.fromordinal(extent[1]).year
        label_width = self.fontMetrics().horizontalAdvance("0000") + 8
        years = max(last - first + 1, 1)
        step = next((s for s in _YEAR_STEPS if plot.width() * s / years >= label_width),
                    _YEAR_STEPS[-1] * (1 + years // 1000))  # fmt: skip
        painter.setPen(colour)
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        year = first + (-first) % step
        while year <= last:
            x = self.x_of(dt.date(year, 1, 1).toordinal())
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            if x - label_width / 2 < 0:  # a year cut by the edge reads as another ("945")
                year += step
                continue
            painter.drawText(QRectF(x - label_width / 2, plot.bottom() + 2, label_width, AXIS),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(year))
            year += step

    def open_span(self) -> tuple[int, int] | None:
        """The open document's date as (first, last) day ordinals, None when undated."""
        document = self._reading.document
        if document is None:
            return None
        return date_span(document.date.iso, document.date.precision)

    def _paint_open_document(self, painter: QPainter, plot: QRectF, colour: QColor) -> None:
        span = self.open_span()
        if span is None:
            return
        left, right = self.x_of(span[0]), self.x_of(span[1] + 1)
        painter.setPen(colour)
        painter.setBrush(colour)
        if right - left < 4:  # a day: a pointer down onto its bar
            middle = (left + right) / 2
            painter.drawPolygon(QPolygonF([QPointF(middle - 4, 0), QPointF(middle + 4, 0),
                                           QPointF(middle, MARK - 1)]))
            painter.drawLine(QPointF(middle, MARK), QPointF(middle, plot.bottom()))
        else:  # a month or a year: a bracket over all of it, as wide as the page was vague
            painter.drawRect(QRectF(left, 2, right - left, 2))
            painter.drawLine(QPointF(left, 2), QPointF(left, MARK))
            painter.drawLine(QPointF(right, 2), QPointF(right, MARK))

    # Mouse ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.timeline.bins:
            x = event.position().x()
            self._drag = (x, x)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        if self._drag is not None:
            self._drag = (self._drag[0], x)
            self.update()
            return
        bar = self._bar_at(x)
        if bar is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.bar_text(bar), self)

    def bar_text(self, bar: Bin) -> str:
        """What a bar holds, in words: its tooltip."""
        spread = f" and {bar.spread:.1f} of dates given as a year only" if bar.spread else ""
        line = f"{_bin_name(self.timeline, bar)}: {plural(bar.exact, 'document')}{spread}"
        if self.timeline.filtering:
            kept_spread = f" and {bar.shown_spread:.1f}" if bar.spread else ""
            line += f"; the list's filter keeps {bar.shown_exact}{kept_spread}"
        return line

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        start, end = self._drag[0], event.position().x()
        self._drag = None
        if abs(end - start) < CLICK:
            end = start  # a click: the bar under it
        self.timeline.select(self.day_at(start), self.day_at(end))
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag = None
        self.timeline.clear()

    def _bar_at(self, x: float) -> Bin | None:
        if not self.timeline.bins or not self._plot().left() <= x <= self._plot().right():
            return None
        day = self.day_at(x)
        return next((bar for bar in self.timeline.bins if bar.first <= day <= bar.last), None)

"""Timeline and archive browser at 50,000 made-up documents: binning, painting, tree building.

    QT_QPA_PLATFORM=offscreen python -m bench.timeline [--documents 50000] [--paints 200]

Every date and citation is generated (seeded): a share of the dates give only the month or
the year, a few none. Prints median times: the bins and the arrangement are built once per
change of the catalog's entries; a paint of the strip is timed at 500 and at N documents to
show that its cost does not grow with them.
"""

from __future__ import annotations

import argparse
import random
import time

from bench.measure import median
from reader.core.index.types import DocumentEntry
from reader.core.provenance.arrangement import Locator
from reader.core.session.browsing import Browsing
from reader.core.session.catalog import Catalog
from reader.core.session.reading import ReadingState
from reader.core.session.timeline import Timeline

_ARCHIVES = (("APRF", "45", "1"), ("AVPRF", "0102", "6"), ("RGASPI", "558", "11"),
             ("GARF", "R-5446", "1"), ("SAPMO-BArch", "DY 30", ""))  # fmt: skip


def made_up_entries(count: int, seed: int = 1950) -> list[DocumentEntry]:
    """`count` entries with generated dates (1917-1991) and archival locators."""
    rng = random.Random(seed)
    entries = []
    for number in range(count):
        year, month, day = rng.randint(1917, 1991), rng.randint(1, 12), rng.randint(1, 28)
        roll = rng.random()
        if roll < 0.05:
            iso, precision = None, "unknown"
        elif roll < 0.15:
            iso, precision = f"{year}", "year"
        elif roll < 0.25:
            iso, precision = f"{year}-{month:02d}", "month"
        else:
            iso, precision = f"{year}-{month:02d}-{day:02d}", "day"
        archive, fond, opis = rng.choice(_ARCHIVES)
        first = rng.randint(1, 300)
        locator = Locator(archive, fond, opis, str(rng.randint(1, 400)),
                          folios=f"{first}-{first + rng.randint(0, 4)}")
        entries.append(DocumentEntry(
            f"made-up-{number}", f"Made-up document {number}", iso or "", iso, precision, "",
            (archive,), ("ru",), path=f"/made-up/{number}.txt", content_hash="0" * 64,
            locators=(locator,)))
    return entries


def _timed(work: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return median(times)


def paint_time(count: int, paints: int) -> float:
    """Median seconds to paint the strip (900 x 72) over `count` made-up documents."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from reader.ui.timeline import TimelineStrip

    QApplication.instance() or QApplication([])
    catalog = Catalog()
    catalog.set_entries(made_up_entries(count))
    strip = TimelineStrip(Timeline(catalog), ReadingState())
    strip.resize(900, 72)
    image = QImage(strip.size(), QImage.Format.Format_ARGB32)

    def paint() -> None:
        strip.render(image)  # the widget's own paintEvent, into an image

    paint()  # fonts and the first layout
    return _timed(paint, paints)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--paints", type=int, default=200)
    args = parser.parse_args()
    entries = made_up_entries(args.documents)
    catalog = Catalog()
    catalog.set_entries(entries)
    timeline = Timeline(catalog)
    def count_anew() -> None:
        timeline._generations = (-1, -1)  # as after a change of the entries
        timeline._recount()

    bins = _timed(count_anew, 5)
    typing = _timed(lambda: (catalog.set_filter("document 12"), catalog.set_filter("")), 5)
    browsing = Browsing(catalog)

    def build_tree() -> None:
        browsing._arrangement = None
        _ = browsing.arrangement

    tree = _timed(build_tree, 3)
    some = browsing.arrangement.archives[0].children[0].children[0].children[0].documents[0]
    related = _timed(lambda: browsing.related(some.doc_id), 20)
    dated = (timeline.bins[0].first, timeline.bins[-1].last)
    filtering = _timed(lambda: (timeline.select(dated[0] + 3000, dated[0] + 6000),
                                timeline.clear()), 5)
    small, large = paint_time(500, args.paints), paint_time(args.documents, args.paints)
    print(f"{args.documents} made-up documents, {len(timeline.bins)} bins, "
          f"{timeline.undated} undated")
    print(f"bins (once per change of entries)      {bins * 1000:8.1f} ms")
    print(f"arrangement tree (once per change)     {tree * 1000:8.1f} ms")
    print(f"related documents of one               {related * 1000:8.1f} ms")
    print(f"drag: filter the list and clear again  {filtering * 1000:8.1f} ms")
    print(f"filter text on, off: list and bars     {typing * 1000:8.1f} ms")
    print(f"paint the strip, 500 documents         {small * 1000:8.2f} ms")
    print(f"paint the strip, {args.documents} documents     {large * 1000:8.2f} ms")


if __name__ == "__main__":
    main()

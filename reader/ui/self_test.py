"""`diglot --self-test`: does this build work? The window's own path, offscreen, in a temp home.

It builds the index (in the spawned child process the window uses, which a frozen build must
be able to start), opens the seed, checks that a font covers its Cyrillic, writes a PDF,
starts the single-instance server, prints one line and exits 0; or says what failed and exits 1.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

SEED_RECORD = "113729"
TIMEOUT_MS = 120_000


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(TIMEOUT_MS)
    while not condition():
        if deadline.hasExpired():
            raise RuntimeError(f"timed out waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _checks(home: Path) -> str:
    from PySide6.QtGui import QRawFont
    from PySide6.QtWidgets import QApplication

    from reader.core.session.workspace import Workspace
    from reader.core.wording import plural
    from reader.ui.app import DiglotApp
    from reader.ui.printing import export_pdf, view_html
    from reader.ui.resources import app_icon, register_fonts
    from reader.ui.single_instance import claim_or_hand_over

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setWindowIcon(app_icon())
    if not register_fonts():
        raise RuntimeError("no bundled font could be registered")
    instance = claim_or_hand_over(home, [], timeout_ms=0)
    if instance is None or not Path(instance.socket_path).exists():
        raise RuntimeError("the single-instance server did not start")
    diglot = DiglotApp(Workspace(home), settings_path=home / "settings.ini")
    try:
        diglot.start()
        _wait_for(lambda: diglot.last_report is not None and not diglot.indexing,
                  "the index to be built")
        report = diglot.last_report
        assert report is not None
        if not diglot.workspace.open_document(SEED_RECORD):
            raise RuntimeError(f"the seed page (record {SEED_RECORD}) did not open")
        original = diglot.window.split_view.panes["original"]
        text = original.toPlainText()
        cyrillic = sorted({ch for ch in text if "\u0400" <= ch <= "\u04ff"})
        if not cyrillic:
            raise RuntimeError("the seed's original shows no Cyrillic")
        font = QRawFont.fromFont(original.font())
        # By code point: PySide6 reads a one-letter str here as something else.
        missing = [ch for ch in cyrillic if not font.supportsCharacter(ord(ch))]
        if missing:
            raise RuntimeError(f"{font.familyName()} lacks {''.join(missing)}")
        html = view_html(diglot.workspace.reading)
        assert html is not None
        pdf = home / "self-test.pdf"
        pages = export_pdf(html, pdf)
        if pages < 1 or not pdf.read_bytes().startswith(b"%PDF"):
            raise RuntimeError("the PDF was not written")
        return (f"indexed {plural(report.documents, 'document')}, opened record {SEED_RECORD}, "
                f"{len(cyrillic)} Cyrillic letters in {font.familyName()}, "
                f"PDF of {plural(pages, 'page')}, instance server at {instance.socket_path}")
    finally:
        diglot.shutdown()
        diglot.window.close()
        instance.close()


def main() -> int:
    """Run the self-test; prints one line, returns 0 when everything worked, else 1."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    home = Path(tempfile.mkdtemp(prefix="diglot-self-test-"))
    os.environ["DIGLOT_HOME"] = str(home)
    os.environ.pop("DIGLOT_CONFIG", None)
    try:
        line = _checks(home)
    except Exception as error:  # any failure is the answer, in one line
        print(f"diglot self-test FAILED: {type(error).__name__}: {error}", flush=True)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"diglot self-test ok: {line}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Tests mirror the package tree: every module has its test file, or names the one covering it."""

from __future__ import annotations

from tests.conftest import ROOT

# Modules tested through another module's tests, and which (most are the parts of a whole
# that is tested as a whole: the parser's steps through real pages, the aligner's costs
# through its gold set, widgets through the window).
COVERED_BY = {
    "reader/core/align/corrections.py": "tests/core/align/test_store.py",
    "reader/core/align/cost.py": "tests/core/align/test_alignment.py",
    "reader/core/align/pairing.py": "tests/core/align/test_alignment.py",
    "reader/core/align/path.py": "tests/core/align/test_alignment.py",
    "reader/core/align/score.py": "tests/core/align/test_gold.py",
    "reader/core/align/solver.py": "tests/core/align/test_gold.py",
    "reader/core/annotations/model.py": "tests/core/annotations/test_store.py",
    "reader/core/annotations/opening.py": "tests/core/session/test_annotating.py",
    "reader/core/annotations/schema.py": "tests/core/annotations/test_store.py",
    "reader/core/atomic_file.py": "tests/core/index/test_crash.py",
    "reader/core/document.py": "tests/core/page/test_parser.py",
    "reader/core/export/parts.py": "tests/core/export/test_marks.py",
    "reader/core/index/query.py": "tests/core/index/test_search_index.py",
    "reader/core/index/ranking.py": "tests/core/index/test_search_index.py",
    "reader/core/index/spelled_names.py": "tests/core/index/test_spelling.py",
    "reader/core/index/store.py": "tests/core/index/test_search_index.py",
    "reader/core/index/types.py": "tests/core/index/test_search_index.py",
    "reader/core/index/job_messages.py": "tests/core/index/test_job.py",
    "reader/core/index/folding.py": "tests/core/index/test_spelling.py",
    "reader/core/index/update_server.py": "tests/core/index/test_job.py",
    "reader/core/library/duplicates.py": "tests/core/library/test_collection.py",
    "reader/core/page/dates.py": "tests/core/page/test_parser.py",
    "reader/core/page/encoding.py": "tests/core/page/test_parser.py",
    "reader/core/page/errors.py": "tests/core/page/test_parser.py",
    "reader/core/page/html.py": "tests/core/page/test_parser.py",
    "reader/core/page/old_site.py": "tests/core/page/test_parser.py",
    "reader/core/page/tail.py": "tests/core/page/test_parser.py",
    "reader/core/page/texts.py": "tests/core/page/test_parser.py",
    "reader/core/provenance/archives.py": "tests/core/provenance/test_citations.py",
    "reader/core/session/opening.py": "tests/core/session/test_workspace.py",
    "reader/core/text_range.py": "tests/ui/test_split_view.py",
    "reader/ui/annotation_marks.py": "tests/ui/test_annotation_controls.py",
    "reader/ui/annotations_dock.py": "tests/ui/test_annotation_controls.py",
    "reader/ui/elided_label.py": "tests/ui/test_metadata_panel.py",
    "reader/ui/find_bar.py": "tests/ui/test_app_reading.py",
    "reader/ui/import_report.py": "tests/ui/test_app_reading.py",
    "reader/ui/launch.py": "tests/ui/test_single_instance.py",
    "reader/ui/library_watcher.py": "tests/ui/test_app_reading.py",
    "reader/ui/main_window.py": "tests/ui/test_app.py",
    "reader/ui/note_editor.py": "tests/ui/test_annotation_controls.py",
    "reader/ui/page_frame.py": "tests/ui/test_printing.py",
    "reader/ui/pane_fill.py": "tests/ui/test_pane_blocks.py",
    "reader/ui/pane_geometry.py": "tests/ui/test_pane_blocks.py",
    "reader/ui/pane_pointing.py": "tests/ui/test_pane_blocks.py",
    "reader/ui/search_scope.py": "tests/ui/test_search_panel.py",
    "reader/ui/sentence_marks.py": "tests/ui/test_sentence_links.py",
    "reader/ui/text_pane.py": "tests/ui/test_split_view.py",
    "reader/ui/window_commands.py": "tests/ui/test_app.py",
}


def test_every_core_and_ui_module_has_its_tests() -> None:
    modules = [
        path for folder in ("core", "ui") for path in (ROOT / "reader" / folder).rglob("*.py")
        if path.name != "__init__.py"
    ]
    missing = []
    for module in modules:
        relative = module.relative_to(ROOT / "reader")
        mirror = ROOT / "tests" / relative.parent / f"test_{relative.name}"
        named = COVERED_BY.get(str(module.relative_to(ROOT)))
        if not mirror.is_file() and not (named and (ROOT / named).is_file()):
            missing.append(str(module.relative_to(ROOT)))
    assert not missing, f"modules without tests/<same path>/test_<module>.py: {missing}"
    stale = [name for name in COVERED_BY if not (ROOT / name).is_file()]
    assert not stale, f"COVERED_BY names modules that are gone: {stale}"

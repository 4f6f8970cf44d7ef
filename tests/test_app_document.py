"""The document: modified flag from the undo stack, saving, recovery copies across processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from blueprint_studio.app import document as document_module
from blueprint_studio.app.document import Document
from blueprint_studio.app.recovery import RecoveryStore
from blueprint_studio.commands import push_operation
from blueprint_studio.model import operations as ops
from blueprint_studio.storage import read_project
from blueprint_studio.templates import build_template

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "config")


def _rename_first_stage(document: Document, name: str) -> None:
    service_map = document.project.maps[0]
    push_operation(document.undo_stack, document.project,
                   ops.UpdateStage(service_map.id, service_map.stages[0].id, {"name": name}), "rename")


def test_modified_follows_the_undo_stack_and_save(qtbot, tmp_path, store):
    document = Document(build_template("blank_blueprint", "en"), recovery=store)
    seen: list[bool] = []
    document.modifiedChanged.connect(seen.append)
    assert not document.is_modified() and document.is_untitled()
    _rename_first_stage(document, "Arrive")
    assert document.is_modified()
    document.undo_stack.undo()
    assert not document.is_modified()
    document.undo_stack.redo()
    path = tmp_path / "plan.bpstudio"
    document.save_as(path)
    assert not document.is_modified() and document.path == str(path.resolve())
    assert read_project(path).maps[0].stages[0].name == "Arrive"
    _rename_first_stage(document, "Arrive early")
    document.save()  # incremental save into the same file
    assert read_project(path).maps[0].stages[0].name == "Arrive early"
    assert seen == [True, False, True, False, True, False]
    document.close()


def test_recovery_copy_written_after_a_change_and_removed_by_save(qtbot, tmp_path, store, monkeypatch):
    monkeypatch.setattr(document_module, "RECOVERY_DELAY_MS", 30)
    document = Document(build_template("blank_blueprint", "en"), recovery=store)
    _rename_first_stage(document, "Queue")
    qtbot.waitUntil(lambda: any(store.folder.glob("*.bpstudio")), timeout=3000)
    copy = next(store.folder.glob("*.bpstudio"))
    assert read_project(copy).maps[0].stages[0].name == "Queue"
    assert store.orphans() == []  # locked: this document is still open
    document.save_as(tmp_path / "saved.bpstudio")
    assert not copy.exists()
    document.close()
    assert list(store.folder.iterdir()) == []


def test_copy_of_a_crashed_process_is_offered_and_restorable(qtbot, tmp_path, store):
    # A real process edits, lets the recovery timer fire, then dies without any cleanup.
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication, QTimer
        from blueprint_studio.app import document as d
        from blueprint_studio.app.recovery import RecoveryStore
        from blueprint_studio.commands import push_operation
        from blueprint_studio.model import operations as ops
        from blueprint_studio.templates import build_template
        d.RECOVERY_DELAY_MS = 20
        app = QCoreApplication([])
        doc = d.Document(build_template("blank_blueprint", "en"),
                         path={str(tmp_path / "work.bpstudio")!r},
                         recovery=RecoveryStore(Path({str(tmp_path / "config")!r})))
        m = doc.project.maps[0]
        push_operation(doc.undo_stack, doc.project, ops.UpdateMap(m.id, {{"name": "Crashed work"}}), "x")
        doc.recoveryWritten.connect(lambda: os._exit(3))  # the lid closes right after
        QTimer.singleShot(5000, lambda: os._exit(4))
        app.exec()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    orphans = store.orphans()
    assert len(orphans) == 1
    assert orphans[0].original_path == str(tmp_path / "work.bpstudio")
    assert orphans[0].load().maps[0].name == "Crashed work"
    store.discard(orphans[0].token)
    assert store.orphans() == [] and list(store.folder.iterdir()) == []


def test_run_gui_opens_a_project_and_exits_cleanly(tmp_path):
    """The real entry point in a fresh process: opens the file, closes, exit code 0 (not 134)."""
    project_path = tmp_path / "class.bpstudio"
    from blueprint_studio.storage import write_project

    write_project(build_template("enterprise_training", "zh"), project_path)
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["BLUEPRINT_STUDIO_CONFIG_DIR"] = {str(tmp_path / "config")!r}
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from blueprint_studio.app.main import run_gui
        from blueprint_studio.app.main_window import MainWindow
        app = QApplication([])
        def check_and_close():
            windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
            assert windows[0].document.path.endswith("class.bpstudio"), windows[0].document.path
            print("cards", windows[0].map_area.current_scene().counts()["cards"])
            app.closeAllWindows()
        QTimer.singleShot(300, check_and_close)
        sys.exit(run_gui({str(project_path)!r}))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    expected = len(build_template("enterprise_training", "zh").maps[0].cards)
    assert f"cards {expected}" in result.stdout


def test_a_session_killed_before_any_change_leaves_nothing_to_offer(tmp_path, store):
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from blueprint_studio.app.document import Document
        from blueprint_studio.app.recovery import RecoveryStore
        from blueprint_studio.templates import build_template
        app = QCoreApplication([])
        doc = Document(build_template("blank_blueprint", "en"),
                       recovery=RecoveryStore(Path({str(tmp_path / "config")!r})))
        os._exit(5)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 5, result.stderr
    assert [p.suffix for p in store.folder.iterdir()] == [".lock"]
    assert store.orphans() == []
    assert list(store.folder.iterdir()) == []


def test_an_unexpected_error_is_logged_and_shown_as_one_sentence(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from blueprint_studio.app.errors import ErrorReporter

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text)))
    reporter = ErrorReporter(tmp_path)
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        reporter(type(error), error, error.__traceback__)
    assert len(shown) == 1 and "RuntimeError: boom" in shown[0] and "Traceback" not in shown[0]
    log = (tmp_path / "errors.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "boom" in log


def test_later_recovery_copies_write_only_the_changes_and_stay_exact(qtbot, tmp_path, store):
    """The copy is rewritten every few seconds while people work: after the first, only
    what changed is written (a 5,000-card project took ~0.25 s each time, now a few ms)."""
    from sqlalchemy import event

    document = Document(build_template("enterprise_training", "zh"), recovery=store)
    _rename_first_stage(document, "First")
    assert document.write_recovery()
    slot = document._recovery_slot
    statements: list[str] = []
    event.listen(slot._file.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_rest: statements.append(statement))
    _rename_first_stage(document, "Second")
    assert document.write_recovery()
    # One row (the stage), besides the claim of the next revision that opens every save.
    writes = [s for s in statements if s.split()[0] in ("INSERT", "UPDATE", "DELETE")
              and not s.startswith("UPDATE project SET revision=")]
    assert [s.split()[0] for s in writes] == ["UPDATE"]
    assert read_project(slot.copy_path) == document.project
    slot.copy_path.unlink()  # e.g. a cleaning tool emptied the folder: written whole again
    _rename_first_stage(document, "Third")
    assert document.write_recovery()
    assert read_project(slot.copy_path) == document.project
    document.close()
    assert list(store.folder.iterdir()) == []


def test_discarding_a_copy_removes_what_a_killed_session_left_beside_it(tmp_path, store):
    slot = store.new_slot()
    slot.write(build_template("blank_blueprint", "en"), None)
    slot._close_file()
    slot._lock.unlock()  # the session died
    # A save of the copy cut short (journal) and a first copy cut short (temporary file).
    (store.folder / f"{slot.copy_path.name}-journal").write_bytes(b"\0" * 512)
    (store.folder / f".{slot.copy_path.name}.k1ll3d.tmp").write_bytes(b"partial")
    (orphan,) = store.orphans()
    store.discard(orphan.token)
    assert list(store.folder.iterdir()) == []

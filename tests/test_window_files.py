"""Issue 7, never lose a save to a second writer: a refused (stale) save offers Save As, and a
file is shown in one window only. Driven through the window's actions like a user."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from blueprint_studio.app import main_window as main_window_module
from blueprint_studio.app.document import Document
from blueprint_studio.app.main import offer_recovery
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.recovery import RecoveryStore
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.i18n import set_language
from blueprint_studio.model import operations as ops
from blueprint_studio.storage import ProjectFile, read_project, write_project
from blueprint_studio.storage.errors import StaleSaveError
from blueprint_studio.templates import build_template


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def windows(qapp, config):
    """make(project=None) -> a shown window; `adopt(window)` for windows the program opened.
    All are torn down and deleted explicitly (PySide6 aborts otherwise)."""
    apply_theme(qapp)
    made: list[MainWindow] = []

    class Factory:
        def make(self, project=None) -> MainWindow:
            window = MainWindow(AppSettings())
            if project is not None:
                window.set_document(Document(project, recovery=window.recovery))
            window.resize(1000, 700)
            window.show()
            made.append(window)
            return window

        def adopt(self, window: MainWindow) -> MainWindow:
            made.append(window)
            return window

    yield Factory()
    for window in made:
        main_window_module._extra_windows.discard(window)
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language("en")


def trigger(window: MainWindow, name: str) -> None:
    action = window.actions[name]
    assert action.isEnabled(), name
    action.trigger()


def answer_box(object_name: str, handle) -> list:
    """Run `handle(box)` on the next modal dialog called `object_name`; returns those seen."""
    seen: list = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != object_name or not box.isVisible():
            QTimer.singleShot(10, poll)
            return
        try:
            text = box.text() + "\n" + box.informativeText() if isinstance(box, QMessageBox) else ""
            seen.append({"title": box.windowTitle(), "text": text,
                         "buttons": [b.text() for b in box.findChildren(QPushButton)]})
            handle(box)
        except BaseException:
            box.reject()  # never leave a modal dialog blocking the test run
            raise

    QTimer.singleShot(0, poll)
    return seen


def click(name: str):
    return lambda box: box.findChild(QPushButton, name).click()


def press(button: QMessageBox.StandardButton):
    return lambda box: box.button(button).click()


def no_error_boxes(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: pytest.fail(text)))


@pytest.fixture
def opened(windows, tmp_path):
    """A window showing a saved project file, with one unsaved change."""
    path = tmp_path / "class" / "hotel.bpstudio"
    path.parent.mkdir()
    write_project(build_template("hotel_stay", "en"), path)
    window = windows.make()
    assert window.files.open_path(str(path))
    trigger(window, "actionAddStage")
    assert window.isWindowModified()
    return window, path


def refuse_saves(monkeypatch) -> list[str]:
    """What the storage layer does when another writer saved the file after we read it."""
    refused: list[str] = []

    def stale(document) -> None:
        refused.append(document.path)
        raise StaleSaveError("Another program changed this file after it was opened.", document.path)

    monkeypatch.setattr(Document, "save", stale)
    return refused


# -- a refused save ------------------------------------------------------------------------------

def test_a_refused_save_offers_save_as_which_writes_a_new_file(qtbot, opened, monkeypatch):
    window, path = opened
    other_version = path.read_bytes()
    refused = refuse_saves(monkeypatch)
    no_error_boxes(monkeypatch)
    mine = path.with_name("hotel mine")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(mine), "")))
    seen = answer_box("staleSaveBox", click("staleSaveAsButton"))
    trigger(window, "actionSave")
    assert refused == [str(path.resolve())]
    assert len(seen) == 1 and seen[0]["title"] == "The file changed on disk"
    assert "Save As…" in seen[0]["buttons"] and "Cancel" in seen[0]["buttons"]
    assert "another window or program" in seen[0]["text"].lower() and "not written" in seen[0]["text"]
    assert "backup" not in seen[0]["text"].lower()
    written = mine.with_suffix(".bpstudio")
    assert written.exists() and read_project(written) == window.document.project
    assert window.document.path == str(written.resolve()) and not window.isWindowModified()
    assert path.read_bytes() == other_version  # the other writer's version is kept as it was
    assert "hotel mine.bpstudio" in window.windowTitle()


def test_a_real_second_writer_is_never_overwritten(qtbot, opened, monkeypatch):
    """No stand-in: another program saves the file while the window has it open."""
    window, path = opened
    with ProjectFile.open(path) as other:
        ops.UpdateProjectInfo({"title": "saved by the other program"}).apply(other.project)
        other.save()
    theirs = path.read_bytes()
    no_error_boxes(monkeypatch)
    seen = answer_box("staleSaveBox", press(QMessageBox.StandardButton.Cancel))
    trigger(window, "actionSave")
    assert len(seen) == 1 and window.isWindowModified() and path.read_bytes() == theirs
    mine = path.with_name("mine.bpstudio")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(mine), "")))
    answer_box("staleSaveBox", click("staleSaveAsButton"))
    trigger(window, "actionSave")
    assert read_project(mine) == window.document.project and not window.isWindowModified()
    assert read_project(path).info.title == "saved by the other program"


def test_cancel_after_a_refused_save_keeps_the_work_and_a_closing_window_open(qtbot, opened, monkeypatch):
    window, path = opened
    other_version = path.read_bytes()
    refused = refuse_saves(monkeypatch)
    no_error_boxes(monkeypatch)
    seen = answer_box("staleSaveBox", press(QMessageBox.StandardButton.Cancel))
    trigger(window, "actionSave")
    assert len(seen) == 1 and len(refused) == 1
    assert window.document.is_modified() and window.isWindowModified()
    assert window.save_state_label.text() == "● Unsaved changes"

    # Closing with the unsaved work: Save is refused again, Cancel keeps the window open.
    def save_then_cancel(box):
        answer_box("staleSaveBox", press(QMessageBox.StandardButton.Cancel))
        box.button(QMessageBox.StandardButton.Save).click()

    answer_box("unsavedChangesBox", save_then_cancel)
    assert not window.close()
    assert len(refused) == 2 and window.isVisible() and window.document.is_modified()

    # Save As, then cancelling the file dialog, is no save either: the window stays open.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))

    def save_then_save_as(box):
        answer_box("staleSaveBox", click("staleSaveAsButton"))
        box.button(QMessageBox.StandardButton.Save).click()

    answer_box("unsavedChangesBox", save_then_save_as)
    assert not window.close()
    assert len(refused) == 3 and window.isVisible() and window.document.is_modified()
    assert path.read_bytes() == other_version
    assert sorted(p.name for p in path.parent.iterdir()) == ["hotel.bpstudio"]


def test_the_refused_save_box_is_in_chinese(qtbot, opened, monkeypatch):
    window, _path = opened
    set_language("zh")
    refuse_saves(monkeypatch)
    no_error_boxes(monkeypatch)
    seen = answer_box("staleSaveBox", press(QMessageBox.StandardButton.Cancel))
    window.files.save()
    assert seen[0]["title"] == "文件已在磁盘上被修改" and "另存为…" in seen[0]["buttons"]
    assert "取消" in seen[0]["buttons"] and "hotel.bpstudio" in seen[0]["text"]


# -- one window per file --------------------------------------------------------------------------

@pytest.fixture
def two_windows(qtbot, windows, tmp_path, monkeypatch):
    """Window A shows a saved file; window B its own project. Document.open is counted."""
    path = tmp_path / "bank.bpstudio"
    write_project(build_template("bank_account_opening", "en"), path)
    first = windows.make()
    assert first.files.open_path(str(path))
    second = windows.make(build_template("hotel_stay", "en"))
    trigger(second, "actionAddStage")  # B has unsaved work of its own
    second.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second, timeout=2000)
    opens: list[str] = []
    real_open = Document.open.__func__

    def counted(cls, where, *args, **kwargs):
        opens.append(str(where))
        return real_open(cls, where, *args, **kwargs)

    monkeypatch.setattr(Document, "open", classmethod(counted))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"asked: {box.text()}"))
    no_error_boxes(monkeypatch)
    return first, second, path, opens


def _unchanged(first, second, path, before) -> None:
    first_document, second_document, second_project = before
    assert first.document is first_document and first.document.path == str(path.resolve())
    assert second.document is second_document and second.document.project is second_project
    assert second.document.is_modified()  # B's own work, untouched and not asked about
    assert [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.document is not None
            and w.document.path == str(path.resolve())] == [first]


def _state(first, second):
    return first.document, second.document, second.document.project


def test_open_from_another_window_brings_the_window_with_the_file_forward(qtbot, two_windows, monkeypatch):
    first, second, path, opens = two_windows
    before = _state(first, second)
    link = path.with_name("link to bank.bpstudio")
    os.symlink(path, link)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(link), "")))
    trigger(second, "actionOpen")
    assert opens == []
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first, timeout=2000)
    assert "already open" in first.statusBar().currentMessage()
    _unchanged(first, second, path, before)
    assert MainWindow.window_showing(link) is first


def test_a_relative_path_open_recent_and_a_drop_all_find_the_open_window(qtbot, two_windows, monkeypatch):
    first, second, path, opens = two_windows
    before = _state(first, second)
    monkeypatch.chdir(path.parent / ".." / path.parent.name)
    assert second.files.open_path(path.name)  # e.g. from the command line
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first, timeout=2000)

    second.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second, timeout=2000)
    first.showMinimized()
    second.refresh_recent_menu()
    recent = [a for a in second.menus["menuOpenRecent"].actions() if a.toolTip() == str(path.resolve())]
    assert len(recent) == 1
    recent[0].trigger()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first, timeout=2000)
    assert not first.isMinimized()

    second.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second, timeout=2000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(QPoint(20, 20)), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    second.dropEvent(drop)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is first, timeout=2000)
    assert opens == []
    _unchanged(first, second, path, before)


def test_opening_the_file_again_in_its_own_window_keeps_the_work(qtbot, opened, monkeypatch):
    window, path = opened
    document = window.document
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"asked: {box.text()}"))
    assert window.files.open_path(str(path.parent / "." / path.name))
    assert window.document is document and window.document.is_modified()


def test_once_the_window_closes_the_file_opens_anywhere(qtbot, two_windows):
    first, second, path, opens = two_windows
    first.close()
    assert MainWindow.window_showing(path) is None
    second.files.maybe_save = lambda: True  # B's test edit need not be kept
    assert second.files.open_path(str(path))
    assert opens == [str(path)] and second.document.path == str(path.resolve())


def test_save_as_onto_a_file_open_in_another_window_is_refused(qtbot, two_windows, monkeypatch):
    first, second, path, _opens = two_windows
    data = path.read_bytes()
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: messages.append(text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    trigger(second, "actionSaveAs")
    assert len(messages) == 1 and "open in another window" in messages[0]
    assert path.read_bytes() == data
    assert second.document.is_untitled() and second.document.is_modified()


def test_a_recovered_copy_of_a_file_open_in_a_window_opens_untitled_beside_it(
        qtbot, windows, config, tmp_path):
    store = RecoveryStore(config)
    path = tmp_path / "hotel.bpstudio"
    write_project(build_template("hotel_stay", "en"), path)
    crashed = Document(build_template("hotel_stay", "en"), path=path, recovery=store, modified=True)
    crashed.project.info.title = "Edited before the crash"
    assert crashed.write_recovery()
    crashed._recovery_slot._close_file()
    crashed._recovery_slot._lock.unlock()  # the process died: its lock goes stale
    crashed._recovery_slot = None
    window = windows.make()
    assert window.files.open_path(str(path))
    shown = window.document
    answer_box("recoveryDialog", lambda dialog: dialog.restore_button.click())
    restored = [windows.adopt(w) for w in offer_recovery(window, store)]
    try:
        assert len(restored) == 1 and restored[0] is not window
        assert window.document is shown and MainWindow.window_showing(path) is window
        assert restored[0].document.is_untitled() and restored[0].document.is_modified()
        assert restored[0].document.project.info.title == "Edited before the crash"
        assert "open in another window" in restored[0].statusBar().currentMessage()
    finally:
        crashed.close()

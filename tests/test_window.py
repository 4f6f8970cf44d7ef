"""The main window, driven like a user: actions, dialogs, the inspector, files on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from blueprint_studio.app import document as document_module
from blueprint_studio.app.actions import DOCKS, all_specs, dock_action_name
from blueprint_studio.app.dialogs import TemplateDialog
from blueprint_studio.app.document import Document
from blueprint_studio.app.main import offer_recovery
from blueprint_studio.app import main_window as main_window_module
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.workspaces import WORKSPACES
from blueprint_studio.app.workspaces.blueprint.palette import CARD_KIND_MIME
from blueprint_studio.app.qt_translations import use_qt_translations
from blueprint_studio.app.recovery import RecoveryStore, RecoverySlot
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.i18n import set_language
from blueprint_studio.interchange import project_from_dict, project_to_dict
from blueprint_studio.model.enums import CardKind
from blueprint_studio.storage import read_project, write_project
from blueprint_studio.templates import build_template


@pytest.fixture
def config(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def make_window(qapp, config):
    """Windows that are torn down and deleted explicitly (PySide6 aborts otherwise)."""
    apply_theme(qapp)
    windows: list[MainWindow] = []

    def make(project=None) -> MainWindow:
        window = MainWindow(AppSettings())
        if project is not None:
            window.set_document(Document(project, recovery=window.recovery))
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language("en")
    use_qt_translations("en")


@pytest.fixture
def training(make_window) -> MainWindow:
    return make_window(build_template("enterprise_training", "en"))


def trigger(window: MainWindow, name: str) -> None:
    action = window.actions[name]
    assert action.isEnabled(), name
    action.trigger()


def answer_modal(qtbot, handle) -> list[str]:
    """Run `handle(dialog)` on the next modal dialog; returns the titles seen."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(dialog.windowTitle())
        handle(dialog)

    QTimer.singleShot(0, poll)
    return seen


def snapshot(project):
    """An independent copy of the model (the JSON round trip is lossless)."""
    return project_from_dict(project_to_dict(project))


def a_card(window: MainWindow, text_part: str) -> str:
    service_map = window.document.project.map(window.map_area.current_map_id())
    return next(c.id for c in service_map.cards_in_reading_order() if text_part in c.text)


# -- new, edit, undo ----------------------------------------------------------------------

def test_new_from_template_through_the_dialog(qtbot, make_window):
    window = make_window()

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, TemplateDialog)
        dialog.select("hotel_stay")
        dialog.content_language.setCurrentIndex(dialog.content_language.findData("zh"))
        dialog.accept()

    answer_modal(qtbot, choose)
    trigger(window, "actionNew")
    assert window.document.project.info.title == build_template("hotel_stay", "zh").info.title
    assert window.map_area.current_view().objectName() == "canvasView"
    assert window.map_area.current_scene().counts()["cards"] > 0
    assert window.windowTitle().startswith(window.document.display_name())
    assert not window.isWindowModified()


def test_edit_a_card_in_the_inspector_then_undo(qtbot, training):
    window = training
    card_id = a_card(window, "")
    original = window.document.project.map(window.map_area.current_map_id()).cards[card_id].text
    window.map_area.current_view().focus_card(card_id)
    editor = window.inspector.findChild(QWidget, "inspector_card_text")
    assert window.inspector.stack.currentWidget() is window.inspector.pages["card"]
    assert editor.toPlainText() == original
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "new ")
    editor.insertPlainText("文字")  # what an input method commits
    card = window.document.project.map(window.map_area.current_map_id()).cards[card_id]
    qtbot.waitUntil(lambda: card.text == "new 文字", timeout=2000)  # sent after a typing pause
    assert window.document.undo_stack.count() == 1  # typing merged into one step
    assert window.isWindowModified()
    kind = window.inspector.findChild(QWidget, "inspector_card_kind")
    kind.activated.emit(kind.findData(CardKind.PAIN_POINT))
    assert card.kind is CardKind.PAIN_POINT and window.document.undo_stack.count() == 2
    trigger(window, "actionUndo")
    trigger(window, "actionUndo")
    assert card.text == original and card.kind is not CardKind.PAIN_POINT
    assert editor.toPlainText() == original
    assert not window.isWindowModified()


def test_inspector_edits_stage_lane_and_map_and_the_overview_the_project_info(qtbot, training):
    window = training
    opened = snapshot(window.document.project)
    scene = window.map_area.current_scene()
    service_map = window.document.project.map(scene.map_id)
    stage, lane = service_map.stages[1], service_map.lanes[0]
    scene.select_stage(stage.id)
    phase = window.inspector.findChild(QWidget, "inspector_stage_phase")
    qtbot.keyClick(phase, Qt.Key.Key_End)
    qtbot.keyClicks(phase, "X")
    qtbot.waitUntil(lambda: stage.phase.endswith("X"), timeout=2000)
    window.inspector.findChild(QWidget, "inspector_stage_moveBefore").click()
    assert service_map.stages[0] is stage
    scene.select_lane(lane.id)
    name = window.inspector.findChild(QWidget, "inspector_lane_name")
    name.clear()
    qtbot.keyClicks(name, "Evidence")
    qtbot.waitUntil(lambda: lane.name == "Evidence", timeout=2000)
    scene.clearSelection()
    assert window.inspector.stack.currentWidget() is window.inspector.pages["map"]
    curve = window.inspector.findChild(QWidget, "inspector_map_show_emotion_curve")
    curve.click()
    assert service_map.show_emotion_curve is False
    # The project's cover details live on the overview, reached from the map's page too.
    window.inspector.findChild(QWidget, "inspectorProjectInfoButton").click()
    assert window.current_workspace().KEY == "overview"
    trainer = window.overview.findChild(QWidget, "overview_trainer")
    trainer.setFocus()
    qtbot.keyClicks(trainer, "Wang")
    trainer.insert("老师")
    trainer.textEdited.emit(trainer.text())  # insert() is programmatic; an input method edits
    qtbot.waitUntil(lambda: window.document.project.info.trainer.endswith("Wang老师"), timeout=2000)
    trigger(window, "actionShowMapWorkspace")
    stack = window.document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert window.document.project == opened


# -- palette -----------------------------------------------------------------------------------

def test_palette_click_adds_a_card_to_the_selected_cell_and_drag_carries_the_kind(qtbot, training):
    window = training
    scene = window.map_area.current_scene()
    anchor = a_card(window, "")
    scene.select_card(anchor)
    service_map = window.document.project.map(scene.map_id)
    cell = (service_map.cards[anchor].stage_id, service_map.cards[anchor].lane_id)
    before = len(service_map.cards_in_cell(*cell))
    palette = window.workspace("blueprint").palette
    row = [palette.kind_at(r) for r in range(palette.count())].index(CardKind.IDEA)
    rect = palette.visualItemRect(palette.item(row))
    qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    cards = service_map.cards_in_cell(*cell)
    assert len(cards) == before + 1 and cards[-1].kind is CardKind.IDEA
    assert window.document.undo_stack.count() == 1
    # No row stays highlighted after the click: the palette has no "current kind" mode.
    assert palette.selectedItems() == [] and palette.currentRow() == -1
    palette.setCurrentRow(row)
    qtbot.keyClick(palette, Qt.Key.Key_Return)  # the keyboard adds one too
    assert len(service_map.cards_in_cell(*cell)) == before + 2
    assert palette.selectedItems() == []
    mime = palette.mimeData([palette.item(row)])
    assert bytes(mime.data(CARD_KIND_MIME)) == b"idea"
    # A drag (offscreen it ends at once, without a drop) leaves no highlight behind either.
    other = rect.center() + QPoint(0, rect.height() + 2 * palette.spacing())
    qtbot.mousePress(palette.viewport(), Qt.MouseButton.LeftButton, pos=other)
    assert palette.selectedItems() != []  # pressing picks the row, as the drag begins
    far = other + QPoint(3 * QApplication.startDragDistance(), 0)
    qtbot.mouseMove(palette.viewport(), far)  # the drag starts and (offscreen) ends here
    qtbot.mouseRelease(palette.viewport(), Qt.MouseButton.LeftButton, pos=far)
    QApplication.processEvents()
    assert palette.selectedItems() == [] and palette.currentRow() == -1
    QApplication.processEvents()
    scene.clearSelection()


# -- files -------------------------------------------------------------------------------------

def test_save_through_the_window_and_reopen_gives_the_same_model(qtbot, training, tmp_path, monkeypatch):
    window = training
    path = tmp_path / "class" / "blueprint.bpstudio"
    path.parent.mkdir()
    card_id = a_card(window, "")
    window.map_area.current_view().focus_card(card_id)
    qtbot.keyClicks(window.inspector.findChild(QWidget, "inspector_card_owner"), " Zhang")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path.with_suffix("")), "")))
    trigger(window, "actionSave")
    assert path.exists() and not window.isWindowModified()
    assert window.save_state_label.text() == "✓ Saved"
    assert "blueprint.bpstudio" in window.windowTitle()
    saved = window.document.project
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    trigger(window, "actionClose")
    assert window.document.is_untitled()
    trigger(window, "actionOpen")
    assert window.document.path == str(path.resolve())
    assert window.document.project == saved
    assert AppSettings().recent_files()[0] == str(path.resolve())
    window.menus["menuOpenRecent"].popup(window.mapToGlobal(QPoint(10, 10)))  # filled as it opens
    window.menus["menuOpenRecent"].hide()
    recent = window.menus["menuOpenRecent"].actions()
    assert recent[0].text().endswith("blueprint.bpstudio")


def test_close_with_unsaved_changes_asks(qtbot, make_window, monkeypatch):
    unchanged, window = make_window(), make_window(build_template("hotel_stay", "en"))
    asked: list[str] = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])

    def exec_box(box):
        asked.append(box.text())
        return next(answers)

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    unchanged.close()
    assert not asked and not unchanged.isVisible()  # nothing changed: no question
    trigger(window, "actionAddStage")
    window.close()
    assert len(asked) == 1 and window.isVisible()  # Cancel keeps the window open
    window.close()
    assert len(asked) == 2 and not window.isVisible()


def test_opening_a_corrupt_file_shows_the_sentence_and_leaves_it_alone(qtbot, training, tmp_path, monkeypatch):
    window = training
    path = tmp_path / "broken.bpstudio"
    data = b"SQLite format 3\x00" + os.urandom(3000)
    path.write_bytes(data)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: messages.append(text)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    trigger(window, "actionAddStage")  # unsaved work: a file that cannot open must not ask about it
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"asked: {box.text()}"))
    before = window.document
    trigger(window, "actionOpen")
    assert len(messages) == 1 and "\n" not in messages[0] and "Traceback" not in messages[0]
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "config") == ["broken.bpstudio"]
    assert window.document is before


def test_a_project_dropped_on_the_window_opens(qtbot, training, tmp_path):
    window = training
    path = tmp_path / "dropped.bpstudio"
    write_project(build_template("bank_account_opening", "zh"), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    where = QPoint(window.width() // 2, window.height() // 2)  # over the map
    target = window.childAt(where) or window
    local = target.mapFrom(window, where)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(local, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(local), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, drop)
    qtbot.waitUntil(lambda: window.document.path == str(path.resolve()), timeout=3000)
    assert window.document.project == read_project(path)


def test_recovery_copy_after_an_edit_is_offered_on_the_next_start(qtbot, make_window, config, monkeypatch):
    monkeypatch.setattr(document_module, "RECOVERY_DELAY_MS", 20)
    store = RecoveryStore(config)
    first = make_window(build_template("enterprise_training", "zh"))
    trigger(first, "actionAddStage")
    assert first.save_state_label.text() == "● Unsaved changes"
    qtbot.waitUntil(lambda: any(store.folder.glob("*.bpstudio")), timeout=3000)
    assert "recovery copy kept at" in first.save_state_label.text()
    edited = read_project(next(store.folder.glob("*.bpstudio")))
    assert edited == first.document.project
    # Simulate the crash: the lock of a dead process is stale, so drop ours without cleaning up.
    first.document._recovery_slot._lock.unlock()
    first.document._recovery_slot = None
    second = make_window()
    listed: list[list[str]] = []

    def restore(dialog):
        listed.append([dialog.copies.item(row).text() for row in range(dialog.copies.count())])
        dialog.restore_button.click()

    seen = answer_modal(qtbot, restore)
    assert offer_recovery(second, store) == [second]  # the blank window is reused
    assert seen == ["Recover unsaved work"] and len(listed) == 1 and len(listed[0]) == 1
    assert edited.info.title in listed[0][0] and "Recovery copy from" in listed[0][0]
    assert second.document.project == edited
    assert second.isWindowModified() and second.document.is_untitled()
    assert len(list(store.folder.glob("*.bpstudio"))) == 1  # only the restored document's copy


def test_a_copy_that_cannot_be_read_is_kept_not_deleted(qtbot, make_window, config, monkeypatch):
    """E.g. written by a newer version before a downgrade: say so, keep the work."""
    import sqlite3

    store = RecoveryStore(config)
    crashed = Document(build_template("blank_blueprint", "en"), recovery=store, modified=True)
    assert crashed.write_recovery()
    copy = crashed._recovery_slot.copy_path
    crashed._recovery_slot._close_file()
    crashed._recovery_slot._lock.unlock()
    crashed._recovery_slot = None
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA user_version = 999")  # a format from the future
    connection.commit()
    connection.close()
    window = make_window()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    answer_modal(qtbot, lambda dialog: dialog.restore_button.click())
    assert offer_recovery(window, store) == []
    assert len(warnings) == 1 and "newer version" in warnings[0] and "kept" in warnings[0]
    assert copy.exists() and len(store.orphans()) == 1
    crashed.close()


def test_a_restored_copy_is_kept_until_the_new_copy_is_written(qtbot, make_window, config, monkeypatch):
    """Restoring on a full disk: the old copy must survive, or a second crash loses the work."""
    store = RecoveryStore(config)
    crashed = Document(build_template("enterprise_training", "en"), recovery=store, modified=True)
    assert crashed.write_recovery()
    crashed._recovery_slot._lock.unlock()  # the process died: its lock goes stale
    crashed._recovery_slot = None
    old_copy = next(store.folder.glob("*.bpstudio"))
    window = make_window()
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(RecoverySlot, "write", disk_full)
    answer_modal(qtbot, lambda dialog: dialog.restore_button.click())
    offer_recovery(window, store)
    assert window.document.project == crashed.project and window.isWindowModified()
    assert old_copy.exists()
    assert "No space left" in window.statusBar().currentMessage()
    crashed.close()



def _leave_a_copy(store: RecoveryStore, project, path: str | None = None) -> Document:
    """A session that wrote its recovery copy and died (its lock goes stale)."""
    crashed = Document(project, path=path, recovery=store, modified=True)
    assert crashed.write_recovery()
    crashed._recovery_slot._close_file()
    crashed._recovery_slot._lock.unlock()
    crashed._recovery_slot = None
    return crashed


def test_one_recovery_question_lists_every_copy_and_never_replaces_the_open_file(
        qtbot, make_window, config, tmp_path):
    store = RecoveryStore(config)
    opened_path = tmp_path / "requested.bpstudio"
    write_project(build_template("bank_account_opening", "en"), opened_path)
    saved = _leave_a_copy(store, build_template("hotel_stay", "zh"), str(tmp_path / "hotel.bpstudio"))
    untitled = _leave_a_copy(store, build_template("enterprise_training", "en"))
    window = make_window()
    assert window.files.open_path(str(opened_path))
    requested = window.document
    extra: list = []
    try:
        # Later: one dialog listing both copies, nothing restored, nothing deleted.
        listed: list[list[str]] = []

        def later(dialog):
            listed.append([dialog.copies.item(row).text() for row in range(dialog.copies.count())])
            dialog.later_button.click()

        seen = answer_modal(qtbot, later)
        assert offer_recovery(window, store) == []
        assert seen == ["Recover unsaved work"] and len(listed[0]) == 2
        assert any("hotel.bpstudio" in text for text in listed[0])
        assert any("never saved" in text for text in listed[0])
        assert len(store.orphans()) == 2 and window.document is requested

        # Restore only the hotel copy: a window of its own; the untitled copy stays for later.
        def restore_hotel(dialog):
            dialog.set_ticked([work for work in dialog.works if work.original_path])
            dialog.restore_button.click()

        answer_modal(qtbot, restore_hotel)
        extra = offer_recovery(window, store)
        assert len(extra) == 1 and extra[0] is not window
        assert extra[0].document.project == saved.project and extra[0].isWindowModified()
        assert window.document is requested and window.document.path == str(opened_path.resolve())
        assert [work.title for work in store.orphans()] == [untitled.project.info.title]

        # Unticking everything disables Restore and Discard; then Discard the last copy.
        def discard(dialog):
            dialog.set_ticked([])
            assert not dialog.restore_button.isEnabled() and not dialog.discard_button.isEnabled()
            dialog.set_ticked(dialog.works)
            dialog.discard_button.click()

        answer_modal(qtbot, discard)
        assert offer_recovery(window, store) == []
        assert store.orphans() == [] and window.document is requested
    finally:
        for other in extra:
            main_window_module._extra_windows.discard(other)
            other.hide()
            other.teardown()
            other.deleteLater()
        saved.close()
        untitled.close()


def test_deleting_many_cards_refreshes_the_inspector_once_not_per_model_event(qtbot, make_window, monkeypatch):
    """A 1,000-card delete used to refresh the inspector ~10,000 times (seconds of freeze)."""
    import traceback

    from tests.test_storage_incremental import big_project

    window = make_window(big_project(cards=200, stages=5))
    scene = window.map_area.current_scene()
    first = window.document.project.maps[0].cards_in_reading_order()[0]
    scene.select_card(first.id)
    scene.select_all()
    QCoreApplication.processEvents()
    count = len(scene.selected_card_ids())
    assert count > 20
    calls: list[int] = []
    original = window.inspector.refresh

    def counted() -> None:
        # Not counted: the canvas naming a new current card as its neighbours go (show_selection).
        if not any(frame.name == "show_selection" for frame in traceback.extract_stack()):
            calls.append(1)
        original()

    monkeypatch.setattr(window.inspector, "refresh", counted)
    trigger(window, "actionDelete")
    QCoreApplication.processEvents()
    assert 1 <= len(calls) <= 2, len(calls)  # each card sends ~10 model events
    assert window.inspector.kind == "map"  # the card it showed is gone
    calls.clear()
    trigger(window, "actionUndo")  # the map page shows nothing of the cards that come back
    assert len(calls) <= 1, len(calls)
    assert len(window.document.project.maps[0].cards) == count



def _type_on_a_card(window: MainWindow, text: str) -> str:
    """Open the in-place editor on the first card and type, leaving the editor open."""
    from PySide6.QtTest import QTest

    card_id = a_card(window, "")
    view = window.map_area.current_view()
    view.focus_card(card_id)
    view.setFocus()
    QApplication.processEvents()
    trigger(window, "actionEditText")
    assert window.map_area.current_scene().editor() is not None
    QTest.keyClicks(QApplication.focusWidget(), text)
    return card_id


def test_save_while_typing_on_a_card_saves_what_is_typed(qtbot, training, tmp_path, monkeypatch):
    window = training
    card_id = _type_on_a_card(window, " typed")
    path = tmp_path / "saved.bpstudio"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))
    trigger(window, "actionSave")
    assert read_project(path).maps[0].cards[card_id].text.endswith(" typed")
    assert not window.isWindowModified()


def test_closing_while_typing_on_a_card_asks_about_the_typing(qtbot, training, monkeypatch):
    window = training
    assert not window.document.is_modified()
    _type_on_a_card(window, " not lost")
    asked: list[str] = []

    def answer(*_args, **_kwargs):
        asked.append("asked")
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr("blueprint_studio.app.file_ops.ask_save_changes", answer)
    assert not window.close()
    assert asked and window.document.is_modified()



def test_quit_closes_every_window_and_stops_where_work_is_kept(qtbot, make_window, monkeypatch):
    first = make_window(build_template("blank_blueprint", "en"))
    second = make_window(build_template("hotel_stay", "en"))
    trigger(second, "actionAddStage")  # unsaved work in the second window only
    asked: list[str] = []

    def keep(*_args, **_kwargs):
        asked.append("asked")
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr("blueprint_studio.app.file_ops.ask_save_changes", keep)
    trigger(first, "actionQuit")
    assert asked == ["asked"] and second.isVisible()
    monkeypatch.setattr("blueprint_studio.app.file_ops.ask_save_changes",
                        lambda *_args, **_kwargs: QMessageBox.StandardButton.Discard)
    trigger(second, "actionQuit")
    assert not first.isVisible() and not second.isVisible()


# -- maps ----------------------------------------------------------------------------------------

def test_maps_add_rename_move_delete_are_undoable(qtbot, training, monkeypatch):
    window = training
    project = window.document.project
    opened = snapshot(project)
    first_id = project.maps[0].id

    def choose(dialog):
        dialog.select("blank_journey")
        dialog.accept()

    answer_modal(qtbot, choose)
    trigger(window, "actionAddMap")
    assert len(project.maps) == 2 and window.map_area.current_map_id() == project.maps[1].id
    assert window.maps_panel.list.count() == 2 and window.map_area.tabs.count() == 2
    new_id = project.maps[1].id
    item = window.maps_panel.list.item(1)
    item.setText("客户旅程")  # what the list's in-place editor does when Enter is pressed
    qtbot.waitUntil(lambda: project.maps[1].name == "客户旅程", timeout=2000)
    assert window.map_area.tabs.tabText(1) == "客户旅程"
    trigger(window, "actionMoveMapUp")
    assert [m.id for m in project.maps] == [new_id, first_id]
    # Dragging in the list: the row the list moves becomes a MoveMap.
    from PySide6.QtCore import QModelIndex

    model = window.maps_panel.list.model()
    assert model.moveRow(QModelIndex(), 1, QModelIndex(), 0)
    qtbot.waitUntil(lambda: [m.id for m in project.maps] == [first_id, new_id], timeout=2000)
    trigger(window, "actionUndo")
    assert [m.id for m in project.maps] == [new_id, first_id]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    window.maps_panel.list.setCurrentRow(0)  # the user picks the journey map in the list
    assert window.map_area.current_map_id() == new_id
    trigger(window, "actionDeleteMap")
    assert [m.id for m in project.maps] == [first_id]
    trigger(window, "actionDeleteMap")  # the last map stays, with a message
    assert len(project.maps) == 1 and window.inspector.message.isVisibleTo(window.inspector)
    while window.document.undo_stack.canUndo():
        trigger(window, "actionUndo")
    assert project == opened
    assert window.maps_panel.list.count() == 1


# -- find, status, actions --------------------------------------------------------------------------

def test_find_bar_selects_matches_in_turn(qtbot, training):
    window = training
    scene = window.map_area.current_scene()
    service_map = window.document.project.map(scene.map_id)
    needle = service_map.cards_in_reading_order()[0].owner or service_map.cards_in_reading_order()[0].text[:2]
    expected = scene.find_cards(needle)
    assert expected
    QApplication.setActiveWindow(window)
    trigger(window, "actionFind")
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.edit, needle)
    assert scene.selected_card_ids() == [expected[0]]
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert scene.selected_card_ids() == [expected[1 % len(expected)]]
    assert window.find_bar.status.text() == f"{1 % len(expected) + 1} of {len(expected)}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_status_bar_shows_zoom_and_counts(qtbot, training):
    from PySide6.QtWidgets import QLabel

    window = training
    counts_label = window.findChild(QLabel, "countsLabel")
    zoom_label = window.findChild(QLabel, "zoomLabel")
    counts = window.map_area.current_scene().counts()
    assert f"{counts['cards']} cards" in counts_label.text()
    trigger(window, "actionZoomIn")
    assert zoom_label.text() == f"Zoom {round(window.map_area.current_view().zoom_factor() * 100)} %"
    trigger(window, "actionAddCard")
    qtbot.waitUntil(lambda: f"{counts['cards'] + 1} cards" in counts_label.text(), timeout=2000)
    trigger(window, "actionShowOverview")  # the map's figures belong to the map editor
    assert not counts_label.isVisible() and not zoom_label.isVisible()
    trigger(window, "actionShowMapWorkspace")
    assert counts_label.isVisible() and zoom_label.isVisible()


def test_every_action_has_an_object_name_and_a_unique_shortcut(training):
    window = training
    panels = [panel.name for workspace in WORKSPACES for panel in workspace.PANELS]
    names = [spec.name for spec in all_specs()] + [dock_action_name(d) for d in panels] + [
        dock_action_name(d) for d, _t, _tip in DOCKS]
    assert len(set(names)) == len(names)
    found = {a.objectName() for a in window.findChildren(type(window.actions["actionNew"]))}
    assert set(names) <= found
    for name in ("actionNew", "actionOpen", "actionSave", "actionUndo", "actionRedo", "actionCut",
                 "actionCopy", "actionPaste", "actionDelete", "actionSelectAll", "actionFind",
                 "actionZoomIn", "actionZoomOut", "actionClose", "actionQuit"):
        assert not window.actions[name].shortcut().isEmpty(), name
    seen: dict[str, str] = {}
    for action in window.findChildren(type(window.actions["actionNew"])):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is used by {seen.get(key)} and {action.objectName()}"
            seen[key] = action.objectName()
    assert window.actions["actionSave"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)


def test_docs_list_every_action_and_are_up_to_date(training):
    from blueprint_studio.app.actions_doc import DOC_PATH, render

    text = DOC_PATH.read_text(encoding="utf-8")
    for spec in all_specs():
        assert f"`{spec.name}`" in text
    for dock in [d for d, _t, _tip in DOCKS] + [p.name for w in WORKSPACES for p in w.PANELS]:
        assert f"`{dock_action_name(dock)}`" in text
    assert text == render(), "run: python -m blueprint_studio.app.actions_doc"


def test_switching_language_retranslates_the_window_around_the_same_document(qtbot, training):
    window = training
    trigger(window, "actionAddStage")
    document, scene = window.document, window.map_area.current_scene()
    window.actions["actionLanguageChinese"].trigger()
    assert window.document is document and document.undo_stack.count() == 1
    assert window.menus["menuFile"].title() == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own buttons too
    untranslated = [spec.name for spec in all_specs()
                    if spec.text not in ("English", "中文") and window.actions[spec.name].text() == spec.text]
    assert untranslated == []
    assert window.actions["actionLanguageChinese"].isChecked()
    assert window.map_area.current_scene() is not scene  # the canvas is drawn again, in Chinese
    assert AppSettings().language() == "zh"
    window.actions["actionUndo"].trigger()
    assert document.undo_stack.count() == 1 and not document.undo_stack.canUndo()


# -- import and export ------------------------------------------------------------------------

def test_csv_export_and_import_add_a_map_as_one_undo_step(qtbot, training, tmp_path, monkeypatch):
    window = training
    project = window.document.project
    path = tmp_path / "cards.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    trigger(window, "actionExportCsv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads Chinese with the BOM
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    trigger(window, "actionImportCsv")
    assert len(project.maps) == 2 and window.map_area.current_map_id() == project.maps[1].id
    original, imported = project.maps
    assert imported.name == "cards"
    assert sorted(c.text for c in imported.cards.values()) == sorted(c.text for c in original.cards.values())
    assert not set(imported.cards) & set(original.cards)  # as on the command line: ids of its own
    assert window.document.undo_stack.count() == 1
    trigger(window, "actionUndo")
    assert len(project.maps) == 1 and window.map_area.tabs.count() == 1


def test_json_export_then_open_gives_an_equal_unsaved_project(qtbot, training, tmp_path, monkeypatch):
    window = training
    path = tmp_path / "project.json"
    exported = snapshot(window.document.project)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path.with_suffix("")), "")))
    trigger(window, "actionExportJson")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    trigger(window, "actionImportJson")
    assert window.document.project == exported
    assert window.document.is_untitled() and window.isWindowModified()


def test_a_bad_csv_names_the_row_and_changes_nothing(qtbot, training, tmp_path, monkeypatch):
    window = training
    path = tmp_path / "bad.csv"
    path.write_text("stage,lane,text,emotion\n认知,customer,看广告,5\n", encoding="utf-8")
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: messages.append(text)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    trigger(window, "actionImportCsv")
    assert len(messages) == 1 and "Row 2" in messages[0] and "emotion" in messages[0]
    assert len(window.document.project.maps) == 1 and window.document.undo_stack.count() == 0


def test_export_pdf_opens_the_export_dialog(qtbot, training):
    window = training
    titles = answer_modal(qtbot, lambda dialog: dialog.reject())
    trigger(window, "actionExportPdf")
    assert len(titles) == 1


def test_about_names_the_settings_folder_and_shortcuts_lists_commands(qtbot, training, config):
    window = training
    texts: list[str] = []
    answer_modal(qtbot, lambda box: (texts.append(box.text()), box.reject()))
    trigger(window, "actionAbout")
    assert str(config) in texts[0]
    tables: list[int] = []

    def read_table(dialog):
        from PySide6.QtWidgets import QTableWidget

        tables.append(dialog.findChild(QTableWidget).rowCount())
        dialog.reject()

    answer_modal(qtbot, read_table)
    trigger(window, "actionShortcuts")
    assert tables == [sum(1 for spec in all_specs() if spec.shortcut is not None)]


def test_new_window_copies_cards_into_another_project(qtbot, training):
    window = training
    other = window.actions["actionNewWindow"]
    other.trigger()
    second = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, MainWindow) and w is not window and w.isVisible())
    try:
        assert second.document is not window.document
        card_id = a_card(window, "")
        window.map_area.current_scene().select_card(card_id)
        trigger(window, "actionCopy")
        before = len(second.document.project.maps[0].cards)
        target = second.document.project.maps[0]
        second.map_area.current_scene().select_stage(target.stages[0].id)
        trigger(second, "actionPaste")
        pasted = [c for c in second.document.project.maps[0].cards.values()]
        assert len(pasted) == before + 1
        source_text = window.document.project.maps[0].cards[card_id].text
        assert any(c.text == source_text for c in pasted)
        assert second.document.undo_stack.count() == 1 and window.document.undo_stack.count() == 0
    finally:
        second.files.maybe_save = lambda: True  # the test's paste need not be kept
        second.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_presentation_mode_shows_only_the_map_and_restores_the_panels(qtbot, training):
    window = training
    from PySide6.QtWidgets import QDockWidget

    from PySide6.QtWidgets import QToolBar

    docks = window.findChildren(QDockWidget)
    assert all(dock.isVisible() for dock in docks)
    bars = [bar for bar in window.findChildren(QToolBar) if bar.isVisible()]
    assert len(bars) >= 3  # the switcher, the shell's tools, the map editor's
    trigger(window, "actionPresentation")
    assert not any(dock.isVisible() for dock in docks)
    assert not any(bar.isVisible() for bar in bars) and not window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.actions["actionPresentation"].isChecked()
    assert all(dock.isVisible() for dock in docks) and all(bar.isVisible() for bar in bars)


def test_shared_settings_apply_to_every_selected_card_as_one_step(qtbot, training):
    window = training
    opened = snapshot(window.document.project)
    scene = window.map_area.current_scene()
    service_map = window.document.project.map(scene.map_id)
    chosen = [c.id for c in service_map.cards_in_reading_order()[:3]]
    scene.set_card_selection(chosen)
    assert "3" in window.inspector.pages["card"].heading.text()
    flag = window.inspector.findChild(QWidget, "inspector_card_fail_point")
    if flag.isChecked():
        flag.click()  # make the shown card's flag false first, so the next click sets it
    flag.click()
    assert all(service_map.cards[i].fail_point for i in chosen)
    shown = window.inspector.entity_id
    editor = window.inspector.findChild(QWidget, "inspector_card_text")
    editor.setPlainText("only this one")
    window.inspector.commit_pending()
    assert [service_map.cards[i].text == "only this one" for i in chosen].count(True) == 1
    assert service_map.cards[shown].text == "only this one"
    stack = window.document.undo_stack
    assert stack.count() <= 3  # (unset,) set for all, text: one step each
    while stack.canUndo():
        trigger(window, "actionUndo")
    assert window.document.project == opened


def test_typing_a_shared_setting_in_pauses_undoes_every_card_exactly(qtbot, training):
    """Two pauses merge into one step; a card the first pause left alone (it already had
    that value) must still come back from the second pause's change on undo."""
    window = training
    scene = window.map_area.current_scene()
    service_map = window.document.project.map(scene.map_id)
    first, second = (c.id for c in service_map.cards_in_reading_order()[:2])
    scene.select_card(second)
    owner = window.inspector.findChild(QWidget, "inspector_card_owner")
    owner.selectAll()
    qtbot.keyClicks(owner, "W")
    window.inspector.commit_pending()
    window.inspector.end_typing()
    opened = snapshot(window.document.project)
    assert service_map.cards[second].owner == "W" and service_map.cards[first].owner != "W"
    scene.set_card_selection([first, second])
    from blueprint_studio.app.workspace import Selection

    window.inspector.show_selection(Selection("card", first, (scene.map_id,), (first, second)))
    owner.setFocus()
    owner.selectAll()
    qtbot.keyClicks(owner, "W")       # the first pause: only the first card changes
    window.inspector.commit_pending()
    owner.end(False)
    qtbot.keyClicks(owner, "ang")     # the second pause: both change, merged into one step
    window.inspector.commit_pending()
    assert service_map.cards[first].owner == service_map.cards[second].owner == "Wang"
    trigger(window, "actionUndo")
    assert (service_map.cards[first].owner, service_map.cards[second].owner) == (
        opened.maps[0].cards[first].owner, "W")
    assert window.document.project == opened


def test_card_colour_from_the_colour_dialog_and_back_to_default(qtbot, training, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog, QPushButton

    window = training
    card_id = a_card(window, "")
    window.map_area.current_scene().select_card(card_id)
    card = window.document.project.map(window.map_area.current_map_id()).cards[card_id]
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#FF8800")))
    colour = window.inspector.findChild(QWidget, "inspector_card_colour")
    swatch, default = colour.findChildren(QPushButton)
    swatch.click()
    assert card.colour == "#ff8800" and swatch.text() == "#ff8800"
    default.click()
    assert card.colour == "" and not default.isEnabled()
    assert window.document.undo_stack.count() == 2


def test_a_new_window_fits_a_small_screen(qapp, config):
    """On a 1280×720 projector (or the 800×600 offscreen screen) nothing hangs off-screen."""
    window = MainWindow(AppSettings())
    try:
        area = window.screen().availableGeometry()
        assert window.width() <= area.width() and window.height() <= area.height()
        assert (window.width(), window.height()) == (min(1280, area.width()), min(800, area.height()))
    finally:
        window.teardown()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

"""The concept screening workspace (issue 10), driven like a user: real key presses and
clicks through qtbot in the real window, saved through actionSave, read back from the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QToolButton, QWidget

from blueprint_studio.analysis import ahp
from blueprint_studio.analysis.screening import ahp_of, evaluate
from blueprint_studio.app.document import Document
from blueprint_studio.app.main_window import MainWindow
from blueprint_studio.app.qt_translations import use_qt_translations
from blueprint_studio.app.settings import AppSettings
from blueprint_studio.app.theme import apply_theme
from blueprint_studio.app.workspaces.screening.page import TABS
from blueprint_studio.i18n import set_language, tr
from blueprint_studio.model.screening import MissingRule, WeightSource
from blueprint_studio.storage import read_project
from blueprint_studio.templates import build_template


@pytest.fixture
def make(qapp, tmp_path, monkeypatch):
    """Windows torn down and deleted explicitly (PySide6 aborts at exit otherwise)."""
    monkeypatch.setenv("BLUEPRINT_STUDIO_CONFIG_DIR", str(tmp_path / "config"))
    apply_theme(qapp)
    made: list[MainWindow] = []

    def make_window(project=None) -> MainWindow:
        window = MainWindow(AppSettings())
        window.set_document(Document(project or build_template("enterprise_training", "en"),
                                     recovery=window.recovery))
        window.resize(1280, 720)
        window.show()
        window.activateWindow()
        QApplication.processEvents()
        made.append(window)
        return window

    yield make_window
    for window in made:
        window.hide()
        window.teardown()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    set_language("en")
    use_qt_translations("en")


@pytest.fixture
def window(make) -> MainWindow:
    return make()


def keys_reach(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot, text: str) -> None:
    """Each character to whatever has the keyboard focus, as a user types."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(focused(), char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(focused(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def settle() -> None:
    """An edited cell reaches the model once its editor has closed (a queued call)."""
    for _ in range(3):
        QApplication.processEvents()


def key(qtbot, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), which, modifier)
    settle()


def click(qtbot, window: MainWindow, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None and button.isVisible() and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()


def open_screening(qtbot, window: MainWindow) -> None:
    keys_reach(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace().KEY == "screening"
    assert window.stack.currentWidget() is window.screening_page


def new_screening(qtbot, window: MainWindow, name: str):
    click(qtbot, window, "newScreeningButton")
    assert focused().objectName() == "screeningName"
    type_keys(qtbot, name)
    key(qtbot, Qt.Key.Key_Return)
    screening = window.document.project.screenings[-1]
    assert screening.name == name
    return screening


def add_criterion(qtbot, window: MainWindow, name: str, weight: str | None) -> None:
    click(qtbot, window, "addCriterionButton")  # the new criterion's name cell is being edited
    focused().selectAll()
    type_keys(qtbot, name)
    key(qtbot, Qt.Key.Key_Return)
    if weight is not None:
        key(qtbot, Qt.Key.Key_Right)
        type_keys(qtbot, weight)  # typing replaces the cell, as in a spreadsheet
        key(qtbot, Qt.Key.Key_Return)


def add_named(qtbot, window: MainWindow, button: str, name: str) -> None:
    click(qtbot, window, button)
    focused().selectAll()
    type_keys(qtbot, name)
    key(qtbot, Qt.Key.Key_Return)


def judge(qtbot, window: MainWindow, row: int, column: int, text: str) -> None:
    grid = window.screening_page.ahp.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    for _ in range(row):
        key(qtbot, Qt.Key.Key_Down)
    for _ in range(column):
        key(qtbot, Qt.Key.Key_Right)
    assert (grid.currentRow(), grid.currentColumn()) == (row, column)
    type_keys(qtbot, text)
    key(qtbot, Qt.Key.Key_Return)


# -- the whole flow ------------------------------------------------------------------------------

def test_a_screening_built_from_the_keyboard_is_saved_and_read_back(qtbot, window, tmp_path, monkeypatch):
    page = window.screening_page
    qtbot.mouseClick(window.findChild(QToolButton, "toolButtonShowScreening"), Qt.MouseButton.LeftButton)
    assert window.current_workspace().KEY == "screening"
    trigger_back = window.actions["actionShowMapWorkspace"]
    trigger_back.trigger()
    open_screening(qtbot, window)
    screening = new_screening(qtbot, window, "Hotel ideas")

    # criteria with weights typed in percent; the sum is shown live
    add_criterion(qtbot, window, "Value", "50")
    assert "50 %" in page.criteria.sum.text() and "⚠" in page.criteria.sum.text()
    add_criterion(qtbot, window, "Cost", "30")
    add_criterion(qtbot, window, "Fit", "30")
    assert [c.name for c in screening.criteria] == ["Value", "Cost", "Fit"]
    assert [c.weight for c in screening.criteria] == [50, 30, 30]
    assert "110 %" in page.criteria.sum.text()
    click(qtbot, window, "normaliseButton")
    assert abs(sum(c.weight for c in screening.criteria) - 100) < 1e-9
    assert "✓" in page.criteria.sum.text()

    # AHP: numbers, a fraction and a verbal choice; the reciprocals fill themselves in
    page.show_tab("ahp")
    click(qtbot, window, "useAhpButton")
    assert screening.weight_source is WeightSource.AHP
    judge(qtbot, window, 0, 1, "3")
    judge(qtbot, window, 2, 0, "1/5")  # typed in the lower triangle: Fit is a fifth of Value
    grid = page.ahp.grid
    assert grid.item(1, 0).text() == "1/3" and grid.item(0, 2).text() == "5"
    page.ahp.first.setCurrentIndex(1)
    page.ahp.phrase.setCurrentIndex(page.ahp.phrase.findData(3))  # Cost is moderately more important than Fit
    page.ahp.second.setCurrentIndex(2)
    click(qtbot, window, "ahpApplyButton")
    assert grid.item(1, 2).text() == "3" and grid.item(2, 1).text() == "1/3"
    analysis = ahp_of(screening)
    assert analysis is not None and analysis.consistent
    assert f"{analysis.cr:.3f}" in page.ahp.figures.text() and ahp.RI_TABLE_NAME in page.ahp.figures.text()
    assert "✓" in page.ahp.verdict.text()

    # voters and concepts, named as they are added
    page.show_tab("people")
    add_named(qtbot, window, "votersAddButton", "Group A")
    add_named(qtbot, window, "votersAddButton", "Group B")
    add_named(qtbot, window, "conceptsAddButton", "Lobby kiosk")
    add_named(qtbot, window, "conceptsAddButton", "App check-in")
    assert [v.name for v in screening.voters] == ["Group A", "Group B"]
    assert [c.title for c in screening.concepts] == ["Lobby kiosk", "App check-in"]

    # the scoring grid: digits score and move on, the chooser picks the voter
    window.actions["actionScoreGrid"].trigger()
    scoring = page.scoring
    assert focused() is scoring.grid and scoring.voter_id() == screening.voters[0].id
    type_keys(qtbot, "435" "253")
    scoring.choose_voter(screening.voters[1].id)
    scoring.focus_grid()
    scoring.grid.setCurrentCell(0, 0)
    type_keys(qtbot, "5")
    assert scoring.grid.item(0, 1).text() == "–"  # still missing: shown, and no total yet
    assert scoring.grid.item(0, 3).text() == "–"
    type_keys(qtbot, "44" "344")
    result = evaluate(screening)
    shown = [scoring.grid.item(row, 3).text() for row in range(2)]
    assert shown == [f"{r.total:.2f}" for r in result.concepts]
    assert [scoring.grid.item(row, 4).text() for row in range(2)] == [str(r.rank) for r in result.concepts]

    # saved through actionSave (Save As for a new file), read back from the file
    path = tmp_path / "screening.bpstudio"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    assert window.document.is_untitled()
    window.actions["actionSave"].trigger()
    assert path.exists()
    saved = read_project(path)
    (kept,) = saved.screenings
    again = evaluate(kept)
    assert [round(r.total, 9) for r in again.concepts] == [round(r.total, 9) for r in result.concepts]
    assert [r.rank for r in again.concepts] == [r.rank for r in result.concepts]
    assert kept.weight_source is WeightSource.AHP and len(kept.comparisons) == 3
    assert len(kept.scores) == 12


def test_undo_and_redo_of_a_score_show_at_once(qtbot, window):
    open_screening(qtbot, window)
    screening = new_screening(qtbot, window, "Quick")
    add_criterion(qtbot, window, "Value", "100")
    page = window.screening_page
    page.show_tab("people")
    add_named(qtbot, window, "votersAddButton", "Ann")
    add_named(qtbot, window, "conceptsAddButton", "Kiosk")
    window.actions["actionScoreGrid"].trigger()
    grid = page.scoring.grid
    type_keys(qtbot, "4")
    assert [s.value for s in screening.scores.values()] == [4]
    assert grid.item(0, 0).text() == "4" and grid.item(0, 1).text() == "4.00"
    assert window.actions["actionUndo"].text() == tr("&Undo “{step}”").format(step="Score 4")
    window.actions["actionUndo"].trigger()
    assert not screening.scores and grid.item(0, 0).text() == "–"
    window.actions["actionRedo"].trigger()
    assert grid.item(0, 0).text() == "4"
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    key(qtbot, Qt.Key.Key_Delete)  # clears the score, not the window's Edit ▸ Delete
    assert not screening.scores and grid.item(0, 0).text() == "–"
    window.actions["actionUndo"].trigger()
    assert grid.item(0, 0).text() == "4"
    window.actions["actionShowOverview"].trigger()  # undone elsewhere: the grid follows too
    window.actions["actionUndo"].trigger()
    assert not screening.scores and grid.item(0, 0).text() == "–"


def test_an_undo_made_elsewhere_shows_the_screening(qtbot, window):
    open_screening(qtbot, window)
    new_screening(qtbot, window, "Shown")
    window.actions["actionShowOverview"].trigger()
    window.actions["actionUndo"].trigger()  # the rename of the new screening
    assert window.current_workspace().KEY == "screening"


def test_an_inconsistent_matrix_warns_and_names_the_pair(qtbot, window):
    open_screening(qtbot, window)
    screening = new_screening(qtbot, window, "AHP")
    for name in ("Value", "Cost", "Fit", "Risk"):
        add_criterion(qtbot, window, name, None)
    page = window.screening_page
    page.show_tab("ahp")
    for (row, column), text in {(0, 1): "3", (0, 2): "5", (0, 3): "1/7", (1, 2): "3",
                                (1, 3): "5", (2, 3): "7"}.items():
        judge(qtbot, window, row, column, text)
    analysis = ahp_of(screening)
    assert analysis is not None and analysis.cr > 0.10
    worst = analysis.worst
    first, second = screening.criteria[worst.first].name, screening.criteria[worst.second].name
    warning = page.ahp.verdict.text()
    assert "⚠" in warning and f"{analysis.cr:.3f}" in warning
    assert f"“{first}” against “{second}”" in warning
    assert page.ahp.grid.item(worst.first, worst.second).background().color().name() == "#f3b6b0"
    # a wrong entry is refused in words, and nothing changes
    before = dict(screening.comparisons)
    judge(qtbot, window, 0, 1, "12")
    assert screening.comparisons == before and page.ahp.grid.item(0, 1).text() == "3"


def test_settings_state_the_missing_score_rule_and_are_undoable(qtbot, window):
    open_screening(qtbot, window)
    screening = new_screening(qtbot, window, "Rules")
    page = window.screening_page
    page.show_tab("scoring")
    assert "not ranked until every voter" in page.scoring.rule.text()
    page.rule.setFocus()
    page.rule.setCurrentIndex(1)
    page.rule.activated.emit(1)
    assert screening.missing_rule is MissingRule.AVERAGE
    assert "averaged over the voters who scored" in page.scoring.rule.text()
    window.actions["actionUndo"].trigger()
    assert screening.missing_rule is MissingRule.UNRANKED and page.rule.currentIndex() == 0


def test_ideas_typed_one_per_line_become_concepts(qtbot, window):
    open_screening(qtbot, window)
    screening = new_screening(qtbot, window, "From ideas")
    page = window.screening_page
    page.show_tab("ideas")
    add_named(qtbot, window, "roundsAddButton", "Round 1")
    page.ideas.entry.setFocus()
    page.ideas.entry.setPlainText("Self check-in kiosk\n\nWelcome drink\n")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (brainstorm,) = window.document.project.brainstorms
    assert [i.title for i in brainstorm.ideas] == ["Self check-in kiosk", "Welcome drink"]
    page.ideas.ideas.setCurrentRow(1)
    click(qtbot, window, "ideaToConceptButton")
    assert [(c.title, c.idea_id) for c in screening.concepts] == [("Welcome drink", brainstorm.ideas[1].id)]
    # chosen concepts: the solidification and user test fields are edited in place
    page.show_tab("people")
    concepts = page.people.concepts.list
    concepts.item(0).setCheckState(Qt.CheckState.Checked)
    settle()
    assert screening.concepts[0].chosen
    page.show_tab("chosen")
    hypothesis = page.chosen.editors["hypothesis"].widget
    hypothesis.setFocus()
    type_keys(qtbot, "Guests feel welcome")
    window.session.commit_pending()
    assert screening.concepts[0].hypothesis == "Guests feel welcome"


def test_a_scores_csv_is_imported_as_one_step(qtbot, window, tmp_path, monkeypatch):
    open_screening(qtbot, window)
    screening = new_screening(qtbot, window, "Imported")
    add_criterion(qtbot, window, "Value", "100")
    path = tmp_path / "scores.csv"
    path.write_text("concept,criterion,voter,score\nKiosk,Value,Ann,4\nKiosk,Value,Bo,2\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    steps = window.document.undo_stack.count()
    window.actions["actionImportScreeningCsv"].trigger()
    assert window.document.undo_stack.count() == steps + 1
    assert [c.title for c in screening.concepts] == ["Kiosk"] and len(screening.scores) == 2
    assert window.screening_page.tabs.currentWidget() is window.screening_page.scoring
    assert evaluate(screening).concepts[0].total == pytest.approx(3.0)


def test_the_workspace_speaks_chinese(qtbot, window):
    open_screening(qtbot, window)
    new_screening(qtbot, window, "中文")
    window.actions["actionLanguageChinese"].trigger()
    page = window.screening_page
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [tr(text, "zh") for _k, text in TABS]
    assert page.tabs.tabText(0) != TABS[0][1]
    page.show_tab("scoring")
    assert "缺失" in page.scoring.rule.text()
    assert window.actions["actionShowScreening"].text() != "Concept &Screening"
    window.actions["actionLanguageEnglish"].trigger()
    assert page.tabs.tabText(0) == "&Criteria and weights"


def test_idea_cards_become_linked_concepts_in_one_command(qtbot, window):
    """On the canvas: select idea cards, one command makes them concepts of the screening,
    each linked to its card; one undo step takes them away again."""
    from blueprint_studio.model.enums import CardKind

    project = window.document.project
    service_map = project.maps[0]
    ideas = [c for c in service_map.cards_in_reading_order()
             if c.kind in (CardKind.IDEA, CardKind.OPPORTUNITY)][:2]
    assert len(ideas) == 2, "the template has idea and opportunity cards"
    window.actions["actionShowMapWorkspace"].trigger()
    scene = window.map_area.current_scene()
    scene.set_card_selection([card.id for card in ideas])
    assert not project.screenings
    window.actions["actionMakeConcept"].trigger()
    (screening,) = project.screenings
    assert [c.card_refs for c in screening.concepts] == [f"{service_map.id}/{c.id}" for c in ideas]
    assert [c.title for c in screening.concepts] == [" ".join(c.text.split()) for c in ideas]
    window.actions["actionMakeConcept"].trigger()  # again: nothing new, said so
    assert len(project.screenings[0].concepts) == 2
    window.actions["actionUndo"].trigger()
    assert not project.screenings


def test_selected_cards_link_to_a_chosen_concept(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    project = window.document.project
    service_map = project.maps[0]
    cards = service_map.cards_in_reading_order()
    window.actions["actionShowMapWorkspace"].trigger()
    scene = window.map_area.current_scene()
    scene.set_card_selection([cards[0].id])
    window.actions["actionMakeConcept"].trigger()
    concept = project.screenings[0].concepts[0]
    scene.set_card_selection([cards[0].id, cards[3].id])
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *args: (asked.append(args[3]) or args[3][0], True))
    window.actions["actionLinkToConcept"].trigger()
    assert asked and concept.title in asked[0][0]
    assert concept.card_refs.splitlines() == [f"{service_map.id}/{cards[0].id}",
                                              f"{service_map.id}/{cards[3].id}"]
    window.actions["actionUndo"].trigger()
    assert concept.card_refs == f"{service_map.id}/{cards[0].id}"

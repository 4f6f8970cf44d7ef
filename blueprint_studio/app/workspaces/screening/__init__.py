"""The concept screening workspace (issue 10): from brainstormed ideas to chosen concepts.

Joined to the window through the workspace protocol alone (one line in
app/workspaces/__init__.py). Every edit is a model operation pushed on the session's undo
stack (edits.py), so the canvas, the overview and this page share one history; the page
follows the project's change sets, so undo, redo, the inspector and other windows' edits
show at once. Its switch action is actionShowScreening, Ctrl+3 (after the map editor's Ctrl+1
and the overview's Ctrl+2). File ▸ Import ▸ Screening Data
from CSV reads ideas, scores and pairwise matrices (interchange/screening_csv).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from ....analysis import ahp
from ....analysis.screening import evaluate
from ....i18n import describe, mark, plural, tr
from ....interchange import InterchangeError
from ....model import operations as ops
from ....model.entities import ModelError
from ....model.events import ChangeSet
from ....model.screening import SCREENING, SCREENING_KINDS, Screening
from ...actions import ActionSpec, MenuSpec
from ...dialogs import show_error
from ...file_ops import FileOperations, ask_open_path
from ...session import Session
from ...workspace import Selection, Workspace
from .edits import TYPING_MERGE_ID, ScreeningEdits
from .page import ScreeningPage

KIND_NAMES = frozenset(kind.name for kind in SCREENING_KINDS)
IN_A_SCREENING = frozenset(kind.name for kind in SCREENING_KINDS if kind.parent == "screening")
CSV_FILTER = mark("CSV tables (*.csv *.txt);;All files (*)")


class ScreeningWorkspace(Workspace):
    KEY = "screening"
    SWITCH = ActionSpec(
        "actionShowScreening", mark("Concept &Screening"), "menuView",
        mark("Show concept screening: criteria and weights (typed or AHP), the scoring grid, "
             "dot voting, the chosen concepts and the brainstormed ideas"),
        "Ctrl+3", checkable=True, place=1.3, short=mark("Screening"))
    MENUS = (MenuSpec("menuScreening", mark("Sc&reening"), place=4.5),)
    ACTIONS = (
        ActionSpec("actionImportScreeningCsv", mark("Import &Screening Data from CSV…"), "menuImport",
                   mark("Add ideas, scores or a pairwise AHP matrix from a CSV table (Excel, WPS) "
                        "to the screening shown"), place=1.3),
        ActionSpec("actionNewScreening", mark("&New Screening"), "menuScreening",
                   mark("Start a new concept screening"), place=1.1),
        ActionSpec("actionAddCriterion", mark("Add &Criterion"), "menuScreening",
                   mark("Add a criterion to the screening and name it"), place=2.1),
        ActionSpec("actionAddVoter", mark("Add &Voter"), "menuScreening",
                   mark("Add a voter (a person or a group) and name it"), place=2.2),
        ActionSpec("actionAddConcept", mark("Add C&oncept"), "menuScreening",
                   mark("Add a concept to screen and name it"), place=2.3),
        ActionSpec("actionNormaliseWeights", mark("&Normalise Weights"), "menuScreening",
                   mark("Scale the typed weights so that they sum to exactly 100 %"), place=3.1),
        ActionSpec("actionScoreGrid", mark("Go to the Scoring &Grid"), "menuScreening",
                   mark("Show the scoring grid with the keyboard in it: type 1–5"), place=3.2),
    )

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(session, parent)
        self.edits = ScreeningEdits(session)
        self.page = ScreeningPage()
        self._current_id = ""
        self._typing_session = 0
        self._unsubscribe: Callable[[], None] | None = None
        self._stale: set[str] = set()
        self._connect()
        session.documentChanged.connect(self._attach)
        session.documentReleased.connect(self._detach)
        session.commitRequested.connect(self.commit_pending)
        self._target = FocusedTextTarget(self.page)

    # -- the protocol ----------------------------------------------------------------------
    @property
    def widget(self) -> QWidget:
        return self.page

    def published(self) -> dict[str, object]:
        return {"screening_page": self.page}

    def selection(self) -> Selection | None:
        project = self.session.project
        return Selection("project", project.id) if project is not None else None

    def edit_target(self) -> "FocusedTextTarget":
        return self._target

    def commands(self) -> dict[str, Callable[[], None]]:
        return {
            "actionImportScreeningCsv": self.import_csv,
            "actionNewScreening": self.new_screening,
            "actionAddCriterion": self.add_criterion,
            "actionAddVoter": self.add_voter,
            "actionAddConcept": self.add_concept,
            "actionNormaliseWeights": self.normalise,
            "actionScoreGrid": self.go_to_grid,
        }

    def enabled_actions(self) -> set[str]:
        names = {"actionImportScreeningCsv", "actionNewScreening"}
        if self.current() is not None:
            names |= {"actionAddCriterion", "actionAddVoter", "actionAddConcept", "actionScoreGrid",
                      "actionNormaliseWeights"}
        return names

    def can_show(self, kind: str, entity_id: str) -> bool:
        return kind in KIND_NAMES

    def show(self, kind: str, entity_id: str) -> None:
        project = self.session.project
        if project is None:
            return
        if kind == "screening":
            self.choose(entity_id)
        elif kind in ("brainstorm", "idea"):
            self.page.show_tab("ideas")

    def follows(self, changes: ChangeSet) -> bool:
        return any(event.entity in KIND_NAMES for event in changes)

    def set_active(self, active: bool) -> None:
        if not active:
            self.commit_pending()

    def focus(self) -> None:
        current = self.page.tabs.currentWidget()
        if current is self.page.scoring:
            self.page.scoring.focus_grid()
        elif current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)
            current.focusNextChild()

    def retranslate(self) -> None:
        self.refresh()

    def teardown(self) -> None:
        self.commit_pending()
        self._detach(None)

    # -- the document ------------------------------------------------------------------------
    def current(self) -> Screening | None:
        project = self.session.project
        if project is None or not project.screenings:
            return None
        found = next((s for s in project.screenings if s.id == self._current_id), None)
        if found is None:
            found = project.screenings[0]
            self._current_id = found.id
        return found

    def choose(self, screening_id: str) -> None:
        if screening_id != self._current_id:
            self.commit_pending()
            self._current_id = screening_id
            self.refresh()
            self.actionsChanged.emit()

    def _attach(self, document) -> None:
        self._unsubscribe = document.project.events.subscribe(self._on_changes)
        self._current_id = ""
        self.refresh()
        self.actionsChanged.emit()

    def _detach(self, _document) -> None:
        if self._unsubscribe:
            self._unsubscribe()
            self._unsubscribe = None
        self.page.chosen.commit_pending()

    def _on_changes(self, changes: ChangeSet) -> None:
        if self.follows(changes):
            had = self._current_id
            for event in changes:  # a screening just added (or brought back) is shown
                if event.entity == "screening" and event.action == "added":
                    self._current_id = event.entity_id
            self.refresh()
            if had != self._current_id or changes.touches("screening"):
                self.actionsChanged.emit()

    def refresh(self) -> None:
        """Show the project: the header and the tab in view now; the others when shown."""
        project = self.session.project
        screening = self.current()
        self.page.show_screenings(project, screening)
        self._stale = {key for key in self.page.views}
        self._refresh_tab()

    def _refresh_tab(self, _index: int = -1) -> None:
        key = next((k for k, v in self.page.views.items() if v is self.page.tabs.currentWidget()), "")
        if key not in self._stale:
            return
        self._stale.discard(key)
        screening = self.current()
        result = evaluate(screening) if screening is not None else None
        page = self.page
        if key == "criteria":
            page.criteria.show_screening(screening, result)
        elif key == "ahp":
            page.ahp.show_screening(screening)
        elif key == "people":
            page.people.show_screening(screening)
        elif key == "scoring":
            page.scoring.show_screening(screening, result)
        elif key == "dots":
            page.dots_view.show_screening(screening)
        elif key == "chosen":
            page.chosen.show_screening(screening)
        elif key == "ideas":
            page.ideas.show_project(self.session.project)

    def commit_pending(self) -> None:
        self.page.chosen.commit_pending()
        if self.page.name.hasFocus():
            self.page.name.editingFinished.emit()

    # -- wiring the views to the edits ---------------------------------------------------------
    def _connect(self) -> None:
        page, edits = self.page, self.edits
        page.tabs.currentChanged.connect(self._refresh_tab)
        page.screeningChosen.connect(self.choose)
        page.newRequested.connect(self.new_screening)
        page.removeRequested.connect(lambda: self._in_current(edits.remove_screening))
        page.settingEdited.connect(self._setting)
        criteria = page.criteria
        criteria.edited.connect(self._criterion_edited)
        criteria.addRequested.connect(self.add_criterion)
        criteria.removeRequested.connect(lambda cid: self._in_current(
            lambda sid: edits.remove("criterion", sid, cid, tr("Remove criterion"))))
        criteria.moveRequested.connect(lambda cid, index: self._in_current(
            lambda sid: edits.move("criterion", sid, cid, index, tr("Move criterion"))))
        criteria.normaliseRequested.connect(self.normalise)
        page.ahp.judged.connect(self._judged)
        page.ahp.chosen.connect(lambda a, b, value: self._in_current(
            lambda sid: edits.set_judgement(sid, a, b, value)))
        page.ahp.useAhpRequested.connect(lambda: self._setting("weight_source", "ahp", False))
        voters, concepts = page.people.voters, page.people.concepts
        for widget, kind, field, noun in ((voters, "voter", "name", mark("Rename voter")),
                                          (concepts, "concept", "title", mark("Rename concept"))):
            widget.renamed.connect(lambda eid, text, k=kind, f=field, n=noun: self._in_current(
                lambda sid: edits.update(k, sid, eid, {f: text}, tr(n))))
            widget.removeRequested.connect(lambda eid, k=kind: self._in_current(
                lambda sid: edits.remove(k, sid, eid, tr("Remove {kind}").format(kind=tr(k)))))
            widget.moveRequested.connect(lambda eid, index, k=kind: self._in_current(
                lambda sid: edits.move(k, sid, eid, index, tr("Move {kind}").format(kind=tr(k)))))
        voters.addRequested.connect(self.add_voter)
        concepts.addRequested.connect(self.add_concept)
        concepts.checked.connect(lambda eid, on: self._in_current(lambda sid: edits.update(
            "concept", sid, eid, {"chosen": on}, tr("Choose concept") if on else tr("Unchoose concept"))))
        page.scoring.scoreTyped.connect(lambda concept, criterion, voter, value: self._in_current(
            lambda sid: edits.set_score(sid, concept, criterion, voter, value or None)))
        page.dots_view.dotsTyped.connect(lambda concept, voter, dots: self._in_current(
            lambda sid: edits.set_dots(sid, concept, voter, dots)))
        page.chosen.edited.connect(self._concept_edited)
        page.chosen.typingEnded.connect(self._end_typing)
        ideas = page.ideas
        ideas.rounds.addRequested.connect(self._add_round)
        ideas.rounds.renamed.connect(lambda rid, text: edits.update_round(
            rid, {"name": text}, tr("Rename brainstorming round")))
        ideas.rounds.removeRequested.connect(edits.remove_round)
        ideas.rounds.moveRequested.connect(lambda rid, index: self.session.push(
            ops.Move("brainstorm", (), rid, index), tr("Move brainstorming round")))
        ideas.techniqueChosen.connect(lambda rid, value: edits.update_round(
            rid, {"technique": value}, tr("Change technique")))
        ideas.ideasTyped.connect(self._ideas_typed)
        ideas.toConceptRequested.connect(self._idea_to_concept)
        ideas.removeIdeaRequested.connect(edits.remove_idea)

    def _in_current(self, edit: Callable[[str], Any]) -> Any:
        screening = self.current()
        return edit(screening.id) if screening is not None else None

    def _merge(self, *key: Any) -> dict[str, Any]:
        return {"merge_id": TYPING_MERGE_ID, "merge_key": (*key, self._typing_session)}

    def _end_typing(self) -> None:
        self._typing_session += 1

    def _setting(self, field: str, value: Any, continuous: bool) -> None:
        label = tr(SCREENING.field(field).label)
        text = tr("Change {field}").format(field=label.lower() if label.isascii() else label)
        merge = self._merge("screening", field) if continuous else {}
        if not self._in_current(lambda sid: self.edits.update_screening(sid, {field: value}, text, **merge)):
            self.refresh()  # refused: show what the screening holds

    def _criterion_edited(self, criterion_id: str, field: str, value: Any) -> None:
        if value is None:
            self.session.refuse(tr("A weight is a number of percent, such as 25."))
            self.refresh()
            return
        texts = {"name": tr("Rename criterion"), "weight": tr("Change weight"),
                 "description": tr("Change criterion description")}
        if not self._in_current(lambda sid: self.edits.update(
                "criterion", sid, criterion_id, {field: value}, texts[field])):
            self.refresh()

    def _judged(self, first: str, second: str, text: str) -> None:
        try:
            value = ahp.parse_judgement(text) if text.strip() else None
        except ModelError as error:
            self.session.refuse(describe(error))
            self.refresh()
            return
        self._in_current(lambda sid: self.edits.set_judgement(sid, first, second, value))

    def _concept_edited(self, concept_id: str, field: str, value: Any, continuous: bool) -> None:
        from ....model.screening import CONCEPT

        label = tr(CONCEPT.field(field).label)
        text = tr("Change {field}").format(field=label.lower() if label.isascii() else label)
        merge = self._merge("concept", concept_id, field) if continuous else {}
        self._in_current(lambda sid: self.edits.update("concept", sid, concept_id, {field: value}, text, **merge))

    # -- commands --------------------------------------------------------------------------------
    def new_screening(self) -> None:
        self.commit_pending()
        screening = self.edits.add_screening()
        if screening is not None:
            self.choose(screening.id)
            self.page.show_tab("criteria")
            self.page.name.setFocus()
            self.page.name.selectAll()

    def add_criterion(self) -> None:
        if self._in_current(self.edits.add_criterion):
            self.page.show_tab("criteria")
            grid = self.page.criteria.grid
            grid.setFocus()
            grid.setCurrentCell(grid.rowCount() - 1, 0)
            grid.editItem(grid.currentItem())

    def add_voter(self) -> None:
        if self._in_current(self.edits.add_voter):
            self.page.show_tab("people")
            self.page.people.voters.edit_last()

    def add_concept(self) -> None:
        if self._in_current(self.edits.add_concept):
            self.page.show_tab("people")
            self.page.people.concepts.edit_last()

    def normalise(self) -> None:
        self._in_current(self.edits.normalise_weights)

    def go_to_grid(self) -> None:
        self.page.show_tab("scoring")
        self.page.scoring.focus_grid()

    def _add_round(self) -> None:
        if self.edits.add_round() is not None:
            self.page.show_tab("ideas")
            self.page.ideas.rounds.edit_last()

    def _ideas_typed(self, round_id: str, text: str) -> None:
        if self.edits.add_ideas(round_id, text):
            self.page.ideas.clear_entry()
            self.page.ideas.entry.setFocus()

    def _idea_to_concept(self, round_id: str, idea_id: str) -> None:
        project = self.session.project
        brainstorm = next((b for b in project.brainstorms if b.id == round_id), None) if project else None
        idea = next((i for i in brainstorm.ideas if i.id == idea_id), None) if brainstorm else None
        if idea is None:
            return
        if self.current() is None:
            self.edits.add_screening()
        if self._in_current(lambda sid: self.edits.idea_to_concept(sid, idea)):
            self.session.show_message(tr("“{title}” is now a concept of “{screening}”.").format(
                title=idea.title, screening=self.current().name))

    # -- import ------------------------------------------------------------------------------------
    def import_csv(self) -> None:
        path = ask_open_path(self.session, tr("Import Screening Data from CSV"), tr(CSV_FILTER))
        if path:
            self.import_csv_path(path)

    def import_csv_path(self, path: str) -> bool:
        """Ideas, scores or a pairwise matrix into the screening shown (one undo step); a CSV
        of cards becomes a map, as File ▸ Import ▸ Map from CSV does."""
        from ....interchange import screening_csv

        project = self.session.project
        if project is None:
            return False
        parent = self.session.dialog_parent()
        try:
            text, kind = screening_csv.read_kind(path)
            if kind == "cards":
                return FileOperations(self.session).import_csv_path(path)
            current = self.current()
            name = current.name if current is not None else None
            if kind == "ideas":
                batch, count = screening_csv.ideas_operations(project, text)
            elif kind == "scores":
                batch, count = screening_csv.scores_operations(project, text, name)
            else:
                batch, count = screening_csv.pairwise_operations(project, text, name)
        except (InterchangeError, OSError, ModelError) as error:
            show_error(parent, tr("Could not import the CSV file"), describe(error))
            return False
        if not self.session.push(batch, tr("Import {name}").format(name=Path(path).name)):
            return False
        self.page.show_tab({"ideas": "ideas", "scores": "scoring"}.get(kind, "ahp"))
        self.session.show_message(plural(count, "Imported {count} row from {name}.",
                                         "Imported {count} rows from {name}.", name=Path(path).name))
        return True


class FocusedTextTarget:
    """Edit ▸ Cut / Copy / Paste / Delete / Select All on the text field being typed in."""

    def __init__(self, page: QWidget) -> None:
        self._page = page

    def _field(self) -> QLineEdit | QPlainTextEdit | None:
        widget = QApplication.focusWidget()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)) and self._page.isAncestorOf(widget):
            return widget
        return None

    def cut(self) -> None:
        if (field := self._field()) is not None:
            field.cut()

    def copy(self) -> None:
        if (field := self._field()) is not None:
            field.copy()

    def paste(self) -> None:
        if (field := self._field()) is not None:
            field.paste()

    def delete(self) -> None:
        field = self._field()
        if isinstance(field, QLineEdit):
            field.del_()
        elif isinstance(field, QPlainTextEdit):
            field.textCursor().deleteChar()

    def select_all(self) -> None:
        if (field := self._field()) is not None:
            field.selectAll()


__all__ = ["ScreeningWorkspace"]

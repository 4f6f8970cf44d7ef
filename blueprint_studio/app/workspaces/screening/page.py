"""The screening workspace's page: which screening (a chooser with New and Remove), its
settings in one row (name, pass line, the missing-score rule stated in words, where the
weights come from, dots per voter), and the tabs of the work, in the order of a workshop:
criteria and weights, AHP, voters and concepts, scoring, dot voting, chosen concepts, ideas.

Keyboard: Alt + an underlined letter reaches each control; Ctrl+Tab / Ctrl+Shift+Tab (and
Ctrl+PgDown / Ctrl+PgUp) go from tab to tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFrame, QHBoxLayout, QLineEdit, QPushButton, QSpinBox,
    QTabWidget, QVBoxLayout, QWidget,
)

from ....i18n import mark, tr
from ....model.entities import Project
from ....model.screening import MissingRule, Screening, WeightSource
from ...language import LanguageFollower
from .ahp_view import AhpView
from .chosen import ChosenView
from .common import HEADING_POINTS, font, label
from .criteria import CriteriaView
from .dots import DotsView
from .ideas import IdeasView
from .people import PeopleView
from .scoring import ScoringView

RULE_TEXT = {
    MissingRule.UNRANKED: mark("not ranked until complete"),
    MissingRule.AVERAGE: mark("averaged over the voters who scored"),
}
SOURCE_TEXT = {
    WeightSource.DIRECT: mark("typed in %"),
    WeightSource.AHP: mark("AHP (pairwise)"),
}
TABS = (
    ("criteria", mark("&Criteria and weights")),
    ("ahp", mark("A&HP")),
    ("people", mark("&Voters and concepts")),
    ("scoring", mark("&Scoring")),
    ("dots", mark("&Dot voting")),
    ("chosen", mark("C&hosen concepts")),
    ("ideas", mark("&Ideas")),
)


class ScreeningPage(LanguageFollower, QWidget):
    """The page; `screeningChosen(id)`, `settingEdited(field, value, continuous)`."""

    screeningChosen = Signal(str)
    settingEdited = Signal(str, object, bool)
    newRequested = Signal()
    removeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screeningPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        header = QFrame(objectName="screeningHeader")
        rows = QVBoxLayout(header)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        self.chooser_label = label(self, 15, bold=True, wrap=False)
        self.chooser = QComboBox(objectName="screeningChooser")
        self.chooser.setFont(font(self, 15))
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(10)
        self.chooser_label.setBuddy(self.chooser)
        self.new = QPushButton(objectName="newScreeningButton")
        self.remove = QPushButton(objectName="removeScreeningButton")
        self.name_label = label(self, bold=True, wrap=False)
        self.name = QLineEdit(objectName="screeningName")
        self.name.setFont(font(self, 14))
        self.name_label.setBuddy(self.name)
        self.threshold = QDoubleSpinBox(objectName="passThreshold")
        self.threshold.setRange(1.0, 5.0)
        self.threshold.setSingleStep(0.1)
        self.threshold.setDecimals(2)
        self.threshold.setKeyboardTracking(False)
        self.rule = QComboBox(objectName="missingRule")
        self.source = QComboBox(objectName="weightSource")
        self.dots = QSpinBox(objectName="dotsPerVoter")
        self.dots.setRange(1, 100)
        self.dots.setKeyboardTracking(False)
        self.threshold.setMaximumWidth(90)
        self.dots.setMaximumWidth(80)
        for combo in (self.rule, self.source):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.setting_labels = []
        captions = []
        for widget in (self.threshold, self.rule, self.source, self.dots):
            caption = label(self, bold=True, wrap=False)
            caption.setBuddy(widget)
            widget.setFont(font(self, 13))
            self.setting_labels.append(caption)
            captions.append(caption)
        top = QHBoxLayout()
        for widget, stretch in ((self.chooser_label, 0), (self.chooser, 2), (self.new, 0),
                                (self.remove, 0), (self.name_label, 0), (self.name, 2)):
            top.addWidget(widget, stretch)
        top.insertSpacing(4, 12)
        rows.addLayout(top)
        settings = QHBoxLayout()
        for widget, stretch in ((captions[0], 0), (self.threshold, 0), (captions[1], 0), (self.rule, 6),
                                (captions[2], 0), (self.source, 2), (captions[3], 0), (self.dots, 0)):
            settings.addWidget(widget, stretch)
        rows.addLayout(settings)
        outer.addWidget(header)

        self.tabs = QTabWidget(objectName="screeningTabs")
        self.tabs.setFont(font(self, 13))
        self.criteria = CriteriaView()
        self.ahp = AhpView()
        self.people = PeopleView()
        self.scoring = ScoringView()
        self.dots_view = DotsView()
        self.chosen = ChosenView()
        self.ideas = IdeasView()
        self.views = {"criteria": self.criteria, "ahp": self.ahp, "people": self.people,
                      "scoring": self.scoring, "dots": self.dots_view, "chosen": self.chosen,
                      "ideas": self.ideas}
        for key, _text in TABS:
            self.tabs.addTab(self.views[key], "")
        outer.addWidget(self.tabs, 1)
        self.empty = label(self, HEADING_POINTS, muted=True, name="screeningEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.empty)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, lambda s=step: self.step_tab(s),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self._showing = False
        self.chooser.activated.connect(lambda index: self.screeningChosen.emit(
            str(self.chooser.itemData(index) or "")))
        self.new.clicked.connect(self.newRequested)
        self.remove.clicked.connect(self.removeRequested)
        self.name.editingFinished.connect(self._name_done)
        self.threshold.valueChanged.connect(lambda v: self._setting("pass_threshold", round(v, 2), True))
        self.dots.valueChanged.connect(lambda v: self._setting("dots_per_voter", int(v), True))
        self.rule.activated.connect(lambda _i: self._setting("missing_rule", self.rule.currentData(), False))
        self.source.activated.connect(lambda _i: self._setting("weight_source", self.source.currentData(), False))
        self.retranslate()
        self.note_language()

    def step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.views[key])

    def retranslate(self) -> None:
        self.chooser_label.setText(tr("Scr&eening:"))
        self.new.setText(tr("Ne&w screening"))
        self.remove.setText(tr("Remove screening"))
        self.name_label.setText(tr("Na&me:"))
        for caption, text in zip(self.setting_labels, (tr("&Pass line:"), tr("Missing scores:"),
                                                       tr("Weights:"), tr("Dots per voter:"))):
            caption.setText(text)
        for combo, texts in ((self.rule, RULE_TEXT), (self.source, SOURCE_TEXT)):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            for value, text in texts.items():
                combo.addItem(tr(text), value.value)
            combo.setCurrentIndex(current)
            combo.blockSignals(False)
        for index, (_key, text) in enumerate(TABS):
            self.tabs.setTabText(index, tr(text))
        self.empty.setText(tr("No screening yet. Press “New screening” to start one."))
        for view in self.views.values():
            view.retranslate()

    # -- showing ------------------------------------------------------------------------------
    def show_screenings(self, project: Project | None, current: Screening | None) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for screening in (project.screenings if project is not None else []):
            self.chooser.addItem(screening.name or tr("(unnamed)"), screening.id)
        self.chooser.setCurrentIndex(self.chooser.findData(current.id) if current is not None else -1)
        self.chooser.blockSignals(False)
        has = current is not None
        self.remove.setEnabled(has)
        self.new.setEnabled(project is not None)
        for widget in (self.name, self.threshold, self.rule, self.source, self.dots):
            widget.setEnabled(has)
        for index, (key, _text) in enumerate(TABS):
            self.tabs.setTabEnabled(index, has or key == "ideas")
        if not has and project is not None:
            self.show_tab("ideas")  # brainstorming needs no screening yet
        self.empty.setVisible(not has)
        if not has:
            return
        self._showing = True
        try:
            if not self.name.hasFocus() and self.name.text() != current.name:
                self.name.setText(current.name)
            self.threshold.setValue(current.pass_threshold)
            self.dots.setValue(current.dots_per_voter)
            self.rule.setCurrentIndex(self.rule.findData(current.missing_rule.value))
            self.source.setCurrentIndex(self.source.findData(current.weight_source.value))
        finally:
            self._showing = False

    def _setting(self, field: str, value: object, continuous: bool) -> None:
        if not self._showing:
            self.settingEdited.emit(field, value, continuous)

    def _name_done(self) -> None:
        if not self._showing:
            self.settingEdited.emit("name", self.name.text().strip(), False)


__all__ = ["ScreeningPage", "TABS"]

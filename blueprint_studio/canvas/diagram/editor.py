"""In-place text editing on a diagram: the editor item, and the slot that holds the one
editor a scene may show at a time.

Committing or cancelling calls the `done` callback the diagram gave (which pushes one undo
step, or not); the slot closes the editor by itself when what it edits disappears (undo,
another panel), and removes finished editors on the next turn of the event loop (an item
must not be removed from the scene inside its own key or focus handler).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsTextItem, QStyle, QStyleOptionGraphicsItem

from .. import style as S

Done = Callable[[bool, str], None]  # (commit, text)
Step = Callable[[bool], None]       # Tab (True) or Shift+Tab (False) after committing


class InlineEditor(QGraphicsTextItem):
    """Edits text in place. Enter commits, Shift+Enter adds a line, Escape cancels;
    clicking elsewhere commits (like a spreadsheet cell). With `on_tab`, Tab and Shift+Tab
    commit and hand over to the next or previous thing to edit."""

    def __init__(self, text: str, font, width: float, on_done: Done, multiline: bool = True,
                 on_tab: Step | None = None) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_tab = on_tab
        self._multiline = multiline
        self._done = False
        self.setFont(font)
        self.setDefaultTextColor(S.INK)
        self.setPlainText(text)
        self.setTextWidth(max(width, 40.0))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(S.Z_EDITOR)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.finish(False)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._multiline and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
                return
            self.finish(True)
            return
        super().keyPressEvent(event)

    def sceneEvent(self, event) -> bool:  # noqa: N802
        # QGraphicsTextItem hands Tab straight to its text (a tab character), past keyPressEvent.
        if (event.type() == QEvent.Type.KeyPress and self._on_tab is not None
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.finish(True)
            self._on_tab(forward)
            event.accept()
            return True
        return super().sceneEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # the context menu keeps editing
            self.finish(True)

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        self._on_done(commit, self.toPlainText())

    @property
    def done(self) -> bool:
        return self._done

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        rect = self.boundingRect()
        painter.setPen(QPen(S.SELECTION, 2))
        painter.setBrush(QBrush(QColor("white")))
        painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 4, 4)
        # Without Qt's dashed focus frame: the blue box already says "editing here".
        plain = QStyleOptionGraphicsItem(option)
        plain.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, plain, widget)


class EditorSlot:
    """The one in-place editor of a scene, and what it edits ((kind, id) of an entity)."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._editor: InlineEditor | None = None
        self._target: tuple[str, str] = ("", "")
        self._retired: list[InlineEditor] = []
        self._closed = False

    @property
    def editor(self) -> InlineEditor | None:
        return self._editor

    @property
    def target(self) -> tuple[str, str]:
        return self._target

    def start(self, text: str, font: QFont, width: float, pos: QPointF, done: Done, *,
              multiline: bool, target: tuple[str, str] = ("", ""), select_all: bool = True,
              tab: Step | None = None) -> InlineEditor:
        """Open an editor at `pos` (scene coordinates); an editor already open commits first.
        `tab(forward)` runs after Tab or Shift+Tab committed the edit."""
        self.finish(True)
        self._target = target

        def on_done(commit: bool, new_text: str) -> None:
            editor = self._editor
            self._editor = None
            self._target = ("", "")
            if editor is not None:
                editor.hide()
                self._retired.append(editor)
                QTimer.singleShot(0, self._drop_retired)
            done(commit, new_text)

        editor = InlineEditor(text, font, width, on_done, multiline, tab)
        editor.document().setDocumentMargin(0)
        editor.setPos(pos)
        self._scene.addItem(editor)
        self._editor = editor
        # The keyboard must reach the editor even when another widget has focus (a kind just
        # dragged from the palette, a toolbar button): the scene only gets keys through its view.
        for view in self._scene.views():
            if view.isVisible() and not view.hasFocus():
                view.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = editor.textCursor()
        if select_all:  # short names: typing replaces them
            cursor.select(cursor.SelectionType.Document)
        else:           # a card's text: fix a typo without retyping everything
            cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        return editor

    def finish(self, commit: bool = True) -> None:
        """End the edit in progress, if any (commit or cancel)."""
        if self._editor is not None:
            self._editor.finish(commit)

    def entity_removed(self, kind: str, entity_id: str) -> None:
        """What is being edited is gone (undo, another panel): cancel the edit."""
        if self._editor is not None and (kind, entity_id) == self._target:
            self._editor.finish(False)

    def _drop_retired(self) -> None:
        if self._closed:
            return
        for editor in self._retired:
            if editor.scene() is self._scene:
                self._scene.removeItem(editor)
        self._retired = []

    def close(self) -> None:
        """The scene is being torn down: forget every editor (the scene clears its items)."""
        self._closed = True
        self._retired = []
        self._editor = None

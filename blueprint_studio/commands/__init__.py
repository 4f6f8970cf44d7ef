"""Qt undo commands: the one way the UI changes the model.

A command wraps a model `Operation`; redo applies it and keeps the inverse it returns,
undo applies that inverse. The scene follows the model through its events, so commands
never touch graphics items (orange-canvas-core's rule).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ..model.entities import Project

# How many undo/redo replays are running: views that follow `project.events` tell the
# user's own edits (they choose the selection themselves) from history being replayed
# (undo/redo should then select and reveal what changed, as in any mature editor).
_replay_depth = 0


def replaying() -> bool:
    """True while an undo step is being undone or redone (not while it is first pushed)."""
    return _replay_depth > 0


class OperationCommand(QUndoCommand):
    """One undo step made of one model operation (use `operations.Batch` for several)."""

    def __init__(self, project: Project, operation: Any, text: str,
                 merge_id: int = -1, merge_key: Any = None) -> None:
        super().__init__(text)
        self._project = project
        self._operation = operation
        self._inverse: Any = None
        self._merge_id = merge_id
        # Edits with equal keys merge; the newest must supersede the older ones
        # (e.g. ("text", card id) while typing), since undo restores the first state.
        self._merge_key = merge_key
        self._already_applied = False

    def redo(self) -> None:
        if self._already_applied:  # push_operation applied it to check it first
            self._already_applied = False
            return
        global _replay_depth
        _replay_depth += 1
        try:
            self._inverse = self._operation.apply(self._project)
        finally:
            _replay_depth -= 1

    def undo(self) -> None:
        global _replay_depth
        _replay_depth += 1
        try:
            self._operation = self._inverse.apply(self._project)
        finally:
            _replay_depth -= 1

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        """Continuous edits of the same thing (arrow-key nudges, typing) merge into one step."""
        if not isinstance(other, OperationCommand) or other._merge_key != self._merge_key:
            return False
        # Keep our inverse (the state before the first edit); take the newest operation.
        self._operation = other._operation
        return True


def push_operation(stack: Any, project: Project, operation: Any, text: str, **kwargs: Any) -> OperationCommand:
    """Apply `operation` as one undo step.

    The operation is applied before the push, so an edit the model refuses raises
    ModelError and nothing is recorded; QUndoStack.push then skips the first redo().
    """
    inverse = operation.apply(project)
    command = OperationCommand(project, operation, text, **kwargs)
    command._inverse = inverse
    command._already_applied = True
    stack.push(command)
    return command

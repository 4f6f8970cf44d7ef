"""Qt undo commands: the one way the UI changes the model.

A command wraps a model `Operation`; redo applies it and keeps the inverse it returns,
undo applies that inverse. The scene follows the model through its events, so commands
never touch graphics items (orange-canvas-core's rule).

An edit that changes nothing never becomes an undo step: `push_operation` applies the
operation, and when its inverse would restore nothing (the label typed again with a space
the model's check removes, a field set to the value it has) nothing is recorded. Typing
that merges back to where it started (a letter typed and erased) makes its step obsolete,
and QUndoStack drops it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ..model import operations as ops
from ..model.entities import ModelError, Project
from ..model.kinds import KINDS, find, parent_object

# How many undo/redo replays are running: views that follow `project.events` tell the
# user's own edits (they choose the selection themselves) from history being replayed
# (undo/redo should then select and reveal what changed, as in any mature editor).
_replay_depth = 0


def replaying() -> bool:
    """True while an undo step is being undone or redone (not while it is first pushed)."""
    return _replay_depth > 0


def restores_nothing(project: Project, inverse: Any, nested: bool = False) -> bool:
    """Whether applying `inverse` (what an operation just applied returned) would leave the
    project as it is, i.e. the operation changed nothing.

    Decided from the operations themselves, generically over the kinds: an `Update` or
    `UpdateProjectInfo` whose old values are the values now held, a `Move` back to the
    place the entity holds (alone: a move's place depends on its siblings, so inside a
    `Batch` a move always counts as a change), a `Batch` of such. An `Add` or `Remove`
    always changes something. When in doubt the answer is False (the step is kept).
    """
    if isinstance(inverse, ops.Batch):
        return all(restores_nothing(project, operation, nested=True) for operation in inverse.operations)
    try:
        if isinstance(inverse, ops.UpdateProjectInfo):
            return all(getattr(project.info, name) == value for name, value in inverse.changes.items())
        if isinstance(inverse, ops.Update):
            entity = find(project, KINDS[inverse.kind], inverse.scope, inverse.entity_id)
            return all(getattr(entity, name) == value for name, value in inverse.changes.items())
        if isinstance(inverse, ops.Move) and not nested:
            kind = KINDS[inverse.kind]
            entity = find(project, kind, inverse.scope, inverse.entity_id)
            held = kind.container(parent_object(project, kind, inverse.scope))
            if isinstance(held, list):
                return held.index(entity) == inverse.index
            order = kind.order_field
            return (order is not None and getattr(entity, order.name) == inverse.index
                    and all(getattr(entity, name) == value
                            for name, value in (inverse.group or {}).items()))
    except (KeyError, ModelError, AttributeError):
        return False
    return False


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
        """Continuous edits of the same thing (arrow-key nudges, typing) merge into one step.

        When the merged step ends where it began (a letter typed, then erased), it is
        obsolete and the stack drops it: undo would show a step that changes nothing."""
        if not isinstance(other, OperationCommand) or other._merge_key != self._merge_key:
            return False
        # Keep our inverse (the state before the first edit); take the newest operation.
        self._operation = other._operation
        if restores_nothing(self._project, self._inverse):
            self.setObsolete(True)
        return True


def push_operation(stack: Any, project: Project, operation: Any, text: str,
                   **kwargs: Any) -> OperationCommand | None:
    """Apply `operation` as one undo step; returns the command, or None when the edit
    changed nothing (then nothing is recorded).

    The operation is applied before the push, so an edit the model refuses raises
    ModelError and nothing is recorded; QUndoStack.push then skips the first redo().
    """
    inverse = operation.apply(project)
    if restores_nothing(project, inverse):
        return None
    command = OperationCommand(project, operation, text, **kwargs)
    command._inverse = inverse
    command._already_applied = True
    stack.push(command)
    return command

"""Presentation mode (F5) on a main window, and the workshop timer's commands.

Entering: pending typing is committed (it is the user's edit, not the presentation's), the
window remembers its layout (docks, toolbars, window state), hides everything but the
workspace, goes full screen and locks every command that could change the project; the
workspace is told (the map editor fits its map, read-only: see canvas/presentation.py),
and the keys of `actions.PRESENTING_KEYS` come alive. Leaving gives everything back as it
was: docks, toolbars, menus, the window state, each map's zoom and scroll, the selection,
the enabled commands. Presenting never changes the model.

The timer is the window's: it runs while presenting or not, and shows in a corner of the
workspace (see overlay.TimerBadge).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QToolBar, QWidget

from . import actions as specs
from .overlay import PresentationOverlay, TimerBadge
from .protocol import PresentationHost
from .timer import FINISHED, IDLE, PAUSED, RUNNING, WorkshopTimer
from .timer_dialog import TimerDialog

REVEAL_KEY = "present_reveal"
POINTER_KEY = "present_pointer"
TIMER_KEY = "timer_minutes"
# After leaving, the window gets its normal size back a little later on a real desktop
# (the window manager answers asynchronously): zoom and scroll are put back once more.
SETTLE_MS = 800


class PresentationController(QObject):
    def __init__(self, host: "PresentationHost") -> None:
        super().__init__(host)
        self.host = host
        self.settings = host.settings
        self.actions = host.actions
        self.active = False
        self.timer = WorkshopTimer(self)
        self.overlay = PresentationOverlay(host.stack)
        self.timer_badge = TimerBadge(self.timer, host.stack)
        self._saved: tuple[QByteArray, Qt.WindowState, QRect, object] | None = None
        self._told: list = []            # workspaces told they are presented
        self._presentable = None
        self._presentable_connections: list = []
        self._pointer_surface: QWidget | None = None
        self._locks: dict[str, object] = {}
        self._unlocked: dict[str, bool] = {}   # enabled before presenting
        self._settling = None
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.timeout.connect(self._end_settling)
        # Plain keys (arrows, letters, Escape) belong to the editor until presenting starts.
        self._keys = {name: self.actions[name].shortcuts() for name in specs.PRESENTING_KEYS}
        for name in specs.PRESENTING_KEYS:
            self.actions[name].setShortcuts([])
        self._connect()
        a = self.actions
        a["actionPresentReveal"].setChecked(self.settings.flag(REVEAL_KEY))
        a["actionPresentPointer"].setChecked(self.settings.flag(POINTER_KEY))
        self.timer_badge.menu_actions = [a["actionTimerPause"], a["actionTimerReset"], None,
                                         a["actionTimerStart"], a["actionTimerStop"]]
        self._update_actions()
        self._update_timer_actions()

    def _connect(self) -> None:
        a = self.actions
        steps = {
            "actionPresentNextStage": lambda p: p.next(), "actionPresentPreviousStage": lambda p: p.previous(),
            "actionPresentWholeMap": lambda p: p.first(), "actionPresentLastStage": lambda p: p.last(),
            "actionPresentNextMoment": lambda p: p.next_moment(1),
            "actionPresentPreviousMoment": lambda p: p.next_moment(-1),
        }
        for name, run in steps.items():
            a[name].triggered.connect(lambda _checked=False, r=run: self._step(r))
        a["actionLeavePresentation"].triggered.connect(lambda: a["actionPresentation"].setChecked(False))
        a["actionPresentReveal"].toggled.connect(self._set_reveal)
        a["actionPresentPointer"].toggled.connect(self._set_pointer)
        a["actionPresentEmotion"].triggered.connect(self._toggle_emotion)
        a["actionPresentCloseUp"].triggered.connect(self._toggle_close_up)
        a["actionTimerStart"].triggered.connect(self.ask_timer)
        for name, minutes in (("actionTimer5", 5), ("actionTimer10", 10), ("actionTimer15", 15)):
            a[name].triggered.connect(lambda _checked=False, m=minutes: self.start_timer(m * 60_000))
        a["actionTimerPause"].triggered.connect(self._toggle_pause)
        a["actionTimerReset"].triggered.connect(self.timer.reset)
        a["actionTimerStop"].triggered.connect(self.timer.stop)
        self.timer.changed.connect(self._update_timer_actions)
        self.host.stack.currentChanged.connect(self._on_workspace_changed)

    # =====================================================================================
    # entering and leaving
    # =====================================================================================
    def set_presenting(self, on: bool) -> None:
        if on == self.active:
            return
        self.enter() if on else self.leave()

    def enter(self) -> None:
        window = self.host   # a QMainWindow that is a PresentationHost
        window.session.commit_pending()
        self._end_settling()
        self.active = True
        self._saved = (window.saveState(), window.windowState(), window.geometry(), window.current_workspace())
        # The workspace first, while its views still have the size the user saw: their zoom
        # and scroll are remembered before the docks go (and the map is fitted again after).
        self._on_workspace_changed()
        for dock in window.findChildren(QDockWidget):
            dock.hide()
        for bar in window.findChildren(QToolBar):
            bar.hide()
        window.menuBar().hide()
        window.statusBar().hide()
        self._lock_commands()
        for name, keys in self._keys.items():
            self.actions[name].setShortcuts(keys)
        window.showFullScreen()
        self.overlay.show()
        self.timer_badge.set_presenting(True)
        self._refresh()

    def leave(self) -> None:
        window = self.host
        self.active = False
        self._set_pointer_surface(None)
        presentable = self._presentable
        self._use_presentable(None)
        self.overlay.hide()
        self.overlay.set_caption("")
        self.timer_badge.set_presenting(False)
        for name in self._keys:
            self.actions[name].setShortcuts([])
        self._unlock_commands()
        state, window_state, geometry, presented = self._saved or (None, Qt.WindowState.WindowNoState,
                                                                    QRect(), window.current_workspace())
        self._saved = None
        window.menuBar().show()
        window.statusBar().show()
        window.switcher.show()
        window.toolbar.show()
        if state is not None:
            window.restoreState(state)   # docks and toolbars as they were
        window.restore_panels(presented)  # a workspace switched to while presenting: its panels
        if not window_state & Qt.WindowState.WindowFullScreen:
            if window_state & Qt.WindowState.WindowMaximized:
                # Straight from full screen to maximized is lost on some window managers
                # (openbox): through the normal state, as the user came.
                window.showNormal()
                window.showMaximized()
            else:
                window.showNormal()
                if geometry.isValid():
                    window.setGeometry(geometry)
        window.interface.enforce()
        layout = window.layout()
        if layout is not None:
            layout.activate()   # the views get their size back now, then their zoom and scroll
        for workspace in self._told:
            workspace.set_presenting(False)
        self._told = []
        workspace = window.current_workspace()
        if workspace is not None:
            workspace.actionsChanged.emit()   # the window enables its commands as it says
        if presentable is not None:
            presentable.restore_views()
            self._settle(presentable)
        if workspace is not None:
            workspace.focus()
        self._update_actions()

    def _settle(self, presentable) -> None:
        """Zoom and scroll back again whenever the workspace is resized in the next moment
        (the window manager restores the window's size after we asked for it)."""
        self._settling = presentable
        self.host.stack.installEventFilter(self)
        self._settle_timer.start(SETTLE_MS)
        QTimer.singleShot(0, self._restore_settling)

    def _restore_settling(self) -> None:
        if self._settling is not None and not self.active:
            self._settling.restore_views()

    def _end_settling(self) -> None:
        if self._settling is not None:
            self._restore_settling()
            self.host.stack.removeEventFilter(self)
            self._settling = None
        self._settle_timer.stop()

    # -- commands locked while presenting -----------------------------------------------------
    def _allowed(self) -> set[str]:
        allowed = set(specs.ALLOWED_WHILE_PRESENTING) | {spec.name for spec in specs.ACTIONS}
        allowed |= {workspace.SWITCH.name for workspace in self.host.workspaces()}
        return allowed

    def _lock_commands(self) -> None:
        allowed = self._allowed()
        self._unlocked = {}
        for name, action in self.actions.items():
            if name in allowed:
                continue
            self._unlocked[name] = action.isEnabled()
            action.setEnabled(False)
            # The window enables commands as the selection changes: they stay locked.
            self._locks[name] = action.changed.connect(
                lambda a=action: a.setEnabled(False) if a.isEnabled() and self.active else None)

    def _unlock_commands(self) -> None:
        """Every command as enabled as before (presenting changed nothing they depend on;
        the selection given back afterwards has the window enable them again anyway)."""
        for connection in self._locks.values():
            QObject.disconnect(connection)
        self._locks = {}
        for name, enabled in self._unlocked.items():
            self.actions[name].setEnabled(enabled)
        self._unlocked = {}

    def locked(self, name: str) -> bool:
        return name in self._locks

    # -- the workspace presented ------------------------------------------------------------------
    def _on_workspace_changed(self, *_args: object) -> None:
        if not self.active:
            return
        workspace = self.host.current_workspace()
        if workspace is None:
            return
        if workspace not in self._told:
            self._told.append(workspace)
        workspace.set_presenting(True)
        self._use_presentable(workspace.presentable())
        if self._presentable is None:
            workspace.focus()
        self._update_actions()
        self._refresh()

    def _use_presentable(self, presentable) -> None:
        if presentable is self._presentable:
            return
        for connection in self._presentable_connections:
            QObject.disconnect(connection)
        self._presentable_connections = []
        self._presentable = presentable
        if presentable is not None:
            presentable.set_reveal(self.actions["actionPresentReveal"].isChecked())
            self._presentable_connections = [
                presentable.changed.connect(self._refresh),
                presentable.messageShown.connect(self.overlay.show_message),
            ]

    def presentable(self):
        return self._presentable if self.active else None

    def _step(self, run) -> None:
        presentable = self.presentable()
        if presentable is not None and presentable.can_step():
            run(presentable)

    def _refresh(self) -> None:
        """Caption, checked states and the pointer's surface after any change."""
        presentable = self.presentable()
        stepping = presentable is not None and presentable.can_step()
        self.overlay.set_caption(presentable.caption() if stepping else "")
        a = self.actions
        a["actionPresentEmotion"].setChecked(stepping and presentable.emotion_shown())
        a["actionPresentCloseUp"].setChecked(stepping and presentable.close_up())
        self.timer_badge.set_room(presentable.margins()[1] if stepping else 0)
        self._set_pointer(a["actionPresentPointer"].isChecked(), remember=False)
        self._update_actions()

    def _update_actions(self) -> None:
        presentable = self.presentable()
        stepping = presentable is not None and presentable.can_step()
        for name in specs.STEPPING:
            self.actions[name].setEnabled(stepping)
        self.actions["actionLeavePresentation"].setEnabled(self.active)

    # -- settings while presenting ----------------------------------------------------------------
    def _set_reveal(self, on: bool) -> None:
        self.settings.set_flag(REVEAL_KEY, on)
        presentable = self.presentable()
        if presentable is not None:
            presentable.set_reveal(on)

    def _toggle_emotion(self) -> None:
        presentable = self.presentable()
        if presentable is not None and presentable.can_step():
            presentable.set_emotion_shown(not presentable.emotion_shown())
        self._refresh()

    def _toggle_close_up(self) -> None:
        presentable = self.presentable()
        if presentable is not None and presentable.can_step():
            presentable.set_close_up(not presentable.close_up())
        self._refresh()

    # -- the pointer highlight ---------------------------------------------------------------------
    def _set_pointer(self, on: bool, remember: bool = True) -> None:
        if remember:
            self.settings.set_flag(POINTER_KEY, on)
        presentable = self.presentable()
        surface = presentable.pointer_surface() if on and presentable is not None else None
        self._set_pointer_surface(surface)

    def _set_pointer_surface(self, surface: QWidget | None) -> None:
        if surface is self._pointer_surface:
            return
        old, self._pointer_surface = self._pointer_surface, surface
        if old is not None:
            old.removeEventFilter(self)
            old.unsetCursor()
        self.overlay.set_pointer(None)
        if surface is not None:
            surface.installEventFilter(self)
            surface.setMouseTracking(True)
            surface.setCursor(Qt.CursorShape.BlankCursor)  # the highlight is the pointer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._pointer_surface:
            if event.type() in (QEvent.Type.MouseMove, QEvent.Type.Enter, QEvent.Type.HoverMove):
                position = getattr(event, "globalPosition", None)
                if position is not None:
                    self.overlay.set_pointer(self.overlay.mapFromGlobal(position().toPoint()))
            elif event.type() == QEvent.Type.Leave:
                self.overlay.set_pointer(None)
        elif watched is self.host.stack and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._restore_settling)
        return False

    # =====================================================================================
    # the workshop timer
    # =====================================================================================
    def last_timer_ms(self) -> int:
        minutes = self.settings.number(TIMER_KEY, 10.0)
        return int(round(minutes * 60_000)) if 0 < minutes <= 24 * 60 else 600_000

    def ask_timer(self) -> None:
        dialog = TimerDialog(self.host, self.last_timer_ms())
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.duration_ms:
                self.start_timer(dialog.duration_ms)
        finally:
            dialog.deleteLater()

    def start_timer(self, duration_ms: int) -> None:
        self.settings.set_number(TIMER_KEY, duration_ms / 60_000)
        self.timer.start(duration_ms)

    def _toggle_pause(self) -> None:
        if self.timer.state in (RUNNING, PAUSED):
            self.timer.toggle_pause()
        else:
            self._update_timer_actions()

    def _update_timer_actions(self) -> None:
        a, state = self.actions, self.timer.state
        a["actionTimerPause"].setEnabled(state in (RUNNING, PAUSED))
        a["actionTimerPause"].setChecked(state == PAUSED)
        a["actionTimerReset"].setEnabled(state in (RUNNING, PAUSED, FINISHED))
        a["actionTimerStop"].setEnabled(state != IDLE)

    def retranslate(self) -> None:
        self.timer_badge.retranslate()
        self._refresh()

    def teardown(self) -> None:
        self.timer.stop()
        self._end_settling()
        app = QApplication.instance()
        if app is not None and self._pointer_surface is not None:
            self._set_pointer_surface(None)


__all__ = ["PresentationController"]

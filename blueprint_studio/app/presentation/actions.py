"""The commands of presentation mode, the workshop timer and the interface settings.

They join the shell's table (app/actions.py `all_specs`), so menus, docs/actions.md and
the shortcut list show them like every other command. The keys of `PRESENTING_KEYS` are
plain keys (arrows, letters, Escape) that belong to the canvas and the text fields while
editing: they are live only while presenting.
"""

from __future__ import annotations

from ...i18n import mark
from ..actions import ActionSpec, MenuSpec

MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("menuPresentation", mark("Prese&ntation"), "menuView", 3.3),
    MenuSpec("menuTimer", mark("Workshop &Timer"), "menuView", 3.4),
)

_P = "menuPresentation"
_T = "menuTimer"

ACTIONS: tuple[ActionSpec, ...] = (
    # Presentation (stepping: keys a presenter's clicker sends)
    ActionSpec("actionPresentNextStage", mark("&Next Stage"), _P,
               mark("Spotlight the next stage (also Down, Page Down: what clickers send)"), "Right",
               extra=("Down", "PgDown"), place=1.1),
    ActionSpec("actionPresentPreviousStage", mark("&Previous Stage"), _P,
               mark("Spotlight the previous stage, or the whole map before the first (also Up, Page Up)"),
               "Left", extra=("Up", "PgUp"), place=1.2),
    ActionSpec("actionPresentWholeMap", mark("&Whole Map"), _P,
               mark("Back to the start: the whole map, no stage spotlighted"), "Home", place=1.3),
    ActionSpec("actionPresentLastStage", mark("&Last Stage"), _P, mark("Spotlight the last stage"),
               "End", place=1.4),
    ActionSpec("actionPresentNextMoment", mark("Next &Moment of Truth"), _P,
               mark("Ring the next card marked as a moment of truth and spotlight its stage"), "M",
               place=2.1),
    ActionSpec("actionPresentPreviousMoment", mark("Previous Moment of &Truth"), _P,
               mark("Ring the previous moment of truth"), "Shift+M", place=2.2),
    ActionSpec("actionPresentReveal", mark("&Reveal Stage by Stage"), _P,
               mark("While presenting, hide the stages not yet reached instead of dimming them "
                    "(R while presenting; remembered)"), "R", checkable=True, place=3.1),
    ActionSpec("actionPresentPointer", mark("Pointer &Highlight"), _P,
               mark("A soft circle follows the mouse over the map, for pointing from afar "
                    "(P while presenting; remembered)"), "P", checkable=True, place=3.2),
    ActionSpec("actionPresentEmotion", mark("&Emotion Curve"), _P,
               mark("Show or hide the emotion curve while presenting (the map's own setting stays)"),
               "E", checkable=True, place=3.3),
    ActionSpec("actionPresentCloseUp", mark("&Close-up"), _P,
               mark("Zoom in to about three stages across, following the spotlight; the wheel "
                    "scrolls up and down (Z again: the whole map)"), "Z", checkable=True, place=3.4),
    ActionSpec("actionLeavePresentation", mark("Leave Presentation"), _P,
               mark("Back to the editor, exactly as it was (also F5)"), "Esc", place=4.1),
    # Workshop timer
    ActionSpec("actionTimerStart", mark("&Start Timer…"), _T,
               mark("Count down an exercise: 5, 10, 15 minutes or a time you type"), "Ctrl+T",
               place=1.1, short=mark("Timer")),
    ActionSpec("actionTimer5", mark("5 Minutes"), _T, mark("Start a 5-minute countdown"), place=1.2),
    ActionSpec("actionTimer10", mark("10 Minutes"), _T, mark("Start a 10-minute countdown"), place=1.3),
    ActionSpec("actionTimer15", mark("15 Minutes"), _T, mark("Start a 15-minute countdown"), place=1.4),
    ActionSpec("actionTimerPause", mark("&Pause"), _T,
               mark("Pause the countdown, or resume it (T while presenting; or click the timer)"), "T",
               checkable=True, place=2.1),
    ActionSpec("actionTimerReset", mark("&Reset"), _T,
               mark("Back to the full time, paused until resumed"), place=2.2),
    ActionSpec("actionTimerStop", mark("S&top and Hide"), _T, mark("End the countdown and hide the timer"),
               place=2.3),
    # Interface settings (remembered)
    ActionSpec("actionParticipantMode", mark("P&articipant Mode"), "menuView",
               mark("A simpler window for participants: no history or findings panels, and the "
                    "inspector without colours, channels, times, column widths and lane kinds "
                    "(remembered)"), checkable=True, place=4.3),
    ActionSpec("actionLargeText", mark("Lar&ger Text"), "menuView",
               mark("Larger type in the whole interface: menus, panels, inspector (remembered)"),
               checkable=True, place=4.4),
)

# Plain keys that work only while presenting (see the module's description).
PRESENTING_KEYS = frozenset(spec.name for spec in ACTIONS if spec.menu == _P) | {"actionTimerPause"}
# Enabled only while presenting a workspace that can be stepped through (a map).
STEPPING = frozenset({"actionPresentNextStage", "actionPresentPreviousStage", "actionPresentWholeMap",
                      "actionPresentLastStage", "actionPresentNextMoment", "actionPresentPreviousMoment",
                      "actionPresentEmotion", "actionPresentCloseUp"})
TIMER = frozenset(spec.name for spec in ACTIONS if spec.menu == _T)
# The window's own commands that still work while presenting (they change nothing).
ALLOWED_WHILE_PRESENTING = frozenset({
    "actionPresentation", "actionSave", "actionQuit", "actionShortcuts", "actionAbout",
    "actionNextMap", "actionPreviousMap", "actionHighlightCriticalPath", "actionHighlightLoops",
    "actionParticipantMode", "actionLargeText",
})


__all__ = ["ACTIONS", "ALLOWED_WHILE_PRESENTING", "MENUS", "PRESENTING_KEYS", "STEPPING", "TIMER"]

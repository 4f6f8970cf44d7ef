"""The map editor's commands, menus and toolbar (merged into the window's by place)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from ....i18n import mark
from ...actions import ActionSpec, MenuSpec

Std = QKeySequence.StandardKey

SWITCH = ActionSpec(
    "actionShowMapWorkspace", mark("&Map Editor"), "menuView",
    mark("Show the map editor: the maps with their stages, lanes, cards and arrows"), "Ctrl+1",
    checkable=True, place=1.1, short=mark("Map Editor"))

MENUS: tuple[MenuSpec, ...] = (
    MenuSpec("menuInsert", mark("&Insert"), place=3),
    MenuSpec("menuCard", mark("&Card"), place=3.5),
    MenuSpec("menuEmotion", mark("&Emotion"), "menuCard", place=1.1),
    MenuSpec("menuMap", mark("&Map"), place=4),
)

# The card fields people set all the time, from the keyboard, on every selected card. Alt
# with a digit or a letter no menu title uses (a test checks both languages): Alt+1 … Alt+5
# is the emotion scale from worst to best, as on a 1-5 rating, on any laptop's number row.
EMOTION_KEYS: tuple[tuple[str, int | None, str, str], ...] = (
    ("actionEmotionMinus2", -2, mark("Emotion −2 (very negative)"), "Alt+1"),
    ("actionEmotionMinus1", -1, mark("Emotion −1 (negative)"), "Alt+2"),
    ("actionEmotion0", 0, mark("Emotion 0 (neutral)"), "Alt+3"),
    ("actionEmotionPlus1", 1, mark("Emotion +1 (positive)"), "Alt+4"),
    ("actionEmotionPlus2", 2, mark("Emotion +2 (very positive)"), "Alt+5"),
    ("actionEmotionClear", None, mark("&No Emotion Score"), "Alt+0"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("actionExportCsv", mark("Export Map as C&SV…"), "menuExport",
               mark("Write the cards of the current map as a CSV table"), place=1.2),
    ActionSpec("actionImportSurveyResponses", mark("Import &Survey Responses…"), "menuImport",
               mark("Add raw survey responses (CSAT, CES, NPS, importance, performance) from a "
                    "CSV to the cards they are about, as one undo step"), place=1.3),
    # Edit
    ActionSpec("actionDuplicate", mark("D&uplicate"), "menuEdit",
               mark("Copy the selected cards next to themselves"), "Ctrl+D", place=2.4),
    ActionSpec("actionEditText", mark("&Edit Card Text"), "menuEdit",
               mark("Type the text of the selected card in place"), "F2", place=3.1),
    ActionSpec("actionFind", mark("&Find…"), "menuEdit", mark("Find cards by their text"), Std.Find,
               place=4.1, short=mark("Find")),
    ActionSpec("actionFindNext", mark("Find &Next"), "menuEdit",
               mark("Go to the next card that matches"), Std.FindNext, place=4.2),
    ActionSpec("actionFindPrevious", mark("Find Pre&vious"), "menuEdit",
               mark("Go to the previous card that matches"), Std.FindPrevious, place=4.3),
    # Insert
    ActionSpec("actionAddCard", mark("&Card"), "menuInsert",
               mark("Add a card to the selected cell (or the first cell)"), "Ctrl+Shift+K", place=1.1,
               short=mark("+ Card")),
    ActionSpec("actionAddStage", mark("&Stage"), "menuInsert",
               mark("Add a stage (column) after the selected one"), "Ctrl+Shift+T", place=1.2,
               short=mark("+ Stage")),
    ActionSpec("actionAddLane", mark("&Lane"), "menuInsert",
               mark("Add a custom lane (row) below the selected one"), "Ctrl+Shift+L", place=1.3,
               short=mark("+ Lane")),
    ActionSpec("actionConnectMode", mark("Co&nnect Mode"), "menuInsert",
               mark("Draw arrows by clicking: a card, then the card the arrow goes to (Escape "
                    "lets go of the first); stays on until switched off"), "Ctrl+E",
               checkable=True, place=1.4, short=mark("→ Connect")),
    ActionSpec("actionConnectSelected", mark("&Arrow Between the Two Selected Cards"), "menuInsert",
               mark("Draw an arrow between the two selected cards, from the one selected first "
                    "to the other"), "Ctrl+Shift+E", place=1.5),
    ActionSpec("actionMakeConcept", mark("Concept from Selected Cards"), "menuInsert",
               mark("Turn the selected idea or opportunity cards into concepts of the concept "
                    "screening, each linked to its card"), "Ctrl+Shift+J", place=2.1),
    ActionSpec("actionLinkToConcept", mark("Link Selected Cards to a Concept…"), "menuInsert",
               mark("Note the selected cards among the touchpoints and moments of truth a "
                    "concept changes"), place=2.2),
    # Card: fields of the selected cards, one undo step each
    *(ActionSpec(name, text, "menuEmotion", mark("Give the selected cards this emotion score")
                 if value is not None else mark("Take the emotion score off the selected cards"),
                 key, place=2.1 if value is None else 1.1 + index / 100)
      for index, (name, value, text, key) in enumerate(EMOTION_KEYS)),
    ActionSpec("actionToggleMomentOfTruth", mark("Moment of &Truth"), "menuCard",
               mark("Mark the selected cards as moments of truth, or unmark them when all are"),
               "Alt+T", place=2.1),
    ActionSpec("actionToggleFailPoint", mark("&Fail Point"), "menuCard",
               mark("Mark the selected cards as fail points, or unmark them when all are"),
               "Alt+P", place=2.2),
    ActionSpec("actionNextCardKind", mark("Next &Kind"), "menuCard",
               mark("Give the selected cards the next kind (touchpoint, action, evidence, pain "
                    "point, opportunity, idea, note)"), "Alt+K", place=3.1),
    ActionSpec("actionPreviousCardKind", mark("Pre&vious Kind"), "menuCard",
               mark("Give the selected cards the previous kind"), "Alt+Shift+K", place=3.2),
    # Map (the buttons under the maps list show the short labels; their tooltips say more)
    ActionSpec("actionAddMap", mark("&New Map…"), "menuMap",
               mark("Add a map to the project, blank or from a template"), "Ctrl+Shift+M", place=1.1,
               short=mark("+ Map")),
    ActionSpec("actionRenameMap", mark("&Rename Map…"), "menuMap", mark("Rename the current map"),
               place=1.2, short="✎"),
    ActionSpec("actionDeleteMap", mark("&Delete Map"), "menuMap", mark("Delete the current map"),
               place=1.3, short="✕"),
    ActionSpec("actionMoveMapUp", mark("Move Map &Up"), "menuMap",
               mark("Move the current map one place up in the list"), place=2.1, short="▲"),
    ActionSpec("actionMoveMapDown", mark("Move Map Do&wn"), "menuMap",
               mark("Move the current map one place down in the list"), place=2.2, short="▼"),
    ActionSpec("actionNextMap", mark("&Next Map"), "menuMap", mark("Show the next map"), Std.NextChild,
               place=3.1),
    ActionSpec("actionPreviousMap", mark("&Previous Map"), "menuMap",
               mark("Show the previous map"), Std.PreviousChild, place=3.2),
    ActionSpec("actionShowIpaChart", mark("&Importance–Performance Chart"), "menuMap",
               mark("Show the current map's touchpoints by importance and performance, in the "
                    "four quadrants; click a dot to select its card"), place=4.1),
    # View
    ActionSpec("actionZoomIn", mark("Zoom &In"), "menuView", mark("Make the map larger"), Std.ZoomIn,
               extra=("Ctrl+=",), place=2.1, short=mark("Zoom +")),
    ActionSpec("actionZoomOut", mark("Zoom &Out"), "menuView", mark("Make the map smaller"), Std.ZoomOut,
               place=2.2, short=mark("Zoom −")),
    ActionSpec("actionZoomReset", mark("&Actual Size"), "menuView", mark("Show the map at 100 %"),
               "Ctrl+0", place=2.3),
    ActionSpec("actionZoomToFit", mark("Zoom to &Fit"), "menuView",
               mark("Show the whole map in the window"), "Ctrl+9", place=2.4, short=mark("Fit")),
    ActionSpec("actionHighlightCriticalPath", mark("Highlight Critical &Path"), "menuView",
               mark("Mark the critical path of the shown map on the canvas (the cards stay as they are)"),
               "Ctrl+Shift+H", checkable=True, place=3.5, short=mark("Critical path")),
    ActionSpec("actionHighlightLoops", mark("Highlight Rework &Loops"), "menuView",
               mark("Mark the rework loops of the shown map on the canvas"), "Ctrl+Shift+O",
               checkable=True, place=3.6, short=mark("Loops")),
)

TOOLBAR: tuple[str | None, ...] = (
    "actionAddCard", "actionAddStage", "actionAddLane", "actionConnectMode", "actionDelete", None,
    "actionZoomOut", "actionZoomIn", "actionZoomToFit", None, "actionFind",
)

# The buttons under the maps list, in order.
MAPS_PANEL_ACTIONS = ("actionAddMap", "actionRenameMap", "actionDeleteMap",
                      "actionMoveMapUp", "actionMoveMapDown")

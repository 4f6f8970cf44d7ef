"""Write docs/actions.md from the action table: `python -m blueprint_studio.app.actions_doc`.

A test regenerates the text and compares it with the file, so the document never drifts.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtGui import QKeySequence

from ..i18n import tr
from .actions import (
    DOCKS, ActionSpec, MenuSpec, all_menus, all_specs, dock_action_name, menu_entries,
    shortcut_sequences,
)

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "actions.md"


def _clean(text: str) -> str:
    return text.replace("&", "").replace("…", "")


def _shortcut(spec: ActionSpec, specs) -> str:
    keys = ", ".join(k.toString(QKeySequence.SequenceFormat.PortableText)
                     for k in shortcut_sequences(spec, keyboard_only=True, specs=specs))
    if spec.shortcut is not None and not isinstance(spec.shortcut, str):
        standard = spec.shortcut.name
        return f"{keys} (standard: {standard})" if keys else f"(standard: {standard})"
    return keys


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _in_menu_order(specs, menus) -> list[tuple[str, ActionSpec]]:
    """(menu path, spec) for every action, in the order the menus show them."""
    found: list[tuple[str, ActionSpec]] = []

    def walk(menu: MenuSpec, path: str) -> None:
        for entry in menu_entries(menu.name, specs, menus):
            if isinstance(entry, MenuSpec):
                walk(entry, f"{path} ▸ {_clean(entry.title)}")
            else:
                found.append((path, entry))

    for menu in sorted((m for m in menus if not m.parent), key=lambda m: m.place):
        walk(menu, _clean(menu.title))
    return found


def _owners() -> dict[str, str]:
    from .workspaces import WORKSPACES

    owners = {}
    for workspace in WORKSPACES:
        for spec in workspace.ACTIONS:
            owners[spec.name] = _clean(workspace.SWITCH.text)
    return owners


def render() -> str:
    from .workspaces import WORKSPACES

    specs, menus, owners = all_specs(), all_menus(), _owners()
    lines = [
        "# Actions and shortcuts",
        "",
        "Every command of the main window is a `QAction` with a stable `objectName` (Qt Designer",
        "style), so tests, scripts and translations can find it. Shortcuts marked *standard* are",
        "Qt's platform shortcuts (`QKeySequence.StandardKey`); the keys shown are those on Linux",
        "and Windows. The graphics view's objectName is `canvasView`.",
        "",
        "The window hosts workspaces (see docs/architecture.md); *where* says which workspace a",
        "command belongs to. A workspace's commands are enabled while it is the current one; the",
        "others (files, undo, the edit commands, windows, language, help) work everywhere, and",
        "Cut, Copy, Paste, Delete and Select All act on what the current workspace has selected.",
        "",
        "The plain keys of View ▸ Presentation (arrows, Page Up/Down, Home, End, letters, Esc)",
        "and T for the timer's Pause work only while presenting (F5); the rest of the time they",
        "keep their usual meaning on the map and in text fields.",
        "",
        "This file is generated from `blueprint_studio/app/actions.py` and the workspaces' own",
        "action lists by `python -m blueprint_studio.app.actions_doc`; a test fails when it is",
        "out of date.",
        "",
        "| objectName | menu | shortcut | where | what it does | 中文 |",
        "|---|---|---|---|---|---|",
    ]
    for path, spec in _in_menu_order(specs, menus):
        name_zh = re.sub(r"\(&\w\)", "", tr(spec.text, "zh"))  # "打开(&O)…" -> "打开…"
        lines.append(f"| `{spec.name}` | {path}: {_escape(_clean(spec.text))} | "
                     f"{_escape(_shortcut(spec, specs))} | {owners.get(spec.name, 'window')} | "
                     f"{_escape(spec.tip)} | {_escape(_clean(name_zh))} |")
    panels = [(panel.name, panel.title, panel.tip, _clean(workspace.SWITCH.text))
              for workspace in WORKSPACES for panel in workspace.PANELS]
    panels += [(dock, title, tip, "window") for dock, title, tip in DOCKS]
    for dock, title, tip, owner in panels:
        lines.append(f"| `{dock_action_name(dock)}` | View ▸ Panels: {title} |  | {owner} | {tip} | "
                     f"{_clean(tr(title, 'zh'))} |")
    lines += [
        "",
        "## Switching workspaces",
        "",
        "The buttons at the right end of the menu bar (one click), the View menu, or the keys:",
        "",
        "| workspace | key | what it shows |",
        "|---|---|---|",
    ]
    for workspace in WORKSPACES:
        switch = workspace.SWITCH
        lines.append(f"| {_clean(switch.text)} (`{switch.name}`) | {switch.shortcut} | {switch.tip} |")
    lines += [
        "",
        "## On the project overview",
        "",
        "| key | what it does |",
        "|---|---|",
        "| Alt + the underlined letter | goes to that field (Title, Organisation, Date, Trainer, Group, Notes, Maps) |",
        "| Enter, Tab / Shift+Tab | next field / next or previous field |",
        "| Enter or a click on a map | opens the map in the map editor |",
        "",
        "## On the map",
        "",
        "| gesture | what it does |",
        "|---|---|",
        "| drag a card kind from the palette onto a cell | adds a card there and starts typing |",
        "| click a card kind in the palette | adds a card to the selected cell (or the kind's usual lane in the first stage) |",
        "| double-click an empty cell (also one an arrow crosses, beside the arrow) | adds a card there |",
        "| double-click an arrow (within 5 px of it at any zoom) | edits its label |",
        "| double-click a card, Enter or F2 | edits its text in place (Escape cancels) |",
        "| double-click a stage or lane header; then Tab / Shift+Tab | renames it; Tab commits and renames the next one, Shift+Tab the previous one, Escape cancels |",
        "| drag a card | moves it to another cell (one undo step), once the pointer has moved the system's drag distance (usually 10 px) on screen |",
        "| drag from a card's handle onto another card | draws an arrow; the handle is 18 px on screen at any zoom, and a press up to 5 px outside it still draws an arrow, never moves the card |",
        "| Ctrl+E (Insert ▸ Connect Mode, the → Connect button), then click a card and another | draws an arrow; the first card is ringed until the second click; Escape or a click on empty canvas lets go of it; the mode stays on until Ctrl+E again |",
        "| click a card, Ctrl+click another, Ctrl+Shift+E | draws an arrow from the card selected first to the other (selected together by a rubber band: in reading order) |",
        "| Alt+1 … Alt+5, Alt+0 | emotion −2 … +2 of the selected cards, or none (one undo step) |",
        "| Alt+T, Alt+P, Alt+K / Alt+Shift+K | moment of truth, fail point on or off; next / previous kind (selected cards, one undo step) |",
        "| Ctrl+wheel, Ctrl+plus / Ctrl+minus | zooms |",
        "| middle button drag, or Space held + drag | pans |",
        "| arrow keys | move the selection between cards |",
        "| Ctrl+F, then Enter / Shift+Enter, Escape | finds cards, next / previous match, closes the find bar |",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    DOC_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

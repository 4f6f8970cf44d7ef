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
from .actions import ACTION_SPECS, DOCKS, MENUS, SUBMENUS, ActionSpec, dock_action_name, shortcut_sequences

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "actions.md"


def _menu_path(menu_name: str) -> str:
    titles = {name: title for name, title in MENUS}
    for name, title, parent, _after in SUBMENUS:
        if name == menu_name:
            return f"{_clean(titles[parent])} ▸ {_clean(title)}"
    return _clean(titles[menu_name])


def _clean(text: str) -> str:
    return text.replace("&", "").replace("…", "")


def _shortcut(spec: ActionSpec) -> str:
    keys = ", ".join(k.toString(QKeySequence.SequenceFormat.PortableText) for k in shortcut_sequences(spec, keyboard_only=True))
    if spec.shortcut is not None and not isinstance(spec.shortcut, str):
        standard = spec.shortcut.name
        return f"{keys} (standard: {standard})" if keys else f"(standard: {standard})"
    return keys


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def render() -> str:
    lines = [
        "# Actions and shortcuts",
        "",
        "Every command of the main window is a `QAction` with a stable `objectName` (Qt Designer",
        "style), so tests, scripts and translations can find it. Shortcuts marked *standard* are",
        "Qt's platform shortcuts (`QKeySequence.StandardKey`); the keys shown are those on Linux",
        "and Windows. The graphics view's objectName is `canvasView`.",
        "",
        "This file is generated from `blueprint_studio/app/actions.py` by",
        "`python -m blueprint_studio.app.actions_doc`; a test fails when it is out of date.",
        "",
        "| objectName | menu | shortcut | what it does | 中文 |",
        "|---|---|---|---|---|",
    ]
    for spec in ACTION_SPECS:
        name_zh = re.sub(r"\(&\w\)", "", tr(spec.text, "zh"))  # "打开(&O)…" -> "打开…"
        lines.append(f"| `{spec.name}` | {_menu_path(spec.menu)}: {_escape(_clean(spec.text))} | "
                     f"{_escape(_shortcut(spec))} | {_escape(spec.tip)} | {_escape(_clean(name_zh))} |")
    for dock, title, tip in DOCKS:
        lines.append(f"| `{dock_action_name(dock)}` | View ▸ Panels: {title} |  | {tip} | "
                     f"{_clean(tr(title, 'zh'))} |")
    lines += [
        "",
        "## On the map",
        "",
        "| gesture | what it does |",
        "|---|---|",
        "| drag a card kind from the palette onto a cell | adds a card there and starts typing |",
        "| click a card kind in the palette | adds a card to the selected cell (or the kind's usual lane in the first stage) |",
        "| double-click an empty cell | adds a card there |",
        "| double-click a card, Enter or F2 | edits its text in place (Escape cancels) |",
        "| drag a card | moves it to another cell (one undo step) |",
        "| drag from a card's handle onto another card | draws an arrow |",
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

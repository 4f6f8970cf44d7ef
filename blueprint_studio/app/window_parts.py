"""Small parts of the main window kept out of it: the workspace stack, the default size,
the Open Recent menu, files a drop may open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget

from .file_ops import OPENABLE_SUFFIXES


def fit_default_size(window: QMainWindow) -> None:
    """1280×800, or the whole available area of a smaller screen (a 1280×720 projector)."""
    screen = window.screen()
    area = screen.availableGeometry() if screen is not None else None
    if area is None or area.isEmpty():
        window.resize(1280, 800)
        return
    width, height = min(1280, area.width()), min(800, area.height())
    if (width, height) != (1280, 800):
        # Leave room for the window frame the window manager adds around us.
        frame = window.frameGeometry().size() - window.geometry().size()
        width -= max(0, frame.width())
        height -= max(0, frame.height())
    window.resize(width, height)


def fill_recent_menu(menu: QMenu, files: list[str], clear: QAction, open_path: Callable[[str], object]) -> None:
    """File ▸ Open Recent: "&1  name" for each file (the full path as its tip), then Clear."""
    menu.clear()
    for number, path in enumerate(files, start=1):
        action = menu.addAction(f"&{number % 10}  {Path(path).name}")
        action.setToolTip(path)
        action.setStatusTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_path(p))
    if files:
        menu.addSeparator()
    menu.addAction(clear)
    clear.setEnabled(bool(files))


class WorkspaceStack(QStackedWidget):
    """Sized by the current workspace only: a hidden one (however wide its page) must not
    make the window wider than a 1280-pixel projector."""

    def _current_hint(self, minimum: bool) -> QSize:
        page = self.currentWidget()
        if page is None:
            return QSize(0, 0)
        hint = page.minimumSizeHint() if minimum else page.sizeHint()
        if minimum:
            hint = hint.expandedTo(page.minimumSize())
        margins = self.contentsMargins()
        return hint + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._current_hint(False)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._current_hint(True)


def openable_files(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in OPENABLE_SUFFIXES]


__all__ = ["WorkspaceStack", "fill_recent_menu", "fit_default_size", "openable_files"]

"""A calm, high-contrast look that reads from the back of a classroom."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

from .. import appearance
from ..qt_fonts import ensure_app_font

# Interface text size in points: large enough for a projector, small enough for a laptop.
UI_POINT_SIZE = 11.0

WINDOW = "#f3f4f6"
PANEL = "#ffffff"
ACCENT = "#2f63b5"
BORDER = "#d5d9de"


def apply_theme(app: QApplication) -> None:
    """Fusion style, a light neutral palette and the bundled CJK + Latin font."""
    family = ensure_app_font()
    font = QFont(family)
    font.setPointSizeF(UI_POINT_SIZE)
    app.setFont(font)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    palette = QPalette()
    ink = QColor(appearance.INK)
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.WindowText, ink)
    palette.setColor(QPalette.ColorRole.Base, QColor(PANEL))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f8fa"))
    palette.setColor(QPalette.ColorRole.Text, ink)
    palette.setColor(QPalette.ColorRole.Button, QColor("#f8f9fa"))
    palette.setColor(QPalette.ColorRole.ButtonText, ink)
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffdf2"))
    palette.setColor(QPalette.ColorRole.ToolTipText, ink)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(appearance.MUTED_INK))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9aa5b1"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9aa5b1"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#9aa5b1"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)


STYLE_SHEET = f"""
QMainWindow::separator {{ background: {BORDER}; width: 2px; height: 2px; }}
QDockWidget {{ titlebar-close-icon: none; }}
QDockWidget::title {{ background: #e8ebef; padding: 5px 8px; font-weight: bold; }}
QToolBar {{ background: {WINDOW}; border-bottom: 1px solid {BORDER}; spacing: 2px; padding: 2px 4px; }}
QToolBar QToolButton {{ padding: 4px 9px; border-radius: 4px; }}
QToolBar QToolButton:hover {{ background: #e2e8f0; }}
QToolBar QToolButton:pressed {{ background: #cbd5e1; }}
QToolBar QToolButton:checked {{ background: {ACCENT}; color: #ffffff; }}
QStatusBar {{ background: {WINDOW}; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QTabBar::tab {{ padding: 6px 14px; }}
QLabel#inspectorHeading {{ font-weight: bold; color: {ACCENT}; }}
QLabel#inspectorMessage {{ color: #b42318; }}
QLabel#findStatus {{ color: {appearance.MUTED_INK}; }}
QFrame#findBar {{ background: #fffdf2; border-top: 1px solid {BORDER}; }}
QToolBar#workspaceToolBar {{ spacing: 4px; padding: 2px 6px; background: transparent; border: none; }}
QToolBar#workspaceToolBar QToolButton {{ padding: 4px 14px; border: 1px solid {BORDER};
    border-radius: 6px; background: {PANEL}; font-weight: bold; }}
QToolBar#workspaceToolBar QToolButton:checked {{ background: {ACCENT}; color: #ffffff;
    border-color: {ACCENT}; }}
QWidget#overviewBackground {{ background: {WINDOW}; }}
QFrame#overviewSheet {{ background: {PANEL}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame#overviewSheet QLabel {{ background: transparent; }}
QLabel#overviewHeading {{ color: {ACCENT}; }}
QListWidget#overviewMaps::item {{ padding: 6px 8px; border-bottom: 1px solid {BORDER}; }}
"""


def app_icon() -> QIcon:
    """A small blueprint: a blue card with three lanes and a dashed line of visibility."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        unit = size / 16
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT))
        painter.drawRoundedRect(QRectF(0.5 * unit, 0.5 * unit, 15 * unit, 15 * unit), 3 * unit, 3 * unit)
        painter.setBrush(QColor("#ffe08a"))
        for row, top in enumerate((3.0, 7.0, 11.0)):
            for column in range(3):
                if (row + column) % 2 == 0:
                    painter.drawRoundedRect(QRectF((2.2 + 4 * column) * unit, top * unit, 3.4 * unit,
                                                   2.2 * unit), 0.6 * unit, 0.6 * unit)
        pen = painter.pen()
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setColor(QColor("#ffffff"))
        pen.setWidthF(max(1.0, 0.6 * unit))
        painter.setPen(pen)
        painter.drawLine(QRectF(1.5 * unit, 9.6 * unit, 13 * unit, 0).topLeft(),
                         QRectF(1.5 * unit, 9.6 * unit, 13 * unit, 0).topRight())
        painter.end()
        icon.addPixmap(pixmap)
    return icon

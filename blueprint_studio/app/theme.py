"""A calm, high-contrast look that reads from the back of a classroom."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

from .. import appearance
from ..qt_fonts import ensure_app_font

# Interface text size in points: large enough for a projector, small enough for a laptop.
UI_POINT_SIZE = 11.0
# View ▸ Larger Text multiplies every interface font by this (11 pt becomes 14 pt).
LARGE_TEXT_SCALE = 1.3
_text_scale = 1.0


def text_scale() -> float:
    """1.0, or LARGE_TEXT_SCALE while View ▸ Larger Text is on: pages that choose their own
    point sizes (the overview, the screening) multiply them by it."""
    return _text_scale


def set_text_scale(app: QApplication, scale: float) -> None:
    """Every interface text `scale` times its normal size: the application font, and every
    widget that set a font of its own (scaled by the same ratio, so headings stay larger)."""
    global _text_scale
    if scale == _text_scale:
        return
    old, _text_scale = _text_scale, scale
    font = QFont(app.font())
    font.setPointSizeF(UI_POINT_SIZE * scale)
    app.setFont(font)
    # Widgets polished by the style sheet keep the font they had until it is applied again.
    app.setStyleSheet(app.styleSheet())
    for widget in app.allWidgets():
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        own = QFont(widget.font())
        if own.pointSizeF() <= 0:   # a pixel-sized font (a canvas) keeps its size
            continue
        # Its size at the normal scale, noted the first time (a re-polish may have put the
        # size it was given back, so the current size alone cannot say).
        base = widget.property(_BASE_POINTS)
        if base is None:
            base = own.pointSizeF() / old
            widget.setProperty(_BASE_POINTS, base)
        own.setPointSizeF(float(base) * scale)
        widget.setFont(own)


_BASE_POINTS = "bpsBasePoints"

WINDOW = "#f3f4f6"
PANEL = "#ffffff"
ACCENT = "#2f63b5"
BORDER = "#d5d9de"


def apply_theme(app: QApplication) -> None:
    """Fusion style, a light neutral palette and the bundled CJK + Latin font."""
    family = ensure_app_font()
    font = QFont(family)
    font.setPointSizeF(UI_POINT_SIZE * _text_scale)
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

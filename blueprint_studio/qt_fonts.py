"""Load the bundled Chinese + Latin font into Qt, so text shows on machines without CJK fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from .resources import FONT_FAMILY, font_path

_family: str | None = None


def ensure_app_font() -> str:
    """Register the bundled font once per process and return its family name.

    Needs a QGuiApplication. Falls back to the system default family if the file is
    missing (a broken install still runs, only with tofu for Chinese).
    """
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(font_path()))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else QFont().family()
    return _family


def ui_font(point_size: float = 10.0, bold: bool = False) -> QFont:
    font = QFont(ensure_app_font())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


__all__ = ["FONT_FAMILY", "ensure_app_font", "ui_font"]

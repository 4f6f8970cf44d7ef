"""Qt's own texts (OK / Cancel buttons, text-box context menus, colour dialog) in Chinese."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

_installed: QTranslator | None = None


def use_qt_translations(lang: str) -> bool:
    """Install Qt's shipped zh_CN catalog for `zh`, remove it for `en`; False if unavailable."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang != "zh":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        return False  # a trimmed installation: Qt's buttons stay in English
    app.installTranslator(translator)
    _installed = translator
    return True

"""Qt's own texts (OK / Cancel buttons, text-box context menus, colour and file dialogs) in
Chinese: Qt's shipped qtbase_zh_CN catalog, from PySide6's translations folder
(`QLibraryInfo.path(TranslationsPath)`), installed at start and on every language switch.

That catalog lags behind Qt: the file dialog's "&Look in:" and "Files of &type:" labels
(their mnemonics were added later) and the folder and drive types in its list have no
entry, so a Chinese file dialog still said "Look in:". `QT_SUPPLEMENT` fills those gaps;
it is asked before Qt's catalog and answers only what is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

# (Qt's context, English source) -> Chinese, for what qtbase_zh_CN.qm does not translate.
QT_SUPPLEMENT: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
}


class _Supplement(QTranslator):
    """Answers the few Qt texts in QT_SUPPLEMENT; every other text goes on to Qt's catalog."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        return QT_SUPPLEMENT.get((context, source))  # None: not ours, Qt asks its catalog

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


_installed: list[QTranslator] = []


def use_qt_translations(lang: str) -> bool:
    """Install Qt's zh_CN catalog (and its supplement) for `zh`, remove them for `en`;
    False if Qt's catalog is not in this installation (the supplement is installed anyway)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    if lang != "zh":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = translator.load("qtbase_zh_CN", folder)
    if found:
        app.installTranslator(translator)
        _installed.append(translator)
    supplement = _Supplement(app)
    app.installTranslator(supplement)  # installed last: asked first
    _installed.append(supplement)
    return found

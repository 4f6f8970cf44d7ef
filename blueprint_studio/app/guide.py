"""Help ▸ User Guide (F1): the bundled user guide, offline, in the program's language.

The guide is docs/user-guide.md (English) or docs/user-guide.zh.md (简体中文), shown with
QTextBrowser's own Markdown support: nothing is rendered at build time, so what the program
shows is the file in the repository. Links to the other pages (actions.md, printing.md …)
open in the same window, Back returns; links to the web open in the browser. Pictures are
scaled down to the window's width.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImageReader, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..i18n import language, tr
from ..resources import user_guide_path

IMAGE_WIDTH = 720  # pixels: the screenshots are 1280 or 1920 wide


class UserGuide(QDialog):
    """A window beside the main window (not modal: one can read and work)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.resize(900, 700)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideBrowser")
        self.browser.setOpenExternalLinks(True)  # http(s) links: the system's browser
        self.browser.sourceChanged.connect(lambda _url: self._fit_images())
        layout.addWidget(self.browser)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.back_button = self.buttons.addButton(tr("Back"), QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.setObjectName("userGuideBack")
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.buttons.rejected.connect(self.close)
        layout.addWidget(self.buttons)
        self.lang = ""

    def show_guide(self, lang: str | None = None) -> None:
        """Load the guide in `lang` (the UI language by default) from its start."""
        self.lang = lang or language()
        self.setWindowTitle(tr("User Guide", self.lang))
        self.back_button.setText(tr("Back", self.lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close", self.lang))
        path = user_guide_path(self.lang)
        self.browser.clearHistory()
        self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
        self._fit_images()

    def _fit_images(self) -> None:
        """Scale every picture of the page down to IMAGE_WIDTH (keeping its proportions)."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                iterator += 1
                if not fragment.isValid() or not fragment.charFormat().isImageFormat():
                    continue
                image_format = fragment.charFormat().toImageFormat()
                size = _image_size(self.browser.source().resolved(QUrl(image_format.name())))
                if size is None or size[0] <= IMAGE_WIDTH:
                    continue
                fitted = QTextImageFormat(image_format)
                fitted.setWidth(IMAGE_WIDTH)
                fitted.setHeight(size[1] * IMAGE_WIDTH / size[0])
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fitted)
            block = block.next()


def _image_size(url: QUrl) -> tuple[int, int] | None:
    """A picture's size in pixels, read from its file's header (None if it is not there)."""
    if not url.isLocalFile():
        return None
    size = QImageReader(url.toLocalFile()).size()
    return (size.width(), size.height()) if size.isValid() and size.width() > 0 else None


__all__ = ["UserGuide"]

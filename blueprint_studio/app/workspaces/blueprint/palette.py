"""The palette of card kinds: drag one onto a cell, or click it to add a card."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from .... import appearance
from ....i18n import mark, tr
from ....i18n.labels import card_kind_name
from ....model.enums import CardKind
from ...language import LanguageFollower

CARD_KIND_MIME = "application/x-blueprint-card-kind"

# What each kind is for, shown as a tooltip (participants meet these words for the first time).
KIND_HINTS: dict[CardKind, str] = {
    CardKind.TOUCHPOINT: mark("Where customer and organisation meet: a counter, an app screen, a call"),
    CardKind.ACTION: mark("A step someone takes"),
    CardKind.EVIDENCE: mark("Something the customer sees or touches: a form, a sign, a receipt"),
    CardKind.PAIN_POINT: mark("Where it hurts: a delay, a mistake, a frustration"),
    CardKind.OPPORTUNITY: mark("A chance to do better"),
    CardKind.IDEA: mark("A proposal to try"),
    CardKind.NOTE: mark("Anything else worth remembering"),
}


def card_kind_mime(kind: CardKind) -> QMimeData:
    mime = QMimeData()
    mime.setData(CARD_KIND_MIME, QByteArray(kind.value.encode("utf-8")))
    return mime


class CardPalette(LanguageFollower, QListWidget):
    """One row per card kind, in the kind's colours with its symbol."""

    kindClicked = Signal(object)  # CardKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardPalette")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(3)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() + 1)  # the palette is read from afar
        self.setFont(font)
        for kind in CardKind:
            item = QListWidgetItem(self._symbol_icon(kind), "")
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            item.setBackground(QBrush(QColor(appearance.CARD_FILL[kind])))
            item.setForeground(QBrush(QColor(appearance.INK)))
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 12))
            self.addItem(item)
        self.retranslate()
        self.note_language()
        self.setIconSize(QSize(22, 22))
        # Show every kind without scrolling, even on a 720-pixel projector.
        self.setMinimumHeight(self.count() * (self.fontMetrics().height() + 12 + 2 * self.spacing()) + 6)
        self.clicked.connect(self._on_clicked)

    def retranslate(self) -> None:
        for row in range(self.count()):
            item, kind = self.item(row), self.kind_at(row)
            item.setText(card_kind_name(kind))
            item.setToolTip(tr("{hint}. Drag onto the map, or click to add one to the selected cell.")
                            .format(hint=tr(KIND_HINTS[kind])))

    def _on_clicked(self, index) -> None:
        self.kindClicked.emit(self.kind_at(index.row()))
        self.clear_highlight()

    def clear_highlight(self) -> None:
        """Forget the kind just used: a highlighted row would look like a mode left switched on
        (every later click adding that kind), which the palette does not have."""
        self.clearSelection()
        self.selectionModel().clearCurrentIndex()

    def _symbol_icon(self, kind: CardKind) -> QIcon:
        """The kind's symbol in its accent colour, large enough to tell apart from afar."""
        pixmap = QPixmap(44, 44)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self.font()
        font.setPixelSize(32)
        painter.setFont(font)
        painter.setPen(QColor(appearance.CARD_ACCENT[kind]))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, appearance.CARD_SYMBOL[kind])
        painter.end()
        return QIcon(pixmap)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.kindClicked.emit(self.kind_at(self.currentRow()))  # the keyboard's "click"
            self.clearSelection()  # the focus frame stays, so arrow keys go on from here
            return
        super().keyPressEvent(event)

    def kind_at(self, row: int) -> CardKind:
        return CardKind(self.item(row).data(Qt.ItemDataRole.UserRole))

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [CARD_KIND_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 - Qt's name
        return card_kind_mime(CardKind(items[0].data(Qt.ItemDataRole.UserRole)))

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        if item is None:
            return
        kind = CardKind(item.data(Qt.ItemDataRole.UserRole))
        drag = QDrag(self)
        drag.setMimeData(card_kind_mime(kind))
        drag.setPixmap(self._drag_pixmap(kind, f"{appearance.CARD_SYMBOL[kind]} {item.text()}"))
        drag.exec(Qt.DropAction.CopyAction)
        self.clear_highlight()

    def _drag_pixmap(self, kind: CardKind, text: str) -> QPixmap:
        """A small sticky note under the pointer while dragging."""
        metrics = self.fontMetrics()
        pixmap = QPixmap(max(120, metrics.horizontalAdvance(text) + 24), metrics.height() + 20)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(appearance.CARD_FILL[kind]))
        painter.setPen(QColor(appearance.CARD_ACCENT[kind]))
        painter.drawRoundedRect(pixmap.rect().adjusted(1, 1, -1, -1), 6, 6)
        painter.setPen(QColor(appearance.INK))
        painter.setFont(self.font())
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return pixmap

"""Small pieces the screening views share: projector-sized type, colours, number formats,
and the spreadsheet-like table every grid of the workspace is made of."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from .... import appearance
from ...theme import text_scale

# Projector-sized type (points): the grid is read from the back of the room.
GRID_POINTS = 15.0
LABEL_POINTS = 13.0
HEADING_POINTS = 17.0

MISSING_FILL = QColor("#fde9b8")      # a score still missing: amber, with a dash
PASS_FILL = QColor("#d8f0dc")         # at or above the pass line
FAIL_FILL = QColor("#f6dcdc")
READ_ONLY_FILL = QColor("#eef0f3")    # computed cells and the lower triangle
WORST_FILL = QColor("#f3b6b0")        # the judgement that disagrees most
WARNING_INK = "#a61b1b"
GOOD_INK = "#1e6b34"
MUTED_INK = appearance.MUTED_INK
MISSING_MARK = "–"


def font(widget: QWidget, points: float, bold: bool = False) -> QFont:
    result = QFont(widget.font())
    result.setPointSizeF(points * text_scale())  # View ▸ Larger Text
    result.setBold(bold)
    return result


def label(parent: QWidget | None = None, points: float = LABEL_POINTS, bold: bool = False,
          muted: bool = False, wrap: bool = True, name: str = "") -> QLabel:
    widget = QLabel(parent)
    widget.setFont(font(widget, points, bold))
    widget.setWordWrap(wrap)
    if muted:
        widget.setStyleSheet(f"color: {MUTED_INK};")
    if name:
        widget.setObjectName(name)
    return widget


def percent(value: float) -> str:
    """30 -> "30", 33.333 -> "33.33"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def judgement_text(value: float | None) -> str:
    """A Saaty judgement as people type it: 3, 1/3, 2.5."""
    if value is None:
        return ""
    if value >= 1:
        whole = round(value)
        return str(whole) if abs(value - whole) < 1e-6 else f"{value:.2f}".rstrip("0")
    fraction = Fraction(1 / value).limit_denominator(9)
    if abs(float(fraction) - 1 / value) < 1e-6:
        return f"1/{fraction}" if fraction.denominator == 1 else f"{fraction.denominator}/{fraction.numerator}"
    return f"{value:.3f}"


def item(text: str = "", editable: bool = False, fill: QColor | None = None,
         align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter, tip: str = "",
         data: object = None, bold: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    cell.setFlags(flags)
    cell.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    if fill is not None:
        cell.setBackground(fill)
    if tip:
        cell.setToolTip(tip)
    if data is not None:
        cell.setData(Qt.ItemDataRole.UserRole, data)
    if bold:
        boldface = cell.font()
        boldface.setBold(True)
        cell.setFont(boldface)
    return cell


class Grid(QTableWidget):
    """A table in large type whose rebuilds keep the current cell."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFont(font(self, GRID_POINTS))
        self.horizontalHeader().setFont(font(self, LABEL_POINTS, bold=True))
        self.verticalHeader().setFont(font(self, LABEL_POINTS, bold=True))
        self.verticalHeader().setDefaultSectionSize(40)
        self.horizontalHeader().setMinimumSectionSize(64)
        # Long criterion names wrap onto a second line instead of being cut off.
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignCenter | Qt.Alignment(Qt.TextFlag.TextWordWrap.value))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setStyleSheet("QTableWidget { gridline-color: %s; }"
                           "QTableWidget::item:selected { background: #2f63b5; color: white; }"
                           % appearance.GRID)

    def event(self, event) -> bool:  # noqa: D401 - Qt's name
        # Delete and Backspace clear a cell here, before the window's Edit ▸ Delete sees them.
        if (event.type() == QEvent.Type.ShortcutOverride
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            event.accept()
            return True
        return super().event(event)

    def rebuild(self, rows: int, columns: int) -> tuple[int, int]:
        """Resize for new contents; returns the current cell to put back afterwards."""
        row, column = self.currentRow(), self.currentColumn()
        self.blockSignals(True)
        self.clearContents()
        self.setRowCount(rows)
        self.setColumnCount(columns)
        self.blockSignals(False)
        return row, column

    def restore(self, row: int, column: int) -> None:
        if self.rowCount() and self.columnCount():
            row = min(max(row, 0), self.rowCount() - 1)
            column = min(max(column, 0), self.columnCount() - 1)
            self.blockSignals(True)
            self.setCurrentCell(row, column)
            self.blockSignals(False)

    def set_header_lines(self, lines: int) -> None:
        """Room for `lines` lines of text in the column headers."""
        header = self.horizontalHeader()
        header.setMinimumHeight(header.fontMetrics().lineSpacing() * lines + 12)

    def fit_header(self, stretch_from: int = 0, fixed_from: int | None = None) -> None:
        """Columns before `stretch_from` fit their contents, the rest share the width; from
        `fixed_from` on they fit their contents again. Row names are never cut off."""
        vertical = self.verticalHeader()
        if vertical.isVisible() and self.rowCount():
            metrics = vertical.fontMetrics()
            names = [self.verticalHeaderItem(r).text() if self.verticalHeaderItem(r) else ""
                     for r in range(self.rowCount())]
            vertical.setMinimumWidth(min(320, max(metrics.horizontalAdvance(n) for n in names) + 24))
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            stretch = column >= stretch_from and (fixed_from is None or column < fixed_from)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)


__all__ = ["Grid", "font", "item", "judgement_text", "label", "percent"]

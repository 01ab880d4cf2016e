"""The destination editor's own widgets: a table of named values (parameters, headers,
arguments, a deletion's headers) where a value can be a secret, and the image types.

A secret's value is typed into a password field and goes to the keyring; left empty while
the keyring holds one, it keeps that one. A name that says it holds a credential
(:func:`looks_secret`) is always a secret, as when a ``.sxcu`` is imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.destinations.uploader import Field, Section, looks_secret
from ...core.i18n import translate
from ...core.sniff import ACCEPTED
from ..base.plain_text import tooltip


@dataclass(frozen=True)
class _Row:
    name: QLineEdit
    value: QLineEdit
    secret: QCheckBox
    #: What the table holds in the third column (the box, centred).
    holder: QWidget


@dataclass(frozen=True)
class Pair:
    """One row as typed: a secret's ``value`` is what was typed ("" keeps the keyring's)."""

    name: str
    value: str
    secret: bool


class PairsTable(QWidget):
    """``name | value | secret`` rows, with Add and Remove."""

    #: A name, a value or a secret box changed, or a row came or went.
    edited = Signal()

    def __init__(
        self,
        section: Section,
        pairs: tuple[tuple[str, str], ...],
        secrets: frozenset[Field],
        known: frozenset[Field],
        parent: QWidget | None = None,
    ) -> None:
        """``secrets``: the fields of ``pairs`` that are secrets; ``known``: those the
        keyring holds a value for."""
        super().__init__(parent)
        self.section, self._known = section, known
        self._rows: list[_Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Destinations", "Name"),
                translate("Destinations", "Value"),
                translate("Destinations", "Secret"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 170)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab moves from field to field
        buttons = QHBoxLayout()
        self.add_button = QPushButton(translate("Destinations", "Add"))
        self.remove_button = QPushButton(translate("Destinations", "Remove"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self._remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for name, value in pairs:
            self._append(name, value, (section, name) in secrets)
        self._update_buttons()

    # -- reading -----------------------------------------------------------------------

    def pairs(self) -> list[Pair]:
        """The rows as typed, in order; a row with neither name nor value is left out."""
        return [
            Pair(row.name.text().strip(), row.value.text(), row.secret.isChecked())
            for row in self._rows
            if row.name.text().strip() or row.value.text()
        ]

    def cells(self, row: int) -> tuple[QLineEdit, QLineEdit, QCheckBox]:
        """The name field, the value field and the Secret box of ``row``."""
        found = self._rows[row]
        return found.name, found.value, found.secret

    # -- rows --------------------------------------------------------------------------

    def add_row(self) -> None:
        added = self._append("", "", False)
        self.table.selectRow(self.table.rowCount() - 1)
        added.name.setFocus()
        self._update_buttons()
        self.edited.emit()

    def _append(self, name: str, value: str, secret: bool) -> _Row:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_edit = QLineEdit(name)
        name_edit.setAccessibleName(translate("Destinations", "Name"))
        value_edit = QLineEdit(value)
        value_edit.setAccessibleName(translate("Destinations", "Value"))
        box = QCheckBox()
        box.setAccessibleName(translate("Destinations", "Secret"))
        box.setChecked(secret)
        holder = QWidget()  # centres the box in its cell
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
        for column, widget in enumerate((name_edit, value_edit, holder)):
            self.table.setCellWidget(row, column, widget)

        def changed() -> None:
            self._show_secret(name_edit, value_edit, box)
            self.edited.emit()

        name_edit.textChanged.connect(changed)
        value_edit.textChanged.connect(self.edited)
        box.toggled.connect(changed)
        for widget in (name_edit, value_edit, box):
            widget.installEventFilter(self)  # focus there makes its row the current one
        self._show_secret(name_edit, value_edit, box)
        self._rows.append(_Row(name_edit, value_edit, box, holder))
        return self._rows[-1]

    def _show_secret(self, name: QLineEdit, value: QLineEdit, box: QCheckBox) -> None:
        """A name that says it is a credential is a secret; a secret's value is masked, and
        its placeholder says what an empty one means."""
        text = name.text().strip()
        forced = looks_secret(text)
        if forced and not box.isChecked():
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
        box.setEnabled(not forced)
        box.setToolTip(
            tooltip(
                translate(
                    "Destinations",
                    "Its name says it holds a credential: it is always kept in the keyring",
                )
                if forced
                else translate("Destinations", "Keep the value in the keyring, never in a file")
            )
        )
        secret = box.isChecked()
        value.setEchoMode(QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal)
        if not secret:
            value.setPlaceholderText("")
        elif (self.section, text) in self._known:
            value.setPlaceholderText(
                translate("Destinations", "kept in the keyring (type to replace)")
            )
        else:
            value.setPlaceholderText(translate("Destinations", "secret: kept in the keyring"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self._rows):
                if watched in (row.name, row.value, row.secret):
                    if self.table.currentRow() != index:
                        self.table.selectRow(index)
                    break
        return super().eventFilter(watched, event)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            del self._rows[row]
        self._update_buttons()
        self.edited.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.rowCount() > 0)


class TypesBox(QWidget):
    """A box per image type the destination takes (the four by default)."""

    edited = Signal()

    def __init__(self, accepts: frozenset[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for kind in ACCEPTED:
            box = QCheckBox(kind.name)
            box.setChecked(kind.mime in accepts)
            box.toggled.connect(self.edited)
            row.addWidget(box)
            self.boxes[kind.mime] = box
        row.addStretch(1)

    def accepts(self) -> frozenset[str]:
        return frozenset(mime for mime, box in self.boxes.items() if box.isChecked())

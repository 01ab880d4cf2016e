"""The settings dialog's ordinary rows, made from the table (``ui/base/settings_table.py``).

Each flag, number and limit of a tab gets its editor from its row: a check box, a spin box,
or a check box with a spin box; with the row's label, tip and range. :func:`add_rows` lays
them out in the table's order and returns them by the row's name; each answers ``value()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from ...core.i18n import translate
from ..base.plain_text import form_row, plain_label
from ..base.setting_kinds import Applies, Flag, Limit, Line, Number, Setting, Tab
from ..base.settings_table import ROWS, SettingsTable

T_co = TypeVar("T_co", covariant=True)


class Editor(Protocol[T_co]):
    """A row's editor: what it holds now."""

    def value(self) -> T_co: ...


def shown(text: str) -> str:
    """A text of the table, translated ("" stays "")."""
    return translate("SettingsDialog", text) if text else ""


class FlagBox(QCheckBox):
    """A flag: a check box labelled with the row's label."""

    def __init__(self, row: Flag, value: bool) -> None:
        super().__init__(shown(row.label))
        self.setToolTip(shown(row.tip))
        self.setChecked(value)

    def value(self) -> bool:
        return self.isChecked()


class NumberBox(QSpinBox):
    """A number: a spin box with the row's range (its label is the form's)."""

    def __init__(self, row: Number, value: int) -> None:
        super().__init__()
        self.setRange(row.low, row.high)
        self.setSingleStep(row.step)
        self.setValue(value)
        self.setToolTip(shown(row.tip))


class LimitBox(QWidget):
    """A limit: a check box that turns it on, and its number (the row's suggestion while
    off)."""

    def __init__(self, row: Limit, value: int | None) -> None:
        super().__init__()
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(shown(row.label))
        self.check.setToolTip(shown(row.tip))
        self.spin = QSpinBox()
        self.spin.setRange(row.low, row.high)
        self.spin.setSingleStep(row.step)
        self.spin.setSuffix(shown(row.suffix))
        self.spin.setAccessibleName(shown(row.accessible))
        self.spin.setValue(value or row.suggested)
        self.check.setChecked(value is not None)
        self.spin.setEnabled(self.check.isChecked())
        self.check.toggled.connect(self.spin.setEnabled)
        line.addWidget(self.check)
        line.addWidget(self.spin)
        line.addStretch(1)

    def value(self) -> int | None:
        return self.spin.value() if self.check.isChecked() else None


class LineBox(QLineEdit):
    """A line of text (its label is the form's); a secret one shows dots."""

    def __init__(self, row: Line, value: str) -> None:
        super().__init__(value)
        self.setToolTip(shown(row.tip))
        self.setPlaceholderText(shown(row.placeholder))
        self.setClearButtonEnabled(True)
        if row.secret:
            self.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)

    def value(self) -> str:
        return self.text().strip()


def _flag(form: QFormLayout, row: Flag, value: bool) -> Editor[object]:
    box = FlagBox(row, value)
    form.addRow(box)
    return box


def _number(form: QFormLayout, row: Number, value: int) -> Editor[object]:
    spin = NumberBox(row, value)
    form_row(form, shown(row.label), spin)
    return spin


def _limit(form: QFormLayout, row: Limit, value: int | None) -> Editor[object]:
    box = LimitBox(row, value)
    form.addRow(box)
    return box


def _line(form: QFormLayout, row: Line, value: str) -> Editor[object]:
    line = LineBox(row, value)
    form_row(form, shown(row.label), line)
    return line


#: The editor of each kind of ordinary row; the other kinds have one of their own.
MAKERS: dict[type, Callable[[QFormLayout, Any, Any], Editor[object]]] = {
    Flag: _flag,
    Number: _number,
    Limit: _limit,
    Line: _line,
}


def ordinary(tab: Tab) -> list[Setting[Any]]:
    """The rows of ``tab`` whose editor comes from the table, in its order."""
    return [row for row in ROWS if row.tab is tab and type(row) in MAKERS]


def add_rows(form: QFormLayout, tab: Tab, values: SettingsTable) -> dict[str, Editor[object]]:
    """The editors of ``tab``'s ordinary rows, added to ``form`` and showing ``values``.

    When every one of them applies to files not yet started, a note under them says so.
    """
    rows = ordinary(tab)
    editors = {row.name: MAKERS[type(row)](form, row, values.read(row)) for row in rows}
    if rows and all(row.applies is Applies.NOT_STARTED for row in rows):
        note = plain_label(translate("SettingsDialog", "Changes apply to files not yet started."))
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(note)
    return editors

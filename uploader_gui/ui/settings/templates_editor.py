"""Settings ▸ Copying: the person's own link templates, checked as they are typed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import translate
from ...core.link_templates import check_name
from ...core.links import PLACEHOLDERS, TemplateError, check_template, unknown_placeholders
from ..base.palette import error_label
from ..base.plain_text import plain_label

#: What a new template starts as: one line of an ImagePipeline request body.
EXAMPLE = '"person_image": "{url}"'


class TemplatesEditor(QWidget):
    """A table of ``name | template``; :meth:`problem` says what is wrong, if anything."""

    #: The names changed (the format list follows).
    changed = Signal()

    def __init__(self, templates: tuple[tuple[str, str], ...], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [translate("Templates", "Name"), translate("Templates", "Template")]
        )
        self.table.setAccessibleName(translate("Templates", "Link templates"))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        for name, text in templates:
            self._append(name, text)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(translate("Templates", "&Add Template"))
        self.remove_button = QPushButton(translate("Templates", "Re&move"))
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.hint = plain_label(_placeholders_hint())
        self.hint.setWordWrap(True)
        self.error = error_label(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self.table.itemChanged.connect(self._edited)
        self.remove_button.setEnabled(self.table.rowCount() > 0)

    def templates(self) -> tuple[tuple[str, str], ...]:
        """What the table holds, ``(name, template)`` in order (not checked)."""
        rows = []
        for row in range(self.table.rowCount()):
            name, text = self.table.item(row, 0), self.table.item(row, 1)
            rows.append((name.text().strip() if name else "", text.text() if text else ""))
        return tuple(rows)

    def problem(self) -> tuple[int, str] | None:
        """The first row that cannot be saved and why, or None."""
        seen: set[str] = set()
        for row, (name, text) in enumerate(self.templates()):
            try:
                check_name(name)
                check_template(text)
            except TemplateError as exc:
                return row, str(exc)
            if name.lower() in seen:
                return row, translate("Templates", "two templates are named “{name}”").format(
                    name=name
                )
            seen.add(name.lower())
        return None

    def show_problem(self) -> bool:
        """Shows the first problem under the table (and selects its row); True if any."""
        found = self.problem()
        self._hint_lookalikes()
        if found is None:
            self.error.hide()
            return False
        row, reason = found
        name = self.templates()[row][0] or translate("Templates", "row {row}").format(row=row + 1)
        self.error.setText(
            translate("Templates", "{name}: {reason}").format(name=name, reason=reason)
        )
        self.error.show()
        self.table.selectRow(row)
        return True

    def _hint_lookalikes(self) -> None:
        """A braced word that is no placeholder is copied as typed: say so, without refusing
        it (a template may be JSON, or any text with braces)."""
        lookalikes = [
            found for _name, text in self.templates() for found in unknown_placeholders(text)
        ]
        hint = _placeholders_hint()
        if lookalikes:
            also = translate("Templates", "{braces} is not a placeholder: it is copied as typed.")
            hint += "\n" + also.format(braces=", ".join(dict.fromkeys(lookalikes)))
        self.hint.setText(hint)

    def _append(self, name: str, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        self.table.setItem(row, 1, QTableWidgetItem(text))

    def _add(self) -> None:
        taken = {name.lower() for name, _ in self.templates()}
        number = 1
        while (
            candidate := translate("Templates", "Template {number}").format(number=number)
        ).lower() in taken:
            number += 1
        self.table.blockSignals(True)
        self._append(candidate, EXAMPLE)
        self.table.blockSignals(False)
        added = self.table.item(self.table.rowCount() - 1, 1)
        if added is not None:
            self.table.editItem(added)
        self.remove_button.setEnabled(True)
        self.changed.emit()

    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.currentRow()] if self.table.currentRow() >= 0 else []
        for row in rows:
            self.table.removeRow(row)
        self.remove_button.setEnabled(self.table.rowCount() > 0)
        self.show_problem()
        self.changed.emit()

    def _edited(self, _item: QTableWidgetItem) -> None:
        self.show_problem()
        self.changed.emit()


def _placeholders_hint() -> str:
    return translate(
        "Templates", "Placeholders: {placeholders}. Any other brace is copied as it is."
    ).format(placeholders=" ".join("{" + name + "}" for name in PLACEHOLDERS))

"""What Test shows in the destination editor: the verdict (the URL an upload would give, or
why it would fail), the HTTP status, each reader of the reply with what every function in
it gave (or why it gave nothing), and the start of the reply itself."""

from __future__ import annotations

import json

from PySide6.QtGui import QBrush, QFontDatabase
from PySide6.QtWidgets import (
    QHeaderView,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.destinations.trial import SHOWN_REPLY, Reading, TrialReport
from ...core.i18n import translate
from ..base.destination_types import TrialOutcome
from ..base.palette import error_color, success_color
from ..base.plain_text import plain_label, tooltip
from .editor_check import label


class TrialView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            translate(
                "Destinations",
                "Test uploads a small generated picture (a 64 by 64 PNG) once, with the "
                "secrets typed here or, for those left empty, the keyring's, and shows what "
                "came back. Nothing is added to the history.",
            )
        )
        self.intro.setWordWrap(True)
        self.verdict = plain_label()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(translate("Destinations", "Test result"))
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        self.status = plain_label()
        self.readings = QTreeWidget()
        self.readings.setAccessibleName(translate("Destinations", "What the readers found"))
        self.readings.setHeaderLabels(
            [
                translate("Destinations", "Field"),
                translate("Destinations", "Reader"),
                translate("Destinations", "Found"),
            ]
        )
        self.readings.setRootIsDecorated(True)
        self.readings.setUniformRowHeights(True)
        header = self.readings.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.readings.setColumnWidth(0, 130)
        self.readings.setColumnWidth(1, 230)
        self.reply_label = plain_label(translate("Destinations", "The reply:"))
        self.reply = QPlainTextEdit()
        self.reply.setReadOnly(True)
        self.reply.setAccessibleName(translate("Destinations", "The reply"))
        self.reply.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.reply.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.truncated = plain_label(
            translate("Destinations", "Only the first {count} characters are shown.").format(
                count=f"{SHOWN_REPLY:,}"
            )
        )
        for widget in (self.intro, self.verdict, self.status, self.readings):
            layout.addWidget(widget)
        layout.addWidget(self.reply_label)
        layout.addWidget(self.reply, 1)
        layout.addWidget(self.truncated)
        self.readings.setMinimumHeight(120)
        self._show(None)

    def testing(self) -> None:
        self._show(None)
        self.verdict.setStyleSheet("")
        self.verdict.setText(translate("Destinations", "Testing…"))
        self.verdict.show()

    def show_outcome(self, outcome: TrialOutcome) -> None:
        report = outcome.report
        self._show(report)
        if report is None:
            text = translate("Destinations", "✗ The test did not get a reply: {problem}")
            self._verdict(text.format(problem=outcome.problem), ok=False)
            return
        status = translate("Destinations", "HTTP status {status}").format(status=report.status)
        if not report.reply:
            status += translate("Destinations", " — the reply is empty")
        self.status.setText(status)
        self.reply.setPlainText(_readable(report.reply))
        result = report.result
        if result is not None:
            text = translate("Destinations", "✓ An upload would give URL {url}")
            self._verdict(text.format(url=result.url), ok=True)
        else:
            text = translate("Destinations", "✗ An upload would fail: {problem}")
            self._verdict(text.format(problem=report.problem or ""), ok=False)
        items = [self._reading(reading) for reading in report.readings]
        self.readings.addTopLevelItems(items)
        nested = any(item.childCount() for item in items)
        self.readings.setRootIsDecorated(nested)  # no room kept for arrows none has
        self.readings.expandAll()

    def _show(self, report: TrialReport | None) -> None:
        """What a report fills is shown only with one (cleared first)."""
        self.readings.clear()
        self.reply.clear()
        self.status.clear()
        for widget in (self.status, self.readings, self.reply_label, self.reply):
            widget.setVisible(report is not None)
        self.truncated.setVisible(report is not None and report.truncated)
        self.verdict.setVisible(False)

    def _verdict(self, text: str, ok: bool) -> None:
        color = success_color(self.palette()) if ok else error_color(self.palette())
        self.verdict.setStyleSheet(f"color: {color.name()};")
        self.verdict.setText(text)
        self.verdict.show()

    def _reading(self, reading: Reading) -> QTreeWidgetItem:
        """A reader's row (its field, its template, what it gave) and a row per function."""
        error = QBrush(error_color(self.palette()))
        steps = reading.steps
        if len(steps) == 1 and steps[0].function_text == reading.template:
            steps = ()  # the reader is one function: its row says it all
            found = _found(reading.steps[0].value, reading.steps[0].problem)
        else:
            found = reading.value or translate("Destinations", "(nothing)")
        item = QTreeWidgetItem([label(reading.field), reading.template, found])
        item.setToolTip(1, tooltip(reading.template))
        item.setToolTip(2, tooltip(found))
        if not reading.value:
            item.setForeground(2, error)
        for step in steps:
            found = _found(step.value, step.problem)
            child = QTreeWidgetItem(["", step.function_text, found])
            child.setToolTip(1, tooltip(step.function_text))
            child.setToolTip(2, tooltip(found))
            if step.value is None:
                child.setForeground(2, error)
            item.addChild(child)
        return item


def _found(value: str | None, problem: str | None) -> str:
    """What a function gave, or why it gave nothing."""
    if value is not None:
        return value or translate("Destinations", "(empty)")
    return translate("Destinations", "✗ {problem}").format(problem=problem or "")


def _readable(reply: str) -> str:
    """A JSON reply indented, one key a line; anything else as it came."""
    try:
        return json.dumps(json.loads(reply), indent=2, ensure_ascii=False)
    except (ValueError, RecursionError):
        return reply

"""Persistent notices above the upload list: each stays until the code that raised it clears it.

A notice is keyed by its :class:`..base.report.Topic`, so whoever raised it can replace or
clear it without knowing about the others; parts raise them through the window's
:class:`..base.report.Report`. It has plain, word-wrapped text, a severity
and at most one button. Colours come in fixed light and dark pairs, chosen from the window's
palette, each with at least WCAG AA contrast (4.5:1) between text and background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import translate
from ..base.palette import is_dark
from ..base.plain_text import plain_label
from ..base.report import NoticeButton, Severity


@dataclass(frozen=True)
class NoticeColors:
    background: QColor
    text: QColor
    border: QColor


#: (background, text, border) per severity, for light and for dark palettes.
_LIGHT = {
    Severity.INFO: ("#e7f1fc", "#0b3a66", "#9cc3ea"),
    Severity.WARNING: ("#fff4ce", "#4d3800", "#e0c050"),
    Severity.ERROR: ("#fde7e9", "#7a1017", "#eea4ab"),
}
_DARK = {
    Severity.INFO: ("#10273d", "#d2e7ff", "#2f6fad"),
    Severity.WARNING: ("#352a00", "#ffe9a8", "#8a6d00"),
    Severity.ERROR: ("#43161a", "#ffd7da", "#a4343d"),
}


def notice_colors(severity: Severity, dark: bool) -> NoticeColors:
    background, text, border = (_DARK if dark else _LIGHT)[severity]
    return NoticeColors(QColor(background), QColor(text), QColor(border))


_ICONS = {
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class Notice(QFrame):
    """One notice: an icon, its text and an optional button, on a tinted background."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.severity = Severity.INFO
        self.dark = False
        self.setObjectName("notice")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        self.icon = plain_label(parent=self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = plain_label(parent=self)
        self.label.setObjectName("noticeText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1, Qt.AlignmentFlag.AlignVCenter)
        self.button: QPushButton | None = None

    @property
    def text(self) -> str:
        return self.label.text()

    def update_notice(
        self, text: str, severity: Severity, button: NoticeButton | None, dark: bool
    ) -> None:
        self.severity = severity
        self.dark = dark
        self.label.setText(text)
        self.setAccessibleName(
            translate("Notices", "{severity}: {text}").format(severity=severity.label, text=text)
        )
        self.label.setAccessibleName(text)
        if self.button is not None:
            self.button.deleteLater()
            self.button = None
        if button is not None:
            caption, callback = button
            self.button = QPushButton(caption, self)
            self.button.setAccessibleDescription(text)
            self.button.clicked.connect(lambda _checked=False: callback())
            layout = self.layout()
            assert isinstance(layout, QHBoxLayout)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.restyle()

    def restyle(self) -> None:
        """Colours for :attr:`severity` on a light or dark (:attr:`dark`) window."""
        colors = notice_colors(self.severity, self.dark)
        self.setStyleSheet(
            f"QFrame#notice {{ background: {colors.background.name()};"
            f" border: 1px solid {colors.border.name()}; border-radius: 6px; }}"
            f" QLabel {{ color: {colors.text.name()}; background: transparent; }}"
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        icon = self.style().standardIcon(_ICONS[self.severity], None, self)
        self.icon.setPixmap(icon.pixmap(QSize(size, size), self.devicePixelRatioF()))
        self.icon.setFixedWidth(size)


class NoticeBar(QWidget):
    """A stack of persistent notices, keyed by string; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notices")
        self.setAccessibleName(translate("Notices", "Notices"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._notices: dict[str, Notice] = {}
        self._dark = is_dark(self.palette())
        self.hide()

    def show_notice(
        self,
        key: str,
        text: str,
        severity: Severity | str = Severity.INFO,
        button: NoticeButton | None = None,
    ) -> None:
        """Show ``text`` under ``key``, replacing what that key showed before (in place)."""
        severity = Severity(severity)
        notice = self._notices.get(key)
        if notice is None:
            notice = self._notices[key] = Notice(key, self)
            self._layout.addWidget(notice)
        notice.update_notice(text, severity, button, self._dark)
        notice.show()
        self.show()

    def clear_notice(self, key: str) -> None:
        """Remove the notice under ``key``, if there is one."""
        notice = self._notices.pop(key, None)
        if notice is None:
            return
        notice.hide()
        self._layout.removeWidget(notice)
        notice.deleteLater()
        if not self._notices:
            self.hide()

    def notice_text(self, key: str) -> str | None:
        notice = self._notices.get(key)
        return None if notice is None else notice.text

    def notice(self, key: str) -> Notice | None:
        return self._notices.get(key)

    def keys(self) -> list[str]:
        """The keys shown, top to bottom."""
        return list(self._notices)

    def changeEvent(self, event: QEvent) -> None:
        """A light/dark switch of the desktop: the notices take the other colour pairs."""
        super().changeEvent(event)
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in kinds and is_dark(self.palette()) != self._dark:
            self._dark = is_dark(self.palette())
            for notice in self._notices.values():
                notice.dark = self._dark
                notice.restyle()

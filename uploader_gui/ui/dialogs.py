"""Every modal question the app asks, behind one object tests can replace.

Tests swap :class:`Dialogs` for a scripted stand-in so no modal ``exec()`` ever blocks them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.config import ENV_API_KEY


class KeyChoice(enum.Enum):
    KEY = "key"
    SANDBOX = "sandbox"
    CANCEL = "cancel"


@dataclass(frozen=True)
class KeyAnswer:
    choice: KeyChoice
    key: str = ""

    def __repr__(self) -> str:  # never show the key
        return f"KeyAnswer({self.choice.value})"


class KeyDialog(QDialog):
    """Asks for an API key: masked entry with a show toggle, or try the sandbox instead."""

    def __init__(self, parent: QWidget | None, host: str, reason: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("API key")
        self.setModal(True)
        self.choice = KeyChoice.CANCEL
        layout = QVBoxLayout(self)
        heading = QLabel(reason or "Welcome! Paste your ImagePipeline API key to start uploading.")
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        layout.addWidget(heading)
        hint = QLabel(
            f"The key is used for <b>{host}</b>. You can also set {ENV_API_KEY} in the environment."
        )
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(hint)

        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText("API key")
        self.edit.setAccessibleName("API key")
        self.edit.setMinimumWidth(360)
        self.show_action = QAction(QIcon.fromTheme("view-reveal-symbolic"), "Show key", self)
        self.show_action.setCheckable(True)
        self.show_action.toggled.connect(self._toggle_visible)
        self.edit.addAction(self.show_action, QLineEdit.ActionPosition.TrailingPosition)
        layout.addWidget(self.edit)

        buttons = QDialogButtonBox(self)
        self.use_button = buttons.addButton("Use key", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sandbox_button = QPushButton("Try the sandbox", self)
        self.sandbox_button.setToolTip(
            "Upload to a local test server instead: no account needed; its links work only "
            "on this computer while the app runs"
        )
        buttons.addButton(self.sandbox_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.use_button.setEnabled(False)
        self.use_button.setDefault(True)
        self.edit.textChanged.connect(lambda text: self.use_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self._use_key)
        buttons.rejected.connect(self.reject)
        self.sandbox_button.clicked.connect(self._use_sandbox)
        layout.addWidget(buttons)

    def _toggle_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        self.show_action.setText("Hide key" if visible else "Show key")

    def _use_key(self) -> None:
        if self.edit.text().strip():
            self.choice = KeyChoice.KEY
            self.accept()

    def _use_sandbox(self) -> None:
        self.choice = KeyChoice.SANDBOX
        self.accept()

    def answer(self) -> KeyAnswer:
        if self.choice is KeyChoice.KEY:
            return KeyAnswer(KeyChoice.KEY, self.edit.text().strip())
        return KeyAnswer(self.choice)


class Dialogs:
    """The real, modal dialogs."""

    def confirm(self, parent: QWidget, title: str, text: str, accept_label: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        accept = box.addButton(accept_label, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(accept)
        box.exec()
        return box.clickedButton() is accept

    def ask_key(self, parent: QWidget, host: str, reason: str = "") -> KeyAnswer:
        dialog = KeyDialog(parent, host, reason)
        dialog.exec()
        answer = dialog.answer()
        dialog.deleteLater()
        return answer

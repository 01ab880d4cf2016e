"""Asking for the API key: masked entry, Test key, Save to the keyring, or try the sandbox."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.credentials import no_backend_message
from ...core.i18n import translate
from ..base.dialog_types import KeyAnswer, KeyCheck, KeyChoice, KeyTester
from ..base.palette import error_color, success_color
from ..base.plain_text import plain_label

__all__ = ["KeyAnswer", "KeyCheck", "KeyChoice", "KeyDialog", "KeyTester"]


class KeyDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        host: str,
        *,
        reason: str = "",
        backend: str | None = None,
        tester: KeyTester | None = None,
    ) -> None:
        """``backend`` names the secure keyring; ``None`` means there is none."""
        super().__init__(parent)
        self.setWindowTitle(translate("KeyDialog", "API key"))
        self.setModal(True)
        self.choice = KeyChoice.CANCEL
        self._tester = tester
        self._backend = backend
        self._check_serial = 0

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self._heading(reason))
        layout.addWidget(self._hint(host, backend))
        layout.addLayout(self._key_row(tester is not None))
        self.check_label = plain_label(parent=self)
        self.check_label.setWordWrap(True)
        self.check_label.setAccessibleName(translate("KeyDialog", "Key test result"))
        layout.addWidget(self.check_label)
        buttons = self._buttons(backend)
        self._connect(buttons)
        layout.addWidget(buttons)
        self.setTabOrder(self.edit, self.show_box)
        self.setTabOrder(self.show_box, self.test_button)

    # -- construction --------------------------------------------------------------------

    @staticmethod
    def _heading(reason: str) -> QLabel:
        """Why the key is asked for, in a larger bold font (a welcome without a reason)."""
        heading = plain_label(
            reason
            or translate(
                "KeyDialog", "Welcome! Paste your ImagePipeline API key to start uploading."
            )
        )
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        heading.setFont(font)
        return heading

    @staticmethod
    def _hint(host: str, backend: str | None) -> QLabel:
        """Which host the key is for, and where it is kept."""
        if backend:
            where = translate(
                "KeyDialog", "The key is for {host}. It is kept in {keyring}, never in a file."
            )
        else:
            where = translate("KeyDialog", "The key is for {host}. {no_keyring}")
        hint = plain_label(
            where.format(host=host, keyring=backend, no_keyring=no_backend_message())
        )
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        return hint

    def _key_row(self, testable: bool) -> QHBoxLayout:
        """The masked entry, Show, and Test key (shown if the key can be ``testable``)."""
        row = QHBoxLayout()
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(translate("KeyDialog", "API key"))
        self.edit.setAccessibleName(translate("KeyDialog", "API key"))
        self.edit.setMinimumWidth(380)
        self.show_box = QPushButton(translate("KeyDialog", "Show"), self)
        self.show_box.setCheckable(True)
        self.show_box.setAccessibleName(translate("KeyDialog", "Show key"))
        self.show_box.setToolTip(translate("KeyDialog", "Show or hide the key"))
        self.show_box.toggled.connect(self._toggle_visible)
        self.test_button = QPushButton(translate("KeyDialog", "Test key"), self)
        self.test_button.setToolTip(
            translate("KeyDialog", "Ask the server whether it accepts this key")
        )
        self.test_button.setEnabled(False)
        self.test_button.setVisible(testable)
        self.test_button.clicked.connect(self._test)
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_box)
        row.addWidget(self.test_button)
        return row

    def _buttons(self, backend: str | None) -> QDialogButtonBox:
        """Save (to the keyring, or for this session), Try the Sandbox, and Cancel."""
        buttons = QDialogButtonBox(self)
        if backend:
            save_text = translate("KeyDialog", "Save to {keyring}").format(keyring=backend)
        else:
            save_text = translate("KeyDialog", "Use for This Session")
        self.save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.sandbox_button = QPushButton(translate("KeyDialog", "Try the Sandbox"), self)
        self.sandbox_button.setToolTip(
            translate(
                "KeyDialog",
                "Upload to a local test server instead: no account needed; its links work only "
                "on this computer while the app runs",
            )
        )
        buttons.addButton(self.sandbox_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setEnabled(False)
        self.save_button.setDefault(True)
        return buttons

    def _connect(self, buttons: QDialogButtonBox) -> None:
        """Typing enables Save and Test; the buttons choose the answer."""
        self.edit.textChanged.connect(self._edited)
        buttons.accepted.connect(self._use_key)
        buttons.rejected.connect(self.reject)
        self.sandbox_button.clicked.connect(self._use_sandbox)

    # -- behaviour -----------------------------------------------------------------------

    def _edited(self, text: str) -> None:
        has_text = bool(text.strip())
        self.save_button.setEnabled(has_text)
        self.test_button.setEnabled(has_text)
        self._check_serial += 1  # a result for an older text is stale
        self.check_label.clear()

    def _toggle_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        self.show_box.setText(
            translate("KeyDialog", "Hide") if visible else translate("KeyDialog", "Show")
        )

    def _test(self) -> None:
        if self._tester is None:
            return
        self._check_serial += 1
        serial = self._check_serial
        self.check_label.setStyleSheet("")
        self.check_label.setText(translate("KeyDialog", "Testing…"))
        self.test_button.setEnabled(False)

        def done(check: KeyCheck) -> None:
            if not shiboken6.isValid(self) or serial != self._check_serial:
                return  # the dialog closed, or the key was edited meanwhile
            self.test_button.setEnabled(bool(self.edit.text().strip()))
            if check.accepted is True:
                color = success_color(self.palette())
            elif check.accepted is False:
                color = error_color(self.palette())
            else:
                color = self.palette().color(self.foregroundRole())
            self.check_label.setStyleSheet(f"color: {color.name()};")
            self.check_label.setText(check.message)

        self._tester(self.edit.text().strip(), done)

    def _use_key(self) -> None:
        if self.edit.text().strip():
            self.choice = KeyChoice.KEY
            self.accept()

    def _use_sandbox(self) -> None:
        self.choice = KeyChoice.SANDBOX
        self.accept()

    def answer(self) -> KeyAnswer:
        if self.choice is KeyChoice.KEY:
            return KeyAnswer(KeyChoice.KEY, self.edit.text().strip(), self._backend is not None)
        return KeyAnswer(self.choice)

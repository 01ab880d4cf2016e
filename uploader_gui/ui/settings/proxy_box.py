"""Settings ▸ Network: the proxy's mode, its address (labels from the settings table) and its
password, which goes to the keyring, never to a settings file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ...core.i18n import translate
from ...core.network.proxy import ProxyMode, ProxyURLError, check_proxy_url, split_password
from ..base.dialog_types import SettingsValues
from ..base.palette import error_label
from ..base.plain_text import form_row, plain_label
from .rows import shown


class ProxyBox(QGroupBox):
    """The system's proxy settings, none, or this proxy (address and password)."""

    def __init__(self, values: SettingsValues) -> None:
        mode, address = SettingsValues.proxy_mode, SettingsValues.proxy_url
        super().__init__(shown(mode.label))
        box = QVBoxLayout(self)
        buttons = {choice: QRadioButton(shown(label)) for choice, label, _tip in mode.choices}
        self._modes = QButtonGroup(self)
        for choice, _label, tip in mode.choices:
            buttons[choice].setToolTip(shown(tip))
            buttons[choice].setChecked(values.proxy_mode is choice)
            self._modes.addButton(buttons[choice])
            box.addWidget(buttons[choice])
        self.system = buttons[ProxyMode.SYSTEM]
        self.none = buttons[ProxyMode.NONE]
        self.manual = buttons[ProxyMode.MANUAL]
        self._saved_url = values.proxy_url
        self.url = QLineEdit(values.proxy_url)
        self.url.setPlaceholderText("http://proxy.example:3128")
        self.url.setAccessibleName(shown(address.accessible))
        self.url.setToolTip(shown(address.tip))
        manual = QFormLayout()
        manual.setContentsMargins(24, 0, 0, 0)
        form_row(manual, shown(address.label), self.url)
        self._password_row(manual)
        box.addLayout(manual)
        self.error = error_label(self)
        box.addWidget(self.error)
        self.manual.toggled.connect(self._mode_changed)
        self.url.textChanged.connect(self._url_edited)
        self._url_edited()
        self._mode_changed(self.manual.isChecked())

    def _password_row(self, manual: QFormLayout) -> None:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("SettingsDialog", "Proxy password"))
        self.password.setToolTip(
            translate("SettingsDialog", "Saved in the system keyring, never in a settings file")
        )
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        self.forget_password = QPushButton(translate("SettingsDialog", "&Forget Password"))
        self.forget_password.setToolTip(
            translate("SettingsDialog", "Delete this proxy's password from the keyring")
        )
        self.forget_password.clicked.connect(self._forget_password)
        self._forget = False
        password_row.addWidget(self.forget_password)
        password_label = plain_label(translate("SettingsDialog", "Pass&word:"))
        password_label.setBuddy(self.password)  # a row of two: Qt sets no buddy itself
        manual.addRow(password_label, password_row)

    def _url_edited(self) -> None:
        self.error.hide()
        named = "@" in self.url.text()
        if self._forget:
            hint = translate("SettingsDialog", "none (forgotten when you press OK)")
        elif named:
            hint = translate("SettingsDialog", "unchanged (kept in the keyring)")
        else:
            hint = translate("SettingsDialog", "only if the proxy asks for one")
        self.password.setPlaceholderText(hint)
        self.forget_password.setEnabled(named and not self._forget and self.url.isEnabled())

    def _forget_password(self) -> None:
        self._forget = True
        self.password.clear()
        self._url_edited()

    def _mode_changed(self, manual: bool) -> None:
        self.url.setEnabled(manual)
        self.password.setEnabled(manual)
        self._url_edited()
        self.error.hide()

    def _mode(self) -> ProxyMode:
        if self.manual.isChecked():
            return ProxyMode.MANUAL
        return ProxyMode.NONE if self.none.isChecked() else ProxyMode.SYSTEM

    def _typed(self) -> tuple[str, str | None]:
        """The proxy address without a password, and the password typed (in the field, or
        in the address); raises :class:`ProxyURLError` with the reason."""
        url, inline = split_password(check_proxy_url(self.url.text()))
        password = self.password.text() or inline
        if password is None and self._forget:
            password = ""  # delete the saved one
        if password and "@" not in url:
            raise ProxyURLError(
                translate(
                    "SettingsDialog",
                    "add the user name to the address (http://user@proxy.example:3128) so the "
                    "password can be kept for it",
                )
            )
        return url, password

    def show_problem(self) -> bool:
        """Whether this proxy cannot be used (if so, the box says why)."""
        if not self.manual.isChecked():
            return False
        try:
            self._typed()
        except ProxyURLError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return True
        return False

    def chosen(self) -> tuple[ProxyMode, str, str | None]:
        """The mode, the address without a password, and a password typed now (``""``:
        forget the saved one; ``None``: keep it)."""
        mode = self._mode()
        try:
            url, password = self._typed()
        except ProxyURLError:
            # Not in use, and it does not parse: which part is the password cannot be told
            # (a raw "@" or "/" in it), so none of it is kept: the saved address stays.
            url, password = self._saved_url, None
            if mode is ProxyMode.MANUAL:
                mode = ProxyMode.SYSTEM  # never reached: OK refuses it
        return mode, url, password

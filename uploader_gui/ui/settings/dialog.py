"""Settings (Ctrl+,): the API key, the API URL, uploads, images, copying and the network."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ConfigurationError
from ...core.i18n import translate
from ...core.links import LinkFormat, LinkStyle, Template
from ...core.network.proxy import ProxyMode, ProxyURLError, check_proxy_url, split_password
from ...core.urls import normalize_api_url
from ..base.dialog_types import KeyStatus, SettingsValues
from ..base.language import LANGUAGES, SYSTEM, SYSTEM_LABEL
from ..base.palette import error_label
from ..base.plain_text import form_row, plain_label
from ..links.service import style_label, style_value
from .templates_editor import TemplatesEditor

__all__ = ["KeyStatus", "SettingsDialog", "SettingsValues"]


class SettingsDialog(QDialog):
    change_key_requested = Signal()
    remove_key_requested = Signal()

    def __init__(
        self, parent: QWidget | None, values: SettingsValues, key: KeyStatus, default_url: str
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setModal(True)
        self._default_url = default_url
        self._fixed_by = values.api_url_fixed_by
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._page(self._key_box(), self._uploads_box(values), self._advanced_box(values)),
            translate("SettingsDialog", "&General"),
        )
        self.tabs.addTab(
            self._page(self._images_box(values)), translate("SettingsDialog", "&Images")
        )
        self.tabs.addTab(
            self._page(self._copying_box(values)), translate("SettingsDialog", "&Copying")
        )
        self.tabs.addTab(
            self._page(self._network_box(values)), translate("SettingsDialog", "&Network")
        )
        layout.addWidget(self.tabs)
        # The key buttons act on the URL in use: while another one is typed they would
        # store a key under the wrong host, so they wait for OK.
        self._url_in_use = self._typed_url()
        self._key: KeyStatus | None = None
        self.api_url.textChanged.connect(self._url_edited)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_key_status(key)

    @staticmethod
    def _page(*boxes: QWidget) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        for box in boxes:
            column.addWidget(box)
        column.addStretch(1)
        return page

    def _key_box(self) -> QGroupBox:
        key_box = QGroupBox(translate("SettingsDialog", "API key"))
        key_layout = QVBoxLayout(key_box)
        self.key_label = plain_label()
        self.key_label.setWordWrap(True)
        self.key_label.setTextFormat(Qt.TextFormat.PlainText)
        self.backend_label = plain_label()
        self.backend_label.setWordWrap(True)
        key_buttons = QHBoxLayout()
        self.change_key_button = QPushButton(translate("SettingsDialog", "Set Key…"))
        self.change_key_button.clicked.connect(self.change_key_requested)
        self.remove_key_button = QPushButton(translate("SettingsDialog", "Remove Key"))
        self.remove_key_button.setToolTip(
            translate("SettingsDialog", "Delete the key from the keyring")
        )
        self.remove_key_button.clicked.connect(self.remove_key_requested)
        key_buttons.addWidget(self.change_key_button)
        key_buttons.addWidget(self.remove_key_button)
        key_buttons.addStretch(1)
        self.url_pending = plain_label(
            translate(
                "SettingsDialog", "Press OK to switch to the new API URL; its key comes next."
            )
        )
        self.url_pending.setWordWrap(True)
        self.url_pending.hide()
        key_layout.addWidget(self.key_label)
        key_layout.addWidget(self.backend_label)
        key_layout.addLayout(key_buttons)
        key_layout.addWidget(self.url_pending)
        return key_box

    def _uploads_box(self, values: SettingsValues) -> QGroupBox:
        uploads = QGroupBox(translate("SettingsDialog", "Uploads"))
        form = QFormLayout(uploads)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, 16)
        self.concurrency.setValue(values.concurrency)
        self.concurrency.setToolTip(
            translate(
                "SettingsDialog", "How many files upload at once (applies to the next uploads)"
            )
        )
        form_row(form, translate("SettingsDialog", "&Parallel uploads:"), self.concurrency)
        self.retries = QSpinBox()
        self.retries.setRange(0, 10)
        self.retries.setValue(values.retries)
        self.retries.setToolTip(
            translate("SettingsDialog", "How often a rate-limited or failed upload is tried again")
        )
        form_row(form, translate("SettingsDialog", "&Retries:"), self.retries)
        self.reuse_duplicates = QCheckBox(
            translate("SettingsDialog", "Reuse the link of a file already uploaded")
        )
        self.reuse_duplicates.setToolTip(
            translate(
                "SettingsDialog",
                "A file whose bytes were uploaded to this API before gets its earlier URL at once",
            )
        )
        self.reuse_duplicates.setChecked(values.reuse_duplicates)
        form.addRow(self.reuse_duplicates)
        self.resume_unfinished = QCheckBox(
            translate("SettingsDialog", "Resume unfinished uploads at start")
        )
        self.resume_unfinished.setToolTip(
            translate(
                "SettingsDialog",
                "Files left unfinished when the app last quit or crashed upload again at once "
                "(otherwise they are listed with Retry)",
            )
        )
        self.resume_unfinished.setChecked(values.resume_unfinished)
        form.addRow(self.resume_unfinished)
        self.notifications = QCheckBox(
            translate("SettingsDialog", "Notify me when uploads finish in the background")
        )
        self.notifications.setToolTip(
            translate(
                "SettingsDialog",
                "A desktop notification when a drop has finished while the window is not active",
            )
        )
        self.notifications.setChecked(values.notifications)
        form.addRow(self.notifications)
        return uploads

    def _images_box(self, values: SettingsValues) -> QGroupBox:
        images = QGroupBox(translate("SettingsDialog", "Before upload"))
        images_form = QFormLayout(images)
        self.remove_metadata = QCheckBox(
            translate("SettingsDialog", "Remove location and camera details before upload")
        )
        self.remove_metadata.setToolTip(
            translate(
                "SettingsDialog",
                "Location, camera make, model and serial number, owner, dates, XMP and comments "
                "are removed without re-encoding the picture; orientation and colour profile stay",
            )
        )
        self.remove_metadata.setChecked(values.remove_metadata)
        images_form.addRow(self.remove_metadata)
        self.convert_formats = QCheckBox(
            translate("SettingsDialog", "Convert HEIC, AVIF, BMP and TIFF to JPEG or PNG")
        )
        self.convert_formats.setChecked(values.convert_formats)
        images_form.addRow(self.convert_formats)
        shrink_row = QHBoxLayout()
        self.shrink = QCheckBox(translate("SettingsDialog", "Shrink images larger than"))
        self.max_side = QSpinBox()
        self.max_side.setRange(64, 100_000)
        self.max_side.setSingleStep(256)
        self.max_side.setSuffix(translate("SettingsDialog", " px"))
        self.max_side.setAccessibleName(translate("SettingsDialog", "Largest long side"))
        self.max_side.setValue(values.max_side or 2048)
        self.shrink.setChecked(values.max_side is not None)
        self.max_side.setEnabled(self.shrink.isChecked())
        self.shrink.toggled.connect(self.max_side.setEnabled)
        shrink_row.addWidget(self.shrink)
        shrink_row.addWidget(self.max_side)
        shrink_row.addStretch(1)
        images_form.addRow(shrink_row)
        note = plain_label(translate("SettingsDialog", "Changes apply to files not yet started."))
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        images_form.addRow(note)
        return images

    def _copying_box(self, values: SettingsValues) -> QGroupBox:
        copying = QGroupBox(translate("SettingsDialog", "Copying"))
        copy_form = QFormLayout(copying)
        self.link_format = QComboBox()
        self._chosen_format = style_value(values.link_format)
        form_row(copy_form, translate("SettingsDialog", "Copy &format:"), self.link_format)
        self.auto_copy = QCheckBox(
            translate("SettingsDialog", "Copy the links when every file of a drop has finished")
        )
        self.auto_copy.setChecked(values.auto_copy)
        copy_form.addRow(self.auto_copy)
        self.templates = TemplatesEditor(values.templates)
        copy_form.addRow(plain_label(translate("SettingsDialog", "Your templates:")))
        copy_form.addRow(self.templates)
        self.templates.changed.connect(self._list_formats)
        self.link_format.currentIndexChanged.connect(self._format_chosen)
        self._list_formats()
        return copying

    def _list_formats(self) -> None:
        """Built-in formats, then the templates as they are now in the table."""
        self.link_format.blockSignals(True)
        self.link_format.clear()
        for fmt in LinkFormat:
            self.link_format.addItem(style_label(fmt), fmt.value)
        for name, _text in self.templates.templates():
            if name:
                self.link_format.addItem(name, name)
        index = self.link_format.findData(self._chosen_format)
        self.link_format.setCurrentIndex(max(0, index))
        self.link_format.blockSignals(False)

    def _format_chosen(self, _index: int) -> None:
        self._chosen_format = str(self.link_format.currentData())

    def _advanced_box(self, values: SettingsValues) -> QGroupBox:
        advanced = QGroupBox(translate("SettingsDialog", "Advanced"))
        advanced_form = QFormLayout(advanced)
        self.api_url = QLineEdit(values.api_url)
        self.api_url.setPlaceholderText(self._default_url)
        self.api_url.setToolTip(
            translate("SettingsDialog", "The API's base URL; https only (http only for localhost)")
        )
        form_row(advanced_form, translate("SettingsDialog", "API &URL:"), self.api_url)
        if self._fixed_by:
            # Shown as it is in use, and not editable: a change would be silently ignored.
            self.api_url.setReadOnly(True)
            fixed = plain_label(
                translate("SettingsDialog", "Set by {source} for this session.").format(
                    source=self._fixed_by
                )
            )
            fixed.setWordWrap(True)
            fixed.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            advanced_form.addRow(fixed)
        self.language = QComboBox()
        self.language.addItem(translate("Language", SYSTEM_LABEL), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values.language)))
        self.language.setToolTip(
            translate("SettingsDialog", "Applies when uploader-gui starts again")
        )
        form_row(advanced_form, translate("SettingsDialog", "&Language:"), self.language)
        self.url_error = error_label(self)
        advanced_form.addRow(self.url_error)
        return advanced

    def _network_box(self, values: SettingsValues) -> QGroupBox:
        network = QGroupBox(translate("SettingsDialog", "Proxy"))
        box = QVBoxLayout(network)
        self.proxy_system = QRadioButton(
            translate("SettingsDialog", "Use the &system's proxy settings")
        )
        self.proxy_system.setToolTip(
            translate(
                "SettingsDialog",
                "HTTPS_PROXY, ALL_PROXY and NO_PROXY, or else the desktop's proxy settings (GNOME)",
            )
        )
        self.proxy_none = QRadioButton(translate("SettingsDialog", "&No proxy"))
        self.proxy_manual = QRadioButton(translate("SettingsDialog", "Use &this proxy:"))
        self._saved_proxy_url = values.proxy_url
        self.proxy_url = QLineEdit(values.proxy_url)
        self.proxy_url.setPlaceholderText("http://proxy.example:3128")
        self.proxy_url.setAccessibleName(translate("SettingsDialog", "Proxy address"))
        self.proxy_url.setToolTip(
            translate(
                "SettingsDialog",
                "http://, https://, socks5:// or socks5h://; add user@ before the host if the "
                "proxy asks for a user name",
            )
        )
        self.proxy_password = QLineEdit()
        self.proxy_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.proxy_password.setAccessibleName(translate("SettingsDialog", "Proxy password"))

        self.proxy_password.setToolTip(
            translate("SettingsDialog", "Saved in the system keyring, never in a settings file")
        )
        self._proxy_modes = QButtonGroup(self)
        for button, mode in (
            (self.proxy_system, ProxyMode.SYSTEM),
            (self.proxy_none, ProxyMode.NONE),
            (self.proxy_manual, ProxyMode.MANUAL),
        ):
            self._proxy_modes.addButton(button)
            button.setChecked(values.proxy_mode is mode)
            box.addWidget(button)
        manual = QFormLayout()
        manual.setContentsMargins(24, 0, 0, 0)
        form_row(manual, translate("SettingsDialog", "&Address:"), self.proxy_url)
        password_row = QHBoxLayout()
        password_row.addWidget(self.proxy_password, 1)
        self.forget_password = QPushButton(translate("SettingsDialog", "&Forget Password"))
        self.forget_password.setToolTip(
            translate("SettingsDialog", "Delete this proxy's password from the keyring")
        )
        self.forget_password.clicked.connect(self._forget_password)
        self._forget = False
        password_row.addWidget(self.forget_password)
        password_label = plain_label(translate("SettingsDialog", "Pass&word:"))
        password_label.setBuddy(self.proxy_password)  # a row of two: Qt sets no buddy itself
        manual.addRow(password_label, password_row)
        box.addLayout(manual)
        self.proxy_error = error_label(self)
        box.addWidget(self.proxy_error)
        self.proxy_manual.toggled.connect(self._proxy_mode_changed)
        self.proxy_url.textChanged.connect(self._proxy_url_edited)
        self._proxy_url_edited()
        self._proxy_mode_changed(self.proxy_manual.isChecked())
        return network

    def _proxy_url_edited(self) -> None:
        self.proxy_error.hide()
        named = "@" in self.proxy_url.text()
        if self._forget:
            hint = translate("SettingsDialog", "none (forgotten when you press OK)")
        elif named:
            hint = translate("SettingsDialog", "unchanged (kept in the keyring)")
        else:
            hint = translate("SettingsDialog", "only if the proxy asks for one")
        self.proxy_password.setPlaceholderText(hint)
        self.forget_password.setEnabled(named and not self._forget and self.proxy_url.isEnabled())

    def _forget_password(self) -> None:
        self._forget = True
        self.proxy_password.clear()
        self._proxy_url_edited()

    def _proxy_mode_changed(self, manual: bool) -> None:
        self.proxy_url.setEnabled(manual)
        self.proxy_password.setEnabled(manual)
        self._proxy_url_edited()
        self.proxy_error.hide()

    def _proxy_mode(self) -> ProxyMode:
        if self.proxy_manual.isChecked():
            return ProxyMode.MANUAL
        return ProxyMode.NONE if self.proxy_none.isChecked() else ProxyMode.SYSTEM

    def _typed_proxy(self) -> tuple[str, str | None]:
        """The proxy address without a password, and the password typed (in the field, or
        in the address); raises :class:`ProxyURLError` with the reason."""
        url, inline = split_password(check_proxy_url(self.proxy_url.text()))
        password = self.proxy_password.text() or inline
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

    def set_key_status(self, key: KeyStatus) -> None:
        self._key = key
        self.key_label.setText(key.text)
        self.backend_label.setText(
            translate("SettingsDialog", "Keyring in use: {backend}").format(backend=key.backend)
        )
        self.backend_label.setVisible(key.backend not in key.text)
        self.change_key_button.setText(
            translate("SettingsDialog", "Replace Key…")
            if key.removable
            else translate("SettingsDialog", "Set Key…")
        )
        self._update_key_buttons()

    def _typed_url(self) -> str | None:
        """The URL in the field as it would be used; ``None`` if it cannot be."""
        try:
            return normalize_api_url(self.api_url.text().strip() or self._default_url)
        except ConfigurationError:
            return None

    def _url_edited(self) -> None:
        self.url_error.hide()
        self._update_key_buttons()

    def _update_key_buttons(self) -> None:
        key = self._key
        if key is None:
            return
        same_url = self._typed_url() == self._url_in_use
        if self.url_pending.isVisibleTo(self) == same_url:
            self.url_pending.setVisible(not same_url)
            if self.isVisible():
                self.adjustSize()  # room for the line (a dialog does not grow by itself)
        self.change_key_button.setEnabled(key.editable and same_url)
        self.remove_key_button.setEnabled(key.editable and key.removable and same_url)

    def _accept(self) -> None:
        if self.templates.show_problem():
            self.tabs.setCurrentIndex(2)
            self.templates.table.setFocus()
            return
        if self.proxy_manual.isChecked():
            try:
                self._typed_proxy()
            except ProxyURLError as exc:
                self.proxy_error.setText(str(exc))
                self.proxy_error.show()
                self.tabs.setCurrentIndex(3)
                self.proxy_url.setFocus()
                return
        text = self.api_url.text().strip()
        try:
            normalize_api_url(text or self._default_url)
        except ConfigurationError as exc:
            self.url_error.setText(str(exc))
            self.url_error.show()
            self.tabs.setCurrentIndex(0)
            self.api_url.setFocus()
            return
        self.accept()

    def values(self) -> SettingsValues:
        text = self.api_url.text().strip()
        proxy_mode, proxy_url, proxy_password = self._proxy_values()
        return SettingsValues(
            api_url=normalize_api_url(text) if text else "",
            concurrency=self.concurrency.value(),
            retries=self.retries.value(),
            auto_copy=self.auto_copy.isChecked(),
            link_format=self._chosen_style(),
            reuse_duplicates=self.reuse_duplicates.isChecked(),
            resume_unfinished=self.resume_unfinished.isChecked(),
            api_url_fixed_by=self._fixed_by,
            remove_metadata=self.remove_metadata.isChecked(),
            convert_formats=self.convert_formats.isChecked(),
            max_side=self.max_side.value() if self.shrink.isChecked() else None,
            proxy_mode=proxy_mode,
            proxy_url=proxy_url,
            proxy_password=proxy_password,
            templates=self.templates.templates(),
            notifications=self.notifications.isChecked(),
            language=str(self.language.currentData() or ""),
        )

    def _chosen_style(self) -> LinkStyle:
        value = self._chosen_format
        for fmt in LinkFormat:
            if fmt.value == value:
                return fmt
        saved = dict(self.templates.templates())
        if value in saved:
            return Template(value, saved[value])
        return LinkFormat.URL

    def _proxy_values(self) -> tuple[ProxyMode, str, str | None]:
        mode = self._proxy_mode()
        try:
            url, password = self._typed_proxy()
        except ProxyURLError:
            # Not in use, and it does not parse: which part is the password cannot be told
            # (a raw "@" or "/" in it), so none of it is kept: the saved address stays.
            url, password = self._saved_proxy_url, None
            if mode is ProxyMode.MANUAL:
                mode = ProxyMode.SYSTEM  # never reached: OK refuses it
        return mode, url, password

"""Settings (Ctrl+,): the API key, the API URL, uploads, images, copying and the network,
then the features' own pages (Destinations).

The ordinary rows of each tab (flags, numbers, limits) are made from the settings table
(:mod:`.rows`); the API URL, the language, the copy format with the templates, and the proxy
with its password have editors of their own here, with their labels from the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.destination import Destination
from ...core.errors import ConfigurationError
from ...core.i18n import translate
from ...core.links import LinkFormat
from ..base.dialog_types import KeyStatus, SettingsValues
from ..base.dialogs import SettingsPage
from ..base.language import LANGUAGES, SYSTEM, SYSTEM_LABEL
from ..base.palette import error_label
from ..base.plain_text import form_row, plain_label
from ..base.setting_kinds import Setting, Tab
from ..links.service import style_label
from .proxy_box import ProxyBox
from .rows import Editor, add_rows, shown
from .templates_editor import TemplatesEditor

__all__ = ["KeyStatus", "SettingsDialog", "SettingsValues"]


def _label(row: Setting[Any]) -> str:
    return shown(row.label)


def _tip(row: Setting[Any]) -> str:
    return shown(row.tip)


class SettingsDialog(QDialog):
    change_key_requested = Signal()
    remove_key_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        values: SettingsValues,
        key: KeyStatus,
        default_url: str,
        pages: Sequence[SettingsPage] = (),
    ) -> None:
        """``pages``: the features' own tabs (Destinations), shown after these; they act
        on their feature at once, whatever OK or Cancel."""
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setModal(True)
        self._default_url = default_url
        self._shown = values
        self._fixed_by = values.api_url_fixed_by
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        #: The editors of the ordinary rows, by the row's name (``editors["retries"]``).
        self.editors: dict[str, Editor[object]] = {}
        uploads = self._rows_box(translate("SettingsDialog", "Uploads"), Tab.GENERAL, values)
        sources = self._rows_box(
            translate("SettingsDialog", "Screenshots and other apps"), Tab.SOURCES, values
        )
        self._follow_server_switch()
        self.tabs.addTab(
            self._page(self._key_box(), uploads, sources, self._advanced_box(values)),
            translate("SettingsDialog", "&General"),
        )
        images = self._rows_box(translate("SettingsDialog", "Before upload"), Tab.IMAGES, values)
        self.tabs.addTab(self._page(images), translate("SettingsDialog", "&Images"))
        self.tabs.addTab(
            self._page(self._copying_box(values)), translate("SettingsDialog", "&Copying")
        )
        self.proxy = ProxyBox(values)
        self.tabs.addTab(self._page(self.proxy), translate("SettingsDialog", "&Network"))
        for title, make in pages:
            self.tabs.addTab(make(self), title)
        self.tabs.setUsesScrollButtons(False)  # the dialog is as wide as its tabs' titles
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

    def _rows_box(self, title: str, tab: Tab, values: SettingsValues) -> QGroupBox:
        """A box of ``tab``'s ordinary rows, made from the table."""
        box = QGroupBox(title)
        self.editors.update(add_rows(QFormLayout(box), tab, values))
        return box

    def _follow_server_switch(self) -> None:
        """The PicGo server's port and key are greyed out while the server is off."""
        switch = self.editors["picgo_server"]
        if isinstance(switch, QCheckBox):
            for name in ("picgo_port", "picgo_key"):
                editor = self.editors[name]
                if isinstance(editor, QWidget):
                    editor.setEnabled(switch.isChecked())
                    switch.toggled.connect(editor.setEnabled)

    def _copying_box(self, values: SettingsValues) -> QGroupBox:
        copying = QGroupBox(translate("SettingsDialog", "Copying"))
        copy_form = QFormLayout(copying)
        self.link_format = QComboBox()
        self._chosen_format = values.copy_format
        form_row(copy_form, _label(SettingsValues.copy_format), self.link_format)
        self.editors.update(add_rows(copy_form, Tab.COPYING, values))
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
        self.api_url.setToolTip(_tip(SettingsValues.api_url))
        form_row(advanced_form, _label(SettingsValues.api_url), self.api_url)
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
        self.language.setToolTip(_tip(SettingsValues.language))
        form_row(advanced_form, _label(SettingsValues.language), self.language)
        self.url_error = error_label(self)
        advanced_form.addRow(self.url_error)
        return advanced

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
            return Destination(self.api_url.text().strip() or self._default_url).url
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
        if self.proxy.show_problem():
            self.tabs.setCurrentIndex(3)
            self.proxy.url.setFocus()
            return
        text = self.api_url.text().strip()
        try:
            Destination(text or self._default_url)
        except ConfigurationError as exc:
            self.url_error.setText(str(exc))
            self.url_error.show()
            self.tabs.setCurrentIndex(0)
            self.api_url.setFocus()
            return
        self.accept()

    def values(self) -> SettingsValues:
        """What the dialog holds now: the values it was given, as edited."""
        text = self.api_url.text().strip()
        proxy_mode, proxy_url, proxy_password = self.proxy.chosen()
        return self._shown.replace(
            **{name: editor.value() for name, editor in self.editors.items()},
            api_url=Destination(text).url if text else "",
            copy_format=self._chosen_value(),
            language=str(self.language.currentData() or ""),
            proxy_mode=proxy_mode,
            proxy_url=proxy_url,
            proxy_password=proxy_password,
            templates=self.templates.templates(),
        )

    def _chosen_value(self) -> str:
        """The copy format chosen: a built-in's value, or a template's name (one still in
        the table); else URL."""
        value = self._chosen_format
        if value in {fmt.value for fmt in LinkFormat} or value in dict(self.templates.templates()):
            return value
        return LinkFormat.URL.value

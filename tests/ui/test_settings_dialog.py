"""The settings dialog on its own (``ui/settings/dialog.py``, ``rows.py``): its ordinary rows
are made from the settings table, every row with a tab is shown, and what it answers is
what it was given, as edited."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from uploader_gui.core.network.proxy import ProxyMode
from uploader_gui.ui.base.dialog_types import KeyStatus, SettingsValues
from uploader_gui.ui.base.setting_kinds import Flag, Limit, Number
from uploader_gui.ui.base.settings_table import ROWS, SettingsTable
from uploader_gui.ui.settings.dialog import SettingsDialog
from uploader_gui.ui.settings.rows import LimitBox

STATUS = KeyStatus("Key for api.example.test: not set.", "Test Keyring", True, False)
DEFAULT_URL = "https://api.example.test"
#: The rows with an editor of their own in the dialog.
BY_HAND = {"api_url", "language", "copy_format", "proxy_mode", "proxy_url"}
NOTE = "Changes apply to files not yet started."


def dialog_for(qtbot: QtBot, values: SettingsValues) -> SettingsDialog:
    dialog = SettingsDialog(None, values, STATUS, DEFAULT_URL)
    qtbot.addWidget(dialog)
    return dialog


def label_of(dialog: SettingsDialog, field: QWidget) -> str:
    (label,) = [child for child in dialog.findChildren(QLabel) if child.buddy() is field]
    return label.text()


def test_every_row_with_a_tab_is_shown_and_the_ordinary_ones_come_from_the_table(
    qtbot: QtBot,
) -> None:
    dialog = dialog_for(qtbot, SettingsValues())
    shown = {row.name for row in ROWS if row.tab is not None}
    assert set(dialog.editors) == shown - BY_HAND
    for row in ROWS:
        editor: Any = dialog.editors.get(row.name)
        if isinstance(row, Flag):
            assert isinstance(editor, QCheckBox)
            assert (editor.text(), editor.toolTip()) == (row.label, row.tip)
        elif isinstance(row, Number):
            assert isinstance(editor, QSpinBox)
            assert (editor.minimum(), editor.maximum()) == (row.low, row.high)
            assert (label_of(dialog, editor), editor.toolTip()) == (row.label, row.tip)
        elif isinstance(row, Limit):
            assert isinstance(editor, LimitBox)
            assert editor.check.text() == row.label
            assert (editor.spin.minimum(), editor.spin.maximum()) == (row.low, row.high)
            assert editor.spin.accessibleName() == row.accessible
    # The hand-made editors take their labels from the table too.
    assert label_of(dialog, dialog.api_url) == SettingsTable.api_url.label
    assert label_of(dialog, dialog.language) == SettingsTable.language.label
    assert label_of(dialog, dialog.link_format) == SettingsTable.copy_format.label
    assert label_of(dialog, dialog.proxy.url) == SettingsTable.proxy_url.label
    assert dialog.proxy.title() == SettingsTable.proxy_mode.label


def test_a_box_whose_rows_all_apply_to_files_not_yet_started_says_so(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, SettingsValues())
    noted = [
        box.title()
        for box in dialog.findChildren(QGroupBox)
        if any(label.text() == NOTE for label in box.findChildren(QLabel))
    ]
    assert noted == ["Before upload"]


def test_what_it_answers_is_what_it_was_given_as_edited(qtbot: QtBot) -> None:
    given = SettingsValues(
        api_url="https://other.example.test",
        concurrency=9,
        retries=0,
        reuse_duplicates=False,
        resume_unfinished=True,
        notifications=False,
        language="de",
        remove_metadata=False,
        convert_formats=False,
        max_side=1500,
        copy_format="wiki",
        auto_copy=False,
        proxy_mode=ProxyMode.MANUAL,
        proxy_url="http://bob@proxy.corp:3128",
        plain_password_ok=frozenset({"proxy.corp:3128"}),  # not shown: passed through
        templates=(("wiki", "[[{url}]]"),),
    )
    dialog = dialog_for(qtbot, given)
    assert dialog.values() == given
    retries, shrink = dialog.editors["retries"], dialog.editors["max_side"]
    assert isinstance(retries, QSpinBox)
    assert isinstance(shrink, LimitBox)
    retries.setValue(4)
    shrink.check.setChecked(False)
    assert dialog.values() == given.replace(retries=4, max_side=None)


def test_a_limit_turned_on_offers_its_suggestion(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, SettingsValues())
    shrink = dialog.editors["max_side"]
    assert isinstance(shrink, LimitBox)
    assert not shrink.spin.isEnabled()
    shrink.check.setChecked(True)
    assert shrink.spin.isEnabled()
    assert shrink.value() == SettingsTable.max_side.suggested == 2048

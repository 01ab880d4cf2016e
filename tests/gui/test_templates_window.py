"""Link templates in the window: typed and checked in Settings ▸ Copying, listed beside
the built-in formats, and used by Copy all, auto-copy and History's copy."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ScriptedDialogs, drop_files, make_window, shut, wait_finished
from tests.images import png_bytes, write
from uploader_gui.core.link_templates import load_templates, save_templates
from uploader_gui.core.links import Template
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsDialog, SettingsValues

STATUS = KeyStatus("Key for x: not set.", "GNOME Keyring (Secret Service)", True, False)
BODY = '"person_image": "{url}"'


def test_templates_are_checked_where_they_are_typed(qtbot: QtBot) -> None:
    values = SettingsValues(templates=(("body", BODY),))
    dialog = SettingsDialog(None, values, STATUS, "https://api.imagepipeline.io")
    qtbot.addWidget(dialog)
    combo = [dialog.link_format.itemText(i) for i in range(dialog.link_format.count())]
    assert combo == ["URL", "Markdown", "HTML", "BBCode", "JSON string", "body"]

    dialog.templates.add_button.click()
    table = dialog.templates.table
    assert table.rowCount() == 2

    def cell(row: int, column: int) -> QTableWidgetItem:
        item = table.item(row, column)
        assert item is not None
        return item

    assert cell(1, 1).text() == BODY  # a useful start
    cell(1, 1).setText("![]({filename})")
    assert not dialog.templates.error.isHidden()
    assert "must contain {url}" in dialog.templates.error.text()
    dialog._accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == 2

    cell(1, 1).setText("{url} {wdith}")
    assert dialog.templates.error.isHidden()  # a brace that opens no placeholder is literal…
    assert "{wdith} is not a placeholder" in dialog.templates.hint.text()  # …and pointed out
    cell(1, 0).setText("body")
    cell(1, 1).setText("<{url}>")
    assert "two templates are named" in dialog.templates.error.text()
    cell(1, 0).setText("angle")
    assert dialog.templates.error.isHidden()
    dialog.link_format.setCurrentIndex(dialog.link_format.findText("angle"))
    dialog._accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    chosen = dialog.values()
    assert chosen.templates == (("body", BODY), ("angle", "<{url}>"))
    assert chosen.copy_format == "angle"


def test_a_template_copies_every_link_and_history_too(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    save_templates({"body": BODY})
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    dialogs.settings_answer = SettingsValues(
        api_url=sandbox.url,
        concurrency=4,
        retries=3,
        auto_copy=True,
        copy_format="size",
        templates=(("body", BODY), ("size", "{url} {width}x{height} {name}.{ext}")),
    )
    window.registry[ActionId.SETTINGS].trigger()
    assert load_templates() == {"body": BODY, "size": "{url} {width}x{height} {name}.{ext}"}
    assert window.top_bar.format_combo.currentText() == "size"
    assert [window.top_bar.format_combo.itemText(i) for i in range(7)][-2:] == ["body", "size"]

    files = [
        write(tmp_path / "wide.png", png_bytes(40, 10, seed=1)),
        write(tmp_path / "tall.png", png_bytes(5, 30, seed=2)),
    ]
    drop_files(window, files)
    items = wait_finished(qtbot, window, 2)
    # Auto-copy: one line per image, in the drop's order.
    expected = [f"{items[0].url} 40x10 wide.png", f"{items[1].url} 5x30 tall.png"]
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text().splitlines() == expected)

    window.links.set_format(Template("body", BODY))
    window.registry[ActionId.COPY_ALL].trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert [json.loads("{" + line + "}")["person_image"] for line in lines] == [
        items[0].url,
        items[1].url,
    ]
    # History keeps what a template needs: the size of the picture sent (schema 7).
    window.tabs.setCurrentIndex(1)
    model = window.history_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    entries = [model.entry_at(row) for row in range(2)]
    window.links.set_format(Template("size", "{url} {width}x{height} {name}.{ext}"))
    assert window.links.copy_entries(entries) == 2
    assert sorted(QGuiApplication.clipboard().text().splitlines()) == sorted(expected)
    shut(qtbot, window)

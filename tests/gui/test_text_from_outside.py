"""Text from outside is shown as text: a server's error, a file's name, a path.

Qt guesses whether a label's or a tooltip's text is markup. A 500 reply that says
``<h1>Your key expired</h1><a href=…>Renew it here</a>`` must show those characters, not a
heading and a link; a file named ``<font size=7 color=red>HUGE.png`` must not render in its
tooltip; a right-to-left override in a name must not reverse the text around it.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests import hostile_server as hs
from tests.gui.conftest import ScriptedDialogs, drop_files, send_as_is, wait_finished
from tests.images import png_bytes, write
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.destination.key_dialog import KeyDialog
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsDialog, SettingsValues

HTML = "<h1>Your key expired</h1><a href='https://evil.example'>Renew it here</a>"
FSI, PDI = "\u2068", "\u2069"


def labels_of(widget: QWidget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if label.text()]


def test_every_label_of_the_window_and_its_dialogs_shows_plain_text(window: MainWindow) -> None:
    values = SettingsValues(templates=(("body", "{url}"),))
    status = KeyStatus("", "GNOME Keyring (Secret Service)", True, True)
    dialogs: list[QDialog] = [
        SettingsDialog(window, values, status, "https://api.imagepipeline.io"),
        KeyDialog(window, "api.imagepipeline.io", reason=HTML, backend="GNOME Keyring"),
    ]
    found = labels_of(window) + [label for dialog in dialogs for label in labels_of(dialog)]
    assert len(found) > 10
    markup = [label.text() for label in found if label.textFormat() != Qt.TextFormat.PlainText]
    assert markup == []
    for dialog in dialogs:
        dialog.deleteLater()


def test_the_key_check_shows_the_server_s_words_as_they_are(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = json.dumps({"detail": HTML}).encode()
    with hs.HostileServer(hs.reply(500, body)) as server:
        window.keys.set_api_url(server.url)
        dialog = KeyDialog(window, "127.0.0.1", backend="Test", tester=window.keys.test_key)
        qtbot.addWidget(dialog)
        dialog.edit.setText("some-key")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "Renew it here" in dialog.check_label.text(), timeout=10_000)
    assert dialog.check_label.textFormat() == Qt.TextFormat.PlainText
    assert HTML in dialog.check_label.text()  # every character, none of it markup


def test_names_in_tooltips_are_text_and_isolated(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    send_as_is(window)
    loud = write(tmp_path / "<font size=7 color=red>HUGE.png", png_bytes(seed=1))
    turned = write(tmp_path / "photo-\u202egnp.exe.png", png_bytes(seed=2))
    drop_files(window, [loud, turned])
    wait_finished(qtbot, window, 2)
    model = window.model
    tips = [str(model.data(model.index(row), Qt.ItemDataRole.ToolTipRole)) for row in range(2)]
    for tip in tips:
        assert "<font" not in tip  # escaped: &lt;font …
    assert any("&lt;font size=7 color=red&gt;HUGE.png" in tip for tip in tips)
    assert any(f"{FSI}{turned}{PDI}" in tip for tip in tips)  # the override ends with the name

    window.registry[ActionId.SHOW_HISTORY].trigger()
    history = window.history_page.model
    qtbot.waitUntil(lambda: history.rowCount() == 2)
    tips = [str(history.data(history.index(r), Qt.ItemDataRole.ToolTipRole)) for r in range(2)]
    assert all("<font" not in tip for tip in tips)
    assert any(f"{FSI}{turned.name}{PDI}" in tip for tip in tips)
    spoken = [
        str(history.data(history.index(r), Qt.ItemDataRole.AccessibleTextRole)) for r in range(2)
    ]
    assert any(loud.name in text for text in spoken)  # screen readers get the plain name

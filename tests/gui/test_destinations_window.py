"""A custom destination in the real window, against a real sandbox host that wants a bearer
token: imported in Settings ▸ Destinations, its token moved to the keyring and written in no
file, chosen with "Upload to", uploaded to; Test shows the status and what each reader found
(and which step found nothing); exported with and without its secret and imported again
equal. The GUI thread never touches the keyring or the network meanwhile."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.gui.conftest import ScriptedDialogs, drop_files, make_window, shut, wait_finished
from tests.gui.thread_guard import (
    GuiThreadGuard,
    gui_thread_guard_fixture,  # noqa: F401  (the gui_thread_guard fixture)
)
from tests.images import png_bytes, write
from uploader_gui.core.credentials import SERVICE
from uploader_gui.core.destinations.store import destinations_path, secret_user
from uploader_gui.core.destinations.sxcu import parse_sxcu
from uploader_gui.core.destinations.uploader import Field, Section
from uploader_gui.sandbox import SandboxServer
from uploader_gui.sandbox.hosts import HostsAuth
from uploader_gui.ui.destination.editor import DestinationEditor
from uploader_gui.ui.destination.picker import DestinationPicker
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.settings.destinations_tab import DestinationsTab
from uploader_gui.ui.settings.dialog import SettingsDialog

TOKEN = "Bearer T-0123456789"
AUTH: Field = (Section.HEADERS, "Authorization")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    (tmp_path / "server").mkdir()
    auth = HostsAuth(headers={"Authorization": TOKEN})
    with SandboxServer(hosts=auth, storage_dir=tmp_path / "server") as running:
        yield running


@pytest.fixture
def window(qtbot: QtBot, server: SandboxServer, dialogs: ScriptedDialogs) -> Iterator[MainWindow]:
    win = make_window(qtbot, server.url, dialogs)
    win.keys.use_key(server.url, server.key)
    yield win
    shut(qtbot, win)


def destinations_page(window: MainWindow, dialogs: ScriptedDialogs) -> DestinationsTab:
    """Settings as the app opens it, with the features' pages; its Destinations tab."""
    preferences = window.parts.preferences
    dialog = SettingsDialog(
        window,
        preferences.current(),
        window.keys.status(),
        window.keys.api_url,
        dialogs.settings_pages,
    )
    page = dialog.tabs.widget(dialog.tabs.count() - 1)
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "&Destinations"
    assert isinstance(page, DestinationsTab)
    return page


def uploader_file(folder: Path, server: SandboxServer) -> Path:
    path = folder / "Sandbox host.sxcu"
    document = {
        "Version": "17.0.0",
        "Name": "Sandbox host",
        "DestinationType": "ImageUploader",
        "RequestMethod": "POST",
        "RequestURL": f"{server.url}/hosts/nested-json",
        "Headers": {"Authorization": TOKEN, "X-Client": "tests"},
        "Body": "MultipartFormData",
        "FileFormName": "file",
        "URL": "{json:data.link}",
        "ThumbnailURL": "{json:data.thumb.url}",
        "DeletionURL": "{json:data.delete_url}",
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def files_holding(text: str) -> list[Path]:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    return [path for path in config.rglob("*") if path.is_file() and text in path.read_text()]


def import_through(
    qtbot: QtBot,
    window: MainWindow,
    tab: DestinationsTab,
    dialogs: ScriptedDialogs,
    path: Path,
    count: int,
) -> str:
    """Import ``path`` (yes to adding it, no to uploading there at once); the new key."""
    dialogs.open_file_answer = path
    dialogs.confirm_answers = [True, False]
    tab.import_button.click()
    book = window.parts.book
    qtbot.waitUntil(lambda: len(book.items) == count)
    return book.items[-1].key


def keyring_value(keyring: MemoryKeyring, key: str) -> str | None:
    return keyring.secrets.get((SERVICE, secret_user(key, AUTH)))


def test_an_imported_destination_is_chosen_uploaded_to_tested_and_exported(
    qtbot: QtBot,
    window: MainWindow,
    server: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    gui_thread_guard: GuiThreadGuard,
    tmp_path: Path,
) -> None:
    tab = destinations_page(window, dialogs)
    book = window.parts.book

    # Imported: asked first, its token to the keyring and into no file.
    key = import_through(qtbot, window, tab, dialogs, uploader_file(tmp_path, server), 1)
    assert "Kept in the keyring, never in a file: Headers Authorization." in dialogs.confirms[0]
    assert TOKEN not in dialogs.confirms[0]
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, key) == TOKEN)
    window.queue.settings.sync()
    assert destinations_path().exists()
    assert files_holding(TOKEN) == []
    # The tab lists it when the book says so: after the keyring's worker has reported back
    # on this thread (the value above is in the keyring a moment before that).
    qtbot.waitUntil(lambda: tab.current_key() == key)

    # Chosen with "Upload to", right after Paste.
    picker = window.top_bar.picker
    assert isinstance(picker, DestinationPicker)
    combo: QComboBox = picker.combo
    assert window.top_bar.paste_button.nextInFocusChain() is combo
    assert combo.itemText(1) == f"\u2068Sandbox host\u2069 — \u2068{server.url[7:]}\u2069"
    combo.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: window.keys.access is not None and window.keys.access.destination.key == key
    )
    assert combo.currentIndex() == 1

    # Dropped files go there, with the token from the keyring; the link is the host's.
    assert server.hosts is not None
    drop_files(window, [write(tmp_path / "cat.png", png_bytes(seed=3))])
    (item,) = wait_finished(qtbot, window, 1)
    (upload,) = server.hosts.uploads
    assert item.url == upload.url
    assert item.url.startswith(f"{server.url}/hosts/f/")
    sent = [r for r in server.hosts.requests if r.path.endswith("/hosts/nested-json")]
    assert sent[-1].headers["authorization"] == TOKEN

    # Test, from the editor Edit… opens: the keyring's token, each reader's steps.
    tab.list.setCurrentRow(1)
    tab.edit_button.click()
    qtbot.waitUntil(lambda: len(dialogs.destination_edits) == 1)
    uploader, known, tester = dialogs.destination_edits[0]
    assert uploader == book.items[0].uploader
    assert known == {AUTH}
    editor = DestinationEditor(tab, uploader, known, tester)
    qtbot.addWidget(editor)
    view = editor.trial

    def tested(start: str) -> None:
        editor.test_button.click()
        qtbot.waitUntil(lambda: view.verdict.text().startswith(start), timeout=10_000)

    tested("✓ An upload would give URL ")
    assert view.status.text() == "HTTP status 200"
    link = server.hosts.uploads[-1].url
    assert view.verdict.text().splitlines()[0] == f"✓ An upload would give URL {link}"
    readings = [view.readings.topLevelItem(i) for i in range(view.readings.topLevelItemCount())]
    assert [(r.text(0), r.text(2)) for r in readings if r is not None] == [
        ("URL", link),
        ("Thumbnail URL", server.hosts.uploads[-1].thumbnail_url),
        ("Deletion URL", server.hosts.uploads[-1].delete_url),
    ]
    assert '"link"' in view.reply.toPlainText()

    # A wrong path: which function found nothing, and why, in a reader of several.
    editor.form.readers["URL"].setText("{json:data.link}?from={json:data.lnk}")
    tested("✓ An upload would give URL ")  # (an empty part is no failure)
    link = server.hosts.uploads[-1].url
    first = view.readings.topLevelItem(0)
    assert first is not None
    assert (first.text(0), first.text(2)) == ("URL", f"{link}?from=")
    children = [first.child(i) for i in range(first.childCount())]
    steps = [(child.text(1), child.text(2)) for child in children if child is not None]
    assert steps == [
        ("{json:data.link}", link),
        ("{json:data.lnk}", "✗ the JSON has nothing at data.lnk"),
    ]
    editor.form.readers["URL"].setText("{json:data.lnk}")
    tested("✗ An upload would fail")
    first = view.readings.topLevelItem(0)
    assert first is not None
    assert (first.text(1), first.text(2)) == (
        "{json:data.lnk}",
        "✗ the JSON has nothing at data.lnk",
    )

    editor.form.readers["URL"].setText("{json:data.link}")
    editor.form.tables[Section.HEADERS].cells(0)[1].setText("Bearer WRONG")
    tested("✗ An upload would fail")
    assert view.status.text() == "HTTP status 401"
    editor.reject()
    assert book.items[0].uploader == uploader  # the editor changed nothing

    # Exported without the token, then with it; the second imports back equal.
    without, with_secret = tmp_path / "without.sxcu", tmp_path / "with.sxcu"
    for answer, path in ((0, without), (1, with_secret)):
        dialogs.choose_answers = [answer]
        dialogs.save_answer = path
        tab.export_button.click()
        qtbot.waitUntil(path.exists)
    assert json.loads(without.read_text())["Headers"] == {"Authorization": "", "X-Client": "tests"}
    assert json.loads(with_secret.read_text())["Headers"]["Authorization"] == TOKEN
    assert parse_sxcu(with_secret.read_bytes()).uploader == uploader
    again = import_through(qtbot, window, tab, dialogs, with_secret, 2)
    assert book.find(again) is not None
    assert book.items[1].uploader == uploader
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, again) == TOKEN)
    assert files_holding(TOKEN) == []
    gui_thread_guard.check()


def test_in_sandbox_mode_upload_to_is_the_sandbox(
    qtbot: QtBot, server: SandboxServer, dialogs: ScriptedDialogs
) -> None:
    window = make_window(qtbot, server.url, dialogs)
    try:
        window.parts.sandbox.start()
        picker = window.top_bar.picker
        assert isinstance(picker, DestinationPicker)
        assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == ["Sandbox"]
        assert not picker.combo.isEnabled()
        assert "without --sandbox" in picker.combo.toolTip()
        focus: list[QWidget] = window.top_bar.focus_chain()
        assert focus.index(picker.combo) == 2
    finally:
        shut(qtbot, window)

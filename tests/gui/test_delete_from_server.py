"""Delete from Server…: the window against the sandbox's test hosts, a custom destination
with a deletion request (the request is sent with its secret, only after a yes) and one
without (its deletion page opens in the browser), from the History tab and from the
Uploads tab."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.gui.conftest import (
    ScriptedDialogs,
    drop_files,
    make_window,
    send_as_is,
    settle,
    shut,
    wait_finished,
)
from tests.images import png_bytes, write
from uploader_gui.core.credentials import SERVICE
from uploader_gui.core.destinations.store import secret_user
from uploader_gui.core.destinations.sxcu import parse_sxcu
from uploader_gui.core.destinations.uploader import Section
from uploader_gui.core.history import HistoryEntry
from uploader_gui.sandbox import HostsAuth, SandboxServer
from uploader_gui.sandbox.hosts import HostRequest
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.history.view import describe
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.model import UploadItem

TOKEN = "Bearer T-upload-secret"
DELETE_KEY = "D-delete-secret"
DELETE_FIELD = (Section.DELETION_HEADERS, "X-Delete-Key")


@pytest.fixture
def hosts(tmp_path: Path) -> Iterator[SandboxServer]:
    """Test hosts that take uploads with one credential and delete with another."""
    auth = HostsAuth(
        headers={"Authorization": TOKEN},
        delete_method="DELETE",
        delete_headers={"X-Delete-Key": DELETE_KEY},
    )
    (tmp_path / "hosts").mkdir()
    with SandboxServer(storage_dir=tmp_path / "hosts", hosts=auth) as server:
        yield server


def sxcu(server: SandboxServer, *, deletion: str | None) -> bytes:
    """A ``.sxcu`` for the nested-JSON host; ``deletion``: the deletion request's key."""
    document: dict[str, object] = {
        "Version": "17.0.0",
        "Name": "Test Host",
        "DestinationType": "ImageUploader",
        "RequestMethod": "POST",
        "RequestURL": f"{server.url}/hosts/nested-json",
        "Headers": {"Authorization": TOKEN},
        "Body": "MultipartFormData",
        "FileFormName": "file",
        "URL": "{json:data.link}",
        "DeletionURL": "{json:data.delete_url}",
    }
    if deletion is not None:
        document["DeletionRequest"] = {"Method": "DELETE", "Headers": {"X-Delete-Key": deletion}}
    return json.dumps(document).encode()


def open_custom(
    qtbot: QtBot, server: SandboxServer, dialogs: ScriptedDialogs, data: bytes
) -> MainWindow:
    """The window uploading to the destination ``data`` describes (secrets in the keyring)."""
    window = make_window(qtbot, server.url, dialogs)
    send_as_is(window)
    imported = parse_sxcu(data)
    book = window.parts.book
    key = book.save(None, imported.uploader, imported.secrets)
    window.parts.choice.choose(key)
    qtbot.waitUntil(lambda: window.queue.has_key and window.keys.custom is not None)
    return window


def upload(qtbot: QtBot, window: MainWindow, path: Path, count: int = 1) -> UploadItem:
    drop_files(window, [path])
    item = wait_finished(qtbot, window, count)[-1]
    assert item.url is not None, item.error
    return item


def history_entry(qtbot: QtBot, window: MainWindow, row: int = 0) -> HistoryEntry:
    """Show the History tab and select ``row`` (the newest first)."""
    window.registry[ActionId.SHOW_HISTORY].trigger()
    model = window.history_page.model
    qtbot.waitUntil(lambda: model.rowCount() > row and model.entry_at(row).url is not None)
    view = window.history_page.panel.view
    view.setCurrentIndex(model.index(row, 0))
    return model.entry_at(row)


def delete_action(window: MainWindow) -> bool:
    """Whether Delete from Server… is offered (enabled, and in the list's context menu)."""
    action = window.registry[ActionId.DELETE_FROM_SERVER]
    menus = [window.history_page.panel.view.actions(), window.uploads.view.actions()]
    assert all(action in menu for menu in menus)
    return action.isEnabled()


def deletions(server: SandboxServer) -> list[HostRequest]:
    """The requests the deletion route received."""
    assert server.hosts is not None
    return [r for r in server.hosts.requests if r.path.startswith("/hosts/delete/")]


def test_the_declared_request_deletes_the_file_and_history_says_so(
    qtbot: QtBot,
    hosts: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    window = open_custom(qtbot, hosts, dialogs, sxcu(hosts, deletion=DELETE_KEY))
    key = window.keys.custom.key if window.keys.custom is not None else ""
    assert memory_keyring.secrets[(SERVICE, secret_user(key, DELETE_FIELD))] == DELETE_KEY
    item = upload(qtbot, window, write(tmp_path / "gone.png", png_bytes(seed=41)))
    assert item.deletion_url is not None
    assert httpx.get(item.url or "").status_code == 200

    entry = history_entry(qtbot, window)
    assert entry.deletion_url == item.deletion_url
    qtbot.waitUntil(lambda: delete_action(window))
    window.registry[ActionId.DELETE_FROM_SERVER].trigger()
    assert dialogs.confirms[-1] == (
        f"Delete gone.png from {window.keys.custom.host if window.keys.custom else ''}? "
        "Its link stops working."
    )

    # The sandbox received the declared DELETE, with the deletion credential from the keyring.
    qtbot.waitUntil(lambda: len(deletions(hosts)) == 1)
    (request,) = deletions(hosts)
    assert request.method == "DELETE"
    assert request.headers["x-delete-key"] == DELETE_KEY
    assert request.status == 200
    assert httpx.get(item.url or "").status_code == 404

    # History shows it deleted, and Delete is no longer offered; the Uploads row follows.
    model = window.history_page.model
    qtbot.waitUntil(lambda: model.entry_at(0).deleted_at is not None)
    assert "Deleted from the server on" in describe(model.entry_at(0))
    qtbot.waitUntil(lambda: window.history_page.has_selection())
    assert not delete_action(window)
    assert item.deleted
    assert item.status_text() == "Deleted from the server"
    assert window.statusBar().currentMessage().startswith("Deleted gone.png from ")

    # Its dead link is not copied.
    QGuiApplication.clipboard().setText("before")
    window.registry[ActionId.COPY].trigger()
    assert QGuiApplication.clipboard().text() == "before"
    assert "deleted from the server" in window.statusBar().currentMessage()
    assert dialogs.informed == []
    shut(qtbot, window)


def test_a_wrong_credential_marks_nothing_and_says_why(
    qtbot: QtBot,
    hosts: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    window = open_custom(qtbot, hosts, dialogs, sxcu(hosts, deletion="D-wrong"))
    item = upload(qtbot, window, write(tmp_path / "kept.png", png_bytes(seed=42)))
    history_entry(qtbot, window)
    qtbot.waitUntil(lambda: delete_action(window))
    window.registry[ActionId.DELETE_FROM_SERVER].trigger()

    qtbot.waitUntil(lambda: len(dialogs.informed) == 1)
    assert dialogs.informed[0].startswith("Not deleted from ")
    assert "kept.png: " in dialogs.informed[0]
    assert "refused" in dialogs.informed[0]
    assert "D-wrong" not in dialogs.informed[0]
    assert [r.headers["x-delete-key"] for r in deletions(hosts)] == ["D-wrong"]
    assert httpx.get(item.url or "").status_code == 200
    settle(qtbot, window)
    assert window.history_page.model.entry_at(0).deleted_at is None
    assert not item.deleted
    assert delete_action(window)  # still offered: it is still there
    shut(qtbot, window)


def test_declining_sends_nothing(
    qtbot: QtBot,
    hosts: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    window = open_custom(qtbot, hosts, dialogs, sxcu(hosts, deletion=DELETE_KEY))
    item = upload(qtbot, window, write(tmp_path / "stays.png", png_bytes(seed=43)))
    window.uploads.view.setCurrentIndex(window.model.index_of(item.id))
    qtbot.waitUntil(lambda: delete_action(window))
    dialogs.confirm_answer = False
    window.registry[ActionId.DELETE_FROM_SERVER].trigger()
    settle(qtbot, window)
    assert len(dialogs.confirms) == 1
    assert deletions(hosts) == []
    assert not item.deleted
    shut(qtbot, window)


def test_from_the_uploads_tab_the_row_is_deleted_and_history_follows(
    qtbot: QtBot,
    hosts: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    window = open_custom(qtbot, hosts, dialogs, sxcu(hosts, deletion=DELETE_KEY))
    item = upload(qtbot, window, write(tmp_path / "row.png", png_bytes(seed=44)))
    window.uploads.view.setCurrentIndex(window.model.index_of(item.id))
    qtbot.waitUntil(lambda: delete_action(window))
    window.registry[ActionId.DELETE_FROM_SERVER].trigger()
    qtbot.waitUntil(lambda: item.deleted)
    assert httpx.get(item.url or "").status_code == 404
    assert not delete_action(window)

    # Copy leaves the clipboard alone; the History tab shows it deleted.
    QGuiApplication.clipboard().setText("before")
    window.registry[ActionId.COPY].trigger()
    assert QGuiApplication.clipboard().text() == "before"
    entry = history_entry(qtbot, window)
    qtbot.waitUntil(lambda: window.history_page.model.entry_at(0).deleted_at is not None)
    assert entry.url == item.url

    # The same bytes again are uploaded anew: the deleted file is never reused.
    again = upload(qtbot, window, write(tmp_path / "row again.png", png_bytes(seed=44)), 2)
    assert not again.reused
    assert again.url != item.url
    assert httpx.get(again.url or "").status_code == 200
    shut(qtbot, window)


class UrlCatcher(QObject):
    """Where QDesktopServices hands the URLs it is asked to open (no browser starts)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    for scheme in ("http", "https"):
        # (PySide6 takes the method's name as str, whatever its stubs say.)
        QDesktopServices.setUrlHandler(scheme, catcher, "open")  # type: ignore[arg-type]
    yield catcher
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_without_a_declared_request_the_deletion_page_opens_and_it_is_marked(
    qtbot: QtBot,
    hosts: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    browser: UrlCatcher,
    tmp_path: Path,
) -> None:
    window = open_custom(qtbot, hosts, dialogs, sxcu(hosts, deletion=None))
    item = upload(qtbot, window, write(tmp_path / "page.png", png_bytes(seed=45)))
    entry = history_entry(qtbot, window)
    qtbot.waitUntil(lambda: delete_action(window))
    window.registry[ActionId.DELETE_FROM_SERVER].trigger()

    assert dialogs.confirms[-1] == (
        "Open the deletion page of page.png in your browser? uploader-gui marks it as deleted."
    )
    assert browser.opened == [entry.deletion_url]
    model = window.history_page.model
    qtbot.waitUntil(lambda: model.entry_at(0).deleted_at is not None)
    assert item.deleted
    qtbot.waitUntil(lambda: window.history_page.has_selection())
    assert not delete_action(window)
    # uploader-gui itself sent nothing: the page asks the person (and the file is there).
    assert deletions(hosts) == []
    assert httpx.get(item.url or "").status_code == 200
    shut(qtbot, window)

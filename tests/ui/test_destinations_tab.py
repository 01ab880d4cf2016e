"""Settings ▸ Destinations (``ui/settings/destinations_tab.py``) and "Upload to"
(``ui/destination/picker.py``) without a window: a real book, choice, key controller and
pools, scripted dialogs and an in-memory keyring. Each button acts on the book at once;
secrets go to the keyring and come back from it only when asked for; Test sends with the
secrets typed, else the keyring's, to a real sandbox host."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.ui.helpers import FAST, ScriptedDialogs
from uploader_gui.core.credentials import SERVICE, Credentials
from uploader_gui.core.destination import SANDBOX, Destination
from uploader_gui.core.destinations.store import (
    Stored,
    load_destinations,
    new_key,
    save_destinations,
    secret_user,
)
from uploader_gui.core.destinations.sxcu import parse_sxcu
from uploader_gui.core.destinations.uploader import Field, Section, Uploader
from uploader_gui.sandbox import SandboxServer
from uploader_gui.sandbox.hosts import HostsAuth
from uploader_gui.ui.base.destination_types import EditedDestination, TrialOutcome
from uploader_gui.ui.base.report import Report
from uploader_gui.ui.base.workers import Workers
from uploader_gui.ui.destination.book import DestinationBook
from uploader_gui.ui.destination.choice import DestinationChoice
from uploader_gui.ui.destination.jobs import DestinationJobs
from uploader_gui.ui.destination.keys import KeyController
from uploader_gui.ui.destination.picker import DestinationPicker
from uploader_gui.ui.notices.bar import NoticeBar
from uploader_gui.ui.settings.destinations_tab import DestinationsTab
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import UploadListModel
from uploader_gui.ui.uploads.queue import UploadQueue

API_URL = "https://api.example.test"
AUTH: Field = (Section.HEADERS, "Authorization")
HOST = Uploader(
    "Host",
    "https://img.example.test/api/upload",
    headers=(("Authorization", ""),),
    file_form_name="image",
    url="{json:data.link}",
    secrets=frozenset({AUTH}),
)


@dataclass
class Setup:
    tab: DestinationsTab
    book: DestinationBook
    choice: DestinationChoice
    keys: KeyController
    settings: Settings
    jobs: DestinationJobs
    statuses: list[str]


@pytest.fixture
def setup(
    qtbot: QtBot,
    host: QWidget,
    workers: Workers,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> Iterator[Setup]:
    settings = Settings()
    owner: list[KeyController] = []
    queue = UploadQueue(
        UploadListModel(parent=host),
        workers,
        settings,
        None,
        host,
        retry_policy=FAST,
        access=lambda: owner[0].access,
    )
    report = Report(NoticeBar(host), dialogs)
    credentials = Credentials(env={})
    keys = KeyController(queue, credentials, dialogs, report, workers, API_URL, host)
    owner.append(keys)
    book = DestinationBook(credentials, keys.keyring, workers.pool("files", 1), report, host)
    choice = DestinationChoice(settings, book, keys, host)
    jobs = DestinationJobs(book, queue.clients, workers.pool("destinations", 2))
    tab = DestinationsTab(book, choice, jobs, dialogs, report, host)
    statuses: list[str] = []
    report.status_shown.connect(lambda text, _ms: statuses.append(text))
    yield Setup(tab, book, choice, keys, settings, jobs, statuses)
    keys.close()
    queue.shutdown()


def keyring_value(keyring: MemoryKeyring, key: str, field: Field) -> str | None:
    return keyring.secrets.get((SERVICE, secret_user(key, field)))


def listed(tab: DestinationsTab) -> list[str]:
    return [tab.list.item(row).text() for row in range(tab.list.count())]


def add_host(setup: Setup, keyring: MemoryKeyring, qtbot: QtBot) -> str:
    key = setup.book.save(None, HOST, {AUTH: "Bearer T"})
    qtbot.waitUntil(lambda: keyring_value(keyring, key, AUTH) == "Bearer T")
    return key


def test_imagepipeline_comes_first_and_is_built_in(setup: Setup) -> None:
    tab = setup.tab
    assert listed(tab) == ["\u2068ImagePipeline\u2069 — \u2068api.example.test\u2069 (in use)"]
    assert tab.current_key() == ""
    assert "General tab" in tab.detail.text()
    for button in (tab.edit_button, tab.duplicate_button, tab.export_button, tab.remove_button):
        assert not button.isEnabled()
    assert tab.add_button.isEnabled()
    assert tab.import_button.isEnabled()


def test_add_saves_at_once_with_the_secret_in_the_keyring(
    qtbot: QtBot, setup: Setup, dialogs: ScriptedDialogs, memory_keyring: MemoryKeyring
) -> None:
    dialogs.destination_answers = [EditedDestination(HOST, {AUTH: "Bearer T"})]
    setup.tab.add_button.click()
    ((uploader, known, _tester),) = dialogs.destination_edits
    assert (uploader, known) == (None, frozenset())
    (stored,) = setup.book.items
    assert stored.uploader == HOST
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, stored.key, AUTH) == "Bearer T")
    assert listed(setup.tab)[1] == "\u2068Host\u2069 — \u2068img.example.test\u2069"
    assert setup.tab.current_key() == stored.key  # what was just added is selected
    assert setup.tab.detail.text() == (
        "Uploads go to https://img.example.test/api/upload\n"
        "Kept in the keyring: header Authorization."
    )
    assert setup.statuses[-1] == "Saved the destination Host"


def test_edit_keeps_the_secrets_not_typed_and_replaces_the_typed_ones(
    qtbot: QtBot, setup: Setup, dialogs: ScriptedDialogs, memory_keyring: MemoryKeyring
) -> None:
    key = add_host(setup, memory_keyring, qtbot)
    setup.tab.list.setCurrentRow(1)
    renamed = Uploader(**{**HOST.__dict__, "name": "Renamed"})
    dialogs.destination_answers = [EditedDestination(renamed, {})]
    setup.tab.edit_button.click()
    qtbot.waitUntil(lambda: len(dialogs.destination_edits) == 1)  # after the keyring's answer
    _uploader, known, _tester = dialogs.destination_edits[0]
    assert known == {AUTH}
    assert setup.book.find(key) is not None
    qtbot.waitUntil(lambda: setup.book.items[0].uploader.name == "Renamed")
    assert keyring_value(memory_keyring, key, AUTH) == "Bearer T"

    dialogs.destination_answers = [EditedDestination(renamed, {AUTH: "Bearer NEW"})]
    setup.tab.edit_button.click()
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, key, AUTH) == "Bearer NEW")


def test_import_asks_first_then_adds_and_a_refused_file_says_why(
    qtbot: QtBot,
    setup: Setup,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.sxcu"
    bad.write_text(json.dumps({"Name": "Bad", "RequestURL": "ftp://x.test/", "Body": "Binary"}))
    dialogs.open_file_answer = bad
    setup.tab.import_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.informed))
    assert "RequestURL: is not an http:// or https:// address" in dialogs.informed[0]
    assert setup.book.items == []

    good = tmp_path / "good.sxcu"
    document = {
        "Name": "Good",
        "RequestURL": "https://img.example.test/up",
        "Body": "MultipartFormData",
        "FileFormName": "file",
        "Headers": {"Authorization": "Bearer G"},
        "URL": "{json:link}",
    }
    good.write_text(json.dumps(document))
    dialogs.open_file_answer = good
    dialogs.confirm_answer = False
    setup.tab.import_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.confirms))
    assert "Good" in dialogs.confirms[0]
    assert "img.example.test" in dialogs.confirms[0]
    assert "Headers Authorization" in dialogs.confirms[0]  # what goes to the keyring
    assert setup.book.items == []  # "no" adds nothing

    dialogs.confirm_answer = True
    setup.tab.import_button.click()
    qtbot.waitUntil(lambda: len(setup.book.items) == 1)
    key = setup.book.items[0].key
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, key, AUTH) == "Bearer G")
    assert setup.tab.current_key() == key


def test_export_leaves_the_secrets_out_unless_asked(
    qtbot: QtBot,
    setup: Setup,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    add_host(setup, memory_keyring, qtbot)
    setup.tab.list.setCurrentRow(1)
    dialogs.choose_answers = [None]
    dialogs.save_answer = tmp_path / "never.sxcu"
    setup.tab.export_button.click()
    assert "anyone who has the file can upload as you" in dialogs.choices[0]
    assert not (tmp_path / "never.sxcu").exists()  # cancelled

    for answer, name, expected in ((0, "without.sxcu", ""), (1, "with.sxcu", "Bearer T")):
        dialogs.choose_answers = [answer]
        dialogs.save_answer = tmp_path / name
        setup.tab.export_button.click()
        qtbot.waitUntil((tmp_path / name).exists)
        written = json.loads((tmp_path / name).read_text())
        assert written["Headers"] == {"Authorization": expected}
        assert parse_sxcu((tmp_path / name).read_bytes()).uploader == HOST
    assert (tmp_path / "with.sxcu").stat().st_mode & 0o077 == 0  # for the user alone
    assert setup.statuses[-1].endswith("with.sxcu, with its secrets")


def test_duplicate_copies_the_secrets_and_remove_deletes_them_after_asking(
    qtbot: QtBot, setup: Setup, dialogs: ScriptedDialogs, memory_keyring: MemoryKeyring
) -> None:
    key = add_host(setup, memory_keyring, qtbot)
    setup.tab.list.setCurrentRow(1)
    setup.tab.duplicate_button.click()
    assert [item.uploader.name for item in setup.book.items] == ["Host", "Host (copy)"]
    copy = setup.book.items[1].key
    assert setup.tab.current_key() == copy
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, copy, AUTH) == "Bearer T")

    setup.tab.list.setCurrentRow(1)
    dialogs.confirm_answer = False
    setup.tab.remove_button.click()
    assert "deleted from the keyring: header Authorization" in dialogs.confirms[-1]
    assert len(setup.book.items) == 2
    dialogs.confirm_answer = True
    setup.tab.remove_button.click()
    assert [item.key for item in setup.book.items] == [copy]
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, key, AUTH) is None)
    assert keyring_value(memory_keyring, copy, AUTH) == "Bearer T"


def test_the_picker_follows_the_book_and_its_choice_is_kept(
    qtbot: QtBot, setup: Setup, memory_keyring: MemoryKeyring
) -> None:
    picker = DestinationPicker(setup.choice, setup.keys)
    qtbot.addWidget(picker)
    assert picker.combo.count() == 1
    assert picker.combo.accessibleName() == "Upload to"
    assert picker.label.buddy() is picker.combo
    key = add_host(setup, memory_keyring, qtbot)
    items = [picker.combo.itemText(i) for i in range(picker.combo.count())]
    assert items == [
        "\u2068ImagePipeline\u2069 — \u2068api.example.test\u2069",
        "\u2068Host\u2069 — \u2068img.example.test\u2069",
    ]
    picker.combo.setCurrentIndex(1)
    assert setup.settings.destination == key
    assert setup.keys.custom is not None
    assert setup.keys.custom.key == key
    setup.book.remove(key)
    assert picker.combo.count() == 1
    assert picker.combo.currentIndex() == 0
    assert setup.keys.custom is None


def test_in_sandbox_mode_the_picker_shows_the_sandbox_disabled(qtbot: QtBot, setup: Setup) -> None:
    picker = DestinationPicker(setup.choice, setup.keys)
    qtbot.addWidget(picker)
    setup.keys.use_key(Destination("http://127.0.0.1:9", name=SANDBOX), "k" * 32)
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == ["Sandbox"]
    assert not picker.combo.isEnabled()
    assert "without --sandbox" in picker.combo.toolTip()


def sandbox_host(server: SandboxServer) -> Uploader:
    return Uploader(
        "Sandbox host",
        f"{server.url}/hosts/nested-json",
        headers=(("Authorization", ""),),
        file_form_name="file",
        url="{json:data.link}",
        secrets=frozenset({AUTH}),
    )


def test_test_uses_the_typed_secret_else_the_keyring_s(
    qtbot: QtBot,
    setup: Setup,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    auth = HostsAuth(headers={"Authorization": "Bearer T"})
    with SandboxServer(hosts=auth, storage_dir=tmp_path) as server:
        uploader = sandbox_host(server)
        key = setup.book.save(None, uploader, {AUTH: "Bearer T"})
        qtbot.waitUntil(lambda: keyring_value(memory_keyring, key, AUTH) == "Bearer T")
        outcomes: list[TrialOutcome] = []
        test: Callable[..., None] = setup.jobs.tester(key)
        test(uploader, {}, outcomes.append)
        qtbot.waitUntil(lambda: len(outcomes) == 1, timeout=10_000)
        first = outcomes[0].report
        assert first is not None
        assert first.status == 200
        assert first.result is not None
        assert first.result.url.startswith(server.url)
        test(uploader, {AUTH: "Bearer WRONG"}, outcomes.append)
        qtbot.waitUntil(lambda: len(outcomes) == 2, timeout=10_000)
        second = outcomes[1].report
        assert second is not None
        assert second.status == 401
        assert second.result is None
        assert "WRONG" not in repr(second)
        new = setup.jobs.tester(None)  # not saved yet: only what is typed
        new(uploader, {}, outcomes.append)
        qtbot.waitUntil(lambda: len(outcomes) == 3, timeout=10_000)
        assert outcomes[2].report is None
        assert "Headers Authorization is not set" in outcomes[2].problem


def test_a_field_that_is_no_longer_secret_leaves_the_keyring(
    qtbot: QtBot, setup: Setup, dialogs: ScriptedDialogs, memory_keyring: MemoryKeyring
) -> None:
    key = add_host(setup, memory_keyring, qtbot)
    setup.tab.list.setCurrentRow(1)
    plain = Uploader(
        **{**HOST.__dict__, "headers": (("Authorization", "public"),), "secrets": frozenset()}
    )
    dialogs.destination_answers = [EditedDestination(plain, {})]
    setup.tab.edit_button.click()
    qtbot.waitUntil(lambda: keyring_value(memory_keyring, key, AUTH) is None)
    assert setup.book.items[0].uploader.secrets == frozenset()


def test_what_another_process_added_is_kept_and_listed(
    qtbot: QtBot, setup: Setup, dialogs: ScriptedDialogs, memory_keyring: MemoryKeyring
) -> None:
    """``uploader-gui --import-destination FILE`` while the window is open writes the file
    itself; the window's next change must not write over it."""
    key = add_host(setup, memory_keyring, qtbot)
    other = Uploader(**{**HOST.__dict__, "name": "From the terminal", "secrets": frozenset()})
    imported = Stored(new_key(), other)
    save_destinations([*load_destinations(), imported])  # as the command line does
    renamed = Uploader(**{**HOST.__dict__, "name": "Renamed"})
    setup.book.save(key, renamed, None)
    assert [item.uploader.name for item in load_destinations()] == [
        "Renamed",
        "From the terminal",
    ]
    assert [item.uploader.name for item in setup.book.items] == ["Renamed", "From the terminal"]

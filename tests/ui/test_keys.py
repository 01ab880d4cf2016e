"""The key and the destination (``ui/keys.py``): keyring, asking, refused URLs, stale results.

A real queue, model, notice bar and pools; scripted dialogs and an in-memory keyring.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.images import png_bytes, write
from tests.ui.helpers import FAST, ScriptedDialogs
from uploader_gui.core.credentials import SERVICE, Credentials, KeySource
from uploader_gui.core.urls import api_host
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.dialog_types import KeyAnswer, KeyCheck, KeyChoice
from uploader_gui.ui.base.report import Report, Topic
from uploader_gui.ui.base.workers import Workers
from uploader_gui.ui.destination.keys import KeyController
from uploader_gui.ui.notices.bar import NoticeBar
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import State, UploadListModel
from uploader_gui.ui.uploads.queue import UploadQueue

API_URL = "https://api.example.test"
OTHER_URL = "https://other.example.test"
NO_KEY_MESSAGE = "No API key: dropped files wait until you set one (Settings ▸ API Key…)"


class RecordingKeyring(MemoryKeyring):
    """Records every lookup; a lookup for a host in :attr:`blocked` waits for :attr:`gate`."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups: list[str] = []
        self.blocked: set[str] = set()
        self.gate = threading.Event()
        self.waiting = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.lookups.append(username)
        if username in self.blocked:
            self.waiting.set()
            self.gate.wait(10)
        return super().get_password(service, username)


@pytest.fixture
def recording_keyring() -> RecordingKeyring:
    backend = RecordingKeyring()
    keyring.set_keyring(backend)
    return backend


@dataclass
class Keys:
    controller: KeyController
    queue: UploadQueue
    model: UploadListModel
    notices: NoticeBar
    messages: list[str]


Factory = Callable[..., Keys]


@pytest.fixture
def make_keys(
    host: QWidget, workers: Workers, dialogs: ScriptedDialogs
) -> Iterator[Callable[..., Keys]]:
    """``make_keys(api_url=API_URL)``: a KeyController with its queue; shut down at the end."""
    made: list[Keys] = []

    def make(api_url: str = API_URL) -> Keys:
        model = UploadListModel(parent=host)
        owner: list[KeyController] = []  # the queue asks the controller, made just below
        queue = UploadQueue(
            model,
            workers,
            Settings(),
            None,
            host,
            retry_policy=FAST,
            access=lambda: owner[0].access,
        )
        notices = NoticeBar(host)
        report = Report(notices, dialogs)
        controller = KeyController(
            queue, Credentials(env={}), dialogs, report, workers, api_url, host
        )
        owner.append(controller)
        messages: list[str] = []
        report.status_shown.connect(lambda text, _ms: messages.append(text))
        made.append(Keys(controller, queue, model, notices, messages))
        return made[-1]

    yield make
    for keys in made:
        keys.controller.close()
        keys.queue.shutdown()  # closes its HTTP client


def secret(url: str) -> tuple[str, str]:
    return (SERVICE, api_host(url))


def test_load_finds_the_key_in_the_keyring_and_gives_it_to_the_queue(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.secrets[secret(API_URL)] = "stored-key"
    keys = make_keys()
    statuses: list[object] = []
    keys.controller.status_changed.connect(statuses.append)
    keys.controller.load()
    qtbot.waitUntil(lambda: keys.queue.has_key)
    assert keys.queue.destination_id == api_host(API_URL)
    assert keys.controller.source is KeySource.KEYRING
    assert dialogs.key_prompts == []  # nobody was asked
    assert statuses
    assert "stored in" in keys.controller.status().text
    assert keys.controller.status().removable


def test_no_key_asks_once_and_a_remembered_answer_goes_to_the_keyring(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    dialogs.key_answers = [KeyAnswer(KeyChoice.KEY, "typed-key", remember=True)]
    keys = make_keys()
    keys.controller.load()
    qtbot.waitUntil(lambda: keys.controller.source is KeySource.KEYRING)
    assert len(dialogs.key_prompts) == 1
    assert dialogs.key_backends[0]  # the dialog was told which keyring keeps it
    assert memory_keyring.secrets == {secret(API_URL): "typed-key"}
    assert keys.queue.has_key
    assert keys.queue.destination_id == api_host(API_URL)
    assert any("saved in" in text for text in keys.messages)


def test_an_answer_for_this_session_only_stays_out_of_the_keyring(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    dialogs.key_answers = [KeyAnswer(KeyChoice.KEY, "session-key", remember=False)]
    keys = make_keys()
    keys.controller.load()
    qtbot.waitUntil(lambda: keys.queue.has_key)
    assert keys.controller.source is KeySource.SESSION
    assert memory_keyring.secrets == {}
    assert "Using the key for this session only" in keys.messages


def test_declining_to_give_a_key_says_files_wait(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    keys = make_keys()  # dialogs answer Cancel
    keys.controller.load()
    qtbot.waitUntil(lambda: bool(keys.messages))
    assert keys.messages == [NO_KEY_MESSAGE]
    assert len(dialogs.key_prompts) == 1
    assert not keys.queue.has_key
    assert keys.controller.source is KeySource.NONE
    assert memory_keyring.secrets == {}


def test_a_refused_api_url_is_never_looked_up_and_holds_the_queue(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    recording_keyring: RecordingKeyring,
    tmp_path: Path,
) -> None:
    recording_keyring.secrets[secret("http://evil.example")] = "must-not-be-used"
    recording_keyring.secrets[secret(API_URL)] = "good-key"
    keys = make_keys(api_url="http://evil.example")
    keys.controller.load()
    assert keys.queue.held
    text = keys.notices.notice_text(Topic.API_URL) or ""
    assert "Uploads are on hold" in text
    assert "plain http" in text  # the reason
    assert "evil.example" in text
    notice = keys.notices.notice(Topic.API_URL)
    assert notice is not None
    assert notice.button is not None  # not locked: Settings can fix it
    with qtbot.waitSignal(keys.controller.settings_requested, timeout=1000):
        notice.button.click()
    (item,) = keys.queue.add([write(tmp_path / "held.png", png_bytes())])
    assert item.state is State.QUEUED
    assert item.waiting_for_key
    assert "plain http" in keys.model.status_text(item)  # the row says why it waits

    # The keyring pool runs lookups in order: once the next destination's lookup is done,
    # any lookup for the refused URL would have been made before it.
    keys.controller.set_api_url(API_URL)
    qtbot.waitUntil(lambda: keys.queue.has_key)
    assert recording_keyring.lookups == [api_host(API_URL)]
    assert not keys.queue.held
    assert keys.notices.notice_text(Topic.API_URL) is None
    assert dialogs.key_prompts == []


def test_a_new_api_url_forgets_the_key_and_looks_up_its_own(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    recording_keyring: RecordingKeyring,
    sandbox: SandboxServer,
    tmp_path: Path,
) -> None:
    recording_keyring.secrets[secret(API_URL)] = "first-key"
    recording_keyring.secrets[secret(sandbox.url)] = sandbox.key
    keys = make_keys()
    keys.controller.load()
    qtbot.waitUntil(lambda: keys.queue.has_key)
    changed: list[bool] = []
    keys.controller.destination_changed.connect(lambda: changed.append(True))
    keys.controller.set_api_url(sandbox.url)
    assert not keys.queue.has_key  # forgotten at once
    assert keys.controller.source is KeySource.NONE
    assert changed == [True]
    qtbot.waitUntil(lambda: keys.queue.has_key)
    assert keys.queue.destination_id == api_host(sandbox.url)
    assert recording_keyring.lookups == [api_host(API_URL), api_host(sandbox.url)]
    # The key in use is the new destination's: an upload goes through with it.
    (item,) = keys.queue.add([write(tmp_path / "new.png", png_bytes())])
    qtbot.waitUntil(lambda: item.state.finished, timeout=10_000)
    assert item.state is State.DONE, item.error
    assert {r.headers.get("x-api-key") for r in sandbox.requests} == {sandbox.key}


def test_a_lookup_that_returns_after_the_destination_changed_is_dropped(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    recording_keyring: RecordingKeyring,
    sandbox: SandboxServer,
    tmp_path: Path,
) -> None:
    """The old destination's key must never be used for the new one."""
    recording_keyring.secrets[secret(API_URL)] = "old-destination-key"
    recording_keyring.blocked = {api_host(API_URL)}
    keys = make_keys()
    keys.controller.load()
    qtbot.waitUntil(recording_keyring.waiting.is_set)  # the lookup is under way, blocked
    (item,) = keys.queue.add([write(tmp_path / "waiting.png", png_bytes())])
    used: list[KeySource] = []
    keys.controller.status_changed.connect(lambda _s: used.append(keys.controller.source))

    keys.controller.set_api_url(sandbox.url)  # the sandbox has no key in the keyring
    recording_keyring.gate.set()
    # The new destination's lookup found nothing and asked (Cancel): both results are in.
    qtbot.waitUntil(lambda: len(dialogs.key_prompts) == 1)
    assert recording_keyring.lookups == [api_host(API_URL), api_host(sandbox.url)]
    assert not keys.queue.has_key
    assert keys.controller.source is KeySource.NONE
    assert KeySource.KEYRING not in used
    assert item.state is State.QUEUED
    assert item.waiting_for_key
    assert not [r for r in sandbox.requests if r.method == "POST"]
    assert keys.messages == [NO_KEY_MESSAGE]


def test_remove_deletes_the_key_from_the_keyring_after_confirming(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.secrets[secret(API_URL)] = "stored-key"
    memory_keyring.secrets[secret(OTHER_URL)] = "another-hosts-key"
    keys = make_keys()
    keys.controller.load()
    qtbot.waitUntil(lambda: keys.controller.source is KeySource.KEYRING)

    dialogs.confirm_answer = False
    keys.controller.remove()
    assert len(dialogs.confirms) == 1
    assert api_host(API_URL) in dialogs.confirms[0]
    assert keys.queue.has_key  # declined: nothing happens

    dialogs.confirm_answer = True
    keys.controller.remove()
    qtbot.waitUntil(lambda: keys.controller.source is KeySource.NONE)
    assert memory_keyring.secrets == {secret(OTHER_URL): "another-hosts-key"}
    assert not keys.queue.has_key
    assert f"The key for {api_host(API_URL)} was removed" in keys.messages
    assert not keys.controller.status().removable


@pytest.mark.parametrize("accepted", [True, False])
def test_test_key_asks_the_real_server(
    qtbot: QtBot,
    make_keys: Factory,
    dialogs: ScriptedDialogs,
    sandbox: SandboxServer,
    accepted: bool,
) -> None:
    keys = make_keys(api_url=sandbox.url)
    checks: list[KeyCheck] = []
    keys.controller.test_key(sandbox.key if accepted else "not-the-key", checks.append)
    qtbot.waitUntil(lambda: bool(checks), timeout=10_000)
    (check,) = checks
    host_port = api_host(sandbox.url)
    if accepted:
        assert check == KeyCheck(True, f"✓ {host_port} accepts this key.")
    else:
        assert check == KeyCheck(False, f"✗ {host_port} rejected this key.")
    assert [r.path for r in sandbox.requests] == ["/health"]
    assert not keys.queue.has_key  # testing a key does not use it

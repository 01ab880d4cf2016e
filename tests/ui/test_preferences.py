"""The settings round trip (``ui/settings/preferences.py``) with real small parts and no
window: what Settings show is what is stored; OK stores every row and each part follows the
keys it uses, through one signal (``Settings.changed``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.helpers import ScriptedDialogs
from uploader_gui.core.credentials import Credentials
from uploader_gui.core.links import LinkFormat, Template
from uploader_gui.core.network.proxy import ProxyMode, ProxySettings
from uploader_gui.ui.base.dialog_types import SettingsValues
from uploader_gui.ui.base.report import Report
from uploader_gui.ui.base.workers import Workers
from uploader_gui.ui.destination.keys import KeyController
from uploader_gui.ui.links.service import LinkService
from uploader_gui.ui.notices.bar import NoticeBar
from uploader_gui.ui.settings.preferences import Preferences
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import UploadListModel
from uploader_gui.ui.uploads.queue import UploadQueue

API_URL = "https://api.example.test"
PROXY = "http://bob@proxy.corp:3128"


@dataclass
class Round:
    preferences: Preferences
    settings: Settings
    queue: UploadQueue
    keys: KeyController
    links: LinkService
    #: ``Settings.changed``, in order.
    changed: list[str]
    #: The key controller's messages (the status bar's).
    messages: list[str]


@pytest.fixture
def round_trip(host: QWidget, workers: Workers, dialogs: ScriptedDialogs) -> Iterator[Round]:
    settings = Settings()
    model = UploadListModel(parent=host)
    owner: list[KeyController] = []
    queue = UploadQueue(model, workers, settings, None, host, access=lambda: owner[0].access)
    credentials = Credentials(env={})
    report = Report(NoticeBar(host), dialogs)
    keys = KeyController(queue, credentials, dialogs, report, workers, API_URL, host)
    owner.append(keys)
    links = LinkService(settings, model, report)
    preferences = Preferences(settings, queue, keys, links, dialogs, report, host, credentials)
    made = Round(preferences, settings, queue, keys, links, [], [])
    settings.changed.connect(made.changed.append)
    report.status_shown.connect(lambda text, _ms: made.messages.append(text))
    yield made
    keys.close()
    queue.shutdown()


def test_settings_show_what_is_stored(round_trip: Round) -> None:
    settings = round_trip.settings
    settings.retries = 7
    settings.max_side = 1024
    settings.copy_format = "gone"  # a template removed since
    shown = round_trip.preferences.current()
    assert shown == SettingsValues.of(settings).replace(copy_format="url")
    assert (shown.retries, shown.max_side, shown.api_url_fixed_by) == (7, 1024, "")


def test_ok_with_nothing_changed_changes_nothing_but_writes_every_row(round_trip: Round) -> None:
    round_trip.preferences.apply(round_trip.preferences.current())
    assert round_trip.changed == []
    assert round_trip.messages == []
    ini = round_trip.settings.path.read_text(encoding="utf-8")
    for key in ("concurrency=4", "reuse_duplicates=true", "remove_metadata=true", "language="):
        assert key in ini


def test_ok_stores_each_change_and_each_part_follows_its_keys(round_trip: Round) -> None:
    toggles: list[bool] = []
    formats: list[object] = []
    round_trip.links.auto_copy_changed.connect(toggles.append)
    round_trip.links.format_changed.connect(formats.append)
    answer = round_trip.preferences.current().replace(
        concurrency=6,
        auto_copy=False,
        copy_format="markdown",
        convert_formats=False,
        api_url="https://other.example.test",
        language="de",
    )
    round_trip.preferences.apply(answer)
    assert round_trip.changed == [
        "uploads/concurrency",
        "api/url",
        "ui/language",
        "images/convert",
        "copy/format",
        "copy/auto_copy",
    ]
    assert round_trip.queue.concurrency == 6
    assert round_trip.queue.prepare_options.convert is False
    assert (toggles, formats) == ([False], [LinkFormat.MARKDOWN])
    assert round_trip.keys.api_url == "https://other.example.test"
    assert round_trip.messages == ["The new language applies when uploader-gui starts again"]
    assert round_trip.preferences.current() == answer


def test_a_url_fixed_for_the_session_is_shown_and_never_stored(round_trip: Round) -> None:
    round_trip.keys.locked = True
    shown = round_trip.preferences.current()
    assert shown.api_url == API_URL
    assert shown.api_url_fixed_by == "--api-url or IMAGEPIPELINE_API_URL"
    round_trip.preferences.apply(shown)
    assert round_trip.settings.api_url == ""
    assert "api/url" not in round_trip.changed


def test_a_template_chosen_with_its_text_is_the_format(round_trip: Round) -> None:
    answer = round_trip.preferences.current().replace(
        templates=(("wiki", "[[{url}]]"),), copy_format="wiki"
    )
    round_trip.preferences.apply(answer)
    assert round_trip.links.format == Template("wiki", "[[{url}]]")


def test_the_proxy_follows_with_a_password_typed_now(round_trip: Round) -> None:
    clients = round_trip.queue.clients
    answer = round_trip.preferences.current().replace(
        proxy_mode=ProxyMode.MANUAL, proxy_url=PROXY, proxy_password="s3cret"
    )
    round_trip.preferences.apply(answer)
    assert clients._proxy == ProxySettings(ProxyMode.MANUAL, PROXY, "s3cret")
    # Allowed to go in clear text: stored, and the proxy follows, with the same password.
    round_trip.preferences.allow_plain_password("proxy.corp:3128")
    assert round_trip.settings.plain_password_ok == {"proxy.corp:3128"}
    assert clients._proxy == ProxySettings(
        ProxyMode.MANUAL, PROXY, "s3cret", frozenset({"proxy.corp:3128"})
    )
    # Another mode: no proxy, no password.
    round_trip.preferences.apply(
        round_trip.preferences.current().replace(proxy_mode=ProxyMode.NONE)
    )
    assert clients._proxy == ProxySettings(
        ProxyMode.NONE, plain_password_ok=frozenset({"proxy.corp:3128"})
    )

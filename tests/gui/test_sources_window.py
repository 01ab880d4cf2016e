"""Images from elsewhere, in the real window uploading to the sandbox: the PicGo server
(real HTTP requests on loopback, as Obsidian and a browser send them) and File ▸ Take
Screenshot… against a fake screenshot portal on a private session bus."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ScriptedDialogs, drop_files, make_window, settle, shut, wait_finished
from tests.images import png_bytes, write
from tests.screenshot_portal import Behaviour, fake_portal
from tests.test_picgo_server import (
    Reply,
    http_request,
    obsidian_clipboard,
    obsidian_json,
    obsidian_multipart,
    raw,
)
from uploader_gui.core.picgo import PicGoServer
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.base.report import Topic
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.model import State

WAIT_MS = 15_000
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serving(window: MainWindow, key: str = "") -> PicGoServer:
    """Settings ▸ General ▸ Let other apps upload, on a free port."""
    settings = window.queue.settings
    settings.picgo_port = free_port()
    settings.picgo_key = key
    settings.picgo_server = True
    server = window.sources.picgo.server
    assert server is not None
    assert server.running
    return server


def in_background(qtbot: QtBot, call: Callable[[], Reply]) -> Callable[[], Reply]:
    """Send a request from another thread (the window keeps running); the returned function
    waits for the reply."""
    replies: list[Reply] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            replies.append(call())
        except BaseException as error:
            errors.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def reply() -> Reply:
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=WAIT_MS)
        if errors:
            raise errors[0]
        return replies[0]

    return reply


@pytest.fixture
def photos(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "vault"
    folder.mkdir()
    return [write(folder / f"photo {n}.png", png_bytes(seed=n)) for n in range(2)]


def test_an_editor_s_json_list_uploads_in_the_window_and_hears_the_urls(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    QGuiApplication.clipboard().setText("what the person copied")
    server = serving(window)
    reply = in_background(
        qtbot, lambda: raw(server, obsidian_json(server, [str(p) for p in photos]))
    )()
    assert reply.status == 200
    items = wait_finished(qtbot, window, 2)
    assert [item.path for item in items] == photos
    assert all(item.state is State.DONE for item in items)
    assert reply.json() == {"success": True, "result": [item.url for item in items]}
    assert len(sandbox.uploads) == 2
    # The editor inserts the links itself: the clipboard is left as it was (a drop's links
    # are copied, Edit ▸ Copy URLs When a Drop Finishes being on).
    settle(qtbot, window)
    assert window.links.auto_copy
    assert QGuiApplication.clipboard().text() == "what the person copied"
    # In History too, like a drop.
    settle(qtbot, window)
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history_page.model.rowCount() == 2, timeout=WAIT_MS)


def test_files_sent_in_the_body_are_kept_and_listed_under_their_own_names(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    server = serving(window)
    body = obsidian_multipart(server, [("diagram.png", png_bytes(seed=7))])
    reply = in_background(qtbot, lambda: raw(server, body))()
    (item,) = wait_finished(qtbot, window, 1)
    assert reply.json() == {"success": True, "result": [item.url]}
    assert item.path.name == "diagram.png"
    assert item.path.exists()  # kept for a later Retry, not the server's spool
    assert item.path.stat().st_mode & 0o077 == 0
    assert sandbox.uploads[0].path.read_bytes() == png_bytes(seed=7)


def test_a_bodiless_post_uploads_the_image_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    image = QImage(12, 8, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    QGuiApplication.clipboard().setImage(image)
    server = serving(window)
    reply = in_background(qtbot, lambda: raw(server, obsidian_clipboard(server)))()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.name.startswith("clipboard-")
    assert item.state is State.DONE
    assert reply.json() == {"success": True, "result": [item.url]}


def test_a_failed_file_is_answered_with_its_reason_and_stays_in_the_window(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    sandbox.faults.fail_status, sandbox.faults.fail_count = 400, 1000
    window.queue.settings.retries = 0
    server = serving(window)
    reply = in_background(qtbot, lambda: raw(server, obsidian_json(server, [str(photos[0])])))()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.FAILED
    assert item.error
    answer = reply.json()
    assert answer["success"] is False
    assert item.error in str(answer["message"])


@pytest.mark.parametrize(
    ("headers", "host"),
    [
        ([("Origin", "https://evil.example"), ("Content-Type", "application/json")], None),
        ([("Sec-Fetch-Site", "cross-site"), ("Content-Type", "application/json")], None),
        ([("Content-Type", "text/plain")], None),  # a "simple" request: no preflight
        ([("Content-Type", "application/json")], "rebound.example:{port}"),
    ],
    ids=["foreign-origin", "cross-site", "text-plain", "rebinding-host"],
)
def test_what_a_web_page_could_send_is_refused_and_nothing_uploads(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    photos: list[Path],
    headers: list[tuple[str, str]],
    host: str | None,
) -> None:
    server = serving(window)
    body = json.dumps({"list": [str(photos[0])]}).encode()
    request = http_request(
        server,
        [*headers, ("Content-Length", str(len(body)))],
        body,
        host=host.format(port=server.port) if host else None,
    )
    reply = in_background(qtbot, lambda: raw(server, request))()
    assert reply.status in (403, 415)
    assert reply.json()["success"] is False
    settle(qtbot, window)
    assert window.model.items() == []
    assert sandbox.uploads == []


def test_a_key_when_set_is_asked_for(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    server = serving(window, key="s3cret")
    body = json.dumps({"list": [str(photos[0])]}).encode()
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    refused = in_background(qtbot, lambda: raw(server, http_request(server, headers, body)))()
    assert refused.status == 401
    keyed = http_request(server, headers, body, target="/upload?key=s3cret")
    reply = in_background(qtbot, lambda: raw(server, keyed))()
    (item,) = wait_finished(qtbot, window, 1)
    assert reply.json() == {"success": True, "result": [item.url]}


def test_a_port_in_use_is_a_notice_not_a_crash(qtbot: QtBot, window: MainWindow) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        settings = window.queue.settings
        settings.picgo_port = holder.getsockname()[1]
        settings.picgo_server = True
        assert window.sources.picgo.server is None
        text = window.notices.notice_text(Topic.PICGO) or ""
        assert "already in use" in text
        assert str(settings.picgo_port) in text
    settings.picgo_server = False
    assert window.notices.notice_text(Topic.PICGO) is None


def test_turning_it_off_mid_batch_answers_and_loses_nothing(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    sandbox.faults.latency = 1.0
    server = serving(window)
    port = server.port
    reply = in_background(
        qtbot, lambda: raw(server, obsidian_json(server, [str(p) for p in photos]))
    )
    qtbot.waitUntil(lambda: len(window.model.items()) == 2, timeout=WAIT_MS)
    window.queue.settings.picgo_server = False
    assert window.sources.picgo.server is None
    answer = reply().json()
    assert answer["success"] is False
    assert "stopping" in str(answer["message"])
    with pytest.raises(ConnectionRefusedError):  # nothing listens any more
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    items = wait_finished(qtbot, window, 2)
    assert all(item.state is State.DONE for item in items)  # seen through, in History


def test_closing_the_window_answers_a_waiting_request(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    sandbox.faults.latency = 30.0
    server = serving(window)
    reply = in_background(qtbot, lambda: raw(server, obsidian_json(server, [str(photos[0])])))
    qtbot.waitUntil(lambda: len(window.model.items()) == 1, timeout=WAIT_MS)
    window.quit_without_asking()
    answer = reply().json()
    assert answer["success"] is False
    assert not server.running


# --- File ▸ Take Screenshot… --------------------------------------------------------------


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_take_screenshot_uploads_what_the_desktop_saved(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hidden: list[bool] = []
    (tmp_path / "desktop").mkdir()
    with fake_portal(tmp_path / "desktop", Behaviour.SAVE) as portal:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", portal.address)
        window.registry[ActionId.SCREENSHOT].trigger()
        hidden.append(window.isMinimized())
        (item,) = wait_finished(qtbot, window, 1)
        assert len(portal.calls()) == 1
        assert portal.calls()[0].options["interactive"] is True
    assert hidden == [True]  # out of the way while the person picks (the default)
    assert window.isVisible()
    assert not window.isMinimized()
    assert item.state is State.DONE
    assert item.path.name.startswith("screenshot-")
    assert item.path.suffix == ".png"
    assert sandbox.uploads[0].filename == item.path.name


@pytest.mark.parametrize(
    ("behaviour", "said"),
    [
        (Behaviour.CANCEL, "No screenshot taken"),
        (Behaviour.FAIL, "No screenshot: the screenshot failed"),
        (Behaviour.NO_SCREENSHOT, "No screenshot: no screenshot portal"),
    ],
)
def test_no_screenshot_is_said_and_nothing_uploads(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    behaviour: Behaviour,
    said: str,
) -> None:
    window.queue.settings.hide_for_screenshot = False
    shown: list[str] = []
    window.report.status_shown.connect(lambda text, _ms: shown.append(text))
    (tmp_path / "desktop").mkdir()
    with fake_portal(tmp_path / "desktop", behaviour) as portal:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", portal.address)
        window.registry[ActionId.SCREENSHOT].trigger()
        qtbot.waitUntil(lambda: not window.sources.screenshots.busy, timeout=WAIT_MS)
    assert window.isVisible()
    assert any(text.startswith(said) for text in shown), shown
    settle(qtbot, window)
    assert window.model.items() == []
    assert sandbox.uploads == []


def test_a_client_that_leaves_mid_batch_loses_nothing(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    sandbox.faults.latency = 0.5
    server = serving(window)
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as client:
        client.sendall(obsidian_json(server, [str(p) for p in photos]))
        qtbot.waitUntil(lambda: len(window.model.items()) == 2, timeout=WAIT_MS)
    items = wait_finished(qtbot, window, 2)  # the client is gone; the uploads go on
    assert all(item.state is State.DONE for item in items)
    assert len(sandbox.uploads) == 2
    window.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: window.history_page.model.rowCount() == 2, timeout=WAIT_MS)


def test_two_clients_at_once_each_hear_their_own_urls(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    sandbox.faults.latency = 0.3
    server = serving(window)
    first = in_background(qtbot, lambda: raw(server, obsidian_json(server, [str(photos[0])])))
    second = in_background(qtbot, lambda: raw(server, obsidian_json(server, [str(photos[1])])))
    answers = [first().json(), second().json()]
    by_path = {item.path: item.url for item in wait_finished(qtbot, window, 2)}
    assert answers == [
        {"success": True, "result": [by_path[photos[0]]]},
        {"success": True, "result": [by_path[photos[1]]]},
    ]


QUIT_WHILE_PICKING = """
import sys, time
from PySide6.QtCore import QTimer
from uploader_gui.platform.screenshot import Outcome, Shot
from uploader_gui.ui.app import compose, create_application
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.settings.store import Settings


class WaitsForCancel:
    # A desktop whose screenshot tool stays open until the app cancels it.
    def take(self, interactive=True, parent_window="", cancel=None):
        while not cancel.cancelled:
            time.sleep(0.01)
        return Shot(Outcome.CANCELLED, None, "cancelled")


app = create_application()
window = compose(Settings(), "http://127.0.0.1:9/")
window.show()
window.sources.screenshots._screenshots = WaitsForCancel
QTimer.singleShot(100, window.registry[ActionId.SCREENSHOT].trigger)
QTimer.singleShot(100 + int(sys.argv[1]), window.quit_without_asking)  # SIGTERM, logout
QTimer.singleShot(8000, lambda: app.exit(99))  # still running: the test fails
sys.exit(app.exec())
"""


@pytest.mark.parametrize("after_ms", [100, 800], ids=["while-it-leaves", "tool-open"])
def test_quitting_while_the_screenshot_tool_is_open_still_ends_the_app(
    tmp_path: Path, after_ms: int
) -> None:
    """The real event loop: a window out of the way for the screenshot tool, then closed by a
    logout or SIGTERM, ends the app (a hidden window's close would not have)."""
    done = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_PICKING, str(after_ms)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_without_a_key_the_other_app_hears_at_once_and_nothing_waits(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, photos: list[Path]
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)  # no key yet
    try:
        assert not window.queue.has_key
        server = serving(window)
        request = obsidian_json(server, [str(photos[0])])
        answer = in_background(qtbot, lambda: raw(server, request))().json()
        assert answer["success"] is False
        assert "no API key" in str(answer["message"])
        settle(qtbot, window)
        assert window.model.items() == []
        assert sandbox.uploads == []
    finally:
        shut(qtbot, window)


def test_a_received_file_named_sxcu_is_refused_and_the_others_upload(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    informed: list[str] = []
    monkeypatch.setattr(window.report, "inform", lambda title, text: informed.append(text))
    server = serving(window)
    body = obsidian_multipart(
        server, [("pasted.sxcu", png_bytes(seed=1)), ("fine.png", png_bytes(seed=2))]
    )
    answer = in_background(qtbot, lambda: raw(server, body))().json()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.path.name == "fine.png"
    assert answer["success"] is False
    assert answer["result"] == [item.url]
    assert "ShareX destination" in str(answer["message"])
    assert informed == []


def test_one_file_named_two_ways_is_one_upload_and_both_hear_its_url(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, photos: list[Path]
) -> None:
    roundabout = photos[0].parent / ".." / photos[0].parent.name / photos[0].name
    server = serving(window)
    request = obsidian_json(server, [str(roundabout), str(photos[0])])
    answer = in_background(qtbot, lambda: raw(server, request))().json()
    (item,) = wait_finished(qtbot, window, 1)
    assert answer == {"success": True, "result": [item.url, item.url]}


def test_an_app_s_uploads_are_not_announced_on_the_desktop_a_drop_s_are(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    photos: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    announced: list[int] = []
    monkeypatch.setattr(
        window.parts.notifier, "drop_finished", lambda done, *_rest: announced.append(done)
    )
    server = serving(window)
    request = obsidian_json(server, [str(photos[0])])
    in_background(qtbot, lambda: raw(server, request))()
    wait_finished(qtbot, window, 1)
    settle(qtbot, window)
    assert announced == []
    drop_files(window, [photos[1]])
    wait_finished(qtbot, window, 2)
    qtbot.waitUntil(lambda: announced == [1])

"""Desktop notifications (``ui/notifications.py``) against a notification server on a
private session bus that records the ``Notify`` calls, with the signature GNOME Shell
insists on, and clicks them as a desktop would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.notification_server import NotificationServer, notification_server
from uploader_gui.ui.base.workers import Workers
from uploader_gui.ui.notices.notifications import Notifier, message


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[NotificationServer]:
    with notification_server() as running:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", running.address)
        yield running


class Window:
    active = False
    enabled = True


@pytest.fixture
def notifier(host: QWidget, server: NotificationServer) -> Iterator[tuple[Notifier, Window]]:
    workers = Workers(host)
    window = Window()
    made = Notifier(
        workers,
        lambda: window.active,
        lambda: window.enabled,
        "io.imagepipeline.UploaderGui",
        host,
    )
    yield made, window
    workers.cancel()


def test_a_finished_drop_is_notified_and_a_click_brings_the_window(
    qtbot: QtBot, server: NotificationServer, notifier: tuple[Notifier, Window]
) -> None:
    made, _window = notifier
    made.drop_finished(12, 0, True, [])
    qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=5000)
    (sent,) = server.notifications()
    assert sent.signature == "susssasa{sv}i"
    assert (sent.app_name, sent.summary, sent.body) == (
        "uploader-gui",
        "12 images uploaded; links copied",
        "",
    )
    assert sent.actions[0] == "default"
    assert sent.hints["desktop-entry"] == ("s", "io.imagepipeline.UploaderGui")
    qtbot.waitUntil(made.clickable, timeout=5000)  # its id came back
    with qtbot.waitSignal(made.activated, timeout=5000) as clicked:
        server.click(sent, token="wayland-token")
    assert clicked.args == ["wayland-token"]


def test_failures_are_named(
    qtbot: QtBot, server: NotificationServer, notifier: tuple[Notifier, Window]
) -> None:
    made, _window = notifier
    failures = [
        (f"photo{i}.jpg", "the file is too large for the service (HTTP 413)") for i in range(5)
    ]
    made.drop_finished(7, 5, True, failures)
    qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=5000)
    (sent,) = server.notifications()
    assert sent.summary == "7 images uploaded, 5 failed"
    assert sent.body.splitlines() == [
        "photo0.jpg: the file is too large for the service (HTTP 413)",
        "photo1.jpg: the file is too large for the service (HTTP 413)",
        "photo2.jpg: the file is too large for the service (HTTP 413)",
        "and 2 more",
    ]


def test_a_name_or_a_reason_with_line_breaks_is_still_one_line(
    qtbot: QtBot, server: NotificationServer, notifier: tuple[Notifier, Window]
) -> None:
    made, _window = notifier
    failures = [
        ("fake\nDone: all 12 uploaded.png", "refused"),
        ("b.png", "the server said:\r\nALL GOOD\u2028really"),
    ]
    made.drop_finished(0, 2, False, failures)
    qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=5000)
    (sent,) = server.notifications()
    assert sent.body.splitlines() == [
        "fake\\nDone: all 12 uploaded.png: refused",
        "b.png: the server said:\\r\\nALL GOOD\\u2028really",
    ]


def test_nothing_while_the_window_is_active_or_when_turned_off(
    qtbot: QtBot, server: NotificationServer, notifier: tuple[Notifier, Window]
) -> None:
    made, window = notifier
    window.active = True
    made.drop_finished(1, 0, True, [])
    window.active, window.enabled = False, False
    made.drop_finished(1, 0, True, [])
    window.enabled = True
    made.drop_finished(1, 0, False, [])  # the one that is sent: proves the others were not
    qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=5000)
    qtbot.wait(200)
    assert [n.summary for n in server.notifications()] == ["1 image uploaded"]


def test_the_wording() -> None:
    assert message(1, 0, True, []) == ("1 image uploaded; links copied", "")
    assert message(0, 1, False, [("a.png", "not an image")]) == (
        "0 images uploaded, 1 failed",
        "a.png: not an image",
    )


def test_without_a_session_bus_nothing_asks_for_a_tray(
    host: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Linux the tray is a D-Bus service too: asking Qt for it without a bus would have
    libdbus try to start one on the GUI thread."""
    from PySide6.QtWidgets import QSystemTrayIcon

    def asked() -> bool:
        raise AssertionError("the tray was asked for")

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(asked))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    workers = Workers(host)
    made = Notifier(workers, lambda: False, lambda: True, "io.imagepipeline.UploaderGui", host)
    made.drop_finished(1, 0, True, [])
    workers.cancel()

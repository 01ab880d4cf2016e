"""Desktop notifications on Linux (``platform/linux/dbus_notifications.py``) against the
recording notification server on a private session bus (``tests/notification_server.py``),
with a submit that runs the blocking call at once instead of on a worker."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from tests.notification_server import NotificationServer, notification_server
from uploader_gui.platform.linux.dbus_notifications import FreedesktopNotifications

ICON = "io.example.Test"


def at_once(
    work: Callable[[], int], done: Callable[[int | None, BaseException | None], None]
) -> None:
    try:
        result = work()
    except Exception as error:
        done(None, error)
    else:
        done(result, None)


@pytest.fixture
def server() -> Iterator[NotificationServer]:
    with notification_server() as running:
        yield running


@pytest.fixture
def parent(qtbot: QtBot) -> Iterator[QObject]:
    made = QObject()
    yield made
    made.deleteLater()


def test_shown_as_gnome_shell_wants_it_and_clicked(
    qtbot: QtBot, server: NotificationServer, parent: QObject
) -> None:
    clicks: list[str] = []
    desktop = FreedesktopNotifications(ICON, at_once, clicks.append, parent, server.address)
    assert not desktop.clickable()
    desktop.show("3 images uploaded", "a <b>bold</b> & odd name.png")
    (sent,) = server.notifications()
    assert sent.signature == "susssasa{sv}i"
    assert (sent.app_name, sent.icon, sent.summary) == ("uploader-gui", ICON, "3 images uploaded")
    assert sent.body == "a &lt;b&gt;bold&lt;/b&gt; &amp; odd name.png"  # no markup
    assert sent.actions == ["default", "Show"]
    assert sent.hints["desktop-entry"] == ("s", ICON)
    assert sent.timeout == 8000
    assert desktop.clickable()

    server.click(dataclasses.replace(sent, id=sent.id + 100), token="not-ours")
    server.click(sent, token="wayland-token")
    qtbot.waitUntil(lambda: clicks == ["wayland-token"], timeout=5000)
    qtbot.wait(100)
    assert clicks == ["wayland-token"]  # another app's notification is not ours


def test_without_a_session_bus_nothing_is_sent_and_no_tray_is_asked_for(
    monkeypatch: pytest.MonkeyPatch, parent: QObject
) -> None:
    from PySide6.QtWidgets import QSystemTrayIcon

    def asked() -> bool:
        raise AssertionError("the tray was asked for")

    def sent(*_args: object) -> None:
        raise AssertionError("something was submitted")

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(asked))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    desktop = FreedesktopNotifications(ICON, sent, lambda _token: None, parent)
    desktop.show("1 image uploaded", "")
    assert not desktop.clickable()


def test_a_bus_that_is_not_there_is_logged_not_raised(
    parent: QObject, caplog: pytest.LogCaptureFixture
) -> None:
    desktop = FreedesktopNotifications(
        ICON, at_once, lambda _token: None, parent, "unix:path=/nonexistent"
    )
    caplog.set_level("INFO")
    desktop.show("1 image uploaded", "")
    assert "no desktop notification" in caplog.text
    assert not desktop.clickable()

"""The window notifies a finished drop while it is in the background, through a
notification server on a private bus; a click brings it forward."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ScriptedDialogs, drop_files, make_window, shut, wait_finished
from tests.images import png_bytes, write
from tests.notification_server import notification_server
from uploader_gui.sandbox import SandboxServer


def test_a_drop_finished_in_the_background_is_notified_and_a_click_raises_the_window(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with notification_server() as server:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", server.address)
        raised: list[str] = []
        # The offscreen platform cannot raise a window (Qt warns): record the call instead.
        monkeypatch.setattr(
            "uploader_gui.ui.main_window.bring_to_front",
            lambda _window, token="": raised.append(token),
        )
        window = make_window(qtbot, sandbox.url, dialogs)
        window.keys.use_key(sandbox.url, sandbox.key)
        background = [True]
        window.parts.notifier._window_active = lambda: not background[0]
        drop_files(window, [write(tmp_path / f"n{i}.png", png_bytes(seed=i)) for i in range(2)])
        wait_finished(qtbot, window, 2)
        qtbot.waitUntil(lambda: len(server.notifications()) == 1, timeout=5000)
        (sent,) = server.notifications()
        assert sent.summary == "2 images uploaded; links copied"
        qtbot.waitUntil(window.parts.notifier.clickable, timeout=5000)
        server.click(sent, token="t-1")
        qtbot.waitUntil(lambda: raised == ["t-1"], timeout=5000)

        # In front, nothing is sent; with the setting off, nothing either.
        background[0] = False
        drop_files(window, [write(tmp_path / "front.png", png_bytes(seed=7))])
        wait_finished(qtbot, window, 3)
        background[0] = True
        window.parts.preferences.settings.notifications = False
        drop_files(window, [write(tmp_path / "off.png", png_bytes(seed=8))])
        wait_finished(qtbot, window, 4)
        qtbot.wait(300)
        assert len(server.notifications()) == 1
        shut(qtbot, window)

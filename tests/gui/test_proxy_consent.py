"""A proxy's password never crosses the network unencrypted without the person's consent:
asked once per proxy, remembered in Settings, and the files that waited are sent again."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import (
    ScriptedDialogs,
    drop_files,
    make_window,
    send_as_is,
    shut,
    wait_finished,
)
from tests.images import png_bytes, write
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import State

API = "https://api.invalid"
PROXY = "proxy.invalid:3128"


@pytest.mark.parametrize("consent", [True, False], ids=["allowed", "declined"])
def test_an_unencrypted_proxy_password_is_sent_only_once_allowed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, consent: bool
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"http://alice:s3cret@{PROXY}")
    dialogs = ScriptedDialogs(confirm_answer=consent)
    window = make_window(qtbot, API, dialogs)
    window.keys.use_key(API, "key")
    send_as_is(window)
    drop_files(window, [write(tmp_path / f"{n}.png", png_bytes(seed=n)) for n in range(3)])
    (first, *_rest) = wait_finished(qtbot, window, 3, timeout=30_000)
    qtbot.waitUntil(lambda: len(dialogs.confirms) == 1)
    (question,) = dialogs.confirms
    assert PROXY in question
    assert "s3cret" not in question
    if consent:
        # Sent again through the proxy (which does not exist here): a new reason.
        qtbot.waitUntil(
            lambda: all(
                "could not connect to the proxy" in (i.error or "") for i in window.model.items()
            ),
            timeout=30_000,
        )
        assert Settings().plain_password_ok == frozenset({PROXY})
    else:
        assert all(i.state is State.FAILED for i in window.model.items())
        assert all("in clear text" in (i.error or "") for i in window.model.items())
        assert Settings().plain_password_ok == frozenset()
        # Not asked again this session.
        drop_files(window, [write(tmp_path / "again.png", png_bytes(seed=9))])
        wait_finished(qtbot, window, 4, timeout=30_000)
        assert len(dialogs.confirms) == 1
    assert "s3cret" not in (first.error or "")
    shut(qtbot, window)

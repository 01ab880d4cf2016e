"""Settings ▸ Network in the window: the choices round-trip, a proxy's password goes to the
keyring and never to settings.ini, and rows say what a proxy or a certificate refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.gui.conftest import ScriptedDialogs, drop_files, make_window, shut, wait_finished
from tests.images import png_bytes, write
from tests.network import PrivateCA, hosts_file, tinyproxy
from uploader_gui.core.credentials import SERVICE
from uploader_gui.core.network.proxy import ProxyMode, ProxySettings
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.base.report import Topic
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsDialog, SettingsValues
from uploader_gui.ui.uploads.model import State

STATUS = KeyStatus("Key for x: not set.", "GNOME Keyring (Secret Service)", True, False)


def test_the_network_choices_and_a_typed_password(qtbot: QtBot) -> None:
    values = SettingsValues()
    dialog = SettingsDialog(None, values, STATUS, "https://api.imagepipeline.io")
    qtbot.addWidget(dialog)
    assert dialog.proxy.system.isChecked()
    assert not dialog.proxy.url.isEnabled()
    assert dialog.values().proxy_mode is ProxyMode.SYSTEM

    dialog.proxy.manual.setChecked(True)
    assert dialog.proxy.url.isEnabled()
    for typed, reason in (
        ("ftp://proxy:21", "not ftp://"),
        ("http://proxy:3128/path", "no path"),
    ):
        dialog.proxy.url.setText(typed)
        dialog._accept()
        assert dialog.result() != SettingsDialog.DialogCode.Accepted
        assert reason in dialog.proxy.error.text()
    dialog.proxy.url.setText("proxy.corp:3128")
    dialog.proxy.password.setText("s3cret")
    dialog._accept()
    assert "add the user name" in dialog.proxy.error.text()

    dialog.proxy.url.setText("http://bob:inline@proxy.corp:3128")
    dialog.proxy.password.clear()
    dialog._accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    values = dialog.values()
    assert (values.proxy_mode, values.proxy_url, values.proxy_password) == (
        ProxyMode.MANUAL,
        "http://bob@proxy.corp:3128",
        "inline",
    )
    assert "inline" not in repr(values)
    dialog.proxy.none.setChecked(True)
    assert dialog.values().proxy_mode is ProxyMode.NONE
    # An address typed but not in use, with a password that does not parse: none of it is
    # kept (which part is the password cannot be told); the saved address (none) stays.
    dialog.proxy.url.setText("http://bob:pa/ss@proxy.corp:3128")
    kept = dialog.values()
    assert (kept.proxy_url, kept.proxy_password) == ("", None)


def test_a_proxy_password_goes_to_the_keyring_never_to_settings(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    dialogs.settings_answer = SettingsValues(
        api_url=sandbox.url,
        concurrency=4,
        retries=3,
        auto_copy=True,
        copy_format="url",
        proxy_mode=ProxyMode.MANUAL,
        proxy_url="http://bob@proxy.corp:3128",
        proxy_password="pa ss:word",
    )
    window.registry[ActionId.SETTINGS].trigger()
    key = (SERVICE, "proxy bob@proxy.corp:3128")
    qtbot.waitUntil(lambda: key in memory_keyring.secrets, timeout=5000)
    assert memory_keyring.secrets[key] == "pa ss:word"
    settings = window.parts.preferences.settings
    ini = Path(settings.store.fileName()).read_text(encoding="utf-8")
    assert "proxy_url=http://bob@proxy.corp:3128" in ini
    assert "proxy_mode=manual" in ini
    assert "pa ss" not in ini
    assert "word" not in ini
    # Shown again as it was kept, without the password.
    current = window.parts.preferences.current()
    assert (current.proxy_mode, current.proxy_url, current.proxy_password) == (
        ProxyMode.MANUAL,
        "http://bob@proxy.corp:3128",
        None,
    )
    # A new start reads the password from the keyring when it makes its client (a worker).
    shut(qtbot, window)
    holder = make_window(qtbot, sandbox.url, dialogs).queue.clients
    assert holder._with_password(ProxySettings(ProxyMode.MANUAL, "http://bob@proxy.corp:3128")) == (
        ProxySettings(ProxyMode.MANUAL, "http://bob@proxy.corp:3128", "pa ss:word")
    )


def test_the_row_says_the_proxy_wants_a_password(
    qtbot: QtBot, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    """Through Settings ▸ Network to a real proxy that asks for credentials: it answers
    before it would look up the API host, so no name needs to resolve."""
    with tinyproxy(tmp_path, hosts_file(tmp_path), basic_auth=("alice", "s3cret")) as proxy:
        api = "https://api.example.com"
        window = make_window(qtbot, api, dialogs)
        window.keys.use_key(api, "k" * 32)
        dialogs.settings_answer = SettingsValues(
            api_url=api,
            concurrency=4,
            retries=0,
            auto_copy=False,
            copy_format="url",
            proxy_mode=ProxyMode.MANUAL,
            proxy_url=proxy.url,
        )
        window.registry[ActionId.SETTINGS].trigger()
        window.keys.use_key(api, "k" * 32)
        drop_files(window, [write(tmp_path / "p.png", png_bytes())])
        (item,) = wait_finished(qtbot, window, 1)
        address = proxy.url.removeprefix("http://")
        assert item.state is State.FAILED
        assert item.error == (
            f"the proxy at {address} refused the connection "
            "(HTTP 407: it wants a user name and password)"
        )
        assert window.notices.notice_text(Topic.NETWORK) == (
            f"Uploads cannot reach the service: {item.error}"
        )
        shut(qtbot, window)


def test_the_row_says_the_certificate_is_not_trusted(
    qtbot: QtBot,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "pki"
    folder.mkdir()
    issued = PrivateCA(folder).issue("api")
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt")
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with SandboxServer(tls=issued.server_context()) as server:
        window = make_window(qtbot, server.url, dialogs)
        window.keys.use_key(server.url, server.key)
        drop_files(window, [write(tmp_path / "c.png", png_bytes())])
        (item,) = wait_finished(qtbot, window, 1, timeout=20_000)
        assert item.state is State.FAILED
        assert item.error is not None
        assert item.error.startswith(
            "the certificate of 127.0.0.1 is not trusted: it was issued by an unknown authority."
        )
        assert server.requests == []
        # Said once in full, with the advice the row has no room for, and the way to fix it.
        notice = window.notices.notice_text(Topic.NETWORK)
        assert notice is not None
        assert notice.endswith("ask IT to install its root certificate in the system.")
        # Once the system trusts it (the company root is installed), Retry gets through
        # and the notice goes.
        monkeypatch.setenv("SSL_CERT_FILE", str(folder / "ca.pem"))
        window.queue.retry([item.id])
        (item,) = wait_finished(qtbot, window, 1, timeout=20_000)
        assert item.state is State.DONE, item.error
        assert window.notices.notice_text(Topic.NETWORK) is None
        shut(qtbot, window)


def test_a_saved_proxy_password_can_be_forgotten(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
) -> None:
    values = SettingsValues(
        proxy_mode=ProxyMode.MANUAL,
        proxy_url="http://bob@proxy.corp:3128",
    )
    dialog = SettingsDialog(None, values, STATUS, "https://api.imagepipeline.io")
    qtbot.addWidget(dialog)
    assert dialog.values().proxy_password is None  # untouched: the saved one stays
    assert dialog.proxy.forget_password.isEnabled()
    dialog.proxy.forget_password.click()
    assert not dialog.proxy.forget_password.isEnabled()
    assert dialog.values().proxy_password == ""

    key = (SERVICE, "proxy bob@proxy.corp:3128")
    memory_keyring.secrets[key] = "old"
    window = make_window(qtbot, sandbox.url, dialogs)
    dialogs.settings_answer = dialog.values()
    window.registry[ActionId.SETTINGS].trigger()
    qtbot.waitUntil(lambda: key not in memory_keyring.secrets, timeout=5000)
    # And the next client does not look the old one up meanwhile.
    assert window.queue.clients._proxy.password == ""
    shut(qtbot, window)

"""The system proxy on Linux (``platform/linux/gnome_proxy.py``): GNOME's settings, from a
fake reader and from a gsettings key file the real ``gsettings`` reads; and where it stands
among the proxy variables."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import pytest

from uploader_gui.core.network.proxy import ProxySettings, resolve
from uploader_gui.platform.linux.gnome_proxy import SCHEMA, GnomeProxy

API = "https://api.example.com"
MANUAL = {"mode": "manual", "https.host": "proxy.corp", "https.port": 3128}


def gnome(values: dict[str, object]) -> GnomeProxy:
    return GnomeProxy(read=lambda: values)


def test_a_manual_proxy_is_given_with_where_it_came_from() -> None:
    found = gnome(MANUAL).proxy_for(API)
    assert found is not None
    assert (found.url, found.address, found.source) == (
        "http://proxy.corp:3128",
        "proxy.corp:3128",
        "the GNOME proxy settings",
    )


def test_no_proxy_when_off_ignored_or_unreadable(caplog: pytest.LogCaptureFixture) -> None:
    assert gnome({}).proxy_for(API) is None  # no schema, no gsettings
    assert gnome({**MANUAL, "mode": "none"}).proxy_for(API) is None
    assert gnome({**MANUAL, "ignore-hosts": ["*.example.com"]}).proxy_for(API) is None
    assert gnome({**MANUAL, "https.port": 0}).proxy_for(API) is None
    with caplog.at_level(logging.INFO):
        assert gnome({**MANUAL, "mode": "auto"}).proxy_for(API) is None
    assert "automatic (PAC)" in caplog.text


def test_the_settings_are_read_at_each_call() -> None:
    values: dict[str, object] = {"mode": "none"}
    source = gnome(values)
    assert source.proxy_for(API) is None
    values.update(MANUAL)
    assert source.proxy_for(API) is not None


def test_a_variable_wins_over_the_desktop_and_loopback_asks_neither() -> None:
    source = gnome(MANUAL)
    settings = ProxySettings()
    found = resolve(API, settings, environ={"HTTPS_PROXY": "env:8080"}, desktop=source.proxy_for)
    assert found is not None
    assert found.source == "HTTPS_PROXY"
    found = resolve(API, settings, environ={}, desktop=source.proxy_for)
    assert found is not None
    assert found.source == "the GNOME proxy settings"
    assert resolve("http://127.0.0.1:9", settings, environ={}, desktop=source.proxy_for) is None


def test_from_a_gsettings_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("gsettings") is None:
        pytest.skip("gsettings missing: apt-get install libglib2.0-bin")
    schemas = subprocess.run(["gsettings", "list-schemas"], capture_output=True, text=True)
    if SCHEMA not in schemas.stdout.split():
        pytest.skip("org.gnome.system.proxy missing: apt-get install gsettings-desktop-schemas")
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    keyfile = tmp_path / "config" / "glib-2.0" / "settings" / "keyfile"
    keyfile.parent.mkdir(parents=True)
    keyfile.write_text(
        "[system/proxy]\nmode='manual'\n[system/proxy/http]\nhost='web.corp'\nport=8080\n"
    )
    found = GnomeProxy().proxy_for(API)
    assert found is not None
    assert found.url == "http://web.corp:8080"  # no HTTPS proxy: the HTTP one

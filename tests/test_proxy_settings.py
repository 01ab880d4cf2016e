"""Which proxy carries an upload: variables, NO_PROXY, the manual choice, GNOME's settings
(read by the real ``gsettings`` from a key file), and passwords kept out of settings."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from uploader_gui.core.network import tls
from uploader_gui.core.network.proxy import (
    PlainPasswordError,
    Proxy,
    ProxyMode,
    ProxySettings,
    ProxyURLError,
    check_proxy_url,
    explain_refusal,
    keyring_user,
    resolve,
    split_password,
    with_password,
)
from uploader_gui.platform.linux import gnome_proxy as gnome

API = "https://api.example.com"


def system(environ: dict[str, str], desktop: Proxy | None = None) -> Proxy | None:
    return resolve(API, ProxySettings(), environ=environ, desktop=lambda _url: desktop)


def test_https_all_and_lower_case_variables() -> None:
    assert system({}) is None
    found = system({"HTTPS_PROXY": "proxy.corp:3128"})
    assert found is not None
    assert (found.url, found.address, found.source) == (
        "http://proxy.corp:3128",
        "proxy.corp:3128",
        "HTTPS_PROXY",
    )
    both = system({"HTTPS_PROXY": "http://upper:1", "https_proxy": "http://lower:2"})
    assert both is not None
    assert both.address == "lower:2"
    fallback = system({"ALL_PROXY": "socks5h://socks.corp"})
    assert fallback is not None
    assert (fallback.url, fallback.address) == ("socks5h://socks.corp", "socks.corp:1080")
    # HTTP_PROXY is for http:// URLs; the API is https.
    assert system({"HTTP_PROXY": "http://plain:8080"}) is None


@pytest.mark.parametrize(
    "no_proxy",
    [
        "api.example.com",
        ".example.com",
        "example.com",
        "other, example.com",
        "*",
        "API.Example.COM",
    ],
)
def test_no_proxy_bypasses(no_proxy: str) -> None:
    assert system({"HTTPS_PROXY": "http://p:1", "NO_PROXY": no_proxy}) is None


def test_no_proxy_does_not_bypass_other_hosts() -> None:
    assert system({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "example.org,ample.com"}) is not None


@pytest.mark.parametrize(
    ("api", "no_proxy", "bypassed"),
    [
        ("https://10.1.2.3", "10.0.0.0/8", True),
        ("https://10.1.2.3", "192.168.0.0/16", False),
        ("https://[2001:db8::5]", "2001:db8::/32", True),
        ("https://[2001:db8::5]", "[2001:db8::5]:443", True),
        ("https://10.1.2.3:8443", "10.1.2.3:8443", True),
        ("https://10.1.2.3", "corp", False),
    ],
)
def test_no_proxy_addresses_and_ranges(api: str, no_proxy: str, bypassed: bool) -> None:
    env = {"HTTPS_PROXY": "http://p:1", "NO_PROXY": no_proxy}
    found = resolve(api, ProxySettings(), environ=env, desktop=lambda _url: None)
    assert (found is None) is bypassed


def test_loopback_and_none_are_never_proxied_and_manual_wins() -> None:
    manual = ProxySettings(
        ProxyMode.MANUAL,
        "http://manual:3128",
        password="pw",
        plain_password_ok=frozenset({"manual:3128"}),
    )
    env = {"HTTPS_PROXY": "http://env:1"}
    for host in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"):
        assert resolve(host, manual, environ=env) is None
    assert resolve(API, ProxySettings(ProxyMode.NONE), environ=env) is None
    chosen = resolve(API, manual, environ=env)
    assert chosen is not None
    assert (chosen.url, chosen.has_credentials) == ("http://:pw@manual:3128", True)
    assert "pw" not in repr(chosen)
    assert "pw" not in repr(manual)


def test_desktop_settings_only_when_no_variable_is_set() -> None:
    desktop = Proxy("http://gnome:8080", "gnome:8080", "the GNOME proxy settings", False)
    assert system({}, desktop) == desktop
    assert system({"NO_PROXY": "other"}, desktop) is None  # variables are in charge
    found = system({"HTTPS_PROXY": "http://env:1"}, desktop)
    assert found is not None
    assert found.address == "env:1"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "enter the proxy's address"),
        ("ftp://p:21", "not ftp://"),
        ("http://p:99999", "port must be a number"),
        ("http://p:0", "port must be a number"),
        ("http://p:3128/path", "no path"),
        ("http://", "no host name"),
    ],
)
def test_unusable_proxy_addresses_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ProxyURLError, match=reason):
        check_proxy_url(text)


def test_the_password_is_split_off_for_the_keyring_and_put_back() -> None:
    url = check_proxy_url("http://ali%40ce:p%3Ass%20word@proxy.corp:3128")
    bare, password = split_password(url)
    assert bare == "http://ali%40ce@proxy.corp:3128"
    assert password == "p:ss word"
    assert keyring_user(bare) == "proxy ali@ce@proxy.corp:3128"
    assert with_password(bare, password) == "http://ali%40ce:p%3Ass%20word@proxy.corp:3128"
    assert split_password("socks5://proxy:1080") == ("socks5://proxy:1080", None)


def test_refusals_are_explained_naming_the_proxy() -> None:
    proxy = Proxy("http://proxy.corp:3128", "proxy.corp:3128", "HTTPS_PROXY", False)
    assert explain_refusal(proxy, "407 Proxy Authentication Required") == (
        "the proxy at proxy.corp:3128 refused the connection "
        "(HTTP 407: it wants a user name and password)"
    )
    assert explain_refusal(proxy, "403 Forbidden") == (
        "the proxy at proxy.corp:3128 refused the connection (HTTP 403: Forbidden)"
    )
    assert explain_refusal(proxy, "Proxy Server could not connect: Host unreachable.") == (
        "the proxy at proxy.corp:3128 could not reach the API host (host unreachable)"
    )


@pytest.mark.parametrize(
    ("code", "words"),
    [(20, "unknown authority"), (19, "self-signed"), (10, "has expired"), (62, "another name")],
)
def test_certificate_failures_read_plainly(code: int, words: str) -> None:
    error = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] ...")
    error.verify_code = code
    text = tls.explain(error, "api.example.com")
    assert words in text
    assert "SSL" not in text


# --- GNOME ---------------------------------------------------------------------------


@pytest.fixture
def gnome_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """GSettings in a key file of this test's own (the real gsettings reads it)."""
    if shutil.which("gsettings") is None:
        pytest.skip("gsettings missing: apt-get install libglib2.0-bin")
    schemas = subprocess.run(["gsettings", "list-schemas"], capture_output=True, text=True)
    if gnome.SCHEMA not in schemas.stdout.split():
        pytest.skip("org.gnome.system.proxy missing: apt-get install gsettings-desktop-schemas")
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    keyfile = tmp_path / "config" / "glib-2.0" / "settings" / "keyfile"
    keyfile.parent.mkdir(parents=True)
    return keyfile


def test_gnome_manual_proxy_is_read_with_its_ignore_list(gnome_settings: Path) -> None:
    gnome_settings.write_text(
        "[system/proxy]\nmode='manual'\nignore-hosts=['localhost', '*.internal.corp']\n"
        "[system/proxy/https]\nhost='proxy.corp'\nport=3128\n"
    )
    found = gnome.desktop_proxy(API)
    assert found is not None
    assert (found.url, found.source) == ("http://proxy.corp:3128", "the GNOME proxy settings")
    assert gnome.desktop_proxy("https://api.internal.corp") is None


def test_gnome_socks_only_and_off(gnome_settings: Path) -> None:
    gnome_settings.write_text(
        "[system/proxy]\nmode='manual'\n[system/proxy/socks]\nhost='socks.corp'\nport=1080\n"
    )
    found = gnome.desktop_proxy(API)
    assert found is not None
    assert found.url == "socks5://socks.corp:1080"
    gnome_settings.write_text("[system/proxy]\nmode='none'\n")
    assert gnome.desktop_proxy(API) is None


@pytest.mark.parametrize(
    "typed",
    [
        "http://bob:pa/ss@proxy:3128",  # a "/" in the password
        "http://bob:p#w@proxy:3128",
        "http://bob:p?w@proxy:3128",
        "http://bob:pw@proxy:99999",  # a bad port
    ],
)
def test_an_address_that_does_not_parse_loses_its_password(typed: str) -> None:
    bare, password = split_password(typed)
    assert password is None
    assert bare == "http://proxy:" + typed.rsplit(":", 1)[1]
    assert "bob" not in bare


def test_loopback_spelt_otherwise_is_still_loopback() -> None:
    from uploader_gui.core.urls import is_loopback_host

    for host in ("localhost.", "LOCALHOST", "[::ffff:127.0.0.1]", "127.0.0.2", "[::1]"):
        assert is_loopback_host(host), host
    for host in ("localhost.example.com", "128.0.0.1", "[::ffff:10.0.0.1]"):
        assert not is_loopback_host(host), host


@pytest.mark.parametrize(
    ("settings", "environ"),
    [
        (ProxySettings(ProxyMode.MANUAL, "http://alice@proxy.corp:3128", password="pw"), {}),
        (ProxySettings(ProxyMode.MANUAL, "socks5h://alice@proxy.corp:1080", password="pw"), {}),
        (ProxySettings(), {"HTTPS_PROXY": "http://alice:pw@proxy.corp:3128"}),
    ],
    ids=["manual-http", "manual-socks", "environment"],
)
def test_a_password_in_clear_text_to_a_remote_proxy_needs_consent(
    settings: ProxySettings, environ: dict[str, str]
) -> None:
    with pytest.raises(
        PlainPasswordError, match="would receive its password in clear text"
    ) as raised:
        resolve(API, settings, environ=environ)
    assert "pw" not in str(raised.value)
    address = raised.value.address
    allowed = replace(settings, plain_password_ok=frozenset({address}))
    found = resolve(API, allowed, environ=environ)
    assert found is not None
    assert found.address == address
    assert resolve(API, replace(settings, plain_password_ok=frozenset({"*"})), environ=environ)


def test_no_consent_is_needed_over_https_to_loopback_or_without_a_password() -> None:
    for url, password in (
        ("https://alice@proxy.corp:3128", "pw"),  # TLS to the proxy
        ("http://alice@127.0.0.1:3128", "pw"),  # this computer
        ("http://proxy.corp:3128", None),  # no password
    ):
        assert resolve(API, ProxySettings(ProxyMode.MANUAL, url, password=password)) is not None

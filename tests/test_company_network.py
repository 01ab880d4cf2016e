"""A company network: uploads through real proxies (tinyproxy, microsocks) to the sandbox
served over HTTPS with a certificate from a private CA, trust through the system mechanism,
and a plain message for each way a certificate or a proxy can fail.

``api.test`` stands for a remote API host: the proxies (and a client that connects
directly) resolve it to loopback through a private ``/etc/hosts`` (tests/network.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.images import png_bytes, write
from tests.network import (
    API_NAME,
    PrivateCA,
    RunningProxy,
    hosts_file,
    microsocks,
    need_private_hosts,
    tinyproxy,
    with_private_hosts,
)
from uploader_gui.core.client import UploadClient
from uploader_gui.core.errors import CertificateError, ProxySettingError
from uploader_gui.core.network.proxy import ProxyMode, ProxySettings
from uploader_gui.core.retry import RetryPolicy
from uploader_gui.sandbox import SandboxServer

SYSTEM_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"


@pytest.fixture
def private_hosts() -> None:
    """Requested by :data:`needs_private_hosts`: skipped without one, failed in CI."""
    need_private_hosts()


#: Marks a test that resolves ``api.test`` through a private ``/etc/hosts`` (root, unshare -m).
needs_private_hosts = pytest.mark.usefixtures("private_hosts")


@pytest.fixture
def ca(tmp_path: Path) -> PrivateCA:
    folder = tmp_path / "pki"
    folder.mkdir()
    return PrivateCA(folder)


@pytest.fixture
def hosts(tmp_path: Path) -> Path:
    return hosts_file(tmp_path, API_NAME)


@pytest.fixture
def api(ca: PrivateCA, tmp_path: Path) -> Iterator[SandboxServer]:
    """The sandbox over HTTPS as https://api.test:PORT, its certificate from the private CA."""
    issued = ca.issue("api")
    (tmp_path / "server").mkdir()
    with SandboxServer(
        storage_dir=tmp_path / "server", tls=issued.server_context(), url_host=API_NAME
    ) as server:
        yield server


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without proxy or certificate variables, plus ``extra``."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.lower().endswith("_proxy")
        and not name.startswith(("SSL_CERT_", "IMAGEPIPELINE_"))
    }
    env.update(extra)
    return env


def headless(
    server: SandboxServer,
    *args: str,
    env: dict[str, str],
    hosts: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``uploader-gui --headless --json``, in a private /etc/hosts when ``hosts`` is given."""
    command = [sys.executable, "-m", "uploader_gui", "--headless", "--json", "--retries", "0"]
    command += ["--api-url", server.url, *args]
    if hosts is not None:
        command = with_private_hosts(command, hosts)
    env = dict(env, IMAGEPIPELINE_API_KEY=server.key)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def tunnels(proxy: RunningProxy) -> list[str]:
    return [line for line in proxy.lines() if f"{API_NAME}:" in line]


def photo(tmp_path: Path, name: str = "a.png") -> Path:
    return write(tmp_path / name, png_bytes(seed=len(name)))


# --- uploads through real proxies --------------------------------------------------------


@needs_private_hosts
def test_https_proxy_variable_tunnels_the_upload_through_tinyproxy(
    api: SandboxServer, ca: PrivateCA, hosts: Path, tmp_path: Path
) -> None:
    image = photo(tmp_path)
    with tinyproxy(tmp_path, hosts) as proxy:
        done = headless(
            api, str(image), env=clean_env(SSL_CERT_FILE=str(ca.cert), https_proxy=proxy.url)
        )
        assert done.returncode == 0, done.stderr
        assert tunnels(proxy), proxy.lines()  # the proxy opened the tunnel to api.test
        # CONNECT only: the proxy never saw a request (or the key) in clear text.
        assert not [line for line in proxy.lines() if "/upload/image" in line or api.key in line]
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["url"].startswith(f"https://{API_NAME}:")
    assert [upload.path.read_bytes() for upload in api.uploads] == [image.read_bytes()]


@needs_private_hosts
def test_socks5h_all_proxy_and_socks5_flag_go_through_microsocks(
    api: SandboxServer, ca: PrivateCA, hosts: Path, tmp_path: Path
) -> None:
    first, second = photo(tmp_path, "one.png"), photo(tmp_path, "second.png")
    with microsocks(tmp_path, hosts) as proxy:
        env = clean_env(SSL_CERT_FILE=str(ca.cert), ALL_PROXY=proxy.url)
        assert headless(api, str(first), env=env).returncode == 0
        socks5 = proxy.url.replace("socks5h://", "socks5://")
        done = headless(
            api, "--proxy", socks5, str(second), env=clean_env(SSL_CERT_FILE=str(ca.cert))
        )
        assert done.returncode == 0, done.stderr
        assert len(tunnels(proxy)) == 2, proxy.lines()
    assert [upload.filename for upload in api.uploads] == ["one.png", "second.png"]


@needs_private_hosts
def test_no_proxy_and_the_no_proxy_flag_connect_directly(
    api: SandboxServer, ca: PrivateCA, hosts: Path, tmp_path: Path
) -> None:
    image = photo(tmp_path)
    with tinyproxy(tmp_path, hosts) as proxy:
        base = {"SSL_CERT_FILE": str(ca.cert), "HTTPS_PROXY": proxy.url}
        for env, args in (
            (clean_env(**base, NO_PROXY="localhost,.test"), ()),
            (clean_env(**base, no_proxy=API_NAME), ()),
            (clean_env(**base), ("--no-proxy",)),
        ):
            done = headless(api, *args, str(image), env=env, hosts=hosts)
            assert done.returncode == 0, done.stderr
        assert tunnels(proxy) == []
    assert len(api.uploads) == 3


@needs_private_hosts
def test_a_proxy_that_wants_a_password_says_so_and_the_right_one_gets_through(
    api: SandboxServer, ca: PrivateCA, hosts: Path, tmp_path: Path
) -> None:
    image = photo(tmp_path)
    with tinyproxy(tmp_path, hosts, basic_auth=("alice", "s3cret")) as proxy:
        env = clean_env(SSL_CERT_FILE=str(ca.cert))
        refused = headless(api, "--proxy", proxy.url, str(image), env=env)
        wrong = proxy.url.replace("http://", "http://alice:guess@")
        rejected = headless(api, "--proxy", wrong, str(image), env=env)
        right = proxy.url.replace("http://", "http://alice:s3cret@")
        accepted = headless(api, "--proxy", right, str(image), env=env)
    address = proxy.url.removeprefix("http://")
    assert refused.returncode == 1
    (failed,) = [json.loads(line) for line in refused.stdout.splitlines()]
    assert failed["error"] == (
        f"the proxy at {address} refused the connection "
        "(HTTP 407: it wants a user name and password)"
    )
    (failed,) = [json.loads(line) for line in rejected.stdout.splitlines()]
    assert failed["error"] == (
        f"the proxy at {address} refused the connection "
        "(HTTP 401: it did not accept the user name and password)"  # tinyproxy's answer
    )
    assert "guess" not in rejected.stdout + rejected.stderr
    assert accepted.returncode == 0, accepted.stderr
    assert len(api.uploads) == 1


def test_an_unreachable_proxy_is_named(api: SandboxServer, ca: PrivateCA, tmp_path: Path) -> None:
    image = photo(tmp_path)
    env = clean_env(SSL_CERT_FILE=str(ca.cert), HTTPS_PROXY="http://127.0.0.1:9")
    done = headless(api, str(image), env=env)
    (failed,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert failed["error"].startswith(
        "could not connect to the proxy at 127.0.0.1:9 (from HTTPS_PROXY)"
    ), failed
    assert api.requests == []


def test_a_bad_proxy_variable_is_a_clear_usage_error(api: SandboxServer, tmp_path: Path) -> None:
    done = headless(api, str(photo(tmp_path)), env=clean_env(HTTPS_PROXY="ftp://proxy:21"))
    assert done.returncode == 2
    assert "HTTPS_PROXY is not a usable proxy address" in done.stderr
    with pytest.raises(ProxySettingError, match=r"starts with http://, .* \(not gopher://\)"):
        UploadClient(api.url, api.key, proxy=ProxySettings(ProxyMode.MANUAL, "gopher://x"))


def test_loopback_is_never_proxied(sandbox: SandboxServer, tmp_path: Path) -> None:
    image = photo(tmp_path)
    env = clean_env(HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")
    done = headless(sandbox, "--keep-metadata", str(image), env=env)
    assert done.returncode == 0, done.stderr
    manual = ProxySettings(ProxyMode.MANUAL, "http://127.0.0.1:9")
    with UploadClient(sandbox.url, sandbox.key, proxy=manual) as client:
        assert client.proxy is None
        assert client.upload(image).url


# --- trust ------------------------------------------------------------------------------


def upload_directly(
    server: SandboxServer, image: Path, monkeypatch: pytest.MonkeyPatch, trusted: Path
) -> str:
    """An in-process upload to ``server`` with only ``trusted`` as the system's roots."""
    for name in list(os.environ):
        if name.lower().endswith("_proxy") or name == "SSL_CERT_DIR":
            monkeypatch.delenv(name)
    monkeypatch.setenv("SSL_CERT_FILE", str(trusted))
    with UploadClient(server.url, server.key, retry=RetryPolicy(retries=2)) as client:
        return client.upload(image).url


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        (
            "unknown",
            "is not trusted: it was issued by an unknown authority. If your company "
            "inspects HTTPS traffic, ask IT to install its root certificate in the system.",
        ),
        ("self-signed", "is not trusted: it is self-signed"),
        ("expired", "has expired"),
        ("wrong name", "belongs to another name"),
    ],
)
def test_an_untrusted_certificate_is_refused_before_anything_is_sent(
    ca: PrivateCA,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    message: str,
) -> None:
    trusted = ca.cert
    if kind == "unknown":
        issued, trusted = ca.issue("api"), Path(SYSTEM_BUNDLE)
    elif kind == "self-signed":
        issued = ca.issue("api", self_signed=True)
    elif kind == "expired":
        issued = ca.issue("api", expired=True)
    else:
        issued = ca.issue("api", names=("other.test",), ips=())
    with SandboxServer(tls=issued.server_context()) as server:
        with pytest.raises(CertificateError) as raised:
            upload_directly(server, photo(tmp_path), monkeypatch, trusted)
        assert server.requests == []  # no request, no key: the handshake ended it
    text = str(raised.value)
    assert text.startswith("the certificate of 127.0.0.1 ") or "for 127.0.0.1" in text
    assert message in text
    assert "CERTIFICATE_VERIFY_FAILED" not in text
    assert "[SSL" not in text


def test_a_private_ca_given_through_ssl_cert_file_is_trusted(
    ca: PrivateCA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SandboxServer(tls=ca.issue("api").server_context()) as server:
        url = upload_directly(server, photo(tmp_path), monkeypatch, ca.cert)
        assert url.startswith("https://127.0.0.1:")
        assert len(server.uploads) == 1


def test_ssl_cert_dir_is_honoured_too(
    ca: PrivateCA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hashed certificate folder, as ``update-ca-certificates`` makes."""
    folder = tmp_path / "certs"
    folder.mkdir()
    subject_hash = subprocess.run(
        ["openssl", "x509", "-hash", "-noout", "-in", str(ca.cert)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (folder / f"{subject_hash}.0").write_bytes(ca.cert.read_bytes())
    empty = tmp_path / "empty.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_DIR", str(folder))
    with SandboxServer(tls=ca.issue("api").server_context()) as server:
        monkeypatch.setenv("SSL_CERT_FILE", str(empty))
        with UploadClient(server.url, server.key) as client:
            assert client.upload(photo(tmp_path)).url


def test_an_address_httpx_refuses_is_a_usage_error_not_a_traceback(
    api: SandboxServer, tmp_path: Path
) -> None:
    image = photo(tmp_path)
    done = headless(api, "--proxy", "http://proxy\u200b.corp:3128", str(image), env=clean_env())
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "the proxy cannot be used" in done.stderr


# --- the key check and a proxy's password -----------------------------------------------------


@needs_private_hosts
def test_the_key_check_goes_through_exactly_the_proxy_uploads_use(
    api: SandboxServer,
    ca: PrivateCA,
    hosts: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from uploader_gui.core.client_holder import ClientHolder
    from uploader_gui.core.destination import Destination
    from uploader_gui.core.errors import ConnectionFailedError

    monkeypatch.setenv("SSL_CERT_FILE", str(ca.cert))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    holder = ClientHolder()
    with tinyproxy(tmp_path, hosts) as proxy:
        holder.set_proxy(ProxySettings(ProxyMode.MANUAL, proxy.url))
        with holder.probe(Destination(api.url), api.key) as client:
            client.check_key()  # api.test is known only to the proxy: it went through it
        assert tunnels(proxy)
        # "No proxy" while the environment names one: the check goes direct, as uploads do
        # (and api.test is not known here).
        monkeypatch.setenv("https_proxy", proxy.url)
        holder.set_proxy(ProxySettings(ProxyMode.NONE))
        before = len(tunnels(proxy))
        with (
            holder.probe(Destination(api.url), api.key) as client,
            pytest.raises(ConnectionFailedError),
        ):
            client.check_key()
        assert len(tunnels(proxy)) == before


def test_a_password_in_proxy_is_warned_about_and_others_can_read_it(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    """``--proxy http://user:password@…`` puts the password where every user's ``ps`` reads
    it: the run says so, and how to keep it in the keyring instead."""
    from tests import hostile_server as hs
    from tests.other_user import other_user

    user = other_user()
    image = photo(tmp_path)
    with hs.serving(hs.slow_loris) as server:  # keeps the run alive while ps looks
        env = clean_env(IMAGEPIPELINE_API_KEY="k")
        command = [sys.executable, "-m", "uploader_gui", "--headless", "--retries", "0"]
        command += ["--api-url", server.url, "--proxy", "http://alice:pa55word@proxy.corp:3128"]
        process = subprocess.Popen(
            [*command, str(image)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            assert process.stderr is not None
            warning = process.stderr.readline().decode()  # said before anything is sent
            assert "pa55word" in user.run(["ps", "-eo", "args"]).stdout  # another user reads it
        finally:
            process.kill()
            process.communicate(timeout=30)
    assert "can be read by every user of this computer (ps)" in warning
    assert "--proxy http://alice@proxy.corp:3128" in warning
    assert 'keyring set uploader-gui "proxy alice@proxy.corp:3128"' in warning
    assert "pa55word" not in warning

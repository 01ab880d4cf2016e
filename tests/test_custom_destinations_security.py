"""A custom destination's secrets (a header, a query parameter, a form argument, a deletion
header) go to its own origin only, and appear in no message, ``repr`` or log record.

- a redirect, of any kind, to a second server is never followed: it sees no request at all;
- a server that echoes the request (its target, its headers, its body) in a refusal, in a
  header or in a redirect's ``Location`` has every secret redacted from the error, in the
  forms it was sent in (raw, URL-encoded), and from httpx's and httpcore's log records;
- a connection refused and a proxy's refusal say why without the secrets;
- plain http to a host that is not loopback is refused when the file is read, and a request
  URL that renders onto another origin is refused before anything is sent.

Everything runs over loopback against real servers (the sandbox's hosts, a small echo
server); nothing of httpx is mocked.
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import threading
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from tests import hostile_server as hs
from tests.images import png_bytes, write
from uploader_gui.core.client import UploadClient
from uploader_gui.core.destination import Destination
from uploader_gui.core.destinations.sxcu import SxcuError, parse_sxcu
from uploader_gui.core.destinations.uploader import Section, Uploader
from uploader_gui.core.errors import (
    ConfigurationError,
    ConnectionFailedError,
    InsecureURLError,
    ProxyRefusedError,
    RedirectRefusedError,
    UploadError,
)
from uploader_gui.core.network.proxy import ProxyMode, ProxySettings
from uploader_gui.core.retry import RetryPolicy
from uploader_gui.sandbox import Hosts, HostsAuth, SandboxServer

NAME = "Pixel Hut"
FAST = RetryPolicy(retries=0)
# Each has characters that URL-encoding changes, so its encoded forms differ from it.
HEADER_SECRET = "Bearer H/+ =sec&1"
QUERY_SECRET = "Q/+ =sec&2~x"
FORM_SECRET = "F/+ =sec&3"
DELETE_SECRET = "D-sec/+4"
SECRETS = (HEADER_SECRET, QUERY_SECRET, FORM_SECRET, DELETE_SECRET)
AUTH = HostsAuth(
    headers={"Authorization": HEADER_SECRET},
    query={"api_key": QUERY_SECRET},
    form={"token": FORM_SECRET},
    delete_method="DELETE",
    delete_headers={"X-Delete-Key": DELETE_SECRET},
)


def forms(secrets: Iterable[str] = SECRETS) -> set[str]:
    """Every secret as sent, and URL-encoded both ways (a query's and a path's)."""
    return {form for s in secrets for form in (s, quote(s, safe=""), quote_plus(s))}


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for form in forms():
            assert form not in text


def exception_texts(exc: BaseException) -> list[str]:
    return [str(exc), repr(exc), repr(exc.args)]


def log_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [caplog.text, *(record.getMessage() for record in caplog.records)]


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every record of httpx, httpcore and the app, down to DEBUG."""
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "uploader_gui"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.fixture
def guarded() -> Iterator[SandboxServer]:
    with SandboxServer(hosts=AUTH) as sandbox:
        yield sandbox


@pytest.fixture
def elsewhere() -> Iterator[SandboxServer]:
    """A second server, on another port: where no secret may go."""
    with SandboxServer(hosts=True) as sandbox:
        yield sandbox


def hosts(sandbox: SandboxServer) -> Hosts:
    assert sandbox.hosts is not None
    return sandbox.hosts


def sxcu(request_url: str, **keys: object) -> bytes:
    """A ``.sxcu`` carrying all four kinds of secret (as one exported with them)."""
    document: dict[str, object] = {
        "Version": "17.0.0",
        "Name": NAME,
        "RequestURL": request_url,
        "Parameters": {"api_key": QUERY_SECRET},
        "Headers": {"Authorization": HEADER_SECRET},
        "Body": "MultipartFormData",
        "Arguments": {"token": FORM_SECRET},
        "FileFormName": "file",
        "URL": "{json:data.link}",
        "DeletionURL": "{json:data.delete_url}",
        "DeletionRequest": {"Method": "DELETE", "Headers": {"X-Delete-Key": DELETE_SECRET}},
    }
    document.update(keys)
    return json.dumps({k: v for k, v in document.items() if v is not None}).encode()


def client_for(data: bytes, proxy: ProxySettings | None = None) -> UploadClient:
    imported = parse_sxcu(data)
    assert set(imported.secrets.values()) == set(SECRETS)
    destination = Destination.of_uploader("custom:0000beef", imported.uploader)
    return UploadClient(destination, "", secrets=imported.secrets, retry=FAST, proxy=proxy)


def picture(tmp_path: Path) -> Path:
    return write(tmp_path / "shot.png", png_bytes(6, 5))


# --- Secrets go to the destination's origin only ------------------------------------------------


def test_the_secrets_reach_the_destination_and_upload(
    guarded: SandboxServer, tmp_path: Path
) -> None:
    """The baseline for what follows: with every secret right, the upload goes through."""
    with client_for(sxcu(f"{guarded.url}/hosts/nested-json")) as client:
        result = client.upload(picture(tmp_path))
        assert result.deletion_url is not None
        client.delete(result.deletion_url)
    (upload,) = hosts(guarded).deleted
    assert upload.url == result.url


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_server_is_never_followed(
    guarded: SandboxServer,
    elsewhere: SandboxServer,
    tmp_path: Path,
    status: int,
    logs: pytest.LogCaptureFixture,
) -> None:
    target = f"{elsewhere.url}/hosts/nested-json"
    request_url = f"{guarded.url}/hosts/redirect?to={target}&status={status}"
    with client_for(sxcu(request_url)) as client:
        with pytest.raises(RedirectRefusedError) as raised:
            client.upload(picture(tmp_path))
        exchange = client.exchange(picture(tmp_path))  # Settings' Test does not follow it either
        texts = [repr(client), str(vars(client)), repr(client.destination)]
    assert exchange.reply.status == status
    message = str(raised.value)
    assert message.startswith(f"{NAME}: the server redirected to 127.0.0.1:{elsewhere.port}")
    assert "not followed" in message
    assert hosts(elsewhere).requests == []
    assert elsewhere.requests == []
    # The destination itself got them (it is where they belong).
    sent = hosts(guarded).requests[0]
    assert sent.headers["authorization"] == HEADER_SECRET
    assert sent.query["api_key"] == [QUERY_SECRET]
    assert_no_secret(*exception_texts(raised.value), *texts, *log_texts(logs))


def test_a_deletion_redirected_to_another_server_is_not_followed(
    guarded: SandboxServer, elsewhere: SandboxServer, tmp_path: Path
) -> None:
    with client_for(sxcu(f"{guarded.url}/hosts/files-list", URL="{json:files[0].url}")) as client:
        client.upload(picture(tmp_path))
        (upload,) = hosts(guarded).uploads
        away = f"{elsewhere.url}/hosts/delete/{upload.deletehash}"
        with pytest.raises(RedirectRefusedError):
            client.delete(f"{guarded.url}/hosts/redirect?to={away}")
    assert elsewhere.requests == []
    assert hosts(guarded).deleted == []


def test_a_request_url_rendered_onto_another_origin_is_refused_before_sending(
    guarded: SandboxServer, elsewhere: SandboxServer, tmp_path: Path
) -> None:
    port = elsewhere.port
    # Refused when a file says it ...
    moving = f"http://127.0.0.1:{{random:{port}|{port}}}/hosts/text"
    with pytest.raises(SxcuError, match="RequestURL: a function in the scheme, host or port"):
        parse_sxcu(sxcu(moving))
    # ... and, should an uploader say it anyway, before anything is sent.
    uploader = Uploader(
        NAME,
        moving,
        headers=(("Authorization", ""),),
        file_form_name="file",
        secrets=frozenset({(Section.HEADERS, "Authorization")}),
    )
    destination = Destination(guarded.url, name=NAME, custom=uploader, key="custom:0000f00d")
    secrets = {(Section.HEADERS, "Authorization"): HEADER_SECRET}
    with UploadClient(destination, "", secrets=secrets, retry=FAST) as client:
        with pytest.raises(ConfigurationError) as raised:
            client.upload(picture(tmp_path))
    message = str(raised.value)
    assert message.startswith(f"{NAME}: the request URL ")
    assert f"is not on {guarded.url}, where its secrets may go" in message
    assert elsewhere.requests == []
    assert guarded.requests == []
    assert_no_secret(*exception_texts(raised.value))


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://uploads.example.com/api/upload", "uploads.example.com"),
        ("http://192.168.1.20:8080/upload", "192.168.1.20"),
        ("HTTP://Uploads.Example.com/up", "uploads.example.com"),
    ],
)
def test_plain_http_to_a_host_that_is_not_loopback_is_refused_at_import(
    url: str, host: str
) -> None:
    with pytest.raises(SxcuError) as raised:
        parse_sxcu(sxcu(url))
    assert raised.value.field == "RequestURL"
    assert f"http:// to {host}: the secrets would cross the network unencrypted" in str(
        raised.value
    )
    assert_no_secret(*exception_texts(raised.value))
    # An uploader made otherwise cannot become a destination either.
    with pytest.raises(InsecureURLError, match="plain http"):
        Destination.of_uploader("custom:0000abcd", Uploader(NAME, url, file_form_name="file"))


def test_plain_http_to_loopback_is_taken() -> None:
    for url in ("http://localhost:8080/up", "http://127.0.0.1:9/up", "http://[::1]:9/up"):
        assert parse_sxcu(sxcu(url)).uploader.request_url == url


# --- No secret in any message, repr or log record ------------------------------------------------


class _Echo(BaseHTTPRequestHandler):
    """Answers ``/<what>/<status>`` with ``{"error": {"message": <what it received>}}``:
    ``target`` (the request line's target, the query with it), ``headers`` or ``body``; the
    target also in ``X-Request-Target``, and in ``Location`` for a redirect (as a server that
    moved a path keeps the query)."""

    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        _, what, status_text = self.path.split("?")[0].split("/")[:3]
        status = int(status_text)
        echoed = {
            "target": self.path,
            "headers": str(self.headers),
            "body": body.decode("latin-1"),
        }[what]
        payload = json.dumps({"error": {"message": echoed}}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("X-Request-Target", self.path)
        if 300 <= status < 400:
            self.send_header("Location", self.path.replace(status_text, "moved", 1))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def echo() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("reader", ["{json:error.message}", None])
@pytest.mark.parametrize("what", ["target", "headers", "body"])
@pytest.mark.parametrize("status", [400, 401, 413, 422, 429, 500, 301, 307])
def test_a_refusal_that_echoes_the_request_shows_no_secret(
    echo: str,
    tmp_path: Path,
    logs: pytest.LogCaptureFixture,
    reader: str | None,
    what: str,
    status: int,
) -> None:
    data = sxcu(f"{echo}/{what}/{status}", ErrorMessage=reader)
    with client_for(data) as client:
        with pytest.raises(UploadError) as raised:
            client.upload(picture(tmp_path))
        exchange = client.exchange(picture(tmp_path))
        texts = [repr(client), str(vars(client))]
    message = str(raised.value)
    assert message.startswith(NAME)
    if status != 422:  # (a 422 is "the service rejected the upload", without its number)
        assert f"HTTP {status}" in message
    if status < 300 and (what != "body" or reader):
        assert "***" in message  # the echo was quoted, redacted
    assert_no_secret(*exception_texts(raised.value), *texts, exchange.redact(exchange.reply.body))
    assert_no_secret(*log_texts(logs))


def test_a_secret_made_by_a_function_is_redacted_as_it_was_sent(
    echo: str, tmp_path: Path, logs: pytest.LogCaptureFixture
) -> None:
    """``Basic {base64:user:password}`` is sent as ``Basic dXNlcjpwYXNzd29yZA==``: that is
    what an echo repeats, and what is redacted."""
    basic = "Basic {base64:me:Pw-secret/9}"
    sent = "Basic " + base64.b64encode(b"me:Pw-secret/9").decode()
    document = json.loads(sxcu(f"{echo}/headers/400", ErrorMessage="{json:error.message}"))
    document["Headers"]["Authorization"] = basic
    imported = parse_sxcu(json.dumps(document).encode())
    assert imported.secrets[(Section.HEADERS, "Authorization")] == basic
    destination = Destination.of_uploader("custom:0000beef", imported.uploader)
    with UploadClient(destination, "", secrets=imported.secrets, retry=FAST) as client:
        with pytest.raises(UploadError) as raised:
            client.upload(picture(tmp_path))
    assert "Authorization: ***" in str(raised.value)
    for text in (*exception_texts(raised.value), *log_texts(logs)):
        assert sent not in text
        assert "bWU6UHctc2VjcmV0Lzk" not in text


def test_a_deletion_refused_with_an_echo_shows_no_secret(
    echo: str, logs: pytest.LogCaptureFixture
) -> None:
    with client_for(sxcu(f"{echo}/headers/400")) as client:
        with pytest.raises(UploadError) as raised:
            client.delete(f"{echo}/headers/403")
        with pytest.raises(UploadError) as redirected:
            client.delete(f"{echo}/target/308?api_key={quote_plus(QUERY_SECRET)}")
    assert str(raised.value).startswith(f"{NAME} refused the credentials (HTTP 403)")
    assert "***" in str(raised.value)
    assert_no_secret(*exception_texts(raised.value), *exception_texts(redirected.value))
    assert_no_secret(*log_texts(logs))


def test_a_redirect_to_an_address_holding_a_secret_does_not_quote_it(
    tmp_path: Path, logs: pytest.LogCaptureFixture
) -> None:
    location = f"Location: http://me:{quote(HEADER_SECRET, safe='')}@127.0.0.1:9/"
    with hs.HostileServer(hs.reply(307, b"", location)) as server:
        with client_for(sxcu(f"{server.url}/up")) as client:
            with pytest.raises(RedirectRefusedError) as raised:
                client.upload(picture(tmp_path))
    assert str(raised.value).startswith(f"{NAME}: the server redirected to 127.0.0.1:9 ")
    assert_no_secret(*exception_texts(raised.value), *log_texts(logs))


def test_a_refused_connection_names_the_host_without_the_secrets(
    tmp_path: Path, logs: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with client_for(sxcu(f"http://127.0.0.1:{port}/up?album=a")) as client:
        with pytest.raises(ConnectionFailedError) as raised:
            client.upload(picture(tmp_path))
        with pytest.raises(ConnectionFailedError) as deleting:
            client.delete(f"http://127.0.0.1:{port}/delete?api_key={quote_plus(QUERY_SECRET)}")
    assert str(raised.value).startswith(f"could not connect to 127.0.0.1:{port}")
    assert_no_secret(*exception_texts(raised.value), *exception_texts(deleting.value))
    assert_no_secret(*log_texts(logs))


@pytest.mark.parametrize("status", [407, 403, 502])
def test_a_proxy_s_refusal_says_why_without_the_secrets(
    tmp_path: Path, logs: pytest.LogCaptureFixture, status: int
) -> None:
    body = f"refused {QUERY_SECRET} {HEADER_SECRET}".encode()  # a proxy that says too much
    with hs.HostileServer(hs.reply(status, body, "Content-Type: text/plain")) as proxy:
        settings = ProxySettings(ProxyMode.MANUAL, f"http://127.0.0.1:{proxy.port}")
        data = sxcu("https://uploads.example.test/api/upload")
        with client_for(data, proxy=settings) as client:
            with pytest.raises(ProxyRefusedError) as raised:
                client.upload(picture(tmp_path))
            texts = [repr(client), str(vars(client))]
        (head,) = proxy.requests
    assert head.startswith(b"CONNECT uploads.example.test:443 ")
    assert f"127.0.0.1:{proxy.port}" in str(raised.value)
    for form in forms():
        assert form.encode() not in head  # the proxy saw where, not what
    assert_no_secret(*exception_texts(raised.value), *texts, *log_texts(logs))


def test_every_log_record_of_a_successful_upload_is_free_of_secrets(
    guarded: SandboxServer, tmp_path: Path, logs: pytest.LogCaptureFixture
) -> None:
    with client_for(sxcu(f"{guarded.url}/hosts/xml", URL="{xml:/upload/url}")) as client:
        result = client.upload(picture(tmp_path))
        assert result.deletion_url is None  # no reader for it in this file
        client.delete(hosts(guarded).uploads[0].delete_url)
    assert hosts(guarded).deleted
    assert any(record.name.startswith("httpx") for record in logs.records)
    assert any(record.name.startswith("httpcore") for record in logs.records)
    assert_no_secret(*log_texts(logs))

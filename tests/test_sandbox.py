"""The sandbox upload service, driven over real HTTP: httpx for well-formed requests,
http.client and raw sockets for framing and connection behaviour."""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from uploader_gui.sandbox import Faults, SandboxServer

ROOT = Path(__file__).resolve().parents[1]
UPLOAD = "/upload/image/v1"
PAYLOAD = bytes(range(256)) * 8
PNG = b"\x89PNG\r\n\x1a\n" + PAYLOAD
JPEG = b"\xff\xd8\xff\xe0" + PAYLOAD
WEBP = b"RIFF" + (len(PAYLOAD) + 4).to_bytes(4, "little") + b"WEBP" + PAYLOAD
GIF = b"GIF89a" + PAYLOAD
ALLOWED = "allowed: image/png, image/jpeg, image/webp, image/gif"
MISSING_FILE = {
    "detail": [{"loc": ["body", "file"], "msg": "field required", "type": "value_error.missing"}]
}
# One TLS context for all clients: building one per client costs ~30 ms, and these clients
# only ever speak plain HTTP to loopback.
TLS = ssl.create_default_context()
BOUNDARY = "sandbox-test-boundary"
MULTIPART = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer() as server:
        yield server


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with connect(sandbox) as http:
        yield http


@pytest.fixture
def anonymous(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with connect(sandbox, with_key=False) as http:
        yield http


def connect(sandbox: SandboxServer, *, with_key: bool = True) -> httpx.Client:
    """An httpx client for the sandbox, sending its key unless told not to."""
    headers = {"X-API-Key": sandbox.key} if with_key else {}
    return httpx.Client(
        base_url=sandbox.url, headers=headers, trust_env=False, timeout=10, verify=TLS
    )


def upload(
    client: httpx.Client, name: str = "a.png", content: bytes = PNG, content_type: str = "image/png"
) -> httpx.Response:
    return client.post(UPLOAD, files={"file": (name, content, content_type)})


def multipart(*parts: tuple[str, bytes]) -> bytes:
    """A multipart body built by hand, for shapes httpx does not produce.

    Each part is (its header lines, its content).
    """
    body = b"".join(
        f"--{BOUNDARY}\r\n{headers}\r\n\r\n".encode() + content + b"\r\n"
        for headers, content in parts
    )
    return body + f"--{BOUNDARY}--\r\n".encode()


def exchange(port: int, request: bytes) -> bytes:
    """Sends raw bytes, returns everything received until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


@pytest.mark.parametrize("key", [None, "wrong"])
def test_upload_needs_the_right_key(
    sandbox: SandboxServer, anonymous: httpx.Client, key: str | None
) -> None:
    headers = {} if key is None else {"X-API-Key": key}
    response = anonymous.post(UPLOAD, files={"file": ("a.png", PNG, "image/png")}, headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": "Invalid or missing API key"}
    assert sandbox.uploads == []


def test_health(sandbox: SandboxServer, client: httpx.Client, anonymous: httpx.Client) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/health").status_code == 200
    assert anonymous.get("/health").status_code == 401
    wrong = anonymous.get("/health", headers={"X-API-Key": sandbox.key + "x"})
    assert (wrong.status_code, wrong.json()) == (401, {"detail": "Invalid or missing API key"})


@pytest.mark.parametrize(
    ("content", "content_type", "extension"),
    [
        (PNG, "image/png", "png"),
        (JPEG, "image/jpeg", "jpg"),
        (WEBP, "image/webp", "webp"),
        (GIF, "image/gif", "gif"),
        (b"GIF87a" + PAYLOAD, "image/gif", "gif"),
    ],
)
def test_good_upload_is_stored_and_served(
    sandbox: SandboxServer,
    client: httpx.Client,
    anonymous: httpx.Client,
    content: bytes,
    content_type: str,
    extension: str,
) -> None:
    response = upload(client, f"pic.{extension}", content, content_type)

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body == {"url": body["url"], "filename": f"pic.{extension}", "size_bytes": len(content)}
    assert re.fullmatch(re.escape(sandbox.url) + r"/u/[0-9a-f]{16}\." + extension, body["url"])
    [stored] = sandbox.uploads
    assert (stored.filename, stored.content_type, stored.url) == (
        f"pic.{extension}",
        content_type,
        body["url"],
    )
    assert stored.size == len(content)
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    assert stored.path.read_bytes() == content

    served = anonymous.get(body["url"])  # no key needed
    assert served.status_code == 200
    assert served.content == content
    assert served.headers["content-type"] == content_type
    assert served.headers["content-length"] == str(len(content))


@pytest.mark.parametrize(
    ("head", "status"),
    [("BREW /pot HTTP/1.1\r\n", 501), ("GET /health HTTP/1.1\r\n" + "X-A: b\r\n" * 101, 431)],
    ids=["unknown-method", "too-many-headers"],
)
def test_protocol_errors_are_json_too(sandbox: SandboxServer, head: str, status: int) -> None:
    received = exchange(sandbox.port, f"{head}\r\n".encode())  # returns once closed
    response_head, _, body = received.partition(b"\r\n\r\n")
    status_line, *headers = response_head.decode().split("\r\n")
    assert status_line.startswith(f"HTTP/1.1 {status} ")
    assert "Content-Type: application/json" in headers
    assert f"Content-Length: {len(body)}" in headers
    assert isinstance(json.loads(body)["detail"], str)


def test_unknown_stored_name_is_404(anonymous: httpx.Client) -> None:
    response = anonymous.get("/u/0123456789abcdef.png")
    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


def test_unknown_path_is_404_and_wrong_method_405(client: httpx.Client) -> None:
    missing = client.get("/upload/image/v2")
    assert (missing.status_code, missing.json()) == (404, {"detail": "Not Found"})
    get_upload = client.get(UPLOAD)
    assert (get_upload.status_code, get_upload.json()) == (405, {"detail": "Method Not Allowed"})
    assert get_upload.headers["allow"] == "POST"
    assert client.post("/health").status_code == 405
    assert client.put(UPLOAD, content=b"x").status_code == 405


def test_part_with_another_name_means_missing_file(client: httpx.Client) -> None:
    response = client.post(UPLOAD, files={"image": ("a.png", PNG, "image/png")})
    assert response.status_code == 422
    assert response.json() == MISSING_FILE


def test_form_without_parts_means_missing_file(client: httpx.Client) -> None:
    response = client.post(UPLOAD, content=f"--{BOUNDARY}--\r\n".encode(), headers=MULTIPART)
    assert (response.status_code, response.json()) == (422, MISSING_FILE)


def test_two_file_parts_are_rejected(sandbox: SandboxServer, client: httpx.Client) -> None:
    files = [("file", ("a.png", PNG, "image/png")), ("file", ("b.png", PNG, "image/png"))]
    response = client.post(UPLOAD, files=files)
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "file"],
                "msg": "expected exactly one file part",
                "type": "value_error",
            }
        ]
    }
    assert sandbox.uploads == []


def test_extra_part_is_rejected(client: httpx.Client) -> None:
    response = client.post(UPLOAD, files={"file": ("a.png", PNG, "image/png")}, data={"note": "x"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "note"]
    assert error["type"] == "value_error.extra"


def test_request_that_is_not_multipart_is_422(client: httpx.Client) -> None:
    response = client.post(UPLOAD, content=PNG, headers={"Content-Type": "image/png"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["header", "content-type"]


def test_broken_multipart_body_is_422(client: httpx.Client) -> None:
    response = client.post(UPLOAD, content=b"no boundary in here", headers=MULTIPART)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body"]


def test_octet_stream_part_is_415(client: httpx.Client) -> None:
    response = upload(client, content_type="application/octet-stream")
    assert response.status_code == 415
    assert response.json() == {
        "detail": f"Unsupported media type: application/octet-stream; {ALLOWED}"
    }


@pytest.mark.parametrize("part_type", [None, "text/plain", "image/bmp"])
def test_part_without_an_allowed_type_is_415(client: httpx.Client, part_type: str | None) -> None:
    headers = 'Content-Disposition: form-data; name="file"; filename="a.png"'
    if part_type is not None:
        headers += f"\r\nContent-Type: {part_type}"
    response = client.post(UPLOAD, content=multipart((headers, PNG)), headers=MULTIPART)
    assert response.status_code == 415
    detail = response.json()["detail"]
    assert detail.startswith("Unsupported media type: ")
    assert detail.endswith(f"; {ALLOWED}")
    if part_type is not None:
        assert detail == f"Unsupported media type: {part_type}; {ALLOWED}"


@pytest.mark.parametrize(
    ("content", "declared"),
    [
        (JPEG, "image/png"),
        (PNG, "image/jpeg"),
        (b"RIFF\0\0\0\0WAVEfmt ", "image/webp"),
        (b"GIF90a" + PAYLOAD, "image/gif"),
    ],
)
def test_content_not_matching_declared_type_is_422(
    client: httpx.Client, content: bytes, declared: str
) -> None:
    response = upload(client, content=content, content_type=declared)
    assert response.status_code == 422
    assert response.json() == {"detail": f"File content does not match declared type {declared}"}


def test_empty_file_is_422(client: httpx.Client) -> None:
    response = upload(client, content=b"")
    assert (response.status_code, response.json()) == (422, {"detail": "File is empty"})


def test_file_over_max_bytes_is_413() -> None:
    with SandboxServer(max_bytes=1000) as sandbox, connect(sandbox) as c:
        assert upload(c, content=PNG[:1000]).status_code == 200
        response = upload(c, content=PNG[:1001])
        assert response.status_code == 413
        assert response.json() == {"detail": "File too large: limit is 1000 bytes"}
        assert len(sandbox.uploads) == 1


def test_early_answers_read_the_body_first_and_keep_the_connection(
    sandbox: SandboxServer,
) -> None:
    sandbox.max_bytes = 1000
    body = multipart(('Content-Disposition: form-data; name="file"; filename="a.png"', PNG * 2000))
    key = {"X-API-Key": sandbox.key}
    connection = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=10)
    try:
        answers = []
        for headers in ({"X-API-Key": "wrong", **MULTIPART}, {**key, **MULTIPART}, key):
            connection.request("POST", UPLOAD, body=body, headers=headers)
            response = connection.getresponse()
            answers.append((response.status, response.read()))
            sock = connection.sock
        connection.request("GET", "/health", headers=key)
        assert connection.getresponse().status == 200
        assert connection.sock is sock  # the same connection served every request
    finally:
        connection.close()
    assert [status for status, _ in answers] == [401, 413, 413]
    assert answers[1][1] == b'{"detail": "File too large: limit is 1000 bytes"}'


@pytest.mark.parametrize(
    "framing",
    ["Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "\r\n"],
    ids=["chunked", "no-length"],
)
def test_body_without_content_length_is_411_and_closes(
    sandbox: SandboxServer, framing: str
) -> None:
    head = f"POST {UPLOAD} HTTP/1.1\r\nHost: x\r\nX-API-Key: {sandbox.key}\r\n"
    received = exchange(sandbox.port, (head + framing).encode())  # returns once closed
    status_line, _, rest = received.partition(b"\r\n")
    headers, _, body = rest.partition(b"\r\n\r\n")
    assert status_line == b"HTTP/1.1 411 Length Required"
    assert b"Connection: close" in headers.split(b"\r\n")
    assert b"Content-Type: application/json" in headers.split(b"\r\n")
    assert body == b'{"detail": "Content-Length required"}'


@pytest.mark.parametrize(
    "name",
    [
        'we"ird\\na\nme é.png',
        "a\\b.png",
        "C:\\dir\\x.png",
        "\\\\server\\share\\y.png",
        "ends with backslash\\",
        "tab\there; x=y.png",
        "日本語 %41.png",
    ],
)
def test_filename_comes_back_unchanged(
    sandbox: SandboxServer, client: httpx.Client, name: str
) -> None:
    response = upload(client, name)
    assert response.status_code == 200
    assert response.json()["filename"] == name
    assert sandbox.uploads[0].filename == name


def test_rfc5987_filename_is_decoded(client: httpx.Client) -> None:
    disposition = (
        'Content-Disposition: form-data; name="file"; filename="fallback.png"; '
        "filename*=utf-8''na%C3%AFve%20%22x%22.png"
    )
    body = multipart((f"{disposition}\r\nContent-Type: image/png", PNG))
    response = client.post(UPLOAD, content=body, headers=MULTIPART)
    assert response.status_code == 200
    assert response.json()["filename"] == 'naïve "x".png'


@pytest.mark.parametrize(("status", "retry_after"), [(503, "1"), (429, None)])
def test_injected_failures_then_success(
    sandbox: SandboxServer, client: httpx.Client, status: int, retry_after: str | None
) -> None:
    sandbox.faults = Faults(fail_status=status, fail_count=2, retry_after=retry_after)
    for _ in range(2):
        response = upload(client, "f.png")
        assert response.status_code == status
        assert response.json() == {"detail": "Injected failure"}
        assert response.headers.get("retry-after") == retry_after
    assert upload(client, "other.png").status_code == status  # counted per filename
    assert upload(client, "f.png").status_code == 200
    assert [stored.filename for stored in sandbox.uploads] == ["f.png"]


@pytest.mark.parametrize("size", [len(PNG), 1024 * 1024])
def test_dropped_connection_then_success(
    sandbox: SandboxServer, client: httpx.Client, size: int
) -> None:
    content = (PNG * (size // len(PNG) + 1))[:size]
    sandbox.faults.drop_count = 1
    with pytest.raises(httpx.TransportError):
        upload(client, "d.png", content)
    response = upload(client, "d.png", content)
    assert response.status_code == 200
    assert response.json()["size_bytes"] == size
    assert len(sandbox.uploads) == 1


def test_non_json_answer_then_json(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.faults.non_json_count = 1
    response = upload(client)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html"
    assert response.text == "<html>oops</html>"
    assert sandbox.uploads == []
    assert upload(client).json()["filename"] == "a.png"


def test_faults_come_in_order_and_reset(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.faults = Faults(drop_count=1, fail_count=1, non_json_count=1)
    with pytest.raises(httpx.TransportError):
        upload(client)
    assert upload(client).status_code == 503
    assert upload(client).text == "<html>oops</html>"
    assert upload(client).status_code == 200
    sandbox.faults.fail_count = 5
    sandbox.reset_faults()
    assert sandbox.faults == Faults()
    assert upload(client).status_code == 200


def test_redirect(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.faults.redirect_to = "http://127.0.0.1:9/elsewhere"
    response = upload(client)  # httpx does not follow redirects unless asked
    assert response.status_code == 307
    assert response.headers["location"] == "http://127.0.0.1:9/elsewhere"
    assert sandbox.uploads == []
    sandbox.faults.redirect_to = None
    assert upload(client).status_code == 200  # the body was drained: the connection still works


def test_throttle_slows_the_upload(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.faults.throttle_bps = 400_000
    started = time.monotonic()
    response = upload(client, content=PNG + bytes(200_000 - len(PNG)))
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.4


def test_latency_delays_the_answer(sandbox: SandboxServer, client: httpx.Client) -> None:
    sandbox.faults.latency = 0.3
    started = time.monotonic()
    assert upload(client).status_code == 200
    assert time.monotonic() - started >= 0.3


def test_concurrent_uploads(sandbox: SandboxServer, client: httpx.Client) -> None:
    names = [f"{index}.png" for index in range(16)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(lambda name: upload(client, name), names))
    assert [response.status_code for response in responses] == [200] * len(names)
    assert sorted(stored.filename for stored in sandbox.uploads) == sorted(names)
    assert len({response.json()["url"] for response in responses}) == len(names)


def test_requests_are_recorded(sandbox: SandboxServer, client: httpx.Client) -> None:
    client.get("/health?probe=1", headers={"X-Probe": "Yes"})
    [record] = sandbox.requests
    assert (record.method, record.path) == ("GET", "/health?probe=1")
    assert record.headers["x-probe"] == "Yes"
    assert record.headers["x-api-key"] == sandbox.key
    assert all(name == name.lower() for name in record.headers)


def test_repr_hides_the_key() -> None:
    server = SandboxServer("very-secret-key")
    assert "very-secret-key" not in repr(server)
    with server:
        assert "very-secret-key" not in repr(server)
        assert server.url in repr(server)


def test_key_is_generated() -> None:
    first, second = SandboxServer(), SandboxServer()
    assert len(first.key) >= 32
    assert first.key != second.key


def test_stop_cuts_open_connections_and_removes_storage() -> None:
    sandbox = SandboxServer().start()
    port = sandbox.port
    with connect(sandbox) as http:
        assert upload(http).status_code == 200  # leaves a keep-alive connection open
        storage = sandbox.uploads[0].path.parent
        started = time.monotonic()
        sandbox.stop()
        assert time.monotonic() - started < 2
        sandbox.stop()  # idempotent
    assert not storage.exists()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


def test_given_storage_dir_is_used_and_kept(tmp_path: Path) -> None:
    with SandboxServer(storage_dir=tmp_path) as sandbox, connect(sandbox) as c:
        assert upload(c).status_code == 200
    [stored] = sandbox.uploads
    assert stored.path.parent == tmp_path
    assert stored.path.read_bytes() == PNG


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_standalone_server_prints_its_address_and_stops_on_signal(signum: int) -> None:
    command = [sys.executable, "-m", "uploader_gui.sandbox", "--port", "0", "--key", "k"]
    command += ["--fail-status", "500", "--fail-count", "1", "--retry-after", "7"]
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            match = re.fullmatch(r"sandbox listening on (http://127\.0\.0\.1:\d+) key=k\n", line)
            assert match, line
            with httpx.Client(
                base_url=match[1], headers={"X-API-Key": "k"}, trust_env=False, verify=TLS
            ) as http:
                assert http.get("/health").json() == {"status": "ok"}
                failed = upload(http)
                assert (failed.status_code, failed.headers["retry-after"]) == (500, "7")
                assert upload(http).status_code == 200
            process.send_signal(signum)
            out, err = process.communicate(timeout=10)
        finally:
            process.kill()  # does nothing once it has exited
    assert (process.returncode, out, err) == (0, "", "")


def test_standalone_server_help_lists_its_options() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uploader_gui.sandbox", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert done.stdout.startswith("usage: python -m uploader_gui.sandbox")
    for flag in ("--host", "--port", "--key", "--max-bytes", "--latency", "--fail-status"):
        assert flag in done.stdout
    for flag in ("--fail-count", "--retry-after", "--drop-count", "--non-json-count"):
        assert flag in done.stdout
    assert "--throttle-bps" in done.stdout
    assert done.stderr == ""


def test_sandbox_modules_stay_small() -> None:
    package = ROOT / "uploader_gui" / "sandbox"
    assert not (ROOT / "uploader_gui" / "sandbox.py").exists()
    sizes = {path.name: len(path.read_text().splitlines()) for path in package.glob("*.py")}
    assert {"__init__.py", "__main__.py", "server.py", "handler.py"} <= sizes.keys()
    assert {name: lines for name, lines in sizes.items() if lines >= 500} == {}

"""The PicGo-compatible local server, over real sockets: what editors send (byte for byte as
the Obsidian plugin sends it), PicGo's answers, and every request a web page could make
refused without the window ever being asked to upload.

Nothing here sleeps: a test waits on the events the recording ``upload`` sets, or on
``PicGoServer.wait_idle``.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import httpx
import pytest

from tests.images import SIGNATURES, png_bytes, write
from uploader_gui.core.picgo import (
    MAX_FILES,
    MAX_JSON_BYTES,
    Batch,
    Outcome,
    PicGoServer,
    PortInUseError,
    Source,
)

REPO = Path(__file__).resolve().parent.parent
WAIT = 30.0
#: What Obsidian's requestUrl adds (Electron's user agent; the Origin of Obsidian's window).
OBSIDIAN_UA = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) obsidian/1.8.10 "
    "Chrome/132.0.6834.210 Electron/34.3.0 Safari/537.36"
)
OBSIDIAN_ORIGIN = "app://obsidian.md"


# --- the window's side: a recording upload ---------------------------------------------


@dataclass
class Recorder:
    """An ``UploadBatch`` that records each batch, reads its files while it holds them, and
    waits for ``release`` before answering (set at once unless ``hold``)."""

    hold: bool = False
    outcomes: Callable[[Batch], Sequence[Outcome]] | None = None
    batches: list[Batch] = field(default_factory=list)
    contents: list[dict[str, bytes]] = field(default_factory=list)
    modes: list[tuple[int, int, int]] = field(default_factory=list)
    log: list[str] = field(default_factory=list)
    entered: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    returned: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        if not self.hold:
            self.release.set()

    def __call__(self, batch: Batch, /) -> Sequence[Outcome]:
        with self.lock:
            self.batches.append(batch)
            number = len(self.batches)
            self.log.append(f"start {number}")
        contents = {file.name: file.path.read_bytes() for file in batch.files}
        for file in batch.files if batch.source is Source.RECEIVED else ():
            batch_folder, own_folder = file.path.parent.parent, file.path.parent
            self.modes.append((mode_of(batch_folder), mode_of(own_folder), mode_of(file.path)))
        self.entered.set()
        assert self.release.wait(WAIT)
        result = self.outcomes(batch) if self.outcomes else default_outcomes(batch)
        with self.lock:
            self.contents.append(contents)
            self.log.append(f"end {number}")
        self.returned.set()
        return result


def mode_of(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def default_outcomes(batch: Batch) -> list[Outcome]:
    if batch.source is Source.CLIPBOARD:
        return [Outcome.uploaded("https://img.example/clipboard.png")]
    return [Outcome.uploaded(f"https://img.example/{file.name}") for file in batch.files]


@contextmanager
def serving(recorder: Recorder, **options: object) -> Iterator[PicGoServer]:
    server = PicGoServer(0, upload=recorder, **{"token": None, **options})  # type: ignore[arg-type]
    server.start()
    try:
        yield server
    finally:
        server.stop()
        assert server.wait_idle(WAIT)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def server(recorder: Recorder) -> Iterator[PicGoServer]:
    with serving(recorder) as running:
        yield running


# --- the client's side: raw HTTP --------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, object]:
        document: dict[str, object] = json.loads(self.body)
        return document


def read_reply(reader: BinaryIO) -> Reply:
    """One response from ``reader`` (1xx skipped), framed by its Content-Length."""
    while True:
        status = int(reader.readline().split()[1])
        headers: dict[str, str] = {}
        while (line := reader.readline().decode("latin-1").strip()) != "":
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if status >= 200:
            return Reply(status, headers, reader.read(int(headers.get("content-length", "0"))))


def connect(server: PicGoServer) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=WAIT)


def raw(server: PicGoServer, request: bytes) -> Reply:
    with connect(server) as sock, sock.makefile("rb") as reader:
        sock.sendall(request)
        return read_reply(reader)


def http_request(
    server: PicGoServer,
    headers: Sequence[tuple[str, str]],
    body: bytes = b"",
    *,
    target: str = "/upload",
    method: str = "POST",
    host: str | None = None,
) -> bytes:
    lines = [f"{method} {target} HTTP/1.1"]
    if host != "":
        lines.append(f"Host: {host or f'127.0.0.1:{server.port}'}")
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def obsidian_json(server: PicGoServer, paths: Sequence[str]) -> bytes:
    """The plugin's ``requestUrl({method: "POST", headers: {"Content-Type":
    "application/json"}, body: JSON.stringify({list})})``."""
    document = json.dumps({"list": list(paths)}, ensure_ascii=False, separators=(",", ":"))
    # A lone surrogate is escaped, as JSON.stringify does (\ud800).
    body = document.encode("utf-8", "backslashreplace")
    headers = [
        ("Connection", "keep-alive"),
        ("Content-Length", str(len(body))),
        ("Content-Type", "application/json"),
        ("Origin", OBSIDIAN_ORIGIN),
        ("User-Agent", OBSIDIAN_UA),
        ("Accept-Encoding", "gzip, deflate, br, zstd"),
        ("Accept-Language", "en-US"),
    ]
    return http_request(server, headers, body)


def obsidian_clipboard(server: PicGoServer) -> bytes:
    """``requestUrl({url, method: "POST"})``: no body at all."""
    headers = [("Content-Length", "0"), ("Origin", OBSIDIAN_ORIGIN), ("User-Agent", OBSIDIAN_UA)]
    return http_request(server, headers)


def obsidian_multipart(server: PicGoServer, files: Sequence[tuple[str, bytes]]) -> bytes:
    """The plugin's remote mode: its own payloadGenerator, every file under ``list``, typed
    ``application/octet-stream``, the boundary ``----Boundary`` + 16 characters."""
    boundary = "Boundary" + secrets.token_hex(8)
    body = b""
    for name, data in files:
        body += (
            (
                f"------{boundary}\r\nContent-Disposition: form-data; "
                f'name="list"; filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            ).encode()
            + data
            + b"\r\n"
        )
    body += f"------{boundary}--\r\n".encode()
    headers = [
        ("Content-Type", f"multipart/form-data; boundary=----{boundary}"),
        ("Content-Length", str(len(body))),
        ("Origin", OBSIDIAN_ORIGIN),
        ("User-Agent", OBSIDIAN_UA),
    ]
    return http_request(server, headers, body)


def images(folder: Path, *names: str) -> list[Path]:
    return [write(folder / name, png_bytes(seed=index)) for index, name in enumerate(names)]


# --- the three forms, as the editors send them -----------------------------------------


def test_obsidian_s_json_list_uploads_those_files_in_order(
    server: PicGoServer, recorder: Recorder, tmp_path: Path
) -> None:
    paths = images(tmp_path, "b.png", "a café 图.png")
    reply = raw(server, obsidian_json(server, [str(path) for path in paths]))
    assert reply.status == 200
    assert reply.json() == {
        "success": True,
        "result": ["https://img.example/b.png", "https://img.example/a café 图.png"],
    }
    assert reply.headers["content-type"] == "application/json; charset=utf-8"
    assert reply.headers["access-control-allow-origin"] == OBSIDIAN_ORIGIN
    [batch] = recorder.batches
    assert batch.source is Source.PATHS
    assert [file.path for file in batch.files] == paths
    assert batch.client.origin == OBSIDIAN_ORIGIN
    assert batch.client.user_agent == OBSIDIAN_UA
    assert recorder.contents == [{path.name: path.read_bytes() for path in paths}]


def test_obsidian_s_bodiless_post_uploads_the_clipboard(
    server: PicGoServer, recorder: Recorder
) -> None:
    reply = raw(server, obsidian_clipboard(server))
    assert reply.json() == {"success": True, "result": ["https://img.example/clipboard.png"]}
    assert [(batch.source, batch.files) for batch in recorder.batches] == [(Source.CLIPBOARD, ())]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("application/json", b"{}"), ("application/json", b'{"list":[]}'), ("application/json", b"")],
)
def test_an_empty_json_list_or_none_means_the_clipboard(
    server: PicGoServer, recorder: Recorder, content_type: str, body: bytes
) -> None:
    """PicGo's reading; SiYuan's plugin sends the clipboard request typed JSON, bodiless."""
    length = [("Content-Length", str(len(body)))] if body else []
    reply = raw(server, http_request(server, [("Content-Type", content_type), *length], body))
    assert reply.json()["success"] is True
    assert [batch.source for batch in recorder.batches] == [Source.CLIPBOARD]


def test_obsidian_s_remote_mode_sends_files_that_upload_from_a_private_folder(
    server: PicGoServer, recorder: Recorder
) -> None:
    """Its names are full paths (``new File([data], path)``) or ``<timestamp>.png``."""
    first, second = png_bytes(seed=1), png_bytes(seed=2)
    request = obsidian_multipart(
        server, [("/home/me/vault/att/x 图.png", first), ("17.png", second)]
    )
    reply = raw(server, request)
    assert reply.json() == {
        "success": True,
        "result": ["https://img.example/x 图.png", "https://img.example/17.png"],
    }
    [batch] = recorder.batches
    assert batch.source is Source.RECEIVED
    assert [file.name for file in batch.files] == ["x 图.png", "17.png"]
    assert recorder.contents == [{"x 图.png": first, "17.png": second}]
    assert recorder.modes == [(0o700, 0o700, 0o600)] * 2
    assert server.wait_idle(WAIT)
    assert not batch.files[0].path.parent.parent.exists()  # removed once uploaded


@pytest.mark.parametrize("field_name", ["files", "file", "list"])
def test_picgo_s_and_piclist_s_field_names_are_accepted(
    server: PicGoServer, recorder: Recorder, field_name: str
) -> None:
    files: list[tuple[str, tuple[str, bytes, str]]] = [
        (field_name, ("a.png", png_bytes(), "image/png")),
        (field_name, ("b.png", png_bytes(), "application/octet-stream")),
    ]
    reply = httpx.post(server.url, files=files, data={"note": "skipped"})
    assert reply.json()["result"] == ["https://img.example/a.png", "https://img.example/b.png"]
    assert len(recorder.batches) == 1


def test_a_received_file_is_named_by_its_last_part_only(
    server: PicGoServer, recorder: Recorder
) -> None:
    names = ["C:\\Users\\me\\shot.png", "../../etc/.passwd.png", "\x1b[31m.png", ".."]
    reply = httpx.post(server.url, files=[("list", (name, png_bytes())) for name in names])
    assert reply.json()["success"] is True
    [batch] = recorder.batches
    assert [file.name for file in batch.files] == ["shot.png", "passwd.png", "[31m.png", "image-4"]
    [folder] = {file.path.parent.parent for file in batch.files}  # each in a folder of its own
    assert folder.parent == Path(tempfile.gettempdir())


def test_heartbeat_answers_alive_like_picgo(server: PicGoServer, recorder: Recorder) -> None:
    reply = httpx.post(server.url.replace("/upload", "/heartbeat"))
    assert reply.json() == {"success": True, "result": "alive"}
    assert recorder.batches == []


# --- the answers ----------------------------------------------------------------------


def test_a_partial_failure_is_a_failure_that_names_each_file_and_keeps_the_urls(
    tmp_path: Path,
) -> None:
    def some_fail(batch: Batch) -> list[Outcome]:
        return [
            Outcome.failed("the service refused it (413)")
            if file.name == "big.png"
            else Outcome.uploaded(f"https://img.example/{file.name}")
            for file in batch.files
        ]

    paths = images(tmp_path, "a.png", "big.png", "c.png")
    text = write(tmp_path / "notes.txt", b"hello")
    with serving(Recorder(outcomes=some_fail)) as server:
        reply = httpx.post(server.url, json={"list": [*map(str, paths), str(text)]})
    assert reply.status_code == 200
    assert reply.json() == {
        "success": False,
        "message": "2 images not uploaded: big.png: the service refused it (413); "
        "notes.txt: not an image (text)",
        "result": ["https://img.example/a.png", "https://img.example/c.png"],
    }


def test_one_file_that_fails_is_answered_with_its_reason(tmp_path: Path) -> None:
    recorder = Recorder(outcomes=lambda batch: [Outcome.failed("no network")])
    with serving(recorder) as server:
        reply = httpx.post(server.url, json={"list": [str(images(tmp_path, "a.png")[0])]})
    assert reply.json() == {"success": False, "message": "no network"}


def test_missing_outcomes_and_a_raising_upload_are_failures(tmp_path: Path) -> None:
    paths = [str(path) for path in images(tmp_path, "a.png", "b.png")]
    with serving(Recorder(outcomes=lambda batch: [Outcome.uploaded("https://i/a")])) as server:
        short = httpx.post(server.url, json={"list": paths}).json()
    assert short["success"] is False
    assert short["result"] == ["https://i/a"]
    assert "b.png: uploader-gui gave no result for this image" in str(short["message"])

    def broken(batch: Batch) -> list[Outcome]:
        raise RuntimeError("the window went away")

    with serving(Recorder(outcomes=broken)) as server:
        reply = httpx.post(server.url, json={"list": paths})
    assert reply.status_code == 500
    assert reply.json() == {
        "success": False,
        "message": "uploader-gui could not upload: the window went away",
    }


def test_an_outcome_is_a_url_or_a_reason() -> None:
    with pytest.raises(ValueError, match="either"):
        Outcome()
    with pytest.raises(ValueError, match="either"):
        Outcome(url="https://i/a", reason="no")


# --- what a web page could send: refused, and the window never asked ----------------------


def refused(reply: Reply, status: int, message: str) -> None:
    assert reply.status == status
    assert reply.json() == {"success": False, "message": message}
    assert "access-control-allow-origin" not in reply.headers


FROM_PAGE = "refused: requests from web pages are not accepted"
JSON_LIST = b'{"list":["/tmp/a.png"]}'


@pytest.mark.parametrize(
    "headers",
    [
        [("Origin", "https://evil.example")],
        [("Origin", "null")],  # a sandboxed frame, a file:// page
        [("Origin", "http://127.0.0.1.evil.example:36677")],
        [("Origin", OBSIDIAN_ORIGIN), ("Origin", "https://evil.example")],
        [("Sec-Fetch-Site", "cross-site")],
        [("Sec-Fetch-Site", "same-site")],
        [("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors")],
    ],
)
def test_a_web_page_s_request_is_refused(
    server: PicGoServer, recorder: Recorder, headers: list[tuple[str, str]]
) -> None:
    body = [("Content-Type", "application/json"), ("Content-Length", str(len(JSON_LIST)))]
    refused(raw(server, http_request(server, [*headers, *body], JSON_LIST)), 403, FROM_PAGE)
    refused(raw(server, http_request(server, [*headers, ("Content-Length", "0")])), 403, FROM_PAGE)
    assert recorder.batches == []


@pytest.mark.parametrize(
    "headers",
    [
        [],  # curl, scripts
        [("Sec-Fetch-Site", "none")],
        [("Origin", OBSIDIAN_ORIGIN), ("Sec-Fetch-Site", "cross-site")],  # its renderer's fetch
        [("Origin", "App://Obsidian.md")],
        [("Origin", "http://localhost:6806"), ("Sec-Fetch-Site", "same-site")],
    ],
)
def test_what_editors_and_scripts_send_is_accepted(
    server: PicGoServer, recorder: Recorder, headers: list[tuple[str, str]]
) -> None:
    reply = raw(server, http_request(server, headers))
    assert reply.json()["success"] is True
    assert len(recorder.batches) == 1


@pytest.mark.parametrize("origin", ["http://127.0.0.1:6806", "https://127.0.0.1:50123"])
def test_siyuan_s_window_is_accepted_unless_local_pages_are_refused(
    recorder: Recorder, origin: str
) -> None:
    """SiYuan's window is served by its kernel on loopback; its plugin fetches from it."""
    headers = [("Origin", origin), ("Sec-Fetch-Site", "cross-site"), ("Content-Length", "0")]
    with serving(recorder) as server:
        reply = raw(server, http_request(server, headers))
    assert reply.json()["success"] is True
    assert reply.headers["access-control-allow-origin"] == origin
    with serving(recorder, local_pages=False) as server:
        refused(raw(server, http_request(server, headers)), 403, FROM_PAGE)
    assert len(recorder.batches) == 1


@pytest.mark.parametrize(
    ("content_type", "status"),
    [
        ("text/plain;charset=UTF-8", 415),  # fetch(url, {method: "POST", body: "…"})
        ("application/x-www-form-urlencoded", 415),  # a <form> a page submits
        ("application/octet-stream", 415),
        ("multipart/form-data", 400),  # no boundary
    ],
)
def test_a_body_a_page_may_send_without_asking_is_refused(
    server: PicGoServer, recorder: Recorder, content_type: str, status: int
) -> None:
    headers = [("Content-Type", content_type), ("Content-Length", str(len(JSON_LIST)))]
    reply = raw(server, http_request(server, headers, JSON_LIST))
    assert reply.status == status
    assert reply.json()["success"] is False
    empty = raw(server, http_request(server, [("Content-Type", "text/plain")]))
    assert empty.status == 415
    assert recorder.batches == []


@pytest.mark.parametrize(
    "host", ["evil.example:{port}", "127.0.0.1:1", "127.0.0.1", "localhost.:{port}", ""]
)
def test_a_rebinding_host_is_refused_before_anything_else(
    server: PicGoServer, recorder: Recorder, host: str
) -> None:
    request = http_request(
        server, [("Content-Length", "0")], target="/nowhere", host=host.format(port=server.port)
    )
    refused(raw(server, request), 403, "refused: this server answers only 127.0.0.1 and localhost")
    twice = http_request(server, [("Host", f"127.0.0.1:{server.port}")])
    refused(raw(server, twice), 403, "refused: this server answers only 127.0.0.1 and localhost")
    assert recorder.batches == []


def test_localhost_is_a_name_it_answers_to(server: PicGoServer, recorder: Recorder) -> None:
    reply = raw(server, http_request(server, [], host=f"LocalHost:{server.port}"))
    assert reply.json()["success"] is True


def test_it_listens_on_127_0_0_1_only(server: PicGoServer) -> None:
    assert server.url == f"http://127.0.0.1:{server.port}/upload"
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.2", server.port), timeout=WAIT)


def test_other_addresses_and_methods(server: PicGoServer, recorder: Recorder) -> None:
    assert httpx.post(server.url + "s").status_code == 404
    for method in ("GET", "PUT", "DELETE", "OPTIONS"):
        reply = httpx.request(method, server.url)
        assert reply.status_code == 405
        assert reply.headers["allow"] == "POST"
        assert reply.json() == {"success": False, "message": "only POST is accepted here"}
    broken = raw(server, b"POST /upload HTTP/1.1 extra\r\n\r\n")
    assert broken.status == 400
    assert broken.json()["success"] is False
    assert recorder.batches == []


def test_only_an_editor_s_preflight_is_granted(server: PicGoServer, recorder: Recorder) -> None:
    asks = [
        ("Access-Control-Request-Method", "POST"),
        ("Access-Control-Request-Headers", "content-type"),
    ]
    granted = raw(
        server, http_request(server, [("Origin", OBSIDIAN_ORIGIN), *asks], method="OPTIONS")
    )
    assert granted.status == 204
    assert granted.headers["access-control-allow-origin"] == OBSIDIAN_ORIGIN
    evil = raw(
        server, http_request(server, [("Origin", "https://evil.example"), *asks], method="OPTIONS")
    )
    refused(evil, 403, FROM_PAGE)
    assert recorder.batches == []


KEY = "s3cret-key"
WRONG_KEY = "the key is missing or wrong: add ?key=… to the address, as set in uploader-gui"


@pytest.mark.parametrize(
    ("target", "headers", "accepted"),
    [
        (f"/upload?key={KEY}", [], True),  # PicList
        (f"/upload?picbed=smms&key={KEY}", [], True),
        ("/upload", [("Authorization", f"Bearer {KEY}")], True),  # PicGo 3
        ("/upload", [("X-PicGo-Secret", KEY)], True),
        (f"/upload?secret={KEY}", [], True),
        ("/upload", [], False),
        ("/upload?key=s3cret-kez", [], False),
        ("/upload?key=", [], False),
        (f"/upload?key={KEY}&key=other", [], False),
        (f"/upload?key={KEY}", [("X-PicGo-Secret", "other")], False),
        ("/upload", [("Authorization", f"Basic {KEY}")], False),
    ],
)
def test_with_a_key_set_only_requests_carrying_it_upload(
    recorder: Recorder, target: str, headers: list[tuple[str, str]], accepted: bool
) -> None:
    with serving(recorder, token=KEY) as server:
        reply = raw(server, http_request(server, headers, target=target))
    if accepted:
        assert reply.json()["success"] is True
        assert len(recorder.batches) == 1
    else:
        refused(reply, 401, WRONG_KEY)
        assert recorder.batches == []


def test_a_body_too_large_is_refused_unread(server: PicGoServer, recorder: Recorder) -> None:
    """The answer comes with no byte of the body sent: nothing of it was waited for."""
    headers = [("Content-Type", "application/json"), ("Content-Length", str(MAX_JSON_BYTES + 1))]
    refused(
        raw(server, http_request(server, headers)), 413, "the request is too large: at most 1.0 MB"
    )
    with serving(recorder, max_body=4096) as small:
        multipart = [
            ("Content-Type", "multipart/form-data; boundary=x"),
            ("Content-Length", "4097"),
        ]
        refused(
            raw(small, http_request(small, multipart)),
            413,
            "the request is too large: at most 4.1 KB",
        )
    assert recorder.batches == []


def test_an_image_over_the_file_limit_is_answered_with_its_reason_and_the_rest_upload(
    recorder: Recorder, tmp_path: Path
) -> None:
    big = SIGNATURES["image/png"] + b"\0" * 2000
    spool = tmp_path / "spool"
    spool.mkdir()
    with serving(recorder, max_file_bytes=1000, spool_dir=spool) as server:
        files = [("list", ("big.png", big)), ("list", ("small.png", png_bytes()))]
        reply = httpx.post(server.url, files=files)
        assert server.wait_idle(WAIT)
    assert reply.json() == {
        "success": False,
        "message": "1 image not uploaded: big.png: larger than 1.0 KB",
        "result": ["https://img.example/small.png"],
    }
    [batch] = recorder.batches
    assert [file.name for file in batch.files] == ["small.png"]
    assert batch.files[0].path.is_relative_to(spool)
    assert list(spool.iterdir()) == []  # the private folder is gone


def test_too_many_files_in_one_form_are_refused(server: PicGoServer, recorder: Recorder) -> None:
    files = [("list", (f"{index}.png", png_bytes())) for index in range(MAX_FILES + 1)]
    reply = httpx.post(server.url, files=files)
    assert reply.status_code == 413
    assert reply.json() == {
        "success": False,
        "message": f"too many images in one request: at most {MAX_FILES}",
    }
    assert recorder.batches == []


def test_a_body_without_a_length_is_refused(server: PicGoServer, recorder: Recorder) -> None:
    def chunks() -> Iterator[bytes]:
        yield JSON_LIST

    reply = httpx.post(server.url, content=chunks(), headers={"Content-Type": "application/json"})
    assert reply.status_code == 411
    assert reply.json() == {
        "success": False,
        "message": "the request must give its length (Content-Length)",
    }
    unframed = raw(
        server, http_request(server, [("Content-Type", "multipart/form-data; boundary=x")])
    )
    assert unframed.status == 411
    assert recorder.batches == []


@pytest.mark.parametrize(
    "body", [b"{", b"[]", b'{"list": "/a.png"}', b'{"list": [1]}', b'{"list": [""]}', b"\xff"]
)
def test_a_malformed_json_body_is_refused(
    server: PicGoServer, recorder: Recorder, body: bytes
) -> None:
    reply = httpx.post(server.url, content=body, headers={"Content-Type": "application/json"})
    assert reply.status_code == 400
    assert reply.json()["success"] is False
    assert recorder.batches == []


def test_malformed_forms_are_refused(server: PicGoServer, recorder: Recorder) -> None:
    stray = httpx.post(server.url, files=[("image", ("a.png", png_bytes()))])
    assert stray.status_code == 400
    assert stray.json()["message"] == "a file was sent under the field 'image': use list or files"
    fields = b'--x\r\nContent-Disposition: form-data; name="list"\r\n\r\n/tmp/a.png\r\n--x--\r\n'
    headers = [
        ("Content-Type", "multipart/form-data; boundary=x"),
        ("Content-Length", str(len(fields))),
    ]
    only_fields = raw(server, http_request(server, headers, fields))
    refused(only_fields, 400, "the form holds no image: send files under the field list or files")
    cut = b"--x\r\nContent-Disposition: form-data; name=list; filename=a.png\r\n\r\n\x89PNG"
    headers = [
        ("Content-Type", "multipart/form-data; boundary=x"),
        ("Content-Length", str(len(cut))),
    ]
    refused(raw(server, http_request(server, headers, cut)), 400, "the form data could not be read")
    assert recorder.batches == []


def test_expect_100_continue_comes_only_after_the_gate(server: PicGoServer) -> None:
    body = json.dumps({"list": []}).encode()
    headers = [
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(body))),
        ("Expect", "100-continue"),
    ]
    with connect(server) as sock, sock.makefile("rb") as reader:
        sock.sendall(http_request(server, headers))
        assert reader.readline() == b"HTTP/1.1 100 Continue\r\n"
        assert reader.readline() == b"\r\n"
        sock.sendall(body)
        assert read_reply(reader).json()["success"] is True
    with connect(server) as sock, sock.makefile("rb") as reader:
        sock.sendall(http_request(server, [*headers, ("Origin", "https://evil.example")]))
        assert reader.readline() == b"HTTP/1.1 403 Forbidden\r\n"  # no 100 Continue first


# --- paths that are not regular image files ------------------------------------------


def special_path(kind: str, folder: Path) -> tuple[str, str]:
    """A path of ``kind`` and the reason it is refused with."""
    if kind == "fifo":
        os.mkfifo(folder / "pipe.png")
        return str(folder / "pipe.png"), "not a regular file"
    if kind == "link-to-fifo":
        os.mkfifo(folder / "pipe")
        (folder / "link.png").symlink_to(folder / "pipe")
        return str(folder / "link.png"), "not a regular file"
    if kind == "device":
        return "/dev/zero", "not a regular file"
    if kind == "folder":
        (folder / "album").mkdir()
        images(folder / "album", "inside.png")  # never expanded
        return str(folder / "album"), "this is a folder, not a file"
    if kind == "missing":
        return str(folder / "gone.png"), "the file does not exist (moved or deleted?)"
    if kind == "relative":
        return "attachments/a.png", "not an absolute path"
    if kind == "web":
        return (
            "https://example.com/a.png",
            "a web address: only files on this computer are uploaded",
        )
    if kind == "text":
        return str(write(folder / "a.png", b"just text")), "not an image (text)"
    if kind == "svg":
        return str(write(folder / "a.svg", b"<svg xmlns='x'/>")), "not an image (SVG)"
    if kind == "surrogate":
        return "/tmp/\ud800.png", "not a valid path"
    if kind == "too-long":
        return "/" + "n" * 5000 + ".png", "the file cannot be read: File name too long"
    if kind == "empty":
        return str(write(folder / "a.png", b"")), "the file is empty"
    raise AssertionError(kind)


KINDS = [
    "fifo",
    "link-to-fifo",
    "device",
    "folder",
    "missing",
    "relative",
    "web",
    "text",
    "svg",
    "empty",
    "surrogate",
    "too-long",
]


@pytest.mark.parametrize("kind", KINDS)
def test_a_path_that_is_not_a_regular_image_is_refused_and_never_handed_over(
    server: PicGoServer, recorder: Recorder, tmp_path: Path, kind: str
) -> None:
    path, reason = special_path(kind, tmp_path)
    reply = raw(server, obsidian_json(server, [path]))
    assert reply.json() == {"success": False, "message": reason}
    assert recorder.batches == []


def test_the_other_files_of_the_list_still_upload(
    server: PicGoServer, recorder: Recorder, tmp_path: Path
) -> None:
    fifo, _ = special_path("fifo", tmp_path)
    [good] = images(tmp_path, "good.png")
    reply = raw(server, obsidian_json(server, [fifo, str(good)]))
    assert reply.json() == {
        "success": False,
        "message": "1 image not uploaded: pipe.png: not a regular file",
        "result": ["https://img.example/good.png"],
    }
    assert [file.path for batch in recorder.batches for file in batch.files] == [good]


def test_other_image_types_the_app_reads_are_handed_over(
    server: PicGoServer, recorder: Recorder, tmp_path: Path
) -> None:
    paths = [
        write(tmp_path / f"a.{mime.split('/')[1]}", head + b"\0" * 64)
        for mime, head in SIGNATURES.items()
    ]
    paths.append(write(tmp_path / "b.bmp", b"BM" + b"\0" * 64))  # converted before upload
    reply = raw(server, obsidian_json(server, [str(path) for path in paths]))
    assert reply.json()["success"] is True
    assert [file.path for file in recorder.batches[0].files] == paths


CHILD = """
import sys
from uploader_gui.core.picgo import Outcome, PicGoServer
def upload(batch):
    print("called", flush=True)
    return [Outcome.uploaded("https://i/" + file.name) for file in batch.files]
server = PicGoServer(0, token=None, upload=upload).start()
print(server.port, flush=True)
sys.stdin.read()
server.stop()
"""
#: As test_headless does: root without its power to read any file.
WITHOUT_PERMISSION_BYPASS = (
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
    "--",
)


def test_an_unreadable_path_is_refused(tmp_path: Path) -> None:
    """In a server of its own, without root's power to read anything (when root)."""
    [locked] = images(tmp_path, "locked.png")
    locked.chmod(0)
    prefix = WITHOUT_PERMISSION_BYPASS if os.geteuid() == 0 else ()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [*prefix, sys.executable, "-c", CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    ) as child:
        assert child.stdin is not None
        assert child.stdout is not None
        port = int(child.stdout.readline())
        reply = httpx.post(f"http://127.0.0.1:{port}/upload", json={"list": [str(locked)]})
        child.stdin.close()
        rest = child.stdout.read()
    assert child.returncode == 0
    assert reply.json() == {
        "success": False,
        "message": "permission denied: the file cannot be read",
    }
    assert "called" not in rest


# --- clients, connections, stopping ----------------------------------------------------


def test_a_client_that_leaves_mid_batch_loses_nothing() -> None:
    recorder = Recorder(hold=True)
    data = png_bytes(seed=7)
    with serving(recorder) as server:
        with connect(server) as sock:
            sock.sendall(obsidian_multipart(server, [("/vault/a.png", data)]))
            assert recorder.entered.wait(WAIT)
        recorder.release.set()  # the client is gone; the batch goes on
        assert recorder.returned.wait(WAIT)
        assert server.wait_idle(WAIT)
        [batch] = recorder.batches
        assert recorder.contents == [{"a.png": data}]
        assert not batch.files[0].path.exists()  # removed after the upload returned
        assert httpx.post(server.url).json()["success"] is True  # and it serves on


def test_two_clients_are_served_at_the_same_time() -> None:
    both = threading.Barrier(2, timeout=WAIT)

    def meet(batch: Batch) -> Sequence[Outcome]:
        both.wait()  # returns only once both batches are being uploaded together
        return default_outcomes(batch)

    with (
        serving(Recorder(outcomes=meet)) as server,
        httpx.Client() as first,
        httpx.Client() as second,
    ):
        replies: list[httpx.Response] = []
        other = threading.Thread(target=lambda: replies.append(second.post(server.url)))
        other.start()
        replies.append(first.post(server.url))
        other.join(WAIT)
    assert [reply.json()["success"] for reply in replies] == [True, True]


def test_one_connection_s_requests_are_served_one_after_the_other(tmp_path: Path) -> None:
    """Two requests sent at once on one connection: the second waits for the first's answer,
    and the answers come back in order."""
    recorder = Recorder(hold=True)
    first, second = images(tmp_path, "first.png", "second.png")
    with serving(recorder) as server, connect(server) as sock, sock.makefile("rb") as reader:
        sock.sendall(obsidian_json(server, [str(first)]) + obsidian_json(server, [str(second)]))
        assert recorder.entered.wait(WAIT)
        assert recorder.log == ["start 1"]
        recorder.release.set()
        replies = [read_reply(reader).json()["result"] for _ in range(2)]
    assert replies == [["https://img.example/first.png"], ["https://img.example/second.png"]]
    assert recorder.log == ["start 1", "end 1", "start 2", "end 2"]


def closed(sock: socket.socket) -> bool:
    """Whether the server closed ``sock``: at its end, or reset (still in the listening
    queue when the listening socket closed)."""
    try:
        return sock.recv(1) == b""
    except ConnectionResetError:
        return True


def test_stop_answers_a_batch_in_flight_and_still_sees_it_through(tmp_path: Path) -> None:
    recorder = Recorder(hold=True)
    [path] = images(tmp_path, "a.png")
    server = PicGoServer(0, token=None, upload=recorder).start()
    port = server.port
    with connect(server) as sock, sock.makefile("rb") as reader, connect(server) as idle:
        sock.sendall(obsidian_json(server, [str(path)]))
        assert recorder.entered.wait(WAIT)
        server.stop()
        assert not server.running
        refused(read_reply(reader), 503, "uploader-gui is stopping")
        assert closed(idle)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=WAIT)
    assert not recorder.returned.is_set()
    recorder.release.set()
    assert recorder.returned.wait(WAIT)
    assert server.wait_idle(WAIT)
    assert recorder.contents == [{"a.png": path.read_bytes()}]


def test_stop_with_grace_lets_a_batch_finish_and_answers_it(tmp_path: Path) -> None:
    recorder = Recorder(hold=True)
    [path] = images(tmp_path, "a.png")
    server = PicGoServer(0, token=None, upload=recorder).start()
    with connect(server) as sock, sock.makefile("rb") as reader:
        sock.sendall(obsidian_json(server, [str(path)]))
        assert recorder.entered.wait(WAIT)
        stopping = threading.Thread(target=server.stop, kwargs={"grace": WAIT})
        stopping.start()
        recorder.release.set()
        reply = read_reply(reader)
        stopping.join(WAIT)
    assert not stopping.is_alive()
    assert reply.json() == {"success": True, "result": ["https://img.example/a.png"]}
    assert reply.headers["connection"] == "close"


def test_a_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        server = PicGoServer(port, token=None, upload=Recorder())
        with pytest.raises(PortInUseError) as caught:
            server.start()
    assert isinstance(caught.value, OSError)
    assert caught.value.errno == errno.EADDRINUSE
    assert caught.value.message == (
        f"port {port} is already in use (is PicGo or PicList running?): "
        "quit it or choose another port"
    )
    assert not server.running


def test_it_starts_again_after_a_stop(recorder: Recorder) -> None:
    server = PicGoServer(0, token=None, upload=recorder)
    for _ in range(2):
        server.start()
        assert httpx.post(server.url).json()["success"] is True
        with pytest.raises(RuntimeError):
            server.start()
        server.stop()
        server.stop()  # idempotent
    assert len(recorder.batches) == 2

"""The upload client against the real sandbox server over loopback."""

from __future__ import annotations

import email.utils
import http.server
import logging
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from tests.images import fake_image, png_bytes, sparse_image, write
from uploader_gui import __version__
from uploader_gui.core.client import UploadClient
from uploader_gui.core.errors import (
    BadResponseError,
    CancelledError,
    ConnectionFailedError,
    FileTooLargeError,
    InsecureURLError,
    KeyRejectedError,
    LocalFileError,
    RateLimitedError,
    RedirectRefusedError,
    ServerError,
    TypeRejectedError,
    UploadError,
    UploadTimeoutError,
    ValidationError,
)
from uploader_gui.core.retry import CancelToken, RetryPolicy
from uploader_gui.sandbox import SandboxServer

FAST = RetryPolicy(retries=3, base_delay=0.01, max_delay=0.05)


@pytest.fixture
def client(sandbox: SandboxServer) -> Iterator[UploadClient]:
    with UploadClient(sandbox.url, sandbox.key, retry=FAST) as upload_client:
        yield upload_client


def uploads_to(sandbox: SandboxServer) -> list[str]:
    return [r.path for r in sandbox.requests if r.method == "POST"]


@pytest.mark.parametrize("mime", ["image/png", "image/jpeg", "image/webp", "image/gif"])
def test_upload_lands_byte_identical_with_the_sniffed_type(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path, mime: str
) -> None:
    data = png_bytes(7, 5) if mime == "image/png" else fake_image(mime, 5000)
    path = write(tmp_path / "picture.bin", data)
    result = client.upload(path)
    assert result.filename == "picture.bin"
    assert result.size_bytes == len(data)
    served = httpx.get(result.url)
    assert served.content == data
    assert served.headers["content-type"] == mime
    assert sandbox.uploads[-1].content_type == mime


def test_a_png_name_holding_jpeg_data_goes_as_jpeg(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "photo.png", fake_image("image/jpeg"))
    client.upload(path)
    assert sandbox.uploads[-1].content_type == "image/jpeg"


def test_request_has_content_length_user_agent_and_the_key(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "a.png", png_bytes())
    client.upload(path)
    headers = sandbox.requests[-1].headers
    assert int(headers["content-length"]) > len(png_bytes())
    assert "transfer-encoding" not in headers
    assert headers["user-agent"] == f"uploader-gui/{__version__}"
    assert headers["x-api-key"] == sandbox.key


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"BM" + b"\x00" * 60, "not an image the service accepts: BMP"),
        (b"II*\x00" + b"\x00" * 60, "TIFF"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG"),
        (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 20, "HEIC"),
        (b"just some notes\n", "text"),
        (b"", "empty"),
    ],
)
def test_files_the_service_refuses_are_refused_before_sending(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = write(tmp_path / "thing.png", content)
    with pytest.raises(LocalFileError, match=reason):
        client.upload(path)
    assert sandbox.requests == []


def test_missing_path_and_folder_are_refused_before_sending(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    with pytest.raises(LocalFileError, match="does not exist"):
        client.upload(tmp_path / "nope.png")
    with pytest.raises(LocalFileError, match="folder"):
        client.upload(tmp_path)
    assert sandbox.requests == []


def test_wrong_key_is_rejected_and_not_retried(sandbox: SandboxServer, tmp_path: Path) -> None:
    path = write(tmp_path / "a.png", png_bytes())
    with UploadClient(sandbox.url, "wrong-key", retry=FAST) as client:
        with pytest.raises(KeyRejectedError, match="rejected"):
            client.upload(path)
    assert len(uploads_to(sandbox)) == 1


def test_too_large_is_final_with_a_clear_message(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.max_bytes = 1000
    path = write(tmp_path / "big.png", fake_image("image/png", 200_000))
    with pytest.raises(FileTooLargeError, match="too large") as info:
        client.upload(path)
    assert info.value.status == 413
    assert len(uploads_to(sandbox)) == 1
    # Said once; the server's "File too large: limit is 1000 bytes" adds only the limit.
    assert str(info.value) == (
        "the file is too large for the service (HTTP 413): limit is 1000 bytes"
    )


@pytest.mark.parametrize(
    ("detail", "message"),
    [
        ("Payload Too Large", "the file is too large for the service (HTTP 413)"),
        ("The file is too large.", "the file is too large for the service (HTTP 413)"),
        ("", "the file is too large for the service (HTTP 413)"),
        ("too large (max 5 MB)", "the file is too large for the service (HTTP 413): max 5 MB"),
        (
            "Uploads are limited to 10 MB",
            "the file is too large for the service (HTTP 413): Uploads are limited to 10 MB",
        ),
    ],
)
def test_a_413_detail_is_quoted_only_for_what_it_adds(
    tmp_path: Path, detail: str, message: str
) -> None:
    body = {"detail": detail} if detail else {}
    transport = httpx.MockTransport(lambda request: httpx.Response(413, json=body))
    with UploadClient("https://api.example", "k", transport=transport) as client:
        with pytest.raises(FileTooLargeError) as info:
            client.upload(write(tmp_path / "a.png", png_bytes()))
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("status", "error", "text"),
    [
        (415, TypeRejectedError, "refused the file type: Injected failure"),
        (422, ValidationError, "rejected the upload: Injected failure"),
        (400, UploadError, "HTTP 400"),
    ],
)
def test_final_client_errors_quote_the_server_and_are_not_retried(
    client: UploadClient,
    sandbox: SandboxServer,
    tmp_path: Path,
    status: int,
    error: type[UploadError],
    text: str,
) -> None:
    sandbox.faults.fail_status = status
    sandbox.faults.fail_count = 5
    path = write(tmp_path / "a.png", png_bytes())
    with pytest.raises(error, match=text):
        client.upload(path)
    assert len(uploads_to(sandbox)) == 1


def test_fastapi_list_detail_is_quoted() -> None:
    body = {"detail": [{"loc": ["body", "file"], "msg": "field required", "type": "missing"}]}
    transport = httpx.MockTransport(lambda request: httpx.Response(422, json=body))
    with UploadClient("https://api.example", "k", transport=transport) as client:
        path = Path(__file__).with_name("fixture-list-detail.png")
        path.write_bytes(png_bytes())
        try:
            with pytest.raises(ValidationError, match=r"body\.file: field required"):
                client.upload(path)
        finally:
            path.unlink()


def test_a_key_echoed_in_a_long_detail_is_masked_before_shortening(tmp_path: Path) -> None:
    key = "SECRETKEY-0123456789abcdef"
    detail = "x" * 290 + f" bad key {key}"
    transport = httpx.MockTransport(lambda request: httpx.Response(422, json={"detail": detail}))
    with UploadClient("https://api.example", key, transport=transport) as client:
        with pytest.raises(ValidationError) as info:
            client.upload(write(tmp_path / "a.png", png_bytes()))
    assert "SECRET" not in str(info.value)


def test_server_errors_are_retried_then_succeed(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 503
    sandbox.faults.fail_count = 2
    retries: list[tuple[int, float]] = []
    path = write(tmp_path / "a.png", png_bytes())
    result = client.upload(path, on_retry=lambda n, delay, _e: retries.append((n, delay)))
    assert result.url
    assert [n for n, _ in retries] == [1, 2]
    assert len(uploads_to(sandbox)) == 3


def test_server_errors_beyond_the_retry_count_fail(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 500
    sandbox.faults.fail_count = 10
    with pytest.raises(ServerError, match="HTTP 500"):
        client.upload(write(tmp_path / "a.png", png_bytes()))
    assert len(uploads_to(sandbox)) == 4  # the first try and 3 retries


def test_rate_limit_honours_retry_after_seconds(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 429
    sandbox.faults.fail_count = 1
    sandbox.faults.retry_after = "1"
    delays: list[float] = []
    started = time.monotonic()
    client.upload(
        write(tmp_path / "a.png", png_bytes()), on_retry=lambda _n, d, _e: delays.append(d)
    )
    assert delays == [1.0]
    assert time.monotonic() - started >= 1.0


def test_rate_limit_honours_retry_after_as_a_date(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 429
    sandbox.faults.fail_count = 1
    sandbox.faults.retry_after = email.utils.formatdate(time.time() + 2, usegmt=True)
    delays: list[float] = []
    client.upload(
        write(tmp_path / "a.png", png_bytes()), on_retry=lambda _n, d, _e: delays.append(d)
    )
    assert len(delays) == 1
    assert 0.0 < delays[0] <= 2.0


def test_rate_limit_without_retries_left_says_so(sandbox: SandboxServer, tmp_path: Path) -> None:
    sandbox.faults.fail_status = 429
    sandbox.faults.fail_count = 5
    sandbox.faults.retry_after = "3600"
    with UploadClient(sandbox.url, sandbox.key, retry=FAST) as client:
        with pytest.raises(RateLimitedError, match="wait 3600 s"):
            client.upload(write(tmp_path / "a.png", png_bytes()))
    assert len(uploads_to(sandbox)) == 1  # an hour is too long to wait: final


def test_dropped_connection_is_retried(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.drop_count = 1
    data = fake_image("image/png", 300_000)
    result = client.upload(write(tmp_path / "a.png", data))
    assert httpx.get(result.url).content == data
    assert len(uploads_to(sandbox)) == 2


def test_non_json_reply_is_a_bad_response(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.non_json_count = 1
    with pytest.raises(BadResponseError, match="not JSON"):
        client.upload(write(tmp_path / "a.png", png_bytes()))


def test_timeout_is_reported(sandbox: SandboxServer, tmp_path: Path) -> None:
    sandbox.faults.latency = 1.0
    timeout = httpx.Timeout(connect=2.0, write=2.0, read=0.2, pool=None)
    with UploadClient(
        sandbox.url, sandbox.key, retry=RetryPolicy(retries=0), timeout=timeout
    ) as client:
        with pytest.raises(UploadTimeoutError, match="did not answer in time"):
            client.upload(write(tmp_path / "a.png", png_bytes()))


def test_connection_refused_is_reported(tmp_path: Path) -> None:
    with SandboxServer() as gone:
        url = gone.url
    with UploadClient(url, "k", retry=RetryPolicy(retries=1, base_delay=0.01)) as client:
        with pytest.raises(ConnectionFailedError, match="could not connect"):
            client.upload(write(tmp_path / "a.png", png_bytes()))


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def _record(self) -> None:
        type(self).seen.append({k.lower(): v for k, v in self.headers.items()})
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = _record

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_redirect_to_another_origin_is_refused_and_gets_no_key(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    _Recorder.seen = []
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=other.serve_forever, daemon=True)
    thread.start()
    try:
        target = f"http://127.0.0.1:{other.server_address[1]}/steal"
        sandbox.faults.redirect_to = target
        with pytest.raises(RedirectRefusedError) as info:
            client.upload(write(tmp_path / "a.png", png_bytes()))
        assert f"127.0.0.1:{other.server_address[1]}" in str(info.value)
        assert _Recorder.seen == []
    finally:
        other.shutdown()
        other.server_close()


def test_plain_http_to_a_remote_host_is_refused_without_connecting() -> None:
    calls: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200)

    for url in ("http://api.imagepipeline.io", "http://192.0.2.10:8080"):
        with pytest.raises(InsecureURLError, match="https"):
            UploadClient(url, "k", transport=httpx.MockTransport(record))
    assert calls == []


def test_file_names_with_awkward_characters_arrive_intact(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    name = 'qu"ote back\\slash new\nline café 写真.png'
    path = write(tmp_path / name, png_bytes())
    result = client.upload(path)
    assert result.filename == name
    assert sandbox.uploads[-1].filename == name


def test_progress_is_monotonic_and_ends_at_the_file_size(
    client: UploadClient, tmp_path: Path
) -> None:
    path = sparse_image(tmp_path / "big.png", 3_000_000)
    seen: list[tuple[int, int]] = []
    client.upload(path, progress=lambda sent, total: seen.append((sent, total)))
    sent = [s for s, _ in seen]
    assert sent == sorted(sent)
    assert len(set(sent)) == len(sent)
    assert seen[-1] == (3_000_000, 3_000_000)
    assert {t for _, t in seen} == {3_000_000}


def test_cancel_from_another_thread_stops_mid_body(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.throttle_bps = 2_000_000  # 20 MB would take 10 s
    path = sparse_image(tmp_path / "big.png", 20_000_000)
    token = CancelToken()
    sent: list[int] = []

    def progress(done: int, _total: int) -> None:
        sent.append(done)
        if done > 1_000_000 and not token.cancelled:
            threading.Thread(target=token.cancel).start()

    with pytest.raises(CancelledError):
        client.upload(path, progress=progress, cancel=token)
    assert 1_000_000 < sent[-1] < 20_000_000  # it stopped sending, mid-body
    assert sandbox.uploads == []


def test_cancel_during_a_retry_wait_stops_at_once(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 503
    sandbox.faults.fail_count = 5
    # Longer than the test may run (pytest's timeout) yet still waited for (not above
    # max_retry_after): returning at all means the cancel cut the wait short.
    sandbox.faults.retry_after = "290"
    token = CancelToken()
    with pytest.raises(CancelledError):
        client.upload(
            write(tmp_path / "a.png", png_bytes()),
            cancel=token,
            on_retry=lambda *_: threading.Timer(0.1, token.cancel).start(),
        )


def test_one_client_serves_several_threads(
    client: UploadClient, sandbox: SandboxServer, tmp_path: Path
) -> None:
    paths = [write(tmp_path / f"{i}.png", png_bytes(3, 3, seed=i)) for i in range(12)]
    results: dict[int, str] = {}

    def work(index: int) -> None:
        results[index] = client.upload(paths[index]).url

    threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results.values())) == 12
    for index, url in results.items():
        assert httpx.get(url).content == paths[index].read_bytes()


def test_the_key_never_shows_in_messages_logs_or_reprs(
    sandbox: SandboxServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    key = sandbox.key
    texts: list[str] = []
    with UploadClient(sandbox.url, key, retry=FAST) as client:
        texts.append(repr(client))
        texts.append(str(vars(client)))
        sandbox.faults.fail_status = 503
        sandbox.faults.fail_count = 10
        for fault in ("server", "non-json", "ok"):
            if fault == "non-json":
                sandbox.reset_faults()
                sandbox.faults.non_json_count = 1
            if fault == "ok":
                sandbox.reset_faults()
            try:
                client.upload(write(tmp_path / f"{fault}.png", png_bytes()))
            except UploadError as exc:
                texts += [str(exc), repr(exc), repr(exc.args)]
    with UploadClient(sandbox.url, "not-" + key, retry=FAST) as client:
        with pytest.raises(KeyRejectedError) as info:
            client.upload(write(tmp_path / "x.png", png_bytes()))
        texts += [str(info.value), repr(info.value)]
    texts.append(caplog.text)
    assert caplog.records  # the client and httpx did log
    for text in texts:
        assert key not in text


def test_a_key_that_cannot_be_sent_is_refused_without_echoing_it() -> None:
    from uploader_gui.core.errors import ConfigurationError

    with pytest.raises(ConfigurationError) as info:
        UploadClient("https://api.example", "secret with\nnewline")
    assert "secret" not in str(info.value)


@pytest.mark.slow
def test_a_200_mb_upload_keeps_client_memory_flat(sandbox: SandboxServer, tmp_path: Path) -> None:
    sandbox.max_bytes = 300 * 1024 * 1024
    path = sparse_image(tmp_path / "huge.png", 200 * 1024 * 1024)
    script = textwrap.dedent(
        """
        import os, resource, sys
        from uploader_gui.core.client import UploadClient
        client = UploadClient(sys.argv[1], os.environ["IMAGEPIPELINE_API_KEY"])
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        result = client.upload(sys.argv[2])
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(result.size_bytes, (after - before) // 1024)
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script, sandbox.url, str(path)],
        env={**os.environ, "IMAGEPIPELINE_API_KEY": sandbox.key},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    size, growth_mb = map(int, run.stdout.split())
    assert size == 200 * 1024 * 1024
    assert growth_mb < 50, f"client peak memory grew {growth_mb} MB"

"""A hostile or broken server (or proxy) cannot exhaust memory, hold a worker forever, write
to the terminal, or slip a URL past the checks.

- Every reply is bounded after decompression, the key check's (``/health``) too: a 1 GB body,
  an endless chunked body and a gzip bomb end at 1 MiB, with the peak RSS of a fresh process
  measured.
- Every request has an overall deadline: a server that sends one byte at a time, and a SOCKS
  proxy that accepts and never answers, fail the file with a reason and free the worker.
- What a server writes (its error text) and what a file is named reach the terminal with
  control, escape and direction-changing characters escaped.
- A URL with a quote, angle brackets, a backslash, user information or an invisible
  character is refused with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.common import peak_rss
from tests import hostile_server as hs
from tests.images import png_bytes, write
from uploader_gui.core.client import UploadClient
from uploader_gui.core.errors import BadResponseError, UploadTimeoutError
from uploader_gui.core.network.proxy import ProxyMode, ProxySettings
from uploader_gui.core.retry import RetryPolicy

#: What may never reach a terminal raw: ESC, BEL, NUL, and the right-to-left override.
RAW = (b"\x1b", b"\x07", b"\x00", "\u202e".encode())


def _check_key_in_a_fresh_process(url: str) -> tuple[str, float]:
    script = (
        "import sys\n"
        "from uploader_gui.core.client import UploadClient\n"
        "from uploader_gui.core.errors import UploadError\n"
        "from uploader_gui.core.retry import RetryPolicy\n"
        "with UploadClient(sys.argv[1], 'k', retry=RetryPolicy(retries=0)) as client:\n"
        "    try:\n"
        "        client.check_key()\n"
        "    except UploadError as error:\n"
        "        print(error)\n"
    )
    done = peak_rss([sys.executable, "-c", script, url])
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode().strip(), done.peak_mb


@pytest.mark.parametrize(
    "make",
    [
        lambda stopping: hs.huge_body(1 << 30),
        hs.endless_chunks,
        lambda stopping: hs.gzip_bomb(hs.gzip_of_zeros(1 << 30)),
    ],
    ids=["1-GB-body", "endless-chunks", "gzip-bomb"],
)
def test_the_key_check_reads_at_most_a_mebibyte_of_any_reply(
    make: Callable[[Callable[[], bool]], hs.Behaviour],
) -> None:
    with hs.serving(make) as server:
        said, peak = _check_key_in_a_fresh_process(server.url)
    assert said == "the server's reply was far too long"
    assert peak < 120, f"peak RSS {peak:.0f} MB"


def test_a_server_that_sends_one_byte_at_a_time_fails_the_upload_at_its_deadline(
    tmp_path: Path,
) -> None:
    image = write(tmp_path / "a.png", png_bytes())
    with hs.serving(hs.slow_loris) as server:
        client = UploadClient(server.url, "k", retry=RetryPolicy(retries=0), deadline_base=2.0)
        started = time.monotonic()
        with client, pytest.raises(UploadTimeoutError, match="did not answer in time"):
            client.upload(image)
        took = time.monotonic() - started
    # Each read got a byte well within its 120 s timeout: only the deadline ended it.
    assert 2.0 <= took < 30, took


def test_a_socks_proxy_that_never_answers_fails_the_upload_at_its_deadline(
    tmp_path: Path,
) -> None:
    image = write(tmp_path / "a.png", png_bytes())
    with hs.serving(hs.silent, read_request=False) as proxy:
        settings = ProxySettings(ProxyMode.MANUAL, f"socks5h://127.0.0.1:{proxy.port}")
        client = UploadClient(
            "https://api.test", "k", retry=RetryPolicy(retries=0), proxy=settings, deadline_base=2
        )
        started = time.monotonic()
        with client, pytest.raises(UploadTimeoutError) as raised:
            client.upload(image)
        took = time.monotonic() - started
    assert f"through the proxy at 127.0.0.1:{proxy.port}" in str(raised.value)
    assert 2.0 <= took < 30, took


def test_the_deadline_grows_with_the_bytes_to_send() -> None:
    from uploader_gui.core.network.deadline import BASE_SECONDS, MIN_RATE, seconds_for

    assert seconds_for(0) == BASE_SECONDS == 60
    assert MIN_RATE == 32 * 1024
    assert seconds_for(100 * 1024 * 1024) == pytest.approx(60 + 3200)


# --- text from outside, on a terminal ---------------------------------------------------------


def _headless(url: str, *paths: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    env["IMAGEPIPELINE_API_KEY"] = "k"
    return subprocess.run(
        [sys.executable, "-m", "uploader_gui", "--headless", "--api-url", url, "--retries", "0",
         "--keep-metadata", "--no-convert", *paths],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )  # fmt: skip


def test_a_server_s_words_and_a_file_s_name_reach_the_terminal_escaped(tmp_path: Path) -> None:
    detail = (
        "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07<h1>Your key expired</h1>"
        "\u202egnp.exe\x00 hidden"
    )
    image = write(tmp_path / "a.png", png_bytes())
    missing = tmp_path / "gone\x1b[31mRED\u202e.png"
    with hs.HostileServer(hs.reply(500, json.dumps({"detail": detail}).encode())) as server:
        done = _headless(server.url, str(image), str(missing))
    assert done.returncode == 1
    for raw in RAW:
        assert raw not in done.stderr, done.stderr
    said = done.stderr.decode()
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in said  # shown, not obeyed
    assert "\\u202egnp.exe\\x00 hidden" in said
    assert "gone\\x1b[31mRED\\u202e.png" in said


RAW_ONLY = ", which a URL never holds raw"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ('https://cdn.example/a.png","admin":true,"x":"', 'it contains " (U+0022)' + RAW_ONLY),
        ("https://cdn.example/<script>.png", "it contains < (U+003C)" + RAW_ONLY),
        ("https://cdn.example/a`b.png", "it contains ` (U+0060)" + RAW_ONLY),
        ("https://cdn.example/a\\b.png", "it contains \\ (U+005C)" + RAW_ONLY),
        ("https://user:secret@cdn.example/a.png", "it carries a user name or password"),
        ("https://cdn.example/a\u200b.png", "it contains U+200B" + RAW_ONLY),
        ("https://cdn.example/a\ufeff.png", "it contains U+FEFF" + RAW_ONLY),
        ("https://cdn.example/\u202egnp.png", "it contains U+202E" + RAW_ONLY),
    ],
)
def test_a_url_that_is_not_plain_is_refused_with_the_reason(
    tmp_path: Path, url: str, reason: str
) -> None:
    image = write(tmp_path / "a.png", png_bytes())
    body = json.dumps({"url": url, "filename": "a.png", "size_bytes": 3}).encode()
    with hs.HostileServer(hs.reply(200, body)) as server:
        client = UploadClient(server.url, "k", retry=RetryPolicy(retries=0))
        with client, pytest.raises(BadResponseError) as raised:
            client.upload(image)
    assert str(raised.value) == f"the server's reply has a url that cannot be used: {reason}"

"""``uploader-gui --headless`` end to end, as a real process against the sandbox server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.images import fake_image, png_bytes, write
from uploader_gui import __version__
from uploader_gui.sandbox import SandboxServer


def run(
    *args: str, key: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    if key is not None:
        env["IMAGEPIPELINE_API_KEY"] = key
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "uploader_gui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"uploader-gui {__version__}"
    usage = run("--help").stdout
    for flag in ("--headless", "--json", "--concurrency", "--api-url", "--sandbox"):
        assert flag in usage


def test_urls_are_printed_in_input_order(sandbox: SandboxServer, tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{i}.png", png_bytes(seed=i)) for i in range(6)]
    sandbox.faults.latency = 0.05
    done = run("--headless", "--api-url", sandbox.url, *map(str, paths), key=sandbox.key)
    assert done.returncode == 0, done.stderr
    urls = done.stdout.splitlines()
    assert len(urls) == 6
    for path, url in zip(paths, urls, strict=True):
        assert httpx.get(url).content == path.read_bytes()
    assert done.stderr == ""  # stderr is not a terminal: quiet


def test_json_output_reports_each_file_and_exit_1_on_a_failure(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    good = write(tmp_path / "good.png", png_bytes())
    bmp = write(tmp_path / "bad.png", b"BM" + b"\x00" * 40)
    jpeg = write(tmp_path / "photo.jpg", fake_image("image/jpeg"))
    done = run(
        "--headless",
        "--json",
        "--concurrency",
        "2",
        "--api-url",
        sandbox.url,
        str(good),
        str(bmp),
        str(jpeg),
        key=sandbox.key,
    )
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(good), str(bmp), str(jpeg)]
    assert records[0]["filename"] == "good.png"
    assert records[0]["size_bytes"] == len(png_bytes())
    assert records[0]["url"].startswith(sandbox.url)
    assert records[1] == {
        "path": str(bmp),
        "error": "not an image the service accepts: BMP; allowed: PNG, JPEG, WebP, GIF",
    }
    assert "url" in records[2]
    assert "1 of 3 files failed" in done.stderr


def test_no_key_is_a_clear_message_and_exit_2(tmp_path: Path) -> None:
    done = run("--headless", str(write(tmp_path / "a.png", png_bytes())))
    assert done.returncode == 2
    assert "IMAGEPIPELINE_API_KEY" in done.stderr
    assert done.stdout == ""


def test_plain_http_api_url_is_refused_with_exit_2(tmp_path: Path) -> None:
    done = run(
        "--headless",
        "--api-url",
        "http://api.example.com",
        str(tmp_path / "a.png"),
        key="secret-key-123",
    )
    assert done.returncode == 2
    assert "plain http" in done.stderr
    assert "secret-key-123" not in done.stderr


def test_api_url_from_the_environment(sandbox: SandboxServer, tmp_path: Path) -> None:
    done = run(
        "--headless",
        str(write(tmp_path / "a.png", png_bytes())),
        key=sandbox.key,
        extra_env={"IMAGEPIPELINE_API_URL": sandbox.url},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(sandbox.url)


def test_sandbox_flag_needs_no_key(tmp_path: Path) -> None:
    done = run("--headless", "--sandbox", "--json", str(write(tmp_path / "a.png", png_bytes())))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["url"].startswith("http://127.0.0.1:")


@pytest.mark.parametrize(
    "args",
    [
        ["--headless"],
        ["--headless", "--concurrency", "0", "x.png"],
        ["--headless", "--concurrency", "17", "x.png"],
        ["--sandbox", "--api-url", "https://x", "--headless", "x.png"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_progress_on_a_terminal(sandbox: SandboxServer, tmp_path: Path) -> None:
    import io

    from uploader_gui.headless import upload_files

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out, err = io.StringIO(), Tty()
    path = write(tmp_path / "tty.png", fake_image("image/png", 300_000))
    status = upload_files(
        [str(path)], api_url=sandbox.url, api_key=sandbox.key, stdout=out, stderr=err
    )
    assert status == 0
    assert "✓ tty.png" in err.getvalue()
    assert re.search(r"\[0/1\]  tty.png \d+%", err.getvalue())
    assert out.getvalue().startswith(sandbox.url)

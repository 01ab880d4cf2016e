"""Images from elsewhere on the command line, through the real command against the sandbox:
one image piped to ``-`` (the README's recipes, run with stand-ins for the tools), and
``--screenshot`` against a fake screenshot portal on a private session bus."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.images import png_bytes, write
from tests.screenshot_portal import Behaviour, fake_portal
from uploader_gui.cli import build_parser
from uploader_gui.cli_sources import gather_sources
from uploader_gui.core.stdin_image import MAX_STDIN_BYTES
from uploader_gui.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[1]
STAMP = r"\d{4}-\d{2}-\d{2}-\d{6}"


def jpeg_bytes() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (16, 9), (200, 40, 40)).save(out, "JPEG")
    return out.getvalue()


def environment(sandbox: SandboxServer, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}
    env.update(IMAGEPIPELINE_API_URL=sandbox.url, IMAGEPIPELINE_API_KEY=sandbox.key, **extra)
    return env


def uploader(
    sandbox: SandboxServer, *args: str, stdin: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "uploader_gui", *args],
        input=stdin,
        capture_output=True,
        env=environment(sandbox, **env),
        timeout=120,
        check=False,
    )


def readme_recipes() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- pipe-recipes:", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def stand_ins(folder: Path, image: Path) -> Path:
    """``flameshot``, ``grim``, ``slurp`` and ``maim`` that behave as the real ones do in
    the recipes: the screenshot tools write a PNG to standard output, slurp a geometry."""
    folder.mkdir()
    tools = {
        "flameshot": f'[ "$1 $2" = "gui --raw" ] || exit 64\nexec cat "{image}"',
        "grim": f'[ "$1" = "-g" ] && [ "$3" = "-" ] || exit 64\nexec cat "{image}"',
        "slurp": 'echo "10,20 300x200"',
        "maim": f'[ "$1" = "-s" ] || exit 64\nexec cat "{image}"',
    }
    for name, body in tools.items():
        path = folder / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return folder


def test_the_readme_s_pipe_recipes_upload_the_screenshot(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    image = write(tmp_path / "shot.png", png_bytes(seed=3))
    tools = stand_ins(tmp_path / "bin", image)
    recipes = readme_recipes()
    assert [line.split()[0] for line in recipes] == ["flameshot", "grim", "maim"]
    for number, line in enumerate(recipes, 1):
        done = subprocess.run(
            ["sh", "-c", line.replace("uploader-gui", f"{sys.executable} -m uploader_gui")],
            capture_output=True,
            text=True,
            env=environment(sandbox, PATH=f"{tools}:{os.environ['PATH']}"),
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, (line, done.stderr)
        upload = sandbox.uploads[number - 1]
        assert re.fullmatch(rf"stdin-{STAMP}\.png", upload.filename)
        printed = done.stdout.strip()
        if "--format markdown" in line:
            assert printed == f"![{upload.filename}]({upload.url})"
        else:
            assert printed == upload.url
    assert len(sandbox.uploads) == 3


def test_a_piped_jpeg_is_named_for_what_it_is_and_json_says_so(
    sandbox: SandboxServer,
) -> None:
    done = uploader(sandbox, "--headless", "--json", "-", stdin=jpeg_bytes())
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert re.fullmatch(rf"stdin-{STAMP}\.jpg", record["filename"])
    assert record["url"] == sandbox.uploads[0].url


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"hello, not an image\n", "standard input is not an image the app can send: text"),
        (b"", "nothing came on standard input"),
        (None, "came on standard input: the app takes images up to 105 MB"),
    ],
    ids=["text", "empty", "over-the-limit"],
)
def test_what_is_not_an_image_to_send_is_refused_before_anything_is_sent(
    sandbox: SandboxServer, data: bytes | None, reason: str
) -> None:
    if data is None:  # made here, not at collection: a PNG one byte over the limit
        data = png_bytes()[:16] + bytes(MAX_STDIN_BYTES - 15)
    done = uploader(sandbox, "--headless", "-", stdin=data)
    assert done.returncode == 1
    assert reason in done.stderr.decode(), done.stderr
    assert sandbox.uploads == []
    assert done.stdout == b""


def test_standard_input_is_read_once_and_the_server_needs_the_window(
    sandbox: SandboxServer,
) -> None:
    twice = uploader(sandbox, "--headless", "-", "-", stdin=png_bytes())
    assert twice.returncode == 2
    assert b"can be read once" in twice.stderr
    server = uploader(sandbox, "--headless", "--serve-picgo=40000", "x.png")
    assert server.returncode == 2
    assert b"--serve-picgo needs the window" in server.stderr


def test_for_the_window_the_piped_image_is_kept_for_a_later_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = png_bytes(seed=5)
    stdin = tmp_path / "stdin.png"
    stdin.write_bytes(data)
    args = build_parser().parse_args(["-", "other.png"])
    with stdin.open("rb") as stream:
        monkeypatch.setattr(sys, "stdin", argparse.Namespace(buffer=stream))
        assert gather_sources(args) is None
    kept = Path(args.files[0])
    assert args.files[1] == "other.png"
    assert kept.read_bytes() == data
    assert kept.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]) / "uploader-gui" / "pasted")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_headless_screenshot_uploads_what_the_portal_saved(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    (tmp_path / "desktop").mkdir()
    with fake_portal(tmp_path / "desktop", Behaviour.SAVE) as portal:
        done = uploader(
            sandbox, "--headless", "--screenshot", DBUS_SESSION_BUS_ADDRESS=portal.address
        )
        assert len(portal.calls()) == 1
    assert done.returncode == 0, done.stderr
    (upload,) = sandbox.uploads
    assert re.fullmatch(rf"screenshot-{STAMP}\.png", upload.filename)
    assert done.stdout.decode().strip() == upload.url


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        (Behaviour.CANCEL, "no screenshot: the screenshot was cancelled"),
        (Behaviour.NO_SCREENSHOT, "no screenshot: no screenshot portal"),
    ],
)
def test_no_screenshot_is_said_and_nothing_is_sent(
    sandbox: SandboxServer, tmp_path: Path, behaviour: Behaviour, reason: str
) -> None:
    (tmp_path / "desktop").mkdir()
    with fake_portal(tmp_path / "desktop", behaviour) as portal:
        done = uploader(
            sandbox, "--headless", "--screenshot", DBUS_SESSION_BUS_ADDRESS=portal.address
        )
    assert done.returncode == 1
    assert reason in done.stderr.decode()
    assert sandbox.uploads == []


@pytest.mark.parametrize(
    "args",
    [("--format", "markdown", "-"), ("--headless", "--json", "--format", "url", "-")],
    ids=["window-only-option-forgotten", "two-output-formats"],
)
def test_a_usage_error_is_found_before_standard_input_is_read(
    sandbox: SandboxServer, args: tuple[str, ...]
) -> None:
    done = uploader(sandbox, *args, stdin=png_bytes())
    assert done.returncode == 2
    pasted = Path(os.environ["XDG_CACHE_HOME"]) / "uploader-gui" / "pasted"
    assert not pasted.exists() or not any(pasted.rglob("*"))
    assert sandbox.uploads == []

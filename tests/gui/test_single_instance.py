"""Single instance: a second start hands its files to the running window, with real processes
(offscreen, their own XDG folders and runtime folder) against the test's sandbox server; and
a stale or hung first instance never stops the app from starting."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from tests.test_desktop_install import (
    APP,
    app_env,
    output,
    photo,
    runtime_dir,
    start,
    terminate,
    uploaded,
    wait_for,
)
from uploader_gui.desktop import single_instance
from uploader_gui.desktop.single_instance import (
    ACK,
    GREETING,
    InstanceServer,
    forward,
    socket_name,
    target_for,
)
from uploader_gui.sandbox import SandboxServer

START_TIMEOUT = 20


@pytest.fixture
def runtime(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's ``$XDG_RUNTIME_DIR``, for the children and for ``socket_name`` here."""
    folder = runtime_dir(tmp_path_factory)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def greets(name: str) -> bool:
    """Something listens on ``name`` and greets like the app (then we hang up: no files)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(2)
            client.connect(name)
            return client.recv(len(GREETING)) == GREETING
    except OSError:
        return False


@pytest.fixture
def first_window(
    tmp_path: Path, runtime: Path, sandbox: SandboxServer
) -> Iterator[subprocess.Popen[bytes]]:
    """The app started with no files, uploading to the sandbox server; quits by SIGTERM."""
    env = app_env(runtime, sandbox)
    log = tmp_path / "first.log"
    process = start(APP, env, log)
    name = socket_name(target_for(False, sandbox.url))
    try:
        wait_for(lambda: greets(name), START_TIMEOUT, "the first window to listen")
    except AssertionError:
        process.kill()
        raise AssertionError(f"the first window did not listen:\n{output(log)}") from None
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_a_second_start_hands_its_files_to_the_running_window(
    tmp_path: Path,
    runtime: Path,
    sandbox: SandboxServer,
    first_window: subprocess.Popen[bytes],
) -> None:
    image = photo(tmp_path, "second start.png", seed=21)
    env = app_env(runtime, sandbox)
    started = time.monotonic()
    # A relative path, as from a shell in the file's folder: it must arrive absolute.
    second = subprocess.run(
        [*APP, image.name], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=30
    )
    elapsed = time.monotonic() - started
    assert second.returncode == 0, second.stdout + second.stderr
    assert elapsed < 5, f"the second start took {elapsed:.1f} s to hand over"

    wait_for(lambda: uploaded(sandbox, image), 30, "the first window to upload the file")
    assert first_window.poll() is None

    # --headless never hands over: it uploads by itself and prints the URL.
    other = photo(tmp_path, "headless.png", seed=22)
    headless = subprocess.run(
        [*APP, "--headless", str(other)], env=env, capture_output=True, text=True, timeout=60
    )
    assert headless.returncode == 0, headless.stderr
    assert headless.stdout.startswith(sandbox.url + "/u/")

    # SIGTERM closes the window through its normal path; the socket goes with it.
    assert terminate(first_window) == 0
    assert not Path(socket_name(target_for(False, sandbox.url))).exists()


def test_a_piped_image_goes_to_the_running_window(
    tmp_path: Path,
    runtime: Path,
    sandbox: SandboxServer,
    first_window: subprocess.Popen[bytes],
) -> None:
    """``grim - | uploader-gui -``: the image is read before the hand-off, kept beside pasted
    images (the running window reads it after this start has gone) and uploaded there."""
    data = photo(tmp_path, "piped.png", seed=23).read_bytes()
    second = subprocess.run(
        [*APP, "-"], input=data, env=app_env(runtime, sandbox), capture_output=True, timeout=30
    )
    assert second.returncode == 0, second.stdout + second.stderr
    wait_for(
        lambda: any(upload.filename.startswith("stdin-") for upload in sandbox.uploads),
        30,
        "the first window to upload the piped image",
    )
    (upload,) = sandbox.uploads
    assert upload.path.read_bytes() == data
    assert first_window.poll() is None
    assert terminate(first_window) == 0


def test_a_stale_socket_file_does_not_stop_the_app(
    tmp_path: Path, runtime: Path, sandbox: SandboxServer
) -> None:
    """A crash leaves the socket file behind with nobody listening: the next start removes
    it, starts normally and listens in its place."""
    name = socket_name(target_for(False, sandbox.url))
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)
    stale.close()  # the file stays
    assert Path(name).exists()
    assert not greets(name)

    image = photo(tmp_path, "after a crash.png", seed=31)
    log = tmp_path / "app.log"
    process = start([*APP, str(image)], app_env(runtime, sandbox), log)
    try:
        wait_for(lambda: uploaded(sandbox, image), START_TIMEOUT, "the app to upload")
        wait_for(lambda: greets(name), START_TIMEOUT, "the app to listen")
        assert terminate(process) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not Path(name).exists(), output(log)


def test_a_hung_first_instance_does_not_stop_the_app(
    tmp_path: Path, runtime: Path, sandbox: SandboxServer
) -> None:
    """A first instance that accepts connections but never answers (frozen): the next start
    gives up after a short wait, starts normally and takes over the name, and the hung one
    was sent nothing it could act on twice when it wakes up."""
    name = socket_name(target_for(False, sandbox.url))
    hung = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hung.bind(name)
    hung.listen(8)  # accepts into the backlog, never answers

    image = photo(tmp_path, "past a hung one.png", seed=41)
    log = tmp_path / "app.log"
    started = time.monotonic()
    process = start([*APP, str(image)], app_env(runtime, sandbox), log)
    try:
        wait_for(lambda: uploaded(sandbox, image), START_TIMEOUT, "the app to upload")
        assert time.monotonic() - started < 15
        wait_for(lambda: greets(name), START_TIMEOUT, "the app to listen in its place")
        hung.settimeout(2)
        peer, _ = hung.accept()
        with peer:
            peer.settimeout(2)
            assert peer.recv(65536) == b""  # it hung up without sending any path
        assert terminate(process) == 0
    finally:
        hung.close()
        if process.poll() is None:
            process.kill()
            process.wait()
    assert "did not answer" in output(log)


# -- the parts, in this process -----------------------------------------------------------


def test_the_socket_is_per_user_and_per_target(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox = socket_name(target_for(True, None))
    production = socket_name(target_for(False, "https://api.imagepipeline.io/"))
    assert production == socket_name(target_for(False, " https://API.imagepipeline.io"))
    settings = socket_name(target_for(False, None))
    assert len({sandbox, production, settings}) == 3
    for name in (sandbox, production, settings):
        assert Path(name).parent == runtime
        assert f"-{os.getuid()}-" in Path(name).name
    # Without a runtime folder: the temporary folder, still per user.
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("TMPDIR", str(runtime))
    fallback = socket_name(target_for(True, None))
    assert Path(fallback).name == Path(sandbox).name


def read_line(qtbot: QtBot, client: socket.socket) -> bytes:
    """One line from an in-process server (whose event loop must keep running meanwhile)."""
    client.setblocking(False)
    received = bytearray()

    def complete() -> bool:
        with contextlib.suppress(BlockingIOError):
            received.extend(client.recv(1024))
        return received.endswith(b"\n")

    qtbot.waitUntil(complete)
    return bytes(received)


def test_the_server_takes_a_hand_off(qtbot: QtBot, runtime: Path, tmp_path: Path) -> None:
    server = InstanceServer()
    name = str(runtime / "s")
    assert server.listen(name)
    try:
        paths = [str(tmp_path / "a b.png"), str(tmp_path / "ünï.png")]
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(name)
            assert read_line(qtbot, client) == GREETING
            message = {"paths": paths, "activation_token": "tok"}
            with qtbot.waitSignal(server.files_received) as signal:
                client.sendall(json.dumps(message).encode() + b"\n")
            assert signal.args == [[Path(p) for p in paths], "tok"]
            assert read_line(qtbot, client) == ACK
    finally:
        server.close()
    assert not Path(name).exists()


@pytest.mark.parametrize(
    "message",
    [b"not json\n", b'{"paths": ["relative.png"]}\n', b'{"paths": "/a.png"}\n', b"[1]\n"],
)
def test_the_server_ignores_a_malformed_hand_off(
    qtbot: QtBot, runtime: Path, message: bytes
) -> None:
    server = InstanceServer()
    name = str(runtime / "s")
    assert server.listen(name)
    received: list[object] = []
    server.files_received.connect(lambda *args: received.append(args))
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(name)
            client.settimeout(0)
            client.sendall(message)
            closed = bytearray()

            def hung_up() -> bool:
                try:
                    chunk = client.recv(1024)
                except BlockingIOError:
                    return False
                closed.extend(chunk)
                return chunk == b""

            qtbot.waitUntil(hung_up)
            assert bytes(closed) == GREETING  # the greeting, then no ACK
    finally:
        server.close()
    assert received == []


def hangs_up(qtbot: QtBot, client: socket.socket, timeout_ms: int) -> bytes:
    """What the server sent until it hung up, which must be within ``timeout_ms``."""
    client.setblocking(False)
    received = bytearray()

    def closed() -> bool:
        try:
            chunk = client.recv(65536)
        except BlockingIOError:
            return False
        except ConnectionResetError:
            return True
        received.extend(chunk)
        return chunk == b""

    qtbot.waitUntil(closed, timeout=timeout_ms)
    return bytes(received)


BAD_MESSAGES = {
    "nested too deep": b"[" * 100_000 + b"\n",
    "nested too deep, no newline": b"[" * 100_000,
    "nested in the object": b'{"paths": ' + b"[" * 50_000 + b"]" * 50_000 + b"}\n",
    "not JSON": b"not json\n",
    "not UTF-8": b'{"paths": ["/a\xff.png"]}\n',
    "UTF-16": '{"paths": ["/a.png"]}\n'.encode("utf-16"),
    "wrong shape": b'{"paths": [["/a.png"]]}\n',
    "a token that is not text": b'{"paths": ["/a.png"], "activation_token": 5}\n',
    "a NUL in a path": b'{"paths": ["/a\\u0000.png"]}\n',
    "a huge number": b'{"paths": ' + b"1" * 10_000 + b"}\n",
}


@pytest.mark.parametrize("message", BAD_MESSAGES.values(), ids=BAD_MESSAGES.keys())
def test_a_bad_message_is_dropped_quietly_and_at_once(
    qtbot: QtBot,
    runtime: Path,
    tmp_path: Path,
    message: bytes,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    server = InstanceServer()
    name = str(runtime / "s")
    assert server.listen(name)
    received: list[object] = []
    server.files_received.connect(lambda *args: received.append(args))
    caplog.set_level(logging.DEBUG, logger=single_instance.__name__)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(name)
            assert read_line(qtbot, client) == GREETING
            client.setblocking(True)
            client.sendall(message)
            assert hangs_up(qtbot, client, 1000) == b""  # at once, and without an ACK
        # The server still takes a good hand-off afterwards.
        good = [str(tmp_path / "good.png")]
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(name)
            assert read_line(qtbot, client) == GREETING
            with qtbot.waitSignal(server.files_received) as signal:
                client.sendall(json.dumps({"paths": good}).encode() + b"\n")
            assert signal.args == [[Path(good[0])], ""]
            assert read_line(qtbot, client) == ACK
    finally:
        server.close()
    assert received == [([Path(good[0])], "")]
    assert all(record.levelno <= logging.DEBUG for record in caplog.records)
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err
    assert "Error" not in out + err


def test_forward_says_no_when_nobody_listens(runtime: Path) -> None:
    assert not forward(str(runtime / "nobody"), ["/a.png"])


def test_claim_listens_when_first(qtbot: QtBot, runtime: Path) -> None:
    claim = single_instance.claim("test-target", [])
    assert not claim.forwarded
    assert claim.server is not None
    try:
        assert claim.server.name == socket_name("test-target")
        assert Path(claim.server.name).exists()
        assert not Path(claim.server.name + ".lock").exists()
    finally:
        claim.server.close()


def test_the_hand_off_path_stays_light() -> None:
    """A start that hands its files over imports neither the window nor httpx nor keyring:
    what ``run_app`` needs before it knows whether it is the first instance."""
    code = (
        "import sys, uploader_gui.cli, uploader_gui.ui.app; "
        "print([m for m in ('httpx', 'keyring', 'uploader_gui.ui.main_window', "
        "'PySide6.QtSvg') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stdout.strip() == "[]", result.stderr


def test_an_instance_replaced_while_hung_leaves_its_successor_s_socket(
    qtbot: QtBot, runtime: Path
) -> None:
    name = str(runtime / "taken")
    hung = InstanceServer()
    assert hung.listen(name)
    # A later start found it unresponsive and took the name (as claim() does).
    QLocalServer.removeServer(name)
    successor = InstanceServer()
    assert successor.listen(name)
    try:
        hung.close()  # the hung one wakes up and quits
        assert Path(name).exists()
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(name)  # the next start still reaches the successor
            assert read_line(qtbot, client) == GREETING
    finally:
        successor.close()
    assert not Path(name).exists()


def test_one_destination_spelled_two_ways_is_one_window() -> None:
    """The hand-off target is the destination as :class:`Destination` normalises it: the
    same service typed differently reaches the same window; another one does not."""
    same = {
        target_for(False, "https://API.example.com/"),
        target_for(False, "  HTTPS://api.example.com "),
        target_for(False, "https://api.example.com"),
    }
    assert len(same) == 1
    assert target_for(False, "https://other.example.com") not in same
    assert target_for(True, "https://api.example.com") != target_for(False, None)
    # A URL that cannot carry a key still has a target of its own (its window says why).
    assert target_for(False, "http://api.example.com").startswith("url:")

"""Single instance against another local user (``tests/other_user.py``): what they put in the
shared temporary folder is never used, a server of theirs is sent nothing, a client of theirs
is read nothing, and what they plant in the way is said once in a window that still works.

The other user runs the standard-library scripts below with the system's Python. Real app
processes run as in ``test_single_instance.py``, without ``$XDG_RUNTIME_DIR`` (the socket then
lives in the private folder under the cache folder) and with ``$TMPDIR`` a shared folder where
the other user is waiting.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import stat
import subprocess
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.other_user import PYTHON, OtherUser, other_user, shared_folder
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
from uploader_gui.core.paths import cache_dir
from uploader_gui.desktop import single_instance
from uploader_gui.desktop.single_instance import (
    GREETING,
    InstanceServer,
    forward,
    socket_name,
    target_for,
)
from uploader_gui.platform.instance import Refusal
from uploader_gui.platform.linux.private_socket import INSTANCE_FOLDER
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui import app
from uploader_gui.ui.base.report import Topic
from uploader_gui.ui.main_window import MainWindow

START_TIMEOUT = 20
IN_THE_WAY = "another user's file is in the way of the single-window hand-off"

#: Another user's server: it answers like the app (greeting, then "ok" to a message) on each
#: path given (folders made as needed, all open to everyone), and, given RACE, binds RACE the
#: moment RACE.lock appears (inotify): between the app's checks and its connect. Each
#: connection is written to RECORD as one JSON line: what the client sent.
RECORDER = r"""
import ctypes, json, os, select, socket, struct, sys

record, race, *paths = sys.argv[1:]
listeners = []
os.umask(0)

def serve(path):
    os.makedirs(os.path.dirname(path), mode=0o777, exist_ok=True)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    os.chmod(path, 0o777)
    server.listen(16)
    listeners.append(server)

for path in paths:
    serve(path)
watch = None
if race != "-":
    libc = ctypes.CDLL(None, use_errno=True)
    watch = libc.inotify_init1(os.O_NONBLOCK)
    libc.inotify_add_watch(watch, os.fsencode(os.path.dirname(race)), 0x100)  # IN_CREATE
    lock = os.fsencode(os.path.basename(race) + ".lock")
out = open(record, "a", buffering=1)
print("ready", flush=True)
while True:
    ready, _, _ = select.select(listeners + ([watch] if watch is not None else []), [], [])
    for item in ready:
        if item is watch:
            data, offset = os.read(watch, 65536), 0
            while offset < len(data):
                _wd, _mask, _cookie, size = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16 : offset + 16 + size].rstrip(b"\0")
                offset += 16 + size
                if name == lock:
                    serve(race)
            continue
        conn, _ = item.accept()
        conn.settimeout(5)
        received = b""
        try:
            conn.sendall(b"uploader-gui 1\n")
            while not received.endswith(b"\n"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                received += chunk
            if received:
                conn.sendall(b"ok\n")
        except OSError:
            pass
        conn.close()
        out.write(json.dumps(received.decode("utf-8", "replace")) + "\n")
"""

#: Another user's client: connects to PATH, sends a hand-off, and prints what it got back.
INTRUDER = r"""
import json, socket, sys

client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.settimeout(5)
client.connect(sys.argv[1])
try:
    client.sendall(json.dumps({"paths": ["/home/victim/planted.png"]}).encode() + b"\n")
except OSError:
    pass
got = b""
try:
    while True:
        chunk = client.recv(65536)
        if not chunk:
            break
        got += chunk
except OSError:
    pass
print(json.dumps(got.decode("utf-8", "replace")))
"""


class Recorder:
    """:data:`RECORDER`, run by the other user."""

    def __init__(self, other: OtherUser, shared: Path, *paths: Path, race: Path | None = None):
        self.record = shared / "recorded"
        self.process = other.popen(
            [PYTHON, "-c", RECORDER, str(self.record), str(race or "-"), *map(str, paths)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if line.strip() != "ready":
            self.stop()
            raise AssertionError(f"the other user's server did not start: {self.errors()}")

    def received(self) -> list[str]:
        """What each connection sent, in order."""
        if not self.record.exists():
            return []
        return [json.loads(line) for line in self.record.read_text().splitlines()]

    def errors(self) -> str:
        return self.process.stderr.read() if self.process.stderr else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def other() -> OtherUser:
    return other_user()


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder like ``/tmp``: everyone may write, only owners may remove (1777)."""
    folder = shared_folder("si-attack-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def no_runtime(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ``$XDG_RUNTIME_DIR`` here either, so ``socket_name`` says where a child listens."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)


def victim_env(sandbox: SandboxServer, temp: Path, **extra: str) -> dict[str, str]:
    """A child app's environment (``app_env``) without ``$XDG_RUNTIME_DIR``, ``$TMPDIR``
    ``temp``: the socket goes to the private folder under this test's ``$XDG_CACHE_HOME``."""
    env = app_env(Path("/nonexistent"), sandbox, TMPDIR=str(temp), **extra)
    del env["XDG_RUNTIME_DIR"]
    return env


def greets(name: str) -> bool:
    """Something listens at ``name`` and greets like the app. Reached through the folder's
    descriptor: under the cache folder the path may be too long for ``connect``."""
    path = Path(name)
    try:
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(2)
            client.connect(f"/proc/self/fd/{folder}/{path.name}")
            return client.recv(len(GREETING)) == GREETING
    except OSError:
        return False
    finally:
        os.close(folder)


def first_window(env: dict[str, str], log: Path, name: str) -> subprocess.Popen[bytes]:
    """The app with no files, once it listens at ``name``."""
    process = start(APP, env, log)
    try:
        wait_for(lambda: greets(name), START_TIMEOUT, f"the first window to listen at {name}")
    except AssertionError as error:
        process.kill()
        process.wait()
        raise AssertionError(f"{error}\n{output(log)}") from None
    return process


def hands_over(tmp_path: Path, env: dict[str, str], sandbox: SandboxServer, seed: int) -> None:
    """A second start hands its file to the running window at once, which uploads it."""
    image = photo(tmp_path, f"handed over {seed}.png", seed=seed)
    started = time.monotonic()
    second = subprocess.run(
        [*APP, str(image)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert time.monotonic() - started < 10, "the second start did not hand over at once"
    wait_for(lambda: uploaded(sandbox, image), 30, "the first window to upload the file")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


def victims(folder: Path, prefix: str) -> list[str]:
    """What this user (the victim) made in ``folder`` named ``prefix...``."""
    return sorted(p.name for p in folder.rglob(prefix + "*") if p.lstat().st_uid == os.geteuid())


# -- (1) the shared temporary folder is never used ---------------------------------------


def test_another_user_waiting_in_the_temporary_folder_gets_nothing(
    tmp_path: Path,
    sandbox: SandboxServer,
    other: OtherUser,
    shared: Path,
    no_runtime: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The other user binds the old socket path the moment its lock appears (between the
    checks and the connect: the race that used to win), and listens at the likely names
    besides. The victim's first start opens its window, the second hands its file to it, and
    nobody sent the other user anything."""
    monkeypatch.setenv("TMPDIR", str(shared))  # as for the app: where the socket used to be
    name = socket_name(target_for(False, sandbox.url))
    file_name = Path(name).name
    recorder = Recorder(
        other,
        shared,
        shared / "uploader-gui" / file_name,
        shared / f"uploader-gui-{os.geteuid()}" / file_name,
        shared / "uploader-gui" / INSTANCE_FOLDER / file_name,
        race=shared / file_name,
    )
    env = victim_env(sandbox, shared)
    first = photo(tmp_path, "first.png", seed=50)
    log = tmp_path / "first.log"
    process = start([*APP, str(first)], env, log)
    try:
        wait_for(
            lambda: uploaded(sandbox, first) or process.poll() is not None,
            START_TIMEOUT,
            "the first window to upload its file",
        )
        assert process.poll() is None, (
            f"the first start left without a window; the other user got {recorder.received()}"
        )
        wait_for(lambda: greets(name), START_TIMEOUT, f"the first window to listen at {name}")
        hands_over(tmp_path, env, sandbox, seed=51)
        assert process.poll() is None
        assert terminate(process) == 0
    finally:
        stop(process)
        recorder.stop()
    assert recorder.received() == [], output(log)
    assert Path(name).parent == cache_dir() / INSTANCE_FOLDER
    assert victims(shared, file_name) == []
    assert not Path(name).exists()


# -- (2) another user's server is sent nothing, another user's client is read nothing -----


def test_the_client_sends_nothing_to_another_user_s_server(
    other: OtherUser, shared: Path, caplog: pytest.LogCaptureFixture
) -> None:
    name = shared / "theirs"
    recorder = Recorder(other, shared, name)
    try:
        assert not forward(str(name), ["/home/victim/secret.png"], "token")
        wait_for(lambda: len(recorder.received()) == 1, 10, "the other user's server to record")
    finally:
        recorder.stop()
    assert recorder.received() == [""]  # it connected, checked who listens, and hung up
    assert "served by another user; nothing was sent" in caplog.text


def test_another_user_s_server_at_the_name_is_said_and_sent_nothing(
    qtbot: QtBot,
    other: OtherUser,
    shared: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """However another user's socket came to be at the name in the private folder, a start
    sends it nothing, and says so instead of exiting as if it had handed its files over."""
    runtime = runtime_dir(tmp_path_factory)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    name = socket_name("attacked-target")
    recorder = Recorder(other, shared, shared / "theirs")
    try:
        os.rename(shared / "theirs", name)  # (bound by them, moved in by us)
        result = single_instance.claim("attacked-target", ["/home/victim/secret.png"])
        assert not result.forwarded
        assert result.server is None
        assert result.obstacle is not None
        assert (result.obstacle.kind, result.obstacle.path) == (Refusal.FOREIGN, name)
        wait_for(lambda: len(recorder.received()) == 1, 10, "the other user's server to record")
    finally:
        recorder.stop()
    assert recorder.received() == [""]  # it connected, checked who listens, and hung up


def test_the_server_reads_nothing_from_another_user(
    qtbot: QtBot, other: OtherUser, shared: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Even where another user can reach the socket (here it is opened to all on purpose),
    the server hangs up on them before greeting or reading."""
    server = InstanceServer()
    name = shared / "ours"
    assert server.listen(str(name))
    received: list[object] = []
    server.files_received.connect(lambda *args: received.append(args))
    os.chmod(name, 0o777)  # noqa: S103 - the point: another user can reach it
    try:
        intruder = other.popen(
            [PYTHON, "-c", INTRUDER, str(name)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        qtbot.waitUntil(lambda: intruder.poll() is not None, timeout=15_000)
        out, err = intruder.communicate()
    finally:
        server.close()
    assert intruder.returncode == 0, err
    assert json.loads(out) == ""  # no greeting, no answer
    assert received == []
    assert "refused a connection from another user" in caplog.text


# -- (3) what another user plants is never silently in the way ----------------------------


def plant_lock(other: OtherUser, shared: Path, lock: Path, kind: str) -> subprocess.Popen[str]:
    """The other user's lock file at ``lock``: a link to a file of theirs, or a lock held by
    a live process of theirs named ``uploader-gui`` (which QLockFile takes as the app)."""
    bin_folder = shared / "bin"
    bin_folder.mkdir()
    program = bin_folder / "uploader-gui"
    shutil.copy("/bin/sleep", program)
    program.chmod(0o755)
    holder = other.popen([str(program), "600"])
    content = f"{holder.pid}\nuploader-gui\n{socket.gethostname()}\n"
    try:
        if kind == "link":
            script = (
                "import os, sys; open(sys.argv[2], 'w').write(sys.argv[3]);"
                "os.symlink(sys.argv[2], sys.argv[1])"
            )
            other.python(script, str(lock), str(shared / "elsewhere"), content)
        else:
            script = "import sys; open(sys.argv[1], 'w').write(sys.argv[2])"
            other.python(script, str(lock), content)
    except BaseException:
        holder.kill()
        holder.wait()
        raise
    return holder


@pytest.mark.parametrize("kind", ["link", "held"])
def test_a_lock_planted_in_the_temporary_folder_changes_nothing(
    tmp_path: Path,
    sandbox: SandboxServer,
    other: OtherUser,
    shared: Path,
    no_runtime: None,
    kind: str,
) -> None:
    """The other user's lock where the old version kept it: single instance still works."""
    name = socket_name(target_for(False, sandbox.url))
    lock = shared / (Path(name).name + ".lock")
    holder = plant_lock(other, shared, lock, kind)
    env = victim_env(sandbox, shared)
    process = None
    try:
        process = first_window(env, tmp_path / "first.log", name)
        hands_over(tmp_path, env, sandbox, seed=61 if kind == "link" else 62)
        assert terminate(process) == 0
    finally:
        if process is not None:
            stop(process)
        holder.kill()
        holder.wait()
    assert victims(shared, Path(name).name) == []


@pytest.fixture
def planted_cache(other: OtherUser, shared: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``$XDG_CACHE_HOME`` a shared folder where the other user was first: their link as the
    app's cache folder, to a folder of theirs with a lock at the socket's name."""
    cache_home = shared / "cache"
    theirs = shared / "theirs"
    script = (
        "import os, sys; os.umask(0); os.makedirs(sys.argv[2], 0o777);"
        "open(sys.argv[3], 'w').write('1\\nuploader-gui\\n');"
        "os.symlink(os.path.dirname(sys.argv[2]), sys.argv[4])"
    )
    cache_home.mkdir(mode=0o1777)
    cache_home.chmod(0o1777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    lock = theirs / INSTANCE_FOLDER / (Path(socket_name("settings")).name + ".lock")
    other.python(
        script, str(cache_home), str(theirs / INSTANCE_FOLDER), str(lock), str(cache_dir())
    )
    return cache_dir()


def test_a_planted_cache_folder_is_said_once_and_every_start_opens_a_window(
    tmp_path: Path,
    sandbox: SandboxServer,
    other: OtherUser,
    shared: Path,
    planted_cache: Path,
    no_runtime: None,
) -> None:
    """The other user is in the way wherever they could be: the app's cache folder (a link of
    theirs) and the old lock in the temporary folder. No start exits as if it had handed its
    files over: each opens a window that works (it uploads its file) and says once why it is
    on its own."""
    old_lock = shared / (Path(socket_name(target_for(False, sandbox.url))).name + ".lock")
    holder = plant_lock(other, shared, old_lock, "held")
    env = victim_env(sandbox, shared)
    processes: list[tuple[subprocess.Popen[bytes], Path]] = []
    try:
        for seed in (71, 72):
            image = photo(tmp_path, f"alone {seed}.png", seed=seed)
            log = tmp_path / f"{seed}.log"
            processes.append((start([*APP, str(image)], env, log), log))
            wait_for(partial(uploaded, sandbox, image), START_TIMEOUT, f"{image.name} to upload")
        for process, _log in processes:
            assert process.poll() is None  # a window, still open
            assert terminate(process) == 0
    finally:
        for process, _log in processes:
            stop(process)
        holder.kill()
        holder.wait()
    for _process, log in processes:
        assert output(log).count(IN_THE_WAY) == 1, output(log)
        assert str(planted_cache) in output(log)


def test_the_window_says_once_why_it_is_on_its_own(
    window: MainWindow,
    planted_cache: Path,
    no_runtime: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger=single_instance.__name__)
    result = single_instance.claim(target_for(False, None), ["/a.png"])
    assert (result.forwarded, result.server) == (False, None)
    assert result.obstacle is not None
    assert (result.obstacle.kind, result.obstacle.path) == (Refusal.FOREIGN, str(planted_cache))
    assert [r.getMessage() for r in caplog.records if r.name == single_instance.__name__] == [
        f"{IN_THE_WAY} ({planted_cache}): this window works on its own"
    ]
    app.attach_instance(window, result)
    assert window.notices.keys() == [Topic.SINGLE_INSTANCE]
    text = window.notices.notice_text(Topic.SINGLE_INSTANCE) or ""
    assert text.startswith("Another user's file is in the way of the single-window hand-off")
    assert str(planted_cache) in text
    assert "this window works on its own" in text
    notice = window.notices.notice(Topic.SINGLE_INSTANCE)
    assert notice is not None
    assert notice.button is not None
    notice.button.click()  # Dismiss
    assert window.notices.keys() == []


# -- (4) the private folder ----------------------------------------------------------------


def mode_and_owner(path: Path) -> tuple[bool, int, int]:
    info = os.lstat(path)
    return stat.S_ISDIR(info.st_mode), stat.S_IMODE(info.st_mode), info.st_uid


def test_the_private_folder_is_made_0700_whatever_the_umask(qtbot: QtBot, no_runtime: None) -> None:
    previous = os.umask(0)
    try:
        result = single_instance.claim("umask-target", [])
    finally:
        os.umask(previous)
    assert result.server is not None
    try:
        assert result.obstacle is None
        folder = cache_dir() / INSTANCE_FOLDER
        assert Path(result.server.name).parent == folder
        for path in (cache_dir(), folder):
            assert mode_and_owner(path) == (True, 0o700, os.geteuid())
        assert sorted(os.listdir(folder)) == [Path(result.server.name).name]  # no lock left
    finally:
        result.server.close()


def test_the_app_s_own_cache_folder_is_made_private(qtbot: QtBot, no_runtime: None) -> None:
    """As ``core.paths.private_dir`` does: the app's folder (an older version's, say) is
    tightened; the folder the socket lives in is made by this code alone."""
    cache_dir().mkdir(parents=True)
    cache_dir().chmod(0o755)
    result = single_instance.claim("tightened-target", [])
    assert result.server is not None
    try:
        assert result.obstacle is None
        assert mode_and_owner(cache_dir()) == (True, 0o700, os.geteuid())
    finally:
        result.server.close()


def _other_s_folder(path: Path, other: OtherUser) -> None:
    path.mkdir(mode=0o700)
    os.chown(path, other.uid, other.gid)


def _open_folder(path: Path, _other: OtherUser) -> None:
    path.mkdir()
    path.chmod(0o755)


def _shared_folder(path: Path, _other: OtherUser) -> None:
    path.mkdir()
    path.chmod(0o1777)


def _link_to_ours(path: Path, _other: OtherUser) -> None:
    target = path.parent / "elsewhere"
    target.mkdir(mode=0o700)
    path.symlink_to(target)


def _other_s_link(path: Path, other: OtherUser) -> None:
    target = path.parent / "elsewhere"
    target.mkdir(mode=0o700)
    path.symlink_to(target)
    os.lchown(path, other.uid, other.gid)


def _a_file(path: Path, _other: OtherUser) -> None:
    path.write_bytes(b"")


Make = Callable[[Path, OtherUser], None]
BAD_FOLDERS: dict[str, tuple[Make, Refusal]] = {
    "another user's folder": (_other_s_folder, Refusal.FOREIGN),
    "open to others": (_open_folder, Refusal.NOT_PRIVATE),
    "shared like /tmp": (_shared_folder, Refusal.NOT_PRIVATE),
    "a link to a private folder": (_link_to_ours, Refusal.NOT_PRIVATE),
    "another user's link": (_other_s_link, Refusal.FOREIGN),
    "a file": (_a_file, Refusal.NOT_PRIVATE),
}


@pytest.mark.parametrize(("make", "kind"), BAD_FOLDERS.values(), ids=BAD_FOLDERS.keys())
def test_a_folder_that_is_not_private_is_refused(
    qtbot: QtBot, other: OtherUser, no_runtime: None, make: Make, kind: Refusal
) -> None:
    folder = cache_dir() / INSTANCE_FOLDER
    folder.parent.mkdir(parents=True, mode=0o700)
    make(folder, other)
    before = mode_and_owner(folder)
    result = single_instance.claim("refused-target", ["/a.png"])
    if result.server is not None:
        result.server.close()
    assert (result.forwarded, result.server) == (False, None)
    assert result.obstacle is not None
    assert (result.obstacle.kind, result.obstacle.path) == (kind, str(folder))
    assert mode_and_owner(folder) == before  # left as it was: not "fixed", not used
    if folder.is_dir():
        assert list(folder.iterdir()) == []


@pytest.mark.parametrize("make", [m for m, _ in BAD_FOLDERS.values()], ids=BAD_FOLDERS.keys())
def test_a_runtime_folder_that_is_not_private_is_not_used(
    qtbot: QtBot, tmp_path: Path, other: OtherUser, monkeypatch: pytest.MonkeyPatch, make: Make
) -> None:
    runtime = tmp_path / "run"
    make(runtime, other)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(socket_name("runtime-target")).parent == cache_dir() / INSTANCE_FOLDER
    result = single_instance.claim("runtime-target", [])
    assert result.server is not None
    try:
        assert result.obstacle is None
        assert Path(result.server.name).parent == cache_dir() / INSTANCE_FOLDER
    finally:
        result.server.close()
    if runtime.is_dir():
        assert list(runtime.iterdir()) == []

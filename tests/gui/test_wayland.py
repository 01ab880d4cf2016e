"""The real window on Wayland: the app runs as a child process on weston's headless
compositor (started here, on a private ``$XDG_RUNTIME_DIR``), shows its window there (the
client side of the protocol, ``WAYLAND_DEBUG=client``, says so), uploads the files given on
its command line to the test's sandbox server, quits cleanly on SIGTERM, and prints no Qt
warning except the ones a compositor with no input devices (no ``wl_seat``) makes unavoidable.

The helpers that start, await and stop the app are the ones of tests/test_desktop_install.py.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from tests.needs import missing
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
from uploader_gui import APP_NAME
from uploader_gui.desktop import APP_ID
from uploader_gui.sandbox import SandboxServer

SOCKET = "wayland-test"

#: Every Qt message of the child starts with its type, so that a warning with no category
#: (a plain ``qWarning``) is told apart from debug output.
MESSAGE_PATTERN = "[qt %{type}] %{if-category}%{category}: %{endif}%{message}"

#: A request or event that libwayland-client prints for ``WAYLAND_DEBUG=client``.
_PROTOCOL = re.compile(r"^\[\s*\d+\.\d+\] ")
_QT_MESSAGE = re.compile(r"^\[qt (?P<type>\w+)\] ")
_QT_PROBLEM_TYPES = frozenset({"warning", "critical", "fatal"})
#: A Qt message with a category, should one come without the pattern above.
_QT_CATEGORY = re.compile(r"^qt\.[\w.-]+: ")
_PROBLEM_WORDS = re.compile(r"warning|critical|fatal|traceback", re.IGNORECASE)
#: The headless backend has no input devices, so weston offers no ``wl_seat``; Qt says so
#: (e.g. "Can't set clipboard contents with no wl_seats available" when links are copied).
_NO_SEAT = re.compile(r"\bno (?:wl_)?seats?\b", re.IGNORECASE)


def unexpected_warnings(text: str) -> list[str]:
    """The lines of the app's output that are warnings (a Qt warning, critical or fatal
    message; a ``qt.`` category line; a line saying warning, critical, fatal or traceback; the
    app's own log, which is warnings only), except those about there being no seat. The
    Wayland protocol dump is not output of Qt or the app."""
    problems = []
    for line in text.splitlines():
        if _PROTOCOL.match(line):
            continue
        tagged = _QT_MESSAGE.match(line)
        if tagged:
            problem = tagged["type"] in _QT_PROBLEM_TYPES
        else:
            problem = bool(
                _QT_CATEGORY.match(line)
                or _PROBLEM_WORDS.search(line)
                or line.startswith(f"{APP_NAME}: ")
            )
        if problem and not _NO_SEAT.search(line):
            problems.append(line)
    return problems


def shown_on_compositor(protocol: str, app_id: str) -> bool:
    """The client made an xdg toplevel with ``app_id``, acknowledged the compositor's
    configure (so weston mapped it) and attached a buffer to its surface (a frame was drawn)."""
    toplevel = re.search(rf"-> xdg_toplevel@(\d+)\.set_app_id\(\"{re.escape(app_id)}\"\)", protocol)
    if toplevel is None:
        return False
    xdg_surface = re.search(
        rf"-> xdg_surface@(\d+)\.get_toplevel\(new id xdg_toplevel@{toplevel[1]}\)", protocol
    )
    if xdg_surface is None:
        return False
    surface = re.search(
        rf"get_xdg_surface\(new id xdg_surface@{xdg_surface[1]}, wl_surface@(\d+)\)", protocol
    )
    return (
        surface is not None
        and f"-> xdg_surface@{xdg_surface[1]}.ack_configure(" in protocol
        and f"-> wl_surface@{surface[1]}.attach(wl_buffer@" in protocol
    )


@pytest.mark.parametrize(
    ("line", "allowed"),
    [
        ("[qt warning] Can't set clipboard contents with no wl_seats available", True),
        ("[qt warning] qt.qpa.wayland: The compositor offers no seat", True),
        ("[qt debug] qt.qpa.wayland: Using xdg-shell", True),
        ("[qt info] qt.qpa.wayland.input: new tablet seat", True),
        ("", True),
        ('[  29672.323]  -> xdg_toplevel@16.set_title("Warning")', True),
        ("[qt warning] qt.qpa.wayland: Wayland does not support QWindow::requestActivate()", False),
        ("[qt warning] qt.qpa.wayland: wl_seat version 9 is not supported", False),
        ("[qt warning] QObject::connect: No such signal QWidget::gone()", False),
        ("[qt critical] QPainter::begin: Paint device returned engine == 0", False),
        ("[qt fatal] Could not find the Qt platform plugin", False),
        ("qt.qpa.plugin: Could not load the Qt platform plugin", False),
        ("Warning: Ignoring XDG_SESSION_TYPE=wayland", False),
        ("/x/window.py:3: DeprecationWarning: use something else", False),
        ("Traceback (most recent call last):", False),
        (f"{APP_NAME}: the history could not be saved", False),
    ],
)
def test_the_output_filter_allows_only_missing_seat_warnings(line: str, allowed: bool) -> None:
    assert unexpected_warnings(line) == ([] if allowed else [line])


SHOWN = """\
[  29672.308]  -> xdg_wm_base@3.get_xdg_surface(new id xdg_surface@15, wl_surface@13)
[  29672.314]  -> xdg_surface@15.get_toplevel(new id xdg_toplevel@16)
[  29672.324]  -> xdg_toplevel@16.set_app_id("io.example.App")
[  29681.313] xdg_toplevel@16.configure(0, 0, array[0])
[  29681.331] xdg_surface@15.configure(1)
[  29681.345]  -> xdg_surface@15.ack_configure(1)
[  29687.609]  -> wl_surface@13.attach(wl_buffer@14, 0, 0)
"""


def test_a_window_is_shown_only_once_configured_and_drawn() -> None:
    assert shown_on_compositor(SHOWN, "io.example.App")
    assert not shown_on_compositor(SHOWN, "io.example.Other")
    never_configured = SHOWN.replace("ack_configure", "set_window_geometry")
    assert not shown_on_compositor(never_configured, "io.example.App")
    never_drawn = SHOWN.replace("wl_surface@13.attach", "wl_surface@99.attach")
    assert not shown_on_compositor(never_drawn, "io.example.App")


# -- the compositor --------------------------------------------------------------------------


@dataclass(frozen=True)
class Compositor:
    runtime: Path  # its ``$XDG_RUNTIME_DIR``, where the socket is
    display: str  # ``$WAYLAND_DISPLAY``
    log: Path


def accepts(path: Path) -> bool:
    """A client can connect (the socket file exists a moment before weston listens)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(str(path))
            return True
    except OSError:
        return False


@pytest.fixture
def weston(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Compositor]:
    """weston's headless backend on ``$XDG_RUNTIME_DIR/wayland-test``; stopped by its PID.

    ``--no-config``: no weston.ini of the machine changes it. Running as root needs no flag
    or variable (weston 10 as root, on the headless backend): weston only wants the runtime
    folder to be 0700 and its user's.
    """
    program = shutil.which("weston")
    if program is None:
        missing("weston is not installed (Debian package weston: scripts/setup.sh test)")
    runtime = runtime_dir(tmp_path_factory)  # 0700, as weston checks
    env = app_env(runtime)
    log = tmp_path / "weston.log"
    command = [
        program,
        "--no-config",
        "--backend=headless-backend.so",
        f"--socket={SOCKET}",
        "--idle-time=0",
    ]
    process = start(command, env, log)
    try:
        try:
            wait_for(
                lambda: process.poll() is not None or accepts(runtime / SOCKET),
                15,
                "weston's socket",
            )
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nweston's log:\n{output(log)}") from None
        assert process.poll() is None, f"weston exited ({process.returncode}):\n{output(log)}"
        yield Compositor(runtime, SOCKET, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def loaded_platform_plugins(pid: int) -> set[str]:
    """The Qt platform plugins the process has loaded (``libqwayland.so``, ``libqxcb.so``…)."""
    return {
        Path(region.path).name
        for region in psutil.Process(pid).memory_maps()
        if "/plugins/platforms/" in region.path
    }


# -- the window ------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_the_window_uploads_and_quits_on_wayland(
    tmp_path: Path, weston: Compositor, sandbox: SandboxServer
) -> None:
    # app_env leaves out DISPLAY: with no X server to fall back to, only Wayland can work.
    # WAYLAND_DEBUG: libwayland-client prints the protocol (about 150 lines here).
    env = app_env(
        weston.runtime,
        sandbox,
        QT_QPA_PLATFORM="wayland",
        WAYLAND_DISPLAY=weston.display,
        QT_MESSAGE_PATTERN=MESSAGE_PATTERN,
        WAYLAND_DEBUG="client",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    assert "DISPLAY" not in env
    files = [photo(tmp_path, "first.png", seed=71), photo(tmp_path, "second.png", seed=72)]
    log = tmp_path / "app.log"
    process = start([*APP, *map(str, files)], env, log)
    try:
        try:
            wait_for(
                lambda: process.poll() is not None or all(uploaded(sandbox, f) for f in files),
                60,
                "both files on the sandbox server",
            )
            assert process.poll() is None, f"the app exited ({process.returncode})"
            plugins = loaded_platform_plugins(process.pid)
        except AssertionError as exc:
            raise AssertionError(
                f"{exc}\napp output:\n{output(log)}\nweston's log:\n{output(weston.log)}"
            ) from None
        assert plugins == {"libqwayland.so"}, plugins
        assert terminate(process) == 0, output(log)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    text = output(log)
    assert shown_on_compositor(text, APP_ID), text
    assert unexpected_warnings(text) == [], text

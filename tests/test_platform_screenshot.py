"""Screenshots on Linux (``platform/linux/screenshot_portal.py``) against a fake screenshot
portal on a private session bus (``tests/screenshot_portal.py``): the file it saved, each
refusal, a portal faster than its own reply, one that never answers, none at all."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from jeepney import DBusAddress, HeaderFields, new_method_call, new_signal
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.blocking import open_dbus_connection

from tests.images import png_bytes
from tests.private_bus import private_session_bus
from tests.screenshot_portal import (
    REQUEST,
    SAVED_NAME,
    Behaviour,
    FakePortal,
    expected_request,
    fake_portal,
)
from uploader_gui.core.errors import LocalFileError
from uploader_gui.core.retry import CancelToken
from uploader_gui.core.source_files import private_copy, screenshot_name
from uploader_gui.platform import chooser
from uploader_gui.platform.fallback.no_screenshots import NoScreenshots
from uploader_gui.platform.linux.screenshot_portal import (
    PortalScreenshots,
    local_path,
    request_path,
)
from uploader_gui.platform.screenshot import Outcome, Screenshots, Shot

NO_PORTAL = (
    "no screenshot portal on this desktop: install xdg-desktop-portal and your desktop's backend"
)


@pytest.fixture
def saving(tmp_path: Path) -> Iterator[FakePortal]:
    with fake_portal(tmp_path, Behaviour.SAVE) as portal:
        yield portal


def take(
    portal: FakePortal, timeout: float = 10.0, cancel: CancelToken | None = None
) -> tuple[Shot, float]:
    """What the portal at ``portal`` gives, and how long it took (seconds)."""
    started = time.monotonic()
    shot = PortalScreenshots(portal.address, timeout=timeout).take(cancel=cancel)
    return shot, time.monotonic() - started


def test_the_screenshot_is_the_file_the_portal_saved(saving: FakePortal, tmp_path: Path) -> None:
    shots: Screenshots = PortalScreenshots(saving.address)
    shot = shots.take(parent_window="x11:1a2b3c")
    assert shot.taken, shot.message
    assert shot.outcome is Outcome.TAKEN
    assert shot.message == ""
    assert shot.path == tmp_path / SAVED_NAME  # the URI's %20 and é decoded
    assert shot.path.read_bytes() == png_bytes(8, 6)
    (call,) = saving.calls()
    assert call.signature == "sa{sv}"
    assert call.parent_window == "x11:1a2b3c"
    assert call.options["interactive"] is True
    assert call.options["modal"] is True
    token = call.options["handle_token"]
    assert isinstance(token, str)
    assert re.fullmatch(r"[A-Za-z0-9_]+", token)  # what a D-Bus path element may hold
    assert call.handle == expected_request(call.sender, token)
    assert saving.closed() == []


def test_each_screenshot_has_its_own_token_and_interactive_is_passed(saving: FakePortal) -> None:
    shots = PortalScreenshots(saving.address)
    assert shots.take(interactive=False).taken
    assert shots.take().taken
    first, second = saving.calls()
    assert first.options["interactive"] is False
    assert second.options["interactive"] is True
    assert first.options["handle_token"] != second.options["handle_token"]


def test_the_session_bus_is_the_one_in_the_environment(
    saving: FakePortal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", saving.address)
    assert PortalScreenshots().take().taken


@pytest.mark.parametrize(
    ("behaviour", "outcome", "message"),
    [
        (Behaviour.CANCEL, Outcome.CANCELLED, "the screenshot was cancelled"),
        (Behaviour.FAIL, Outcome.FAILED, "the screenshot failed: the portal answered with code 2"),
        (
            Behaviour.NOT_A_FILE,
            Outcome.FAILED,
            "the screenshot failed: the portal gave no local file (https://example.org/shot.png)",
        ),
        (Behaviour.NO_SCREENSHOT, Outcome.NO_PORTAL, NO_PORTAL),
    ],
)
def test_refusals_say_why(
    tmp_path: Path, behaviour: Behaviour, outcome: Outcome, message: str
) -> None:
    with fake_portal(tmp_path, behaviour) as portal:
        shot, _took = take(portal)
    assert (shot.outcome, shot.path, shot.message) == (outcome, None, message)
    assert not shot.taken


def test_a_portal_that_answers_before_its_reply_is_heard(tmp_path: Path) -> None:
    with fake_portal(tmp_path, Behaviour.FAST) as portal:
        shot, took = take(portal, timeout=5.0)
    assert shot.taken, shot.message
    assert took < 3


def test_the_fast_portal_is_missed_by_a_caller_that_subscribes_after_calling(
    tmp_path: Path,
) -> None:
    """The control: the fake really answers before its reply, so subscribing first matters."""
    with fake_portal(tmp_path, Behaviour.FAST) as portal:
        connection = open_dbus_connection(bus=portal.address)
        with connection:
            options = {"handle_token": ("s", "late"), "interactive": ("b", True)}
            target = DBusAddress(
                "/org/freedesktop/portal/desktop",
                bus_name="org.freedesktop.portal.Desktop",
                interface="org.freedesktop.portal.Screenshot",
            )
            call = new_method_call(target, "Screenshot", "sa{sv}", ("", options))
            (handle,) = connection.send_and_get_reply(call, timeout=5).body
            rule = MatchRule(type="signal", interface=REQUEST, member="Response", path=handle)
            connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=5)
            with connection.filter(rule) as answers, pytest.raises(TimeoutError):
                connection.recv_until_filtered(answers, timeout=1)
    assert (tmp_path / SAVED_NAME).exists()  # it did answer


def test_a_portal_that_ignores_the_token_is_followed_to_its_request(tmp_path: Path) -> None:
    with fake_portal(tmp_path, Behaviour.OTHER_HANDLE) as portal:
        shot, _took = take(portal)
        (call,) = portal.calls()
    assert shot.taken, shot.message
    assert call.handle.startswith("/org/freedesktop/portal/desktop/request/old/")


def test_a_portal_that_never_answers_is_given_up_on_and_its_dialog_closed(
    tmp_path: Path,
) -> None:
    with fake_portal(tmp_path, Behaviour.SILENT) as portal:
        shot, took = take(portal, timeout=0.6)
        (call,) = portal.calls()
        wait_for(lambda: portal.closed() == [call.handle])
    assert shot.outcome is Outcome.FAILED
    assert shot.message == "the screenshot portal did not answer in 1 second"
    assert 0.5 < took < 5


def test_the_wait_is_cancelled_from_another_thread(tmp_path: Path) -> None:
    cancel = CancelToken()
    with fake_portal(tmp_path, Behaviour.SILENT) as portal:
        threading.Timer(0.4, cancel.cancel).start()
        shot, took = take(portal, timeout=60.0, cancel=cancel)
        (call,) = portal.calls()
        wait_for(lambda: portal.closed() == [call.handle])
    assert (shot.outcome, shot.message) == (Outcome.CANCELLED, "the screenshot was cancelled")
    assert took < 5


def test_ten_minutes_is_said_in_minutes() -> None:
    from uploader_gui.platform.linux.screenshot_portal import ANSWER_TIMEOUT, _no_answer

    assert ANSWER_TIMEOUT == 600
    assert _no_answer(ANSWER_TIMEOUT).message == (
        "the screenshot portal did not answer in 10 minutes"
    )


def test_an_answer_from_another_connection_is_not_believed(tmp_path: Path) -> None:
    with fake_portal(tmp_path, Behaviour.SILENT) as portal:
        impostor = open_dbus_connection(bus=portal.address)
        planted = tmp_path / "planted.png"
        planted.write_bytes(png_bytes())

        def answer() -> None:
            wait_for(lambda: bool(portal.calls()))
            (call,) = portal.calls()
            signal = new_signal(
                DBusAddress(call.handle, interface=REQUEST),
                "Response",
                "ua{sv}",
                (0, {"uri": ("s", planted.as_uri())}),
            )
            signal.header.fields[HeaderFields.destination] = call.sender  # straight to it
            impostor.send(signal)

        thread = threading.Thread(target=answer)
        thread.start()
        with impostor:
            shot, _took = take(portal, timeout=1.5)
        thread.join(5)
    assert shot.outcome is Outcome.FAILED


def test_no_portal_on_the_bus_is_said_clearly() -> None:
    with private_session_bus() as address:
        shot = PortalScreenshots(address, timeout=5).take()
    assert (shot.outcome, shot.path, shot.message) == (Outcome.NO_PORTAL, None, NO_PORTAL)


def test_no_session_bus_is_no_portal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    assert PortalScreenshots().take().outcome is Outcome.NO_PORTAL
    gone = f"unix:path={tmp_path / 'no-bus'}"
    assert PortalScreenshots(gone).take().message == NO_PORTAL


def test_the_request_path_and_file_uris() -> None:
    assert request_path(":1.42", "tok_1") == "/org/freedesktop/portal/desktop/request/1_42/tok_1"
    assert local_path("file:///tmp/Screenshot%20from%20x%C3%A9.png") == Path(
        "/tmp/Screenshot from xé.png"
    )
    assert local_path("file://localhost/home/a/b.png") == Path("/home/a/b.png")
    assert local_path("file:///tmp/%FF.png") == Path(os.fsdecode(b"/tmp/\xff.png"))
    for refused in ("https://example.org/a.png", "file://server/a.png", "file:a.png", ""):
        assert local_path(refused) is None, refused


def test_here_the_chooser_picks_the_portal_and_elsewhere_there_is_a_refusal() -> None:
    assert isinstance(chooser.screenshots(), PortalScreenshots)
    script = (
        "import sys\n"
        "from uploader_gui.platform import chooser\n"
        "chooser.screenshots().take()\n"
        "import uploader_gui.core.stdin_image, uploader_gui.core.source_files\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    root = Path(__file__).resolve().parent.parent
    environment = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=root,
        env={**environment, "PYTHONPATH": str(root)},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "[]"  # a headless command can ask: no Qt loaded
    shot = NoScreenshots().take()
    assert (shot.outcome, shot.path) == (Outcome.UNAVAILABLE, None)
    assert shot.message == "taking a screenshot is not available on this system yet"


def test_the_screenshot_is_sent_from_a_private_copy_under_its_name(
    saving: FakePortal, tmp_path: Path
) -> None:
    shot = PortalScreenshots(saving.address).take()
    assert shot.path is not None
    name = screenshot_name(datetime(2025, 1, 31, 14, 25, 1))
    assert name == "screenshot-2025-01-31-142501.png"
    copy = private_copy(shot.path, name)
    assert copy.name == name
    assert copy.read_bytes() == shot.path.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert copy.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))  # the app's own folder
    assert shot.path.exists()  # the person's file stays where the desktop saved it


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_screenshot_file_that_is_gone_or_a_fifo_is_refused_and_nothing_is_left(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "shot.png"
    os.mkfifo(fifo)
    work = tmp_path / "work"
    work.mkdir()
    for source, said in ((tmp_path / "gone.png", "does not exist"), (fifo, "not a regular")):
        with pytest.raises(LocalFileError, match=said):
            private_copy(source, screenshot_name(), work)
    assert list(work.iterdir()) == []

"""A guard for the invariant "the GUI thread never calls SQLite, the network or the keyring".

While it is installed, every SQLite call (opening a connection, each statement, commit,
rollback, close), every HTTP request sent with httpx and every keyring call is recorded with
the thread it ran on, what it was (the SQL text, the URL, the keyring entry; never a key) and
a short stack of the ``uploader_gui`` frames that made it. Qt's GUI thread is the main
thread in these tests, so a call made there is a violation; :meth:`GuiThreadGuard.check`
fails with the list of them, grouped.

Everything is recorded, the test's own calls included: wrap the places where the test
itself reads the history or the keyring (to set things up or to check results) in
``with guard.paused():``. Pausing only affects the thread that paused, so the app's workers
are still recorded meanwhile.

Use the fixture (``gui_thread_guard``; import ``gui_thread_guard_fixture`` into the test
module) or the context manager :func:`guarding`. Both check at the end unless the test
already called :meth:`~GuiThreadGuard.check` itself, which it must do inside the test body
for an ``xfail`` to apply (a failure in a fixture's teardown is an error, not a failure).
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring
import keyring.core
import pytest

import uploader_gui

#: Frames from this folder are the app's; they make up a call's stack.
APP_DIR = str(Path(uploader_gui.__file__).resolve().parent)
#: The app's innermost frames kept per call.
STACK_FRAMES = 6
#: Longer SQL text is cut in reports.
SQL_CHARS = 160
_THIS_FILE = str(Path(__file__).resolve())
#: Frames never shown for a call made outside the app (the patching machinery).
_SKIPPED = ("/contextlib.py",)


class GuiThreadViolation(AssertionError):
    """Something ran SQLite, the network or the keyring on the GUI thread."""


@dataclass(frozen=True)
class Frame:
    file: str  # relative to the uploader_gui package when it is the app's
    line: int
    function: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} {self.function}"


@dataclass(frozen=True)
class Call:
    kind: str  # "sqlite", "http" or "keyring"
    what: str  # "connect", "execute", "commit", "send", "get_password"…
    detail: str  # the SQL text, the URL, the keyring entry
    thread: str
    on_gui_thread: bool
    #: The app's frames, innermost first (or the caller's, when no app frame made it).
    stack: tuple[Frame, ...]

    @property
    def made_by(self) -> str:
        """The innermost app function that made the call, e.g. ``core/history.py count``."""
        if not self.stack:
            return "?"
        return f"{self.stack[0].file} {self.stack[0].function}"

    def signature(self) -> tuple[str, str, str, tuple[str, ...]]:
        """What groups identical calls: line numbers are left out."""
        return (
            self.kind,
            self.what,
            self.detail,
            tuple(f"{f.file} {f.function}" for f in self.stack),
        )

    def describe(self) -> str:
        chain = " <- ".join(str(frame) for frame in self.stack) or "(no stack)"
        return f"{self.kind} {self.what}: {self.detail}\n      at {chain}"


def _short_sql(sql: object) -> str:
    text = re.sub(r"\s+", " ", str(sql)).strip()
    return text if len(text) <= SQL_CHARS else text[: SQL_CHARS - 1] + "…"


@functools.lru_cache(maxsize=4096)
def _resolved(filename: str) -> str:
    return str(Path(filename).resolve()) if filename else "?"


def _stack() -> tuple[Frame, ...]:
    """The app's innermost frames; without any, the innermost frames outside this file."""
    summary = traceback.StackSummary.extract(
        traceback.walk_stack(sys._getframe(1)), limit=80, lookup_lines=False
    )
    app: list[Frame] = []
    other: list[Frame] = []
    for entry in summary:  # innermost first
        filename = _resolved(entry.filename)
        lineno = entry.lineno or 0
        if filename.startswith(APP_DIR + "/"):
            rel = filename[len(APP_DIR) + 1 :]
            app.append(Frame(rel, lineno, entry.name))
            if len(app) == STACK_FRAMES:
                break
        elif not app and filename != _THIS_FILE and not filename.endswith(_SKIPPED):
            other.append(Frame(Path(filename).name, lineno, entry.name))
    return tuple(app) if app else tuple(other[:3])


class GuiThreadGuard:
    """Records SQLite, HTTP and keyring calls with their thread; see the module's doc."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.checked = False
        self._lock = threading.Lock()
        self._local = threading.local()

    # -- recording ---------------------------------------------------------------------

    def _flag(self, name: str) -> int:
        return int(getattr(self._local, name, 0))

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Calls made by this thread meanwhile are not recorded (the test's own reads)."""
        self._local.paused = self._flag("paused") + 1
        try:
            yield
        finally:
            self._local.paused = self._flag("paused") - 1

    @contextlib.contextmanager
    def _recording(self, kind: str, what: str, detail: str) -> Iterator[None]:
        """Record one call; calls it makes itself (a backend under ``keyring.get_password``,
        the transport under ``Client.send``, a cursor under ``Connection.execute``) are
        part of it and not recorded again."""
        if not self._flag("paused") and not self._flag("depth"):
            current = threading.current_thread()
            call = Call(
                kind=kind,
                what=what,
                detail=detail,
                thread=current.name,
                on_gui_thread=current is threading.main_thread(),
                stack=_stack(),
            )
            with self._lock:
                self.calls.append(call)
        self._local.depth = self._flag("depth") + 1
        try:
            yield
        finally:
            self._local.depth = self._flag("depth") - 1

    def record(self, kind: str, what: str, detail: str) -> None:
        """Record a call that makes no others (as the patched functions do)."""
        with self._recording(kind, what, detail):
            pass

    # -- results -----------------------------------------------------------------------

    def on_gui_thread(self, kind: str | None = None) -> list[Call]:
        with self._lock:
            calls = list(self.calls)
        return [c for c in calls if c.on_gui_thread and (kind is None or c.kind == kind)]

    def off_gui_thread(self, kind: str | None = None) -> list[Call]:
        with self._lock:
            calls = list(self.calls)
        return [c for c in calls if not c.on_gui_thread and (kind is None or c.kind == kind)]

    def report(self) -> str:
        """The calls made on the GUI thread, grouped (most frequent first) and counted."""
        bad = self.on_gui_thread()
        groups = Counter(call.signature() for call in bad)
        first: dict[tuple[str, str, str, tuple[str, ...]], Call] = {}
        for call in bad:
            first.setdefault(call.signature(), call)
        lines = [f"{len(bad)} call(s) on the GUI thread, {len(groups)} distinct:"]
        for signature, count in groups.most_common():
            lines.append(f"  {count}x {first[signature].describe()}")
        return "\n".join(lines)

    def check(self) -> None:
        """Fail (:class:`GuiThreadViolation`) if anything ran on the GUI thread."""
        self.checked = True
        if self.on_gui_thread():
            raise GuiThreadViolation(self.report())

    # -- installing --------------------------------------------------------------------

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Patch sqlite3, httpx and keyring for as long as ``monkeypatch`` lasts."""
        self._install_sqlite(monkeypatch)
        self._install_httpx(monkeypatch)
        self._install_keyring(monkeypatch)

    def _install_sqlite(self, monkeypatch: pytest.MonkeyPatch) -> None:
        guard = self
        real_connect = sqlite3.connect
        classes: dict[type[sqlite3.Connection], type[sqlite3.Connection]] = {}

        class RecordingCursor(sqlite3.Cursor):
            def execute(self, sql: str, parameters: Any = (), /) -> RecordingCursor:
                with guard._recording("sqlite", "execute", _short_sql(sql)):
                    return super().execute(sql, parameters)

            def executemany(self, sql: str, seq_of_parameters: Any, /) -> RecordingCursor:
                with guard._recording("sqlite", "executemany", _short_sql(sql)):
                    return super().executemany(sql, seq_of_parameters)

            def executescript(self, sql_script: str, /) -> sqlite3.Cursor:
                with guard._recording("sqlite", "executescript", _short_sql(sql_script)):
                    return super().executescript(sql_script)

        class RecordingConnection(sqlite3.Connection):
            # Connection.execute (C) makes a plain cursor: go through a recording one, so
            # what the app does with the returned cursor is recorded too.
            def cursor(self, factory: Any = RecordingCursor) -> Any:
                return super().cursor(factory)

            def execute(self, sql: str, parameters: Any = (), /) -> Any:
                return self.cursor().execute(sql, parameters)

            def executemany(self, sql: str, parameters: Any, /) -> Any:
                return self.cursor().executemany(sql, parameters)

            def executescript(self, sql_script: str, /) -> Any:
                return self.cursor().executescript(sql_script)

            def commit(self) -> None:
                with guard._recording("sqlite", "commit", ""):
                    super().commit()

            def rollback(self) -> None:
                with guard._recording("sqlite", "rollback", ""):
                    super().rollback()

            def close(self) -> None:
                with guard._recording("sqlite", "close", ""):
                    super().close()

            # ``with connection:`` commits in C, without calling commit().
            def __exit__(self, kind: Any, value: Any, tb: Any, /) -> Any:
                what = "commit" if kind is None else "rollback"
                with guard._recording("sqlite", what, "(end of a with block)"):
                    return super().__exit__(kind, value, tb)

        def recording_class(base: type[sqlite3.Connection]) -> type[sqlite3.Connection]:
            if base is sqlite3.Connection:
                return RecordingConnection
            if base not in classes:  # the app's own factory: record through a subclass
                name = f"Recording{base.__name__}"
                classes[base] = type(name, (RecordingConnection, base), {})
            return classes[base]

        def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
            if len(args) >= 5:  # factory given positionally (timeout, detect_types, …)
                args = (*args[:4], recording_class(args[4]), *args[5:])
            else:
                kwargs["factory"] = recording_class(kwargs.get("factory", sqlite3.Connection))
            with guard._recording("sqlite", "connect", str(database)):
                connection: sqlite3.Connection = real_connect(database, *args, **kwargs)
            return connection

        monkeypatch.setattr(sqlite3, "connect", connect)

    def _install_httpx(self, monkeypatch: pytest.MonkeyPatch) -> None:
        guard = self
        real_send = httpx.Client.send
        real_handle = httpx.HTTPTransport.handle_request

        def send(client: httpx.Client, request: httpx.Request, **kwargs: Any) -> httpx.Response:
            with guard._recording("http", "send", f"{request.method} {request.url}"):
                return real_send(client, request, **kwargs)

        def handle_request(
            transport: httpx.HTTPTransport, request: httpx.Request
        ) -> httpx.Response:
            with guard._recording("http", "handle_request", f"{request.method} {request.url}"):
                return real_handle(transport, request)

        monkeypatch.setattr(httpx.Client, "send", send)
        monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle_request)

    def _install_keyring(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The app (core/credentials.py) calls ``keyring.get_keyring``, ``get_password``,
        ``set_password`` and ``delete_password`` as attributes of the ``keyring`` module,
        looked up at each call: patched there, and in ``keyring.core`` (where they live),
        and on the backend's class, for the one installed now and any installed later."""
        guard = self

        def entry(args: tuple[Any, ...]) -> str:
            return "/".join(str(arg) for arg in args[:2])  # service and user: never the key

        def wrap(name: str, real: Callable[..., Any], offset: int = 0) -> Callable[..., Any]:
            def recorded(*args: Any, **kwargs: Any) -> Any:
                with guard._recording("keyring", name, entry(args[offset:])):
                    return real(*args, **kwargs)

            recorded.__name__ = name
            return recorded

        patched: set[type] = set()

        def patch_backend(backend: object) -> None:
            kind = type(backend)
            if kind in patched:
                return
            patched.add(kind)
            for name in ("get_password", "set_password", "delete_password", "get_credential"):
                method = getattr(kind, name, None)
                if callable(method):
                    monkeypatch.setattr(kind, name, wrap(f"backend.{name}", method, offset=1))

        real_get_keyring = keyring.core.get_keyring
        real_set_keyring = keyring.core.set_keyring

        def set_keyring(backend: Any) -> None:
            patch_backend(backend)
            real_set_keyring(backend)

        functions = ("get_password", "set_password", "delete_password", "get_credential")
        originals = {name: getattr(keyring.core, name) for name in functions}
        for module in (keyring, keyring.core):
            for name in functions:
                monkeypatch.setattr(module, name, wrap(name, originals[name]))
            monkeypatch.setattr(module, "get_keyring", wrap("get_keyring", real_get_keyring))
            monkeypatch.setattr(module, "set_keyring", set_keyring)
        patch_backend(real_get_keyring())


@contextlib.contextmanager
def guarding(monkeypatch: pytest.MonkeyPatch) -> Iterator[GuiThreadGuard]:
    """Install a guard; at the end, fail if anything ran on the GUI thread (unless the
    body already called :meth:`GuiThreadGuard.check`)."""
    guard = GuiThreadGuard()
    guard.install(monkeypatch)
    yield guard
    if not guard.checked:
        guard.check()


@pytest.fixture(name="gui_thread_guard")
def gui_thread_guard_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[GuiThreadGuard]:
    """A :class:`GuiThreadGuard` for the whole test (request it after ``memory_keyring``)."""
    with guarding(monkeypatch) as guard:
        yield guard

"""Quit requests on Linux: SIGTERM (``kill``, a session manager) and SIGINT (Ctrl+C).

Python runs a signal handler only when the interpreter gets control, which never happens while
Qt's event loop waits in C++. ``signal.set_wakeup_fd`` makes the C-level handler write to a
socket that a ``QSocketNotifier`` watches, so the Python handler runs at once on the GUI thread.

Python's :mod:`signal` offers the same on macOS, and SIGINT (Ctrl+C in a console) on Windows,
whose ports have not been made (see packaging/PORTING.md): they use this too.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from types import FrameType

from PySide6.QtCore import QSocketNotifier, QTimer

HANDLED = (signal.SIGTERM, signal.SIGINT)


@contextmanager
def on_termination(callback: Callable[[], object]) -> Iterator[None]:
    """Calls ``callback`` on the GUI thread when SIGTERM or SIGINT arrives, inside the block.

    Needs a running ``QCoreApplication``; restores the previous handlers afterwards.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def drain() -> None:
        # Reading hands control to Python, which runs the pending handler before this returns.
        try:
            while reader.recv(64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def handler(_signum: int, _frame: FrameType | None) -> None:
        QTimer.singleShot(0, callback)

    notifier.activated.connect(drain)
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    previous = {signum: signal.signal(signum, handler) for signum in HANDLED}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()


class Signals:
    """:class:`~uploader_gui.platform.termination.QuitRequests` from SIGTERM and SIGINT."""

    def watch(self, callback: Callable[[], object]) -> AbstractContextManager[None]:
        return on_termination(callback)

"""Desktop notifications: show one, and hear when it is clicked.

What is said and when (a drop finished while the window was in the background) is the Qt
layer's (:mod:`uploader_gui.ui.notices.notifications`); this is how it reaches the desktop.
An implementation is made with the app's icon name, a way to run blocking work off the GUI
thread (:data:`Submit`) and a function to call, on the GUI thread, when a notification it
showed is clicked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

#: Runs ``work`` on a worker thread, then ``done(result, error)`` on the GUI thread (a
#: pool's ``submit`` in :mod:`uploader_gui.ui.base.workers`).
Submit = Callable[[Callable[[], int], Callable[[int | None, BaseException | None], None]], object]
#: Called on the GUI thread when a notification is clicked, with the window system's
#: activation token for bringing the window forward ("" when there is none).
Clicked = Callable[[str], None]


class DesktopNotifications(Protocol):
    def show(self, summary: str, body: str) -> None:
        """Shows ``summary`` (one line) and ``body`` (plain text, maybe empty) with the
        app's icon, without waiting on the GUI thread. A notification that cannot be shown
        is logged and dropped: it is a courtesy, never an error."""
        ...

    def clickable(self) -> bool:
        """Whether a notification it showed can now be clicked (the desktop has named it)."""
        ...

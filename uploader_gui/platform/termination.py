"""Quit requests from outside the window (``kill``, a session manager, Ctrl+C in the
terminal) that must close it the normal way (see ``MainWindow.quit_without_asking``)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol


class QuitRequests(Protocol):
    def watch(self, callback: Callable[[], object]) -> AbstractContextManager[None]:
        """Inside the block, a request to quit calls ``callback`` on the GUI thread (needs
        a running ``QCoreApplication``); what was there before is restored afterwards."""
        ...

"""The one channel through which a part tells the person something: :class:`Report`.

A part that has something to say is handed the window's :class:`Report` when it is made
(``app.compose``) and says it in one of three ways, and only these:

- :meth:`Report.status`: a short line in the status bar, gone after a while ("Copied 3
  links");
- :meth:`Report.notice`: a notice above the list that stays until its :class:`Topic` is
  cleared, with at most one button ("Uploads are on hold: …");
- :meth:`Report.inform`: a message box, for what must be read now ("Export failed").

No part borrows another's signal to be heard, and every notice's topic is listed here, once.
Rows in the lists (a file's reason) and desktop notifications are not reports: they belong to
what they describe.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from ...core.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .dialogs import Dialogs

#: A button on a notice: its label and what a click does.
NoticeButton = tuple[str, Callable[[], None]]

#: How long a status line stays, unless a part says otherwise (0: until replaced).
STATUS_MS = 6000


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def label(self) -> str:
        if self is Severity.INFO:
            return translate("Notices", "Information")
        if self is Severity.WARNING:
            return translate("Notices", "Warning")
        return translate("Notices", "Error")


class Topic(str, enum.Enum):
    """What a notice is about: one notice per topic, replaced or cleared by its topic."""

    #: The API URL cannot carry the key: uploads are on hold.
    API_URL = "api-url"
    #: Uploads go to the in-process sandbox.
    SANDBOX = "sandbox"
    #: Another window could not be reached or this one could not be found by the next start.
    SINGLE_INSTANCE = "single-instance"
    #: The history could not be opened, or was set aside and started again.
    HISTORY = "history"
    #: The history could not be written.
    HISTORY_WRITE = "history-write"
    #: Files were left uploading when the app last stopped.
    INTERRUPTED = "interrupted"
    #: The settings file is not private, or cannot be written.
    SETTINGS_FILE = "settings-file"
    #: The network or the proxy failed.
    NETWORK = "network"
    #: A custom destination's secrets are missing or were refused.
    DESTINATION = "destination"
    #: The PicGo-compatible server could not listen.
    PICGO = "picgo"


class NoticeShelf(Protocol):
    """Where notices are shown (the window's notice bar)."""

    def show_notice(
        self, key: str, text: str, severity: Severity, button: NoticeButton | None
    ) -> None: ...

    def clear_notice(self, key: str) -> None: ...


class Report(QObject):
    """The channel: made once, handed to every part that speaks; the window shows it."""

    #: A status line: ``(text, milliseconds)``; 0 keeps it until the next one.
    status_shown = Signal(str, int)

    def __init__(self, notices: NoticeShelf, dialogs: Dialogs) -> None:
        super().__init__()
        self._notices = notices
        self._dialogs = dialogs
        self._window: QWidget | None = None

    def attach(self, window: QWidget) -> None:
        """Message boxes belong to ``window`` from now on (before: to no window)."""
        self._window = window

    def status(self, text: str, milliseconds: int = STATUS_MS) -> None:
        self.status_shown.emit(text, milliseconds)

    def notice(
        self,
        topic: Topic,
        text: str,
        severity: Severity = Severity.INFO,
        button: NoticeButton | None = None,
    ) -> None:
        """Show ``text`` as the notice on ``topic`` (replacing the one shown before)."""
        self._notices.show_notice(topic.value, text, severity, button)

    def clear(self, topic: Topic) -> None:
        self._notices.clear_notice(topic.value)

    def inform(self, title: str, text: str) -> None:
        """A message box the person closes (modal: returns when it is closed)."""
        self._dialogs.inform(self._window, title, text)

"""What the window says about the history: when its file cannot be used, was set aside, or
stops taking writes (what it costs, how to fix it), and which files last time left unsent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from .history_controller import HistoryHealth
from .notice_bar import NoticeBar, Severity

#: The keys of the notices about the history file.
HISTORY_NOTICE = "history"
HISTORY_WRITE_NOTICE = "history-write"
INTERRUPTED_NOTICE = "interrupted"


def show_health(notices: NoticeBar, health: HistoryHealth) -> None:
    """After the history opened: say if it is temporary or was started afresh."""
    folder = health.folder
    if health.temporary:
        notices.show_notice(
            HISTORY_NOTICE,
            f"The upload history cannot be used: {health.reason}.\n"
            "This session's history is kept in memory only: files not yet uploaded are not "
            "listed again after a crash or quit, and this session's links are not kept. To "
            f"fix it, make sure {folder} is a folder you can write to, then restart "
            "uploader-gui.",
            Severity.WARNING,
        )
    elif health.recovered_from is not None:
        notices.show_notice(
            HISTORY_NOTICE,
            f"The upload history could not be read: {health.reason}.\n"
            f"It was set aside as {health.recovered_from.name} and a new, empty history was "
            f"started in {folder}. Nothing else is affected.",
            Severity.INFO,
            button=("Dismiss", lambda: notices.clear_notice(HISTORY_NOTICE)),
        )
    if health.write_error is not None and not health.temporary:
        show_write_failure(notices, folder, health.write_error)


def show_write_failure(notices: NoticeBar, folder: Path, reason: str) -> None:
    """A write to the history failed: crash recovery and new links in History are off."""
    notices.show_notice(
        HISTORY_WRITE_NOTICE,
        f"The upload history cannot be saved: {reason}.\n"
        "Uploads go on, but files not yet uploaded are not listed again after a crash or "
        "quit, and new links are not kept in History. To fix it, free disk space or make "
        f"{folder} writable, then restart uploader-gui.",
        Severity.ERROR,
        button=("Open Folder", lambda: open_folder(folder)),
    )


def show_interrupted(notices: NoticeBar, count: int, send_all: Callable[[], None]) -> None:
    """Files from last time were listed as not sent: one button sends them all."""
    one = count == 1
    notices.show_notice(
        INTERRUPTED_NOTICE,
        f"{count} file{'' if one else 's'} from last time {'was' if one else 'were'} not "
        f"uploaded: uploader-gui stopped before sending {'it' if one else 'them'}.",
        Severity.INFO,
        button=("Send All", send_all),
    )


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

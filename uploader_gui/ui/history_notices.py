"""What the window says when the history file cannot be used, was set aside, or stops taking
writes: what it costs (crash recovery, links kept in History) and how to fix it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from .history_controller import HistoryHealth
from .notice_bar import NoticeBar, Severity

#: The keys of the notices about the history file.
HISTORY_NOTICE = "history"
HISTORY_WRITE_NOTICE = "history-write"


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


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

"""What the window says about the history: when its file cannot be used, was set aside, or
stops taking writes (what it costs, how to fix it), and which files last time left unsent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ...core.i18n import translate
from ..base.report import Report, Severity, Topic
from ..history.controller import HistoryHealth


def show_health(report: Report, health: HistoryHealth) -> None:
    """After the history opened: say if it is temporary or was started afresh."""
    folder = health.folder
    if health.temporary:
        report.notice(
            Topic.HISTORY,
            translate(
                "HistoryNotices",
                "The upload history cannot be used: {reason}.\n"
                "This session's history is kept in memory only: files not yet uploaded are not "
                "listed again after a crash or quit, and this session's links are not kept. To "
                "fix it, make sure {folder} is a folder you can write to, then restart "
                "uploader-gui.",
            ).format(reason=health.reason, folder=folder),
            Severity.WARNING,
        )
    elif health.recovered_from is not None:
        report.notice(
            Topic.HISTORY,
            translate(
                "HistoryNotices",
                "The upload history could not be read: {reason}.\n"
                "It was set aside as {file} and a new, empty history was "
                "started in {folder}. Nothing else is affected.",
            ).format(reason=health.reason, file=health.recovered_from.name, folder=folder),
            Severity.INFO,
            button=(
                translate("HistoryNotices", "Dismiss"),
                lambda: report.clear(Topic.HISTORY),
            ),
        )
    if health.write_error is not None and not health.temporary:
        show_write_failure(report, folder, health.write_error)


def show_write_failure(report: Report, folder: Path, reason: str) -> None:
    """A write to the history failed: crash recovery and new links in History are off."""
    report.notice(
        Topic.HISTORY_WRITE,
        translate(
            "HistoryNotices",
            "The upload history cannot be saved: {reason}.\n"
            "Uploads go on, but files not yet uploaded are not listed again after a crash or "
            "quit, and new links are not kept in History. To fix it, free disk space or make "
            "{folder} writable, then restart uploader-gui.",
        ).format(reason=reason, folder=folder),
        Severity.ERROR,
        button=(translate("HistoryNotices", "Open Folder"), lambda: open_folder(folder)),
    )


def show_interrupted(report: Report, count: int, send_all: Callable[[], None]) -> None:
    """Files from last time were listed as not sent: one button sends them all."""
    # English words other than the noun change with the number (was/were, it/them): one
    # plural string for one file and one for several; each is translated with all its forms.
    if count == 1:
        text = translate(
            "HistoryNotices",
            "%n file from last time was not uploaded: uploader-gui stopped before sending it.",
            None,
            count,
        )
    else:
        text = translate(
            "HistoryNotices",
            "%n files from last time were not uploaded: uploader-gui stopped before sending them.",
            None,
            count,
        )
    report.notice(
        Topic.INTERRUPTED,
        text,
        Severity.INFO,
        button=(translate("HistoryNotices", "Send All"), send_all),
    )


def open_folder(folder: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

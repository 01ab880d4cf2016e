"""The one reporting channel: what a part says reaches the status bar, the notice bar or a
message box, and nothing else."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tests.ui.helpers import ScriptedDialogs
from uploader_gui.ui.base.report import Report, Severity, Topic
from uploader_gui.ui.notices.bar import NoticeBar


class Parents(ScriptedDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.parents: list[QWidget | None] = []

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.parents.append(parent)
        super().inform(parent, title, text)


def test_status_notice_and_inform_reach_their_places(host: QWidget) -> None:
    notices = NoticeBar(host)
    dialogs = Parents()
    report = Report(notices, dialogs)
    said: list[tuple[str, int]] = []
    report.status_shown.connect(lambda text, ms: said.append((text, ms)))

    report.status("Copied 3 links")
    report.status("Waiting for a key", 0)
    assert said == [("Copied 3 links", 6000), ("Waiting for a key", 0)]

    clicked: list[bool] = []
    report.notice(Topic.NETWORK, "first", Severity.ERROR, ("Fix", lambda: clicked.append(True)))
    report.notice(Topic.NETWORK, "second", Severity.WARNING)  # replaces, in place
    report.notice(Topic.HISTORY, "history")
    assert notices.keys() == ["network", "history"]
    assert notices.notice_text(Topic.NETWORK.value) == "second"
    report.clear(Topic.NETWORK)
    assert notices.keys() == ["history"]

    report.inform("Export failed", "disk full")
    report.attach(host)
    report.inform("Export failed", "again")
    assert dialogs.informed == ["Export failed: disk full", "Export failed: again"]
    assert dialogs.parents == [None, host]  # the window's, once the window is attached

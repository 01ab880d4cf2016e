"""What the window is made of: every part ``app.compose`` makes, handed to the window whole.

Light on purpose (the parts' modules are named for type checking only): a start that hands
its files to a running window imports this and exits before paying for the parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base.actions import Actions
    from .base.dialogs import Dialogs
    from .base.report import Report
    from .base.thumbnails import ThumbnailService
    from .base.workers import Workers
    from .destination.book import DestinationBook
    from .destination.choice import DestinationChoice
    from .destination.keys import KeyController
    from .destination.sandbox import SandboxHost
    from .history.controller import HistoryController
    from .history.page import HistoryPage
    from .links.service import LinkService
    from .notices.bar import NoticeBar
    from .notices.notifications import Notifier
    from .settings.preferences import Preferences
    from .uploads.intake import IntakeController
    from .uploads.model import UploadListModel
    from .uploads.page import UploadsPage
    from .uploads.queue import UploadQueue
    from .uploads.run_tracker import RunTracker


@dataclass(frozen=True)
class Parts:
    """Everything the window shows and connects, made by ``app.compose``."""

    workers: Workers
    notices: NoticeBar
    #: The one channel parts tell the person through (status, notice, inform).
    report: Report
    model: UploadListModel
    thumbnails: ThumbnailService
    history: HistoryController
    queue: UploadQueue
    links: LinkService
    keys: KeyController
    intake: IntakeController
    run: RunTracker
    actions: Actions
    uploads: UploadsPage
    history_page: HistoryPage
    preferences: Preferences
    dialogs: Dialogs
    notifier: Notifier
    sandbox: SandboxHost
    #: The custom destinations, and which one uploads go to.
    book: DestinationBook
    choice: DestinationChoice

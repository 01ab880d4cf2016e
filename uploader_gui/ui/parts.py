"""What the window is made of: every part ``app.compose`` makes, handed to the window whole.

Light on purpose (the parts' modules are named for type checking only): a start that hands
its files to a running window imports this and exits before paying for the parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .actions import Actions
    from .dialogs import Dialogs
    from .history_controller import HistoryController
    from .history_page import HistoryPage
    from .intake import IntakeController
    from .keys import KeyController
    from .links import LinkService
    from .notice_bar import NoticeBar
    from .notifications import Notifier
    from .preferences import Preferences
    from .run_tracker import RunTracker
    from .thumbnails import ThumbnailService
    from .upload_model import UploadListModel
    from .upload_page import UploadsPage
    from .upload_queue import UploadQueue
    from .workers import Workers


@dataclass(frozen=True)
class Parts:
    """Everything the window shows and connects, made by ``app.compose``."""

    workers: Workers
    notices: NoticeBar
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

"""The main window: it lays out the parts, connects them, shows the summary and asks before
quitting. What happens lives in the parts (see :class:`Parts`), each in a module of its own.
"""

from __future__ import annotations

import itertools
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.i18n import translate
from ..core.prepare.folder import remove_work_folder
from ..desktop.window import bring_to_front
from .base.actions import ActionId, Actions, EnabledWhen
from .base.list_view import ListPage
from .base.plain_text import plain_label
from .base.report import Topic
from .destination.deleting import Deletable, ServerDeletion
from .destination.importing import DestinationFiles
from .destination.proxy_consent import PlainPasswordConsent
from .history.controller import HistoryHealth, Restored
from .links.top_bar import TopBar
from .notices.history import show_health, show_interrupted, show_write_failure
from .notices.network import clear_network_problem, show_network_problem
from .uploads.drop_area import DropOverlay
from .uploads.intake import describe_drag
from .uploads.model import State
from .uploads.run_tracker import Summary

if TYPE_CHECKING:
    from .parts import Parts
    from .sources.wiring import Sources

SHUTDOWN_DEADLINE_S = 2.0


class MainWindow(QMainWindow):
    #: The window started closing: it takes no more files (e.g. from a second start).
    shutting_down = Signal()
    #: The screenshot action and the PicGo server (attached by ``app.compose``).
    sources: Sources

    def __init__(self, parts: Parts) -> None:
        super().__init__()
        self.parts = parts
        self.notices, self.model, self.queue = parts.notices, parts.model, parts.queue
        self.report = parts.report
        self.report.attach(self)
        self.keys, self.intake, self.links = parts.keys, parts.intake, parts.links
        self.history, self.registry = parts.history, parts.actions
        self.uploads, self.history_page = parts.uploads, parts.history_page
        self.deletion = ServerDeletion(parts, self)
        self._closing = False
        self._quit_without_asking = False
        self._shutdown_started = 0.0
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(760, 560)
        self._build()
        self._connect()
        self._show_summary(parts.run.summary())
        # The history opens, and last time's leftovers are listed, once the window is up.
        QTimer.singleShot(0, self, lambda: self.history.restore(self.keys.host, self._restored))

    # -- construction ------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(8)
        layout.addWidget(self.notices)

        self.top_bar = TopBar(self.registry, self.links, central)
        layout.addWidget(self.top_bar)

        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.uploads, translate("Window", "&Uploads"))
        self.tabs.addTab(self.history_page, translate("Window", "&History"))
        self.tabs.setTabToolTip(0, Actions.tooltip(ActionId.SHOW_UPLOADS))
        self.tabs.setTabToolTip(1, Actions.tooltip(ActionId.SHOW_HISTORY))
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.overlay = DropOverlay(central)

        self.registry.build_menus(
            self.menuBar(), {"Copy &Format": self.top_bar.format_actions.actions}
        )
        self.addActions(self.registry.all())  # shortcuts work wherever the focus is
        self.registry[ActionId.AUTO_COPY].setChecked(self.links.auto_copy)

        status = self.statusBar()
        self.summary_label = plain_label()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(translate("Window", "Overall progress"))
        self.progress.hide()
        status.addPermanentWidget(self.summary_label)
        status.addPermanentWidget(self.progress)
        chain = [*self.top_bar.focus_chain(), self.uploads.view]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _connect(self) -> None:
        parts, actions = self.parts, self.registry
        on = actions.on
        on(ActionId.ADD_IMAGES, self.intake.choose_files)
        on(ActionId.PASTE, self.intake.paste)
        on(ActionId.QUIT, self.close)
        on(ActionId.COPY, lambda: self.current_page().copy_selected())
        on(ActionId.COPY_ALL, lambda: self.uploads.copy(self.model.items()))
        on(ActionId.SELECT_ALL, lambda: self.current_page().select_all())
        on(ActionId.OPEN_URL, lambda: self.current_page().open_selected())
        on(ActionId.RETRY, self.uploads.retry_selected)
        on(ActionId.SHRINK_RETRY, self.uploads.shrink_selected)
        on(ActionId.RETRY_FAILED, self.retry_all_failed)
        on(ActionId.SEND_INTERRUPTED, self.send_interrupted)
        on(ActionId.CANCEL, self.uploads.cancel_selected)
        on(ActionId.REMOVE, lambda: self.current_page().remove_selected())
        on(ActionId.DELETE_FROM_SERVER, lambda: self.deletion.delete(self._deletable()))
        on(ActionId.CLEAR_FINISHED, self.clear_finished)
        on(ActionId.SHOW_UPLOADS, lambda: self.tabs.setCurrentIndex(0))
        on(ActionId.SHOW_HISTORY, lambda: self.tabs.setCurrentIndex(1))
        on(ActionId.SETTINGS, parts.preferences.open)
        on(ActionId.API_KEY, self.keys.change)
        actions[ActionId.AUTO_COPY].toggled.connect(self.links.set_auto_copy)
        self.links.auto_copy_changed.connect(actions[ActionId.AUTO_COPY].setChecked)

        self.model.appended.connect(parts.thumbnails.request_items)
        self.model.released.connect(parts.thumbnails.forget)
        self.intake.listed.connect(parts.run.join)
        self.intake.interrupted.connect(
            lambda count: show_interrupted(self.report, count, self.send_interrupted)
        )
        self.queue.batch_finished.connect(self._drop_finished)
        parts.notifier.activated.connect(lambda token: bring_to_front(self, token))
        self.queue.key_rejected.connect(self.keys.rejected)
        self.queue.network_failed.connect(
            lambda reason, proxy: show_network_problem(
                self.report, reason, proxy, parts.preferences.open
            )
        )
        self.queue.network_worked.connect(lambda: clear_network_problem(self.report))
        self.proxy_consent = PlainPasswordConsent(
            self.queue,
            parts.preferences,
            lambda item_ids: self.parts.run.join(self.queue.retry(item_ids)),
            self,
        )
        self.queue.history_changed.connect(self.history_page.history_changed)
        self.deletion.deleted.connect(self.uploads.deleted)
        files = DestinationFiles(parts.book, parts.choice, parts.dialogs, self.report, self)
        self.intake.destination_files, self.uploads.report = files.add, self.report
        self.keys.settings_requested.connect(parts.preferences.open)
        self.keys.destination_changed.connect(parts.run.update)
        self.uploads.key_wanted.connect(self.keys.change)
        self.uploads.shrunk.connect(parts.run.join)
        self.report.status_shown.connect(self.statusBar().showMessage)
        self.history.write_failed.connect(self._history_write_failed)
        parts.run.changed.connect(self._show_summary)
        self.uploads.selection_changed.connect(self._update_actions)
        self.history_page.selection_changed.connect(self._update_actions)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- showing state -----------------------------------------------------------------

    def current_page(self) -> ListPage:
        return self.history_page if self.showing_history else self.uploads

    @property
    def showing_history(self) -> bool:
        return self.tabs.currentWidget() is self.history_page

    def _tab_changed(self, _index: int) -> None:
        if self.showing_history:
            self.history_page.shown()
        self._update_actions()

    def _update_actions(self, summary: Summary | None = None) -> None:
        summary = summary or self.parts.run.summary()
        conditions = set()
        if self.current_page().has_selection():
            conditions.add(EnabledWhen.SELECTION)
        if summary.any_failed:
            conditions.add(EnabledWhen.FAILED)
        if summary.any_interrupted:
            conditions.add(EnabledWhen.INTERRUPTED)
        if self._deletable():
            conditions.add(EnabledWhen.DELETABLE)
        self.registry.update_enabled(conditions)

    def _deletable(self) -> list[Deletable]:
        """The uploads selected on the tab on show that can be deleted from their server."""
        return (self.history_page if self.showing_history else self.uploads).deletable()

    def _show_summary(self, summary: Summary) -> None:
        title = APP_NAME
        if self.keys.sandboxed:
            title = translate("Window", "{app} (sandbox)").format(app=APP_NAME)
        left = summary.total - summary.finished
        if summary.running and summary.waiting:
            # Nothing can be sent yet: the rows (and a notice, if any) say why.
            self.progress.hide()
            self.summary_label.setText(translate("Summary", "%n file(s) waiting", None, left))
        elif summary.running:
            current, total = summary.finished + 1, summary.total
            self.summary_label.setText(
                translate("Summary", "Uploading {current} of {total}").format(
                    current=current, total=total
                )
            )
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * summary.fraction))
            self.progress.show()
            title = translate("Window", "Uploading {current} of {total} — {title}").format(
                current=current, total=total, title=title
            )
        else:
            self.progress.hide()
            self.summary_label.setText(self._finished_text(summary))
        self.setWindowTitle(title)
        self._update_actions(summary)
        if not summary.any_interrupted:
            self.report.clear(Topic.INTERRUPTED)

    @staticmethod
    def _finished_text(summary: Summary) -> str:
        """The status bar once the run is over: "3 images uploaded, 1 failed"."""
        if not summary.total:
            return ""
        done = summary.total - summary.failed - summary.cancelled
        uploaded = translate("Summary", "%n image(s) uploaded", None, done)
        if not summary.failed:
            return uploaded
        count = summary.failed  # (lupdate reads a plain name as the number only)
        failed = translate("Summary", "%n failed", None, count)
        return translate("Summary", "{uploaded}, {failed}").format(uploaded=uploaded, failed=failed)

    def _restored(self, restored: Restored, health: HistoryHealth) -> None:
        show_health(self.report, health)
        self.intake.restored(restored)

    def _history_write_failed(self, reason: str) -> None:
        health = self.history.health()
        if not self._closing and not health.temporary:
            show_write_failure(self.report, health.folder, reason)

    # -- acting on the list ------------------------------------------------------------

    def retry_all_failed(self) -> None:
        failed = [item.id for item in self.model.items() if item.retryable]
        self.parts.run.join(self.queue.retry(failed))

    def send_interrupted(self) -> None:
        interrupted = [item.id for item in self.model.items() if item.interrupted]
        self.parts.run.join(self.queue.retry(interrupted))

    def clear_finished(self) -> None:
        self.queue.remove([i.id for i in self.model.items() if i.state is State.DONE])

    def select_item(self, item_id: int) -> None:
        index = self.model.index_of(item_id)
        selection = self.uploads.view.selectionModel()
        selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- drag and drop -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        acceptable, message = describe_drag(event.mimeData())
        self.overlay.show_message(message, acceptable)
        # Accept the enter either way so the highlight also leaves with the drag.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.overlay.acceptable:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.overlay.hide()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self.overlay.hide()
        if self.intake.take_mime(event.mimeData(), "dropped"):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        parent = self.overlay.parentWidget()
        if self.overlay.isVisible() and parent is not None:
            self.overlay.setGeometry(parent.rect())

    # -- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        workers = self.parts.workers
        if self._closing:
            if workers.idle or time.monotonic() - self._shutdown_started > SHUTDOWN_DEADLINE_S:
                self._release()
                event.accept()
            else:
                event.ignore()
            return
        running = self.queue.active_count
        if running and not self._quit_without_asking:
            answer = self.parts.dialogs.confirm(
                self,
                translate("Dialogs", "Quit uploader-gui?"),
                translate(
                    "Dialogs", "%n upload(s) not finished. Quit and cancel them?", None, running
                ),
                translate("Dialogs", "Quit and Cancel Uploads"),
            )
            # (SIGTERM or logout while the question was open closed it: quit anyway.)
            if not answer and not self._quit_without_asking:
                event.ignore()
                return
        self._closing = True
        self._shutdown_started = time.monotonic()
        self.shutting_down.emit()
        self.intake.close()
        self.queue.shutdown()
        workers.cancel()
        if workers.idle:
            self._release()
            event.accept()
            return
        event.ignore()
        self._poll_shutdown()

    def _drop_finished(self, batch: int) -> None:
        """A drop finished: copy its links if wanted; tell the desktop if in the background."""
        items = [item for item in self.model.items() if item.batch == batch]
        if (copied := self.links.drop_finished(items)) is None:
            return  # another app asked for these uploads and hears how they went
        done = sum(1 for item in items if item.state is State.DONE)
        failures = [(item.name, item.error or "") for item in items if item.state is State.FAILED]
        self.parts.notifier.drop_finished(done, len(failures), copied, failures)

    def quit_without_asking(self) -> None:
        """Close now, cancelling uploads (SIGTERM, logout): they stay listed as not uploaded.

        A question still open (e.g. "Quit uploader-gui?") is closed first: nobody may be
        there to answer it, and Qt ignores a close that arrives while one is under way.
        """
        self._quit_without_asking = True
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self:
            modal.close()
            QTimer.singleShot(0, self, self.close)  # once its event loop has returned
            return
        self.close()

    def _poll_shutdown(self) -> None:
        idle = self.parts.workers.idle
        if idle or time.monotonic() - self._shutdown_started > SHUTDOWN_DEADLINE_S:
            self.close()
        else:
            QTimer.singleShot(20, self, self._poll_shutdown)

    @property
    def workers_left(self) -> bool:
        """Some background work outlived the shutdown deadline (e.g. a silent server)."""
        return not self.parts.workers.idle

    def _release(self) -> None:
        self.parts.workers.wait(self._shutdown_started + SHUTDOWN_DEADLINE_S)
        remove_work_folder()  # copies prepared for uploads that will not run now
        self.keys.close()
        self.parts.sandbox.close()
        self.parts.preferences.settings.sync()

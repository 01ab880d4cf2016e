"""The main window: drop or paste images, watch them upload, copy their URLs."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import (
    QItemSelectionModel,
    QMimeData,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.atomic import atomic_text_file
from ..core.config import DEFAULT_API_URL, ENV_API_KEY
from ..core.credentials import Credentials, KeyLookup, KeySource
from ..core.errors import ConfigurationError, KeyRejectedError
from ..core.history import (
    Drop,
    HistoryEntry,
    HistoryState,
    HistoryStore,
    export_csv,
    export_json,
)
from ..core.intake import Intake, collect
from ..core.links import LinkFormat, format_links
from ..core.paths import cache_dir, make_private, private_dir, thumbnail_file
from ..core.retry import RetryPolicy
from ..core.urls import api_host, is_web_url, normalize_api_url
from .background import BackgroundPool
from .dialog_types import KeyCheck, KeyChoice, KeyStatus, SettingsValues
from .dialogs import Dialogs
from .drop_area import DropOverlay, EmptyState
from .list_view import RowListView
from .notice_bar import NoticeBar, Severity
from .settings import Settings
from .thumbnails import ThumbnailLoader
from .upload_delegate import UploadDelegate
from .upload_model import State, UploadItem, UploadListModel
from .upload_queue import UploadQueue

if TYPE_CHECKING:
    from ..sandbox import SandboxServer
    from .history_view import HistoryModel, HistoryPanel
    from .settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

#: Folders holding more images than this ask before queueing them all.
ASK_ABOVE = 100
#: Files added to the list per event-loop turn.
ADD_CHUNK = 50
COPIED_FEEDBACK_MS = 1500
SHUTDOWN_DEADLINE_S = 2.0
#: The key of the notice about a refused API URL.
API_URL_NOTICE = "api-url"
#: The keys of the notices about the history file.
HISTORY_NOTICE = "history"
HISTORY_WRITE_NOTICE = "history-write"
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.webp *.gif);;All files (*)"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def save_image_data(image: QImage, prefix: str) -> Path:
    """Write pasted or dropped image data as a PNG in the cache; safe on a worker thread."""
    folder = private_dir(cache_dir() / "pasted")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"{prefix}-{stamp}.png"
    counter = 2
    while path.exists():
        path = folder / f"{prefix}-{stamp}-{counter}.png"
        counter += 1
    if not image.save(str(path)):  # the format follows the .png suffix
        raise OSError(f"could not save the image to {path}")
    make_private(path)
    return path


def _local_file(url: QUrl) -> Path:
    """The path of a local ``file:`` URL, exact even for a name that is not UTF-8.

    ``QUrl.toLocalFile`` turns such bytes into U+FFFD, naming a file that does not exist;
    on POSIX the percent-encoded bytes are decoded as the file system does instead.
    """
    path = url.toLocalFile()
    if "\ufffd" in path and os.name == "posix":
        encoded = url.path(QUrl.ComponentFormattingOption.FullyEncoded)
        path = os.fsdecode(unquote_to_bytes(encoded))
    return Path(path)


def _delete_thumbnails(entry_ids: list[int]) -> None:
    for entry_id in entry_ids:
        thumbnail_file(entry_id).unlink(missing_ok=True)


class MainWindow(QMainWindow):
    #: Where the key comes from changed (for the settings dialog): a ``KeyStatus``.
    key_status_changed = Signal(object)
    #: The window started closing: it takes no more files (e.g. from a second start).
    shutting_down = Signal()
    #: A write to the history failed (emitted on the writing thread): the reason.
    history_write_failed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        api_url: str,
        dialogs: Dialogs | None = None,
        credentials: Credentials | None = None,
        history: HistoryStore | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.api_url = api_url
        self.dialogs = dialogs or Dialogs()
        self.sandbox: SandboxServer | None = None
        self._closing = False
        self._shutdown_started = 0.0
        self._run_ids: set[int] = set()
        self._asking_key = False
        self._quit_without_asking = False
        self.credentials = credentials or Credentials()
        self.key_source = KeySource.NONE
        #: The secure keyring's name, once known; ``None`` while unknown or if there is none.
        self._backend: str | None = None
        self._backend_known = False
        #: --api-url or $IMAGEPIPELINE_API_URL chose the URL: settings do not override it.
        self.api_url_locked = False

        self.model = UploadListModel(self)
        # Opened on first use, after the window is painted (see _restore_session).
        self.history = history if history is not None else HistoryStore(lazy=True)
        # Any thread may write; the notice is shown on the GUI thread (a queued signal).
        self.history.watch_writes(self.history_write_failed.emit)
        self.queue = UploadQueue(self.model, settings.concurrency, self.history, self)
        self.queue.reuse_duplicates = settings.reuse_duplicates
        self.queue.set_retry_policy(RetryPolicy(retries=settings.retries))
        self.thumbnails = ThumbnailLoader(parent=self)
        self.files = BackgroundPool("files", 1, self)
        # Keyring calls can block on D-Bus (an unlock prompt): never on the GUI thread, and
        # never behind file work.
        self.keyring = BackgroundPool("keyring", 1, self)
        self.checks = BackgroundPool("key checks", 1, self)

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.resize(760, 560)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._update_summary()
        QTimer.singleShot(0, self, self._restore_session)

    # -- construction ------------------------------------------------------------------

    def _build_widgets(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(8)

        self.banner = QLabel(central)
        self.banner.setObjectName("sandboxBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(
            "#sandboxBanner { background: #fff4ce; color: #4d3800; border: 1px solid #e0c050;"
            " border-radius: 6px; padding: 6px 10px; }"
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        #: Problems that last until they are solved (a refused API URL…), each under a key.
        self.notices = NoticeBar(central)
        layout.addWidget(self.notices)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.add_button = QPushButton("Add images…")
        self.add_button.setAccessibleName("Add images")
        self.add_button.setToolTip("Choose image files to upload (Ctrl+O)")
        self.paste_button = QPushButton("Paste")
        self.paste_button.setToolTip("Upload the image or files on the clipboard (Ctrl+V)")
        bar.addWidget(self.add_button)
        bar.addWidget(self.paste_button)
        bar.addStretch(1)
        format_label = QLabel("Copy as")
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName("Copy format")
        self.format_combo.setToolTip("How links are copied: plain URL, Markdown, HTML or BBCode")
        for fmt in LinkFormat:
            self.format_combo.addItem(fmt.label, fmt.value)
        self.format_combo.setCurrentIndex(list(LinkFormat).index(self.settings.link_format))
        format_label.setBuddy(self.format_combo)
        self.copy_all_button = QPushButton("Copy all")
        self.copy_all_button.setToolTip("Copy every finished URL, one per line (Ctrl+Shift+C)")
        bar.addWidget(format_label)
        bar.addWidget(self.format_combo)
        bar.addWidget(self.copy_all_button)
        layout.addLayout(bar)

        self.stack = QStackedWidget(central)
        self.empty = EmptyState(self.stack)
        self.view = RowListView(self.stack)
        self.view.setModel(self.model)
        self.delegate = UploadDelegate(self.view, self.model.status_text)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.setAccessibleName("Uploads")
        self.view.setAlternatingRowColors(False)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        # The History tab is built the first time it is shown (off the start-up path).
        self._history_panel: HistoryPanel | None = None
        self._history_page = QWidget()
        QVBoxLayout(self._history_page).setContentsMargins(0, 0, 0, 0)
        self._history_dirty = True
        self._history_refresh = QTimer(self)
        self._history_refresh.setSingleShot(True)
        self._history_refresh.setInterval(400)
        self._history_refresh.timeout.connect(self._refresh_history)
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.stack, "&Uploads")
        self.tabs.addTab(self._history_page, "&History")
        self.tabs.setTabToolTip(0, "This session's uploads (Ctrl+1)")
        self.tabs.setTabToolTip(1, "Every upload, searchable (Ctrl+2)")
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.overlay = DropOverlay(central)

        status = self.statusBar()
        self.summary_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Overall progress")
        self.progress.hide()
        status.addPermanentWidget(self.summary_label)
        status.addPermanentWidget(self.progress)
        self.setTabOrder(self.add_button, self.paste_button)
        self.setTabOrder(self.paste_button, self.format_combo)
        self.setTabOrder(self.format_combo, self.copy_all_button)
        self.setTabOrder(self.copy_all_button, self.view)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.open_action = self._action("&Add Images…", std.Open, self.choose_files)
        self.paste_action = self._action("&Paste", std.Paste, self.paste)
        self.quit_action = self._action("&Quit", std.Quit, self.close)
        self.copy_action = self._action(
            "&Copy Selected", std.Copy, self.copy_selected, "Copy the selected URLs"
        )
        self.copy_all_action = self._action("Copy &All", "Ctrl+Shift+C", self.copy_all)
        self.select_all_action = self._action("Select A&ll", std.SelectAll, self.select_all)
        self.open_url_action = self._action("&Open in Browser", "Ctrl+Return", self.open_selected)
        self.retry_action = self._action("&Retry", "Ctrl+R", self.retry_selected)
        self.retry_failed_action = self._action(
            "Retry All &Failed", "Ctrl+Shift+R", self.retry_all_failed
        )
        self.cancel_action = self._action("&Cancel", "Ctrl+.", self.cancel_selected)
        self.remove_action = self._action("Re&move", std.Delete, self.remove_selected)
        self.clear_action = self._action("C&lear Finished", None, self.clear_finished)
        self.key_action = self._action("API &Key…", None, self.change_key)
        self.show_uploads_action = self._action(
            "&Uploads", "Ctrl+1", lambda: self.tabs.setCurrentIndex(0)
        )
        self.show_history_action = self._action(
            "&History", "Ctrl+2", lambda: self.tabs.setCurrentIndex(1)
        )
        self.settings_action = self._action("&Settings…", "Ctrl+,", self.open_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.auto_copy_action = QAction("Copy URLs &When a Drop Finishes", self)
        self.auto_copy_action.setCheckable(True)
        self.auto_copy_action.setChecked(self.settings.auto_copy)
        self.auto_copy_action.toggled.connect(self._set_auto_copy)
        self.format_actions = QActionGroup(self)
        for fmt in LinkFormat:
            action = QAction(fmt.label, self.format_actions)
            action.setCheckable(True)
            action.setData(fmt.value)
            action.setChecked(fmt is self.settings.link_format)
        self.format_actions.triggered.connect(
            lambda action: self.set_link_format(LinkFormat.parse(action.data()))
        )

        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addActions([self.open_action, self.paste_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = menus.addMenu("&Edit")
        edit.addActions([self.copy_action, self.copy_all_action, self.select_all_action])
        edit.addSeparator()
        formats = edit.addMenu("Copy &Format")
        formats.addActions(self.format_actions.actions())
        edit.addAction(self.auto_copy_action)
        uploads = menus.addMenu("&Uploads")
        uploads.addActions(
            [self.open_url_action, self.retry_action, self.retry_failed_action, self.cancel_action]
        )
        uploads.addSeparator()
        uploads.addActions([self.remove_action, self.clear_action])
        view_menu = menus.addMenu("&View")
        view_menu.addActions([self.show_uploads_action, self.show_history_action])
        settings_menu = menus.addMenu("&Settings")
        settings_menu.addActions([self.settings_action, self.key_action])
        for action in (
            self.open_action,
            self.paste_action,
            self.quit_action,
            self.settings_action,
            self.show_uploads_action,
            self.show_history_action,
        ):
            self.addAction(action)
        self.view.addActions(
            [
                self.copy_action,
                self.open_url_action,
                self.retry_action,
                self.cancel_action,
                self.remove_action,
            ]
        )
        # Shortcuts belong to the window, whatever has focus.
        for action in (
            self.copy_action,
            self.copy_all_action,
            self.open_url_action,
            self.retry_action,
            self.retry_failed_action,
            self.cancel_action,
            self.remove_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._tab_changed)
        self.queue.history_changed.connect(self._history_changed)
        self.add_button.clicked.connect(self.choose_files)
        self.paste_button.clicked.connect(self.paste)
        self.copy_all_button.clicked.connect(self.copy_all)
        self.empty.choose_files.connect(self.choose_files)
        self.format_combo.currentIndexChanged.connect(
            lambda _i: self.set_link_format(LinkFormat.parse(self.format_combo.currentData()))
        )
        self.delegate.action.connect(self._row_action)
        self.view.activated.connect(lambda index: self._row_default(index.row()))
        # The summary scans every item: coalesce the queue's many changes into one update
        # per progress tick rather than one per event. The first change starts the wait and
        # later ones join it (restarting it would put the update off for as long as changes
        # keep coming, i.e. for a whole batch).
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(100)
        self._summary_timer.timeout.connect(self._update_summary)
        self.queue.summary_changed.connect(self._schedule_summary)
        self.queue.batch_finished.connect(self._batch_finished)
        self.queue.recorded.connect(self._items_recorded)
        self.queue.key_rejected.connect(self._key_rejected)
        self.history_write_failed.connect(self._history_write_failed)
        self.model.rowsInserted.connect(self._update_stack)
        self.model.rowsRemoved.connect(self._update_stack)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

    # -- credentials and the sandbox ---------------------------------------------------

    def use_key(self, api_url: str, key: str, source: KeySource = KeySource.SESSION) -> None:
        """Upload to ``api_url`` with ``key`` from now on (queued files start).

        Raises :class:`ConfigurationError` for a URL or key that cannot be used.
        """
        self.queue.set_credentials(api_url, key)
        self.api_url = normalize_api_url(api_url)
        self.notices.clear_notice(API_URL_NOTICE)
        self.key_source = source
        self.key_status_changed.emit(self.key_status())

    def check_api_url(self) -> bool:
        """Whether the key may go to the API URL. If not, every upload is held, and a notice
        and the waiting rows say why until the URL is changed (Settings ▸ API URL)."""
        try:
            normalize_api_url(self.api_url)
        except ConfigurationError as exc:
            reason = str(exc)
            self.queue.hold(f"Waiting for a usable API URL: {reason}")
            if self.api_url_locked:
                where = "--api-url or IMAGEPIPELINE_API_URL"
                fix, button = " Start uploader-gui with another one.", None
            else:
                where, fix, button = "Settings", "", ("Open Settings", self.open_settings)
            self.notices.show_notice(
                API_URL_NOTICE,
                f"Uploads are on hold: the API URL from {where} can't be used.{fix}\n"
                f"{reason[:1].upper()}{reason[1:]}.",
                Severity.ERROR,
                button,
            )
            return False
        self.queue.hold(None)
        self.notices.clear_notice(API_URL_NOTICE)
        return True

    def start_sandbox(self) -> None:
        """Run the local test server in-process and upload there; say so visibly."""
        from ..sandbox import SandboxServer

        if self.sandbox is None:
            self.sandbox = SandboxServer().start()
        self.banner.setText(
            f"Sandbox mode: uploads go to a local test server at {self.sandbox.url}. "
            "No account is needed; its links work only on this computer while the app runs."
        )
        self.banner.show()
        self.use_key(self.sandbox.url, self.sandbox.key)
        self._update_summary()

    def load_key(self) -> None:
        """Find the key (environment, keyring) in the background; ask when there is none.

        Files dropped meanwhile wait for it. Nothing is looked up for a refused API URL.
        """
        if not self.check_api_url():
            return
        api_url, credentials = self.api_url, self.credentials

        def work() -> tuple[KeyLookup, str | None]:
            lookup = credentials.lookup(api_url)
            backend = credentials.backend_name() if credentials.has_secure_backend() else None
            return lookup, backend

        self.keyring.submit(work, lambda result, error: self._key_loaded(api_url, result, error))

    def _key_loaded(
        self,
        api_url: str,
        result: tuple[KeyLookup, str | None] | None,
        error: BaseException | None,
    ) -> None:
        if self._closing or self.sandbox is not None or api_url != self.api_url:
            return  # closed, or the API URL changed meanwhile: this key is for another host
        if result is None:
            self._ask_key(f"The keyring could not be read: {error}")
            return
        lookup, self._backend = result
        self._backend_known = True
        if lookup.key is not None:
            try:
                self.use_key(self.api_url, lookup.key, lookup.source)
            except ConfigurationError as exc:
                self.statusBar().showMessage(str(exc))
            return
        self.key_status_changed.emit(self.key_status())
        self._ask_key(lookup.problem or "")

    def change_key(self) -> None:
        if self.key_source is KeySource.ENVIRONMENT:
            self.statusBar().showMessage(f"The key comes from {ENV_API_KEY}; change it there", 6000)
            return
        self._ask_key("Paste a new API key.")

    def _ask_key(self, reason: str) -> bool:
        if self._asking_key or self._closing:
            return False
        self._asking_key = True
        try:
            answer = self.dialogs.ask_key(
                self, api_host(self.api_url), reason, self._backend, self._test_key
            )
        finally:
            self._asking_key = False
        if answer.choice is KeyChoice.SANDBOX:
            self.start_sandbox()
            return True
        if answer.choice is not KeyChoice.KEY:
            if not self.queue.has_key:
                self.statusBar().showMessage(
                    "No API key: dropped files wait until you set one (Settings ▸ API Key…)"
                )
            return False
        try:
            self.use_key(self.api_url, answer.key)
            self.credentials.use_for_session(self.api_url, answer.key)
        except ConfigurationError as exc:  # e.g. a key with spaces
            self.statusBar().showMessage(str(exc))
            return False
        if answer.remember and self._backend is not None:
            self._save_key(answer.key)
        else:
            self.statusBar().showMessage("Using the key for this session only", 6000)
        return True

    def _save_key(self, key: str) -> None:
        api_url, credentials, backend = self.api_url, self.credentials, self._backend

        def saved(_result: object, error: BaseException | None) -> None:
            if api_url != self.api_url:
                return
            if error is None:
                self.key_source = KeySource.KEYRING
                self.statusBar().showMessage(f"The API key is saved in {backend}", 6000)
            else:
                self.dialogs.inform(
                    self,
                    "The key was not saved",
                    f"{error}\n\nThe key will be used until you quit uploader-gui.",
                )
            self.key_status_changed.emit(self.key_status())

        self.keyring.submit(lambda: credentials.save(api_url, key), saved)

    def remove_key(self) -> None:
        """Forget the key for this API (keyring and session); uploads wait for a new one."""
        if self.key_source not in (KeySource.KEYRING, KeySource.SESSION):
            return
        host = api_host(self.api_url)
        if not self.dialogs.confirm(
            self,
            "Remove the API key?",
            f"The key for {host} will be deleted from {self._backend or 'this session'}.",
            "Remove Key",
        ):
            return
        api_url, credentials = self.api_url, self.credentials

        def removed(_result: object, error: BaseException | None) -> None:
            if api_url != self.api_url:
                return
            if error is not None:
                self.dialogs.inform(self, "The key was not removed", str(error))
                return
            self.queue.forget_key()
            self.key_source = KeySource.NONE
            self.statusBar().showMessage(f"The key for {host} was removed", 6000)
            self.key_status_changed.emit(self.key_status())

        self.keyring.submit(lambda: credentials.delete(api_url), removed)

    def key_status(self) -> KeyStatus:
        if self.sandbox is not None:
            return KeyStatus("The sandbox needs no key.", "not used", False, False)
        if self._backend is not None:
            backend = self._backend
        else:
            backend = "no secure keyring" if self._backend_known else "not checked yet"
        text = f"Key for {api_host(self.api_url)}: {self.key_source.describe(backend)}."
        return KeyStatus(
            text,
            backend,
            editable=self.key_source is not KeySource.ENVIRONMENT,
            removable=self.key_source in (KeySource.KEYRING, KeySource.SESSION),
        )

    def _test_key(self, key: str, done: Callable[[KeyCheck], None]) -> None:
        """Ask ``GET /health`` whether ``key`` is accepted, in the background."""
        api_url = self.api_url
        host = api_host(api_url)

        def work() -> None:
            from ..core.client import UploadClient

            with UploadClient(api_url, key, retry=RetryPolicy(retries=0)) as client:
                client.check_key()

        def finished(_result: object, error: BaseException | None) -> None:
            if error is None:
                done(KeyCheck(True, f"✓ {host} accepts this key."))
            elif isinstance(error, KeyRejectedError):
                done(KeyCheck(False, f"✗ {host} rejected this key."))
            else:
                done(KeyCheck(None, f"Could not check the key: {error}"))

        self.checks.submit(work, finished)

    def _key_rejected(self) -> None:
        if not self._ask_key("The API key was rejected by the server. Paste a valid key."):
            self.queue.give_up_on_key()

    # -- settings ----------------------------------------------------------------------

    def open_settings(self) -> None:
        fixed_by = ""
        if self.sandbox is not None:
            fixed_by = "sandbox mode"
        elif self.api_url_locked:
            fixed_by = "--api-url or IMAGEPIPELINE_API_URL"
        current = SettingsValues(
            api_url=self.api_url if fixed_by else self.settings.api_url,
            api_url_fixed_by=fixed_by,
            concurrency=self.settings.concurrency,
            retries=self.settings.retries,
            auto_copy=self.settings.auto_copy,
            link_format=self.settings.link_format,
            reuse_duplicates=self.settings.reuse_duplicates,
            resume_unfinished=self.settings.resume_unfinished,
        )

        def change_key(_dialog: SettingsDialog) -> None:
            self.change_key()

        def remove_key(_dialog: SettingsDialog) -> None:
            self.remove_key()

        values = self.dialogs.edit_settings(
            self,
            current,
            self.key_status(),
            DEFAULT_API_URL,
            self.key_status_changed,
            change_key,
            remove_key,
        )
        if values is not None:
            self.apply_settings(values)

    def apply_settings(self, values: SettingsValues) -> None:
        """Store and apply settings at once (a new concurrency applies to the next uploads)."""
        settings = self.settings
        settings.concurrency = values.concurrency
        settings.retries = values.retries
        settings.auto_copy = values.auto_copy
        if not values.api_url_fixed_by:
            settings.api_url = values.api_url
        settings.reuse_duplicates = values.reuse_duplicates
        settings.resume_unfinished = values.resume_unfinished
        self.queue.reuse_duplicates = values.reuse_duplicates
        self.queue.set_concurrency(values.concurrency)
        self.queue.set_retry_policy(RetryPolicy(retries=values.retries))
        self.auto_copy_action.setChecked(values.auto_copy)
        self.set_link_format(values.link_format)
        settings.sync()
        if self.sandbox is not None or self.api_url_locked:
            return
        api_url = normalize_api_url(values.api_url or DEFAULT_API_URL)
        if api_url != self.api_url:
            self.api_url = api_url
            self.queue.forget_key()
            self.key_source = KeySource.NONE
            self.load_key()

    # -- getting files in --------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        """Queue files and folders (folders expand, in the background, to their images).

        The drop itself is on disk before it is expanded: if uploader-gui stops while a big
        folder is being listed, the next start lists the rest (see :meth:`_restore_session`).
        """
        if not paths or self._closing:
            return
        history, host = self.history, api_host(self.api_url)

        def work() -> tuple[Drop | None, Intake]:
            try:
                drop: Drop | None = Drop(history.add_drop(paths, host), list(paths))
            except Exception as exc:  # the history's notice says what this costs
                log.error("could not record a drop in the history: %s", exc)
                drop = None
            return drop, collect(paths)

        self.files.submit(work, lambda result, error: self._expanded(result, error, host))

    def _expanded(
        self,
        result: tuple[Drop | None, Intake] | None,
        error: BaseException | None,
        host: str,
        leftover: bool = False,
    ) -> None:
        """A drop was expanded: ask about big folders, record its files, then queue them."""
        if result is None:
            self.statusBar().showMessage(f"Could not read the dropped files: {error}")
            return
        if self._closing:
            return  # recorded but not expanded: the next start lists its files
        drop, intake = result
        files = self._confirm_folders(intake, leftover)
        if drop is None:
            self._queue_files(files)  # no history: upload them all the same
            return
        history, drop_id = self.history, drop.id

        def recorded(entries: list[HistoryEntry] | None, error: BaseException | None) -> None:
            if entries is None:
                log.error("could not record dropped files in the history: %s", error)
                if not leftover:
                    self._queue_files(files)
            elif leftover:
                self._list_leftovers(entries)
            else:
                self._queue_files([Path(e.path) for e in entries], entries)

        self.files.submit(lambda: history.record_drop(drop_id, files, host), recorded)

    def _confirm_folders(self, intake: Intake, leftover: bool) -> list[Path]:
        """The files to upload: folders of more than ``ASK_ABOVE`` images ask first."""
        files = intake.files
        from_folders = intake.folder_images
        if from_folders > ASK_ABOVE:
            names = ", ".join(f"“{folder.name}”" for folder in intake.folders)
            before = "uploader-gui closed before you answered. " if leftover else ""
            if not self.dialogs.confirm(
                self,
                "Upload a whole folder?",
                f"{before}{names} holds {from_folders} images. Upload all of them?",
                f"Upload {from_folders} Images",
            ):
                files = intake.without_folders()  # files named on their own stay
        empty = [folder.name for folder, count in intake.folders.items() if count == 0]
        if empty:
            self.statusBar().showMessage(f"No images found in {', '.join(empty)}", 6000)
        if intake.unreadable:
            self.statusBar().showMessage(
                f"Some folders could not be read: {', '.join(map(str, intake.unreadable))}", 8000
            )
        return files

    def _queue_files(
        self,
        paths: list[Path],
        entries: list[HistoryEntry] | None = None,
        batch: int | None = None,
    ) -> None:
        """Queue files, a chunk per event-loop turn so a big drop never blocks the window.

        ``entries`` are the files' history rows, already written, in the same order;
        without them the queue records the files itself.
        """
        if batch is None:
            self._join_run([])
            batch = self.queue.new_batch()
        chunk, rest = paths[:ADD_CHUNK], paths[ADD_CHUNK:]
        rows = later = None
        if entries is not None:
            rows, later = entries[:ADD_CHUNK], entries[ADD_CHUNK:]
        items = self.queue.add(chunk, batch, more_coming=bool(rest), entries=rows)
        self._join_run([item.id for item in items])
        for item in items:
            self._request_thumbnail(item)
        if rest and not self._closing:
            QTimer.singleShot(0, self, lambda: self._queue_files(rest, later, batch))
        if items and not self.queue.has_key and not self.queue.held:  # (held: a notice says why)
            self.statusBar().showMessage("Waiting for an API key before uploading")

    def _request_thumbnail(self, item: UploadItem) -> None:
        item_id = item.id

        def done(image: QImage | None, size: int | None, error: str | None) -> None:
            target = self.model.item(item_id)
            if target is None:
                return
            if image is not None:
                target.thumbnail = QPixmap.fromImage(image)
                self._cache_thumbnail(target, image)
            target.thumbnail_error = error
            if size is not None and target.size is None:
                target.size = size
            self.model.changed(item_id)

        self.thumbnails.request(item.path, done)

    def _cache_thumbnail(self, item: UploadItem, image: QImage | None = None) -> None:
        """Keep the picture for the history once both it and the history row exist."""
        if image is not None:
            item.preview = image
        if item.history_id is None or item.preview is None or item.preview_cached:
            return
        item.preview_cached = True
        target, picture = thumbnail_file(item.history_id), item.preview
        item.preview = None  # the row shows its pixmap; the image is only needed for the file

        def save() -> None:
            private_dir(target.parent)
            if not picture.save(str(target)):
                raise OSError(f"could not write {target}")
            make_private(target)

        def saved(_result: object, error: BaseException | None) -> None:
            if error is not None:
                log.warning("could not cache a thumbnail: %s", error)

        self.files.submit(save, saved)

    def _items_recorded(self, item_ids: list[int]) -> None:
        for item_id in item_ids:
            item = self.model.item(item_id)
            if item is not None:
                self._cache_thumbnail(item)

    def add_image_data(self, image: QImage, prefix: str) -> None:
        """Save image data (pasted or dropped) as PNG in the background, then queue it."""
        copy = image.copy()

        def saved(path: Path | None, error: BaseException | None) -> None:
            if path is None:
                self.statusBar().showMessage(f"Could not keep the image: {error}")
            else:
                self.add_paths([path])

        self.files.submit(lambda: save_image_data(copy, prefix), saved)

    def choose_files(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        names, _ = QFileDialog.getOpenFileNames(self, "Add images", start, IMAGE_FILTER)
        self.add_paths([Path(name) for name in names])

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self._take_mime(mime, "clipboard", from_clipboard=True):
            self.statusBar().showMessage("The clipboard holds no image or file to upload", 5000)

    def _take_mime(self, mime: QMimeData, prefix: str, from_clipboard: bool = False) -> bool:
        paths = self._local_paths(mime, from_clipboard)
        if paths:
            self.add_paths(paths)
            return True
        if mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.add_image_data(image, prefix)
                return True
            if isinstance(image, QPixmap) and not image.isNull():
                self.add_image_data(image.toImage(), prefix)
                return True
        return False

    @staticmethod
    def _local_paths(mime: QMimeData, from_text: bool) -> list[Path]:
        paths = [_local_file(url) for url in mime.urls() if url.isLocalFile()]
        if not paths and from_text and mime.hasText():
            for line in mime.text().splitlines():
                line = line.strip()
                if line.startswith("file://"):
                    url = QUrl(line)
                    if url.isLocalFile():
                        paths.append(_local_file(url))
                elif line.startswith(("/", "~/")):
                    paths.append(Path(line).expanduser())
        return paths

    # -- drag and drop -----------------------------------------------------------------

    def _describe_drag(self, mime: QMimeData) -> tuple[bool, str]:
        paths = self._local_paths(mime, from_text=False)
        if paths:
            what = _plural(len(paths), "item") if len(paths) > 1 else paths[0].name
            return True, f"Drop to upload {what}"
        if mime.hasImage():
            return True, "Drop to upload this image"
        if mime.hasUrls():
            return False, "Links can't be uploaded: drag the image file or the picture itself"
        return False, "Only image files, folders or pictures can be dropped here"

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        acceptable, message = self._describe_drag(event.mimeData())
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
        if self._take_mime(event.mimeData(), "dropped"):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        parent = self.overlay.parentWidget()
        if self.overlay.isVisible() and parent is not None:
            self.overlay.setGeometry(parent.rect())

    # -- acting on items ---------------------------------------------------------------

    def selected_items(self) -> list[UploadItem]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.item_at(row) for row in rows]

    def _row_action(self, action: str, item_id: int) -> None:
        item = self.model.item(item_id)
        if item is None:
            return
        if action == "copy":
            self.copy_items([item])
        elif action == "open":
            self.open_items([item])
        elif action == "retry":
            self.retry([item_id])
        elif action == "cancel":
            self.queue.cancel([item_id])
        elif action == "remove":
            self.queue.remove([item_id])
        elif action == "change-key":
            self.change_key()

    def _row_default(self, row: int) -> None:
        item = self.model.item_at(row)
        if item.state is State.DONE:
            self.copy_items([item])
        elif item.state in (State.FAILED, State.CANCELLED):
            self.retry([item.id])

    @property
    def link_format(self) -> LinkFormat:
        return self.settings.link_format

    def set_link_format(self, fmt: LinkFormat) -> None:
        self.settings.link_format = fmt
        self.format_combo.blockSignals(True)
        self.format_combo.setCurrentIndex(list(LinkFormat).index(fmt))
        self.format_combo.blockSignals(False)
        for action in self.format_actions.actions():
            action.setChecked(action.data() == fmt.value)

    def _set_auto_copy(self, enabled: bool) -> None:
        self.settings.auto_copy = enabled

    def copy_links(self, links: list[tuple[str, str]], quiet: bool = False) -> int:
        """Copy ``(url, name)`` links in the chosen format, one per line; return how many."""
        links = [(url, name) for url, name in links if is_web_url(url)]
        if not links:
            if not quiet:
                self.statusBar().showMessage("Nothing to copy: no finished upload selected", 4000)
            return 0
        QGuiApplication.clipboard().setText(format_links(links, self.link_format))
        what = links[0][1] if len(links) == 1 else _plural(len(links), "link")
        self.statusBar().showMessage(f"Copied {what} as {self.link_format.label}", 5000)
        return len(links)

    def copy_entries(self, entries: list[HistoryEntry]) -> int:
        done = [e for e in entries if e.state is HistoryState.DONE and e.url]
        return self.copy_links([(e.url or "", e.name) for e in done])

    def copy_items(self, items: list[UploadItem], quiet: bool = False) -> int:
        """Copy the finished items' links in the chosen format; return how many."""
        done = [item for item in items if item.state is State.DONE and is_web_url(item.url)]
        if not self.copy_links([(item.url or "", item.name) for item in done], quiet):
            return 0
        until = time.monotonic() + COPIED_FEEDBACK_MS / 1000
        for item in done:
            item.copied_until = until
        self.model.changed_many([item.id for item in done])
        QTimer.singleShot(COPIED_FEEDBACK_MS + 50, self.view, self.view.viewport().update)
        return len(done)

    @property
    def showing_history(self) -> bool:
        return self.tabs.currentWidget() is self._history_page

    def copy_selected(self) -> None:
        if self.showing_history:
            self.copy_entries(self.history_panel.selected_entries())
        else:
            self.copy_items(self.selected_items())

    def copy_all(self) -> None:
        self.copy_items(self.model.items())

    def open_items(self, items: list[UploadItem]) -> None:
        for item in items:
            if item.state is State.DONE and item.url and is_web_url(item.url):
                QDesktopServices.openUrl(QUrl(item.url))

    def open_selected(self) -> None:
        if self.showing_history:
            for entry in self.history_panel.selected_entries():
                if entry.state is HistoryState.DONE and entry.url and is_web_url(entry.url):
                    QDesktopServices.openUrl(QUrl(entry.url))
        else:
            self.open_items(self.selected_items())

    def select_all(self) -> None:
        """Select every row of the list on show (Uploads or History)."""
        view = self.history_panel.view if self.showing_history else self.view
        view.selectAll()
        view.setFocus()

    def retry(self, item_ids: list[int]) -> None:
        """Send these again; they count in the status bar's progress like a new drop."""
        self._join_run(item_ids)
        self.queue.retry(item_ids)

    def retry_selected(self) -> None:
        self.retry([item.id for item in self.selected_items()])

    def retry_all_failed(self) -> None:
        self.retry([i.id for i in self.model.items() if i.state is State.FAILED])

    def cancel_selected(self) -> None:
        self.queue.cancel([item.id for item in self.selected_items()])

    def remove_selected(self) -> None:
        if self.showing_history:
            self.remove_entries([entry.id for entry in self.history_panel.selected_entries()])
        else:
            self.queue.remove([item.id for item in self.selected_items()])

    # -- history -----------------------------------------------------------------------

    def _restore_session(self) -> None:
        """Open the history off the GUI thread, finish listing the drops the last run was
        expanding when it stopped, and list what it left unfinished."""
        history, host = self.history, api_host(self.api_url)

        def work() -> tuple[list[HistoryEntry], list[tuple[Drop, Intake]]]:
            history.open()
            questions: list[tuple[Drop, Intake]] = []
            listed: list[HistoryEntry] = []
            for drop in history.leftover_drops(host):
                intake = collect(drop.paths)
                if intake.folder_images > ASK_ABOVE:
                    questions.append((drop, intake))  # never answered: asked again
                else:
                    listed += history.record_drop(drop.id, intake.files, host)
            # Only this target's: a window for another one may be uploading its own now.
            return history.unfinished(host) + listed, questions

        def done(
            result: tuple[list[HistoryEntry], list[tuple[Drop, Intake]]] | None,
            error: BaseException | None,
        ) -> None:
            self._show_history_state()
            if result is None:
                log.error("could not read unfinished uploads: %s", error)
                return
            unfinished, questions = result
            self._list_leftovers(unfinished)
            for drop, intake in questions:
                self._expanded((drop, intake), None, host, leftover=True)

        # First in the files queue: drops made from now on are not leftovers.
        self.files.submit(work, done)

    def _list_leftovers(self, entries: list[HistoryEntry]) -> None:
        """Files a previous run did not finish: resumed, or listed as interrupted."""
        if self._closing:
            return
        resume = self.settings.resume_unfinished
        items = self.queue.restore(entries, resume)
        if resume:
            self._join_run([item.id for item in items])
        for item in items:
            self._request_thumbnail(item)
        if items and not resume:
            self.statusBar().showMessage(
                f"{_plural(len(items), 'file')} from last time not uploaded: Retry to send them"
            )

    def _show_history_state(self) -> None:
        """Say in the window what is wrong with the history file, and what it costs."""
        history = self.history
        folder = history.path.parent
        if history.temporary:
            self.notices.show_notice(
                HISTORY_NOTICE,
                f"The upload history cannot be used: {history.recovery_reason}.\n"
                "This session's history is kept in memory only: files not yet uploaded are "
                "not listed again after a crash or quit, and this session's links are not "
                f"kept. To fix it, make sure {folder} is a folder you can write to, then "
                "restart uploader-gui.",
                Severity.WARNING,
            )
        elif history.recovered_from is not None:
            self.notices.show_notice(
                HISTORY_NOTICE,
                f"The upload history could not be read: {history.recovery_reason}.\n"
                f"It was set aside as {history.recovered_from.name} and a new, empty history "
                f"was started in {folder}. Nothing else is affected.",
                Severity.INFO,
                button=("Dismiss", lambda: self.notices.clear_notice(HISTORY_NOTICE)),
            )
        if history.write_error is not None:
            self._history_write_failed(history.write_error)

    @staticmethod
    def _open_folder(folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _history_write_failed(self, reason: str) -> None:
        """A write to the history failed: crash recovery and new links in History are off."""
        if self._closing or self.history.temporary:
            return
        folder = self.history.path.parent
        self.notices.show_notice(
            HISTORY_WRITE_NOTICE,
            f"The upload history cannot be saved: {reason}.\n"
            "Uploads go on, but files not yet uploaded are not listed again after a crash or "
            "quit, and new links are not kept in History. To fix it, free disk space or make "
            f"{folder} writable, then restart uploader-gui.",
            Severity.ERROR,
            button=("Open Folder", lambda: self._open_folder(folder)),
        )

    @property
    def history_panel(self) -> HistoryPanel:
        """The History tab's contents, built on first use."""
        if self._history_panel is None:
            from . import history_view  # loaded the first time the tab is shown

            model = history_view.HistoryModel(self.history, self.thumbnails, self)
            panel = self._history_panel = history_view.HistoryPanel(model, self._history_page)
            layout = self._history_page.layout()
            assert layout is not None
            layout.addWidget(panel)
            panel.view.addActions([self.copy_action, self.open_url_action, self.remove_action])
            panel.export_requested.connect(self.export_history)
            panel.clear_requested.connect(self.clear_history)
            panel.view.activated.connect(
                lambda index: self.copy_entries([model.entry_at(index.row())])
            )
            panel.view.selectionModel().selectionChanged.connect(self._update_actions)
            self._history_dirty = True
        return self._history_panel

    @property
    def history_model(self) -> HistoryModel:
        return self.history_panel.model

    def _history_changed(self) -> None:
        self._history_dirty = True
        if self.showing_history and not self._history_refresh.isActive():
            self._history_refresh.start()  # at most one reload per interval, even mid-batch

    def _tab_changed(self, _index: int) -> None:
        if self.showing_history and (self._history_panel is None or self._history_dirty):
            self._refresh_history()
        self._update_actions()

    def _refresh_history(self) -> None:
        self._history_dirty = False
        self.history_model.running_ids = {
            item.history_id
            for item in self.model.items()
            if item.history_id is not None and not item.state.finished
        }
        self.history_panel.refresh()  # keeps the selection and the scroll position

    def remove_entries(self, entry_ids: list[int]) -> None:
        if not entry_ids:
            return
        store = self.history

        def work() -> None:
            store.remove(entry_ids)
            _delete_thumbnails(entry_ids)

        self.queue.recorder.submit(work, self._history_written)

    def clear_history(self) -> None:
        count = self.history.count()
        if not count or not self.dialogs.confirm(
            self,
            "Clear the upload history?",
            f"All {_plural(count, 'entry')} and their thumbnails will be deleted. Uploaded "
            "images stay online.",
            "Clear History",
        ):
            return
        import shutil

        store = self.history

        def work() -> None:
            store.clear()
            shutil.rmtree(thumbnail_file(0).parent, ignore_errors=True)

        self.queue.recorder.submit(work, self._history_written)

    def _history_written(self, _result: object, error: BaseException | None) -> None:
        """A removal or clearing of the history finished (off the GUI thread)."""
        if error is not None:
            self.dialogs.inform(self, "The history was not changed", str(error))
        self._refresh_history()

    def export_history(self) -> None:
        target = self.dialogs.save_file(
            self, "Export history", "uploads.csv", "CSV (*.csv);;JSON (*.json)"
        )
        if target is None:
            return
        model = self.history_model
        store, search, failed_only = self.history, model.search, model.failed_only

        def work() -> int:
            entries = store.page(0, store.count(search, failed_only), search, failed_only)
            with atomic_text_file(target) as stream:
                if target.suffix.lower() == ".json":
                    export_json(entries, stream)
                else:
                    export_csv(entries, stream)
            return len(entries)

        def done(count: int | None, error: BaseException | None) -> None:
            if error is not None:
                self.dialogs.inform(self, "Export failed", f"{target}: {error}")
            else:
                self.statusBar().showMessage(
                    f"Exported {_plural(count or 0, 'entry')} to {target}", 6000
                )

        self.files.submit(work, done)

    def clear_finished(self) -> None:
        self.queue.remove([i.id for i in self.model.items() if i.state is State.DONE])

    def _batch_finished(self, batch: int) -> None:
        if not self.settings.auto_copy:
            return
        items = [item for item in self.model.items() if item.batch == batch]
        if self.copy_items(items, quiet=True):
            done = sum(1 for item in items if item.state is State.DONE)
            failed = sum(1 for item in items if item.state is State.FAILED)
            note = f"; {failed} failed" if failed else ""
            self.statusBar().showMessage(
                f"Uploaded: {_plural(done, 'link')} copied to the clipboard as "
                f"{self.link_format.label}{note}",
                8000,
            )

    # -- summary -----------------------------------------------------------------------

    def _join_run(self, item_ids: list[int]) -> None:
        """Count these in the status bar's "Uploading N of M"; a new run once all finished."""
        if self._run_finished():
            self._run_ids.clear()
        self._run_ids.update(item_ids)

    def _run_finished(self) -> bool:
        return all(
            (item := self.model.item(i)) is None or item.state.finished for i in self._run_ids
        )

    def _update_stack(self) -> None:
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self._update_actions()

    def _update_actions(self) -> None:
        view = self.history_panel.view if self.showing_history else self.view
        has_selection = view.selectionModel().hasSelection()
        for action in (
            self.copy_action,
            self.open_url_action,
            self.retry_action,
            self.cancel_action,
            self.remove_action,
        ):
            action.setEnabled(has_selection)

    def _schedule_summary(self) -> None:
        if not self._summary_timer.isActive():
            self._summary_timer.start()

    def _update_summary(self) -> None:
        # One pass over this run's items: it runs every progress tick of a big batch.
        total = finished = failed = cancelled = sent = size = 0
        item_of = self.model.item
        for item_id in self._run_ids:
            item = item_of(item_id)
            if item is None:
                continue
            total += 1
            state = item.state
            if state.finished:
                finished += 1
                failed += state is State.FAILED
                cancelled += state is State.CANCELLED
            sent += item.total if state is State.DONE else item.sent
            size += max(item.total, item.size or 0)
        title = APP_NAME
        if self.sandbox is not None:
            title += " (sandbox)"
        if total and finished < total and not self.queue.has_key:
            # Nothing can be sent yet: the rows (and a notice, if any) say why.
            self.progress.hide()
            self.summary_label.setText(f"{_plural(total - finished, 'file')} waiting")
        elif total and finished < total:
            self.summary_label.setText(f"Uploading {finished + 1} of {total}")
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * sent / size) if size else 0)
            self.progress.show()
            title = f"Uploading {finished + 1} of {total} — {title}"
        else:
            self.progress.hide()
            if total:
                text = f"{_plural(total - failed - cancelled, 'image')} uploaded"
                if failed:
                    text += f", {failed} failed"
                self.summary_label.setText(text)
            else:
                self.summary_label.setText("")
        self.setWindowTitle(title)
        self.retry_failed_action.setEnabled(
            bool(failed) or any(i.state is State.FAILED for i in self.model.items())
        )

    # -- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:
            if self._idle() or time.monotonic() - self._shutdown_started > SHUTDOWN_DEADLINE_S:
                self._release()
                event.accept()
            else:
                event.ignore()
            return
        running = self.queue.active_count
        if running and not self._quit_without_asking:
            answer = self.dialogs.confirm(
                self,
                "Quit uploader-gui?",
                f"{_plural(running, 'upload')} not finished. Quit and cancel them?",
                "Quit and Cancel Uploads",
            )
            # (SIGTERM or logout while the question was open closed it: quit anyway.)
            if not answer and not self._quit_without_asking:
                event.ignore()
                return
        self._closing = True
        self._shutdown_started = time.monotonic()
        self.shutting_down.emit()
        self.queue.shutdown()
        self.thumbnails.close()
        for pool in (self.files, self.keyring, self.checks):
            pool.close()
        if self._idle():
            self._release()
            event.accept()
            return
        event.ignore()
        self._poll_shutdown()

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
        if self._idle() or time.monotonic() - self._shutdown_started > SHUTDOWN_DEADLINE_S:
            self.close()
        else:
            QTimer.singleShot(20, self, self._poll_shutdown)

    def _pools(self) -> list[BackgroundPool]:
        return [
            self.queue.pool,
            self.queue.recorder,
            self.thumbnails.pool,
            self.files,
            self.keyring,
            self.checks,
        ]

    def _idle(self) -> bool:
        return not any(pool.busy for pool in self._pools())

    @property
    def workers_left(self) -> bool:
        """Some background work outlived the shutdown deadline (e.g. a silent server)."""
        return not self._idle()

    def _release(self) -> None:
        # One deadline for all pools together, counted from the start of the shutdown.
        for pool in self._pools():
            left = SHUTDOWN_DEADLINE_S - (time.monotonic() - self._shutdown_started)
            pool.pool.waitForDone(max(0, int(left * 1000)))
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None
        self.settings.sync()

    def select_item(self, item_id: int) -> None:
        index = self.model.index_of(item_id)
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

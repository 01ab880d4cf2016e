"""Starting the window: the application object, the key, files from the command line."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from .. import APP_NAME, __version__
from ..core.config import DEFAULT_API_URL, ENV_API_URL, key_from_environment, resolve_api_url
from ..core.credentials import Credentials, KeySource
from ..core.errors import ConfigurationError
from ..core.i18n import translate
from ..desktop import APP_ID, single_instance
from ..desktop.window import bring_to_front
from ..platform.chooser import activation, quit_requests
from .parts import Parts
from .settings.store import Settings

if TYPE_CHECKING:
    # Imported when the window is made: a start that hands its files to a running window
    # (single instance) exits before paying for it.
    from ..core.history import HistoryStore
    from .base.actions import Actions
    from .base.dialogs import Dialogs
    from .base.report import Report
    from .base.thumbnails import ThumbnailService
    from .base.workers import Workers
    from .destination.keys import KeyController
    from .history.controller import HistoryController
    from .history.page import HistoryPage
    from .links.service import LinkService
    from .main_window import MainWindow
    from .notices.bar import NoticeBar
    from .uploads.intake import IntakeController
    from .uploads.model import UploadListModel
    from .uploads.page import UploadsPage
    from .uploads.queue import UploadQueue
    from .uploads.run_tracker import RunTracker


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Docks and Wayland compositors match the window to its desktop entry by this id.
    app.setDesktopFileName(APP_ID)
    from .base.language import install

    install(Settings().language)
    return app


def compose(
    settings: Settings,
    api_url: str,
    *,
    dialogs: Dialogs | None = None,
    credentials: Credentials | None = None,
    history: HistoryStore | None = None,
    locked: bool = False,
) -> MainWindow:
    """Make every part, in the order they need each other, and the window that shows them.

    ``locked``: the API URL came from ``--api-url`` or the environment, not from Settings.
    """
    from ..core.link_templates import load_templates
    from .base.actions import Actions
    from .base.report import Report
    from .base.thumbnails import ThumbnailService
    from .base.workers import Workers
    from .history.controller import HistoryController
    from .links.service import LinkService
    from .main_window import MainWindow
    from .modal_dialogs import ModalDialogs
    from .notices.bar import NoticeBar
    from .uploads.model import UploadListModel

    dialogs = dialogs or ModalDialogs()
    workers = Workers()
    notices = NoticeBar()
    report = Report(notices, dialogs)
    thumbnails = ThumbnailService(workers)
    model = UploadListModel(thumbnails)
    base = _Base(
        settings,
        workers,
        notices,
        report,
        dialogs,
        credentials or Credentials(),
        thumbnails,
        model,
        HistoryController(workers, history),
        LinkService(settings, model, report, templates=load_templates()),
        Actions(),
    )
    window = MainWindow(_features(base, api_url, locked))
    _destinations(window, base)
    from .sources.wiring import attach_sources

    window.sources = attach_sources(window, window.parts, settings, window.shutting_down)
    return window


@dataclass(frozen=True)
class _Base:
    """The parts every feature may be handed (what :func:`compose` makes first)."""

    settings: Settings
    workers: Workers
    notices: NoticeBar
    report: Report
    dialogs: Dialogs
    credentials: Credentials
    thumbnails: ThumbnailService
    model: UploadListModel
    history: HistoryController
    links: LinkService
    actions: Actions


def _destination(base: _Base, api_url: str, locked: bool) -> tuple[UploadQueue, KeyController]:
    """The queue and the destination's one owner, which the queue asks at each start."""
    from .destination.keys import KeyController
    from .uploads.queue import UploadQueue

    queue = UploadQueue(
        base.model,
        base.workers,
        base.settings,
        base.history,
        proxy_password=base.credentials.proxy_password,
        access=lambda: keys.access,
    )
    keys = KeyController(
        queue,
        base.credentials,
        base.dialogs,
        base.report,
        base.workers,
        api_url,
        base.notices,
        locked=locked,
    )
    return queue, keys


def _pages(
    base: _Base, queue: UploadQueue, keys: KeyController
) -> tuple[RunTracker, UploadsPage, IntakeController, HistoryPage]:
    """The two tabs, the intake that fills the first and the tracker of what it sends."""
    from .history.page import HistoryPage
    from .uploads.intake import IntakeController
    from .uploads.page import UploadsPage, running_history_ids
    from .uploads.run_tracker import RunTracker

    model, links, actions, history = base.model, base.links, base.actions, base.history
    run = RunTracker(model, queue)
    uploads = UploadsPage(
        model,
        queue,
        links,
        actions,
        lambda: intake.choose_files(),
        lambda ids: run.join(queue.retry(ids)),
    )
    intake = IntakeController(
        queue,
        history,
        base.workers,
        base.dialogs,
        base.report,
        lambda: keys.host,
        lambda: base.settings.resume_unfinished,
        uploads,
    )
    history_page = HistoryPage(
        history,
        base.thumbnails,
        links,
        actions,
        base.dialogs,
        base.report,
        lambda: running_history_ids(model),
    )
    return run, uploads, intake, history_page


def _features(base: _Base, api_url: str, locked: bool) -> Parts:
    """The features, made on the base parts, in the order they need each other."""
    from .destination.book import DestinationBook
    from .destination.choice import DestinationChoice
    from .destination.sandbox import SandboxHost
    from .notices.notifications import Notifier
    from .notices.settings_file import watch_settings_files
    from .settings.preferences import Preferences

    settings, report = base.settings, base.report
    queue, keys = _destination(base, api_url, locked)
    book = DestinationBook(
        base.credentials, keys.keyring, base.workers.pool("destination files", 1), report, keys
    )
    choice = DestinationChoice(settings, book, keys, keys)
    run, uploads, intake, history_page = _pages(base, queue, keys)
    preferences = Preferences(
        settings, queue, keys, base.links, base.dialogs, report, uploads, base.credentials
    )
    watch_settings_files(report, settings, preferences)
    notifier = Notifier(
        base.workers,
        lambda: QApplication.activeWindow() is not None,
        lambda: settings.notifications,
        APP_ID,
    )
    return Parts(
        base.workers,
        base.notices,
        report,
        base.model,
        base.thumbnails,
        base.history,
        queue,
        base.links,
        keys,
        intake,
        run,
        base.actions,
        uploads,
        history_page,
        preferences,
        base.dialogs,
        notifier,
        SandboxHost(keys, report, base.notices),
        book,
        choice,
    )


def _destinations(window: MainWindow, base: _Base) -> None:
    """The destination picker after Paste, and Settings ▸ Destinations (made when Settings
    opens)."""
    from .destination.jobs import DestinationJobs
    from .destination.picker import DestinationPicker

    parts = window.parts
    picker = DestinationPicker(parts.choice, parts.keys)
    window.top_bar.place_picker(picker, picker.combo)
    jobs = DestinationJobs(parts.book, parts.queue.clients, base.workers.pool("destinations", 2))

    def page(parent: QWidget) -> QWidget:
        from .settings.destinations_tab import DestinationsTab

        return DestinationsTab(parts.book, parts.choice, jobs, base.dialogs, base.report, parent)

    base.dialogs.add_settings_page(translate("Destinations", "&Destinations"), page)


#: When :func:`settle_after_start` runs: well after the first paint, before most drops.
SETTLE_AFTER_MS = 500


def settle_after_start() -> None:
    """What start-up made lives as long as the window: collect once, then keep the cyclic
    collector from walking all of it again and again during a big batch (each full
    collection was a pause of tens of milliseconds on the GUI thread)."""
    gc.collect()
    gc.freeze()


def create_window(
    args: argparse.Namespace,
    settings: Settings | None = None,
    credentials: Credentials | None = None,
    dialogs: Dialogs | None = None,
) -> MainWindow:
    """The main window configured from the command line, the environment and settings.

    The API URL is ``--api-url``, else ``$IMAGEPIPELINE_API_URL``, else the one in Settings,
    else production. A key in ``$IMAGEPIPELINE_API_KEY`` is used at once; otherwise
    ``window.keys.load()`` looks in the keyring (off the start-up path). An API URL the key
    must not go to holds every upload, with a notice, until it is changed.
    """

    def app_icon() -> QIcon:
        from ..desktop.icons import app_icon as render

        return render()

    settings = settings or Settings()
    locked = bool(args.api_url or os.environ.get(ENV_API_URL, "").strip())
    api_url = resolve_api_url(args.api_url) if locked else settings.api_url or DEFAULT_API_URL
    window = compose(settings, api_url, dialogs=dialogs, credentials=credentials, locked=locked)

    def apply_icon() -> None:
        icon = app_icon()
        QApplication.setWindowIcon(icon)  # dialogs too
        window.setWindowIcon(icon)

    # Rendering the icon (QtSvg, seven sizes) waits until the window is on screen.
    QTimer.singleShot(0, window, apply_icon)
    keys = window.keys
    if args.sandbox:
        window.parts.sandbox.start()
        return window
    choice = window.parts.choice
    keys.start_with(window.parts.book.destination(choice.chosen))
    if (
        keys.custom is None and keys.check_api_url()
    ):  # a refused URL: a notice says why; nothing is sent
        key = key_from_environment()
        if key is not None:
            try:
                keys.use_key(api_url, key, KeySource.ENVIRONMENT)
            except ConfigurationError as exc:
                window.parts.report.status(str(exc), 0)
    return window


def run_app(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format=f"{APP_NAME}: %(message)s")
    app = create_application()
    # Single instance: hand the files to a running window for the same target and stop.
    explicit_url = args.api_url or os.environ.get(ENV_API_URL)
    target = single_instance.target_for(args.sandbox, explicit_url)
    token = activation().launch_token()
    instance = single_instance.claim(target, list(args.files), token)
    if instance.forwarded:
        return 0
    # SIGTERM/SIGINT from here on close the window without a question nobody may be there
    # to answer; what was still uploading is listed as not uploaded at the next start. A
    # signal that comes while the window is being built is handled once the loop runs.
    with quit_requests().watch(lambda: window.quit_without_asking()):
        window = create_window(args)
        status = _run_window(app, window, instance, args)
    if window.workers_left:
        # A worker still waits on a server that does not answer (a read blocks until its
        # timeout, and closing the connection does not wake it). Everything worth keeping
        # is already on disk, so leave now instead of waiting for Qt to join that thread.
        window.history.close()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status


def _run_window(
    app: QApplication,
    window: MainWindow,
    instance: single_instance.Claim,
    args: argparse.Namespace,
) -> int:
    window.show()
    attach_instance(window, instance)
    window.sources.picgo.start(getattr(args, "serve_picgo", None))
    if args.files:
        window.intake.add_paths([Path(name) for name in args.files])
    if not window.queue.has_key:
        QTimer.singleShot(0, window.keys.load)
    QTimer.singleShot(SETTLE_AFTER_MS, settle_after_start)  # after the first paint
    try:
        return app.exec()
    finally:
        if instance.server is not None:
            instance.server.close()


def attach_instance(window: MainWindow, instance: single_instance.Claim) -> None:
    """Later starts' files go to ``window``; or, if something kept this start from the
    single-window hand-off, the window says so once (it works on its own)."""
    if instance.server is not None:
        server = instance.server
        server.files_received.connect(lambda paths, token: _take_forwarded(window, paths, token))
        # A closing window takes no files: the next start becomes the new instance.
        window.shutting_down.connect(server.close)
    if instance.obstacle is not None:
        from .notices.single_instance import show_alone

        show_alone(window.parts.report, instance.obstacle)


def _take_forwarded(window: MainWindow, paths: list[Path], token: str) -> None:
    """Files a later ``uploader-gui FILE...`` handed over: add them, come to the front."""
    window.intake.add_paths(paths)
    bring_to_front(window, token)

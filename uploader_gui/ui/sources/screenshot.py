"""File ▸ Take Screenshot…: the desktop takes it (its own tool: the person picks the screen,
a window or an area), the window uploads it as ``screenshot-<date>.png``, like a drop.

The wait for the desktop runs on a worker (it may last minutes); the window is minimised
meanwhile if Settings says so (not hidden: a hidden window that is then closed, by a logout
or SIGTERM, would not end the app), and comes back whatever the answer. No portal, a
refusal or a failure is said in the status bar; there is never a silent grab of the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ...core.i18n import translate
from ...core.paths import kept_images_dir
from ...core.retry import CancelToken
from ...core.source_files import private_copy, screenshot_name
from ...platform.screenshot import Outcome, Screenshots, Shot
from ..base.report import Report
from ..base.workers import Workers

#: How long a minimised window waits for the compositor to take it off the screen before the
#: desktop is asked (milliseconds): else it may be in the picture.
HIDE_SETTLE_MS = 300


def portal_parent(window: QWidget) -> str:
    """The window as the portal names a parent: ``x11:<hex id>`` on X11; ``""`` elsewhere
    (Wayland needs an exported handle the app does not have: the dialog is not tied)."""
    if QGuiApplication.platformName() == "xcb":
        return f"x11:{int(window.winId()):x}"
    return ""


def take_and_keep(screenshots: Screenshots, parent: str, cancel: CancelToken) -> Shot:
    """On a worker: ask the desktop, then keep a private copy named as it is uploaded."""
    shot = screenshots.take(True, parent, cancel)
    if not shot.taken or shot.path is None:
        return shot
    kept = private_copy(shot.path, screenshot_name(), kept_images_dir())
    return Shot(Outcome.TAKEN, kept)


class ScreenshotTaker(QObject):
    """Takes one screenshot at a time and hands it to ``upload``."""

    def __init__(
        self,
        window: QWidget,
        screenshots: Callable[[], Screenshots],
        workers: Workers,
        report: Report,
        upload: Callable[[list[Path]], None],
        hide_window: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._screenshots = screenshots
        self._pool = workers.pool("screenshot", 1)
        self._report = report
        self._upload = upload
        self._hide_window = hide_window
        self._cancel: CancelToken | None = None
        self._hidden = False
        self._was_maximized = False
        #: The pause that lets the window leave the screen before the desktop is asked.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(HIDE_SETTLE_MS)
        self._parent = ""
        self._settle.timeout.connect(lambda: self._ask(self._parent))
        self._closing = False

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def take(self) -> None:
        """Ask the desktop for a screenshot (once: a second ask while one is open waits)."""
        if self._closing:
            return
        if self._cancel is not None:
            self._report.status(translate("Sources", "The screenshot tool is already open"))
            return
        self._cancel = CancelToken()
        self._parent = portal_parent(self._window)
        if self._hide_window() and self._window.isVisible() and not self._window.isMinimized():
            self._hidden, self._was_maximized = True, self._window.isMaximized()
            self._window.showMinimized()
            self._settle.start()
        else:
            self._ask(self._parent)

    def cancel(self) -> None:
        """The window is closing: close the desktop's dialog and ask nothing more."""
        self._closing = True
        self._settle.stop()
        if self._cancel is not None:
            self._cancel.cancel()

    def _restore(self) -> None:
        if self._hidden:
            self._hidden = False
            if self._was_maximized:
                self._window.showMaximized()
            else:
                self._window.showNormal()

    def _ask(self, parent: str) -> None:
        cancel = self._cancel
        if cancel is None or cancel.cancelled:
            self._done(None, None)
            return
        screenshots = self._screenshots()
        self._report.status(translate("Sources", "Waiting for the desktop's screenshot tool…"), 0)
        job = self._pool.submit(lambda: take_and_keep(screenshots, parent, cancel), self._done)
        if job is None:
            self._done(None, None)

    def _done(self, shot: Shot | None, error: BaseException | None) -> None:
        self._cancel = None
        if self._closing:
            return
        if self._hidden:
            self._restore()
            self._window.raise_()
            self._window.activateWindow()
        if shot is not None and shot.taken and shot.path is not None:
            self._report.status(translate("Sources", "Uploading the screenshot"))
            self._upload([shot.path])
            return
        if error is not None:
            text = translate("Sources", "The screenshot could not be kept: {reason}")
            self._report.status(text.format(reason=error), 0)
        elif shot is None or shot.outcome is Outcome.CANCELLED:
            self._report.status(translate("Sources", "No screenshot taken"))
        else:
            text = translate("Sources", "No screenshot: {reason}")
            self._report.status(text.format(reason=shot.message), 0)

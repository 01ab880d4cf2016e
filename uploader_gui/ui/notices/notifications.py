"""Desktop notifications: when a drop finishes while the window is in the background.

What is said and when is decided here; the platform's
:class:`~uploader_gui.platform.notifications.DesktopNotifications` shows it (on Linux over
D-Bus, :mod:`uploader_gui.platform.linux.dbus_notifications`) and reports the click that
brings the window forward, with the window system's activation token.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ...core.i18n import translate
from ...core.text import printable
from ...platform.chooser import notifications
from ..base.workers import Workers

#: At most this many failed files are named.
NAMED_FAILURES = 3


def message(
    done: int, failed: int, copied: bool, failures: list[tuple[str, str]]
) -> tuple[str, str]:
    """The notification's summary and body for a finished drop."""
    uploaded = translate("Notifications", "%n image(s) uploaded", None, done)
    if failed:
        summary = translate("Notifications", "{uploaded}, {failed}").format(
            uploaded=uploaded, failed=translate("Notifications", "%n failed", None, failed)
        )
        lines = [
            # One line each: a newline in a name must not make a line of its own.
            translate("Notifications", "{name}: {reason}").format(
                name=printable(name), reason=printable(reason)
            )
            for name, reason in failures[:NAMED_FAILURES]
        ]
        more = failed - len(lines)
        if more > 0:
            lines.append(translate("Notifications", "and %n more", None, more))
        return summary, "\n".join(lines)
    if copied:
        return translate("Notifications", "{uploaded}; links copied").format(uploaded=uploaded), ""
    return uploaded, ""


class Notifier(QObject):
    """Says that a drop finished, unless the window is active or notifications are off."""

    #: The person clicked a notification: bring the window forward (with this token).
    activated = Signal(str)

    def __init__(
        self,
        workers: Workers,
        window_active: Callable[[], bool],
        enabled: Callable[[], bool],
        icon_name: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window_active = window_active
        self._enabled = enabled
        pool = workers.pool("notifications", 1)
        self._desktop = notifications(icon_name, pool.submit, self.activated.emit, self)

    def drop_finished(
        self, done: int, failed: int, copied: bool, failures: list[tuple[str, str]]
    ) -> None:
        if not self._enabled() or self._window_active() or done + failed == 0:
            return
        self._desktop.show(*message(done, failed, copied, failures))

    def clickable(self) -> bool:
        """A notification it showed can be clicked now (the desktop has named it)."""
        return self._desktop.clickable()

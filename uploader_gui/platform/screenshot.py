"""Screenshots: the desktop takes one, the app gets the file it saved, or hears why not.

The desktop does the taking (on Linux, the screenshot portal: its own dialog lets the person
pick the screen, a window or an area, and a sandboxed or Wayland app can take one no other
way). The app never grabs the screen itself, not even as a fallback: what a person did not
choose to share is not taken.

:meth:`Screenshots.take` blocks until the person has picked (or cancelled), which may take
minutes: run it on a worker, never on the GUI thread, and hand it something the GUI thread
can cancel (a :class:`~uploader_gui.core.retry.CancelToken`). It returns a :class:`Shot`,
never raises for anything the desktop does: a taken screenshot's file, or a refusal with a
message for a person.

The file is the desktop's (usually in ``~/Pictures`` or ``/tmp``): the app reads it like a
dropped file and leaves it where it is. Its upload name is
:func:`uploader_gui.core.source_files.screenshot_name`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class Outcome(enum.Enum):
    #: The desktop saved a screenshot: :attr:`Shot.path`.
    TAKEN = "taken"
    #: The person cancelled, in the desktop's dialog or through the app's ``cancel``.
    CANCELLED = "cancelled"
    #: No screenshot portal on this desktop (or no session bus at all).
    NO_PORTAL = "no-portal"
    #: The desktop failed, refused, gave something that is not a local file, or never
    #: answered.
    FAILED = "failed"
    #: This system has no way to ask for screenshots yet (no port).
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class Shot:
    """What :meth:`Screenshots.take` gave: a path when :attr:`taken`, else a message."""

    outcome: Outcome
    #: The local file the desktop saved (only when taken).
    path: Path | None = None
    #: For a person, translated: why there is no screenshot ("" when taken).
    message: str = ""

    @property
    def taken(self) -> bool:
        return self.outcome is Outcome.TAKEN and self.path is not None


class Cancel(Protocol):
    """Set by another thread to stop waiting (:class:`~uploader_gui.core.retry.CancelToken`
    is one)."""

    @property
    def cancelled(self) -> bool: ...


class Screenshots(Protocol):
    def take(
        self, interactive: bool = True, parent_window: str = "", cancel: Cancel | None = None
    ) -> Shot:
        """Asks the desktop for a screenshot and waits for the answer. Blocks: a worker's job.

        ``interactive``: let the person choose what to take (else the whole screen, at once).
        ``parent_window``: the app's window in the portal's form (``"x11:1a2b3c"``,
        ``"wayland:<exported handle>"``), so the dialog stays above it; ``""`` for none.
        ``cancel``: checked a few times a second; once set, the desktop's dialog is closed
        and the outcome is :attr:`Outcome.CANCELLED`.
        """
        ...

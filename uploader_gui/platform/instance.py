"""Single instance: where a later start meets the running window, and who may be there.

The hand-off itself (``QLocalServer`` / ``QLocalSocket``, the greeting, the message, the
lock) is portable and lives in :mod:`uploader_gui.desktop.single_instance`. What depends on
the system is here: the name a local socket gets, a place for it that only this user can
reach, and the check that the process at the other end of a connection is this user.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol


class Refusal(enum.Enum):
    #: Another user's file (or a link another user made) is where the folder should be.
    FOREIGN = "foreign"
    #: This user's, but a link or a file, or other users may open it.
    NOT_PRIVATE = "not-private"
    #: It could not be made or opened (``reason`` says why, in the system's words).
    UNUSABLE = "unusable"


@dataclass(frozen=True)
class Obstacle:
    """Why a start can neither hand its files over nor take later starts' files."""

    path: str
    kind: Refusal
    reason: str = ""

    def describe(self) -> str:
        """In English, for the log (the window says it in the user's language)."""
        if self.kind is Refusal.FOREIGN:
            return f"another user's file is in the way of the single-window hand-off ({self.path})"
        if self.kind is Refusal.NOT_PRIVATE:
            return f"{self.path} is not a private folder: no single-window hand-off"
        return f"cannot use {self.path} for the single-window hand-off ({self.reason})"


class ObstacleError(Exception):
    def __init__(self, obstacle: Obstacle) -> None:
        super().__init__(obstacle.describe())
        self.obstacle = obstacle


class MeetingPlace(Protocol):
    """An opened, checked place for local sockets; held open while a server listens."""

    @property
    def where(self) -> str:
        """The place itself, for messages (a folder's path)."""
        ...

    def address(self, name: str) -> str:
        """What ``QLocalServer`` listens at and ``QLocalSocket`` connects to for socket
        ``name`` (its lock file is this plus ``.lock``)."""
        ...

    def shown(self, address: str) -> str:
        """``address`` as a person would find it, for messages."""
        ...

    def unchanged(self) -> bool:
        """The place is still the one that was checked (nobody swapped it meanwhile)."""
        ...

    def close(self) -> None: ...


class InstanceChannel(Protocol):
    def user(self) -> str:
        """This user, as part of a socket's name."""
        ...

    def socket_name(self, name: str) -> str:
        """Where socket ``name`` is, as :meth:`MeetingPlace.shown` says it (nothing is
        opened or made)."""
        ...

    def open(self) -> MeetingPlace:
        """Opens (and makes, if need be) the place; raises :class:`ObstacleError` when it
        is not this user's alone."""
        ...

    def same_user(self, descriptor: int) -> bool:
        """The process at the other end of the connected local socket ``descriptor`` is
        this user (unknown is not). Asked before anything is sent or read."""
        ...

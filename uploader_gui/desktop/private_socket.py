"""Where the single-instance socket and its lock live, and who may be at its other end.

Both live in a *private* folder: a real folder (not a link) that belongs to this user and has
mode exactly ``0700``, so nobody else can put a socket or a lock file there, or take one
away. That is ``$XDG_RUNTIME_DIR`` when it is such a folder, else
``$XDG_CACHE_HOME/uploader-gui/instance`` (made ``0700`` whatever the umask; the app's cache
folder above it is tightened to ``0700`` as :func:`~uploader_gui.core.paths.private_dir`
does). Never a name in the shared temporary folder, where another user can be first.

Each folder is opened without following links and checked on the open descriptor
(``fstat``), so what was checked is what is used: a socket path too long for a Unix socket
(108 bytes) is reached through that descriptor (``/proc/self/fd/N/name``). On top of that,
each side of a hand-off checks that the process at the other end is this user
(:func:`peer_uid`), before it sends or reads anything.

Light on purpose (it runs on every start): the standard library and ``core.paths`` only.
"""

from __future__ import annotations

import enum
import errno
import os
import socket
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from ..core.paths import PRIVATE_DIR_MODE, cache_dir

#: The folder under the app's cache folder when there is no usable ``$XDG_RUNTIME_DIR``.
INSTANCE_FOLDER = "instance"
#: The longest path ``bind``/``connect`` take on Linux (``sun_path`` is 108 bytes with NUL).
MAX_SOCKET_PATH = 107
_PROC_FD = "/proc/self/fd"
_OPEN_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of the connected local socket
    ``descriptor``; ``None`` when the system does not say. The one platform-specific piece.

    Linux: ``SO_PEERCRED`` (a ``struct ucred``: pid, uid, gid, as they were at ``connect``
    or ``listen``). macOS and the BSDs would use ``getpeereid()`` (``LOCAL_PEERCRED``, a
    ``struct xucred``); Windows named pipes have no uid: there the client's SID would be
    compared (``GetNamedPipeClientProcessId``, then the process token), the pipe's ACL
    (``UserAccessOption``) keeping others out meanwhile.
    """
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    try:
        # fromfd duplicates the descriptor: Qt's own stays open, the copy is closed here.
        with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            credentials = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    except OSError:
        return None
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return int(uid)


def same_user(descriptor: int) -> bool:
    """The peer on ``descriptor`` is this user (anything unknown is not)."""
    if os.name == "nt":  # a named pipe: its ACL (UserAccessOption) admits this user only
        return True
    return peer_uid(descriptor) == os.geteuid()


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


def _unusable(path: Path, error: OSError) -> ObstacleError:
    return ObstacleError(Obstacle(str(path), Refusal.UNUSABLE, error.strerror or str(error)))


def _whose(parent: int, name: str, path: Path) -> ObstacleError:
    """A link or a file where a folder should be: another user's, or ours."""
    try:
        info = os.stat(name, dir_fd=parent, follow_symlinks=False)
    except OSError as error:
        return _unusable(path, error)
    mine = info.st_uid == os.geteuid()
    return ObstacleError(Obstacle(str(path), Refusal.NOT_PRIVATE if mine else Refusal.FOREIGN))


def _open_folder(parent: int, name: str, path: Path, *, create: bool, tighten: bool) -> int:
    """Opens folder ``name`` in ``parent`` (made ``0700`` if ``create`` and missing) and checks
    it on the descriptor: a real folder, this user's, mode ``0700``. A folder of ours that is
    not ``0700`` is refused, unless it was just made or ``tighten``. Raises ObstacleError."""
    made = False
    if create:
        try:
            os.mkdir(name, PRIVATE_DIR_MODE, dir_fd=parent)
            made = True
        except FileExistsError:
            pass
        except OSError as error:
            raise _unusable(path, error) from None
    try:
        fd = os.open(name, _OPEN_FOLDER, dir_fd=parent)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):  # a link, or not a folder
            raise _whose(parent, name, path) from None
        raise _unusable(path, error) from None
    try:
        info = os.fstat(fd)
        if info.st_uid != os.geteuid():
            raise ObstacleError(Obstacle(str(path), Refusal.FOREIGN))
        if stat.S_IMODE(info.st_mode) != PRIVATE_DIR_MODE:
            if not (made or tighten):
                raise ObstacleError(Obstacle(str(path), Refusal.NOT_PRIVATE))
            os.fchmod(fd, PRIVATE_DIR_MODE)  # (the umask took bits, or an older version)
    except OSError as error:
        os.close(fd)
        raise _unusable(path, error) from None
    except BaseException:
        os.close(fd)
        raise
    return fd


class PrivateFolder:
    """A checked private folder, held open: sockets and locks in it are named through it."""

    def __init__(self, fd: int, path: Path) -> None:
        self.fd = fd
        self.path = path

    def address(self, name: str) -> str:
        """The path to use for file ``name`` in the folder: the plain one when a socket can be
        bound there, else the same file through the open descriptor (Linux)."""
        plain = str(self.path / name)
        if len(os.fsencode(plain)) <= MAX_SOCKET_PATH or not os.path.isdir(_PROC_FD):
            return plain
        return f"{_PROC_FD}/{self.fd}/{name}"

    def unchanged(self) -> bool:
        """The folder's path still leads to the folder that was checked."""
        try:
            now = os.stat(self.path, follow_symlinks=False)
            then = os.fstat(self.fd)
        except OSError:
            return False
        return (now.st_dev, now.st_ino) == (then.st_dev, then.st_ino)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def open_private(folder: Path, top: Path, *, create: bool = True) -> PrivateFolder:
    """Opens ``folder`` after checking it and each folder above it up to ``top`` (made if
    missing and ``create``; ``top``, the app's own folder, tightened to ``0700`` if ours).
    The folders above ``top`` are the user's (``~/.cache``): made if missing, not checked.
    Raises ObstacleError."""
    base = top.parent
    try:
        if create:
            os.makedirs(base, PRIVATE_DIR_MODE, exist_ok=True)
        fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as error:
        raise _unusable(base, error) from None
    path = base
    for index, name in enumerate((top.name, *folder.relative_to(top).parts)):
        path = path / name
        try:
            child = _open_folder(fd, name, path, create=create, tighten=create and index == 0)
        finally:
            os.close(fd)
        fd = child
    return PrivateFolder(fd, folder)


def runtime_folder() -> Path | None:
    """``$XDG_RUNTIME_DIR`` when it is set, absolute and a private folder of this user's."""
    value = os.environ.get("XDG_RUNTIME_DIR", "")
    if not value or not os.path.isabs(value) or os.path.normpath(value) == "/":
        return None
    folder = Path(os.path.normpath(value))
    try:
        open_private(folder, folder, create=False).close()
    except ObstacleError:
        return None
    return folder


def instance_folder() -> tuple[Path, Path]:
    """Where the socket and lock live, and the highest folder checked with it (the same
    folder for ``$XDG_RUNTIME_DIR``; the app's cache folder for the fallback)."""
    runtime = runtime_folder()
    if runtime is not None:
        return runtime, runtime
    return cache_dir() / INSTANCE_FOLDER, cache_dir()

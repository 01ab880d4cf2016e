"""The single-instance channel on Linux: where the socket and its lock live, and who may be
at its other end.

Both live in a *private* folder: a real folder (not a link) that belongs to this user and has
mode exactly ``0700``, so nobody else can put a socket or a lock file there, or take one
away. That is ``$XDG_RUNTIME_DIR`` when it is such a folder, else
``$XDG_CACHE_HOME/uploader-gui/instance`` (made ``0700`` whatever the umask; the app's cache
folder above it is tightened to ``0700`` as :func:`~uploader_gui.core.paths.private_dir`
does; both folders as :mod:`.xdg_locations` names them). Never a name in the shared
temporary folder, where another user can be first.

Each folder is opened without following links and checked on the open descriptor
(``fstat``), so what was checked is what is used: a socket path too long for a Unix socket
(108 bytes) is reached through that descriptor (``/proc/self/fd/N/name``). On top of that,
each side of a hand-off checks that the process at the other end is this user
(:func:`peer_uid`), before it sends or reads anything.

Light on purpose (it runs on every start): the standard library only.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import struct
from pathlib import Path

from ..instance import Obstacle, ObstacleError, Refusal
from .xdg_locations import XdgLocations

#: Only its owner may enter (as ``core.paths.PRIVATE_DIR_MODE``, which this must not import).
PRIVATE_DIR_MODE = 0o700
#: The folder under the app's cache folder when there is no usable ``$XDG_RUNTIME_DIR``.
INSTANCE_FOLDER = "instance"
#: The longest path ``bind``/``connect`` take on Linux (``sun_path`` is 108 bytes with NUL).
MAX_SOCKET_PATH = 107
_PROC_FD = "/proc/self/fd"
_OPEN_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of the connected local socket
    ``descriptor``; ``None`` when the system does not say (then the peer is not trusted).

    Linux: ``SO_PEERCRED`` (a ``struct ucred``: pid, uid, gid, as they were at ``connect``
    or ``listen``). macOS and the BSDs have no ``SO_PEERCRED``: there every peer is refused
    until their ports ask ``getpeereid()`` (``LOCAL_PEERCRED``); see packaging/PORTING.md.
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
    return peer_uid(descriptor) == os.geteuid()


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

    @property
    def where(self) -> str:
        return str(self.path)

    def shown(self, address: str) -> str:
        """``address`` as a person would find it (not through ``/proc/self/fd``)."""
        return str(self.path / Path(address).name)

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


def runtime_folder(locations: XdgLocations | None = None) -> Path | None:
    """``$XDG_RUNTIME_DIR`` when it is set, absolute and a private folder of this user's."""
    folder = (locations or XdgLocations()).runtime_dir()
    if folder is None:
        return None
    try:
        open_private(folder, folder, create=False).close()
    except ObstacleError:
        return None
    return folder


def instance_folder(locations: XdgLocations | None = None) -> tuple[Path, Path]:
    """Where the socket and lock live, and the highest folder checked with it (the same
    folder for ``$XDG_RUNTIME_DIR``; the app's cache folder for the fallback)."""
    locations = locations or XdgLocations()
    runtime = runtime_folder(locations)
    if runtime is not None:
        return runtime, runtime
    cache = locations.cache_dir()
    return cache / INSTANCE_FOLDER, cache


class PrivateSocketChannel:
    """:class:`~uploader_gui.platform.instance.InstanceChannel`: sockets in a private folder,
    peers checked with ``SO_PEERCRED``."""

    def __init__(self, locations: XdgLocations | None = None) -> None:
        self._locations = locations or XdgLocations()

    def user(self) -> str:
        return str(os.getuid())

    def socket_name(self, name: str) -> str:
        folder, _top = instance_folder(self._locations)
        return str(folder / name)

    def open(self) -> PrivateFolder:
        return open_private(*instance_folder(self._locations))

    def same_user(self, descriptor: int) -> bool:
        return same_user(descriptor)

"""Where the app keeps its files, and keeping them private.

*Where* is the platform's (:class:`~uploader_gui.platform.locations.Locations`; on Linux the
XDG base directory spec); owners, modes and links are checked here, whatever the folders.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import shlex
import stat
from dataclasses import dataclass
from pathlib import Path

from .. import APP_NAME
from ..platform.chooser import POSIX, locations
from .i18n import translate
from .text import printable


def config_dir() -> Path:
    """The settings folder (``$XDG_CONFIG_HOME/uploader-gui`` on Linux; never the key)."""
    return locations().config_dir()


def data_dir() -> Path:
    """The history's folder (``$XDG_DATA_HOME/uploader-gui`` on Linux)."""
    return locations().data_dir()


def cache_dir() -> Path:
    """Thumbnails, pasted images (``$XDG_CACHE_HOME/uploader-gui`` on Linux)."""
    return locations().cache_dir()


def kept_images_dir() -> Path:
    """Where images with no file of the person's own are kept (pasted, a screenshot, piped
    in, sent by another app): in the cache, private, so a failed one can still be retried
    after a restart. Made if needed; safe on a worker thread."""
    return private_dir(cache_dir() / "pasted")


def thumbnail_file(entry_id: int) -> Path:
    """The cached thumbnail of history entry ``entry_id``."""
    return cache_dir() / "thumbnails" / f"{entry_id}.png"


#: The app's own folders hold file paths, URLs and thumbnails: for their owner only.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by its owner only; return it.

    The folder is tightened, and so is each folder above it up to the app's own
    (``…/uploader-gui``); folders above that, such as ``~/.cache``, are the user's to set.
    Each of those must be a real folder of this user's: a link (another user may have
    planted one where the app's folder goes) or another user's folder is refused, never
    followed, written in or changed. Raises :class:`OSError` when it cannot be created or
    used.
    """
    chain = [path, *path.parents]
    names = [folder.name for folder in chain]
    ours = chain[: names.index(APP_NAME) + 1] if APP_NAME in names else chain[:1]
    ours[-1].parent.mkdir(parents=True, exist_ok=True)  # the user's own folders above
    geteuid = getattr(os, "geteuid", None)
    for folder in reversed(ours):  # the app's folder first, then down to ``path``
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        info = os.lstat(folder)
        foreign = geteuid is not None and info.st_uid != geteuid()
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or foreign:
            raise PermissionError(errno.EPERM, "not a private folder of this user", str(folder))
        if info.st_mode & 0o077:
            with contextlib.suppress(OSError):  # not ours to change: leave it as it is
                folder.chmod(PRIVATE_DIR_MODE)
    return path


def make_private(path: Path) -> None:
    """Make a file the app wrote readable and writable by its owner only."""
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode) and info.st_mode & 0o077:
            os.chmod(path, PRIVATE_FILE_MODE)
    except OSError:
        pass  # gone meanwhile: nothing to protect


# -- the settings files: private, and trusted only when nobody else can change them ------

#: Settings and templates: readable and writable by their owner only, in a folder only its
#: owner can enter (``0700``), whatever the umask.
CONFIG_DIR_MODE = PRIVATE_DIR_MODE


#: Owners and modes to check (Windows has neither: its profile folder is the user's).
_POSIX = POSIX


def _euid() -> int:
    return os.geteuid() if _POSIX else 0


def _owners() -> frozenset[int]:
    """Who may own what the app reads its settings from: the user (or root, who can change
    anything anyway)."""
    return frozenset({_euid(), 0})


class Unsafe(enum.Enum):
    #: Group or other users can write it (a file), or add and replace files in it (a folder).
    WRITABLE = "writable"
    #: It, or what it links to, belongs to another user.
    OTHER_OWNER = "other-owner"


@dataclass(frozen=True)
class UnsafeConfig:
    """Why ``file`` (``settings.ini``, ``templates.json``) cannot be trusted: another user
    can change what it says. ``culprit`` is what is at fault: the file, what it links to,
    or a folder."""

    file: Path
    culprit: Path
    kind: Unsafe
    #: The culprit is a folder (the settings folder, or the folder of a link's target).
    folder: bool

    @property
    def in_foreign_folder(self) -> bool:
        """The settings folder is not the user's: nothing can be written there."""
        return self.folder and self.culprit == self.file.parent and self.kind is Unsafe.OTHER_OWNER

    def problem(self) -> str:
        """One sentence: what is wrong, with the path."""
        path = printable(str(self.culprit))
        if self.kind is Unsafe.OTHER_OWNER:
            return translate("SettingsFile", "{path} belongs to another user.").format(path=path)
        if self.folder:
            return translate(
                "SettingsFile", "Other users on this computer can change the files in {path}."
            ).format(path=path)
        return translate("SettingsFile", "Other users on this computer can change {path}.").format(
            path=path
        )

    def command(self) -> str:
        """The shell command that fixes it (after which the file is the user's alone)."""
        culprit = shlex.quote(printable(str(self.culprit)))
        if self.in_foreign_folder:
            return f"mv {culprit} {shlex.quote(printable(str(self.culprit) + '.not-mine'))}"
        if self.kind is Unsafe.OTHER_OWNER:
            return f"rm {shlex.quote(printable(str(self.file)))}"
        if not self.folder:
            return f"chmod 600 {culprit}"
        if self.culprit != self.file.parent:
            return f"chmod go-w {culprit}"
        command = f"chmod 700 {culprit}"
        if os.path.isfile(self.file):  # it may be writable by others too
            command += f" && chmod 600 {shlex.quote(printable(str(self.file)))}"
        return command


def unsafe_config(file: Path) -> UnsafeConfig | None:
    """Whether another user can change what ``file`` says: it, or its folder, is writable
    by the group or others or belongs to another user, or it links to such a thing.
    ``None``: it is safe to read (a missing file is, in a safe folder)."""
    if not _POSIX:
        return None
    owners = _owners()
    folder = file.parent
    try:
        link = os.lstat(folder)
        info = os.stat(folder)
    except OSError:
        return None  # no folder, no file: nothing to read
    if stat.S_ISLNK(link.st_mode) and link.st_uid not in owners:
        return UnsafeConfig(file, folder, Unsafe.OTHER_OWNER, folder=True)
    if info.st_uid not in owners:
        return UnsafeConfig(file, folder, Unsafe.OTHER_OWNER, folder=True)
    if info.st_mode & 0o022:
        return UnsafeConfig(file, folder, Unsafe.WRITABLE, folder=True)
    try:
        link = os.lstat(file)
    except OSError:
        return None
    culprit = file
    if stat.S_ISLNK(link.st_mode):
        if link.st_uid not in owners:
            return UnsafeConfig(file, file, Unsafe.OTHER_OWNER, folder=False)
        try:
            culprit = file.resolve(strict=True)
            outer = os.stat(culprit.parent)
        except (OSError, RuntimeError):
            return None  # links to nothing: nothing to read
        if outer.st_uid not in owners:
            return UnsafeConfig(file, culprit.parent, Unsafe.OTHER_OWNER, folder=True)
        # A shared folder with the sticky bit (/tmp) lets nobody else replace the file.
        if outer.st_mode & 0o022 and not outer.st_mode & stat.S_ISVTX:
            return UnsafeConfig(file, culprit.parent, Unsafe.WRITABLE, folder=True)
    try:
        info = os.stat(culprit)
    except OSError:
        return None
    if info.st_uid not in owners:
        return UnsafeConfig(file, culprit, Unsafe.OTHER_OWNER, folder=False)
    if info.st_mode & 0o022:
        return UnsafeConfig(file, culprit, Unsafe.WRITABLE, folder=False)
    return None


def private_config_dir(folder: Path | None = None) -> bool:
    """Make the settings folder (``0700``, missing parents too, as XDG asks) or make it the
    user's alone before anything is written in it, so that no file in it (QSettings' lock
    and temporary files included) is ever readable by others, whatever the umask.

    ``False`` when it is not the user's (another user's folder, or a link to one): nothing
    may be written there. Raises :class:`OSError` when it cannot be made.
    """
    folder = folder or config_dir()
    missing = []
    for path in (folder, *folder.parents):
        if os.path.lexists(path):
            break
        missing.append(path)
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, CONFIG_DIR_MODE)
    if not _POSIX:
        return True
    link = os.lstat(folder)
    info = os.stat(folder)
    if stat.S_ISLNK(link.st_mode) and link.st_uid not in _owners():
        return False
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    if info.st_uid != _euid():
        return False
    if stat.S_IMODE(info.st_mode) != CONFIG_DIR_MODE:
        os.chmod(folder, CONFIG_DIR_MODE)
    return True


def private_config_file(file: Path) -> None:
    """Make ``file`` ``0600`` if it is the user's (through a link too), or create it empty
    with that mode, so that QSettings, which gives a file it rewrites the mode of the file
    it replaces, never writes it readable by others. Call after :func:`private_config_dir`."""
    if not _POSIX:
        return
    try:
        handle = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        tighten(file)
    except OSError:
        return
    else:
        try:
            os.fchmod(handle, PRIVATE_FILE_MODE)
        finally:
            os.close(handle)


def tighten(file: Path) -> None:
    """``file`` (or what it links to) ``0600`` when it is the user's and a regular file."""
    if not _POSIX:
        return
    try:
        info = os.stat(file)
        if (
            stat.S_ISREG(info.st_mode)
            and info.st_uid == _euid()
            and stat.S_IMODE(info.st_mode) != PRIVATE_FILE_MODE
        ):
            os.chmod(file, PRIVATE_FILE_MODE)
    except OSError:
        pass  # gone meanwhile, or not ours to change

"""Images that come from somewhere other than a file the person named: a screenshot the
desktop saved, an image piped in. Each is uploaded under a name that says where it came from
and when (local time): ``screenshot-2025-01-31-142501.png``, ``stdin-2025-01-31-142501.jpg``.

The upload sends a file under its own name (:func:`.client_body.part_filename`), so such an
image is sent from a private file that has that name: a new ``0600`` file alone in a new
``0700`` folder inside this process's private folder for prepared files
(:func:`.prepare.folder.work_folder`, removed at quit and, after a crash, at the next start).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from .errors import LocalFileError
from .files import open_regular, unreadable
from .i18n import translate
from .prepare.folder import work_folder

#: The time in a source's upload name (local time, sorts as text).
NAME_TIME = "%Y-%m-%d-%H%M%S"
_CHUNK = 1 << 20
#: How a new private file is made: never an existing file, never through a link.
NEW_FILE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def timestamped_name(prefix: str, extension: str, when: datetime | None = None) -> str:
    """``prefix-YYYY-MM-DD-HHMMSS.extension``, at ``when`` (now, local time, by default)."""
    moment = datetime.now() if when is None else when  # local time: the person's clock
    return f"{prefix}-{moment.strftime(NAME_TIME)}.{extension}"


def screenshot_name(when: datetime | None = None) -> str:
    """The name a screenshot is uploaded under: ``screenshot-2025-01-31-142501.png``."""
    return timestamped_name("screenshot", "png", when)


def stdin_name(extension: str, when: datetime | None = None) -> str:
    """The name an image from standard input is uploaded under: ``stdin-….<extension>``."""
    return timestamped_name("stdin", extension, when)


def private_file(name: str, folder: Path | None = None) -> tuple[Path, BinaryIO]:
    """A new, empty file called ``name`` (``0600``), open for writing, alone in a new
    ``0700`` folder inside ``folder`` (by default this process's private folder). Raises
    :class:`OSError`; :func:`discard` removes the file and its folder."""
    holder = Path(
        tempfile.mkdtemp(prefix="source-", dir=work_folder() if folder is None else folder)
    )
    path = holder / name
    try:
        descriptor = os.open(path, NEW_FILE, 0o600)
    except OSError:
        holder.rmdir()
        raise
    return path, os.fdopen(descriptor, "wb")


def discard(path: Path) -> None:
    """Removes a file :func:`private_file` made, and its folder."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        path.parent.rmdir()


def not_saved(error: OSError) -> str:
    """Why a private copy could not be written (a full disk), for a person."""
    message = translate("Sources", "the copy to send could not be saved: {reason}")
    return message.format(reason=error.strerror or error)


def private_copy(source: Path, name: str, folder: Path | None = None) -> Path:
    """A private copy of ``source`` called ``name`` (the screenshot the desktop saved, to be
    sent as :func:`screenshot_name`), copied a chunk at a time. ``source`` is opened as any
    file the person hands over (:func:`.files.open_regular`: never a FIFO or a device).
    Raises :class:`.errors.LocalFileError` with the reason."""
    file, _info = open_regular(source)
    with file:
        try:
            path, out = private_file(name, folder)
        except OSError as error:
            raise LocalFileError(source, not_saved(error)) from None
        try:
            with out:
                while chunk := _read(source, file):
                    out.write(chunk)
        except OSError as error:
            discard(path)
            raise LocalFileError(source, not_saved(error)) from None
        except BaseException:
            discard(path)
            raise
    return path


def _read(source: Path, file: BinaryIO) -> bytes:
    try:
        return file.read(_CHUNK)
    except OSError as error:
        raise unreadable(source, error) from None

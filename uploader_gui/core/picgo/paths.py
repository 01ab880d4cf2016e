"""Checking the images a request names or sends, as the app checks a dropped file.

A path from a JSON list must be absolute and name a regular file the user can read whose
first bytes are an image the app uploads (or converts). It is opened the way every file the
user hands the app is (:func:`..files.open_regular`): a folder, a FIFO, a socket or a device
(or a symlink to one) is refused before it is opened, and nothing blocks. A folder is never
expanded: the client named a file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from ..errors import LocalFileError
from ..files import FileSignature, open_regular, unreadable
from ..sniff import HEAD_SIZE, describe, sniff
from . import messages
from .batch import LocalFile

_WEB_ADDRESS = re.compile(r"(?i)(?:https?|ftp)://")


def image_kind(head: bytes) -> str | None:
    """``None`` for an image the app uploads or converts; else what the bytes are ("text")."""
    if sniff(head) is not None:
        return None
    from ..prepare.convert import CONVERTIBLE

    described = describe(head)
    return None if described in CONVERTIBLE else described


def _head(path: Path, file: BinaryIO) -> bytes:
    try:
        return file.read(HEAD_SIZE)
    except OSError as error:
        raise unreadable(path, error) from None


def check_path(raw: str) -> LocalFile | str:
    """The checked file ``raw`` names, or the reason it is refused (in the window's language)."""
    if _WEB_ADDRESS.match(raw):
        return messages.web_address()
    if "\x00" in raw or not os.path.isabs(raw):
        return messages.not_absolute()
    path = Path(raw)
    try:
        file, info = open_regular(path)
        with file:
            head = _head(path, file)
    except LocalFileError as error:
        return error.message
    except ValueError:  # not encodable as a file name (a lone surrogate)
        return messages.invalid_path()
    if not head:
        return messages.empty_file()
    kind = image_kind(head)
    if kind is not None:
        return messages.not_image(kind)
    return LocalFile(path, path.name, FileSignature.of(info))


def parse_list(document: object) -> list[str] | None:
    """The paths of a PicGo JSON body, ``[]`` for the clipboard, ``None`` if malformed.

    As PicGo: an object without ``list``, or with an empty one, means the clipboard.
    """
    if not isinstance(document, dict):
        return None
    entries = document.get("list", [])
    if not isinstance(entries, list):
        return None
    if not all(isinstance(entry, str) and entry.strip() for entry in entries):
        return None
    return list(entries)

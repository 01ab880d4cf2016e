"""Images sent in a multipart body, written to a private temporary folder as they arrive.

python-multipart's streaming parser reads the body; no part is held in memory. Each file part
under a field real clients use (``list``: the Obsidian plugin; ``files``: PicGo 2.4 and later;
``file``: PicList's example) goes to a folder of its own (mode 0700) inside the batch's folder
(0700), in a file made with ``O_EXCL | O_NOFOLLOW`` (0600), named after the client's name for
it with every folder part dropped. A file under another field is refused, fields without a
file are skipped, more than :data:`.batch.MAX_FILES` files refuse the request, and a file
larger than the limit stops being written and is answered with its reason.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from email.message import Message
from pathlib import Path

from python_multipart import MultipartParser
from python_multipart.exceptions import MultipartParseError

from ..files import FileSignature
from ..sniff import HEAD_SIZE
from ..source_files import NEW_FILE
from . import messages
from .answer import Entry
from .batch import LocalFile
from .gate import Refusal
from .paths import image_kind

#: The fields a file may come under.
FILE_FIELDS = frozenset({"list", "files", "file"})
_NAME_BYTES = 200


def disposition(value: str) -> tuple[str | None, str | None]:
    """The ``name`` and ``filename`` of a Content-Disposition (given as its latin-1 view)."""
    message = Message()
    message["Content-Disposition"] = value
    name = message.get_param("name", header="content-disposition")
    filename = message.get_filename()
    raw = message.get_param("filename", header="content-disposition")
    if filename is not None and isinstance(raw, str):  # plain: the bytes were UTF-8
        filename = filename.encode("latin-1", "replace").decode("utf-8", "replace")
    return (name if isinstance(name, str) else None), filename


def safe_name(raw: str | None, index: int) -> str:
    """The last part of the client's name, printable, not hidden, not too long."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable()).strip().lstrip(".")
    while len(name.encode("utf-8")) > _NAME_BYTES:
        stem, dot, suffix = name.rpartition(".")
        name = f"{stem[:-1]}{dot}{suffix}" if stem and len(suffix) < 16 else name[:-1]
    return name or f"image-{index}"


class _Part:
    """One file being received."""

    def __init__(self, folder: Path, name: str) -> None:
        folder.mkdir(mode=0o700)
        self.path = folder / name
        self.name = name
        self.fd: int | None = os.open(self.path, NEW_FILE, 0o600)
        self.head = bytearray()
        self.size = 0


class FormReceiver:
    """Feeds a multipart body to the parser; :meth:`finish` gives each file, checked."""

    def __init__(self, boundary: bytes, folder: Path, max_files: int, max_file_bytes: int):
        self.folder = folder
        self.entries: list[Entry] = []
        self._max_files = max_files
        self._max_file_bytes = max_file_bytes
        self._headers: dict[str, str] = {}
        self._field = bytearray()
        self._value = bytearray()
        self._part: _Part | None = None
        self._complete = False
        self._parser = MultipartParser(
            boundary,
            callbacks={
                "on_part_begin": self._headers.clear,
                "on_header_field": self._on_field,
                "on_header_value": self._on_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": self._on_headers_finished,
                "on_part_data": self._on_data,
                "on_part_end": self._on_part_end,
                "on_end": self._on_end,
            },
        )

    def feed(self, chunk: bytes) -> None:
        try:
            self._parser.write(chunk)
        except MultipartParseError:
            raise Refusal(400, messages.bad_multipart()) from None
        except OSError as error:  # the disk is full, the folder went away…
            raise Refusal(500, messages.internal(error.strerror or str(error))) from None

    def finish(self) -> list[Entry]:
        """Each file received, in order, or the reason it is not uploaded."""
        if not self._complete:
            raise Refusal(400, messages.bad_multipart())
        if not self.entries:
            raise Refusal(400, messages.no_files())
        return self.entries

    def close(self) -> None:
        """Close a file left open by a body cut short (the folder is removed by its owner)."""
        if self._part is not None and self._part.fd is not None:
            os.close(self._part.fd)
            self._part.fd = None

    def _on_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _on_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _on_header_end(self) -> None:
        name = self._field.decode("latin-1").strip().lower()
        self._headers[name] = self._value.decode("latin-1").strip()
        self._field.clear()
        self._value.clear()

    def _on_headers_finished(self) -> None:
        name, filename = disposition(self._headers.get("content-disposition", ""))
        if filename is None:
            return  # a plain field: skipped
        if name not in FILE_FIELDS:
            raise Refusal(400, messages.stray_field(name or ""))
        index = len(self.entries) + 1
        if index > self._max_files:
            raise Refusal(413, messages.too_many(self._max_files))
        self._part = _Part(self.folder / f"{index:02d}", safe_name(filename, index))
        self.entries.append((self._part.name, messages.bad_multipart()))  # until it ends

    def _on_data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        if part is None:
            return
        chunk = data[start:end]
        if len(part.head) < HEAD_SIZE:
            part.head += chunk[: HEAD_SIZE - len(part.head)]
        part.size += len(chunk)
        if part.fd is None:
            return
        if part.size > self._max_file_bytes:  # too large: stop writing, drop what was
            os.close(part.fd)
            part.fd = None
            part.path.unlink()
            return
        view = memoryview(chunk)
        while view:
            view = view[os.write(part.fd, view) :]

    def _on_part_end(self) -> None:
        part, self._part = self._part, None
        if part is None:
            return
        if part.fd is not None:
            os.close(part.fd)
            part.fd = None
        self.entries[-1] = (part.name, self._checked(part))

    def _checked(self, part: _Part) -> LocalFile | str:
        if part.size > self._max_file_bytes:
            return messages.file_too_large(self._max_file_bytes)
        if part.size == 0:
            return messages.empty_file()
        kind = image_kind(bytes(part.head))
        if kind is not None:
            return messages.not_image(kind)
        return LocalFile(part.path, part.name, FileSignature.of(os.stat(part.path)))

    def _on_end(self) -> None:
        self._complete = True


def private_folder(parent: Path | None) -> Path:
    """A new folder only this user can enter (``mkdtemp`` makes it 0700)."""
    return Path(tempfile.mkdtemp(prefix="uploader-gui-picgo-", dir=parent))


def remove_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)

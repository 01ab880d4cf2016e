"""Multipart reception: a ``multipart/form-data`` body through python-multipart's streaming
parser, its first ``file`` part spooled to a file and hashed as it arrives."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from email.message import Message
from email.utils import collapse_rfc2231_value
from typing import IO, TypeAlias

from python_multipart import MultipartParser
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import parse_options_header

from .contract import FILE_FIELD, SIGNATURE_LENGTH, FilePart, ReceivedForm

MAX_BOUNDARY_LENGTH = 70  # RFC 2046, section 5.1.1
# What HTML5 form encoding (httpx, browsers) escapes in a quoted filename: '"' and controls.
_FORM_ESCAPE = re.compile(r"%(22|[01][0-9A-Fa-f])")

_ParamValue: TypeAlias = "str | tuple[str | None, str | None, str]"


def boundary(content_type: str | None) -> bytes | None:
    """The boundary of a ``multipart/form-data`` Content-Type, else None."""
    media_type, params = parse_options_header(content_type)
    value = params.get(b"boundary", b"")
    if media_type != b"multipart/form-data" or not 0 < len(value) <= MAX_BOUNDARY_LENGTH:
        return None
    return value


def media_type(content_type: str | None) -> str:
    """``image/png`` from ``image/PNG; x=y``; empty when there is no Content-Type."""
    return parse_options_header(content_type)[0].decode("latin-1")


def _decode_form_filename(raw: str) -> str:
    """Undo HTML5 form encoding of a quoted filename (raw is the latin-1 view of the bytes)."""
    text = raw.encode("latin-1").decode("utf-8", errors="replace")
    return _FORM_ESCAPE.sub(lambda match: chr(int(match[1], 16)), text)


def disposition(value: str) -> tuple[str | None, str | None]:
    """The ``name`` and decoded ``filename`` of a part's Content-Disposition (latin-1 view).

    The stdlib MIME parameter parser is used here rather than python-multipart's
    parse_options_header, which drops ``filename*`` and cuts Windows-looking filenames such as
    ``C:\\a\\b.png`` down to ``b.png``. ``filename*`` (RFC 5987/2231) wins over ``filename``.
    """
    message = Message()
    message["Content-Disposition"] = value
    params: Sequence[tuple[str, _ParamValue]] = message.get_params([], header="content-disposition")
    name: str | None = None
    filename: str | None = None
    extended: str | None = None
    for key, param in params[1:]:
        if isinstance(param, tuple):
            if key == "filename":
                extended = collapse_rfc2231_value(param)
        elif key == "name":
            name = param
        elif key == "filename":
            filename = _decode_form_filename(param)
    return name, filename if extended is None else extended


class FormReceiver:
    """Takes a multipart body through python-multipart's streaming parser.

    The first file part (a part named ``field`` with a filename) is spooled to ``spool``, up
    to ``max_bytes``, and hashed; further parts are only counted or named. What was found is
    in ``form``. With an ``argument_limit``, the values of the parts without a filename are
    kept too (decoded as UTF-8), up to that many bytes in all.
    """

    def __init__(
        self,
        boundary: bytes,
        spool: IO[bytes],
        max_bytes: int,
        *,
        field: str = FILE_FIELD,
        argument_limit: int = 0,
    ) -> None:
        self.form = ReceivedForm()
        self._spool = spool
        self._max_bytes = max_bytes
        self._field = field
        self._argument_room = argument_limit
        self._argument: tuple[str, bytearray] | None = None
        self._digest = hashlib.sha256()
        self._headers: dict[str, str] = {}
        self._header_field = bytearray()
        self._header_value = bytearray()
        self._receiving: FilePart | None = None
        self._parser = MultipartParser(
            boundary,
            callbacks={
                "on_part_begin": self._headers.clear,
                "on_header_field": self._on_header_field,
                "on_header_value": self._on_header_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": self._on_headers_finished,
                "on_part_data": self._on_part_data,
                "on_part_end": self._on_part_end,
                "on_end": self._on_end,
            },
        )

    def feed(self, chunk: bytes) -> None:
        if self.form.malformed:
            return
        try:
            self._parser.write(chunk)
        except MultipartParseError:
            self.form.malformed = True

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _on_header_end(self) -> None:
        name = self._header_field.decode("latin-1").strip().lower()
        self._headers[name] = self._header_value.decode("latin-1").strip()
        self._header_field.clear()
        self._header_value.clear()

    def _on_headers_finished(self) -> None:
        form = self.form
        name, filename = disposition(self._headers.get("content-disposition", ""))
        if name != self._field or filename is None:
            form.unexpected.append(name or "")
            if filename is not None:
                form.stray_files.append(name or "")
            elif self._argument_room > 0:
                self._argument = (name or "", bytearray())
            return
        form.file_parts += 1
        if form.file is None:
            content_type = media_type(self._headers.get("content-type"))
            form.file = self._receiving = FilePart(filename, content_type)

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._argument is not None:
            self._keep_argument(data[start:end])
        part = self._receiving
        if part is None:
            return
        chunk = data[start:end]
        if len(part.head) < SIGNATURE_LENGTH:
            part.head += chunk[: SIGNATURE_LENGTH - len(part.head)]
        part.size += len(chunk)
        if part.size <= self._max_bytes:
            self._spool.write(chunk)
            self._digest.update(chunk)

    def _keep_argument(self, chunk: bytes) -> None:
        if self._argument is None:
            return
        if len(chunk) > self._argument_room:
            self.form.arguments_overflow = True
            self._argument = None
            self._argument_room = 0
            return
        self._argument_room -= len(chunk)
        self._argument[1].extend(chunk)

    def _on_part_end(self) -> None:
        if self._argument is not None:
            name, value = self._argument
            self.form.arguments.append((name, value.decode("utf-8", errors="replace")))
            self._argument = None
        if self._receiving is not None:
            self._receiving.sha256 = self._digest.hexdigest()
            self._receiving = None

    def _on_end(self) -> None:
        self.form.complete = True

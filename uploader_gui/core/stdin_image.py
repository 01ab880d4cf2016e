"""One image from standard input (``grim - | uploader-gui --headless -``).

The bytes are read a chunk at a time into a private file (:func:`.source_files.private_file`,
named as it is uploaded: ``stdin-2025-01-31-142501.png``), never held whole in memory, and
refused before anything is sent: a terminal instead of a pipe, nothing at all, more than
:data:`MAX_STDIN_BYTES` (reading stops at the first byte over: the rest is never read), or
bytes that are not an image the app can send, as a dropped file could be (PNG, JPEG, WebP,
GIF, and HEIC, HEIF, AVIF, BMP, TIFF, which the app converts: :data:`.prepare.convert
.CONVERTIBLE`). Those are told from the first bytes (:mod:`.sniff`), before any is written.
A refusal is a :class:`StdinRefused`, with a message for a person.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Final

from .errors import LocalFileError
from .i18n import translate
from .sniff import HEAD_SIZE, describe, sniff
from .source_files import discard, not_saved, private_file, stdin_name
from .units import format_size

#: The most read from standard input. The app sets no size limit of its own on files (the
#: service's 413 says when one is too large, and its documentation names no limit); a pipe
#: has no size to check first, so it gets this bound: the size the sandbox gives the
#: service (``sandbox.contract.DEFAULT_MAX_BYTES``).
MAX_STDIN_BYTES: Final = 100 * 1024 * 1024
#: How much is read at a time.
CHUNK: Final = 1 << 16
#: What a refusal's :attr:`~.errors.LocalFileError.path` is: the command line's name for it.
STDIN: Final = Path("-")


class StdinRefused(LocalFileError):
    """Standard input gave no image to send; :attr:`message` says why. Sending again will
    not help (the pipe is spent)."""

    def __init__(self, message: str) -> None:
        super().__init__(STDIN, message, retry_helps=False)


@dataclass(frozen=True)
class StdinImage:
    """The image read: its private file, named as it is to be uploaded."""

    path: Path
    #: The upload name, ``stdin-YYYY-MM-DD-HHMMSS.<ext>`` (also :attr:`path`'s name).
    name: str
    #: What it is, as :func:`.sniff.describe` names it: ``"PNG"``, ``"HEIC"``…
    kind: str
    size: int


def read_stdin_image(
    stream: BinaryIO | None = None,
    *,
    limit: int = MAX_STDIN_BYTES,
    folder: Path | None = None,
    when: datetime | None = None,
) -> StdinImage:
    """Reads one image from ``stream`` (``sys.stdin.buffer`` by default) to its end.

    ``folder``: where its private folder is made (this process's prepared-files folder by
    default); ``when``: the time in its name (now). Raises :class:`StdinRefused`, having
    left no file behind. Blocks until the writer closes the pipe.
    """
    source = _standard_input() if stream is None else stream
    if _is_terminal(source):
        raise StdinRefused(
            translate(
                "Sources",
                "standard input is a terminal: pipe an image in, "
                "e.g. grim - | uploader-gui --headless -",
            )
        )
    head = _read(source, min(HEAD_SIZE, limit + 1))
    if not head:
        raise StdinRefused(translate("Sources", "nothing came on standard input"))
    if len(head) > limit:
        raise _too_large(limit)
    kind, extension = image_kind(head)
    try:
        path, out = private_file(stdin_name(extension, when), folder)
    except OSError as error:
        raise StdinRefused(not_saved(error)) from None
    try:
        with out:
            size = _copy(source, out, head, limit)
    except BaseException:
        discard(path)
        raise
    return StdinImage(path, path.name, kind, size)


def image_kind(head: bytes) -> tuple[str, str]:
    """``(name, extension)`` of the image ``head`` starts: one the service accepts, or one
    the app converts first. Raises :class:`StdinRefused` naming what it is otherwise."""
    found = sniff(head)
    if found is not None:
        return found.name, found.extension
    from .prepare.convert import CONVERTIBLE  # (loads no image library)

    described = describe(head)
    if described in CONVERTIBLE:
        return described, CONVERTIBLE[described]
    message = translate(
        "Sources",
        "standard input is not an image the app can send: {detected}; "
        "allowed: PNG, JPEG, WebP, GIF, HEIC, HEIF, AVIF, BMP, TIFF",
    )
    raise StdinRefused(message.format(detected=translate("Errors", described)))


def _standard_input() -> BinaryIO:
    if sys.stdin is None:  # started without one (pythonw, a closed descriptor)
        raise StdinRefused(translate("Sources", "nothing came on standard input"))
    return sys.stdin.buffer


def _is_terminal(stream: BinaryIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):  # closed, or not a file at all
        return False


def _read(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end (a pipe gives what it has so far)."""
    parts: list[bytes] = []
    wanted = size
    while wanted > 0:
        try:
            chunk = stream.read(wanted)
        except OSError as error:
            message = translate("Sources", "standard input could not be read: {reason}")
            raise StdinRefused(message.format(reason=error.strerror or error)) from None
        if not chunk:
            break
        parts.append(chunk)
        wanted -= len(chunk)
    return b"".join(parts)


def _copy(source: BinaryIO, out: BinaryIO, head: bytes, limit: int) -> int:
    """Writes ``head`` and the rest of ``source`` to ``out``; the size. Reads no more than
    ``limit + 1`` bytes in all."""
    size = 0
    chunk = head
    while chunk:
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        try:
            out.write(chunk)
        except OSError as error:
            raise StdinRefused(not_saved(error)) from None
        chunk = _read(source, min(CHUNK, limit + 1 - size))
    return size


def _too_large(limit: int) -> StdinRefused:
    message = translate(
        "Sources", "more than {limit} came on standard input: the app takes images up to {limit}"
    )
    return StdinRefused(message.format(limit=format_size(limit)))

"""The upload service's contract: endpoints, limits, accepted image types and error bodies.

``POST /upload/image/v1`` checks, in this order (``shared/api``): the API key, then the
request framing, then exactly one ``file`` part whose declared image type must be allowed and
must match the bytes. Every refusal is a JSON body ``{"detail": ...}``: a message, or a list
of FastAPI-style validation errors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeAlias

UPLOAD_PATH = "/upload/image/v1"
HEALTH_PATH = "/health"
#: Accepted images are served back from ``GET /u/<name>``.
FILES_PREFIX = "/u/"
#: The multipart part that carries the image (it must have a filename).
FILE_FIELD = "file"
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
#: Allowance for boundaries and part headers on top of max_bytes when judging Content-Length.
MULTIPART_OVERHEAD = 64 * 1024


class ImageType(NamedTuple):
    extension: str
    signature: re.Pattern[bytes]


IMAGE_TYPES = {
    "image/png": ImageType("png", re.compile(rb"\x89PNG\r\n\x1a\n")),
    "image/jpeg": ImageType("jpg", re.compile(rb"\xff\xd8\xff")),
    "image/webp": ImageType("webp", re.compile(rb"RIFF.{4}WEBP", re.DOTALL)),
    "image/gif": ImageType("gif", re.compile(rb"GIF8[79]a")),
}
#: How much of a file's start is kept to check its signature.
SIGNATURE_LENGTH = 12

Detail: TypeAlias = "str | list[dict[str, object]]"


class Reject(Exception):
    """Ends a request with a JSON error response ``{"detail": ...}``."""

    def __init__(
        self, status: int, detail: Detail, headers: Sequence[tuple[str, str]] = ()
    ) -> None:
        super().__init__(status, detail)
        self.status = status
        self.detail = detail
        self.headers = headers


def error_entry(loc: Sequence[str], msg: str, kind: str) -> dict[str, object]:
    """One entry of a FastAPI-style validation error list."""
    return {"loc": list(loc), "msg": msg, "type": kind}


def not_found() -> Reject:
    return Reject(404, "Not Found")


def method_not_allowed(allowed: str) -> Reject:
    return Reject(405, "Method Not Allowed", [("Allow", allowed)])


def invalid_key() -> Reject:
    return Reject(401, "Invalid or missing API key")


def length_required() -> Reject:
    return Reject(411, "Content-Length required")


def too_large(max_bytes: int) -> Reject:
    return Reject(413, f"File too large: limit is {max_bytes} bytes")


def not_multipart() -> Reject:
    msg = "expected multipart/form-data with a boundary"
    return Reject(422, [error_entry(["header", "content-type"], msg, "value_error")])


@dataclass
class FilePart:
    """The upload's file part as received: its start, size and SHA-256 (once complete)."""

    filename: str
    content_type: str
    size: int = 0
    head: bytes = b""
    sha256: str = ""


@dataclass
class ReceivedForm:
    """What a multipart body turned out to hold."""

    #: The first ``file`` part (a part named ``file`` with a filename).
    file: FilePart | None = None
    #: How many ``file`` parts there were.
    file_parts: int = 0
    #: The names of the other parts.
    unexpected: list[str] = field(default_factory=list)
    malformed: bool = False
    complete: bool = False
    #: The other parts that have a filename (files sent under another name).
    stray_files: list[str] = field(default_factory=list)
    #: ``(name, value)`` of the parts without a filename, in order: kept only when the
    #: receiver was asked to (the generic test hosts' arguments), up to its limit.
    arguments: list[tuple[str, str]] = field(default_factory=list)
    #: The arguments went over the receiver's limit (the rest of them were not kept).
    arguments_overflow: bool = False


def accepted_file(form: ReceivedForm, max_bytes: int) -> tuple[FilePart, ImageType]:
    """The upload's file part and its image type; raises Reject in the contract's order."""
    if form.malformed or not form.complete:
        raise Reject(422, [error_entry(["body"], "malformed multipart body", "value_error")])
    if form.file is None:
        raise Reject(
            422, [error_entry(["body", FILE_FIELD], "field required", "value_error.missing")]
        )
    if form.file_parts > 1:
        msg = "expected exactly one file part"
        raise Reject(422, [error_entry(["body", FILE_FIELD], msg, "value_error")])
    if form.unexpected:
        msg = "extra field not permitted"
        raise Reject(
            422,
            [error_entry(["body", name], msg, "value_error.extra") for name in form.unexpected],
        )
    part = form.file
    if part.size > max_bytes:
        raise too_large(max_bytes)
    image_type = IMAGE_TYPES.get(part.content_type)
    if image_type is None:
        declared = part.content_type or "(none)"
        allowed = ", ".join(IMAGE_TYPES)
        raise Reject(415, f"Unsupported media type: {declared}; allowed: {allowed}")
    if part.size == 0:
        raise Reject(422, "File is empty")
    if not image_type.signature.match(part.head):
        raise Reject(422, f"File content does not match declared type {part.content_type}")
    return part, image_type

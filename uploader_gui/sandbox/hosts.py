"""Generic test hosts: the state behind the sandbox's ``/hosts/`` routes.

Custom destinations (ShareX ``.sxcu`` uploaders) talk to any HTTP host, each with its own
request and reply shape; the sandbox plays one of every shape on loopback, as strictly as the
ImagePipeline route (:mod:`.hosts_routes` lists the routes). This module holds what they share:

- :class:`HostsAuth`, the credentials the hosts require (headers, query parameters, form
  arguments) and how a deletion must be asked for; change it while the server runs;
- :class:`Hosts`, the uploads they accepted (:class:`HostUpload`) and the requests they
  received (:class:`HostRequest`), as ``SandboxServer(hosts=...).hosts``;
- the credential checks (401 for an upload, 403 for a deletion) and request helpers.

A secret never appears in an answer, a message or a ``repr``.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import IO

from . import contract
from .body import RequestBody
from .contract import FilePart, ImageType
from .hosts_answers import HostError

HOSTS_PREFIX = "/hosts/"
FILES_ROUTE = "f"
THUMBNAILS_ROUTE = "thumb"
DELETE_ROUTE = "delete"
#: The methods a deletion may be configured to use.
DELETE_METHODS = ("DELETE", "GET", "POST", "PUT", "PATCH")


@dataclass
class HostsAuth:
    """The credentials the test hosts require, by exact value; none by default.

    ``headers`` (e.g. ``{"Authorization": "Bearer T", "X-Api-Key": "K"}``) and ``query``
    (``{"key": "K"}``) are checked on every upload and document route; ``form``
    (``{"token": "T"}``) on the routes whose body carries arguments (multipart text parts,
    a form, a JSON object's or an XML root's top-level fields), not on ``binary``. A missing
    or wrong one is a 401. A deletion uses ``delete_method`` and needs ``delete_headers``
    (``None``: the same as ``headers``), else 403.
    """

    headers: dict[str, str] = field(default_factory=dict, repr=False)
    query: dict[str, str] = field(default_factory=dict, repr=False)
    form: dict[str, str] = field(default_factory=dict, repr=False)
    delete_method: str = "DELETE"
    delete_headers: dict[str, str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.delete_method not in DELETE_METHODS:
            raise ValueError(f"delete_method must be one of {DELETE_METHODS}")

    @property
    def deletion_headers(self) -> dict[str, str]:
        return self.headers if self.delete_headers is None else self.delete_headers


@dataclass(frozen=True)
class HostUpload:
    """A file a test host accepted, served at ``url`` (and ``thumbnail_url``) until deleted
    at ``delete_url``, whose last segment is ``deletehash``."""

    route: str
    filename: str
    content_type: str
    size: int
    sha256: str
    path: Path
    url: str
    thumbnail_url: str
    delete_url: str
    deletehash: str


@dataclass
class HostRequest:
    """A request to a ``/hosts/`` route, recorded as it arrives and completed as it is read.

    ``headers`` have lower-cased names; ``query`` is every value of every parameter. The body
    is kept as ``arguments`` (multipart text parts, form fields, a document's top-level string
    fields) and ``file`` (the file part's or binary body's name, type, size and SHA-256), and
    whole in ``body`` for the document routes only. ``status`` is what was answered.
    """

    method: str
    target: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    arguments: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    file: FilePart | None = None
    status: int = 0


@dataclass(frozen=True)
class HostExchange:
    """One request as a route sees it, with what it needs of the server."""

    method: str
    target: str
    path: str
    query: dict[str, list[str]]
    headers: Message
    body: RequestBody
    base_url: str
    storage: Path
    max_bytes: int

    def param(self, name: str, default: str = "") -> str:
        """A control parameter of the query (its last value), e.g. ``field`` or ``to``."""
        values = self.query.get(name)
        return values[-1] if values else default

    def framed_length(self, limit: int, message: str) -> int:
        """The body's Content-Length: 411 (closing) without one, 413 over ``limit``."""
        length = self.body.length
        if length is None or "Content-Length" not in self.headers:
            raise HostError(411, "Content-Length required", close=True)
        if length > limit:
            raise HostError(413, message)
        return length


class Hosts:
    """The test hosts' uploads and requests, and the credentials they require (``auth``)."""

    def __init__(self, auth: HostsAuth | None = None) -> None:
        self.auth = HostsAuth() if auth is None else auth
        self.uploads: list[HostUpload] = []
        self.deleted: list[HostUpload] = []
        self.requests: list[HostRequest] = []
        self._lock = threading.Lock()
        self._files: dict[str, HostUpload] = {}
        self._tokens: dict[str, HostUpload] = {}

    def __repr__(self) -> str:
        return f"Hosts(uploads={len(self.uploads)}, requests={len(self.requests)})"

    def record(self, exchange: HostExchange) -> HostRequest:
        headers = {name.lower(): value for name, value in exchange.headers.items()}
        request = HostRequest(
            exchange.method, exchange.target, exchange.path, exchange.query, headers
        )
        with self._lock:
            self.requests.append(request)
        return request

    def store(
        self, route: str, part: FilePart, image_type: ImageType, spool: IO[bytes], at: HostExchange
    ) -> HostUpload:
        """Moves the spooled file into storage and serves it from now on."""
        name = f"{secrets.token_hex(8)}.{image_type.extension}"
        token = secrets.token_urlsafe(12)
        path = at.storage / name
        spool.close()
        os.replace(spool.name, path)
        base = at.base_url + HOSTS_PREFIX
        upload = HostUpload(
            route,
            part.filename,
            part.content_type,
            part.size,
            part.sha256,
            path,
            url=f"{base}{FILES_ROUTE}/{name}",
            thumbnail_url=f"{base}{THUMBNAILS_ROUTE}/{name}",
            delete_url=f"{base}{DELETE_ROUTE}/{token}",
            deletehash=token,
        )
        with self._lock:
            self.uploads.append(upload)
            self._files[name] = self._tokens[token] = upload
        return upload

    def served(self, name: str) -> HostUpload | None:
        with self._lock:
            return self._files.get(name)

    def by_token(self, token: str) -> HostUpload | None:
        with self._lock:
            return self._tokens.get(token)

    def delete(self, token: str) -> HostUpload | None:
        """Stops serving the upload and removes its file; None if it is gone already."""
        with self._lock:
            upload = self._tokens.pop(token, None)
            if upload is None:
                return None
            del self._files[upload.path.name]
            self.deleted.append(upload)
        upload.path.unlink(missing_ok=True)
        return upload


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(
        given.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape")
    )


def require(
    required: Mapping[str, str], given: Callable[[str], str | None], where: str, status: int = 401
) -> None:
    """Each credential in ``required`` must be given with its exact value; the error names
    where it was expected (``header X-Api-Key``), never a value."""
    for name, expected in required.items():
        value = given(name)
        if value is None:
            raise HostError(status, f"missing credential: {where} {name}")
        if not _same(value, expected):
            raise HostError(status, f"wrong credential: {where} {name}")


def require_request_credentials(auth: HostsAuth, exchange: HostExchange) -> None:
    """The headers and query parameters ``auth`` requires (401)."""
    require(auth.headers, exchange.headers.get, "header")

    def query_value(name: str) -> str | None:
        values = exchange.query.get(name)
        # Given twice is wrong, even when one of them is right.
        return None if values is None else "\0".join(values)

    require(auth.query, query_value, "query parameter")


def require_arguments(auth: HostsAuth, arguments: Mapping[str, str]) -> None:
    """The form arguments ``auth`` requires (401)."""
    require(auth.form, arguments.get, "argument")


def declared_image_type(content_type: str) -> ImageType:
    """The image type of a declared media type; 415 if it is not an accepted image's."""
    image_type = contract.IMAGE_TYPES.get(content_type)
    if image_type is None:
        declared = content_type or "(none)"
        allowed = ", ".join(contract.IMAGE_TYPES)
        raise HostError(415, f"Unsupported media type: {declared}; allowed: {allowed}")
    return image_type


def checked_image(part: FilePart, max_bytes: int) -> ImageType:
    """The received file's image type, refused as the ImagePipeline contract does: too
    large (413), a type that is not an image's (415), empty or not matching its type (422)."""
    if part.size > max_bytes:
        raise HostError(413, f"File too large: limit is {max_bytes} bytes")
    image_type = declared_image_type(part.content_type)
    if part.size == 0:
        raise HostError(422, "File is empty")
    if not image_type.signature.match(part.head):
        raise HostError(422, f"File content does not match declared type {part.content_type}")
    return image_type

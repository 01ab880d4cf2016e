"""The generic test hosts' routes, under ``/hosts/``: one host of every shape a custom
destination may talk to, strict about what it takes, on the sandbox's own loopback server.

Uploads (multipart, field ``?field=`` or ``file``; text parts are arguments):

- ``POST /hosts/nested-json`` → ``{"success": true, "status": 200, "data": {"link",
  "deletehash", "delete_url", "thumb": {"url"}, …}}``
- ``POST /hosts/files-list`` → ``{"files": [{"url", "thumbnail", "delete_url"}]}``
- ``POST /hosts/text`` → the URL as ``text/plain`` (``?newline=1``: with a line break)
- ``POST /hosts/xml`` → ``<upload><url/><thumbnail/><delete/></upload>``
- ``POST /hosts/location`` → ``201``, the URL in ``Location``, an empty body

and ``PUT``/``POST /hosts/binary/<name>`` (the body is the file) → ``{"url", "thumbnail",
"delete_url", "filename", "size"}``. Every upload reply has an ``X-Delete-Url`` header.

Documents, echoed as ``{"route", "content_type", "fields", "body"}`` (``?require=a,b``:
fields that must be there): ``POST /hosts/form`` (urlencoded), ``/hosts/json-body``,
``/hosts/xml-body``.

Files: ``GET``/``HEAD /hosts/f/<name>`` and ``/hosts/thumb/<name>`` (the same bytes).
Deletion: ``/hosts/delete/<deletehash>`` with ``HostsAuth.delete_method`` and its credential
headers deletes (else 403); a ``GET`` without any credential gets an HTML page, deleting
nothing. Errors: ``POST /hosts/error`` → ``{"error": {"message"}}``, ``/hosts/error-flat``
→ ``{"status", "message"}`` (``?status=400&message=…``). ``/hosts/redirect?to=URL``
(``&status=307``) answers a redirect to ``to``, any method.

Every refusal is ``{"error": {"message": ...}}``: 401 (a credential), 403 (a deletion's),
404, 405 (with ``Allow``), 411, 413, 415, 422.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from .body import CHUNK_SIZE
from .hosts import (
    DELETE_ROUTE,
    FILES_ROUTE,
    HOSTS_PREFIX,
    THUMBNAILS_ROUTE,
    HostExchange,
    HostRequest,
    Hosts,
    require,
)
from .hosts_answers import Answer, HostError, json_answer, not_found, require_method
from .hosts_replies import MULTIPART_SHAPES, delete_page
from .hosts_uploads import DOCUMENTS, binary_upload, document, multipart_upload

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
DEFAULT_ERROR_MESSAGE = "Upload refused by the test host"


def serve(hosts: Hosts, exchange: HostExchange) -> Answer:
    """Records the request, then answers it."""
    record = hosts.record(exchange)
    try:
        answer = _route(hosts, exchange, record)
    except HostError as error:
        answer = error.answer()
    record.status = answer.status
    return answer


def _route(hosts: Hosts, exchange: HostExchange, record: HostRequest) -> Answer:
    route, _, tail = exchange.path.removeprefix(HOSTS_PREFIX).partition("/")
    method = exchange.method
    if tail:
        if route == "binary":
            require_method(method, "PUT", "POST")
            return binary_upload(hosts, exchange, record, tail)
        if route == DELETE_ROUTE:
            return _delete(hosts, exchange, tail)
        if route in (FILES_ROUTE, THUMBNAILS_ROUTE):
            require_method(method, "GET", "HEAD")
            return _file(hosts, method, tail)
        raise not_found()
    if route in MULTIPART_SHAPES:
        require_method(method, "POST")
        return multipart_upload(hosts, exchange, record, route)
    if route in DOCUMENTS:
        require_method(method, "POST")
        return document(hosts, exchange, record, route)
    if route in ("error", "error-flat"):
        require_method(method, "POST")
        return _error(exchange, flat=route == "error-flat")
    if route == "redirect":
        return _redirect(exchange)
    raise not_found()


def _file(hosts: Hosts, method: str, name: str) -> Answer:
    upload = hosts.served(name)
    if upload is None:
        raise not_found()
    if method == "HEAD":
        return Answer(200, upload.content_type, upload.size, ())
    try:
        stored = upload.path.open("rb")  # open now: a deletion meanwhile cannot cut it short
    except FileNotFoundError:
        raise not_found() from None
    return Answer(200, upload.content_type, upload.size, _chunks(stored))


def _chunks(stored: IO[bytes]) -> Iterator[bytes]:
    with stored:
        while chunk := stored.read(CHUNK_SIZE):
            yield chunk


def _delete(hosts: Hosts, exchange: HostExchange, token: str) -> Answer:
    """The configured method with the deletion's credential headers deletes; a ``GET``
    otherwise, or one carrying none of them, is the page a browser gets."""
    upload = hosts.by_token(token)
    if upload is None:
        raise not_found()
    auth = hosts.auth
    method = exchange.method
    required = auth.deletion_headers
    if method == "GET":
        carries_none = bool(required) and all(name not in exchange.headers for name in required)
        if auth.delete_method != "GET" or carries_none:
            return delete_page(upload)
    require_method(method, *dict.fromkeys(("GET", auth.delete_method)))
    require(required, exchange.headers.get, "header", status=403)
    if hosts.delete(token) is None:
        raise not_found()  # deleted meanwhile
    return json_answer(200, {"success": True, "status": 200, "data": True})


def _error(exchange: HostExchange, *, flat: bool) -> Answer:
    """A refused upload, ``?status=`` (400 to 599; 400) ``&message=``."""
    status_text = exchange.param("status", "400")
    status = int(status_text) if status_text.isascii() and status_text.isdigit() else 0
    if not 400 <= status <= 599:
        raise HostError(422, "status must be 400 to 599")
    message = exchange.param("message", DEFAULT_ERROR_MESSAGE)
    if flat:
        return json_answer(status, {"status": status, "message": message})
    return json_answer(status, {"error": {"message": message}})


def _redirect(exchange: HostExchange) -> Answer:
    """``?to=URL`` (same origin or not) ``&status=`` (one of :data:`REDIRECT_STATUSES`)."""
    target = exchange.param("to")
    status_text = exchange.param("status", "307")
    if not target:
        raise HostError(422, "to= is required")
    if status_text not in {str(status) for status in REDIRECT_STATUSES}:
        raise HostError(422, f"status must be one of {REDIRECT_STATUSES}")
    return Answer(int(status_text), "text/plain; charset=utf-8", 0, (), (("Location", target),))

"""How the generic test hosts take a request body: a multipart upload (the existing strict
parser, with the file field named by ``?field=``), a raw binary upload, or a document (a
form, a JSON or an XML body) that is echoed back.

Checks come in the ImagePipeline contract's order: credentials in headers and query (401),
then the framing (411 without Content-Length, closing; 413 over the limit), the body's type
(415), the body, the form arguments' credentials (401), then the file itself (413, 415, 422).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from urllib.parse import parse_qsl, unquote
from xml.etree import ElementTree

from .body import spool_file
from .contract import FILE_FIELD, MULTIPART_OVERHEAD, SIGNATURE_LENGTH, FilePart, ReceivedForm
from .hosts import (
    HostExchange,
    HostRequest,
    Hosts,
    checked_image,
    declared_image_type,
    require_arguments,
    require_request_credentials,
)
from .hosts_answers import Answer, HostError, json_answer
from .hosts_replies import MULTIPART_SHAPES, binary
from .multipart import FormReceiver, boundary, media_type

#: How many bytes of text arguments a multipart upload may carry.
ARGUMENT_LIMIT = 64 * 1024
#: The largest form, JSON or XML document taken.
DOCUMENT_LIMIT = 1024 * 1024
_MARKUP_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _too_large(max_bytes: int) -> str:
    return f"File too large: limit is {max_bytes} bytes"


def multipart_upload(
    hosts: Hosts, exchange: HostExchange, record: HostRequest, route: str
) -> Answer:
    """``POST /hosts/<route>``: one file in the multipart field ``?field=`` (``file``),
    text parts as arguments; the reply in the route's shape."""
    require_request_credentials(hosts.auth, exchange)
    max_bytes = exchange.max_bytes
    exchange.framed_length(max_bytes + MULTIPART_OVERHEAD, _too_large(max_bytes))
    form_boundary = boundary(exchange.headers.get("Content-Type"))
    if form_boundary is None:
        raise HostError(415, "expected multipart/form-data with a boundary")
    field = exchange.param("field", FILE_FIELD)
    with spool_file(exchange.storage) as spool:
        receiver = FormReceiver(
            form_boundary, spool, max_bytes, field=field, argument_limit=ARGUMENT_LIMIT
        )
        for chunk in exchange.body.chunks():
            receiver.feed(chunk)
        form = receiver.form
        record.arguments = dict(form.arguments)
        record.file = form.file
        part = _file_part(form, field)
        require_arguments(hosts.auth, record.arguments)
        image_type = checked_image(part, max_bytes)
        upload = hosts.store(route, part, image_type, spool, exchange)
    return MULTIPART_SHAPES[route](upload, exchange)


def _file_part(form: ReceivedForm, field: str) -> FilePart:
    if form.malformed or not form.complete:
        raise HostError(422, "malformed multipart body")
    if form.arguments_overflow:
        raise HostError(413, f"form arguments over {ARGUMENT_LIMIT} bytes")
    if form.stray_files:
        names = ", ".join(repr(name) for name in form.stray_files)
        raise HostError(422, f"unexpected file part {names}: the file goes in field {field!r}")
    if form.file is None:
        raise HostError(422, f"no file in field {field!r}")
    if form.file_parts > 1:
        raise HostError(422, f"expected exactly one file part in field {field!r}")
    return form.file


def binary_upload(hosts: Hosts, exchange: HostExchange, record: HostRequest, name: str) -> Answer:
    """``PUT`` or ``POST /hosts/binary/<name>``: the file is the body, its ``Content-Type``
    an image type matching the bytes."""
    try:
        filename = unquote(name, errors="strict")
    except UnicodeDecodeError:
        filename = ""
    if not filename or "/" in filename:
        raise HostError(404, "Not Found")
    require_request_credentials(hosts.auth, exchange)
    max_bytes = exchange.max_bytes
    exchange.framed_length(max_bytes, _too_large(max_bytes))
    part = record.file = FilePart(filename, media_type(exchange.headers.get("Content-Type")))
    declared_image_type(part.content_type)  # before reading the body
    digest = hashlib.sha256()
    with spool_file(exchange.storage) as spool:
        for chunk in exchange.body.chunks():
            if len(part.head) < SIGNATURE_LENGTH:
                part.head += chunk[: SIGNATURE_LENGTH - len(part.head)]
            part.size += len(chunk)
            spool.write(chunk)
            digest.update(chunk)
        part.sha256 = digest.hexdigest()
        image_type = checked_image(part, max_bytes)
        upload = hosts.store("binary", part, image_type, spool, exchange)
    return binary(upload, exchange)


def _form_fields(raw: bytes) -> dict[str, object]:
    try:
        return dict(parse_qsl(raw.decode(), keep_blank_values=True, strict_parsing=bool(raw)))
    except (UnicodeDecodeError, ValueError):
        raise HostError(422, "malformed form body") from None


def _json_fields(raw: bytes) -> dict[str, object]:
    try:
        document = json.loads(raw)
    except ValueError:
        raise HostError(422, "malformed JSON body") from None
    if not isinstance(document, dict):
        raise HostError(422, "expected a JSON object")
    return document


def _xml_fields(raw: bytes) -> dict[str, object]:
    """The root's tag (``"#root"``) and its children's texts, by tag."""
    if _MARKUP_DECLARATION.search(raw):
        raise HostError(422, "XML declarations (DOCTYPE, ENTITY) are refused")
    try:
        # A loopback test host, on a bounded body without DOCTYPE (so without entities).
        root = ElementTree.fromstring(raw)  # noqa: S314
    except ElementTree.ParseError:
        raise HostError(422, "malformed XML body") from None
    return {"#root": root.tag, **{child.tag: child.text or "" for child in root}}


#: The document routes: the body types each takes, and how its fields are read.
DOCUMENTS: dict[str, tuple[tuple[str, ...], Callable[[bytes], dict[str, object]]]] = {
    "form": (("application/x-www-form-urlencoded",), _form_fields),
    "json-body": (("application/json",), _json_fields),
    "xml-body": (("application/xml", "text/xml"), _xml_fields),
}


def document(hosts: Hosts, exchange: HostExchange, record: HostRequest, route: str) -> Answer:
    """``POST /hosts/form``, ``/hosts/json-body``, ``/hosts/xml-body``: the document is
    echoed as ``{"route", "content_type", "fields", "body"}``; ``?require=a,b`` names the
    fields it must have (422 otherwise)."""
    require_request_credentials(hosts.auth, exchange)
    exchange.framed_length(DOCUMENT_LIMIT, f"document over {DOCUMENT_LIMIT} bytes")
    types, read_fields = DOCUMENTS[route]
    declared = media_type(exchange.headers.get("Content-Type"))
    if declared not in types:
        raise HostError(415, f"Unsupported media type: {declared or '(none)'}; expected {types[0]}")
    raw = record.body = b"".join(exchange.body.chunks())
    fields = read_fields(raw)
    record.arguments = {name: value for name, value in fields.items() if isinstance(value, str)}
    require_arguments(hosts.auth, record.arguments)
    wanted = [name for name in exchange.param("require").split(",") if name]
    missing = [name for name in wanted if name not in fields]
    if missing:
        raise HostError(422, f"missing field(s): {', '.join(missing)}")
    text = raw.decode("utf-8", errors="replace")
    echo = {"route": route, "content_type": declared, "fields": fields, "body": text}
    return json_answer(200, echo)

"""The reply shapes of the generic test hosts: how real hosts say where an upload went.

Every upload's reply also carries its deletion URL in an ``X-Delete-Url`` header (for the
shapes whose body has no room for it; a reader may use ``{header:X-Delete-Url}``).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape as html_escape
from xml.sax.saxutils import escape as xml_escape

from .hosts import HostExchange, HostUpload
from .hosts_answers import HTML, TEXT, XML, Answer, answer, json_answer

DELETE_URL_HEADER = "X-Delete-Url"


def _headers(upload: HostUpload) -> list[tuple[str, str]]:
    return [(DELETE_URL_HEADER, upload.delete_url)]


def nested_json(upload: HostUpload, exchange: HostExchange) -> Answer:
    """Imgur/Chevereto-like: ``{"success": true, "status": 200, "data": {"id", "link",
    "deletehash", "delete_url", "type", "size", "name", "thumb": {"url"}}}``."""
    data = {
        "id": upload.path.stem,
        "link": upload.url,
        "deletehash": upload.deletehash,
        "delete_url": upload.delete_url,
        "type": upload.content_type,
        "size": upload.size,
        "name": upload.filename,
        "thumb": {"url": upload.thumbnail_url},
    }
    return json_answer(200, {"success": True, "status": 200, "data": data}, _headers(upload))


def files_list(upload: HostUpload, exchange: HostExchange) -> Answer:
    """Zipline-like: ``{"files": [{"url", "thumbnail", "delete_url"}]}``."""
    entry = {
        "url": upload.url,
        "thumbnail": upload.thumbnail_url,
        "delete_url": upload.delete_url,
    }
    return json_answer(200, {"files": [entry]}, _headers(upload))


def text(upload: HostUpload, exchange: HostExchange) -> Answer:
    """The URL alone, as ``text/plain``; ``?newline=1`` ends it with a line break."""
    body = upload.url + ("\n" if exchange.param("newline") == "1" else "")
    return answer(200, TEXT, body.encode(), _headers(upload))


def xml(upload: HostUpload, exchange: HostExchange) -> Answer:
    """``<upload><url>…</url><thumbnail>…</thumbnail><delete>…</delete></upload>``."""
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<upload><url>{xml_escape(upload.url)}</url>"
        f"<thumbnail>{xml_escape(upload.thumbnail_url)}</thumbnail>"
        f"<delete>{xml_escape(upload.delete_url)}</delete></upload>\n"
    )
    return answer(200, XML, body.encode(), _headers(upload))


def location(upload: HostUpload, exchange: HostExchange) -> Answer:
    """``201 Created``, the URL in ``Location``, an empty body."""
    return answer(201, TEXT, b"", [("Location", upload.url), *_headers(upload)])


def binary(upload: HostUpload, exchange: HostExchange) -> Answer:
    """``{"url", "thumbnail", "delete_url", "filename", "size"}``."""
    payload = {
        "url": upload.url,
        "thumbnail": upload.thumbnail_url,
        "delete_url": upload.delete_url,
        "filename": upload.filename,
        "size": upload.size,
    }
    return json_answer(200, payload, _headers(upload))


#: The multipart upload routes, by name, and their reply shape.
MULTIPART_SHAPES: dict[str, Callable[[HostUpload, HostExchange], Answer]] = {
    "nested-json": nested_json,
    "files-list": files_list,
    "text": text,
    "xml": xml,
    "location": location,
}


def delete_page(upload: HostUpload) -> Answer:
    """What a browser gets at a deletion URL: a page asking to confirm, deleting nothing."""
    name = html_escape(upload.filename)
    body = (
        "<!DOCTYPE html>\n<html><head><title>Delete file</title></head><body>"
        f"<p>Delete {name}?</p>"
        '<form method="post"><button type="submit">Delete</button></form>'
        "</body></html>\n"
    )
    return answer(200, HTML, body.encode())

"""A strict local implementation of the ImagePipeline upload service.

``SandboxServer`` is a real HTTP/1.1 server on loopback that answers ``POST /upload/image/v1``
and ``GET /health`` the way the contract in ``shared/api`` describes: API key first, then the
request framing, then exactly one ``file`` part whose declared image type must be allowed and
must match the bytes. Accepted images are stored on disk and served back from ``GET /u/<name>``.
The tests, the benchmarks and the app's ``--sandbox`` mode use it instead of the real service.

It is strict on purpose and can inject the faults a real network service shows (latency,
failures with ``Retry-After``, dropped connections, non-JSON answers, redirects, slow reads),
so that clients get tested against them. Bodies are streamed in 64 KiB reads through
python-multipart's streaming parser to a temporary file; no upload is ever held in memory
(only the test hosts' small documents and text arguments are: at most 1 MiB and 64 KiB).

Generic test hosts (custom destinations): ``SandboxServer(hosts=True)``, or
``hosts=HostsAuth(headers={...}, query={...}, form={...}, delete_method=..., delete_headers=...)``
for the credentials they require (401 otherwise; 403 for a deletion), also serves one host of
every request and reply shape under ``/hosts/``, as strict as the contract (Content-Length,
the multipart parser, sniffed image types, ``max_bytes``, methods, 404). ``server.hosts`` holds
``auth`` (changeable while it runs), ``uploads``, ``deleted`` and ``requests`` (each request's
method, target, path, query, headers, arguments, body, file and status); ``server.requests``
records them too. Errors are ``{"error": {"message": ...}}``. Routes (:mod:`.hosts_routes`):

- ``POST /hosts/nested-json`` (multipart, field ``?field=`` or ``file``) →
  ``{"success", "status", "data": {"link", "deletehash", "delete_url", "thumb": {"url"}}}``
- ``POST /hosts/files-list`` → ``{"files": [{"url", "thumbnail", "delete_url"}]}``
- ``POST /hosts/text`` → the URL as ``text/plain``; ``POST /hosts/xml`` →
  ``<upload><url/><thumbnail/><delete/></upload>``; ``POST /hosts/location`` → 201 +
  ``Location``
- ``PUT``/``POST /hosts/binary/<name>`` (the file as the body) → ``{"url", "delete_url", …}``
- ``POST /hosts/form``, ``/hosts/json-body``, ``/hosts/xml-body`` (``?require=a,b``) → an echo
  ``{"route", "content_type", "fields", "body"}``
- ``POST /hosts/error`` → 400 ``{"error": {"message"}}``; ``/hosts/error-flat`` →
  ``{"status", "message"}`` (``?status=&message=``)
- ``/hosts/redirect?to=URL&status=307`` → a redirect to ``to``
- ``GET /hosts/f/<name>``, ``/hosts/thumb/<name>`` → the file; ``/hosts/delete/<deletehash>``
  (in every upload reply and its ``X-Delete-Url`` header) deletes with the configured method
  and credential headers; a ``GET`` without credential is an HTML page, deleting nothing.

Modules: ``contract`` (endpoints, limits, image types, validation, error bodies),
``multipart`` (multipart reception), ``body`` (request bodies and spooling), ``faults`` (fault
injection), ``handler`` (the HTTP request handler), ``server`` (``SandboxServer``); the hosts:
``hosts`` (credentials, state, records), ``hosts_routes`` (routing, deletion, files, errors,
redirects), ``hosts_uploads`` (request bodies), ``hosts_replies`` (reply shapes),
``hosts_answers`` (responses and refusals).

Standalone: ``python -m uploader_gui.sandbox --help``.
"""

from __future__ import annotations

from .faults import Faults
from .hosts import HostRequest, Hosts, HostsAuth, HostUpload
from .server import SandboxServer
from .service import RequestRecord, StoredUpload

__all__ = [
    "Faults",
    "HostRequest",
    "HostUpload",
    "Hosts",
    "HostsAuth",
    "RequestRecord",
    "SandboxServer",
    "StoredUpload",
]

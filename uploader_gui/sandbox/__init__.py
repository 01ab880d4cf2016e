"""A strict local implementation of the ImagePipeline upload service.

``SandboxServer`` is a real HTTP/1.1 server on loopback that answers ``POST /upload/image/v1``
and ``GET /health`` the way the contract in ``shared/api`` describes: API key first, then the
request framing, then exactly one ``file`` part whose declared image type must be allowed and
must match the bytes. Accepted images are stored on disk and served back from ``GET /u/<name>``.
The tests, the benchmarks and the app's ``--sandbox`` mode use it instead of the real service.

It is strict on purpose and can inject the faults a real network service shows (latency,
failures with ``Retry-After``, dropped connections, non-JSON answers, redirects, slow reads),
so that clients get tested against them. Bodies are streamed in 64 KiB reads through
python-multipart's streaming parser to a temporary file; no body is ever held in memory.

Modules: ``contract`` (endpoints, limits, image types, validation, error bodies),
``multipart`` (multipart reception), ``body`` (request bodies and spooling), ``faults`` (fault
injection), ``handler`` (the HTTP request handler), ``server`` (``SandboxServer``).

Standalone: ``python -m uploader_gui.sandbox --help``.
"""

from __future__ import annotations

from .faults import Faults
from .server import SandboxServer
from .service import RequestRecord, StoredUpload

__all__ = ["Faults", "RequestRecord", "SandboxServer", "StoredUpload"]

"""A PicGo-compatible local upload server, off unless the person turns it on.

Editors with a "PicGo" upload button (Obsidian's "Image auto upload" plugin, SiYuan's PicGo
plugin in its "PicGo app" mode, scripts written for PicGo or PicList) send
``POST http://127.0.0.1:36677/upload`` with:

- ``{"list": ["/abs/path/a.png", …]}`` as ``application/json``: upload those files;
- no body (or ``{}``, or an empty list): upload the image on the clipboard;
- ``multipart/form-data`` with one or more files under ``list`` (the Obsidian plugin's remote
  mode), ``files`` (PicGo 2.4 and later) or ``file``: upload those images.

The answer is ``{"success": true, "result": ["url", …]}`` in the order given, or
``{"success": false, "message": "…"}``; when some files fail, ``success`` is false, the
message names each with its reason, and ``result`` holds the URLs that were made.

Refused (each answered in that failure shape, none ever handed to the window): a ``Host``
that is not ``127.0.0.1:PORT`` or ``localhost:PORT`` (403); another address (404) or method
(405); an ``Origin`` other than ``app://obsidian.md`` or a page of this computer, or, without
an ``Origin``, ``Sec-Fetch-Site: cross-site``/``same-site`` (403); a missing or wrong key
when one is set (401); a body that is not JSON, multipart or empty (415), is sent without a
``Content-Length`` (chunked: 411), or is too large (413); a path that is not absolute, or not
a regular readable image file (its reason in the answer, the other files still uploaded).

:class:`PicGoServer` is the server; the window gives it an :class:`UploadBatch`, which it
calls with a :class:`Batch` and which returns an :class:`Outcome` per file.
"""

from __future__ import annotations

from .batch import (
    DEFAULT_MAX_BODY,
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_JSON_BYTES,
    MAX_PATHS,
    Batch,
    Client,
    LocalFile,
    Outcome,
    Source,
    UploadBatch,
)
from .server import DEFAULT_PORT, PicGoServer, PortInUseError, ServerStartError

__all__ = [
    "DEFAULT_MAX_BODY",
    "DEFAULT_PORT",
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_JSON_BYTES",
    "MAX_PATHS",
    "Batch",
    "Client",
    "LocalFile",
    "Outcome",
    "PicGoServer",
    "PortInUseError",
    "ServerStartError",
    "Source",
    "UploadBatch",
]

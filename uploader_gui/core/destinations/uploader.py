"""A custom uploader: how to send one file to a host that is not ImagePipeline, and how to
read its reply. It is what a ShareX ``.sxcu`` file says (:mod:`.sxcu` reads and writes them),
in the current syntax, with our one extension (a deletion *request*).

Every text field that ShareX parses is kept as written (a *template* in ShareX's syntax,
:mod:`.syntax`): input functions such as ``{filename}`` in the request, readers such as
``{json:data.link}`` in the result fields. Nothing here sends anything.

A *secret* is the whole value of a header, an argument or a query parameter (a :data:`Field`)
that holds a credential. It never lives in an :class:`Uploader`: the value there is ``""``, and
the keyring holds it (:mod:`.secrets`), one entry per destination and field; it is put back
only into the request that carries it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final

from ..sniff import ACCEPTED_MIMES


class Section(str, enum.Enum):
    """Where a field of the request lives (the ``.sxcu`` key that holds it)."""

    PARAMETERS = "Parameters"
    HEADERS = "Headers"
    ARGUMENTS = "Arguments"
    #: The headers of the deletion request (:class:`Deletion`).
    DELETION_HEADERS = "DeletionRequest.Headers"


#: A field of the request: its section and its name (``(Section.HEADERS, "Authorization")``).
Field = tuple[Section, str]


class Body(str, enum.Enum):
    """How the request carries the file (``Body`` in a ``.sxcu``)."""

    NONE = "None"
    MULTIPART = "MultipartFormData"
    FORM = "FormURLEncoded"
    JSON = "JSON"
    XML = "XML"
    BINARY = "Binary"


#: The request methods a destination may use.
METHODS: Final = ("POST", "PUT", "PATCH", "GET", "DELETE")

#: Fields whose name says they hold a credential (compared in lower case, as a substring).
SECRET_WORDS: Final = ("key", "token", "secret", "password", "passwd", "auth", "cookie")


def looks_secret(name: str) -> bool:
    """Whether a field named ``name`` holds a credential by its name (``Authorization``,
    ``X-Api-Key``, ``access_token``, ``client_secret``, ``Cookie`` …)."""
    lowered = name.lower()
    return any(word in lowered for word in SECRET_WORDS)


@dataclass(frozen=True)
class Deletion:
    """A deletion request (our extension, ``DeletionRequest`` in a ``.sxcu``; ShareX ignores
    it and opens the deletion URL): sent to the deletion URL the upload's reply gave, which
    must be on the destination's origin."""

    method: str = "DELETE"
    #: ``(name, template)``, in order; a secret value is ``""`` (the keyring holds it).
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Uploader:
    """One custom destination's request and result, as templates."""

    name: str
    #: The request URL template; its scheme, host and port are fixed (no function there).
    request_url: str
    method: str = "POST"
    #: ``(name, template)`` pairs, in order, for each section; secret values are ``""``.
    parameters: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    body: Body = Body.MULTIPART
    arguments: tuple[tuple[str, str], ...] = ()
    #: The multipart field that carries the file (``Body`` MultipartFormData).
    file_form_name: str = ""
    #: The JSON or XML body template (``Body`` JSON or XML).
    data: str = ""
    #: Readers of the reply; ``url`` empty means the whole reply is the URL (as ShareX).
    url: str = ""
    thumbnail_url: str = ""
    deletion_url: str = ""
    error_message: str = ""
    regex_list: tuple[str, ...] = ()
    deletion: Deletion | None = None
    #: The image types it takes (MIME); the service's four unless it says otherwise.
    accepts: frozenset[str] = ACCEPTED_MIMES
    #: The fields whose values are secrets (held by the keyring, ``""`` here).
    secrets: frozenset[Field] = field(default_factory=frozenset)

    def section(self, section: Section) -> tuple[tuple[str, str], ...]:
        if section is Section.PARAMETERS:
            return self.parameters
        if section is Section.HEADERS:
            return self.headers
        if section is Section.DELETION_HEADERS:
            return self.deletion.headers if self.deletion is not None else ()
        return self.arguments

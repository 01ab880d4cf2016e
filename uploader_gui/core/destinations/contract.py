"""One upload to a custom destination: the request its templates make, and what its reply
means (no Qt, no network here: :class:`..client.UploadClient` sends it).

Secrets go only where the destination's origin is: the request URL is rendered and must
still be on that origin (its scheme, host and port hold no function), a deletion URL from a
reply must be on it too, and redirects are never followed. Every error text is redacted of
the secrets (:meth:`CustomContract.redact`), in their raw and URL-encoded forms.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, quote_plus, urlsplit

from ..errors import BadResponseError, ConfigurationError
from ..i18n import translate
from ..text import printable
from ..urls import url_problem
from .outgoing import Outgoing, Part
from .syntax import Encoding, Inputs, Reply, TemplateError, read, render, render_data
from .uploader import Body, Field, Section, Uploader

#: How much of a reply an error quotes when the destination has no error reader.
QUOTED = 200
#: How many secrets as sent (a template such as ``Basic {base64:me:pw}`` filled in) are
#: remembered for redaction, the latest kept.
REMEMBERED = 64


@dataclass(frozen=True)
class Result:
    url: str
    thumbnail_url: str | None = None
    deletion_url: str | None = None


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class CustomContract:
    """Makes a custom destination's requests and reads its replies."""

    def __init__(self, uploader: Uploader, origin_url: str, secrets: Mapping[Field, str]) -> None:
        self.uploader = uploader
        self.origin = origin(origin_url)
        self._secrets = dict(secrets)
        # A secret's template filled in is what was sent: what an echo repeats.
        self._lock = threading.Lock()
        self._sent: dict[str, None] = {}

    # -- what is sent --------------------------------------------------------------------

    def _value(self, section: Section, name: str, template: str) -> str:
        if (section, name) not in self.uploader.secrets:
            return template
        secret = self._secrets.get((section, name))
        if not secret:
            message = translate(
                "Destinations",
                "{destination}: {field} is not set; add it in Settings ▸ Destinations",
            )
            raise ConfigurationError(
                message.format(destination=self.uploader.name, field=f"{section.value} {name}")
            )
        return secret

    def _rendered(self, section: Section, inputs: Inputs) -> list[tuple[str, str]]:
        rendered = []
        for name, template in self.uploader.section(section):
            value = render(self._value(section, name, template), inputs)
            if (section, name) in self.uploader.secrets:
                self._remember(value)
            rendered.append((name, value))
        return rendered

    def _remember(self, sent: str) -> None:
        with self._lock:
            self._sent.pop(sent, None)
            self._sent[sent] = None
            while len(self._sent) > REMEMBERED:
                del self._sent[next(iter(self._sent))]

    def request(self, inputs: Inputs, part: Part) -> Outgoing:
        """The upload request for one file (``part``: its name, stream and type)."""
        uploader = self.uploader
        try:
            url = render(uploader.request_url, inputs, Encoding.URL)
            outgoing = Outgoing(
                uploader.method,
                url,
                params=self._rendered(Section.PARAMETERS, inputs),
                headers=dict(self._rendered(Section.HEADERS, inputs)),
            )
            self._body(outgoing, inputs, part)
        except TemplateError as exc:
            raise ConfigurationError(f"{uploader.name}: {exc}") from None
        self._check_origin(url, uploader.request_url)
        return outgoing

    def _body(self, outgoing: Outgoing, inputs: Inputs, part: Part) -> None:
        body = self.uploader.body
        arguments = dict(self._rendered(Section.ARGUMENTS, inputs))
        if body is Body.MULTIPART:
            outgoing.files = {self.uploader.file_form_name or "file": part}
            outgoing.data = arguments
            outgoing.sends_file = True
        elif body is Body.BINARY:
            outgoing.content = part[1]
            outgoing.headers.setdefault("Content-Type", part[2])
            outgoing.sends_file = True
        elif body is Body.FORM:
            outgoing.data = arguments
        elif body in (Body.JSON, Body.XML):
            encoding = Encoding.JSON if body is Body.JSON else Encoding.XML
            kind = "application/json" if body is Body.JSON else "application/xml"
            outgoing.content = render_data(self.uploader.data, inputs, encoding).encode()
            outgoing.headers.setdefault("Content-Type", kind)

    def _check_origin(self, url: str, template: str) -> None:
        if origin(url) != self.origin:
            message = translate(
                "Destinations",
                "{destination}: the request URL {url} is not on {origin}, where its secrets may go",
            )
            raise ConfigurationError(
                message.format(
                    destination=self.uploader.name, url=printable(template), origin=self.origin
                )
            )

    def deletion(self, deletion_url: str) -> Outgoing:
        """The deletion request for an upload whose reply gave ``deletion_url``."""
        declared = self.uploader.deletion
        if declared is None:
            raise ConfigurationError(
                translate("Destinations", "{destination} declares no deletion request").format(
                    destination=self.uploader.name
                )
            )
        if origin(deletion_url) != self.origin:
            message = translate(
                "Destinations",
                "the deletion URL is on {host}, not on {origin}: its secrets are not sent there",
            )
            host = urlsplit(deletion_url).netloc.rpartition("@")[2]  # where, not as whom
            raise ConfigurationError(self.redact(message.format(host=host, origin=self.origin)))
        # Templates, as the upload's headers are (no file here: {filename} is empty).
        try:
            headers = dict(self._rendered(Section.DELETION_HEADERS, Inputs("")))
        except TemplateError as exc:
            raise ConfigurationError(f"{self.uploader.name}: {exc}") from None
        return Outgoing(declared.method, deletion_url, headers=headers)

    # -- what came back ------------------------------------------------------------------

    def result(self, reply: Reply, inputs: Inputs) -> Result:
        """What a 2xx reply says: the URL (required), thumbnail and deletion URLs (if any,
        and only when they are plain http(s) URLs)."""
        uploader = self.uploader
        url = self._read(uploader.url, reply, inputs) if uploader.url else reply.body.strip()
        problem = url_problem(url)
        if problem is not None:
            what = uploader.url or "{response}"
            message = translate(
                "Destinations",
                "{destination}: {reader} gave no usable URL ({problem}); the reply starts: {start}",
            )
            raise BadResponseError(
                message.format(
                    destination=uploader.name,
                    reader=what,
                    problem=problem,
                    start=self.quote(reply.body),
                )
            )
        return Result(
            url,
            self._optional_url(uploader.thumbnail_url, reply, inputs),
            self._optional_url(uploader.deletion_url, reply, inputs),
        )

    def _optional_url(self, template: str, reply: Reply, inputs: Inputs) -> str | None:
        if not template:
            return None
        value = self._read(template, reply, inputs)
        return value if value and url_problem(value) is None else None

    def _read(self, template: str, reply: Reply, inputs: Inputs) -> str:
        try:
            return read(template, reply, inputs, self.uploader.regex_list).strip()
        except TemplateError:
            return ""

    def error_detail(self, reply: Reply, inputs: Inputs) -> str:
        """Why the destination refused: its error reader's words, else the start of the
        reply; redacted, one line."""
        said = self._read(self.uploader.error_message, reply, inputs) if reply.body else ""
        return self.quote(said or reply.body)

    def quote(self, text: str) -> str:
        text = printable(self.redact(" ".join(text.split())))
        return text if len(text) <= QUOTED else text[: QUOTED - 1] + "…"

    def redact(self, text: str) -> str:
        """``text`` without any of the secrets, as sent or URL-encoded."""
        with self._lock:
            secrets = [*self._secrets.values(), *self._sent]
        for secret in secrets:
            if len(secret) >= 4:
                for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
                    text = text.replace(form, "***")
        return text

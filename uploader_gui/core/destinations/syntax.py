"""ShareX's custom-uploader syntax (``{json:data.link}``, ``{filename}``, …), as current ShareX
reads it (``ShareXSyntaxParser.cs``, ``ShareXCustomUploaderSyntaxParser.cs``,
``CustomUploader/Functions`` in ShareX's ``ShareX.UploadersLib``).

* :func:`render` fills a request template (URL, parameter, header, argument): input functions
  only (``{filename}``, ``{input}``, ``{random:a|b}``, ``{base64:text}``, and ``{json:…}``,
  ``{xml:…}``, ``{regex:…}`` given their input explicitly).
* :func:`read` fills a result template (URL, thumbnail, deletion URL, error message) from the
  reply; a reader that finds nothing gives ``""``, as in ShareX. :func:`explain` says what
  each call gave, or why it gave nothing (the "Test" feature).
* :func:`render_data` fills a JSON or XML body, which ShareX does not parse with this syntax:
  only ``{input}`` and ``{filename}`` are replaced there.
* :func:`check` refuses, before anything is sent, a template that can never work.

``\\`` escapes the next character; ``{``, ``}``, ``|`` and ``\\`` must be escaped to be text.
Functions nest: ``{base64:{filename}}``, ``{json:{response}|files[0].url}``.
"""

from __future__ import annotations

import base64
import enum
import json
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from ..i18n import translate
from .readers_json import read_json
from .readers_regex import read_regex
from .readers_xml import read_xml
from .syntax_check import Side, TemplateError, check, listed_pattern
from .syntax_parse import Call, Node, Text, escape, functions, parse

__all__ = [
    "Encoding",
    "Extraction",
    "Inputs",
    "Reply",
    "TemplateError",
    "check",
    "encode",
    "escape",
    "explain",
    "functions",
    "read",
    "render",
    "render_data",
]

_SYSTEM_RANDOM = random.SystemRandom()


@dataclass(frozen=True)
class Inputs:
    """What the input functions read."""

    #: The name the file is uploaded under (``{filename}``).
    filename: str
    #: ``{input}``: ShareX passes ``""`` for an image or file upload
    #: (``new CustomUploaderInput(fileName, "")``); it is the text or URL for text and URL
    #: destinations.
    input: str = ""


@dataclass(frozen=True)
class Reply:
    """What the readers read: the server's reply."""

    status: int
    #: Looked up case-insensitively.
    headers: Mapping[str, str]
    body: str
    #: ``{responseurl}``: the request URL (redirects are never followed).
    url: str


class Encoding(enum.Enum):
    """How the result of ``{filename}`` and ``{input}`` is escaped where it lands (ShareX
    escapes only those two)."""

    #: Headers, parameters, arguments (the client encodes parameters and arguments itself).
    NONE = "none"
    #: The request URL, and every result template (``URLHelpers.URLEncode``).
    URL = "url"
    #: A JSON body (``URLHelpers.JSONEncode``: a JSON string's content, without the quotes).
    JSON = "json"
    #: An XML body (``SecurityElement.Escape``: ``& < > " '``).
    XML = "xml"


@dataclass(frozen=True)
class Extraction:
    """What one call gave: ``value``, or ``None`` and the ``problem`` (why it gave nothing)."""

    function_text: str
    value: str | None
    problem: str | None = None


_XML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}


def encode(text: str, encoding: Encoding) -> str:
    """``text`` escaped as ShareX escapes an input function's result."""
    if encoding is Encoding.URL:
        return quote(text, safe="")
    if encoding is Encoding.JSON:
        quoted = json.dumps(text, ensure_ascii=False)[1:-1]
        # Newtonsoft also escapes these three (JavaScriptUtils' escape table).
        return (
            quoted.replace("\u0085", "\\u0085")
            .replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029")
        )
    if encoding is Encoding.XML:
        return "".join(_XML_ESCAPES.get(char, char) for char in text)
    return text


@dataclass
class _Run:
    side: Side
    inputs: Inputs
    encoding: Encoding
    rng: random.Random
    reply: Reply | None = None
    regex_list: Sequence[str] = ()
    log: list[Extraction | None] = field(default_factory=list)

    def text(self, nodes: Sequence[Node]) -> str:
        return "".join(node.value if isinstance(node, Text) else self.call(node) for node in nodes)

    def call(self, call: Call) -> str:
        slot = len(self.log)
        self.log.append(None)
        name = self.text(call.name).lower()
        params = None if call.params is None else [self.text(param) for param in call.params]
        value, problem = self.evaluate(name, params or [])
        self.log[slot] = Extraction(call.source, value, problem)
        return value or ""

    def evaluate(self, name: str, params: list[str]) -> tuple[str | None, str | None]:
        if name == "filename":
            return encode(self.inputs.filename, self.encoding), None
        if name == "input":
            # ShareX gives the reply's parser no input: "" in every result template.
            text = self.inputs.input if self.side == "request" else ""
            return encode(text, self.encoding), None
        if name == "random":
            return self.rng.choice(params), None
        if name == "base64":
            if not params[0]:
                return None, translate("Destinations", "the text to encode is empty")
            return base64.b64encode(params[0].encode()).decode("ascii"), None
        return self.evaluate_reader(name, params)

    def evaluate_reader(self, name: str, params: list[str]) -> tuple[str | None, str | None]:
        if name == "json" and len(params) > 1:
            return read_json(params[0], params[1])
        if name == "xml" and len(params) > 1:
            return read_xml(params[0], params[1])
        if name == "regex" and len(params) > 2:
            return read_regex(params[0], listed_pattern(params[1], self.regex_list), params[2])
        reply = self.reply
        if reply is None:  # check() refuses these in a request; a name made at run time
            raise TemplateError(translate("Destinations", "a reader of the reply in a request"))
        if name == "json":
            return read_json(reply.body, params[0])
        if name == "xml":
            return read_xml(reply.body, params[0])
        if name == "regex":
            pattern = listed_pattern(params[0], self.regex_list)
            return read_regex(reply.body, pattern, params[1] if len(params) > 1 else "")
        if name == "header":
            return _header(reply, params[0])
        if name == "response":
            return reply.body, None
        return reply.url, None  # responseurl


def _header(reply: Reply, name: str) -> tuple[str | None, str | None]:
    wanted = name.lower()
    values = [value for key, value in reply.headers.items() if key.lower() == wanted]
    if not values:
        message = translate("Destinations", "the reply has no {name} header")
        return None, message.format(name=name)
    return ",".join(values), None


def render(
    template: str,
    inputs: Inputs,
    encoding: Encoding = Encoding.NONE,
    rng: random.Random | None = None,
) -> str:
    """``template`` (a request field) filled in. :class:`TemplateError` if it can never work
    in a request (:func:`check`): a reader of the reply, a function that asks a person, …"""
    check(template, side="request")
    run = _Run("request", inputs, encoding, rng if rng is not None else _SYSTEM_RANDOM)
    return run.text(parse(template).nodes)


def _read(template: str, reply: Reply, inputs: Inputs, regex_list: Sequence[str]) -> _Run:
    check(template, side="result", regex_list=regex_list)
    run = _Run("result", inputs, Encoding.URL, _SYSTEM_RANDOM, reply, regex_list)
    run.log.append(Extraction("", run.text(parse(template).nodes)))
    return run


def read(template: str, reply: Reply, inputs: Inputs, regex_list: Sequence[str] = ()) -> str:
    """``template`` (a result field) filled in from ``reply``; a reader that finds nothing
    gives ``""``. ``{filename}`` is URL-encoded there, ``{input}`` is ``""`` (as in ShareX).

    With a ``regex_list`` (a ``.sxcu``'s ``RegexList``), ``{regex:N|group}`` whose pattern
    is a number N from 1 to its length runs its Nth pattern (:func:`listed_pattern`); an
    older file's ``$N,G$`` references are written out as ``{regex:pattern|group}``."""
    run = _read(template, reply, inputs, regex_list)
    final = run.log[-1]
    return final.value or "" if final is not None else ""


def explain(
    template: str, reply: Reply, inputs: Inputs, regex_list: Sequence[str] = ()
) -> list[Extraction]:
    """Each call in ``template``, outer before inner, with what it gave from ``reply`` or why
    it gave nothing."""
    run = _read(template, reply, inputs, regex_list)
    return [extraction for extraction in run.log[:-1] if extraction is not None]


_DATA_INPUTS = re.compile(r"\{input\}|\{filename\}", re.IGNORECASE)


def render_data(data: str, inputs: Inputs, encoding: Encoding) -> str:
    """A JSON or XML body (``Data``), filled in as ShareX's ``GetData`` does: ``{input}`` and
    ``{filename}`` replaced (any letter case) by their value escaped for ``encoding``; any
    other brace is text. (ShareX's file-name patterns such as ``%y`` are not supported.)"""

    def value(match: re.Match[str]) -> str:
        text = inputs.input if match.group().lower() == "{input}" else inputs.filename
        return encode(text, encoding)

    return _DATA_INPUTS.sub(value, data)

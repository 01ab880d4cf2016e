"""``{xml:xpath}``: ShareX runs XPath 1.0 (``XPathNavigator.SelectSingleNode`` from the
document) and takes the node's text; here the path is checked against the subset that
:mod:`xml.etree.ElementTree` evaluates the same way, and evaluated by it:

* absolute (``/a/b``), descendant (``//b``, ``a//b``) and relative (``a/b``, read from the
  document as ShareX does) paths of names, ``*``, ``.`` and ``..``;
* predicates ``[n]``, ``[last()]``, ``[last()-n]`` (first on a named step), ``[@name]``,
  ``[@name='v']``, ``[name]``, ``[name='v']``, ``[.='v']``;
* a last step ``@name`` (an attribute's value) or ``text()``.

Anything else (functions, axes such as ``following-sibling::``, unions, ``and``/``or``,
``!=``, prefixed names, whose namespace ShareX cannot resolve either) is refused with a reason,
not guessed at. The text of an element is its descendants' text without whitespace-only
pieces, as .NET's ``XPathDocument`` keeps no whitespace-only nodes.

A reply that declares a document type (``<!DOCTYPE``, ``<!ENTITY``) is refused before it is
parsed: entity expansion ("billion laughs") could exhaust memory, and no upload reply needs a
DTD. Python's expat also limits entity amplification, but nothing relies on it alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..i18n import translate

_NAME = r"[^\W\d][\w.\-]*"
_QUOTED = r"(?:'[^']*'|\"[^\"]*\")"
#: A position, only as a named step's first predicate: ElementTree counts the siblings with
#: the step's tag, which is XPath's count only there (not after ``*`` or another predicate).
_POSITION = r"\[(?:[1-9][0-9]*|last\(\)(?:-[0-9]+)?)\]"
_FILTER = rf"\[(?:@{_NAME}(?:={_QUOTED})?|{_NAME}(?:={_QUOTED})?|\.={_QUOTED})\]"
_STEP = re.compile(rf"{_NAME}(?:{_POSITION})?(?:{_FILTER})*|\*(?:{_FILTER})*|\.|\.\.")
_ATTRIBUTE = re.compile(rf"@({_NAME})")
_DOCUMENT = "\x00document"
_REFUSED_DECLARATIONS = ("<!DOCTYPE", "<!ENTITY")


class XPathError(ValueError):
    """An XPath that ShareX fails on, or that uploader-gui does not evaluate."""


@dataclass(frozen=True)
class XPath:
    """A checked path: ElementTree's path from the document, and what to take from the
    elements it finds (their text, an attribute, or their first text node)."""

    elements: str
    take: str = "element"
    attribute: str = ""


def _split(path: str) -> list[str]:
    """``path``'s steps, split at each ``/`` outside brackets and quotes."""
    steps: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for char in path:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "/" and depth == 0:
            steps.append("".join(current))
            current = []
            continue
        current.append(char)
    steps.append("".join(current))
    return steps


def _refused(step: str) -> XPathError:
    if ":" in step and "::" not in step:
        message = translate(
            "Destinations",
            "the step {step} has a prefix, which ShareX cannot resolve (it gives no namespace map)",
        )
    else:
        message = translate(
            "Destinations",
            "the step {step} is XPath that uploader-gui does not evaluate: it reads names, *, "
            "., .., //, the predicates [n] and [last()] (first, after a name), [@name], "
            "[@name='v'], [name], [name='v'], [.='v'], and a last step @name or text()",
        )
    return XPathError(message.format(step=repr(step)))


def compile_xpath(xpath: str) -> XPath:
    """``xpath`` checked and turned into an ElementTree path (:class:`XPathError` if not)."""
    text = xpath.strip()
    if not text:
        raise XPathError(translate("Destinations", "the XPath is empty"))
    if text in ("/", "."):
        return XPath(".")
    prefix, rest = (".//", text[2:]) if text.startswith("//") else ("./", text.lstrip("/"))
    steps = _split(rest)
    take, attribute = "element", ""
    last = steps[-1]
    attribute_match = _ATTRIBUTE.fullmatch(last)
    if attribute_match or last == "text()":
        take = "attribute" if attribute_match else "text"
        attribute = attribute_match.group(1) if attribute_match else ""
        steps = steps[:-1]
        if not steps or steps == [""]:
            if prefix == "./":
                message = translate("Destinations", "the document itself has no {what}")
                raise XPathError(message.format(what=last))
            steps = ["*"]
        elif steps[-1] == "":
            steps.append("*")
    for index, step in enumerate(steps):
        descendant = step == "" and 0 < index < len(steps) - 1 and steps[index - 1] != ""
        if not descendant and not _STEP.fullmatch(step):
            raise _refused(step)
    return XPath(prefix + "/".join(steps), take, attribute)


def _string_value(element: ET.Element) -> str:
    return "".join(piece for piece in element.itertext() if piece.strip())


def _first_text(element: ET.Element) -> str | None:
    if element.text:
        return element.text
    for child in element:
        if child.tail:
            return child.tail
    return None


def parse_reply(text: str) -> tuple[ET.Element | None, str | None]:
    """The document element of ``text`` wrapped in a document node, or ``(None, why not)``."""
    if any(declaration in text for declaration in _REFUSED_DECLARATIONS):
        return None, translate(
            "Destinations",
            "the XML declares a document type (DOCTYPE or ENTITY), which is refused: its "
            "entities could expand without limit",
        )
    try:
        root = ET.fromstring(text.removeprefix("\ufeff"))  # noqa: S314 - refused above
    except ET.ParseError as error:
        return None, translate("Destinations", "the text is not XML: {error}").format(error=error)
    document = ET.Element(_DOCUMENT)
    document.append(root)
    return document, None


def read_xml(text: str, xpath: str) -> tuple[str | None, str | None]:
    """What ``{xml:xpath}`` reads from ``text``: ``(value, None)`` or ``(None, why not)``."""
    if not text:
        return None, translate("Destinations", "the text to read is empty")
    try:
        path = compile_xpath(xpath)
    except XPathError as error:
        return None, str(error)
    document, problem = parse_reply(text)
    if document is None:
        return None, problem
    if path.elements == ".":
        return _string_value(document), None
    for element in document.iterfind(path.elements):
        if path.take == "element":
            return _string_value(element), None
        value = element.get(path.attribute) if path.take == "attribute" else _first_text(element)
        if value is not None:
            return value, None
    message = translate("Destinations", "the XML has nothing at {xpath}")
    return None, message.format(xpath=xpath)

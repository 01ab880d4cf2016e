"""``{json:path}``: the JSONPath that ShareX runs (Newtonsoft.Json's ``SelectToken``), the part
of it that picks one value: ``name.name``, ``[n]`` and ``['name']`` after an implied ``$.``.

Newtonsoft also knows wildcards (``*``, ``[*]``), recursive search (``..``), several names or
indexes (``['a','b']``, ``[0,1]``), slices (``[0:2]``) and filters (``[?(…)]``); they select any
number of values, and ShareX fails on more than one ("Path returned multiple tokens"). They
are refused with a reason rather than half-supported. What Newtonsoft itself refuses is
refused too: ``["name"]`` (it reads only single quotes) and a negative index (it throws).
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal

from ..i18n import translate

#: A step: a property name (str) or an array index (int).
Step = str | int

_NAME_END = ".[]() "
_INDEX = re.compile(r"-?[0-9]+")
_QUOTED_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r"}


class PathError(ValueError):
    """A JSON path that ShareX would fail on, or that reads several values."""


def _unsupported(what: str) -> PathError:
    message = translate(
        "Destinations",
        "it uses {what}, which selects several values: ShareX fails on more than one, and "
        "uploader-gui reads only names, [n] and ['name']",
    )
    return PathError(message.format(what=what))


def compile_path(path: str) -> tuple[Step, ...]:
    """The steps of ``path`` as ShareX reads it (``$.`` put in front unless it is there)."""
    if not path:
        raise PathError(translate("Destinations", "the JSON path is empty"))
    full = path if path.startswith("$.") else "$." + path
    steps: list[Step] = []
    i = 1
    while i < len(full):
        char = full[i]
        if char == ".":
            i = _dot_step(full, i, steps)
        elif char == "[":
            i = _indexer(full, i, steps)
            if i < len(full) and full[i] not in ".[ ":
                message = translate("Destinations", "{character} follows an index")
                raise PathError(message.format(character=repr(full[i])))
        elif char == " " and not full[i:].strip(" "):
            break
        elif char == "(":
            raise _unsupported("(…)")
        else:
            message = translate("Destinations", "unexpected {character} in the JSON path")
            raise PathError(message.format(character=repr(char)))
    return tuple(steps)


def _dot_step(full: str, i: int, steps: list[Step]) -> int:
    if full.startswith("..", i):
        raise _unsupported("..")
    start = i = i + 1
    while i < len(full) and full[i] not in _NAME_END:
        i += 1
    name = full[start:i]
    if name == "*":
        raise _unsupported("*")
    if name:
        steps.append(name)
    elif i >= len(full) or full[i] == " ":
        raise PathError(translate("Destinations", "the JSON path ends with a dot"))
    return i


def _indexer(full: str, i: int, steps: list[Step]) -> int:
    """Reads ``[…]`` at ``i``; returns the index after ``]``."""
    i += 1
    while i < len(full) and full[i] == " ":
        i += 1
    head = full[i : i + 1]
    if head == "'":
        name, i = _quoted(full, i)
        while i < len(full) and full[i] == " ":
            i += 1
        if full[i : i + 1] == ",":
            raise _unsupported("['a','b']")
        steps.append(name)
    elif head == '"':
        raise PathError(
            translate(
                "Destinations", "ShareX reads only single quotes: write ['name'], not [\"name\"]"
            )
        )
    elif head in ("?", "("):
        raise _unsupported("[?(…)]")
    else:
        end = full.find("]", i)
        content = full[i:end].strip(" ") if end >= 0 else ""
        if end >= 0 and (":" in content or "," in content or content == "*"):
            raise _unsupported(f"[{content}]")
        if end < 0 or not _INDEX.fullmatch(content):
            raise PathError(translate("Destinations", "an index in the JSON path is not a number"))
        if content.startswith("-"):
            raise PathError(translate("Destinations", "a negative index, which ShareX fails on"))
        steps.append(int(content))
        i = end
    if full[i : i + 1] != "]":
        raise PathError(translate("Destinations", "an index in the JSON path is not closed"))
    return i + 1


def _quoted(full: str, i: int) -> tuple[str, int]:
    """The name in quotes at ``i`` (Newtonsoft's escapes); the index after the quote."""
    out: list[str] = []
    i += 1
    while i < len(full):
        char = full[i]
        if char == "\\" and i + 1 < len(full):
            escaped = full[i + 1]
            if escaped in "\\\"'/":
                out.append(escaped)
            elif escaped in _QUOTED_ESCAPES:
                out.append(_QUOTED_ESCAPES[escaped])
            else:
                message = translate("Destinations", "unknown escape \\{character} in a name")
                raise PathError(message.format(character=escaped))
            i += 2
        elif char == "'":
            return "".join(out), i + 1
        else:
            out.append(char)
            i += 1
    raise PathError(translate("Destinations", "a quoted name in the JSON path is not closed"))


def select(document: object, steps: tuple[Step, ...]) -> tuple[bool, object]:
    """``(True, value)`` at ``steps`` in ``document``, or ``(False, None)``."""
    current = document
    for step in steps:
        if isinstance(step, int):
            if not isinstance(current, list) or step >= len(current):
                return False, None
            current = current[step]
        else:
            if not isinstance(current, dict) or step not in current:
                return False, None
            current = current[step]
    return True, current


def as_text(value: object) -> tuple[str | None, str | None]:
    """A JSON value as ShareX turns it into text (``(string)JToken``): ``(text, None)`` or
    ``(None, why not)``."""
    if value is None:
        return None, translate("Destinations", "the value there is null")
    if isinstance(value, bool):
        return ("True" if value else "False"), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        return dotnet_double(value), None
    if isinstance(value, str):
        return value, None
    if isinstance(value, dict):
        return None, translate("Destinations", "the value there is an object, not a text")
    return None, translate("Destinations", "the value there is a list, not a text")


def dotnet_double(value: float) -> str:
    """``value`` as .NET writes a double (shortest round trip; exponent form from 1E-05 down
    and from 1E+15 up, written ``1E+15``)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    number = Decimal(repr(value))
    exponent = number.adjusted()
    if -5 < exponent < 15:
        text = format(number, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    digits = "".join(map(str, number.as_tuple().digits)).rstrip("0") or "0"
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    sign = "-" if number < 0 else ""
    return f"{sign}{mantissa}E{'+' if exponent >= 0 else '-'}{abs(exponent):02d}"


def read_json(text: str, path: str) -> tuple[str | None, str | None]:
    """What ``{json:path}`` reads from ``text``: ``(value, None)`` or ``(None, why not)``."""
    if not text:
        return None, translate("Destinations", "the text to read is empty")
    try:
        steps = compile_path(path)
    except PathError as error:
        return None, str(error)
    try:
        document = json.loads(text.removeprefix("\ufeff"))  # a BOM, as Newtonsoft skips it
    except (ValueError, RecursionError) as error:
        message = translate("Destinations", "the text is not JSON: {error}")
        return None, message.format(error=error)
    found, value = select(document, steps)
    if not found:
        message = translate("Destinations", "the JSON has nothing at {path}")
        return None, message.format(path=path)
    return as_text(value)

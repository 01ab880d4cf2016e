"""``{regex:pattern|group}``: ShareX runs a .NET regular expression (``Regex.Match``, no
options) and takes the whole match or one group, by number or by name.

The pattern is translated to Python's :mod:`re` where the two differ in spelling:
``(?<name>…)`` and ``(?'name'…)`` become ``(?P<name>…)``, ``\\k<name>`` becomes
``(?P=name)``, and .NET's ``\\Z`` (end, or before a final newline) becomes ``(?=\\n?\\Z)``.
Group numbers follow .NET: unnamed groups first, then named ones (Python numbers them in the
order written). What Python cannot run the same way is refused with a reason: Unicode
categories (``\\p{L}``), character-class subtraction (``[a-z-[aeiou]]``), balancing and
numbered named groups (``(?<a-b>…)``, ``(?<2>…)``), and anything :mod:`re` does not compile.

A server reply is searched in its first :data:`MAX_REGEX_INPUT` characters only. Python's
:mod:`re` has no timeout (neither has ShareX's call: it gives none): a pattern that
backtracks catastrophically can still take long on that much text, so the limit bounds the
work, it does not make every pattern fast.
"""

from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass

from ..i18n import translate

#: How much of a text a regex reader searches (characters).
MAX_REGEX_INPUT = 1 << 20

_NUMBER = re.compile(r"\s*[+-]?[0-9]+\s*")


class PatternError(ValueError):
    """A pattern that ShareX's .NET regex and Python's :mod:`re` do not read alike."""


@dataclass(frozen=True)
class DotnetRegex:
    pattern: re.Pattern[str]
    #: The Python group number of each .NET group number (index 0 is the whole match).
    numbers: tuple[int, ...]

    def group(self, group: str) -> int | str | None:
        """The Python group for ShareX's ``group`` (a number or a name), or ``None`` when the
        pattern has no such group (.NET then gives ``""``)."""
        if _NUMBER.fullmatch(group):
            number = int(group)
            return self.numbers[number] if 0 <= number < len(self.numbers) else None
        return group if group in self.pattern.groupindex else None


def _unsupported(what: str) -> PatternError:
    message = translate(
        "Destinations", "it uses {what}, which Python's regular expressions do not run as .NET does"
    )
    return PatternError(message.format(what=what))


def _group_name(pattern: str, start: int, close: str) -> tuple[str, int]:
    end = pattern.find(close, start)
    if end < 0:
        raise PatternError(translate("Destinations", "a group name is not closed"))
    name = pattern[start:end]
    if "-" in name:
        raise _unsupported(f"a balancing group ({name})")
    if name.isdigit():
        raise _unsupported(f"a numbered group ({name})")
    return name, end + 1


def _escape(pattern: str, i: int, in_class: bool) -> tuple[str, int]:
    """The translation of the escape at ``i``, and the index after it."""
    following = pattern[i + 1 : i + 2]
    if following in ("p", "P") and pattern[i + 2 : i + 3] == "{":
        raise _unsupported("\\p{…}")
    if not in_class and following == "k" and pattern[i + 2 : i + 3] in ("<", "'"):
        name, end = _group_name(pattern, i + 3, ">" if pattern[i + 2] == "<" else "'")
        return f"(?P={name})", end
    if not in_class and following == "Z":
        return r"(?=\n?\Z)", i + 2
    return pattern[i : i + 2], i + 2


def translate_pattern(pattern: str) -> str:
    """``pattern`` (.NET) spelled for Python's :mod:`re`."""
    out: list[str] = []
    i, in_class, class_start = 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            piece, i = _escape(pattern, i, in_class)
            out.append(piece)
            continue
        if in_class:
            if char == "[" and pattern[i - 1 : i] == "-":
                raise _unsupported("character-class subtraction")
            if char == "]" and i > class_start:
                in_class = False
        elif char == "[":
            in_class = True
            class_start = i + (2 if pattern[i + 1 : i + 2] == "^" else 1)
        elif pattern.startswith("(?<", i) and pattern[i + 3 : i + 4] not in ("=", "!"):
            name, i = _group_name(pattern, i + 3, ">")
            out.append(f"(?P<{name}>")
            continue
        elif pattern.startswith("(?'", i):
            name, i = _group_name(pattern, i + 3, "'")
            out.append(f"(?P<{name}>")
            continue
        out.append(char)
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=256)
def compile_dotnet(pattern: str) -> DotnetRegex:
    """``pattern`` compiled (cached); :class:`PatternError` when it cannot be run alike."""
    if not pattern:
        raise PatternError(translate("Destinations", "the pattern is empty"))
    translated = translate_pattern(pattern)
    try:
        with warnings.catch_warnings():
            # "Possible nested set" and the like: a warning, and .NET reads those as written.
            warnings.simplefilter("ignore")
            compiled = re.compile(translated)
    except re.error as error:
        message = translate(
            "Destinations", "it is not a regular expression Python can run: {error}"
        )
        raise PatternError(message.format(error=error)) from None
    named = sorted(set(compiled.groupindex.values()))
    unnamed = [number for number in range(1, compiled.groups + 1) if number not in named]
    return DotnetRegex(compiled, (0, *unnamed, *named))


def read_regex(text: str, pattern: str, group: str) -> tuple[str | None, str | None]:
    """What ``{regex:…}`` reads from ``text``: ``(value, None)`` or ``(None, why not)``."""
    if not text:
        return None, translate("Destinations", "the text to read is empty")
    try:
        regex = compile_dotnet(pattern)
    except PatternError as error:
        return None, str(error)
    match = regex.pattern.search(text[:MAX_REGEX_INPUT])
    if match is None:
        return None, translate("Destinations", "the pattern does not match")
    if not group:
        return match.group(0), None
    wanted = regex.group(group)
    if wanted is None:
        message = translate("Destinations", "the pattern has no group {group}")
        return None, message.format(group=group)
    return match.group(wanted) or "", None

"""The functions of ShareX's syntax and the static check of a template (see :mod:`.syntax`).

ShareX fails an upload on an empty or unknown function name and on too few parameters
(``ShareXCustomUploaderSyntaxParser.CallFunction``), and on a reader of the reply used in the
request (the request has no reply: a NullReferenceException). It forgives a stray ``}`` or
``|`` (the rest of the text is dropped) and an unclosed ``{``; those are refused here too, as
the text sent would not be the text written. Functions that ask a person are refused: an
upload here runs without one.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..i18n import translate
from .readers_json import PathError, compile_path
from .readers_regex import DotnetRegex, PatternError, compile_dotnet
from .readers_xml import XPathError, compile_xpath
from .syntax_parse import Call, literal, parse
from .syntax_parse import calls as all_calls

Side = Literal["request", "result"]


class TemplateError(ValueError):
    """A template that can never work; ``str()`` is a sentence for a person, ``function`` the
    call it is about (as written), when it is about one."""

    def __init__(self, message: str, function: str | None = None) -> None:
        super().__init__(message)
        self.function = function


class Kind(enum.Enum):
    #: Reads the upload's own values (file name, input) or none (random, base64).
    INPUT = "input"
    #: Reads the server's reply.
    READER = "reader"
    #: Asks a person (a dialog in ShareX).
    PROMPT = "prompt"


@dataclass(frozen=True)
class Function:
    min_params: int
    kind: Kind
    #: Whether a call with this many parameters reads the reply (not an input it is given).
    reads_reply: Callable[[int], bool] = lambda count: False


def _always(count: int) -> bool:
    return True


#: ShareX's functions (``CustomUploader/Functions``), by lower-case name, with the aliases.
FUNCTIONS: dict[str, Function] = {
    "response": Function(0, Kind.READER, _always),
    "responseurl": Function(0, Kind.READER, _always),
    "header": Function(1, Kind.READER, _always),
    "json": Function(1, Kind.READER, lambda count: count < 2),
    "xml": Function(1, Kind.READER, lambda count: count < 2),
    "regex": Function(1, Kind.READER, lambda count: count < 3),
    "filename": Function(0, Kind.INPUT),
    "input": Function(0, Kind.INPUT),
    "random": Function(2, Kind.INPUT),
    "base64": Function(1, Kind.INPUT),
    "inputbox": Function(0, Kind.PROMPT),
    "prompt": Function(0, Kind.PROMPT),
    "select": Function(1, Kind.PROMPT),
    "outputbox": Function(1, Kind.PROMPT),
    # ShareX 15.0's name for outputbox (renamed the day after it was added): still a window.
    "output": Function(1, Kind.PROMPT),
}


def _error(text: str, call: Call, **values: object) -> TemplateError:
    return TemplateError(text.format(function=call.source, **values), call.source)


def _check_shape(call: Call) -> str:
    """The call's lower-case name, after checking how it is written."""
    if not call.closed:
        raise _error(translate("Destinations", "{function} is never closed with }}"), call)
    if call.pipe_in_name:
        message = translate(
            "Destinations", "{function} has a | in its name: escape it as \\| if it is text"
        )
        raise _error(message, call)
    name = call.literal_name
    if name is None:
        message = translate("Destinations", "{function} has its name made by another function")
        raise _error(message, call)
    if not name:
        raise _error(translate("Destinations", "{function} has no function name"), call)
    return name.lower()


def _check_kind(call: Call, name: str, side: Side) -> Function:
    function = FUNCTIONS.get(name)
    if function is None:
        message = translate(
            "Destinations",
            "{function}: ShareX has no function named {name} (escape a literal {{ as \\{{)",
        )
        raise _error(message, call, name=repr(name))
    if function.kind is Kind.PROMPT:
        message = translate(
            "Destinations",
            "{function} asks a person while uploading, which uploader-gui does not do",
        )
        raise _error(message, call)
    count = 0 if call.params is None else len(call.params)
    needed = function.min_params
    if count < needed:
        message = translate(
            "Destinations",
            "{function} needs at least %n parameter(s), separated by |",
            None,
            needed,
        )
        raise _error(message, call)
    if side == "request" and function.reads_reply(count):
        message = translate(
            "Destinations",
            "{function} reads the server's reply, which does not exist yet when the request is "
            "made: use it in URL, ThumbnailURL, DeletionURL or ErrorMessage",
        )
        raise _error(message, call)
    return function


def _check_reader(call: Call, name: str, regex_list: Sequence[str]) -> None:
    """The parameters of a reader, where they are written out (not made by a function)."""
    params = call.params or ()
    texts = [literal(param) for param in params]
    try:
        if name in ("json", "xml"):
            path = texts[1] if len(texts) > 1 else texts[0]
            if path is not None:
                (compile_path if name == "json" else compile_xpath)(path)
        elif name == "regex":
            if len(texts) > 2:
                pattern, group = texts[1], texts[2]
            else:
                pattern, group = texts[0], texts[1] if len(texts) > 1 else ""
            if pattern is not None:
                _check_listed(call, pattern, regex_list)
                _check_group(call, compile_dotnet(listed_pattern(pattern, regex_list)), group)
        elif name == "header" and texts[0] == "":
            raise _error(translate("Destinations", "{function} names no header"), call)
    except (PathError, XPathError, PatternError) as error:
        message = translate("Destinations", "{function} can never read anything: {reason}")
        raise _error(message, call, reason=error) from None


def listed_pattern(pattern: str, regex_list: Sequence[str]) -> str:
    """The pattern ``{regex:N|…}`` runs: with a RegexList, a number N from 1 to its length
    stands for its Nth entry (as an older file's ``$N,G$``); otherwise the pattern itself."""
    text = pattern.strip()
    if regex_list and text.isdigit() and 1 <= int(text) <= len(regex_list):
        return regex_list[int(text) - 1]
    return pattern


def _check_listed(call: Call, pattern: str, regex_list: Sequence[str]) -> None:
    text = pattern.strip()
    if regex_list and text.isdigit() and not 1 <= int(text) <= len(regex_list):
        message = translate(
            "Destinations",
            "{function} takes RegexList entry {number}, but the RegexList has {count}: a "
            "reader that never matches",
        )
        raise _error(message, call, number=text, count=len(regex_list))


def _check_group(call: Call, regex: DotnetRegex, group: str | None) -> None:
    if group and regex.group(group) is None:
        message = translate(
            "Destinations",
            "{function} takes group {group}, which the pattern does not have: a reader that "
            "never matches",
        )
        raise _error(message, call, group=repr(group))


def check_regex_list(regex_list: Sequence[str]) -> None:
    for number, pattern in enumerate(regex_list, 1):
        try:
            compile_dotnet(pattern)
        except PatternError as error:
            message = translate("Destinations", "RegexList entry {number} cannot be run: {reason}")
            raise TemplateError(message.format(number=number, reason=error)) from None


def check(template: str, *, side: Side, regex_list: Sequence[str] = ()) -> None:
    """Raises :class:`TemplateError` for anything in ``template`` that can never work on
    ``side`` (``"request"``: URL, parameters, headers, arguments; ``"result"``: URL,
    thumbnail, deletion URL, error message): an unknown or empty function name, too few
    parameters, an unclosed ``{``, a stray ``}`` or ``|``, a function that asks a person, a
    reader of the reply in a request, a JSON path, XPath or regex that cannot run or a
    regex group the pattern lacks (readers that never match), and a ``regex_list`` entry
    that cannot run."""
    parsed = parse(template)
    for call in all_calls(parsed.nodes):
        name = _check_shape(call)
        function = _check_kind(call, name, side)
        if function.kind is Kind.READER:
            _check_reader(call, name, regex_list)
    if parsed.stray is not None:
        message = translate(
            "Destinations",
            "an unescaped {character} outside a function ends the text in ShareX (the rest, "
            "{rest}, would be dropped): escape it as \\{character}",
        )
        rest = repr(template[parsed.stray_at :])
        raise TemplateError(message.format(character=parsed.stray, rest=rest))
    check_regex_list(regex_list)

"""ShareX's template syntax, parsed as ShareX parses it (``ShareXSyntaxParser.cs``).

``{`` starts a function, ``}`` ends it, ``:`` ends its name, ``|`` separates its parameters
and ``\\`` makes the next character literal. Functions nest anywhere. ShareX forgives three
things that this parse records instead of hiding, so :func:`.syntax.check` can refuse them:
a ``}`` or ``|`` outside any function (ShareX drops the rest of the text), a ``{`` never
closed (ShareX runs the function with what it read) and a ``|`` in a function's name (ShareX
ends the function there).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

#: The characters a literal must escape with ``\\`` (ShareX's docs say the same four).
SPECIAL = "\\{}|"


@dataclass(frozen=True)
class Text:
    """Literal text (escapes already removed)."""

    value: str


@dataclass(frozen=True)
class Call:
    """One function call, ``{name:param|param}``."""

    #: The name's parts: its text, and any function nested in it.
    name: tuple[Node, ...]
    #: ``None`` for ``{name}``; one tuple of nodes per parameter otherwise.
    params: tuple[tuple[Node, ...], ...] | None
    #: The call as written, braces included (to name it in a message).
    source: str
    #: False when the text ended before the closing ``}``.
    closed: bool = True
    #: True when a ``|`` ended the name (ShareX then ends the function there).
    pipe_in_name: bool = False

    @property
    def literal_name(self) -> str | None:
        """The name, or ``None`` when a function inside it makes the name."""
        if all(isinstance(part, Text) for part in self.name):
            return "".join(part.value for part in self.name if isinstance(part, Text))
        return None


Node = Text | Call


@dataclass(frozen=True)
class Parsed:
    nodes: tuple[Node, ...]
    #: Where an unescaped ``}`` or ``|`` ended the top-level text early (ShareX drops the rest).
    stray_at: int | None = None
    #: That character.
    stray: str | None = None


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0

    def sequence(self, in_name: bool) -> tuple[list[Node], str | None]:
        """Nodes up to an unescaped ``}`` or ``|`` (or ``:`` in a name), which is left at
        ``self.i`` and returned; ``None`` at the end of the text."""
        nodes: list[Node] = []
        buffer: list[str] = []
        text = self.text
        while self.i < len(text):
            char = text[self.i]
            if char == "\\":
                if self.i + 1 < len(text):
                    buffer.append(text[self.i + 1])
                self.i += 2
                continue
            if char == "{":
                if buffer:
                    nodes.append(Text("".join(buffer)))
                    buffer = []
                nodes.append(self.call())
                continue
            if char in "}|" or (in_name and char == ":"):
                break
            buffer.append(char)
            self.i += 1
        if buffer:
            nodes.append(Text("".join(buffer)))
        stop = self.text[self.i] if self.i < len(self.text) else None
        return nodes, stop

    def call(self) -> Call:
        """A function starting at the ``{`` at ``self.i``; leaves ``self.i`` after it."""
        start = self.i
        self.i += 1
        name, stop = self.sequence(in_name=True)
        params: list[tuple[Node, ...]] | None = None
        if stop == ":":
            params = []
            while True:
                self.i += 1
                param, stop = self.sequence(in_name=False)
                params.append(tuple(param))
                if stop != "|":
                    break
        closed = stop in ("}", "|")
        end = self.i + 1 if closed else self.i
        self.i = end
        return Call(
            name=tuple(name),
            params=None if params is None else tuple(params),
            source=self.text[start:end],
            closed=closed,
            pipe_in_name=stop == "|" and params is None,
        )


def parse(template: str) -> Parsed:
    """The template's nodes, as ShareX reads them."""
    parser = _Parser(template)
    nodes, stop = parser.sequence(in_name=False)
    if stop is None:
        return Parsed(tuple(nodes))
    return Parsed(tuple(nodes), parser.i, stop)


def calls(nodes: tuple[Node, ...] | list[Node]) -> Iterator[Call]:
    """Every call in ``nodes``, outer before inner, in the order written."""
    for node in nodes:
        if isinstance(node, Call):
            yield node
            yield from calls(node.name)
            for param in node.params or ():
                yield from calls(param)


def literal(nodes: tuple[Node, ...]) -> str | None:
    """The text of ``nodes`` when no function is among them, else ``None``."""
    if all(isinstance(node, Text) for node in nodes):
        return "".join(node.value for node in nodes if isinstance(node, Text))
    return None


def escape(text: str) -> str:
    """``text`` as a literal in a template: each of ``\\ { } |`` gets a ``\\``."""
    return "".join("\\" + char if char in SPECIAL else char for char in text)


def functions(template: str) -> list[str]:
    """The names of the functions ``template`` uses, in order (lower case; a name made by a
    nested function is left out, the nested function is not)."""
    found = []
    for call in calls(parse(template).nodes):
        name = call.literal_name
        if name is not None:
            found.append(name.lower())
    return found

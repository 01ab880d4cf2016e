"""The kinds of rows of the settings table (``settings_table``): what a setting's value is,
how it is read from ``settings.ini`` and written back, and what Settings shows for it.

A :class:`Setting` is a descriptor: an attribute of a class whose instances hold values
(:class:`Holder`: the store, or the snapshot the dialog edits), read and written through
that holder.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar, overload

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
S = TypeVar("S", bound="Setting[Any]")


class Holder(Protocol):
    """Where the values of the rows are."""

    def read(self, setting: Setting[T]) -> T: ...

    def write(self, setting: Setting[T], value: T) -> None: ...


class Tab(enum.Enum):
    """Where Settings shows a setting."""

    GENERAL = "general"
    IMAGES = "images"
    COPYING = "copying"
    NETWORK = "network"
    #: General ▸ Screenshots and other apps.
    SOURCES = "sources"


class Applies(enum.Enum):
    """When a change takes effect."""

    AT_ONCE = "at once"
    #: Files not yet started (those under way finish as they began).
    NOT_STARTED = "files not yet started"
    NEXT_START = "next start"


class Setting(Generic[T]):
    """One row: a value of type ``T`` under ``key``; read and written through the table's
    holder (:meth:`Holder.read`, :meth:`Holder.write`) when used as an attribute."""

    #: The attribute that holds the row (``retries``): set by the class body.
    name = ""

    def __init__(
        self,
        key: str,
        default: T,
        *,
        label: str = "",
        tip: str = "",
        accessible: str = "",
        tab: Tab | None = None,
        applies: Applies = Applies.AT_ONCE,
        private: bool = False,
    ) -> None:
        self.key, self.default = key, default
        #: Texts in context "SettingsDialog" (``accessible``: a screen reader's name).
        self.label, self.tip, self.accessible = label, tip, accessible
        #: ``None``: never shown in Settings.
        self.tab, self.applies, self.private = tab, applies, private

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def parse(self, raw: object) -> T:
        """The value stored as ``raw`` (``None``: nothing stored); the default if invalid."""
        raise NotImplementedError

    def encode(self, value: T) -> object | None:
        """What the file keeps for ``value``; ``None``: refused, the previous one stays."""
        return value

    @overload
    def __get__(self: S, obj: None, owner: type | None = None) -> S: ...

    @overload
    def __get__(self, obj: Holder, owner: type | None = None) -> T: ...

    def __get__(self, obj: Holder | None, owner: type | None = None) -> Any:
        return self if obj is None else obj.read(self)

    def __set__(self, obj: Holder, value: T) -> None:
        obj.write(self, value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r})"


class Flag(Setting[bool]):
    """On or off: a check box."""

    def parse(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return self.default

    def encode(self, value: bool) -> object:
        return bool(value)


def _clamp(raw: object, default: int, low: int, high: int) -> int:
    try:
        number = int(str(raw))
    except (TypeError, ValueError):
        return default
    return min(high, max(low, number))


class Number(Setting[int]):
    """A whole number from ``low`` to ``high``: a spin box."""

    def __init__(
        self, key: str, default: int, *, low: int, high: int, step: int = 1, **row: Any
    ) -> None:
        super().__init__(key, default, **row)
        self.low, self.high, self.step = low, high, step

    def parse(self, raw: object) -> int:
        return _clamp(raw, self.default, self.low, self.high)

    def encode(self, value: int) -> object:
        return _clamp(value, self.default, self.low, self.high)


class Limit(Setting[int | None]):
    """A number from ``low`` to ``high``, or off (``None``, stored as 0): a check box with a
    spin box that offers ``suggested`` when turned on."""

    def __init__(
        self,
        key: str,
        *,
        low: int,
        high: int,
        suggested: int,
        step: int = 1,
        suffix: str = "",
        **row: Any,
    ) -> None:
        super().__init__(key, None, **row)
        self.low, self.high, self.suggested, self.step = low, high, suggested, step
        #: After the number (" px"), in context "SettingsDialog".
        self.suffix = suffix

    def parse(self, raw: object) -> int | None:
        value = _clamp(raw, 0, 0, self.high)
        return value if value >= self.low else None

    def encode(self, value: int | None) -> object:
        return int(value or 0)


def _strip(text: str) -> str:
    return text.strip()


class Text(Setting[str]):
    """Text, cleaned by ``clean`` (``None``: not acceptable); empty reads as the default."""

    def __init__(
        self,
        key: str,
        default: str = "",
        *,
        clean: Callable[[str], str | None] = _strip,
        **row: Any,
    ) -> None:
        super().__init__(key, default, **row)
        self.clean = clean

    def parse(self, raw: object) -> str:
        return (self.clean(raw) if isinstance(raw, str) else None) or self.default

    def encode(self, value: str) -> object | None:
        return self.clean(value)


class Line(Text):
    """A short text the person types in a line of its own (the table gives its editor);
    ``secret`` shows dots but while it is edited; ``placeholder`` is shown while it is empty
    (context "SettingsDialog")."""

    def __init__(
        self,
        key: str,
        default: str = "",
        *,
        secret: bool = False,
        placeholder: str = "",
        **row: Any,
    ) -> None:
        super().__init__(key, default, **row)
        self.secret, self.placeholder = secret, placeholder


class Choice(Setting[E]):
    """One of an enumeration's members, stored by value; ``choices`` gives each one's
    label and tip (context "SettingsDialog")."""

    def __init__(
        self, key: str, default: E, *, choices: tuple[tuple[E, str, str], ...], **row: Any
    ) -> None:
        super().__init__(key, default, **row)
        self.choices = choices

    def parse(self, raw: object) -> E:
        try:
            return type(self.default)(raw)
        except (TypeError, ValueError):
            return self.default

    def encode(self, value: E) -> object:
        return value.value


class Names(Setting[frozenset[str]]):
    """A set of names, stored as a list."""

    def parse(self, raw: object) -> frozenset[str]:
        # A list of one comes back from the INI file as a plain string.
        items = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
        return frozenset(item for item in items if isinstance(item, str) and item)

    def encode(self, value: frozenset[str]) -> object:
        return sorted(value)

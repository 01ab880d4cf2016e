"""What the dialogs answer, as plain data: the window uses these without loading the dialogs.

The dialog widgets themselves (``key_dialog``, ``settings_dialog``) are imported only when a
dialog is opened, which keeps them off the start-up path.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from .setting_kinds import Setting
from .settings_table import ROWS, SettingsTable

T = TypeVar("T")


class KeyChoice(enum.Enum):
    KEY = "key"
    SANDBOX = "sandbox"
    CANCEL = "cancel"


@dataclass(frozen=True)
class KeyAnswer:
    choice: KeyChoice
    key: str = ""
    #: Keep it in the OS keyring (False: this session only).
    remember: bool = True

    def __repr__(self) -> str:  # never show the key
        return f"KeyAnswer({self.choice.value}, remember={self.remember})"


@dataclass(frozen=True)
class KeyCheck:
    """Outcome of Test key: ``accepted`` True/False, or None when the server was unreachable."""

    accepted: bool | None
    message: str


#: ``tester(key, done)`` checks a key in the background and calls ``done`` on the GUI thread.
KeyTester = Callable[[str, Callable[[KeyCheck], None]], None]


class SettingsValues(SettingsTable):
    """What the settings dialog shows and answers: a value for each row of the table, by
    its name (``values.retries``; the default for a row not given), and what is not kept in
    ``settings.ini``. Frozen: :meth:`replace` makes a changed copy."""

    #: The saved link templates, ``(name, template)`` in order (Settings ▸ Copying).
    templates: tuple[tuple[str, str], ...]
    #: Why the API URL cannot be changed now ("sandbox mode"…); empty when it can.
    api_url_fixed_by: str
    #: A proxy password typed now (for the keyring; ``""``: forget the saved one), ``None``
    #: when the saved one (if any) stays.
    proxy_password: str | None
    _values: dict[str, object]

    def __init__(
        self,
        *,
        templates: tuple[tuple[str, str], ...] = (),
        api_url_fixed_by: str = "",
        proxy_password: str | None = None,
        **values: object,
    ) -> None:
        unknown = sorted(set(values) - {row.name for row in ROWS})
        if unknown:
            raise TypeError(f"no such setting: {', '.join(unknown)}")
        shown = {row.name: values.get(row.name, row.default) for row in ROWS}
        for name, value in (
            ("templates", tuple(templates)),
            ("api_url_fixed_by", api_url_fixed_by),
            ("proxy_password", proxy_password),
            ("_values", shown),
        ):
            object.__setattr__(self, name, value)

    @classmethod
    def of(cls, source: SettingsTable) -> SettingsValues:
        """Every row's value as ``source`` (the store) reads it."""
        return cls(**{row.name: source.read(row) for row in ROWS})

    def read(self, setting: Setting[T]) -> T:
        return cast("T", self._values[setting.name])

    def write(self, setting: Setting[T], value: T) -> None:
        raise AttributeError("SettingsValues is frozen: use replace()")

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("SettingsValues is frozen: use replace()")

    def replace(self, **changes: Any) -> SettingsValues:
        """A copy with ``changes`` (rows by name, and the fields above)."""
        fields = {
            "templates": self.templates,
            "api_url_fixed_by": self.api_url_fixed_by,
            "proxy_password": self.proxy_password,
        }
        return SettingsValues(**{**self._values, **fields, **changes})

    def _fields(self) -> tuple[object, ...]:
        return (self._values, self.templates, self.api_url_fixed_by, self.proxy_password)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SettingsValues):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # (mutable parts: compared, never hashed)

    def __repr__(self) -> str:  # a typed password never reaches a log
        shown = {
            **self._values,
            "templates": self.templates,
            "api_url_fixed_by": self.api_url_fixed_by,
            "proxy_password": "***" if self.proxy_password else self.proxy_password,
        }
        return f"SettingsValues({shown})"


@dataclass(frozen=True)
class KeyStatus:
    """What the key section shows: where the key comes from, and what can be done."""

    text: str
    backend: str
    editable: bool  # False when the key comes from the environment
    removable: bool

"""What the dialogs answer, as plain data: the window uses these without loading the dialogs.

The dialog widgets themselves (``key_dialog``, ``settings_dialog``) are imported only when a
dialog is opened, which keeps them off the start-up path.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from ...core.links import LinkStyle
from ...core.network.proxy import ProxyMode


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


@dataclass(frozen=True)
class SettingsValues:
    api_url: str
    concurrency: int
    retries: int
    auto_copy: bool
    link_format: LinkStyle
    reuse_duplicates: bool = True
    resume_unfinished: bool = False
    #: Why the API URL cannot be changed now ("sandbox mode"…); empty when it can.
    api_url_fixed_by: str = ""
    remove_metadata: bool = True
    convert_formats: bool = True
    #: Shrink images larger than this on their long side; ``None``: never.
    max_side: int | None = None
    #: Settings ▸ Network. ``proxy_url`` has no password; ``proxy_password`` is one typed
    #: now (for the keyring), ``None`` when the saved one (if any) stays.
    proxy_mode: ProxyMode = ProxyMode.SYSTEM
    proxy_url: str = ""
    proxy_password: str | None = None
    #: The saved link templates, ``(name, template)`` in order (Settings ▸ Copying).
    templates: tuple[tuple[str, str], ...] = ()
    #: Say when a drop finishes while the window is in the background.
    notifications: bool = True
    #: The window's language (``de``…); empty: the system's. Applies at the next start.
    language: str = ""

    def __repr__(self) -> str:  # a typed password never reaches a log
        shown = {**self.__dict__, "proxy_password": "***" if self.proxy_password else None}
        return f"SettingsValues({shown})"


@dataclass(frozen=True)
class KeyStatus:
    """What the key section shows: where the key comes from, and what can be done."""

    text: str
    backend: str
    editable: bool  # False when the key comes from the environment
    removable: bool

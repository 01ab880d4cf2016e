"""The app's settings, typed, with defaults, in an INI file under the config directory.

The API key and a proxy's password are never stored here: they live in the OS keyring.

The file is the user's alone: ``0600`` in a ``0700`` folder, whatever the umask. A file that
another user can change (it, or its folder, is writable by others or belongs to someone
else) is not believed about what leaves the computer and where it goes
(:data:`PRIVATE_KEYS`): those keys read as their safe defaults until it is fixed, and the
window says so (:attr:`Settings.problem`). The first write repairs it: the folder becomes
the user's alone, and the file is written anew without what it said about those keys.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from ...core.links import LinkFormat
from ...core.network.proxy import ProxyMode, ProxyURLError, check_proxy_url, split_password
from ...core.paths import (
    UnsafeConfig,
    config_dir,
    private_config_dir,
    private_config_file,
    tighten,
    unsafe_config,
)

log = logging.getLogger(__name__)

#: What another user must not decide: how images are prepared (their location and camera
#: details removed), where uploads go and through which proxy, and whether files left
#: unfinished start uploading on their own.
PRIVATE_KEYS = frozenset(
    {
        "images/remove_metadata",
        "images/convert",
        "images/max_side",
        "api/url",
        "network/proxy_mode",
        "network/proxy_url",
        "network/plain_password_ok",
        "uploads/resume_unfinished",
    }
)


def _clamp(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return default
    return min(high, max(low, number))


def _flag(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return default


def proxy_address(value: str) -> str | None:
    """What the settings file may hold for a proxy's address: ``value`` without its password,
    ``""`` for none, or ``None`` when it does not parse (a raw ``@`` or ``/`` in a password
    makes part of the password look like the host: none of it may be stored)."""
    text = value.strip()
    if not text:
        return ""
    try:
        check_proxy_url(text)
    except ProxyURLError:
        return None
    return split_password(text)[0]


class Settings:
    """Typed access to ``settings.ini``; every value falls back to its default if invalid."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.path = (
            config_dir() / "settings.ini" if qsettings is None else Path(qsettings.fileName())
        )
        #: Why the file is not believed about :data:`PRIVATE_KEYS`; ``None``: it is.
        #: Checked before the file is read.
        self.problem: UnsafeConfig | None = unsafe_config(self.path)
        self.store = qsettings or QSettings(str(self.path), QSettings.Format.IniFormat)
        #: Called when :attr:`problem` changes (a write repaired the file).
        self.problem_changed: Callable[[], None] | None = None
        #: Values kept for this session only: the folder is another user's, nothing is
        #: written there.
        self._session: dict[str, object] | None = None
        if self.problem is None and self.path.parent.is_dir():
            # What an older version wrote with the umask's mode (0644): the user's alone.
            with contextlib.suppress(OSError):
                private_config_dir(self.path.parent)
            tighten(self.path)

    def _get(self, key: str, default: object) -> object:
        if self._session is not None and key in self._session:
            return self._session[key]
        if key in PRIVATE_KEYS and self.problem is not None:
            return default  # another user may have written it
        return self.store.value(key, default)

    def _put(self, key: str, value: object) -> None:
        if self._session is None and not self._prepare_write():
            self._session = {}
        if self._session is not None:
            self._session[key] = value
        else:
            self.store.setValue(key, value)

    def _prepare_write(self) -> bool:
        """Before QSettings writes (it makes a lock and a temporary file beside the file,
        with the umask's mode): the folder the user's alone, the file ``0600``. A file
        another user could change is written anew without its :data:`PRIVATE_KEYS`.
        ``False``: the folder is not the user's, nothing may be written there."""
        try:
            if not private_config_dir(self.path.parent):
                return False
        except OSError as exc:
            log.warning("the settings cannot be saved in %s: %s", self.path.parent, exc)
            return False
        if unsafe_config(self.path) is not None:
            kept = {
                key: self.store.value(key)
                for key in self.store.allKeys()
                if key not in PRIVATE_KEYS
            }
            # Now that nobody else can add a file to the folder, start from an empty file
            # of our own: QSettings reads it again before it writes, so nothing another
            # user wrote meanwhile comes back.
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            lock = self.path.with_name(self.path.name + ".lock")  # one left to hold us up
            with contextlib.suppress(FileNotFoundError):
                if os.lstat(lock).st_uid != os.geteuid():
                    lock.unlink()
            self.store.clear()
            for key, value in kept.items():
                self.store.setValue(key, value)
        private_config_file(self.path)
        self._check()
        return True

    def _check(self) -> None:
        problem = unsafe_config(self.path)
        if problem != self.problem:
            self.problem = problem
            if self.problem_changed is not None:
                self.problem_changed()

    @property
    def concurrency(self) -> int:
        return _clamp(self._get("uploads/concurrency", 4), 4, 1, 16)

    @concurrency.setter
    def concurrency(self, value: int) -> None:
        self._put("uploads/concurrency", _clamp(value, 4, 1, 16))

    @property
    def retries(self) -> int:
        return _clamp(self._get("uploads/retries", 3), 3, 0, 10)

    @retries.setter
    def retries(self, value: int) -> None:
        self._put("uploads/retries", _clamp(value, 3, 0, 10))

    @property
    def auto_copy(self) -> bool:
        return _flag(self._get("copy/auto_copy", True), True)

    @auto_copy.setter
    def auto_copy(self, value: bool) -> None:
        self._put("copy/auto_copy", bool(value))

    @property
    def copy_format(self) -> str:
        """The copy format: a built-in's value (``url``, ``markdown``…) or a saved
        template's name (see :class:`~uploader_gui.ui.links.service.LinkService`)."""
        value = self._get("copy/format", LinkFormat.URL.value)
        return value if isinstance(value, str) and value else LinkFormat.URL.value

    @copy_format.setter
    def copy_format(self, value: str) -> None:
        self._put("copy/format", value)

    @property
    def link_format(self) -> LinkFormat:
        """The built-in format chosen; URL when a template is."""
        return LinkFormat.parse(self.copy_format)

    @link_format.setter
    def link_format(self, value: LinkFormat) -> None:
        self.copy_format = value.value

    @property
    def notifications(self) -> bool:
        """Say when a drop finishes while the window is in the background."""
        return _flag(self._get("notifications/enabled", True), True)

    @notifications.setter
    def notifications(self, value: bool) -> None:
        self._put("notifications/enabled", bool(value))

    @property
    def reuse_duplicates(self) -> bool:
        """Offer the earlier URL for bytes already uploaded to the same host."""
        return _flag(self._get("uploads/reuse_duplicates", True), True)

    @reuse_duplicates.setter
    def reuse_duplicates(self, value: bool) -> None:
        self._put("uploads/reuse_duplicates", bool(value))

    @property
    def resume_unfinished(self) -> bool:
        """Start again what the last run left unfinished (else list it with Retry)."""
        return _flag(self._get("uploads/resume_unfinished", False), False)

    @resume_unfinished.setter
    def resume_unfinished(self, value: bool) -> None:
        self._put("uploads/resume_unfinished", bool(value))

    @property
    def remove_metadata(self) -> bool:
        """Remove location and camera details before upload (without re-encoding)."""
        return _flag(self._get("images/remove_metadata", True), True)

    @remove_metadata.setter
    def remove_metadata(self, value: bool) -> None:
        self._put("images/remove_metadata", bool(value))

    @property
    def convert_formats(self) -> bool:
        """Convert HEIC, AVIF, BMP and TIFF to JPEG or PNG (else refuse them)."""
        return _flag(self._get("images/convert", True), True)

    @convert_formats.setter
    def convert_formats(self, value: bool) -> None:
        self._put("images/convert", bool(value))

    @property
    def max_side(self) -> int | None:
        """Shrink images whose long side is larger than this many pixels; ``None``: off."""
        value = _clamp(self._get("images/max_side", 0), 0, 0, 100_000)
        return value if value >= 64 else None

    @max_side.setter
    def max_side(self, value: int | None) -> None:
        self._put("images/max_side", int(value or 0))

    @property
    def api_url(self) -> str:
        value = self._get("api/url", "")
        return value.strip() if isinstance(value, str) else ""

    @api_url.setter
    def api_url(self, value: str) -> None:
        self._put("api/url", value.strip())

    @property
    def proxy_mode(self) -> ProxyMode:
        """Settings ▸ Network: the system's proxy settings, this proxy, or none."""
        value = self._get("network/proxy_mode", ProxyMode.SYSTEM.value)
        try:
            return ProxyMode(str(value))
        except ValueError:
            return ProxyMode.SYSTEM

    @proxy_mode.setter
    def proxy_mode(self, value: ProxyMode) -> None:
        self._put("network/proxy_mode", value.value)

    @property
    def proxy_url(self) -> str:
        """The manual proxy's address, never with a password (that is in the keyring)."""
        value = self._get("network/proxy_url", "")
        return (proxy_address(value) or "") if isinstance(value, str) else ""

    @proxy_url.setter
    def proxy_url(self, value: str) -> None:
        """An address that does not parse is not stored: the previous one stays."""
        address = proxy_address(value)
        if address is not None:
            self._put("network/proxy_url", address)

    @property
    def plain_password_ok(self) -> frozenset[str]:
        """The proxies (``host:port``) the person allowed to receive a password in clear
        text (an ``http://`` or SOCKS proxy on another computer)."""
        value = self._get("network/plain_password_ok", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return frozenset(item for item in items if isinstance(item, str) and item)

    def allow_plain_password(self, address: str) -> None:
        self._put("network/plain_password_ok", sorted(self.plain_password_ok | {address}))

    @property
    def language(self) -> str:
        """The window's language (``de``, ``zh_CN``…); empty: the system's."""
        value = self._get("ui/language", "")
        return value.strip() if isinstance(value, str) else ""

    @language.setter
    def language(self, value: str) -> None:
        self._put("ui/language", value)

    def sync(self) -> None:
        """Write what changed (with the file's mode checked again after)."""
        if self._session is not None:
            return
        self.store.sync()
        tighten(self.path)
        self._check()

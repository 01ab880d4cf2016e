"""The app's settings, typed, with defaults, in an INI file under the config directory.

Every setting is a row of the one table (``ui/base/settings_table.py``); its row is its
accessor here: ``settings.retries`` reads it (its default if missing or invalid) and
``settings.retries = 5`` writes it, and :attr:`Settings.changed` says which key changed. The
API key and a proxy's password are never stored here: they live in the OS keyring.

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
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from ...core.paths import (
    UnsafeConfig,
    config_dir,
    private_config_dir,
    private_config_file,
    tighten,
    unsafe_config,
)
from ..base.setting_kinds import Setting
from ..base.settings_table import PRIVATE_KEYS, SettingsTable

__all__ = ["PRIVATE_KEYS", "Settings"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class Settings(QObject, SettingsTable):
    """Typed access to ``settings.ini``, one attribute per row of the table; every value
    falls back to its default if invalid."""

    #: A write changed what a setting reads: its key (``Settings.retries.key``). Each part
    #: that uses a setting listens for its own keys.
    changed = Signal(str)

    def __init__(self, qsettings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
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

    def read(self, setting: Setting[T]) -> T:
        return setting.parse(self._get(setting.key))

    def write(self, setting: Setting[T], value: T) -> None:
        """Store ``value`` (even the same: a write repairs a file another user could change)
        and say :attr:`changed` if the setting now reads otherwise. A value the row refuses
        (a proxy address that does not parse) is not stored: the previous one stays."""
        stored = setting.encode(value)
        if stored is None:
            return
        before = self.read(setting)
        self._put(setting.key, stored)
        if self.read(setting) != before:
            self.changed.emit(setting.key)

    def _get(self, key: str) -> object:
        """What the file holds for ``key``; ``None``: nothing (or nothing believed)."""
        if self._session is not None and key in self._session:
            return self._session[key]
        if key in PRIVATE_KEYS and self.problem is not None:
            return None  # another user may have written it
        return self.store.value(key)

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

    def sync(self) -> None:
        """Write what changed (with the file's mode checked again after)."""
        if self._session is not None:
            return
        self.store.sync()
        tighten(self.path)
        self._check()

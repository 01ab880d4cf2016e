"""The custom destinations: the one owner of their list and of ``destinations.json``.

The file is small and read at start, and again before a change if another process (an
``--import-destination``) changed it since; it is written whole at each change. Secrets go
to the keyring on its one thread (a failure is said, and the secret is used until the app
quits); they are read back only on that thread, for an upload, a Test or an export.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ...core.credentials import Credentials, NoSecureBackendError
from ...core.destination import Destination
from ...core.destinations.store import (
    Stored,
    destinations_path,
    load_destinations,
    new_key,
    save_destinations,
    secret_user,
)
from ...core.destinations.uploader import Field, Uploader
from ...core.errors import ConfigurationError
from ...core.i18n import translate
from ..base.report import Report
from ..base.workers import BackgroundPool

if TYPE_CHECKING:
    from ...core.destinations.sxcu import Imported

log = logging.getLogger(__name__)

#: What reading a ``.sxcu`` gives: the destination it describes, or why not.
ReadDone = Callable[["Imported | None", "str | None"], None]


class DestinationBook(QObject):
    #: The list or one destination changed: ``key`` ("" when several did).
    changed = Signal(str)

    def __init__(
        self,
        credentials: Credentials,
        keyring: BackgroundPool,
        files: BackgroundPool,
        report: Report,
        parent: QObject | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._credentials, self._keyring, self._files = credentials, keyring, files
        self._report, self._path = report, path
        self._items: list[Stored] = load_destinations(path)
        #: The file as last read or written here: another process (``--import-destination``)
        #: may change it meanwhile, and what it added must not be written over.
        self._seen = self._file_signature()

    def _file_signature(self) -> tuple[int, int, int] | None:
        try:
            info = (self._path or destinations_path()).stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size, info.st_ino

    def refresh(self) -> None:
        """Read the file again if something else changed it since (a small file)."""
        if self._file_signature() == self._seen:
            return
        self._items = load_destinations(self._path)
        self._seen = self._file_signature()
        self.changed.emit("")

    def _write(self, items: list[Stored]) -> None:
        save_destinations(items, self._path)
        self._items = items
        self._seen = self._file_signature()

    @property
    def items(self) -> list[Stored]:
        return list(self._items)

    def find(self, key: str) -> Stored | None:
        return next((item for item in self._items if item.key == key), None)

    def destination(self, key: str) -> Destination | None:
        """The custom destination known as ``key``; ``None`` for none (ImagePipeline)."""
        stored = self.find(key) if key else None
        if stored is None:
            return None
        try:
            return Destination.of_uploader(stored.key, stored.uploader)
        except ConfigurationError as exc:
            log.warning("destination %s cannot be used: %s", stored.uploader.name, exc)
            return None

    # -- changes -------------------------------------------------------------------------

    def save(self, key: str | None, uploader: Uploader, secrets: Mapping[Field, str] | None) -> str:
        """Add (``key`` None) or replace a destination; ``secrets`` (``None``: unchanged)
        go to the keyring. Raises ``OSError`` when the file cannot be written."""
        self.refresh()
        stored = Stored(key or new_key(), uploader)
        before = self.find(stored.key)
        items = [item for item in self._items if item.key != stored.key]
        index = next((i for i, item in enumerate(self._items) if item.key == stored.key), None)
        items.insert(len(items) if index is None else index, stored)
        self._write(items)
        if before is not None:  # a field no longer secret (or gone) leaves the keyring
            self._forget_secrets(stored.key, before.uploader.secrets - uploader.secrets)
        if secrets is not None:
            self._keep_secrets(stored, secrets)
        else:
            self.changed.emit(stored.key)
        return stored.key

    def remove(self, key: str) -> None:
        self.refresh()
        stored = self.find(key)
        if stored is None:
            return
        self._write([item for item in self._items if item.key != key])
        self._forget_secrets(key, stored.uploader.secrets)
        self.changed.emit(key)

    def _forget_secrets(self, key: str, fields: Iterable[Field]) -> None:
        """Delete these secrets of ``key`` from the keyring, on its thread."""
        credentials = self._credentials
        users = [secret_user(key, field) for field in fields]
        if not users:
            return

        def forget() -> None:
            for user in users:
                credentials.delete_secret(user)

        self._keyring.submit(forget, lambda _result, error: self._failed(error))

    def duplicate(self, key: str, name: str) -> str | None:
        """A copy of ``key`` named ``name``, with its secrets (copied on the keyring's
        thread); its key."""
        stored = self.find(key)
        if stored is None:
            return None
        copy = self.save(None, replace(stored.uploader, name=name), None)

        def done(secrets: dict[Field, str] | None, error: BaseException | None) -> None:
            if secrets is None:
                self._failed(error)
                return
            copied = self.find(copy)
            if copied is not None:
                self._keep_secrets(copied, secrets)

        self.secrets(key, done)
        return copy

    # -- secrets and files ---------------------------------------------------------------

    def secrets(
        self, key: str, done: Callable[[dict[Field, str] | None, BaseException | None], None]
    ) -> None:
        """Read ``key``'s secrets on the keyring's thread; ``done`` gets them (those set)."""
        stored = self.find(key)
        fields = sorted(stored.uploader.secrets) if stored is not None else []
        credentials = self._credentials

        def work() -> dict[Field, str]:
            found = {}
            for field in fields:
                value = credentials.secret(secret_user(key, field))
                if value:
                    found[field] = value
            return found

        self._keyring.submit(work, done)

    def _keep_secrets(self, stored: Stored, secrets: Mapping[Field, str]) -> None:
        credentials, key = self._credentials, stored.key
        values = {field: secrets.get(field, "") for field in stored.uploader.secrets}

        def work() -> None:
            failure: Exception | None = None
            for field, value in values.items():
                try:  # each one, whatever happened to the one before (kept for the session)
                    if value:
                        credentials.save_secret(secret_user(key, field), value)
                    else:
                        credentials.delete_secret(secret_user(key, field))
                except Exception as exc:
                    failure = failure or exc
            if failure is not None:
                raise failure

        def done(_result: None, error: BaseException | None) -> None:
            self._failed(error)
            self.changed.emit(key)

        self._keyring.submit(work, done)

    def _failed(self, error: BaseException | None) -> None:
        if error is None:
            return
        title = translate("Destinations", "The destination's secrets were not saved")
        if isinstance(error, NoSecureBackendError):
            text = translate("Destinations", "{error}\n\nThey are used until you quit.")
        else:
            text = translate("Destinations", "{error}")
        self._report.inform(title, text.format(error=error))

    def read_file(self, path: Path, done: ReadDone) -> None:
        """Read and check a ``.sxcu`` in the background; ``done`` gets it, or the reason."""
        from ...core.destinations.sxcu import SxcuError, read_sxcu

        def finished(imported: Imported | None, error: BaseException | None) -> None:
            if imported is not None:
                done(imported, None)
            elif isinstance(error, (SxcuError, OSError)):
                done(None, str(error))
            else:
                done(None, repr(error))

        self._files.submit(lambda: read_sxcu(path), finished)

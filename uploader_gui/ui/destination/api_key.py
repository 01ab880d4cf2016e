"""ImagePipeline's API key in the keyring: saved, removed, described and tested, for the
key controller (:class:`.keys.KeyController`, which owns the destination and its access).

Keyring calls and key checks run on their own threads; a result that arrives after the
destination or the key changed is dropped (the controller's generation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from ...core.credentials import Credentials, KeySource
from ...core.destination import Access, Destination
from ...core.errors import ConfigurationError, KeyRejectedError
from ...core.i18n import translate
from ..base.dialog_types import KeyCheck, KeyStatus
from ..base.dialogs import Dialogs
from ..base.report import Report
from ..base.workers import BackgroundPool

if TYPE_CHECKING:
    from ..uploads.queue import UploadQueue


class ApiKeyStore:
    """The key's keyring side; mixed into the key controller, whose state it uses."""

    status_changed: SignalInstance
    source: KeySource
    _builtin: Destination | None
    _credentials: Credentials
    _backend: str | None
    _backend_known: bool
    _generation: int
    _report: Report
    _dialogs: Dialogs
    _parent: QWidget
    _keyring: BackgroundPool
    _checks: BackgroundPool
    _queue: UploadQueue
    _closed: bool

    @property
    def key_host(self) -> str:
        """``host[:port]`` of ImagePipeline, whose API key this controller asks for."""
        return self._builtin.host if self._builtin is not None else ""

    if TYPE_CHECKING:  # the controller's own

        @property
        def sandboxed(self) -> bool: ...

        def _fresh(self, generation: int) -> bool: ...

        def _changed(self, access: Access | None) -> None: ...

    def _save(self, key: str) -> None:
        destination, credentials, backend = self._builtin, self._credentials, self._backend
        generation = self._generation

        def saved(_result: None, error: BaseException | None) -> None:
            if not self._fresh(generation):
                return
            if error is None:
                self.source = KeySource.KEYRING
                text = translate("Keys", "The API key is saved in {keyring}")
                self._report.status(text.format(keyring=backend))
            else:
                self._report.inform(
                    translate("Keys", "The key was not saved"),
                    translate(
                        "Keys", "{error}\n\nThe key will be used until you quit uploader-gui."
                    ).format(error=error),
                )
            self.status_changed.emit(self.status())

        if destination is not None:
            self._keyring.submit(lambda: credentials.save(destination, key), saved)

    def remove(self) -> None:
        """Forget the key for this API (keyring and session); uploads wait for a new one."""
        if self.source not in (KeySource.KEYRING, KeySource.SESSION):
            return
        host = self.key_host
        if self._backend is not None:
            question = translate("Keys", "The key for {host} will be deleted from {keyring}.")
        else:
            question = translate("Keys", "The key for {host} will be deleted from this session.")
        if not self._dialogs.confirm(
            self._parent,
            translate("Keys", "Remove the API key?"),
            question.format(host=host, keyring=self._backend),
            translate("Keys", "Remove Key"),
        ):
            return
        destination, credentials = self._builtin, self._credentials
        generation = self._generation
        if destination is None:
            return

        def removed(_result: None, error: BaseException | None) -> None:
            if not self._fresh(generation):
                return
            if error is not None:
                title = translate("Keys", "The key was not removed")
                self._report.inform(title, str(error))
                return
            self._changed(None)
            self.source = KeySource.NONE
            text = translate("Keys", "The key for {host} was removed")
            self._report.status(text.format(host=host))
            self.status_changed.emit(self.status())

        self._keyring.submit(lambda: credentials.delete(destination), removed)

    def status(self) -> KeyStatus:
        if self.sandboxed:
            return KeyStatus(
                translate("Keys", "The sandbox needs no key."),
                translate("Keys", "not used"),
                False,
                False,
            )
        if self._backend is not None:
            backend = self._backend
        elif self._backend_known:
            backend = translate("Keys", "no secure keyring")
        else:
            backend = translate("Keys", "not checked yet")
        return KeyStatus(
            translate("Keys", "Key for {host}: {source}.").format(
                host=self.key_host, source=self.source.describe(backend)
            ),
            backend,
            editable=self.source is not KeySource.ENVIRONMENT,
            removable=self.source in (KeySource.KEYRING, KeySource.SESSION),
        )

    def test_key(self, key: str, done: Callable[[KeyCheck], None]) -> None:
        """Ask ``GET /health`` whether ``key`` is accepted, in the background."""
        destination, host = self._builtin, self.key_host
        clients = self._queue.clients

        def work() -> None:
            if destination is None:
                raise ConfigurationError(translate("Keys", "the API URL cannot be used"))
            # Through the proxy uploads use (Settings ▸ Network), not the environment's.
            with clients.probe(destination, key) as client:
                client.check_key()

        def finished(_result: None, error: BaseException | None) -> None:
            if self._closed:
                return
            if error is None:
                text = translate("Keys", "✓ {host} accepts this key.")
                done(KeyCheck(True, text.format(host=host)))
            elif isinstance(error, KeyRejectedError):
                text = translate("Keys", "✗ {host} rejected this key.")
                done(KeyCheck(False, text.format(host=host)))
            else:
                text = translate("Keys", "Could not check the key: {error}")
                done(KeyCheck(None, text.format(error=error)))

        self._checks.submit(work, finished)

"""Where uploads go and with which key: load, ask, test, save and remove it.

:class:`KeyController` is the one owner of the current :class:`.destination.Destination` and
its key, handed out whole as an :class:`.destination.Access` (:attr:`KeyController.access`):
the queue asks for it as each upload starts and keeps no copy. One counter, its generation,
says "the destination or its key changed": keyring calls and key checks run on worker
threads, and a result that arrives after a change is dropped. A rejected key (401) asks once.
The in-process sandbox's lifetime is :class:`.sandbox.SandboxHost`'s; a proxy's password is
kept by :mod:`.proxy_passwords`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.config import ENV_API_KEY, check_api_key
from ...core.credentials import Credentials, KeyLookup, KeySource
from ...core.destination import SANDBOX, Access, Destination
from ...core.errors import ConfigurationError, KeyRejectedError
from ...core.i18n import translate
from ..base.dialog_types import KeyCheck, KeyChoice, KeyStatus
from ..base.dialogs import Dialogs
from ..base.report import Report, Severity, Topic
from ..base.workers import Workers
from ..uploads.queue import UploadQueue

log = logging.getLogger(__name__)


class KeyController(QObject):
    """Owns the destination and its key; tells the queue, asks the user when needed."""

    #: Where the key comes from changed (for the settings dialog): a ``KeyStatus``.
    status_changed = Signal(object)
    #: The destination changed (a new API URL, or the sandbox).
    destination_changed = Signal()
    #: The user wants to fix the API URL in Settings.
    settings_requested = Signal()
    #: The user chose to try the sandbox (in the key dialog).
    sandbox_wanted = Signal()

    def __init__(
        self,
        queue: UploadQueue,
        credentials: Credentials,
        dialogs: Dialogs,
        report: Report,
        workers: Workers,
        api_url: str,
        parent: QWidget,
        *,
        locked: bool = False,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._credentials = credentials
        self._dialogs = dialogs
        self._report = report
        #: The keyring's one thread (it may block on D-Bus: an unlock prompt).
        self.keyring = self._keyring = workers.pool("keyring", 1)
        self._checks = workers.pool("key checks", 1)
        self._parent = parent
        #: The destination: the API URL (Settings, ``--api-url``), made usable; ``None``
        #: while that URL is refused (then :attr:`_refused` is the URL as given).
        self.destination: Destination | None = None
        self._refused = ""
        self._set_url(api_url)
        #: The destination with its key and generation, while there is a key.
        self.access: Access | None = None
        #: ``--api-url`` or ``$IMAGEPIPELINE_API_URL`` chose the URL: settings do not.
        self.locked = locked
        self.source = KeySource.NONE
        self._backend: str | None = None
        self._backend_known = False
        self._asking = False
        self._closed = False
        #: Bumped whenever the destination or the key changes: older results are stale.
        self._generation = 0

    @property
    def api_url(self) -> str:
        """The API URL in use (normalised), or as given while it is refused."""
        return self.destination.url if self.destination is not None else self._refused

    def _set_url(self, api_url: str) -> None:
        try:
            self.destination, self._refused = Destination(api_url), ""
        except ConfigurationError:
            self.destination, self._refused = None, api_url

    @property
    def host(self) -> str:
        """``host[:port]`` of the destination (what history rows and keys are filed under);
        empty while the API URL is not usable."""
        return self.destination.id if self.destination is not None else ""

    @property
    def sandboxed(self) -> bool:
        return self.destination is not None and self.destination.name == SANDBOX

    def close(self) -> None:
        self._closed = True

    def _changed(self, access: Access | None) -> None:
        """The one place the destination or its key changes: a new generation."""
        self._generation += 1
        self.access = (
            None if access is None else Access(access.destination, access.key, self._generation)
        )
        self._queue.destination_changed()

    # -- the destination ---------------------------------------------------------------

    def use_key(
        self, destination: Destination | str, key: str, source: KeySource = KeySource.SESSION
    ) -> None:
        """Upload to ``destination`` (an API URL makes one) with ``key`` from now on:
        queued files start.

        Raises :class:`ConfigurationError` for a URL or key that cannot be used.
        """
        if isinstance(destination, str):
            destination = Destination(destination)
        key = check_api_key(key)
        moved = destination != self.destination
        self.destination, self._refused = destination, ""
        self._changed(Access(destination, key))
        self._queue.hold(None)
        self._report.clear(Topic.API_URL)
        self.source = source
        self.status_changed.emit(self.status())
        if moved:
            self.destination_changed.emit()

    def check_api_url(self) -> bool:
        """Whether the key may go to the API URL. If not, every upload is held, and a notice
        and the waiting rows say why until the URL is changed (Settings ▸ API URL)."""
        if self.destination is not None:
            self._queue.hold(None)
            self._report.clear(Topic.API_URL)
            return True
        try:
            Destination(self._refused)  # says why it is refused
        except ConfigurationError as exc:
            if self.access is not None:
                self._changed(None)
            reason = str(exc)
            held = translate("Keys", "Waiting for a usable API URL: {reason}")
            self._queue.hold(held.format(reason=reason))
            sentence = f"{reason[:1].upper()}{reason[1:]}"
            button: tuple[str, Callable[[], None]] | None
            if self.locked:
                text = translate(
                    "Keys",
                    "Uploads are on hold: the API URL from {option} or {variable} can't be "
                    "used. Start uploader-gui with another one.\n{reason}.",
                ).format(option="--api-url", variable="IMAGEPIPELINE_API_URL", reason=sentence)
                button = None
            else:
                text = translate(
                    "Keys",
                    "Uploads are on hold: the API URL from Settings can't be used.\n{reason}.",
                ).format(reason=sentence)
                button = (translate("Keys", "Open Settings"), self.settings_requested.emit)
            self._report.notice(Topic.API_URL, text, Severity.ERROR, button)
        return False

    def set_api_url(self, api_url: str) -> None:
        """A new API URL from Settings: files not yet sending wait for its key."""
        if self.sandboxed or self.locked or api_url == self.api_url:
            return
        before = self.destination
        self._set_url(api_url)
        if self.destination is not None and self.destination == before:
            return  # the same service, spelled another way
        self._changed(None)
        self.source = KeySource.NONE
        self.destination_changed.emit()
        self.load()

    # -- finding and asking for the key ------------------------------------------------

    def load(self) -> None:
        """Find the key (environment, keyring) in the background; ask when there is none.

        Files dropped meanwhile wait for it. Nothing is looked up for a refused API URL.
        """
        if not self.check_api_url() or self.destination is None:
            return
        destination, credentials = self.destination, self._credentials
        generation = self._generation

        def work() -> tuple[KeyLookup, str | None]:
            lookup = credentials.lookup(destination)
            backend = credentials.backend_name() if credentials.has_secure_backend() else None
            return lookup, backend

        self._keyring.submit(work, lambda result, error: self._loaded(generation, result, error))

    def _fresh(self, generation: int) -> bool:
        """A result asked for in ``generation`` still applies (same destination and key)."""
        return not self._closed and generation == self._generation

    def _loaded(
        self,
        generation: int,
        result: tuple[KeyLookup, str | None] | None,
        error: BaseException | None,
    ) -> None:
        if not self._fresh(generation) or self.sandboxed or self.destination is None:
            return  # closed, or the destination changed meanwhile: this key is for another
        if result is None:
            self.ask(
                translate("Keys", "The keyring could not be read: {error}").format(error=error)
            )
            return
        lookup, self._backend = result
        self._backend_known = True
        if lookup.key is not None:
            try:
                self.use_key(self.destination, lookup.key, lookup.source)
            except ConfigurationError as exc:
                self._report.status(str(exc), 0)
            return
        self.status_changed.emit(self.status())
        self.ask(lookup.problem or "")

    def change(self) -> None:
        if self.source is KeySource.ENVIRONMENT:
            text = translate("Keys", "The key comes from {variable}; change it there")
            self._report.status(text.format(variable=ENV_API_KEY))
            return
        self.ask(translate("Keys", "Paste a new API key."))

    def ask(self, reason: str) -> bool:
        """Ask for a key (once at a time); whether one is now in use."""
        if self._asking or self._closed:
            return False
        self._asking = True
        try:
            answer = self._dialogs.ask_key(
                self._parent, self.host, reason, self._backend, self.test_key
            )
        finally:
            self._asking = False
        if answer.choice is KeyChoice.SANDBOX:
            self.sandbox_wanted.emit()
            return True
        if answer.choice is not KeyChoice.KEY:
            if not self._queue.has_key:
                text = translate(
                    "Keys", "No API key: dropped files wait until you set one (Settings ▸ API Key…)"
                )
                self._report.status(text, 0)
            return False
        try:
            if self.destination is None:
                raise ConfigurationError(translate("Keys", "the API URL cannot be used"))
            self.use_key(self.destination, answer.key)
            self._credentials.use_for_session(self.destination, answer.key)
        except ConfigurationError as exc:  # e.g. a key with spaces
            self._report.status(str(exc), 0)
            return False
        if answer.remember and self._backend is not None:
            self._save(answer.key)
        else:
            self._report.status(translate("Keys", "Using the key for this session only"))
        return True

    def rejected(self) -> None:
        """The server refused the key (401/403): ask once; declining fails those files."""
        if not self.ask(
            translate("Keys", "The API key was rejected by the server. Paste a valid key.")
        ):
            self._queue.give_up_on_key()

    # -- the keyring -------------------------------------------------------------------

    def _save(self, key: str) -> None:
        destination, credentials, backend = self.destination, self._credentials, self._backend
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
        host = self.host
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
        destination, credentials = self.destination, self._credentials
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
                host=self.host, source=self.source.describe(backend)
            ),
            backend,
            editable=self.source is not KeySource.ENVIRONMENT,
            removable=self.source in (KeySource.KEYRING, KeySource.SESSION),
        )

    def test_key(self, key: str, done: Callable[[KeyCheck], None]) -> None:
        """Ask ``GET /health`` whether ``key`` is accepted, in the background."""
        destination, host = self.destination, self.host
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

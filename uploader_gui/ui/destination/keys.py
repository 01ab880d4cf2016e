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
from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.config import ENV_API_KEY, check_api_key
from ...core.credentials import Credentials, KeyLookup, KeySource
from ...core.destination import SANDBOX, Access, Destination
from ...core.destinations.uploader import Field
from ...core.errors import ConfigurationError
from ...core.i18n import translate
from ..base.dialog_types import KeyChoice
from ..base.dialogs import Dialogs
from ..base.report import Report, Severity, Topic
from ..base.workers import Workers
from ..uploads.queue import UploadQueue
from .api_key import ApiKeyStore
from .custom_access import CustomAccess

log = logging.getLogger(__name__)


class KeyController(QObject, ApiKeyStore):
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
        #: ImagePipeline at the API URL (Settings, ``--api-url``), made usable; ``None``
        #: while that URL is refused (then :attr:`_refused` is the URL as given).
        self._builtin: Destination | None = None
        self._refused = ""
        self._set_url(api_url)
        #: The custom destination chosen beside "Copy as", if one is.
        self._custom: Destination | None = None
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
        self._custom_access = CustomAccess(
            credentials,
            self._keyring,
            report,
            self._secrets_loaded,
            queue.hold,
            self.settings_requested.emit,
        )

    @property
    def destination(self) -> Destination | None:
        """Where uploads go now: the custom destination chosen, else ImagePipeline (or the
        sandbox); ``None`` while ImagePipeline's URL is refused."""
        return self._custom if self._custom is not None else self._builtin

    @property
    def api_url(self) -> str:
        """ImagePipeline's API URL (normalised), or as given while it is refused."""
        return self._builtin.url if self._builtin is not None else self._refused

    def _set_url(self, api_url: str) -> None:
        try:
            self._builtin, self._refused = Destination(api_url), ""
        except ConfigurationError:
            self._builtin, self._refused = None, api_url

    @property
    def host(self) -> str:
        """The current destination's id (what history rows are filed under): ImagePipeline's
        ``host[:port]``, a custom destination's key; empty while the API URL is refused."""
        destination = self.destination
        return destination.id if destination is not None else ""

    @property
    def sandboxed(self) -> bool:
        return self._builtin is not None and self._builtin.name == SANDBOX

    @property
    def custom(self) -> Destination | None:
        return self._custom

    def close(self) -> None:
        self._closed = True

    def _changed(self, access: Access | None) -> None:
        """The one place the destination or its key changes: a new generation."""
        self._generation += 1
        self.access = (
            None
            if access is None
            else Access(access.destination, access.key, self._generation, access.secrets)
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
        if destination.name == SANDBOX:
            self._custom = None
        elif self._custom is not None:  # ImagePipeline's key, set while another is in use
            self._builtin, self._refused = destination, ""
            self.source = source
            self.status_changed.emit(self.status())
            return
        moved = destination != self.destination
        self._builtin, self._refused = destination, ""
        self._changed(Access(destination, key))
        self._queue.hold(None)
        self._report.clear(Topic.API_URL)
        self.source = source
        self.status_changed.emit(self.status())
        if moved:
            self.destination_changed.emit()

    def start_with(self, chosen: Destination | None) -> None:
        """At start, before :meth:`load`: uploads go to ``chosen`` (a custom destination
        chosen last time), whose secrets :meth:`load` then reads."""
        if not self.sandboxed and self.access is None:
            self._custom = chosen

    def use_destination(self, chosen: Destination | None, *, reload: bool = False) -> None:
        """Upload to ``chosen``, a custom destination, from now on, or (``None``) to
        ImagePipeline at the API URL. A custom one's secrets are read from the keyring
        first (again with ``reload``: they changed); files not yet sending wait for them.
        Not in the sandbox."""
        if self.sandboxed or (chosen == self._custom and not reload):
            return
        self._custom = chosen
        self._report.clear(Topic.DESTINATION)
        self._changed(None)
        self.source = KeySource.NONE
        self.destination_changed.emit()
        self.load()

    def _secrets_loaded(
        self, generation: int, destination: Destination, secrets: Mapping[Field, str]
    ) -> None:
        if self._fresh(generation) and destination == self._custom:
            self._changed(Access(destination, "", secrets=secrets))
            self._queue.hold(None)

    def check_api_url(self) -> bool:
        """Whether the key may go to the API URL. If not, every upload is held, and a notice
        and the waiting rows say why until the URL is changed (Settings ▸ API URL)."""
        if self.destination is not None:  # (a custom one's origin was checked when made)
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
        before = self._builtin
        self._set_url(api_url)
        if (self._builtin is not None and self._builtin == before) or self._custom is not None:
            return  # the same service, spelled another way (or not the one in use)
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
        if self._custom is not None:
            self._custom_access.load(self._custom, self._generation)
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
                self._parent, self.key_host, reason, self._backend, self.test_key
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
            if self._builtin is None:
                raise ConfigurationError(translate("Keys", "the API URL cannot be used"))
            self.use_key(self._builtin, answer.key)
            self._credentials.use_for_session(self._builtin, answer.key)
        except ConfigurationError as exc:  # e.g. a key with spaces
            self._report.status(str(exc), 0)
            return False
        if answer.remember and self._backend is not None:
            self._save(answer.key)
        else:
            self._report.status(translate("Keys", "Using the key for this session only"))
        return True

    def rejected(self) -> None:
        """The server refused the key (401/403): ask once; declining fails those files. A
        custom destination's secrets are not asked for: a notice says where to fix them."""
        if self._custom is not None:
            self._custom_access.refused(self._custom)
            self._queue.give_up_on_key()
            return
        if not self.ask(
            translate("Keys", "The API key was rejected by the server. Paste a valid key.")
        ):
            self._queue.give_up_on_key()

    # -- the keyring -------------------------------------------------------------------

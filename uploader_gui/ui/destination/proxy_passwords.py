"""A proxy's password, kept in the keyring (never in settings.ini): saved or deleted in the
background on the keyring's one thread; a failure is said (the password is still used this
session)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.credentials import Credentials
from ...core.i18n import translate
from ..base.dialogs import Dialogs
from ..base.workers import BackgroundPool


class ProxyPasswords(QObject):
    #: A short message for the status bar: ``(text, milliseconds)``.
    message = Signal(str, int)

    def __init__(
        self,
        credentials: Credentials,
        keyring: BackgroundPool,
        dialogs: Dialogs,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._credentials, self._keyring = credentials, keyring
        self._dialogs, self._parent = dialogs, parent

    def keep(self, proxy_url: str, password: str) -> None:
        """Save (or, when empty, delete) the password of the user in ``proxy_url``."""
        credentials = self._credentials

        def work() -> str:
            if password:
                credentials.save_proxy_password(proxy_url, password)
            else:
                credentials.delete_proxy_password(proxy_url)
            return credentials.backend_name()

        def done(backend: str | None, error: BaseException | None) -> None:
            if error is None:
                if password:
                    text = translate("Keys", "The proxy's password is saved in {keyring}")
                    self.message.emit(text.format(keyring=backend), 6000)
                return
            self._dialogs.inform(
                self._parent,
                translate("Keys", "The proxy's password was not saved"),
                translate("Keys", "{error}\n\nIt will be used until you quit uploader-gui.").format(
                    error=error
                ),
            )

        self._keyring.submit(work, done)

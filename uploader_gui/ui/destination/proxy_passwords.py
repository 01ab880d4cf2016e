"""A proxy's password, kept in the keyring (never in settings.ini): saved or deleted in the
background on the keyring's one thread; a failure is said (the password is still used this
session)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from ...core.credentials import Credentials
from ...core.i18n import translate
from ..base.report import Report
from ..base.workers import BackgroundPool


class ProxyPasswords(QObject):
    def __init__(
        self,
        credentials: Credentials,
        keyring: BackgroundPool,
        report: Report,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._credentials, self._keyring = credentials, keyring
        self._report = report

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
                    self._report.status(text.format(keyring=backend))
                return
            self._report.inform(
                translate("Keys", "The proxy's password was not saved"),
                translate("Keys", "{error}\n\nIt will be used until you quit uploader-gui.").format(
                    error=error
                ),
            )

        self._keyring.submit(work, done)

"""The in-process sandbox's lifetime: started on request (``--sandbox``, or "Try the
sandbox" in the key dialog), said in a notice, and stopped when the window closes. The
destination controller only learns the sandbox's destination and key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...core.destination import SANDBOX, Destination
from ...core.i18n import translate
from ..base.report import Report, Severity, Topic
from .keys import KeyController

if TYPE_CHECKING:
    from ...sandbox import SandboxServer


class SandboxHost(QObject):
    def __init__(self, keys: KeyController, report: Report, parent: QObject) -> None:
        super().__init__(parent)
        self._keys, self._report = keys, report
        self.server: SandboxServer | None = None
        keys.sandbox_wanted.connect(self.start)

    def start(self) -> None:
        """Run the local test server in-process and upload there; say so visibly."""
        from ...sandbox import SandboxServer

        if self.server is None:
            self.server = SandboxServer().start()
        self._report.notice(
            Topic.SANDBOX,
            translate(
                "Keys",
                "Sandbox mode: uploads go to a local test server at {url}. No account is "
                "needed; its links work only on this computer while the app runs.",
            ).format(url=self.server.url),
            Severity.WARNING,
        )
        self._keys.use_key(Destination(self.server.url, name=SANDBOX), self.server.key)

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

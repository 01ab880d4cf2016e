"""The PicGo-compatible server's life in the window: on while Settings ▸ General says so (or
for one run, ``--serve-picgo``), restarted when its port or key changes, stopped when turned
off and when the window closes. A port another program holds is a notice, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ...core.i18n import translate
from ..base.report import Report, Severity, Topic
from ..settings.store import Settings

if TYPE_CHECKING:
    # The server (http.server, the multipart parser) is loaded when it is first turned on.
    from ...core.picgo import PicGoServer
    from .picgo_bridge import PicGoBridge

#: The settings the server follows.
FOLLOWED = frozenset(
    row.key for row in (Settings.picgo_server, Settings.picgo_port, Settings.picgo_key)
)


class PicGoService(QObject):
    def __init__(
        self,
        settings: Settings,
        make_bridge: Callable[[], PicGoBridge],
        report: Report,
        parent: QObject | None = None,
    ) -> None:
        """``make_bridge`` makes what hands the server's batches to the window (once, when
        the server is first turned on)."""
        super().__init__(parent)
        self._settings, self._make_bridge, self._report = settings, make_bridge, report
        self._bridge: PicGoBridge | None = None
        self._server: PicGoServer | None = None
        self._serving: tuple[int, str | None] | None = None
        #: ``--serve-picgo``: the port for this run, whatever the setting.
        self._for_this_run: int | None = None
        self._closed = False
        settings.changed.connect(self._setting_changed)

    @property
    def server(self) -> PicGoServer | None:
        """The server while it listens."""
        return self._server

    def start(self, port_for_this_run: int | None = None) -> None:
        """As Settings says; or, with ``port_for_this_run`` (``--serve-picgo``), on that port
        for this run whatever the setting (which is left as it is)."""
        self._for_this_run = port_for_this_run
        self.apply()

    def apply(self) -> None:
        """Start, restart or stop the server to match the settings."""
        if self._closed:
            return
        wanted = self._wanted()
        if wanted == self._serving and (wanted is None or self._server is not None):
            return
        self.stop()
        self._serving = wanted
        if wanted is None:
            self._report.clear(Topic.PICGO)
            return
        port, key = wanted
        from ...core.picgo import PicGoServer, ServerStartError

        if self._bridge is None:
            self._bridge = self._make_bridge()
        server = PicGoServer(port, token=key, upload=self._bridge)
        try:
            self._server = server.start()
        except ServerStartError as error:
            text = translate("PicGo", "Other apps cannot upload through uploader-gui: {reason}")
            self._report.notice(Topic.PICGO, text.format(reason=error.message), Severity.WARNING)
            return
        self._report.clear(Topic.PICGO)
        text = translate("PicGo", "Other apps can upload through {url}")
        self._report.status(text.format(url=server.url))

    def stop(self) -> None:
        """Stop listening; requests still waiting are answered that uploader-gui stops
        (their uploads go on, into History)."""
        server, self._server = self._server, None
        if server is not None:
            server.stop()

    def close(self) -> None:
        """The window is closing: stop, and answer every request still waiting."""
        self._closed = True
        self.stop()
        if self._bridge is not None:
            self._bridge.close()

    def _wanted(self) -> tuple[int, str | None] | None:
        settings = self._settings
        if self._for_this_run is not None:
            return self._for_this_run, settings.picgo_key or None
        if not settings.picgo_server:
            return None
        return settings.picgo_port, settings.picgo_key or None

    def _setting_changed(self, key: str) -> None:
        if key in FOLLOWED:
            self.apply()

"""No screenshots on a system without a port: said so, and nothing is grabbed."""

from __future__ import annotations

from ...core.i18n import translate
from ..screenshot import Cancel, Outcome, Shot


class NoScreenshots:
    """:class:`~uploader_gui.platform.screenshot.Screenshots` that always refuses (macOS and
    Windows would ask their own screenshot tools: ``packaging/PORTING.md``)."""

    def take(
        self, interactive: bool = True, parent_window: str = "", cancel: Cancel | None = None
    ) -> Shot:
        message = translate("Sources", "taking a screenshot is not available on this system yet")
        return Shot(Outcome.UNAVAILABLE, message=message)

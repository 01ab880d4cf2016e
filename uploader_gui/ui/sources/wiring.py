"""The sources, attached to the window: File ▸ Take Screenshot… and the PicGo server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from ...platform.chooser import screenshots
from ..base.actions import ActionId
from ..settings.store import Settings
from .picgo_service import PicGoService
from .screenshot import ScreenshotTaker

if TYPE_CHECKING:
    from ..parts import Parts
    from .picgo_bridge import PicGoBridge


@dataclass(frozen=True)
class Sources:
    screenshots: ScreenshotTaker
    picgo: PicGoService


def attach_sources(
    window: QWidget, parts: Parts, settings: Settings, shutting_down: SignalInstance
) -> Sources:
    """Made with the window; the server starts when :meth:`PicGoService.start` is called
    (once the window shows), and both stop when ``shutting_down`` (the window's) fires."""
    taker = ScreenshotTaker(
        window,
        screenshots,
        parts.workers,
        parts.report,
        parts.intake.add_paths,
        lambda: settings.hide_for_screenshot,
    )
    parts.actions.on(ActionId.SCREENSHOT, taker.take)

    def bridge() -> PicGoBridge:
        from .picgo_bridge import PicGoBridge

        return PicGoBridge(
            parts.intake, parts.queue, parts.model, parts.report, parts.links, window
        )

    service = PicGoService(settings, bridge, parts.report, window)
    shutting_down.connect(taker.cancel)
    shutting_down.connect(service.close)
    return Sources(taker, service)

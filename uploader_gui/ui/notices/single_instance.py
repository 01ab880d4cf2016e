"""The notice that says this window takes no files from later starts, and why (another
user's file, a folder that is not private, or another obstacle to the single-window
hand-off)."""

from __future__ import annotations

from ...core.i18n import translate
from ...core.text import printable
from ...platform.instance import Obstacle, Refusal
from ..base.report import Report, Severity, Topic


def show_alone(report: Report, obstacle: Obstacle) -> None:
    """Say that this window takes no files from later starts (and why), until dismissed."""
    report.notice(
        Topic.SINGLE_INSTANCE,
        alone_text(obstacle),
        Severity.WARNING,
        (translate("Notices", "Dismiss"), lambda: report.clear(Topic.SINGLE_INSTANCE)),
    )


def alone_text(obstacle: Obstacle) -> str:
    """Why this window takes no files from later starts, and what that means."""
    if obstacle.kind is Refusal.FOREIGN:
        text = translate(
            "Notices",
            "Another user's file is in the way of the single-window hand-off ({path}): this "
            "window works on its own, and files you open later get windows of their own.",
        )
    elif obstacle.kind is Refusal.NOT_PRIVATE:
        text = translate(
            "Notices",
            "{path} is not a private folder (it is a link or a file, or other users may open "
            "it), so the single-window hand-off is off: this window works on its own. Remove "
            "it, and the next start makes it anew.",
        )
    else:
        text = translate(
            "Notices",
            "The single-window hand-off cannot use {path} ({reason}): this window works on "
            "its own.",
        )
    return text.format(path=printable(obstacle.path), reason=printable(obstacle.reason))

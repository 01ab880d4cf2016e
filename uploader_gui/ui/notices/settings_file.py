"""The notice that says another user can change the settings files, what is not believed
meanwhile, and how to fix it (see :class:`~uploader_gui.core.paths.UnsafeConfig`)."""

from __future__ import annotations

from collections.abc import Callable

from ...core.destinations.store import destinations_path
from ...core.i18n import translate
from ...core.link_templates import templates_path
from ...core.paths import UnsafeConfig, tighten, unsafe_config
from ..base.report import Report, Severity, Topic
from ..settings.preferences import Preferences
from ..settings.store import Settings


def problems(settings: Settings) -> list[UnsafeConfig]:
    """What is wrong with ``settings.ini``, ``templates.json`` and ``destinations.json``, each
    thing once (a folder they are in is named once)."""
    found: list[UnsafeConfig] = []
    files = (templates_path(), destinations_path())
    for problem in (settings.problem, *(unsafe_config(file) for file in files)):
        if problem is not None and all(
            (problem.culprit, problem.kind) != (seen.culprit, seen.kind) for seen in found
        ):
            found.append(problem)
    return found


def notice_text(settings: Settings, found: list[UnsafeConfig]) -> str:
    """What is wrong, what uploader-gui does meanwhile, and how to fix it."""
    sentences = [problem.problem() for problem in found]
    destinations = [p for p in found if p.culprit == destinations_path()]
    others = [p for p in found if p not in destinations]
    if settings.problem is not None:
        sentences.append(
            translate(
                "SettingsFile",
                "So that nobody else decides what leaves your computer or where it goes, "
                "uploader-gui ignores what your settings file says about removing location and "
                "camera details, preparing images, the API URL, the proxy and resuming "
                "unfinished uploads. Until this is fixed, location and camera details are "
                "removed, images are prepared the default way, and uploads go to the default "
                "API URL through the system's proxy settings.",
            )
        )
    elif others:
        sentences.append(
            translate(
                "SettingsFile",
                "Your link templates are still offered: check them in Settings ▸ Copying.",
            )
        )
    if destinations:
        sentences.append(
            translate(
                "SettingsFile",
                "Its custom destinations are not used (they say where your pictures go): check "
                "the file, then run: {command}",
            ).format(command=destinations[0].command())
        )
    if others:
        sentences.append(_fix(others))
    return "\n".join(sentences)


def _fix(found: list[UnsafeConfig]) -> str:
    command = "; ".join(dict.fromkeys(problem.command() for problem in found))
    if any(problem.in_foreign_folder for problem in found):
        return translate(
            "SettingsFile",
            "Nothing can be saved there: changes made in Settings last until uploader-gui "
            "quits. To fix it, run: {command} and start uploader-gui again.",
        ).format(command=command)
    return translate(
        "SettingsFile",
        "To fix it, open Settings and press OK: uploader-gui then writes its settings "
        "again, for you alone. Or check them yourself and run: {command}",
    ).format(command=command)


def show_settings_problems(
    report: Report, settings: Settings, open_settings: Callable[[], None]
) -> None:
    """Show the notice while a settings file is not safe; clear it once it is."""
    found = problems(settings)
    if not found:
        report.clear(Topic.SETTINGS_FILE)
        return
    report.notice(
        Topic.SETTINGS_FILE,
        notice_text(settings, found),
        Severity.WARNING,
        (translate("SettingsFile", "Open Settings"), open_settings),
    )


def watch_settings_files(report: Report, settings: Settings, preferences: Preferences) -> None:
    """Say at start if a settings file is not safe, and again (or no more) whenever the
    settings are written."""
    templates = templates_path()
    if unsafe_config(templates) is None:
        tighten(templates)  # an older version's: the user's alone

    def refresh() -> None:
        show_settings_problems(report, settings, preferences.open)

    settings.problem_changed = refresh
    preferences.saved.connect(refresh)
    refresh()

"""Settings ▸ Destinations ▸ Export…: a destination saved as a ShareX ``.sxcu`` file,
without its secrets unless asked for (they are read from the keyring, on its thread, only
then), written off the GUI thread for the user alone."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QWidget

from ...core.destinations.store import Stored
from ...core.destinations.uploader import Field
from ...core.i18n import translate
from ..base.dialogs import Dialogs
from ..base.report import Report
from ..destination.book import DestinationBook
from ..destination.editor_check import fields_text
from ..destination.jobs import DestinationJobs


def suggested_name(name: str) -> str:
    """A file name for ``name``'s export: "My_host.sxcu"."""
    return (re.sub(r"[^\w.-]+", "_", name).strip("._") or "destination") + ".sxcu"


def _with_secrets(parent: QWidget, stored: Stored, dialogs: Dialogs) -> bool | None:
    """Whether the file holds the secrets (``None``: cancelled); no question without any."""
    uploader = stored.uploader
    if not uploader.secrets:
        return False
    fields = fields_text(uploader.secrets)
    text = translate(
        "Destinations",
        "{name} keeps {fields} in the keyring. Without them, the file can be shared: whoever "
        "imports it types their own.\n\nWith them, anyone who has the file can upload as you: "
        "include them only in a copy you keep private.",
    )
    answer = dialogs.choose(
        parent,
        translate("Destinations", "Export {name}").format(name=uploader.name),
        text.format(name=uploader.name, fields=fields),
        [
            translate("Destinations", "Export Without Secrets"),
            translate("Destinations", "Include Secrets"),
        ],
    )
    return None if answer is None else answer == 1


def export_destination(
    parent: QWidget,
    stored: Stored,
    book: DestinationBook,
    jobs: DestinationJobs,
    dialogs: Dialogs,
    report: Report,
) -> None:
    """Ask whether to include the secrets and where to save, then write the file."""
    include = _with_secrets(parent, stored, dialogs)
    if include is None:
        return
    name = stored.uploader.name
    path = dialogs.save_file(
        parent,
        translate("Destinations", "Export {name}").format(name=name),
        suggested_name(name),
        translate("Destinations", "ShareX custom uploaders (*.sxcu)"),
    )
    if path is None:
        return

    def failed(error: BaseException) -> None:
        text = translate("Destinations", "{file}: {error}").format(file=path, error=error)
        report.inform(translate("Destinations", "Export failed"), text)

    def written(_result: None, error: BaseException | None) -> None:
        if error is not None:
            failed(error)
        elif include:
            text = translate("Destinations", "Exported {name} to {file}, with its secrets")
            report.status(text.format(name=name, file=path))
        else:
            text = translate("Destinations", "Exported {name} to {file}, without secrets")
            report.status(text.format(name=name, file=path))

    def read(found: dict[Field, str] | None, error: BaseException | None) -> None:
        if found is None:  # (Settings may be closed by now: the export goes on)
            failed(error or RuntimeError())
        else:
            jobs.export(path, stored.uploader, found, written)

    if include:
        book.secrets(stored.key, read)
    else:
        jobs.export(path, stored.uploader, None, written)

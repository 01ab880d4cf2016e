"""A custom destination's work off the GUI thread: Test (one upload of a small generated
picture, reported step by step) and writing an exported ``.sxcu``.

Test sends through exactly the network settings uploads use (:meth:`ClientHolder.probe`),
with the secrets typed in the editor and, for the others, the keyring's (read on its
thread by the book). Nothing of it is kept: the picture is made in a private temporary
folder, removed when the test ends.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.client_holder import ClientHolder
from ...core.destinations.uploader import Field, Uploader
from ...core.i18n import translate
from ..base.destination_types import DestinationTester, TrialOutcome
from ..base.workers import BackgroundPool
from .book import DestinationBook

if TYPE_CHECKING:
    from ...core.destinations.trial import TrialReport

#: The key a destination not yet saved is tested under (its secrets are all typed).
UNSAVED_KEY = "custom:unsaved"


class DestinationJobs:
    def __init__(self, book: DestinationBook, clients: ClientHolder, pool: BackgroundPool):
        self._book, self._clients, self._pool = book, clients, pool

    def tester(self, key: str | None) -> DestinationTester:
        """What the editor of ``key`` (``None``: a new destination) tests with."""

        def test(
            uploader: Uploader,
            typed: Mapping[Field, str],
            done: Callable[[TrialOutcome], None],
        ) -> None:
            typed = {field: value for field, value in typed.items() if value}

            def read(found: dict[Field, str] | None, error: BaseException | None) -> None:
                if found is None:
                    text = translate("Destinations", "The keyring could not be read: {error}")
                    done(TrialOutcome(problem=text.format(error=error)))
                    return
                secrets = {**found, **typed}
                self.run(key or UNSAVED_KEY, uploader, secrets, done)

            if key is not None and uploader.secrets - typed.keys():
                self._book.secrets(key, read)
            else:
                read({}, None)

        return test

    def run(
        self,
        key: str,
        uploader: Uploader,
        secrets: Mapping[Field, str],
        done: Callable[[TrialOutcome], None],
    ) -> None:
        """Test ``uploader`` (known as ``key``) with ``secrets``, in the background."""
        clients = self._clients
        secrets = {field: value for field, value in secrets.items() if field in uploader.secrets}

        def work() -> TrialReport:
            import tempfile

            from ...core.destination import Destination
            from ...core.destinations.trial import run_trial, sample_image

            destination = Destination.of_uploader(key, uploader)
            with tempfile.TemporaryDirectory(prefix="uploader-gui-test-") as folder:
                picture = sample_image(Path(folder))
                with clients.probe(destination, "", secrets) as client:
                    report = run_trial(client, picture)
            return _redacted(report, uploader, destination.url, secrets)

        def finished(report: TrialReport | None, error: BaseException | None) -> None:
            if report is not None:
                done(TrialOutcome(report))
            else:
                done(TrialOutcome(problem=str(error) or type(error).__name__))

        self._pool.submit(work, finished)

    def export(
        self,
        path: Path,
        uploader: Uploader,
        secrets: Mapping[Field, str] | None,
        done: Callable[[None, BaseException | None], None],
    ) -> None:
        """Write ``uploader`` to ``path`` as a ``.sxcu`` (with ``secrets``, if given), whole,
        readable by the user alone, in the background."""

        def work() -> None:
            from ...core.atomic import atomic_text_file
            from ...core.destinations.sxcu import write_sxcu

            data = write_sxcu(uploader, secrets).decode("utf-8")
            with atomic_text_file(path) as stream:
                stream.write(data)

        self._pool.submit(work, done)


def _redacted(
    report: TrialReport, uploader: Uploader, origin: str, secrets: Mapping[Field, str]
) -> TrialReport:
    """``report`` with no secret in what each step gave (the reply and the values are
    redacted already), and no control character either."""
    from ...core.destinations.contract import CustomContract
    from ...core.text import printable

    redact = CustomContract(uploader, origin, secrets).redact

    def clean(text: str | None) -> str | None:
        return None if text is None else printable(redact(text))

    readings = tuple(
        dataclasses.replace(
            reading,
            value=printable(reading.value),
            steps=tuple(
                dataclasses.replace(step, value=clean(step.value), problem=clean(step.problem))
                for step in reading.steps
            ),
        )
        for reading in report.readings
    )
    return dataclasses.replace(report, readings=readings)

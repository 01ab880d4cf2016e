"""What the destination editor answers and how it tests, as plain data: the
:class:`.dialogs.Dialogs` seam names these without loading the editor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...core.destinations.uploader import Field, Uploader

if TYPE_CHECKING:
    from ...core.destinations.trial import TrialReport


@dataclass(frozen=True)
class EditedDestination:
    """A destination as the editor left it: the uploader (secret values blank, every
    import-time check passed) and the secret values typed there. A secret field not in
    :attr:`secrets` keeps the value the keyring holds."""

    uploader: Uploader
    secrets: Mapping[Field, str] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class TrialOutcome:
    """What Test gave: the report, or why there is none (nothing was answered)."""

    report: TrialReport | None = None
    problem: str = ""


#: ``tester(uploader, typed_secrets, done)`` sends one test upload in the background and
#: calls ``done`` on the GUI thread; the secrets not typed come from the keyring.
DestinationTester = Callable[[Uploader, Mapping[Field, str], Callable[[TrialOutcome], None]], None]

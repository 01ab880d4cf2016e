"""A custom destination's secrets, read from the keyring on its one thread when the
destination is chosen; what is missing or refused is said in a notice with the way to fix it
(Settings ▸ Destinations). The key controller stays the one owner of the access they make."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from ...core.credentials import Credentials
from ...core.destination import Destination
from ...core.destinations.store import secret_user
from ...core.destinations.uploader import Field
from ...core.i18n import translate
from ..base.report import Report, Severity, Topic
from ..base.workers import BackgroundPool

#: ``(generation, destination, secrets)``: what was read for the destination chosen then.
Loaded = Callable[[int, Destination, Mapping[Field, str]], None]


class CustomAccess:
    def __init__(
        self,
        credentials: Credentials,
        keyring: BackgroundPool,
        report: Report,
        loaded: Loaded,
        hold: Callable[[str | None], None],
        open_settings: Callable[[], None],
    ) -> None:
        self._credentials, self._keyring, self._report = credentials, keyring, report
        self._loaded, self._hold, self._open_settings = loaded, hold, open_settings

    def load(self, destination: Destination, generation: int) -> None:
        """Read ``destination``'s secrets (in the background); uploads wait for them."""
        uploader = destination.custom
        if uploader is None:
            return
        credentials, key = self._credentials, destination.key
        self._report.clear(Topic.DESTINATION)

        def work() -> dict[Field, str]:
            found = {}
            for field in sorted(uploader.secrets):
                value = credentials.secret(secret_user(key, field))
                if value:
                    found[field] = value
            return found

        def done(secrets: dict[Field, str] | None, error: BaseException | None) -> None:
            if secrets is None:
                self._say(destination, str(error))
                return
            missing = sorted(uploader.secrets - secrets.keys())
            if missing:
                fields = ", ".join(f"{section.value} {name}" for section, name in missing)
                reason = translate("Destinations", "{fields} not set").format(fields=fields)
                self._say(destination, reason)
                return
            self._loaded(generation, destination, MappingProxyType(secrets))

        self._keyring.submit(work, done)

    def refused(self, destination: Destination) -> None:
        """The destination refused its credentials (401/403)."""
        self._say(destination, translate("Destinations", "it refused the credentials"))

    def _say(self, destination: Destination, reason: str) -> None:
        held = translate("Destinations", "Waiting for {destination}'s secrets: {reason}")
        self._hold(held.format(destination=destination.name, reason=reason))
        text = translate(
            "Destinations",
            "Uploads to {destination} are on hold: {reason}. Set them in Settings ▸ "
            "Destinations (they are kept in the keyring).",
        )
        self._report.notice(
            Topic.DESTINATION,
            text.format(destination=destination.name, reason=reason),
            Severity.ERROR,
            (translate("Destinations", "Open Settings"), self._open_settings),
        )

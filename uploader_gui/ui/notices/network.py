"""The notice that says the way to the service is broken (a certificate, a proxy), once,
in full, with the fix, while each row keeps its own copy of the reason."""

from __future__ import annotations

from collections.abc import Callable

from ...core.i18n import translate
from ..base.report import Report, Severity, Topic


def show_network_problem(
    report: Report, reason: str, proxy: bool, open_settings: Callable[[], None]
) -> None:
    """``reason`` is the error's own sentence ("the certificate of api.example.com is …");
    a ``proxy`` problem offers the settings that choose the proxy (a certificate is fixed in
    the system, not here)."""
    report.notice(
        Topic.NETWORK,
        translate("Notices", "Uploads cannot reach the service: {reason}").format(reason=reason),
        Severity.ERROR,
        (translate("Notices", "Network Settings"), open_settings) if proxy else None,
    )


def clear_network_problem(report: Report) -> None:
    report.clear(Topic.NETWORK)

"""Settings' Test of a destination: upload a small generated picture once and show what came
back (the status, the start of the reply, and what each reader extracted), so a person can
fix a wrong ``{json:…}`` path without guessing. No Qt here; run it on a worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UploadError
from ..responses import UploadResult
from ..text import printable
from .syntax import Extraction, Inputs, TemplateError, explain, read

if TYPE_CHECKING:
    from ..client import UploadClient

#: How much of the reply Test shows.
SHOWN_REPLY = 2000


@dataclass(frozen=True)
class Reading:
    """One result field: its reader, what it gave, and each function's part in it."""

    field: str
    template: str
    value: str
    steps: tuple[Extraction, ...]


@dataclass(frozen=True)
class TrialReport:
    status: int
    #: The reply's start, secrets redacted, controls escaped.
    reply: str
    truncated: bool
    readings: tuple[Reading, ...]
    #: What an upload would have made of it, or why it would have failed.
    result: UploadResult | None
    problem: str | None


def sample_image(folder: Path) -> Path:
    """A small PNG (a 64 by 64 gradient) written into ``folder``, for Test."""
    from ..prepare.limits import pillow

    image_module = pillow()
    picture = image_module.merge(
        "RGB",
        (
            image_module.linear_gradient("L").resize((64, 64)),
            image_module.new("L", (64, 64), 140),
            image_module.linear_gradient("L").rotate(90).resize((64, 64)),
        ),
    )
    path = folder / "uploader-gui-test.png"
    picture.save(path, "PNG")
    return path


def _redacted(step: Extraction, redact: Callable[[str], str]) -> Extraction:
    """``step`` as shown: what a reader read back may be a secret the reply echoed."""
    value = None if step.value is None else redact(step.value)
    problem = None if step.problem is None else redact(step.problem)
    return Extraction(step.function_text, value, problem)


def run_trial(client: UploadClient, path: Path) -> TrialReport:
    """Send ``path`` once with ``client`` (a custom destination's) and report; a transport
    failure raises :class:`.errors.UploadError`."""
    exchange = client.exchange(path)
    reply, redact = exchange.reply, exchange.redact
    uploader = client.destination.custom
    readings: list[Reading] = []
    if uploader is not None:
        inputs = Inputs(exchange.filename)
        for field, template in (
            ("URL", uploader.url),
            ("ThumbnailURL", uploader.thumbnail_url),
            ("DeletionURL", uploader.deletion_url),
            ("ErrorMessage", uploader.error_message),
        ):
            if not template:
                continue
            try:
                value = read(template, reply, inputs, uploader.regex_list)
                steps = explain(template, reply, inputs, uploader.regex_list)
            except TemplateError as exc:
                value, steps = "", [Extraction(template, None, str(exc))]
            shown_steps = tuple(_redacted(step, redact) for step in steps)
            readings.append(Reading(field, template, redact(value), shown_steps))
    try:
        result: UploadResult | None = client.result_of(exchange)
        problem = None
    except UploadError as exc:
        result, problem = None, str(exc)
    # Redacted whole, then cut: a secret across the cut would otherwise show its start.
    lines = redact(reply.body)[:SHOWN_REPLY].splitlines()
    shown = "\n".join(printable(line) for line in lines)
    return TrialReport(
        reply.status,
        shown,
        len(reply.body) > SHOWN_REPLY,
        tuple(readings),
        result,
        problem,
    )

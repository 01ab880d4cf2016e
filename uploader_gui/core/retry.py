"""When to try an upload again, and how long to wait first."""

from __future__ import annotations

import math
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .errors import CancelledError, TransientError


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, honouring ``Retry-After``.

    Attempt ``n`` (0-based) waits between half and all of ``min(max_delay, base_delay * 2**n)``
    seconds, unless the server said how long to wait. A server asking for more than
    ``max_retry_after`` seconds makes the failure final: we say so rather than hang.
    """

    retries: int = 3
    base_delay: float = 1.0
    max_delay: float = 30.0
    max_retry_after: float = 300.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def delay_for(self, attempt: int, error: TransientError) -> float | None:
        """Seconds to wait before retry number ``attempt + 1``; ``None`` means do not retry."""
        if attempt >= self.retries:
            return None
        if error.retry_after is not None:
            if error.retry_after > self.max_retry_after:
                return None
            return max(0.0, error.retry_after)
        ceiling = min(self.max_delay, self.base_delay * (2.0**attempt))
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date; else ``None``."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(int(text))
    try:
        seconds = float(text) if text.isascii() else math.nan
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    import email.utils  # ~10 ms, and only a date needs it: off the start-up path

    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


class CancelToken:
    """A flag one thread sets and an upload running in another thread checks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise CancelledError()

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds``, or raise :class:`CancelledError` as soon as cancelled."""
        if self._event.wait(seconds):
            raise CancelledError()

"""Fault injection: the faults a real network service shows, injected on demand into
``POST /upload/image/v1`` so that clients get tested against them."""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass
class Faults:
    """Faults injected into ``POST /upload/image/v1``; change fields while the server runs.

    Per distinct part filename, attempts are numbered from 1: the first ``drop_count`` are
    dropped, the next ``fail_count`` fail, the next ``non_json_count`` get a non-JSON 200.
    """

    latency: float = 0.0
    fail_status: int = 503
    fail_count: int = 0
    retry_after: str | None = None
    drop_count: int = 0
    non_json_count: int = 0
    redirect_to: str | None = None
    throttle_bps: int = 0


class Fault(enum.Enum):
    """What one upload attempt gets."""

    NONE = enum.auto()
    DROP = enum.auto()
    FAIL = enum.auto()
    NON_JSON = enum.auto()


class Dropped(Exception):
    """The drop fault fired: the connection is closed without a response."""


#: Receive buffer of a throttled connection (bytes).
SLOW_LINK_WINDOW = 64 * 1024


def fault_for(faults: Faults, attempt: int) -> Fault:
    """The fault of a filename's ``attempt``-th upload (counted from 1)."""
    if attempt <= faults.drop_count:
        return Fault.DROP
    if attempt <= faults.drop_count + faults.fail_count:
        return Fault.FAIL
    if attempt <= faults.drop_count + faults.fail_count + faults.non_json_count:
        return Fault.NON_JSON
    return Fault.NONE

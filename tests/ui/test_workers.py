"""Background pools (``ui/workers.py``): order, GUI-thread callbacks, abandoning, deadlines."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from uploader_gui.ui.base.workers import BackgroundPool, Workers

#: Longest a blocked job may be held by a test before it is let go anyway.
HOLD_S = 10.0
#: How long a test waits for what must happen (generous: a loaded machine is slow, not wrong).
WAIT_MS = 5_000


class Gate:
    """Work that blocks until released, and says when it started and ended."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.ended = threading.Event()

    def work(self) -> str:
        self.started.set()
        try:
            self.release.wait(HOLD_S)
            return "blocked job"
        finally:
            self.ended.set()


@pytest.fixture
def gates() -> Iterator[list[Gate]]:
    """Gates a test made; all are opened at the end, so no pool waits on one."""
    made: list[Gate] = []
    yield made
    for gate in made:
        gate.release.set()


def new_gate(gates: list[Gate]) -> Gate:
    gate = Gate()
    gates.append(gate)
    return gate


Results = list[tuple[str, object, BaseException | None, bool]]


def recorder(results: Results, name: str) -> Callable[[object, BaseException | None], None]:
    """A callback that records its name, result, error and whether it ran on the GUI thread."""

    def callback(result: object, error: BaseException | None) -> None:
        on_gui = threading.current_thread() is threading.main_thread()
        results.append((name, result, error, on_gui))

    return callback


def test_one_thread_runs_jobs_in_order_with_callbacks_on_the_gui_thread(
    qtbot: QtBot, workers: Workers
) -> None:
    pool = workers.pool("ordered", 1)
    ran: list[tuple[int, str]] = []
    results: Results = []

    def job(number: int) -> Callable[[], int]:
        def work() -> int:
            ran.append((number, threading.current_thread().name))
            if number == 3:
                raise ValueError("job 3 fails")
            return number * 10

        return work

    for number in range(6):
        pool.submit(job(number), recorder(results, str(number)))
    qtbot.waitUntil(lambda: len(results) == 6)
    assert [number for number, _thread in ran] == list(range(6))
    assert all(thread != threading.main_thread().name for _number, thread in ran)
    assert [name for name, *_ in results] == [str(n) for n in range(6)]
    assert all(on_gui for *_, on_gui in results)
    for name, result, error, _on_gui in results:
        if name == "3":
            assert result is None
            assert isinstance(error, ValueError)
        else:
            assert (result, error) == (int(name) * 10, None)


def test_abandoning_a_running_job_frees_its_slot_and_drops_its_result(
    qtbot: QtBot, workers: Workers, gates: list[Gate]
) -> None:
    pool = workers.pool("abandon running", 1)
    gate = new_gate(gates)
    results: Results = []
    blocked = pool.submit(gate.work, recorder(results, "blocked"))
    assert blocked is not None
    qtbot.waitUntil(gate.started.is_set)
    next_started = threading.Event()

    def next_job() -> str:
        next_started.set()
        return "next"

    pool.submit(next_job, recorder(results, "next"))
    assert not next_started.is_set()  # one thread: it waits behind the blocked job
    pool.forget(blocked)
    assert blocked.abandoned
    # The next job runs and reports while the blocked one still waits (it would end only
    # when released, or after HOLD_S): its slot was given up, not waited for.
    qtbot.waitUntil(lambda: [name for name, *_ in results] == ["next"], timeout=WAIT_MS)
    assert not gate.ended.is_set()  # its worker still waits, on a thread of its own

    gate.release.set()
    assert workers.wait(time.monotonic() + 5)
    assert gate.ended.is_set()
    QCoreApplication.processEvents()  # anything it reported would have been delivered
    assert [name for name, *_ in results] == ["next"]
    assert workers.idle


def test_an_abandoned_job_that_still_runs_keeps_its_pool_busy(
    qtbot: QtBot, workers: Workers, gates: list[Gate]
) -> None:
    """``idle`` must agree with ``wait``: a thread still in an abandoned call is work left.

    ``MainWindow.workers_left`` (whether ``run_app`` must ``os._exit`` instead of letting Qt
    join the threads) and the window's close both ask ``Workers.idle``.
    """
    pool = workers.pool("abandoned but running", 1)
    gate = new_gate(gates)
    job = pool.submit(gate.work, lambda _r, _e: None)
    assert job is not None
    qtbot.waitUntil(gate.started.is_set)
    pool.forget(job)
    assert not gate.ended.is_set()
    assert workers.wait(time.monotonic() + 0.2) is False  # wait() sees the thread...
    assert pool.busy  # ...so must busy
    assert not workers.idle
    assert workers.busy_pools() == ["abandoned but running"]
    gate.release.set()
    assert workers.wait(time.monotonic() + 5)
    assert workers.idle


def test_a_job_abandoned_before_it_starts_never_runs_nor_holds_a_thread(
    qtbot: QtBot, workers: Workers, gates: list[Gate]
) -> None:
    pool = workers.pool("abandon queued", 1)
    gate = new_gate(gates)
    results: Results = []
    pool.submit(gate.work, recorder(results, "blocked"))
    qtbot.waitUntil(gate.started.is_set)
    ran_queued = threading.Event()

    def queued() -> str:
        ran_queued.set()
        return "queued"

    waiting = pool.submit(queued, recorder(results, "queued"))
    assert waiting is not None
    pool.forget(waiting)  # not started yet
    pool.submit(lambda: "after", recorder(results, "after"))
    gate.release.set()
    qtbot.waitUntil(lambda: [name for name, *_ in results] == ["blocked", "after"])
    assert not ran_queued.is_set()
    qtbot.waitUntil(lambda: workers.idle)
    assert workers.wait(time.monotonic() + 5)
    # No thread stays reserved: one job at a time still runs, and a new one runs at all.
    assert pool.max_threads == 1
    assert_runs_one_at_a_time(qtbot, pool, gates)


def test_abandoning_running_and_queued_jobs_leaves_the_pool_as_it_was(
    qtbot: QtBot, workers: Workers, gates: list[Gate]
) -> None:
    pool = workers.pool("abandon both", 1)
    first, second = new_gate(gates), new_gate(gates)
    results: Results = []
    running = pool.submit(first.work, recorder(results, "first"))
    qtbot.waitUntil(first.started.is_set)
    queued = pool.submit(second.work, recorder(results, "second"))
    assert running is not None
    assert queued is not None
    pool.forget(queued)
    pool.forget(running)
    running.abandon()  # twice is once
    queued.abandon()
    first.release.set()
    second.release.set()
    assert workers.wait(time.monotonic() + 5)
    QCoreApplication.processEvents()
    assert results == []
    assert not second.started.is_set()
    assert workers.idle
    assert_runs_one_at_a_time(qtbot, pool, gates)


def assert_runs_one_at_a_time(qtbot: QtBot, pool: BackgroundPool, gates: list[Gate]) -> None:
    """A pool of one thread runs a new job, and only one at a time."""
    first = new_gate(gates)
    results: Results = []
    overlapped: list[bool] = []

    def second() -> str:
        overlapped.append(not first.ended.is_set())  # the first job still blocked?
        return "second"

    pool.submit(first.work, recorder(results, "first"))
    pool.submit(second, recorder(results, "second"))
    qtbot.waitUntil(first.started.is_set, timeout=WAIT_MS)
    first.release.set()
    qtbot.waitUntil(lambda: [name for name, *_ in results] == ["first", "second"], timeout=WAIT_MS)
    assert overlapped == [False], "two jobs ran at once on a pool of one thread"


def test_wait_returns_false_when_a_job_outlives_the_deadline(
    qtbot: QtBot, workers: Workers, gates: list[Gate]
) -> None:
    quick = workers.pool("quick", 2)
    slow = workers.pool("slow", 1)
    gate = new_gate(gates)
    quick.submit(lambda: None, lambda _r, _e: None)
    slow.submit(gate.work, lambda _r, _e: None)
    qtbot.waitUntil(gate.started.is_set)
    assert not workers.idle
    assert "slow" in workers.busy_pools()
    assert workers.wait(time.monotonic() + 0.3) is False
    assert not gate.ended.is_set()  # it gave up at the deadline, not when the job ended
    assert workers.wait(time.monotonic() - 1) is False  # a deadline already past
    gate.release.set()
    assert workers.wait(time.monotonic() + 5) is True
    qtbot.waitUntil(lambda: workers.idle)


def test_cancel_drops_queued_jobs_and_every_callback(
    qtbot: QtBot, workers: Workers, gates: list[Gate]
) -> None:
    pool = workers.pool("cancelled", 1)
    gate = new_gate(gates)
    results: Results = []
    ran_queued = threading.Event()
    pool.submit(gate.work, recorder(results, "running"))
    qtbot.waitUntil(gate.started.is_set)
    pool.submit(ran_queued.set, recorder(results, "queued"))
    workers.cancel()
    assert pool.submit(lambda: None, recorder(results, "late")) is None
    gate.release.set()
    assert workers.wait(time.monotonic() + 5)
    QCoreApplication.processEvents()
    assert results == []
    assert not ran_queued.is_set()

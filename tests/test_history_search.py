"""History at scale: searching (with and without the search index), paging, counts, the
migration from schema 9, and the whole-file check of a big file, off the first page.

The search index must never change what a search finds: every result here is compared with
a plain reading of the rows (``LIKE`` semantics: a part of the name or URL, ASCII letters in
either case). Speed is the benchmarks' (``benchmarks/bench_history_search.py``); what is
checked here is that the History tab's reads use indexes, not every row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from uploader_gui.core.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryState,
    HistoryStore,
    check,
    search,
)

HOST = "h"
NAMES = (
    "Holiday",
    "holiday",
    "cat",
    "100%_off",
    'say "hi"',
    "back\\slash",
    "café",
    "CAFÉ",
    "screenshot",
)
TERMS = (
    "holiday",
    "HOLIDAY",
    "olid",
    "ca",
    "c",
    "café",
    "CAFÉ",
    "afé",
    "%_",
    "0%_o",
    '"hi"',
    'y "',
    "\\sl",
    "cdn.example",
    "u/1",
    "/7.png",
    "7.png",
    "screenshot-1",
    "nothing at all",
    "zz",
    "png",
)
_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str | None) -> str:
    return (text or "").translate(_ASCII_FOLD)


def expected(store: HistoryStore, term: str, failed_only: bool = False) -> list[int]:
    """What a search must find: every row read, matched as ``LIKE`` does, newest first."""
    db = sqlite3.connect(store.path)
    rows = db.execute("SELECT id, name, url, state, added_at FROM uploads").fetchall()
    db.close()
    wanted = fold(term.strip())
    found = [
        (added_at, entry_id)
        for entry_id, name, url, state, added_at in rows
        if (wanted in fold(name) or wanted in fold(url)) and (not failed_only or state == "failed")
    ]
    return [entry_id for _added, entry_id in sorted(found, reverse=True)]


def ids(store: HistoryStore, offset: int, limit: int, term: str, failed: bool = False) -> list[int]:
    return [entry.id for entry in store.page(offset, limit, term, failed)]


def seed(store: HistoryStore, count: int = 120) -> None:
    """Rows of every kind: done (with a URL), failed, queued; added at times that are not in
    id order (a clock set back, rows written by another window)."""
    items = [(f"/p/{i}.png", f"{NAMES[i % len(NAMES)]}-{i}.png", HOST) for i in range(count)]
    entry_ids = store.add(items)
    db = sqlite3.connect(store.path)
    for index, entry_id in enumerate(entry_ids):
        db.execute("UPDATE uploads SET added_at = ? WHERE id = ?", ((index * 7919) % 101, entry_id))
    db.commit()
    db.close()
    for index, entry_id in enumerate(entry_ids):
        if index % 5 == 1:
            store.finish(entry_id, HistoryState.FAILED, error="boom")
        elif index % 5 != 4:
            url = f"https://cdn.example/u/{index}.png"
            store.finish(entry_id, HistoryState.DONE, url=url)


def assert_searches_match(store: HistoryStore) -> None:
    for term in TERMS:
        for failed in (False, True):
            want = expected(store, term, failed)
            assert ids(store, 0, 1000, term, failed) == want, (term, failed)
            assert ids(store, 3, 4, term, failed) == want[3:7], (term, failed)
            assert store.count(term, failed) == len(want), (term, failed)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    store = HistoryStore(tmp_path / "history.sqlite3")
    yield store
    store.close()


@pytest.mark.parametrize(
    ("rare", "scan_rows"),
    [(search.RARE, search.SCAN_ROWS), (3, 10), (3, 1_000), (1_000, 3)],
    ids=["as shipped", "common, then from the index", "common, read", "rare"],
)
def test_every_way_of_searching_finds_what_reading_every_row_finds(
    store: HistoryStore, monkeypatch: pytest.MonkeyPatch, rare: int, scan_rows: int
) -> None:
    monkeypatch.setattr(search, "RARE", rare)
    monkeypatch.setattr(search, "SCAN_ROWS", scan_rows)
    seed(store)
    assert store._searchable == search.trigram_available()
    assert_searches_match(store)


def test_the_index_follows_every_write(store: HistoryStore) -> None:
    seed(store)
    first, second, third = (entry.id for entry in store.page(0, 3))
    store.finish(first, HistoryState.DONE, url="https://elsewhere.example/new.png")
    store.restart(second, HOST, attempt=1)  # its URL is gone
    store.remove([third])
    store.add([("/q/new.png", "elsewhere-new.png", HOST)])
    assert_searches_match(store)
    assert ids(store, 0, 10, "elsewhere") == expected(store, "elsewhere")
    store.clear()
    assert ids(store, 0, 10, "png") == []
    store.add([("/q/after.png", "after-clear.png", HOST)])
    assert len(ids(store, 0, 10, "after-clear")) == 1
    assert_searches_match(store)


def test_without_the_trigram_tokenizer_searches_read_the_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    seed(HistoryStore(path))  # made with the index and its triggers
    monkeypatch.setattr(search, "trigram_available", lambda: False)
    older = HistoryStore(path)  # an SQLite without it: every write must still work
    assert not older._searchable
    older.add([("/q/x.png", "written-without.png", HOST)])
    assert_searches_match(older)
    older.close()
    monkeypatch.undo()
    again = HistoryStore(path)  # with it again: the index is made anew, whole
    assert again._searchable == search.trigram_available()
    again.upkeep_now()
    assert ids(again, 0, 10, "written-without") == expected(again, "written-without")
    assert_searches_match(again)


def schema_nine(path: Path, rows: int) -> None:
    """A history as the previous version wrote it (schema 9), ``rows`` rows long."""
    old = sqlite3.connect(path)
    for number, migration in enumerate(MIGRATIONS[:9]):
        old.executescript(migration)
        old.execute(f"PRAGMA user_version = {number + 1}")
    old.executemany(
        "INSERT INTO uploads (path, name, destination, state, url, error, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                f"/old/{i}.png",
                f"{NAMES[i % len(NAMES)]}-{i}.png",
                HOST,
                ("done", "failed", "queued")[i % 3],
                f"https://cdn.example/u/{i}.png" if i % 3 == 0 else None,
                "boom" if i % 3 == 1 else None,
                float(i),
            )
            for i in range(rows)
        ],
    )
    old.commit()
    old.close()


def test_the_migration_from_schema_nine_keeps_every_row_and_indexes_them_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    schema_nine(path, 300)
    monkeypatch.setattr(search, "BACKLOG_ROWS", 70)
    store = HistoryStore(path, lazy=True)
    store.open()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
    indexes = {row[1] for row in db.execute("PRAGMA index_list(uploads)")}
    assert {"uploads_added", "uploads_duplicate", "uploads_failed", "uploads_queued"} <= indexes
    assert store.count() == 300
    assert store.count(failed_only=True) == 100
    assert [e.id for e in store.unfinished(HOST)] == list(range(3, 301, 3))
    assert_searches_match(store)  # before any row is in the index: the rows are read
    if store._searchable:
        assert search.index_backlog(db, 70)  # part of them in the index: both are used
        store.finish(300, HistoryState.DONE, url="https://cdn.example/late.png")
        store.finish(2, HistoryState.DONE, url="https://cdn.example/early.png")
        assert_searches_match(store)
    store.upkeep_now()
    if store._searchable:
        assert not search.backlog(db)
    assert_searches_match(store)
    assert [e.id for e in store.page(0, 3)] == [300, 299, 298]
    db.close()
    store.close()


def test_the_history_tab_reads_use_indexes_not_every_row(store: HistoryStore) -> None:
    """The first page, Failed only, the rows left unfinished and a search (rare, common,
    none): not one reads the whole table. (Their speed: the benchmarks.)"""
    seed(store, 50)
    statements: list[str] = []
    with store._db() as db:
        db.set_trace_callback(statements.append)
    store.page(0, 201)
    store.page(200, 201)
    store.page(0, 201, failed_only=True)
    store.count(failed_only=True)
    store.unfinished(HOST)
    for term in ("holiday-1", "png", "no such thing"):
        store.page(0, 201, term)
        store.page(0, 201, term, True)
    with store._db() as db:
        db.set_trace_callback(None)
        plans = {
            sql: [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}")]
            for sql in statements
            if sql.lstrip().upper().startswith(("SELECT", "WITH"))
        }
    assert plans
    whole = {sql: plan for sql, plan in plans.items() if "SCAN uploads" in plan}
    assert whole == {}


def test_a_big_file_is_checked_after_it_opens_and_set_aside_next_time_if_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    good = HistoryStore(path)
    good.add([(f"/d/{i}.png", f"{i}.png", HOST) for i in range(500)])
    good.close()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 300] = b"\xff" * 300  # scribble over the second b-tree page
    path.write_bytes(bytes(data))
    monkeypatch.setattr(check, "CHECK_NOW_BYTES", 0)  # as for a file of a million rows
    reasons: list[str] = []
    opened = HistoryStore(path, lazy=True)
    opened.watch_writes(reasons.append)
    opened.open()  # not checked yet: the first page does not wait for it
    assert opened.recovered_from is None
    assert reasons == []
    opened.upkeep_now()
    assert len(reasons) == 1
    assert "damaged" in reasons[0]
    assert check.mark_of(path).exists()
    opened.close()
    again = HistoryStore(path)  # checked as it opens, since it was marked
    assert again.recovered_from is not None
    assert not check.mark_of(path).exists()
    assert again.count() == 0
    again.close()


def test_closing_stops_the_upkeep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "history.sqlite3"
    schema_nine(path, 50)
    monkeypatch.setattr(check, "CHECK_NOW_BYTES", 0)
    store = HistoryStore(path)
    upkeep = store._upkeep
    assert upkeep is not None
    assert upkeep.running  # waiting for start-up to pass
    store.close()
    upkeep.join(timeout=5)
    assert not upkeep.running

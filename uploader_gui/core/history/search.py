"""Finding history entries by a part of their name or URL, fast in a million rows.

A search matches a part of the name or URL (``LIKE '%…%'``: ASCII letters in either case),
which no ordinary index can serve. Where SQLite has FTS5's trigram tokenizer, a search index
of every row's name and URL (``uploads_search``, kept in step with the table by triggers)
gives the rows holding every three-character piece of the search: a few more than match, so
each is still checked with ``LIKE``. Then:

- a search held by few rows (a rare term, or no match) reads just those, newest first;
- a common one reads the newest rows until it has the page (at most :data:`SCAN_ROWS` of
  them; past that, it reads the rows the index gives, as a rare one does);
- a search shorter than three characters, or a history without the index (an older
  SQLite), reads the newest rows until it has the page, every row if there are fewer
  matches than that.

The index is not part of the schema's migrations, since not every SQLite can build it: it is
made when the history opens, if it can be, and left out otherwise. The rows already there
are indexed later, a few thousand per transaction, newest first (:func:`index_backlog`); the
ones with an id below ``search_backlog.below`` are not in the index yet, and a search reads
them. The triggers keep that rule.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from .records import like_pattern
from .schema import COLUMNS

#: Fewer rows than this holding every piece of a search: a rare search, read from the index.
RARE = 5000
#: A common search reads at most this many of the newest rows for its page.
SCAN_ROWS = 50_000
#: Rows indexed per transaction when the rows written before the index are indexed.
BACKLOG_ROWS = 5000

_MATCH = "(name LIKE ? ESCAPE '\\' OR url LIKE ? ESCAPE '\\')"
_NEWEST = "ORDER BY added_at DESC, id DESC"
_INDEXED = "(SELECT below FROM search_backlog)"
_TRIGGERS = {
    "uploads_search_insert": """
        CREATE TRIGGER uploads_search_insert AFTER INSERT ON uploads
        WHEN new.id >= (SELECT below FROM search_backlog) BEGIN
            INSERT INTO uploads_search (rowid, name, url) VALUES (new.id, new.name, new.url);
        END""",
    "uploads_search_delete": """
        CREATE TRIGGER uploads_search_delete AFTER DELETE ON uploads
        WHEN old.id >= (SELECT below FROM search_backlog) BEGIN
            INSERT INTO uploads_search (uploads_search, rowid, name, url)
            VALUES ('delete', old.id, old.name, old.url);
        END""",
    "uploads_search_update": """
        CREATE TRIGGER uploads_search_update AFTER UPDATE OF name, url ON uploads
        WHEN old.id >= (SELECT below FROM search_backlog) BEGIN
            INSERT INTO uploads_search (uploads_search, rowid, name, url)
            VALUES ('delete', old.id, old.name, old.url);
            INSERT INTO uploads_search (rowid, name, url) VALUES (new.id, new.name, new.url);
        END""",
}
_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS uploads_search USING fts5(name, url, "
    "content='uploads', content_rowid='id', tokenize='trigram', detail='none', columnsize=0)",
    "CREATE TABLE IF NOT EXISTS search_backlog (below INTEGER NOT NULL)",
    "INSERT INTO uploads_search (uploads_search) VALUES ('delete-all')",
    "DELETE FROM search_backlog",
    "INSERT INTO search_backlog SELECT coalesce(max(id), 0) + 1 FROM uploads",
    *_TRIGGERS.values(),
)


@functools.cache
def trigram_available() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 or later, usually)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram', detail='none')")
    except sqlite3.Error:
        return False
    finally:
        probe.close()
    return True


def prepare_search(db: sqlite3.Connection) -> bool:
    """Make the search index if it is missing and can be made (its rows are indexed later);
    whether searches can use it. No row is read: at most one quick transaction.

    Without the trigram tokenizer, triggers left by an SQLite that had it are dropped (every
    write would fail on them); the index is then made again, whole, by one that has it.
    """
    usable = trigram_available()
    wanted = set(_TRIGGERS) if usable else set()
    if _triggers(db) == wanted:
        return usable
    db.execute("BEGIN IMMEDIATE")
    try:
        found = _triggers(db)  # (another window may have made them meanwhile)
        if found != wanted:
            for name in found:
                db.execute(f"DROP TRIGGER {name}")
            for statement in _CREATE if usable else ():
                db.execute(statement)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return usable


def _triggers(db: sqlite3.Connection) -> set[str]:
    sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?)"
    return {row[0] for row in db.execute(sql, tuple(_TRIGGERS))}


def has_index(db: sqlite3.Connection) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_backlog'").fetchone()
    return row is not None


def backlog(db: sqlite3.Connection) -> bool:
    """Whether rows wait to be indexed."""
    sql = "SELECT 1 FROM uploads WHERE id < (SELECT below FROM search_backlog) LIMIT 1"
    row = db.execute(sql).fetchone()
    return row is not None


def index_backlog(db: sqlite3.Connection, rows: int = BACKLOG_ROWS) -> bool:
    """Index the newest ``rows`` of the rows not in the index yet, in one transaction;
    whether any are left."""
    db.execute("BEGIN IMMEDIATE")
    try:
        (below,) = db.execute("SELECT below FROM search_backlog").fetchone()
        (low,) = db.execute(
            "SELECT min(id) FROM (SELECT id FROM uploads WHERE id < ? ORDER BY id DESC LIMIT ?)",
            (below, rows),
        ).fetchone()
        if low is not None:
            db.execute(
                "INSERT INTO uploads_search (rowid, name, url) "
                "SELECT id, name, url FROM uploads WHERE id >= ? AND id < ?",
                (low, below),
            )
            db.execute("UPDATE search_backlog SET below = ?", (low,))
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    return low is not None and backlog(db)


@contextmanager
def emptying(db: sqlite3.Connection) -> Iterator[None]:
    """Around deleting every row, in the caller's transaction: the index is emptied at once
    and its triggers are out of the way meanwhile, so SQLite drops the rows at once instead
    of one by one."""
    triggers = _triggers(db)
    if has_index(db):
        db.execute(
            "UPDATE search_backlog SET below = (SELECT coalesce(max(id), 0) + 1 FROM uploads)"
        )
        db.execute("INSERT INTO uploads_search (uploads_search) VALUES ('delete-all')")
    for name in triggers:
        db.execute(f"DROP TRIGGER {name}")
    yield
    for name in triggers:
        db.execute(_TRIGGERS[name])


def trigrams(term: str) -> str | None:
    """The FTS5 query for the rows holding every three-character piece of ``term``
    (``None`` for a shorter one)."""
    if len(term) < 3:
        return None
    pieces = dict.fromkeys(term[i : i + 3] for i in range(len(term) - 2))
    return " AND ".join('"' + piece.replace('"', '""') + '"' for piece in pieces)


def find_matches(
    db: sqlite3.Connection, term: str, failed_only: bool, offset: int, limit: int, indexed: bool
) -> list[sqlite3.Row]:
    """Rows matching ``term`` (stripped, not empty), newest first: ``limit`` from ``offset``.
    ``indexed``: the search index can be used."""
    if limit <= 0:
        return []
    query = trigrams(term) if indexed else None
    like = like_pattern(term)
    if query is not None:
        held = db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM uploads_search WHERE uploads_search MATCH ? "
            "LIMIT ?)",
            (query, RARE),
        ).fetchone()[0]
        if held < RARE:
            return _from_index(db, query, like, failed_only, offset, limit)
    rows, complete = _newest(
        db, like, failed_only, offset + limit, SCAN_ROWS if query is not None else None
    )
    if complete or query is None:
        return rows[offset:]
    return _from_index(db, query, like, failed_only, offset, limit)


def count_matches(db: sqlite3.Connection, term: str, failed_only: bool, indexed: bool) -> int:
    """How many rows match ``term`` (stripped, not empty)."""
    like = like_pattern(term)
    query = trigrams(term) if indexed else None
    state = " AND state = 'failed'" if failed_only else ""
    if query is None:
        sql, params = f"SELECT count(*) FROM uploads WHERE {_MATCH}{state}", [like, like]  # noqa: S608
    else:
        sql = f"SELECT count(*) FROM ({_matching('id', state)})"  # noqa: S608
        params = [query, like, like, like, like]
    return int(db.execute(sql, params).fetchone()[0])


def _matching(columns: str, state: str) -> str:
    """The rows the index gives and the rows not in it yet, both checked with ``LIKE``
    (parameters: the FTS5 query and the pattern four times)."""
    # (NOT INDEXED: the rows not in the index are read by their id, not all in date order)
    return (
        f"SELECT {columns} FROM uploads WHERE id IN (SELECT rowid FROM uploads_search "  # noqa: S608
        f"WHERE uploads_search MATCH ?) AND {_MATCH}{state} UNION ALL "
        f"SELECT {columns} FROM uploads NOT INDEXED WHERE id < {_INDEXED} AND {_MATCH}{state}"
    )


def _from_index(
    db: sqlite3.Connection, query: str, like: str, failed_only: bool, offset: int, limit: int
) -> list[sqlite3.Row]:
    state = " AND state = 'failed'" if failed_only else ""
    return db.execute(
        f"{_matching(COLUMNS, state)} {_NEWEST} LIMIT ? OFFSET ?",
        [query, like, like, like, like, limit, offset],
    ).fetchall()


def _newest(
    db: sqlite3.Connection, like: str, failed_only: bool, wanted: int, most: int | None
) -> tuple[list[sqlite3.Row], bool]:
    """The first ``wanted`` matches among the newest ``most`` rows (every row: ``None``),
    and whether they are the first ``wanted`` of all."""
    state = " AND state = 'failed'" if failed_only else ""
    where, params = f"WHERE {_MATCH}{state}", [like, like]
    edge = None
    if most is not None:
        among = " WHERE state = 'failed'" if failed_only else ""
        edge = db.execute(
            f"SELECT added_at, id FROM uploads{among} {_NEWEST} LIMIT 1 OFFSET ?",  # noqa: S608
            (most - 1,),
        ).fetchone()
        if edge is not None:
            where, params = f"{where} AND (added_at, id) >= (?, ?)", [*params, *edge]
    rows = db.execute(
        f"SELECT {COLUMNS} FROM uploads {where} {_NEWEST} LIMIT ?",  # noqa: S608
        [*params, wanted],
    ).fetchall()
    return rows, edge is None or len(rows) >= wanted

"""The history's SQLite schema, moved forward one version at a time."""

from __future__ import annotations

# Each entry moves the schema from version N to N+1.
MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema.
    """
    CREATE TABLE uploads (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER,
        sha256 TEXT,
        api_host TEXT NOT NULL,
        state TEXT NOT NULL,
        url TEXT,
        error TEXT,
        added_at REAL NOT NULL,
        uploaded_at REAL
    );
    """,
    # 2: the declared content type, and indexes for the history view and duplicate checks.
    """
    ALTER TABLE uploads ADD COLUMN content_type TEXT;
    CREATE INDEX uploads_added ON uploads (added_at DESC, id DESC);
    CREATE INDEX uploads_duplicate ON uploads (api_host, sha256) WHERE state = 'done';
    """,
    # 3: ids are never reused (AUTOINCREMENT). After Clear All, or removing the newest
    # entries, a new row used to get the id of a deleted one, whose upload may still be
    # running and would then write its outcome (and thumbnail) over the new row's.
    """
    CREATE TABLE uploads_v3 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER,
        sha256 TEXT,
        api_host TEXT NOT NULL,
        state TEXT NOT NULL,
        url TEXT,
        error TEXT,
        added_at REAL NOT NULL,
        uploaded_at REAL,
        content_type TEXT
    );
    INSERT INTO uploads_v3 (
        id, path, name, size, sha256, api_host, state, url, error, added_at, uploaded_at,
        content_type
    )
    SELECT
        id, path, name, size, sha256, api_host, state, url, error, added_at, uploaded_at,
        content_type
    FROM uploads;
    DROP TABLE uploads;
    ALTER TABLE uploads_v3 RENAME TO uploads;
    CREATE INDEX uploads_added ON uploads (added_at DESC, id DESC);
    CREATE INDEX uploads_duplicate ON uploads (api_host, sha256) WHERE state = 'done';
    """,
    # 4: drops recorded before they are expanded, so a crash while a big folder is listed
    # loses none of it; each upload row names its drop (expanded exactly once) and keeps the
    # exact bytes of a path that is not UTF-8, so it can be resumed.
    """
    CREATE TABLE drops (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        api_host TEXT NOT NULL,
        paths BLOB NOT NULL,
        added_at REAL NOT NULL
    );
    ALTER TABLE uploads ADD COLUMN drop_id INTEGER;
    ALTER TABLE uploads ADD COLUMN raw_path BLOB;
    CREATE INDEX uploads_drop ON uploads (drop_id) WHERE drop_id IS NOT NULL;
    """,
    # 5: which attempt last wrote the row. A cancelled attempt's late outcome must not
    # overwrite the row of the attempt that retried it.
    """
    ALTER TABLE uploads ADD COLUMN attempt INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: what was done to the file before it was sent ("location and 3 other fields removed
    # · converted from HEIC"), shown in the History tab.
    """
    ALTER TABLE uploads ADD COLUMN prepared TEXT;
    """,
    # 7: the size of the picture sent, for link templates' {width} and {height}.
    """
    ALTER TABLE uploads ADD COLUMN width INTEGER;
    ALTER TABLE uploads ADD COLUMN height INTEGER;
    """,
    # 8: rows are filed under their destination's id (for the built-in service, the same
    # host[:port] they were filed under as api_host: every row keeps matching).
    """
    ALTER TABLE uploads RENAME COLUMN api_host TO destination;
    ALTER TABLE drops RENAME COLUMN api_host TO destination;
    """,
    # 9: what a custom destination's reply gave to delete the file, and when it was deleted
    # from the server (the row stays, as a record).
    """
    ALTER TABLE uploads ADD COLUMN deletion_url TEXT;
    ALTER TABLE uploads ADD COLUMN deleted_at REAL;
    """,
    # 10: the History tab's "Failed only" and the rows a previous run left unfinished are
    # read from small indexes of just those rows: both used to read every row (a tenth of a
    # second in a million). Building them reads the table once and keeps every row. (The
    # search index is not a migration: it needs FTS5's trigram tokenizer, which an older
    # SQLite lacks; see .search.)
    """
    CREATE INDEX uploads_failed ON uploads (added_at DESC, id DESC) WHERE state = 'failed';
    CREATE INDEX uploads_queued ON uploads (id) WHERE state = 'queued';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

COLUMNS = (
    "id, path, raw_path, name, size, sha256, content_type, destination, state, url, error, "
    "added_at, uploaded_at, attempt, prepared, width, height, deletion_url, deleted_at"
)

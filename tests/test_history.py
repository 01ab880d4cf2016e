"""The history store: durable rows, migrations, recovery from a bad file, exports."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from tests.immutable import immutable
from tests.needs import needs_root
from uploader_gui.core.history import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryState,
    HistoryStore,
    export_csv,
    export_json,
)


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history.sqlite3")


def test_rows_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    first = HistoryStore(path)
    done, failed, waiting = first.add(
        [
            ("/p/a.png", "a.png", "api.x"),
            ("/p/b.png", "b.png", "api.x"),
            ("/p/c.png", "c.png", "api.x"),
        ]
    )
    first.finish(
        done, HistoryState.DONE, url="https://cdn.x/u/1.png", digest=("ab" * 32, 10, "image/png")
    )
    first.finish(failed, HistoryState.FAILED, error="the API key was rejected")
    first.close()

    again = HistoryStore(path)
    assert again.count() == 3
    by_name = {entry.name: entry for entry in again.page(0, 10)}
    assert by_name["a.png"].state is HistoryState.DONE
    assert by_name["a.png"].url == "https://cdn.x/u/1.png"
    assert by_name["a.png"].uploaded_at is not None
    assert by_name["b.png"].error == "the API key was rejected"
    assert [e.id for e in again.unfinished()] == [waiting]
    assert again.find_upload("ab" * 32, "api.x") == by_name["a.png"]
    assert again.find_upload("ab" * 32, "other.host") is None


def test_a_done_row_keeps_its_url(store: HistoryStore) -> None:
    (entry,) = store.add([("/a.png", "a.png", "h")])
    store.finish(entry, HistoryState.DONE, url="https://cdn/1.png")
    store.finish(entry, HistoryState.FAILED, error="late failure")
    got = store.get(entry)
    assert got is not None
    assert (got.state, got.url) == (HistoryState.DONE, "https://cdn/1.png")


def test_search_filter_and_newest_first(store: HistoryStore) -> None:
    ids = store.add([(f"/x/{n}.png", f"{n}.png", "h") for n in ("cat", "dog", "100%_off")])
    store.finish(ids[0], HistoryState.DONE, url="https://cdn/u/zebra.png")
    store.finish(ids[1], HistoryState.FAILED, error="boom")
    assert [e.name for e in store.page(0, 10)] == ["100%_off.png", "dog.png", "cat.png"]
    assert [e.name for e in store.page(0, 10, search="zebra")] == ["cat.png"]
    assert [e.name for e in store.page(0, 10, search="DOG")] == ["dog.png"]
    assert [e.name for e in store.page(0, 10, search="%_")] == ["100%_off.png"]
    assert [e.name for e in store.page(0, 10, failed_only=True)] == ["dog.png"]
    assert store.count(search="png") == 3
    assert [e.name for e in store.page(1, 1)] == ["dog.png"]


def test_workers_write_while_the_gui_reads(store: HistoryStore) -> None:
    ids = store.add([(f"/f/{i}.png", f"{i}.png", "h") for i in range(40)])

    def finish(chunk: list[int]) -> None:
        for entry in chunk:
            store.finish(entry, HistoryState.DONE, url=f"https://cdn/{entry}.png")

    threads = [threading.Thread(target=finish, args=(ids[i::4],)) for i in range(4)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        store.count()
    for thread in threads:
        thread.join()
    assert store.unfinished() == []
    assert len({e.url for e in store.page(0, 100)}) == 40


def test_migration_from_the_first_schema(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.execute(
        "INSERT INTO uploads (path, name, api_host, state, url, added_at, uploaded_at) "
        "VALUES ('/old.png', 'old.png', 'h', 'done', 'https://cdn/old.png', 1.0, 2.0)"
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    store = HistoryStore(path)
    assert store.recovered_from is None
    (entry,) = store.page(0, 10)
    assert (entry.name, entry.url, entry.content_type) == ("old.png", "https://cdn/old.png", None)
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {row[1] for row in check.execute("PRAGMA index_list(uploads)")}
    assert {"uploads_added", "uploads_duplicate"} <= indexes


def test_migration_from_schema_two_keeps_rows_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + MIGRATIONS[1])
    old.execute(
        "INSERT INTO uploads (id, path, name, size, sha256, api_host, state, url, added_at, "
        "content_type) VALUES (7, '/a.png', 'a.png', 3, 'abc', 'h', 'done', "
        "'https://cdn/a.png', 1.0, 'image/png')"
    )
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()

    store = HistoryStore(path)
    (entry,) = store.page(0, 10)
    assert (entry.id, entry.sha256, entry.content_type) == (7, "abc", "image/png")
    assert store.find_upload("abc", "h") == entry
    assert store.add([("/b.png", "b.png", "h")]) == [8]
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {row[1] for row in check.execute("PRAGMA index_list(uploads)")}
    assert {"uploads_added", "uploads_duplicate"} <= indexes


def test_ids_are_never_reused(store: HistoryStore) -> None:
    # A file still uploading after its row was cleared must not land on a newer row.
    first = store.add([("/a.png", "a.png", "h"), ("/b.png", "b.png", "h")])
    store.remove([first[1]])  # the newest
    (after_remove,) = store.add([("/c.png", "c.png", "h")])
    assert after_remove not in first
    store.clear()
    (after_clear,) = store.add([("/d.png", "d.png", "h")])
    assert after_clear > after_remove
    store.finish(first[0], HistoryState.DONE, url="https://cdn/a.png")  # the late outcome
    (entry,) = store.page(0, 10)
    assert (entry.id, entry.state, entry.url) == (after_clear, HistoryState.QUEUED, None)


def test_a_corrupt_file_is_kept_aside_and_a_fresh_history_starts(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    store = HistoryStore(path)
    assert store.recovered_from is not None
    assert store.recovered_from.read_bytes() == garbage
    assert store.recovery_reason
    assert store.count() == 0
    store.add([("/a.png", "a.png", "h")])
    assert HistoryStore(path).count() == 1


def test_a_history_from_a_newer_version_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    store = HistoryStore(path)
    assert store.recovered_from is not None
    assert "newer" in (store.recovery_reason or "")


def test_exports(store: HistoryStore) -> None:
    ok, bad = store.add([('/p/a,"b".png', 'a,"b".png', "h"), ("/p/c.png", "c.png", "h")])
    store.finish(
        ok, HistoryState.DONE, url="https://cdn/u/1.png", digest=("f" * 64, 1234, "image/png")
    )
    store.finish(bad, HistoryState.FAILED, error="too large")
    entries = store.page(0, 10)

    out = io.StringIO()
    export_csv(entries, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert out.getvalue().splitlines()[0] == (
        "name,url,state,error,path,size,sha256,content_type,api_host,added_at,uploaded_at,prepared,"
        "deleted_at"
    )
    assert rows[1]["name"] == 'a,"b".png'
    assert rows[1]["url"] == "https://cdn/u/1.png"
    assert rows[1]["size"] == "1234"
    assert rows[0]["state"] == "failed"
    assert rows[0]["error"] == "too large"
    assert rows[0]["url"] == ""

    out = io.StringIO()
    export_json(entries, out)
    records = json.loads(out.getvalue())
    assert records[1]["url"] == "https://cdn/u/1.png"
    assert records[1]["state"] == "done"
    assert records[1]["uploaded_at"].endswith("Z")
    assert records[0]["url"] is None
    assert "deletion_url" not in records[1]  # a capability to delete: never exported


def test_a_file_deleted_from_its_server_is_marked_and_never_reused(store: HistoryStore) -> None:
    first, second, elsewhere = store.add(
        [("/a.png", "a.png", "custom:1"), ("/b.png", "a.png", "custom:1"), ("/c.png", "a", "h")]
    )
    digest = ("d" * 64, 10, "image/png")
    url = "https://host.example/u/1.png"
    for entry in (first, second, elsewhere):
        store.finish(
            entry,
            HistoryState.DONE,
            url=url,
            digest=digest,
            deletion_url="https://host.example/delete/1",
        )
    assert store.find_upload("d" * 64, "custom:1") is not None
    store.mark_deleted(url, "custom:1")
    rows = {entry.id: entry for entry in store.page(0, 10)}
    assert rows[first].deleted_at is not None
    assert rows[second].deleted_at is not None
    assert rows[elsewhere].deleted_at is None  # another destination's file is another file
    assert rows[first].deletion_url == "https://host.example/delete/1"
    assert store.find_upload("d" * 64, "custom:1") is None  # a deleted file is not reused
    assert store.find_upload("d" * 64, "h") is not None


def test_restart_never_erases_a_done_url(store: HistoryStore) -> None:
    (entry,) = store.add([("/a.png", "a.png", "h")])
    store.finish(entry, HistoryState.DONE, url="https://cdn/keep.png")
    store.restart(entry, "h")
    got = store.get(entry)
    assert got is not None
    assert (got.state, got.url) == (HistoryState.DONE, "https://cdn/keep.png")


def test_many_threads_do_not_pile_up_connections(store: HistoryStore) -> None:
    ids = store.add([(f"/t/{i}.png", f"{i}.png", "h") for i in range(60)])
    open_files = len(os.listdir("/proc/self/fd"))
    for entry in ids:  # a new thread per write, as a pool may give
        thread = threading.Thread(target=store.finish, args=(entry, HistoryState.FAILED))
        thread.start()
        thread.join()
    assert len(os.listdir("/proc/self/fd")) <= open_files + 2


def test_a_damaged_database_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    good = HistoryStore(path)
    good.add([(f"/d/{i}.png", f"{i}.png", "h") for i in range(500)])
    good.close()
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 300] = b"\xff" * 300  # scribble over the second b-tree page
    path.write_bytes(bytes(data))
    store = HistoryStore(path)
    assert store.recovered_from is not None
    assert store.count() == 0


def test_unfinished_for_one_host(tmp_path: Path) -> None:
    first, second = HistoryStore(tmp_path / "h.sqlite3").add(
        [("/a.png", "a.png", "api.example"), ("/b.png", "b.png", "x:1")]
    )
    store = HistoryStore(tmp_path / "h.sqlite3")  # the next run
    assert [e.id for e in store.unfinished()] == [first, second]
    assert [e.id for e in store.unfinished("x:1")] == [second]


def test_unfinished_is_what_earlier_runs_left_not_this_runs_own(tmp_path: Path) -> None:
    (old,) = HistoryStore(tmp_path / "h.sqlite3").add([("/old.png", "old.png", "h")])
    store = HistoryStore(tmp_path / "h.sqlite3")
    store.add([("/new.png", "new.png", "h")])  # this run's, being uploaded now
    assert [e.id for e in store.unfinished("h")] == [old]


def test_a_name_that_is_not_utf8_is_kept_with_the_others(store: HistoryStore) -> None:
    odd = os.fsdecode(b"/photos/caf\xe9.png")  # as Python sees such a file name
    ids = store.add([("/photos/a.png", "a.png", "h"), (odd, odd.rsplit("/")[-1], "h")])
    store.finish(ids[1], HistoryState.FAILED, error=f"could not read {odd}")
    names = {entry.name for entry in store.page(0, 10)}
    assert names == {"a.png", "caf\\xe9.png"}
    (failed,) = store.page(0, 10, failed_only=True)
    assert failed.error == "could not read /photos/caf\\xe9.png"
    assert failed.path == odd  # the exact path, so the file can be resumed


def test_a_drop_is_expanded_exactly_once_across_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    first = HistoryStore(path)
    folder = tmp_path / "photos"
    odd = Path(os.fsdecode(b"/photos/caf\xe9.png"))
    drop_id = first.add_drop([folder, odd], "h")
    files = [folder / f"{i}.png" for i in range(5)]
    assert first.leftover_drops("h") == []  # this run's own drop is not a leftover
    # The run that made it recorded two files, then died before closing the drop.
    with first._transaction() as db:
        first._insert(db, [(str(p), p.name, "h") for p in files[:2]], drop_id, 0.0)
    first.close()

    second = HistoryStore(path)
    (drop,) = second.leftover_drops("h")
    assert drop.paths == [folder, odd]  # exact, whatever the encoding
    assert second.leftover_drops("other-host") == []
    added = second.record_drop(drop.id, [*files, odd], "h")
    assert [e.path for e in added] == [*map(str, files[2:]), str(odd)]
    assert second.leftover_drops("h") == []
    assert sorted(e.path for e in second.page(0, 100)) == sorted(map(str, [*files, odd]))
    second.close()
    assert HistoryStore(path).leftover_drops("h") == []


@pytest.mark.parametrize("kind", ["folder", "fifo", "link to /dev/null", "link outside"])
def test_a_history_entry_that_is_not_a_regular_file_is_moved_aside(
    tmp_path: Path, kind: str
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    path = data / "history.sqlite3"
    outside = tmp_path / "elsewhere.sqlite3"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "link to /dev/null":
        path.symlink_to("/dev/null")
    else:
        HistoryStore(outside).close()
        path.symlink_to(outside)
    store = HistoryStore(path)
    store.add([("/a.png", "a.png", "h")])
    assert not store.temporary
    assert store.recovered_from is not None
    assert os.path.lexists(store.recovered_from)  # kept, not deleted
    assert path.is_file()
    assert not path.is_symlink()
    assert not os.path.lexists("/dev/null-journal")
    assert not os.path.lexists("/dev/null-wal")
    store.close()
    assert HistoryStore(path).count() == 1
    if kind == "link outside":
        assert HistoryStore(outside).count() == 0  # what the link pointed to is untouched


def test_a_link_inside_the_data_folder_to_a_good_file_is_used(tmp_path: Path) -> None:
    real = tmp_path / "history-real.sqlite3"
    HistoryStore(real).add([("/a.png", "a.png", "h")])
    link = tmp_path / "history.sqlite3"
    link.symlink_to(real.name)
    store = HistoryStore(link)
    assert store.recovered_from is None
    assert store.count() == 1


def test_a_side_file_that_is_a_link_is_never_written_through(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    first = HistoryStore(path)
    first.add([("/a.png", "a.png", "h")])
    first.close()
    target = tmp_path / "victim"
    target.write_bytes(b"keep me")
    (tmp_path / "history.sqlite3-wal").unlink(missing_ok=True)
    (tmp_path / "history.sqlite3-wal").symlink_to(target)
    store = HistoryStore(path)
    store.add([("/b.png", "b.png", "h")])
    assert target.read_bytes() == b"keep me"
    assert store.count() == 2


def test_an_unusable_data_folder_gives_a_temporary_history_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(b"")
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    store = HistoryStore(blocker / "history.sqlite3")
    store.add([("/a.png", "a.png", "h")])
    assert store.temporary
    assert store.recovery_reason
    assert store.count() == 1  # it works, for this session
    store.close()
    assert list(temp.iterdir()) == []  # no temporary folder left behind


def test_the_data_folder_and_its_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "uploader-gui"
    store = HistoryStore(folder / "history.sqlite3")
    store.add([("/a.png", "a.png", "h")])
    assert folder.stat().st_mode & 0o777 == 0o700
    files = [p for p in folder.iterdir() if p.name.startswith("history.sqlite3")]
    assert {p.name for p in files} >= {"history.sqlite3", "history.sqlite3-wal"}
    for file in files:
        assert file.stat().st_mode & 0o777 == 0o600, file.name
    store.close()


def test_an_existing_history_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "uploader-gui"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    HistoryStore(folder / "history.sqlite3").close()
    (folder / "history.sqlite3").chmod(0o644)
    HistoryStore(folder / "history.sqlite3").close()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "history.sqlite3").stat().st_mode & 0o777 == 0o600


@needs_root
def test_a_history_that_cannot_be_written_says_so_at_open_and_on_each_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).add([("/a.png", "a.png", "h")])
    with immutable(path):
        store = HistoryStore(path, lazy=True)
        failures: list[str] = []
        store.watch_writes(failures.append)
        store.open()
        assert store.write_error is not None
        assert store.write_error == "the file is read-only"
        assert store.count() == 1  # still readable
        with pytest.raises(sqlite3.Error):
            store.add([("/b.png", "b.png", "h")])
        assert len(failures) == 2  # the probe at open, then the write
        store.close()


def test_a_retried_row_does_not_keep_the_digest_of_an_earlier_attempt(
    store: HistoryStore,
) -> None:
    (entry_id,) = store.add([("/a.png", "a.png", "h")])
    store.finish(entry_id, HistoryState.FAILED, error="boom", digest=("old", 10, "image/png"))
    store.restart(entry_id, "h")
    store.finish(entry_id, HistoryState.DONE, url="https://cdn/x.png")  # no digest this time
    entry = store.get(entry_id)
    assert entry is not None
    assert entry.sha256 is None  # the old bytes' digest would send later duplicates astray
    assert store.find_upload("old", "h") is None


def test_a_csv_cell_never_runs_as_a_formula(store: HistoryStore) -> None:
    """A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return):
    names and errors from outside are written so that they stay text."""
    names = ['=HYPERLINK("https://evil.example","x").png', "+1.png", "-2.png", "@SUM(A1).png"]
    ids = store.add([(f"/p/{name}", name, "h") for name in names] + [("/p/ok.png", "ok.png", "h")])
    store.finish(ids[0], HistoryState.FAILED, error="=cmd|' /C calc'!A0")
    store.finish(ids[1], HistoryState.FAILED, error="\t=1+1")
    out = io.StringIO()
    export_csv(store.page(0, 10), out)
    rows = {row["path"]: row for row in csv.DictReader(io.StringIO(out.getvalue()))}
    for name in names:
        assert rows["/p/" + name]["name"] == "'" + name
    assert rows["/p/" + names[0]]["error"] == "'=cmd|' /C calc'!A0"
    assert rows["/p/" + names[1]]["error"] == "'\t=1+1"
    assert rows["/p/ok.png"]["name"] == "ok.png"  # plain cells stay as they are

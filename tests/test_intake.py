"""Turning dropped, pasted or named paths into files to upload."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from uploader_gui.core.intake import collect


def test_folders_expand_to_images_in_order_and_repeats_are_dropped(tmp_path: Path) -> None:
    folder = tmp_path / "shoot"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.png", "a.JPG", "notes.txt", ".hidden.png", "sub/c.webp"):
        (folder / name).write_bytes(b"x")
    loose = tmp_path / "loose.txt"
    loose.write_text("kept: named on its own")
    intake = collect([folder, loose, folder / "b.png", str(loose)])
    assert intake.files == [folder / "a.JPG", folder / "b.png", folder / "sub/c.webp", loose]
    assert intake.folders == {folder: 3}


def test_a_path_that_cannot_be_checked_does_not_cost_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.png"
    good.write_bytes(b"x")
    too_long = Path("/") / ("n" * 300)  # is_dir() raises "File name too long"
    with pytest.raises(OSError, match="too long"):
        too_long.is_dir()
    intake = collect([too_long, good, "~no-such-user-here/x.png"])
    assert intake.files[0] == too_long
    assert intake.files[1] == good
    assert intake.files[2] == Path(os.getcwd(), "~no-such-user-here/x.png")


def test_files_found_in_folders_are_told_apart_from_files_named_on_their_own(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    for index in range(3):
        (folder / f"{index}.png").write_bytes(b"x")
    named = folder / "1.png"
    # Named first, then its folder: the folder still counts all three images.
    intake = collect([named, folder])
    assert intake.files == [named, folder / "0.png", folder / "2.png"]
    assert intake.folders == {folder: 3}
    assert intake.from_folders == {folder / "0.png", folder / "2.png"}
    assert intake.folder_images == 3
    assert intake.without_folders() == [named]

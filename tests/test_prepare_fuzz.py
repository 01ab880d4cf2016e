"""A seeded mutation fuzz of preparing: thousands of damaged files of every format.

Each mutant (bytes flipped, inserted, deleted, duplicated, a size made huge, the file cut)
goes through what the app does with a file before upload. Whatever happens, the only
exception that may come out is the app's own :class:`LocalFileError`, with a reason: never a
``TypeError``, ``RuntimeError``, ``SyntaxError`` or ``OSError`` from a decoder, and never a
crash. The walkers of the accepted formats are held to that on their own too (without the
pipeline's last line of defence).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.fuzz_seeds import SEEDS, mutate
from uploader_gui.core.errors import LocalFileError
from uploader_gui.core.prepare.metadata import strip_metadata
from uploader_gui.core.prepare.options import PrepareOptions
from uploader_gui.core.prepare.pipeline import prepare

#: Mutants per format, and the most time one format may take (the suite stays quick).
MUTANTS = 3000
SECONDS = 12.0
#: Formats whose walker must refuse damage on its own (no conversion involved).
WALKED = {
    "jpeg",
    "jpeg-progressive",
    "png",
    "apng",
    "webp",
    "webp-lossless",
    "webp-animated",
    "gif",
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_no_damaged_file_escapes_as_anything_but_the_app_s_error(tmp_path: Path, name: str) -> None:
    seed = SEEDS[name]()
    rng = random.Random(f"uploader-gui {name}")  # the same mutants every run
    escaped: list[str] = []
    done = sent = 0
    deadline = time.monotonic() + SECONDS
    work = tmp_path / "prepared"
    work.mkdir()
    while done < MUTANTS and time.monotonic() < deadline:
        mutant = tmp_path / f"mutant-{done}"
        mutant.write_bytes(mutate(seed, rng))
        options = PrepareOptions(max_side=16) if done % 3 == 0 else PrepareOptions()
        for attempt in ("walk", "prepare") if name in WALKED else ("prepare",):
            try:
                if attempt == "walk":
                    result = strip_metadata(mutant, work)
                    if result.path is not None:
                        result.path.unlink()
                else:
                    prepared = prepare(mutant, options, work)
                    prepared.discard()
                    sent += 1
            except LocalFileError as error:
                if not str(error):
                    escaped.append(f"mutant {done} ({attempt}): refused without a reason")
            except Exception as error:  # what the test is for
                escaped.append(f"mutant {done} ({attempt}): {type(error).__name__}: {error}")
        mutant.unlink()
        done += 1
    assert escaped == []
    assert done >= 500, f"only {done} mutants in {SECONDS} s"
    assert 0 < sent < done  # some survive their damage, some are refused
    assert list(work.iterdir()) == []  # nothing prepared is left behind

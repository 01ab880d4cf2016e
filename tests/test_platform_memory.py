"""Freed memory back to the system on Linux (``platform/linux/glibc_memory.py``), against a
fake C library; and the real one here."""

from __future__ import annotations

import ctypes

from uploader_gui.platform.linux.glibc_memory import M_MMAP_THRESHOLD, MAPPED_FROM, GlibcMalloc


class FakeMallopt:
    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []
        self.argtypes: tuple[object, ...] = ()

    def __call__(self, parameter: int, value: int) -> int:
        self.calls.append((parameter, value))
        return 1


class FakeGlibc:
    def __init__(self) -> None:
        self.mallopt = FakeMallopt()


def test_the_threshold_is_set_once() -> None:
    library = FakeGlibc()
    loads: list[int] = []

    def load() -> FakeGlibc:
        loads.append(1)
        return library

    tuning = GlibcMalloc(load)
    tuning.return_freed_memory()
    tuning.return_freed_memory()
    assert library.mallopt.calls == [(M_MMAP_THRESHOLD, MAPPED_FROM)] == [(-3, 4 * 1024 * 1024)]
    assert library.mallopt.argtypes == (ctypes.c_int, ctypes.c_int)
    assert loads == [1]


def test_another_c_library_is_left_alone() -> None:
    GlibcMalloc(lambda: object()).return_freed_memory()  # musl: no mallopt

    def unloadable() -> object:
        raise OSError("no C library")

    GlibcMalloc(unloadable).return_freed_memory()


def test_the_real_one_runs() -> None:
    GlibcMalloc().return_freed_memory()

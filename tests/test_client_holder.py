"""The one client of a destination (``core/client_holder.py``): made on a worker, and the
GUI thread's changes never wait for it to be made."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.images import png_bytes, write
from uploader_gui.core.client import UploadClient
from uploader_gui.core.client_holder import ClientHolder
from uploader_gui.core.destination import Access, Destination
from uploader_gui.core.errors import DestinationChangedError
from uploader_gui.core.network.proxy import ProxyMode, ProxySettings
from uploader_gui.core.retry import RetryPolicy
from uploader_gui.core.upload_job import picture_size
from uploader_gui.sandbox import SandboxServer


def test_changes_do_not_wait_for_a_client_being_made(sandbox: SandboxServer) -> None:
    """A locked keyring (its unlock prompt) holds the worker making the client; Settings'
    changes on the GUI thread go through meanwhile, and that client is not used."""
    asked, answer = threading.Event(), threading.Event()

    def slow_keyring(url: str) -> str:
        asked.set()
        answer.wait(10)
        return "pw"

    holder = ClientHolder(slow_keyring)
    access = Access(Destination(sandbox.url), sandbox.key, generation=1)
    holder.set_proxy(ProxySettings(ProxyMode.MANUAL, "http://bob@127.0.0.1:9"))
    made: list[UploadClient] = []
    worker = threading.Thread(target=lambda: made.append(holder.get(access, RetryPolicy())))
    worker.start()
    assert asked.wait(10)

    changed = threading.Thread(target=lambda: holder.set_proxy(ProxySettings(ProxyMode.NONE)))
    changed.start()
    changed.join(5)
    assert not changed.is_alive(), "set_proxy waited for the keyring"

    answer.set()
    worker.join(10)
    (client,) = made
    assert client.proxy is None  # made again for the settings of now, not the old proxy
    # The same access and policy: the same client; another access: another client.
    assert holder.get(access, RetryPolicy()) is client
    newer = Access(access.destination, access.key, generation=2)
    assert holder.get(newer, RetryPolicy()) is not client
    holder.close()
    with pytest.raises(DestinationChangedError):
        holder.get(newer, RetryPolicy())


def test_the_size_of_a_file_gone_since_is_unknown_not_an_error(tmp_path: Path) -> None:
    image = write(tmp_path / "a.png", png_bytes(7, 5))
    assert picture_size(image) == (7, 5)
    image.unlink()
    assert picture_size(image) is None
    assert picture_size(tmp_path) is None  # a folder

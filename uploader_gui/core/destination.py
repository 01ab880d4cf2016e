"""Where uploads go, and how: one value, made once, handed down whole.

A :class:`Destination` is a service's address (normalised when it is made: the only place
an API URL is checked and normalised) and its upload contract: the path files are posted
to, the form field that carries the file, the header that carries the key, the path that
checks a key, and where the reply says the file's URL. Everything that used to pass a bare
URL string around (and derive its host again) takes a destination.

:class:`Access` is a destination with its key and the generation it belongs to. One part
owns the current one (the window's destination controller, or the command line); it is
handed down whole, and a job that began with an older generation knows the destination
changed under it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from .urls import api_host, normalize_api_url

if TYPE_CHECKING:
    from .destinations.uploader import Field, Uploader

#: The service's upload contract (../shared/api: POST {API_URL}/upload/image/v1).
UPLOAD_PATH: Final = "/upload/image/v1"
HEALTH_PATH: Final = "/health"
FILE_FIELD: Final = "file"
KEY_HEADER: Final = "X-API-Key"
URL_KEY: Final = "url"
#: The built-in destination's name, as lists show it.
IMAGEPIPELINE: Final = "ImagePipeline"
SANDBOX: Final = "sandbox"


@dataclass(frozen=True)
class Destination:
    """A service to upload to. ``url`` is normalised on construction (an
    :class:`.errors.InsecureURLError` says why one cannot carry a key); ``host`` is derived
    from it there, once."""

    url: str
    name: str = IMAGEPIPELINE
    upload_path: str = UPLOAD_PATH
    health_path: str = HEALTH_PATH
    file_field: str = FILE_FIELD
    key_header: str = KEY_HEADER
    #: The key of the reply's JSON object that holds the uploaded file's URL.
    url_key: str = URL_KEY
    #: A custom destination's request and reply (``None``: the ImagePipeline contract
    #: above). Its :attr:`url` is then the request URL's origin, where its secrets may go.
    custom: Uploader | None = None
    #: A custom destination's stable id (``custom:…``), kept when it is renamed.
    key: str = ""
    #: ``host[:port]``, lower case (set from :attr:`url`).
    host: str = field(init=False)

    def __post_init__(self) -> None:
        url = normalize_api_url(self.url)
        object.__setattr__(self, "url", url)
        object.__setattr__(self, "host", api_host(url))

    @classmethod
    def of_uploader(cls, key: str, uploader: Uploader) -> Destination:
        """The custom destination ``uploader``, known as ``key``: its origin is checked as an
        API URL is (HTTPS, or plain HTTP to loopback only)."""
        parts = urlsplit(uploader.request_url)
        return cls(f"{parts.scheme}://{parts.netloc}", name=uploader.name, custom=uploader, key=key)

    @property
    def upload_url(self) -> str:
        return self.url + self.upload_path

    @property
    def health_url(self) -> str:
        return self.url + self.health_path

    @property
    def id(self) -> str:
        """What the history knows it by: ImagePipeline's is its ``host[:port]`` (so a
        history written before destinations existed still matches); a custom one's is its
        :attr:`key`."""
        return self.key if self.custom is not None else self.host

    @property
    def keyring_user(self) -> str:
        """The user name of its key's keyring entry (service ``uploader-gui``)."""
        return self.host


@dataclass(frozen=True)
class Access:
    """A destination, its key (or a custom destination's secrets), and the generation they
    belong to."""

    destination: Destination
    key: str = field(repr=False)
    #: Bumped by every change of destination or key: what began with an older one is stale.
    generation: int = 0
    #: A custom destination's secrets, by field (the keyring's; never in settings).
    secrets: Mapping[Field, str] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

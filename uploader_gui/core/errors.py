"""Typed upload failures, each with a message a person can act on.

Every message is written for the user of the app. None of them ever contains the API key:
the key is not passed to any of these constructors.
"""

from __future__ import annotations

from pathlib import Path

from .i18n import translate


class UploadError(Exception):
    """Base class for everything that can make one file's upload fail."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


class ConfigurationError(UploadError):
    """The API URL or key cannot be used (checked before any connection is opened)."""


class ProxySettingError(ConfigurationError):
    """The proxy to use is not a usable address (a variable or the setting)."""


class PlainProxyPasswordError(ProxySettingError):
    """The proxy would receive its password in clear text and the person has not allowed
    it for this proxy (:attr:`address`, ``host:port``)."""

    def __init__(self, message: str, address: str) -> None:
        super().__init__(message)
        self.address = address


class CertificateError(UploadError):
    """The server's certificate failed verification; nothing was sent. Retrying cannot help
    until the system trusts it (or the service fixes it)."""


class ProxyRefusedError(UploadError):
    """The proxy refused to carry the connection (authentication, policy)."""


class InsecureURLError(ConfigurationError):
    """A plain ``http://`` API URL that is not loopback, or a URL that is not http(s)."""


class LocalFileError(UploadError):
    """The file was refused before any byte was sent: missing, unreadable, not an image."""

    def __init__(self, path: Path | str, message: str, *, retry_helps: bool = True) -> None:
        super().__init__(message)
        self.path = Path(path)
        #: Whether sending it again may work (a missing file may come back; a FIFO won't).
        self.retry_helps = retry_helps


class UnsupportedTypeError(LocalFileError):
    """The bytes are not PNG, JPEG, WebP or GIF."""

    def __init__(self, path: Path | str, detected: str) -> None:
        # ``detected`` is a format ("BMP") or a phrase marked in :func:`.sniff.describe`.
        message = translate(
            "Errors", "not an image the service accepts: {detected}; allowed: PNG, JPEG, WebP, GIF"
        ).format(detected=translate("Errors", detected))
        super().__init__(path, message, retry_helps=False)
        self.detected = detected


class FileChangedError(LocalFileError):
    """The file was written to or replaced while it was being sent (or hashed)."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(path, translate("Errors", "the file changed while it was being uploaded"))


class KeyRejectedError(UploadError):
    """401/403: the service did not accept the API key."""


class FileTooLargeError(UploadError):
    """413: the file is over the service's size limit."""


class TypeRejectedError(UploadError):
    """415: the service refused the file's type."""


class ValidationError(UploadError):
    """422: the service found the request malformed; carries its ``detail`` text."""


class RedirectRefusedError(UploadError):
    """A 3xx answer. Redirects are never followed: the key must not leave its origin."""


class BadResponseError(UploadError):
    """A reply the app cannot use: not JSON, no ``url``, or a URL that is not http(s)."""


class RequestRejectedError(UploadError):
    """Any other final 4xx answer."""


class TransientError(UploadError):
    """A failure worth retrying after a pause."""

    def __init__(
        self, message: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message, status=status)
        #: Seconds the server asked us to wait (``Retry-After``), if it said.
        self.retry_after = retry_after


class RateLimitedError(TransientError):
    """429: too many requests."""


class ServerError(TransientError):
    """5xx: the service failed."""


class UploadTimeoutError(TransientError):
    """408, or no answer within the timeout."""


class ConnectionFailedError(TransientError):
    """The connection could not be opened, or dropped part-way."""


class ProxyUnreachableError(ConnectionFailedError):
    """The proxy itself could not be reached (worth retrying: it may come back)."""


#: Failures of the way to the service (not of one file): the window says so once, with the
#: fix, besides each row.
NETWORK_SETUP_ERRORS = (
    CertificateError,
    ProxyRefusedError,
    ProxySettingError,
    ProxyUnreachableError,
)


class CancelledError(UploadError):
    """The upload was cancelled by the user."""

    def __init__(self) -> None:
        super().__init__(translate("Errors", "cancelled"))


class DestinationChangedError(CancelledError):
    """The API URL changed before this file's upload began: it starts again for the new one."""

"""Certificates: verified against the operating system's trust store, explained plainly.

``truststore`` verifies with the system's own store (on Linux, OpenSSL's default paths,
which honour ``SSL_CERT_FILE``/``SSL_CERT_DIR``; on macOS and Windows, the platform
verifier), so a company root certificate installed in the system is trusted. There is no
switch to ignore certificate errors. A failed verification ends the connection during the
handshake: no request, and so no key, has been sent.
"""

from __future__ import annotations

import ssl
from typing import Final

from ..i18n import translate
from . import causes

#: OpenSSL's verification results (``X509_V_ERR_*``) and what they mean for a person.
_UNKNOWN_AUTHORITY: Final = frozenset({2, 20, 27})  # no issuer, no local issuer, untrusted
_SELF_SIGNED: Final = frozenset({18, 19})  # self-signed leaf, self-signed root in the chain
_EXPIRED: Final = 10
_NOT_YET_VALID: Final = 9
_WRONG_NAME: Final = frozenset({62, 64})  # host name, IP address mismatch


def ssl_context() -> ssl.SSLContext:
    """A client context that trusts what the operating system trusts."""
    import truststore  # lazily: only an upload needs it

    context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return context


def verification_error(exc: BaseException | None) -> ssl.SSLCertVerificationError | None:
    """The certificate failure behind ``exc``, if there is one."""
    return next((e for e in causes(exc) if isinstance(e, ssl.SSLCertVerificationError)), None)


def explain(error: ssl.SSLCertVerificationError, host: str) -> str:
    """ "the certificate of api.example.com is not trusted: …" with no OpenSSL jargon."""
    code = getattr(error, "verify_code", None)
    if code in _SELF_SIGNED:
        message = translate(
            "Network",
            "the certificate of {host} is not trusted: it is self-signed, so nobody vouches "
            "for it. If your company inspects HTTPS traffic, ask IT to install its root "
            "certificate in the system.",
        )
    elif code in _UNKNOWN_AUTHORITY:
        message = translate(
            "Network",
            "the certificate of {host} is not trusted: it was issued by an unknown authority. "
            "If your company inspects HTTPS traffic, ask IT to install its root certificate in "
            "the system.",
        )
    elif code == _EXPIRED:
        message = translate(
            "Network",
            "the certificate of {host} has expired, so the connection is not safe. If the "
            "computer's date is right, the service must renew its certificate.",
        )
    elif code == _NOT_YET_VALID:
        message = translate(
            "Network",
            "the certificate of {host} is not valid yet. Check the computer's date and time.",
        )
    elif code in _WRONG_NAME:
        message = translate(
            "Network",
            "the certificate presented for {host} belongs to another name, so the connection "
            "may not reach the real {host}. Check the API address.",
        )
    else:
        message = translate(
            "Network",
            "the certificate of {host} could not be verified, so the connection is not safe",
        )
    return message.format(host=host)

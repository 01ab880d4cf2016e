"""Real network pieces for the company-network tests: a private CA and its certificates, a
real HTTP proxy (tinyproxy) and a real SOCKS5 proxy (microsocks), and a private
``/etc/hosts`` so that a name like ``api.test`` (a "remote" host, which is proxied) reaches
the sandbox on loopback.

The proxies, and any client that must resolve ``api.test`` itself, run in their own mount
namespace (``unshare -m``) with a hosts file bound over ``/etc/hosts``: the machine's own
file is never touched.
"""

from __future__ import annotations

import datetime
import functools
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.needs import missing

API_NAME = "api.test"


@dataclass(frozen=True)
class Issued:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)
        return context


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _write_key(key: ec.EllipticCurvePrivateKey, path: Path) -> Path:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return path


class PrivateCA:
    """A root certificate made for one test, and the server certificates it signs."""

    def __init__(self, folder: Path, name: str = "Example Corp Inspection Root") -> None:
        self.folder = folder
        self._key = _key()
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        now = datetime.datetime.now(datetime.timezone.utc)
        self._subject = subject
        self._cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(self._key, hashes.SHA256())
        )
        self.cert = folder / "ca.pem"
        self.cert.write_bytes(self._cert.public_bytes(serialization.Encoding.PEM))

    def issue(
        self,
        stem: str,
        names: Sequence[str] = (API_NAME,),
        *,
        ips: Sequence[str] = ("127.0.0.1",),
        expired: bool = False,
        self_signed: bool = False,
    ) -> Issued:
        key = _key()
        now = datetime.datetime.now(datetime.timezone.utc)
        start, end = now - datetime.timedelta(days=1), now + datetime.timedelta(days=30)
        if expired:
            start, end = now - datetime.timedelta(days=60), now - datetime.timedelta(days=2)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])])
        import ipaddress

        alt_names: list[x509.GeneralName] = [x509.DNSName(name) for name in names]
        alt_names += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips]
        cert = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject if self_signed else self._subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(key if self_signed else self._key, hashes.SHA256())
        )
        cert_path = self.folder / f"{stem}.pem"
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        return Issued(cert_path, _write_key(key, self.folder / f"{stem}.key"))


# --- a private /etc/hosts ----------------------------------------------------------------


@functools.cache
def private_hosts_problem() -> str | None:
    """Why a private ``/etc/hosts`` cannot be had here, or ``None`` when it can.

    Found by doing what the tests do: ``api.test`` is looked up (``getent``, the C library's
    resolver, as the proxies use) under :func:`with_private_hosts`. It needs root (a mount
    namespace needs CAP_SYS_ADMIN) and a kernel or container that allows ``unshare -m``.
    """
    if shutil.which("unshare") is None:
        return "unshare is missing (util-linux)"
    with tempfile.TemporaryDirectory(prefix="uploader-hosts-") as folder:
        hosts = hosts_file(Path(folder), API_NAME)
        probe = subprocess.run(
            with_private_hosts(["getent", "hosts", API_NAME], hosts),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    if probe.returncode != 0 or not probe.stdout.startswith("127.0.0.1"):
        said = (probe.stderr or probe.stdout).strip() or f"exit {probe.returncode}"
        return f"unshare -m with {hosts.name} bound over /etc/hosts failed: {said}"
    return None


def need_private_hosts() -> None:
    """Skip the calling test where :func:`private_hosts_problem` finds one; fail it in CI."""
    problem = private_hosts_problem()
    if problem is not None:
        missing(f"a private /etc/hosts is not available here: {problem}")


def with_private_hosts(command: Sequence[str], hosts: Path) -> list[str]:
    """``command`` run in its own mount namespace, where ``/etc/hosts`` is ``hosts``."""
    script = 'mount --bind "$0" /etc/hosts && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(hosts), *command]


def hosts_file(folder: Path, *names: str) -> Path:
    path = folder / "hosts"
    path.write_text("127.0.0.1 localhost " + " ".join(names) + "\n", encoding="ascii")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the proxy exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class RunningProxy:
    url: str
    port: int
    log: Path

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()


@contextmanager
def tinyproxy(
    folder: Path, hosts: Path, basic_auth: tuple[str, str] | None = None
) -> Iterator[RunningProxy]:
    """Debian's tinyproxy on loopback, CONNECT allowed to any port; its log records each
    tunnel ("opensock: opening connection to HOST:PORT")."""
    program = shutil.which("tinyproxy") or "/usr/bin/tinyproxy"
    if not Path(program).exists():
        missing("tinyproxy missing: apt-get install tinyproxy (scripts/setup.sh test)")
    port = free_port()
    log = folder / f"tinyproxy-{port}.log"
    log.touch()
    config = folder / f"tinyproxy-{port}.conf"
    lines = [
        f"Port {port}",
        "Listen 127.0.0.1",
        "Allow 127.0.0.1",
        "Timeout 30",
        "LogLevel Info",
        f'LogFile "{log}"',
        "MaxClients 20",
    ]
    if basic_auth:
        lines.append(f"BasicAuth {basic_auth[0]} {basic_auth[1]}")
    config.write_text("\n".join(lines) + "\n", encoding="ascii")
    process = subprocess.Popen(
        with_private_hosts([program, "-d", "-c", str(config)], hosts),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield RunningProxy(f"http://127.0.0.1:{port}", port, log)
    finally:
        _stop(process)


@contextmanager
def microsocks(
    folder: Path, hosts: Path, auth: tuple[str, str] | None = None
) -> Iterator[RunningProxy]:
    """Debian's microsocks (SOCKS5) on loopback. It logs each client and target to stdout."""
    program = shutil.which("microsocks") or "/usr/bin/microsocks"
    if not Path(program).exists():
        missing("microsocks missing: apt-get install microsocks (scripts/setup.sh test)")
    port = free_port()
    log = folder / f"microsocks-{port}.log"
    command = [program, "-i", "127.0.0.1", "-p", str(port)]
    if auth:
        command += ["-u", auth[0], "-P", auth[1]]
    with log.open("wb") as output:
        process = subprocess.Popen(
            with_private_hosts(command, hosts), stdout=output, stderr=subprocess.STDOUT
        )
    try:
        wait_for_port(port, process)
        yield RunningProxy(f"socks5h://127.0.0.1:{port}", port, log)
    finally:
        _stop(process)

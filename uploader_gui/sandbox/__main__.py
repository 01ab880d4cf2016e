"""``python -m uploader_gui.sandbox``: the sandbox upload service in the foreground."""

from __future__ import annotations

import argparse
import signal
import threading

from .contract import DEFAULT_MAX_BYTES
from .faults import Faults
from .hosts import DELETE_METHODS, HostsAuth
from .server import SandboxServer


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    defaults = Faults()
    parser = argparse.ArgumentParser(
        prog="python -m uploader_gui.sandbox",
        description="Serve the sandbox upload service until SIGINT or SIGTERM.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 (default): any free port")
    parser.add_argument("--key", help="the API key to accept (default: random, printed)")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    parser.add_argument("--latency", type=float, default=defaults.latency, metavar="SECONDS")
    parser.add_argument("--fail-status", type=int, default=defaults.fail_status)
    parser.add_argument("--fail-count", type=int, default=defaults.fail_count)
    parser.add_argument("--retry-after", default=defaults.retry_after)
    parser.add_argument("--drop-count", type=int, default=defaults.drop_count)
    parser.add_argument("--non-json-count", type=int, default=defaults.non_json_count)
    parser.add_argument("--throttle-bps", type=int, default=defaults.throttle_bps)
    _add_hosts_arguments(parser)
    return parser.parse_args(argv)


def _add_hosts_arguments(parser: argparse.ArgumentParser) -> None:
    hosts = parser.add_argument_group("generic test hosts (custom destinations)")
    hosts.add_argument(
        "--hosts",
        action="store_true",
        help="also serve the generic test hosts under /hosts/ (implied by any --hosts-* option)",
    )
    for option, separator, where in (
        ("--hosts-header", ":", "header every upload must carry"),
        ("--hosts-query", "=", "query parameter every upload must carry"),
        ("--hosts-form", "=", "form argument every upload with arguments must carry"),
        ("--hosts-delete-header", ":", "header a deletion must carry (default: --hosts-header)"),
    ):
        metavar = f"NAME{separator}VALUE"
        hosts.add_argument(option, action="append", default=[], metavar=metavar, help=where)
    hosts.add_argument("--hosts-delete-method", choices=DELETE_METHODS, default="DELETE")


def _pairs(values: list[str], separator: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, found, given = value.partition(separator)
        if not found or not name.strip():
            raise SystemExit(f"expected NAME{separator}VALUE, got {value!r}")
        pairs[name.strip()] = given.strip() if separator == ":" else given
    return pairs


def _hosts(args: argparse.Namespace) -> bool | HostsAuth:
    """What ``SandboxServer(hosts=...)`` gets from the ``--hosts*`` options."""
    auth = HostsAuth(
        headers=_pairs(args.hosts_header, ":"),
        query=_pairs(args.hosts_query, "="),
        form=_pairs(args.hosts_form, "="),
        delete_method=args.hosts_delete_method,
        delete_headers=_pairs(args.hosts_delete_header, ":") or None,
    )
    return auth if args.hosts or auth != HostsAuth() else False


def main(argv: list[str] | None = None) -> int:
    """Run the sandbox in the foreground; prints its URL and key on one line."""
    args = _parse_args(argv)
    faults = Faults(
        latency=args.latency,
        fail_status=args.fail_status,
        fail_count=args.fail_count,
        retry_after=args.retry_after,
        drop_count=args.drop_count,
        non_json_count=args.non_json_count,
        throttle_bps=args.throttle_bps,
    )
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda _signum, _frame: stop.set())
    server = SandboxServer(
        args.key,
        host=args.host,
        port=args.port,
        max_bytes=args.max_bytes,
        faults=faults,
        hosts=_hosts(args),
    )
    with server:
        print(f"sandbox listening on {server.url} key={server.key}", flush=True)
        while not stop.wait(0.5):  # a timed wait lets the signal handlers run on any platform
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

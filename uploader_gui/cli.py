"""``uploader-gui`` command line: the window by default, ``--headless`` for scripts.

Kept light: the window's start-up path imports neither httpx nor keyring from here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import APP_NAME, __version__
from . import cli_sources as sources
from .core.config import ENV_API_KEY, ENV_API_URL
from .core.intake import IMAGE_SUFFIXES

if TYPE_CHECKING:
    from pathlib import Path

    from .core.links import LinkStyle
    from .core.network.proxy import ProxySettings
    from .core.prepare.options import PrepareOptions


def _concurrency(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 16:
        raise argparse.ArgumentTypeError("must be between 1 and 16")
    return value


def _retries(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 10:
        raise argparse.ArgumentTypeError("must be between 0 and 10")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Upload images to ImagePipeline and get public URLs. Opens a window "
        "unless --headless is given.",
        epilog=f"The API key comes from ${ENV_API_KEY} or the system keyring; the API URL "
        f"from --api-url, else ${ENV_API_URL}, else https://api.imagepipeline.io.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="image files (or folders) to upload"
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--api-url", metavar="URL", help="the API's base URL")
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="run a local test server in-process and upload there (no account or key needed)",
    )
    _headless_options(parser)
    _destination_options(parser)
    _image_options(parser)
    _network_options(parser)
    _desktop_options(parser)
    sources.add_source_options(parser)
    return parser


def _headless_options(parser: argparse.ArgumentParser) -> None:
    headless = parser.add_argument_group(
        "headless mode",
        "A folder stands for the image files in it and its subfolders ("
        + " ".join(sorted(IMAGE_SUFFIXES))
        + ", any case; hidden ones skipped), in sorted order at the folder's place; a file named "
        "twice uploads once. A folder with no image is reported on stderr. Exit status: 0 "
        "if every file uploaded; 1 if a file failed, a folder could not be read or there "
        "was no image at all to upload; 2 on a usage error; 130 if interrupted.",
    )
    headless.add_argument(
        "--headless",
        action="store_true",
        help="upload FILEs (and the images in folders) without a window, print their URLs",
    )
    headless.add_argument(
        "--json", action="store_true", help="print one JSON object per file instead of URLs"
    )
    headless.add_argument(
        "--format",
        metavar="NAME_OR_TEMPLATE",
        help="print one line per file, in input order, as url, markdown, html, bbcode, json "
        "(a JSON string), a template saved in the window, or a template such as "
        '\'"person_image": "{url}"\' (placeholders: {url} {filename} {name} {ext} '
        "{size} {width} {height} {date}); a file that failed prints its path as given",
    )
    headless.add_argument(
        "--concurrency",
        type=_concurrency,
        default=4,
        metavar="N",
        help="uploads in parallel, 1-16 (default 4)",
    )
    headless.add_argument(
        "--retries",
        type=_retries,
        default=3,
        metavar="N",
        help="retries of a transient failure, 0-10 (default 3)",
    )


def _destination_options(parser: argparse.ArgumentParser) -> None:
    destinations = parser.add_argument_group(
        "destinations",
        "Custom destinations are ShareX custom uploaders (.sxcu files); their secrets are kept "
        "in the system keyring only, never in a file or an argument.",
    )
    destinations.add_argument(
        "--destination",
        metavar="NAME",
        help="with --headless: upload to the custom destination NAME (its name in any case, or "
        "its key) instead of ImagePipeline",
    )
    destinations.add_argument(
        "--import-destination",
        metavar="FILE",
        help="add the destination FILE (.sxcu) describes, its secrets to the keyring, then exit",
    )


def _image_options(parser: argparse.ArgumentParser) -> None:
    images = parser.add_argument_group(
        "images (with --headless)",
        "Before upload, personal metadata (location, camera details, owner, dates…) is removed "
        "without re-encoding, and HEIC, AVIF, BMP and TIFF are converted to JPEG or PNG.",
    )
    images.add_argument(
        "--keep-metadata", action="store_true", help="send the files' metadata as it is"
    )
    images.add_argument(
        "--max-size",
        type=_max_size,
        metavar="PIXELS",
        help="shrink images whose long side is larger than PIXELS (keeps the format)",
    )
    images.add_argument(
        "--no-convert",
        action="store_true",
        help="refuse the formats the service does not take instead of converting them",
    )


def _network_options(parser: argparse.ArgumentParser) -> None:
    network_group = parser.add_argument_group(
        "network (with --headless)",
        "By default the system's proxy settings are used: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY "
        "and NO_PROXY, else GNOME's. Certificates are checked against the system's trust store.",
    )
    network = network_group.add_mutually_exclusive_group()
    network.add_argument(
        "--proxy",
        metavar="URL",
        help="send uploads through this proxy (http://, https://, socks5:// or socks5h://; "
        "a password saved for its user in the window is used)",
    )
    network.add_argument(
        "--no-proxy", action="store_true", help="connect directly, ignoring proxy settings"
    )
    network_group.add_argument(
        "--allow-plain-proxy-password",
        action="store_true",
        help="send a proxy's password even where it crosses the network in clear text (an "
        "http:// or SOCKS proxy on another computer); without it such a proxy is refused",
    )


def _desktop_options(parser: argparse.ArgumentParser) -> None:
    desktop = parser.add_argument_group("desktop integration")
    entry = desktop.add_mutually_exclusive_group()
    entry.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add uploader-gui to your applications menu and to Open With for images "
        "(in $XDG_DATA_HOME), then exit",
    )
    entry.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry added, then exit",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.sandbox and args.api_url:
        parser.error("--sandbox and --api-url cannot be used together")
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _run_desktop_entry(parser, args)
    if args.import_destination is not None:
        from .cli_destinations import import_command

        return import_command(parser, args)
    # Every usage error is found before standard input is read or a screenshot is taken.
    sources.check_sources(parser, args)
    if args.headless:
        _check_headless(parser, args)
    else:
        sources.check_window_options(parser, args)
    if sources.STDIN_ARGUMENT in args.files or args.screenshot:
        refused = sources.gather_sources(args)
        if refused is not None:
            return refused
    if args.headless:
        return _run_headless(parser, args)
    from .ui.app import run_app

    return run_app(args)


def _run_desktop_entry(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.files or args.headless:
        parser.error("--(un)install-desktop-entry takes no FILE and no --headless")
    from .desktop import install

    return install.install() if args.install_desktop_entry else install.uninstall()


def _max_size(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of pixels: {text!r}") from None
    if not 64 <= value <= 100_000:
        raise argparse.ArgumentTypeError("the long side must be 64 to 100000 pixels")
    return value


def _prepare_options(args: argparse.Namespace) -> PrepareOptions:
    from .core.prepare.options import PrepareOptions

    return PrepareOptions(
        remove_metadata=not args.keep_metadata,
        convert=not args.no_convert,
        max_side=args.max_size,
    )


def _check_headless(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if not args.files and not args.screenshot:
        parser.error("--headless needs at least one FILE")
    if args.json and args.format:
        parser.error("--json and --format cannot be used together")


def _run_headless(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from .core.config import resolve_api_url
    from .core.credentials import Credentials
    from .core.destination import SANDBOX, Destination
    from .core.errors import InsecureURLError
    from .headless import EXIT_USAGE, upload_files

    link_style = _link_style(parser, args.format) if args.format else None
    if args.destination:
        status = _run_custom(parser, args, link_style)
        if status is not None:
            return status
    if args.sandbox:
        from .sandbox import SandboxServer

        with SandboxServer() as server:
            return upload_files(
                args.files,
                destination=Destination(server.url, name=SANDBOX),
                api_key=server.key,
                concurrency=args.concurrency,
                retries=args.retries,
                as_json=args.json,
                prepare=_prepare_options(args),
                link_style=link_style,
            )
    try:
        destination = Destination(resolve_api_url(args.api_url))
    except InsecureURLError as exc:
        from .core.text import printable

        sys.stderr.write(f"{APP_NAME}: {printable(str(exc))}\n")
        return EXIT_USAGE
    proxy = _proxy_settings(parser, args)
    lookup = Credentials().lookup(destination)
    if lookup.key is None:
        problem = f"{lookup.problem}\n" if lookup.problem else ""
        sys.stderr.write(
            f"{APP_NAME}: {problem}no API key for {destination.host}. Set {ENV_API_KEY}=<your "
            f"key>, save one from the window (Settings), or try `{APP_NAME} --headless "
            "--sandbox FILE...` against a local test server.\n"
        )
        return EXIT_USAGE
    return upload_files(
        args.files,
        destination=destination,
        api_key=lookup.key,
        concurrency=args.concurrency,
        retries=args.retries,
        as_json=args.json,
        prepare=_prepare_options(args),
        proxy=proxy,
        link_style=link_style,
    )


def _run_custom(
    parser: argparse.ArgumentParser, args: argparse.Namespace, link_style: LinkStyle | None
) -> int | None:
    """``--destination NAME``: upload there, with its secrets from the keyring (``None``: NAME
    is the built-in destination)."""
    from .cli_destinations import chosen_access
    from .headless import upload_files

    custom = chosen_access(parser, args.destination, bool(args.sandbox or args.api_url))
    if custom is None:
        return None
    return upload_files(
        args.files,
        destination=custom[0],
        api_key="",
        secrets=custom[1],
        concurrency=args.concurrency,
        retries=args.retries,
        as_json=args.json,
        prepare=_prepare_options(args),
        proxy=_proxy_settings(parser, args),
        link_style=link_style,
    )


def _link_style(parser: argparse.ArgumentParser, value: str) -> LinkStyle:
    from .core.link_templates import load_templates, templates_path
    from .core.links import LinkFormat, TemplateError, resolve_style

    templates = load_templates()
    try:
        style = resolve_style(value, templates)
    except TemplateError as exc:
        parser.error(f"--format: {exc}")
    if value in templates and not isinstance(style, LinkFormat):
        _warn_if_unsafe(templates_path(), value)
    return style


def _warn_if_unsafe(path: Path, name: str) -> None:
    """A saved template from a file another user can change: used, said on one line."""
    from .core.i18n import translate
    from .core.paths import unsafe_config
    from .core.text import printable

    problem = unsafe_config(path)
    if problem is None:
        return
    line = translate(
        "SettingsFile",
        "warning: {problem} The template {name} comes from it: check it, then run: {command}",
    ).format(problem=problem.problem(), name=printable(repr(name)), command=problem.command())
    sys.stderr.write(f"{APP_NAME}: {line}\n")


def _proxy_settings(parser: argparse.ArgumentParser, args: argparse.Namespace) -> ProxySettings:
    from .core.credentials import CredentialError, Credentials
    from .core.network.proxy import (
        ProxyMode,
        ProxySettings,
        ProxyURLError,
        check_proxy_url,
        keyring_user,
        split_password,
    )

    allowed = frozenset({"*"}) if args.allow_plain_proxy_password else frozenset()
    if args.no_proxy:
        return ProxySettings(ProxyMode.NONE)
    if not args.proxy:
        return ProxySettings(ProxyMode.SYSTEM, plain_password_ok=allowed)
    try:
        url, password = split_password(check_proxy_url(args.proxy))
    except ProxyURLError as exc:
        parser.error(f"--proxy: {exc}")
    if password is not None:
        # Every user of this computer can read a process's arguments (ps).
        sys.stderr.write(
            f"{APP_NAME}: warning: the proxy's password in --proxy can be read by every user "
            f"of this computer (ps). Keep it in the keyring instead: give --proxy {url} and "
            f"save the password once with Settings ▸ Network, or: keyring set {APP_NAME} "
            f'"{keyring_user(url)}"\n'
        )
    elif "@" in url:
        try:
            password = Credentials().proxy_password(url)
        except CredentialError as exc:
            sys.stderr.write(f"{APP_NAME}: the proxy's password could not be read: {exc}\n")
    return ProxySettings(ProxyMode.MANUAL, url, password, plain_password_ok=allowed)

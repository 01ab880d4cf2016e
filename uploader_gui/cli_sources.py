"""Images from elsewhere on the command line: ``-`` (one image from standard input) and
``--screenshot`` (the desktop's screenshot tool); ``--serve-picgo[=PORT]`` for the window.

Each image becomes a file before anything else happens, so the rest of the command line
treats it as a FILE: uploaded by ``--headless`` (``--json``, ``--format`` and all), or added
to the window, or handed to the window already running. With ``--headless`` the file is a
private temporary one, removed when the run ends; for the window it is kept beside pasted
images, so a failed one can be retried later.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import APP_NAME

#: What stands for standard input among the FILEs.
STDIN_ARGUMENT = "-"
#: PicGo's port (``core.picgo.DEFAULT_PORT``, kept here so parsing imports no server).
PICGO_PORT = 36677
#: A refusal's exit status: a file that could not be uploaded (as ``headless.EXIT_SOME_FAILED``).
EXIT_REFUSED = 1


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1024 <= value <= 65535:
        raise argparse.ArgumentTypeError("the port must be 1024-65535")
    return value


def add_source_options(parser: argparse.ArgumentParser) -> None:
    sources = parser.add_argument_group(
        "images from elsewhere",
        f"A FILE of {STDIN_ARGUMENT} reads one image from standard input "
        "(e.g. grim - | uploader-gui --headless -); it is uploaded as stdin-<date>.<ext>.",
    )
    sources.add_argument(
        "--screenshot",
        action="store_true",
        help="ask the desktop's screenshot tool (the screenshot portal) for a screenshot, "
        "then upload it as screenshot-<date>.png (with or without --headless)",
    )
    sources.add_argument(
        "--serve-picgo",
        nargs="?",
        const=PICGO_PORT,
        type=_port,
        metavar="PORT",
        help=f"for this run of the window, let other apps upload through a PicGo-compatible "
        f"server on 127.0.0.1:PORT (default {PICGO_PORT}), whatever Settings says",
    )


def check_sources(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors about the sources (exit 2 through ``parser.error``)."""
    if args.files.count(STDIN_ARGUMENT) > 1:
        parser.error(f"standard input ({STDIN_ARGUMENT}) can be read once")
    if args.serve_picgo is not None and args.headless:
        parser.error("--serve-picgo needs the window (not --headless)")


def check_window_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors of options that only ``--headless`` takes."""
    if args.destination:
        parser.error("--destination needs --headless (the window has Upload to)")
    if args.json or args.format:
        parser.error("--json and --format need --headless")
    if args.keep_metadata or args.max_size or args.no_convert:
        parser.error("--keep-metadata, --max-size and --no-convert need --headless")
    if args.proxy or args.no_proxy or args.allow_plain_proxy_password:
        parser.error(
            "--proxy, --no-proxy and --allow-plain-proxy-password need --headless (the window "
            "has Settings ▸ Network)"
        )


def gather_sources(args: argparse.Namespace) -> int | None:
    """Replace ``-`` with the image read from standard input, add the screenshot; ``None``
    when every source gave its image, else the exit status (the reason is on stderr)."""
    from .core.errors import LocalFileError
    from .core.paths import kept_images_dir
    from .core.source_files import discard

    folder = None if args.headless else kept_images_dir()
    made: list[Path] = []
    try:
        if STDIN_ARGUMENT in args.files:
            from .core.stdin_image import read_stdin_image

            made.append(read_stdin_image(folder=folder).path)
            args.files[args.files.index(STDIN_ARGUMENT)] = str(made[-1])
        if args.screenshot:
            made.append(_screenshot(folder))
            args.files.append(str(made[-1]))
    except LocalFileError as error:
        from .core.text import printable

        for path in made:  # nothing will upload: leave nothing behind
            discard(path)
        sys.stderr.write(f"{APP_NAME}: {printable(error.message)}\n")
        return EXIT_REFUSED
    return None


def _screenshot(folder: Path | None) -> Path:
    from .core.errors import LocalFileError
    from .core.source_files import private_copy, screenshot_name
    from .platform.chooser import screenshots

    shot = screenshots().take(interactive=True)
    if not shot.taken or shot.path is None:
        raise LocalFileError(Path("screenshot"), f"no screenshot: {shot.message}")
    return private_copy(shot.path, screenshot_name(), folder)

"""Every sentence the PicGo server answers with, translated when it is answered.

The editor shows the ``message`` of a failure to the person (the Obsidian plugin puts it in
a notice), so each says what was refused and, where it helps, what to change.
"""

from __future__ import annotations

from ..i18n import translate
from ..units import format_size


def wrong_host() -> str:
    return translate("PicGo", "refused: this server answers only 127.0.0.1 and localhost")


def from_web_page() -> str:
    return translate("PicGo", "refused: requests from web pages are not accepted")


def wrong_key() -> str:
    return translate(
        "PicGo", "the key is missing or wrong: add ?key=… to the address, as set in uploader-gui"
    )


def not_found() -> str:
    return translate("PicGo", "unknown address: images are sent with POST /upload")


def method_not_allowed() -> str:
    return translate("PicGo", "only POST is accepted here")


def wrong_content_type() -> str:
    return translate(
        "PicGo", "the body must be JSON, multipart/form-data, or empty (for the clipboard)"
    )


def length_required() -> str:
    return translate("PicGo", "the request must give its length (Content-Length)")


def too_large(limit: int) -> str:
    text = translate("PicGo", "the request is too large: at most {size}")
    return text.format(size=format_size(limit))


def too_many(limit: int) -> str:
    return translate("PicGo", "too many images in one request: at most %n", None, limit)


def bad_json() -> str:
    return translate("PicGo", "the body is not JSON with a list of paths")


def bad_multipart() -> str:
    return translate("PicGo", "the form data could not be read")


def no_files() -> str:
    return translate("PicGo", "the form holds no image: send files under the field list or files")


def stray_field(name: str) -> str:
    text = translate("PicGo", "a file was sent under the field {name}: use list or files")
    return text.format(name=repr(name))


def malformed() -> str:
    return translate("PicGo", "the request could not be read")


def too_slow() -> str:
    return translate("PicGo", "the request did not arrive in time")


def stopping() -> str:
    return translate("PicGo", "uploader-gui is stopping")


def internal(reason: str) -> str:
    return translate("PicGo", "uploader-gui could not upload: {reason}").format(reason=reason)


def no_result() -> str:
    return translate("PicGo", "uploader-gui gave no result for this image")


def not_absolute() -> str:
    return translate("PicGo", "not an absolute path")


def invalid_path() -> str:
    return translate("PicGo", "not a valid path")


def web_address() -> str:
    return translate("PicGo", "a web address: only files on this computer are uploaded")


def not_image(kind: str) -> str:
    text = translate("PicGo", "not an image ({kind})")
    return text.format(kind=translate("Errors", kind))


def empty_file() -> str:
    return translate("Errors", "the file is empty")


def file_too_large(limit: int) -> str:
    text = translate("PicGo", "larger than {size}")
    return text.format(size=format_size(limit))


def partial(failed: list[tuple[str, str]]) -> str:
    """``2 images not uploaded: a.png: …; b.png: …``."""
    count = len(failed)
    head = translate("PicGo", "%n image(s) not uploaded", None, count)
    return head + ": " + "; ".join(f"{name}: {reason}" for name, reason in failed)

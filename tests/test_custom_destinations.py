"""Custom destinations end to end: ``.sxcu`` files (the current ``{…}`` syntax and ShareX's
older ``$…$`` one) written here, read with :func:`parse_sxcu`, and used through the real
:class:`UploadClient` against the sandbox's generic test hosts over loopback.

- every reply shape gives the URL, thumbnail URL and deletion URL, and the URL serves the
  bytes sent; every body type reaches the host as declared;
- refusals name the destination and say why;
- deletion sends the declared method with its credential, and only to the destination;
- Settings' Test shows the status, the reply and what each reader found (or why not);
- the destinations file keeps no secret and is believed only when private;
- a duplicate is reused per destination, and not once it was deleted.

What keeps secrets with their destination is in ``test_custom_destinations_security.py``.
"""

from __future__ import annotations

import base64
import json
import os
import stat
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.images import fake_image, png_bytes, write
from uploader_gui.core.client import UploadClient
from uploader_gui.core.credentials import Credentials
from uploader_gui.core.destination import Destination
from uploader_gui.core.destinations.store import (
    Stored,
    destinations_path,
    load_destinations,
    save_destinations,
    secret_user,
)
from uploader_gui.core.destinations.sxcu import Imported, parse_sxcu, write_sxcu
from uploader_gui.core.destinations.trial import SHOWN_REPLY, run_trial, sample_image
from uploader_gui.core.destinations.uploader import Field, Section
from uploader_gui.core.errors import (
    BadResponseError,
    ConfigurationError,
    KeyRejectedError,
    LocalFileError,
    RequestRejectedError,
    ServerError,
)
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.core.paths import unsafe_config
from uploader_gui.core.retry import RetryPolicy
from uploader_gui.core.upload_job import HistoryLink, run_upload
from uploader_gui.sandbox import HostRequest, Hosts, HostsAuth, HostUpload, SandboxServer

FAST = RetryPolicy(retries=0)
NAME = "Pixel Hut"
TOKEN = "Bearer T-0ken/+=&x"  # characters that URL-encoding changes
DELETE_KEY = "D-key-9f3a"
AUTH = {"Authorization": TOKEN}
HEADERS = (Section.HEADERS, "Authorization")
DELETION = (Section.DELETION_HEADERS, "X-Delete-Key")
#: A file name that URL, JSON and XML escaping all change.
AWKWARD = 'shot "1" <a&b> \\ it\'s ü.png'


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    """Hosts that want ``Authorization`` on uploads and ``X-Delete-Key`` on a deletion."""
    auth = HostsAuth(
        headers=dict(AUTH), delete_method="DELETE", delete_headers={"X-Delete-Key": DELETE_KEY}
    )
    with SandboxServer(hosts=auth) as sandbox:
        yield sandbox


def hosts(sandbox: SandboxServer) -> Hosts:
    assert sandbox.hosts is not None
    return sandbox.hosts


def sxcu(sandbox: SandboxServer, route: str, **keys: object) -> bytes:
    """A current-syntax ``.sxcu`` for ``route`` of ``sandbox``'s hosts, its credentials in it
    (as a file exported with its secrets is)."""
    document: dict[str, object] = {
        "Version": "17.0.0",
        "Name": NAME,
        "DestinationType": "ImageUploader",
        "RequestMethod": "POST",
        "RequestURL": f"{sandbox.url}/hosts/{route}",
        "Headers": dict(AUTH),
        "Body": "MultipartFormData",
        "FileFormName": "file",
        "DeletionRequest": {"Method": "DELETE", "Headers": {"X-Delete-Key": DELETE_KEY}},
    }
    document.update(keys)
    return json.dumps({k: v for k, v in document.items() if v is not None}).encode()


def client_for(
    data: bytes, secrets: Mapping[Field, str] | None = None, key: str = "custom:0000cafe"
) -> UploadClient:
    """The client of the destination ``data`` describes, with the secrets it held (or
    ``secrets``)."""
    imported = parse_sxcu(data)
    destination = Destination.of_uploader(key, imported.uploader)
    given = imported.secrets if secrets is None else secrets
    return UploadClient(destination, "", secrets=given, retry=FAST)


def picture(tmp_path: Path, name: str = "shot.png") -> tuple[Path, bytes]:
    data = png_bytes(9, 7)
    return write(tmp_path / name, data), data


def last_upload(sandbox: SandboxServer) -> HostUpload:
    return hosts(sandbox).uploads[-1]


def last_request(sandbox: SandboxServer) -> HostRequest:
    return hosts(sandbox).requests[-1]


# --- 1 and 2: every reply shape and body type, and the URL serves the bytes -------------------

#: route, the .sxcu's keys, whether a thumbnail is declared.
SHAPES: dict[str, tuple[str, dict[str, object], bool]] = {
    "nested JSON": (
        "nested-json",
        {
            "URL": "{json:data.link}",
            "ThumbnailURL": "{json:data.thumb.url}",
            "DeletionURL": "{json:data.delete_url}",
        },
        True,
    ),
    "files list": (
        "files-list",
        {
            "URL": "{json:files[0].url}",
            "ThumbnailURL": "{json:files[0].thumbnail}",
            "DeletionURL": "{json:files[0].delete_url}",
        },
        True,
    ),
    "bare text": (
        "text",
        {"Parameters": {"newline": "1"}, "DeletionURL": "{header:X-Delete-Url}"},
        False,
    ),
    "XML": (
        "xml",
        {
            "URL": "{xml:/upload/url}",
            "ThumbnailURL": "{xml:/upload/thumbnail}",
            "DeletionURL": "{xml:/upload/delete}",
        },
        True,
    ),
    "Location header": (
        "location",
        {"URL": "{header:Location}", "DeletionURL": "{header:X-Delete-Url}"},
        False,
    ),
    "RegexList": (
        "files-list",
        {
            "RegexList": [
                r'http://[^"]+/f/[^"]+',
                r'http://[^"]+/thumb/[^"]+',
                'http://[^"]+/delete/[^"]+',
            ],
            "URL": "{regex:1}",
            "ThumbnailURL": "{regex:2}",
            "DeletionURL": "{regex:3}",
        },
        True,
    ),
    "RegexList groups": (
        "files-list",
        {
            "RegexList": [
                '"url": "([^"]+)"',
                '"thumbnail": "(?<t>[^"]+)"',
                '"delete_url": "([^"]+)"',
            ],
            "URL": "{regex:1|1}",
            "ThumbnailURL": "{regex:2|t}",
            "DeletionURL": "{regex:3|1}",
        },
        True,
    ),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_each_reply_shape_gives_the_urls_and_the_url_serves_the_bytes(
    server: SandboxServer, tmp_path: Path, shape: str
) -> None:
    route, keys, has_thumbnail = SHAPES[shape]
    path, data = picture(tmp_path)
    with client_for(sxcu(server, route, **keys)) as client:
        result = client.upload(path)
    stored = last_upload(server)
    assert stored.route == route
    assert result.url == stored.url
    assert result.thumbnail_url == (stored.thumbnail_url if has_thumbnail else None)
    assert result.deletion_url == stored.delete_url
    assert result.filename == "shot.png"
    assert httpx.get(result.url).content == data
    if result.thumbnail_url is not None:
        assert httpx.get(result.thumbnail_url).content == data


def test_a_multipart_upload_uses_the_declared_field_and_sends_the_arguments(
    server: SandboxServer, tmp_path: Path
) -> None:
    path, data = picture(tmp_path, "holiday.png")
    keys = {
        "Parameters": {"field": "image"},  # the host reads the file from ?field=
        "FileFormName": "image",
        "Arguments": {"title": "{filename}", "album": "summer", "tag": "{base64:{filename}}"},
        "URL": "{json:data.link}",
    }
    with client_for(sxcu(server, "nested-json", **keys)) as client:
        result = client.upload(path)
    request = last_request(server)
    assert (request.method, request.path, request.status) == ("POST", "/hosts/nested-json", 200)
    assert request.query == {"field": ["image"]}
    assert request.headers["authorization"] == TOKEN
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert request.arguments == {
        "title": "holiday.png",
        "album": "summer",
        "tag": "aG9saWRheS5wbmc=",
    }
    assert request.file is not None
    assert (request.file.filename, request.file.content_type) == ("holiday.png", "image/png")
    assert request.file.size == len(data)
    assert httpx.get(result.url).content == data


def test_a_binary_upload_puts_the_file_at_its_url_encoded_name_with_its_image_type(
    server: SandboxServer, tmp_path: Path
) -> None:
    name = "shot #1 ü?.png"  # '#' and '?' would end the path if not encoded
    path, data = picture(tmp_path, name)
    keys = {
        "RequestMethod": "PUT",
        "RequestURL": f"{server.url}/hosts/binary/{{filename}}",
        "Body": "Binary",
        "FileFormName": None,
        "URL": "{json:url}",
        "ThumbnailURL": "{json:thumbnail}",
        "DeletionURL": "{json:delete_url}",
    }
    with client_for(sxcu(server, "", **keys)) as client:
        result = client.upload(path)
    request, stored = last_request(server), last_upload(server)
    assert request.method == "PUT"
    assert request.target == "/hosts/binary/shot%20%231%20%C3%BC%3F.png"
    assert request.headers["content-type"] == "image/png"
    assert request.headers["content-length"] == str(len(data))
    assert stored.filename == name
    assert (result.url, result.thumbnail_url, result.deletion_url) == (
        stored.url,
        stored.thumbnail_url,
        stored.delete_url,
    )
    assert httpx.get(result.url).content == data


def test_a_gif_is_refused_before_sending_when_the_destination_takes_only_png(
    server: SandboxServer, tmp_path: Path
) -> None:
    path = write(tmp_path / "a.gif", fake_image("image/gif"))
    data = sxcu(server, "text", AcceptedTypes=["image/png"])
    with (
        client_for(data) as client,
        pytest.raises(LocalFileError, match=f"{NAME} does not take GIF"),
    ):
        client.upload(path)
    assert hosts(server).requests == []


#: body, route, and the Data or Arguments that carry the file's name.
DOCUMENT_BODIES: dict[str, tuple[str, str, dict[str, object]]] = {
    "form": ("FormURLEncoded", "form", {"Arguments": {"name": "{filename}", "kind": "shot"}}),
    "JSON": ("JSON", "json-body", {"Data": '{"name": "{filename}", "kind": "shot", "n": 1}'}),
    "XML": (
        "XML",
        "xml-body",
        {"Data": "<upload><name>{filename}</name><kind>shot</kind></upload>"},
    ),
}
CONTENT_TYPES = {
    "form": "application/x-www-form-urlencoded",
    "JSON": "application/json",
    "XML": "application/xml",
}


@pytest.mark.parametrize("body", list(DOCUMENT_BODIES))
def test_a_document_body_arrives_with_the_file_name_escaped_for_its_type(
    server: SandboxServer, tmp_path: Path, body: str
) -> None:
    kind, route, content = DOCUMENT_BODIES[body]
    path, _ = picture(tmp_path, AWKWARD)
    link = f"{server.url}/hosts/f/elsewhere.png"
    keys: dict[str, object] = {
        "Body": kind,
        "FileFormName": None,
        "RequestURL": f"{server.url}/hosts/{route}",
        "Parameters": {"require": "name,kind"},
        "URL": link,  # a document host stores no file: the URL is a constant here
        **content,
    }
    with client_for(sxcu(server, route, **keys)) as client:
        exchange = client.exchange(path)
        result = client.result_of(exchange)
    assert result.url == link
    echo = json.loads(exchange.reply.body)
    assert echo["content_type"] == CONTENT_TYPES[body]
    assert echo["fields"]["name"] == AWKWARD  # parsed back whole: escaped, not broken
    assert echo["fields"]["kind"] == "shot"
    request = last_request(server)
    assert request.headers["content-type"] == CONTENT_TYPES[body]
    assert request.headers["authorization"] == TOKEN
    if body == "JSON":
        assert '"name": "shot \\"1\\" <a&b> \\\\ it\'s ü.png"' in echo["body"]
    if body == "XML":
        assert "shot &quot;1&quot; &lt;a&amp;b&gt; \\ it&apos;s ü.png" in echo["body"]


# The older $…$ syntax: ShareX 13 files, including RegexList references ($1,1$).

OLD_SYNTAX: dict[str, dict[str, object]] = {
    "json": {
        "URL": "$json:data.link$",
        "ThumbnailURL": "$json:data.thumb.url$",
        "DeletionURL": "$json:data.delete_url$",
        "Arguments": {"title": "$filename$"},
    },
    "RegexList": {
        "RegexList": ['"link": "([^"]+)"', '"url": "([^"]+)"', '"delete_url": "([^"]+)"'],
        "URL": "$1,1$",
        "ThumbnailURL": "$regex:2|1$",
        "DeletionURL": "$3,1$",
        "Arguments": {"title": "$filename$"},
    },
}


@pytest.mark.parametrize("variant", list(OLD_SYNTAX))
def test_an_older_dollar_syntax_file_reads_the_same_reply(
    server: SandboxServer, tmp_path: Path, variant: str
) -> None:
    path, data = picture(tmp_path)
    data_file = sxcu(server, "nested-json", Version="13.5.0", **OLD_SYNTAX[variant])
    imported = parse_sxcu(data_file)
    assert any("older $…$ syntax" in note for note in imported.notes)
    with client_for(data_file) as client:
        result = client.upload(path)
    stored = last_upload(server)
    assert last_request(server).arguments == {"title": "shot.png"}
    assert (result.url, result.thumbnail_url, result.deletion_url) == (
        stored.url,
        stored.thumbnail_url,
        stored.delete_url,
    )
    assert httpx.get(result.url).content == data


# --- 3: refusals name the destination and say why ---------------------------------------------


def test_the_error_reader_s_words_are_the_reason(server: SandboxServer, tmp_path: Path) -> None:
    path, _ = picture(tmp_path)
    keys = {
        "Parameters": {"message": "Album is full (42 of 42)"},
        "URL": "{json:data.link}",
        "ErrorMessage": "{json:error.message}",
    }
    with client_for(sxcu(server, "error", **keys)) as client:
        with pytest.raises(RequestRejectedError) as raised:
            client.upload(path)
    assert (
        str(raised.value)
        == f"{NAME}: the server refused the upload (HTTP 400): Album is full (42 of 42)"
    )


def test_without_a_reader_the_status_and_the_start_of_the_reply_are_the_reason(
    server: SandboxServer, tmp_path: Path
) -> None:
    path, _ = picture(tmp_path)
    long_message = "disk quota exceeded " + "x" * 400
    keys = {"Parameters": {"status": "503", "message": long_message}, "URL": "{json:data.link}"}
    with client_for(sxcu(server, "error-flat", **keys)) as client:
        with pytest.raises(ServerError) as raised:
            client.upload(path)
    message = str(raised.value)
    reply_start = '{"status": 503, "message": "disk quota exceeded xxx'
    assert message.startswith(f"{NAME}: the server failed (HTTP 503): {reply_start}")
    assert message.endswith("…")
    assert len(message) < 300  # the start of the reply, not all of it


def test_a_wrong_secret_is_a_rejected_key_naming_the_destination(
    server: SandboxServer, tmp_path: Path
) -> None:
    path, _ = picture(tmp_path)
    data = sxcu(server, "nested-json", URL="{json:data.link}")
    with client_for(data, secrets={HEADERS: "Bearer wrong", DELETION: DELETE_KEY}) as client:
        with pytest.raises(KeyRejectedError) as raised:
            client.upload(path)
    assert raised.value.status == 401
    message = str(raised.value)
    assert message.startswith(f"{NAME} refused the credentials (HTTP 401)")
    assert "wrong credential: header Authorization" in message
    assert hosts(server).uploads == []


def test_a_missing_secret_is_refused_before_sending(server: SandboxServer, tmp_path: Path) -> None:
    path, _ = picture(tmp_path)
    data = sxcu(server, "nested-json", URL="{json:data.link}")
    with client_for(data, secrets={}) as client:
        with pytest.raises(ConfigurationError, match=f"{NAME}: Headers Authorization is not set"):
            client.upload(path)
    assert hosts(server).requests == []


def test_a_url_reader_that_finds_nothing_names_itself_and_quotes_the_reply(
    server: SandboxServer, tmp_path: Path
) -> None:
    path, _ = picture(tmp_path)
    with client_for(sxcu(server, "nested-json", URL="{json:data.lnk}")) as client:
        with pytest.raises(BadResponseError) as raised:
            client.upload(path)
    message = str(raised.value)
    assert message.startswith(f"{NAME}: {{json:data.lnk}} gave no usable URL (it is empty)")
    assert 'the reply starts: {"success": true, "status": 200, "data": {' in message


# --- 5: deletion --------------------------------------------------------------------------------


def uploaded(client: UploadClient, tmp_path: Path) -> tuple[str, str]:
    path, data = picture(tmp_path)
    result = client.upload(path)
    assert httpx.get(result.url).content == data
    assert result.deletion_url is not None
    return result.url, result.deletion_url


@pytest.mark.parametrize("method", ["DELETE", "POST", "GET"])
def test_deletion_sends_the_declared_method_with_its_credential(
    server: SandboxServer, tmp_path: Path, method: str
) -> None:
    hosts(server).auth.delete_method = method
    keys: dict[str, object] = {
        "URL": "{json:data.link}",
        "DeletionURL": "{json:data.delete_url}",
        "DeletionRequest": {"Method": method, "Headers": {"X-Delete-Key": DELETE_KEY}},
    }
    with client_for(sxcu(server, "nested-json", **keys)) as client:
        url, deletion_url = uploaded(client, tmp_path)
        client.delete(deletion_url)
    request = last_request(server)
    assert (request.method, request.status) == (method, 200)
    assert request.headers["x-delete-key"] == DELETE_KEY
    assert "authorization" not in request.headers  # only the deletion's own headers
    assert httpx.get(url).status_code == 404
    assert [gone.url for gone in hosts(server).deleted] == [url]


def test_deletion_headers_are_templates_as_the_upload_s_are(
    server: SandboxServer, tmp_path: Path
) -> None:
    confirm = base64.b64encode(b"delete:shot").decode()
    hosts(server).auth.delete_headers = {"X-Delete-Key": DELETE_KEY, "X-Confirm": confirm}
    headers = {"X-Delete-Key": DELETE_KEY, "X-Confirm": "{base64:delete:shot}"}
    keys = {
        "URL": "{json:data.link}",
        "DeletionURL": "{json:data.delete_url}",
        "DeletionRequest": {"Method": "DELETE", "Headers": headers},
    }
    with client_for(sxcu(server, "nested-json", **keys)) as client:
        url, deletion_url = uploaded(client, tmp_path)
        client.delete(deletion_url)
    assert last_request(server).headers["x-confirm"] == confirm
    assert httpx.get(url).status_code == 404


def test_deletion_with_a_wrong_credential_fails_and_the_file_stays(
    server: SandboxServer, tmp_path: Path
) -> None:
    data = sxcu(server, "nested-json", URL="{json:data.link}", DeletionURL="{json:data.delete_url}")
    with client_for(data, secrets={HEADERS: TOKEN, DELETION: "D-wrong"}) as client:
        url, deletion_url = uploaded(client, tmp_path)
        with pytest.raises(KeyRejectedError) as raised:
            client.delete(deletion_url)
    assert raised.value.status == 403
    assert str(raised.value).startswith(f"{NAME} refused the credentials (HTTP 403)")
    assert httpx.get(url).status_code == 200
    assert hosts(server).deleted == []


def test_a_deletion_url_on_another_origin_is_refused_and_nothing_is_sent_there(
    server: SandboxServer, tmp_path: Path
) -> None:
    data = sxcu(server, "nested-json", URL="{json:data.link}", DeletionURL="{json:data.delete_url}")
    with SandboxServer(hosts=True) as other, client_for(data) as client:
        url, deletion_url = uploaded(client, tmp_path)
        elsewhere = deletion_url.replace(server.url, other.url)
        for target in (
            elsewhere,
            deletion_url.replace("http://", "https://"),
            deletion_url.replace(server.url, f"{server.url}@{other.url.removeprefix('http://')}"),
            deletion_url.replace("http://", f"http://me:{quote(DELETE_KEY, safe='')}@"),
        ):
            with pytest.raises(
                ConfigurationError, match="its secrets are not sent there"
            ) as raised:
                client.delete(target)
            assert DELETE_KEY not in str(raised.value)
            assert quote(DELETE_KEY, safe="") not in str(raised.value)
        assert hosts(other).requests == []
    assert httpx.get(url).status_code == 200
    assert not [r for r in hosts(server).requests if r.path.startswith("/hosts/delete/")]


def test_deletion_needs_a_declared_request(server: SandboxServer, tmp_path: Path) -> None:
    data = sxcu(
        server,
        "nested-json",
        URL="{json:data.link}",
        DeletionURL="{json:data.delete_url}",
        DeletionRequest=None,
    )
    with client_for(data) as client:
        url, deletion_url = uploaded(client, tmp_path)
        with pytest.raises(ConfigurationError, match=f"{NAME} declares no deletion request"):
            client.delete(deletion_url)
    assert httpx.get(url).status_code == 200


# --- 6: Settings' Test ---------------------------------------------------------------------------


def test_the_trial_shows_the_status_the_reply_and_each_reader(
    server: SandboxServer, tmp_path: Path
) -> None:
    keys = {
        "URL": "{json:data.link}",
        "ThumbnailURL": "{json:data.thumb.url}",
        "DeletionURL": "{header:X-Delete-Url}",
    }
    image = sample_image(tmp_path)
    with client_for(sxcu(server, "nested-json", **keys)) as client:
        report = run_trial(client, image)
    stored = last_upload(server)
    assert httpx.get(stored.url).content == image.read_bytes()
    assert report.status == 200
    assert json.loads(report.reply)["data"]["link"] == stored.url
    assert not report.truncated
    assert report.problem is None
    assert report.result is not None
    assert (report.result.url, report.result.thumbnail_url, report.result.deletion_url) == (
        stored.url,
        stored.thumbnail_url,
        stored.delete_url,
    )
    readings = {reading.field: reading for reading in report.readings}
    assert list(readings) == ["URL", "ThumbnailURL", "DeletionURL"]
    assert readings["URL"].value == stored.url
    assert [(s.function_text, s.value) for s in readings["URL"].steps] == [
        ("{json:data.link}", stored.url)
    ]
    assert readings["ThumbnailURL"].value == stored.thumbnail_url
    assert readings["DeletionURL"].value == stored.delete_url


def test_the_trial_says_which_reader_found_nothing(server: SandboxServer, tmp_path: Path) -> None:
    keys = {"URL": "{json:data.lnk}", "ThumbnailURL": "{json:data.thumb.url}"}
    with client_for(sxcu(server, "nested-json", **keys)) as client:
        report = run_trial(client, sample_image(tmp_path))
    assert report.status == 200
    assert report.result is None
    assert report.problem is not None
    assert report.problem.startswith(f"{NAME}: {{json:data.lnk}} gave no usable URL")
    url = report.readings[0]
    assert (url.field, url.value) == ("URL", "")
    (step,) = url.steps
    assert step.function_text == "{json:data.lnk}"
    assert step.value is None
    assert step.problem is not None
    assert "lnk" in step.problem
    assert report.readings[1].value == last_upload(server).thumbnail_url


def test_the_trial_shows_a_refusal_with_the_error_reader_s_words(
    server: SandboxServer, tmp_path: Path
) -> None:
    keys = {
        "Parameters": {"status": "413", "message": "over 1 MB"},
        "URL": "{json:data.link}",
        "ErrorMessage": "{json:error.message}",
    }
    with client_for(sxcu(server, "error", **keys)) as client:
        report = run_trial(client, sample_image(tmp_path))
    assert report.status == 413
    assert report.result is None
    assert report.problem == f"{NAME}: the file is too large for the service (HTTP 413): over 1 MB"
    by_field = {reading.field: reading.value for reading in report.readings}
    assert by_field == {"URL": "", "ErrorMessage": "over 1 MB"}


def test_the_trial_truncates_a_long_reply_and_redacts_secrets_from_it(
    server: SandboxServer, tmp_path: Path
) -> None:
    token = "F0rm-t0ken/with+specials"
    hosts(server).auth.form = {"token": token}
    link = f"{server.url}/hosts/f/x.png"
    # The host echoes {"route", "content_type", "fields": {"pad", "token", "link"}, "body"}:
    # the pad puts the token across the cut at SHOWN_REPLY characters.
    before_pad = '{"route": "form", "content_type": "application/x-www-form-urlencoded", '
    before_pad += '"fields": {"pad": "'
    pad = "p" * (SHOWN_REPLY - 10 - len(before_pad) - len('", "token": "'))
    keys = {
        "Body": "FormURLEncoded",
        "FileFormName": None,
        "Arguments": {"pad": pad, "token": token, "link": link},
        "URL": "{json:fields.link}",
        "ErrorMessage": "{json:fields.token}",  # a reader that reads the secret back
    }
    with client_for(sxcu(server, "form", **keys)) as client:
        report = run_trial(client, sample_image(tmp_path))
    assert last_request(server).arguments["token"] == token  # it was sent
    assert report.status == 200
    assert report.truncated
    assert report.reply.startswith(before_pad + pad + '", "token": "***", "l')
    assert len(report.reply) == SHOWN_REPLY
    assert report.result is not None
    assert report.result.url == link
    shown = repr(report)
    for form in (token, token[:10], "F0rm-t0ken%2Fwith%2Bspecials"):
        assert form not in shown
    errors = next(reading for reading in report.readings if reading.field == "ErrorMessage")
    assert errors.value == "***"
    assert [step.value for step in errors.steps] == ["***"]


# --- 7: the destinations file ---------------------------------------------------------------------


def stored_pair(server: SandboxServer) -> list[Stored]:
    first = parse_sxcu(sxcu(server, "nested-json", URL="{json:data.link}"))
    second = parse_sxcu(
        sxcu(
            server,
            "xml",
            Name="Second",
            Headers={"Authorization": TOKEN, "X-Session": "S-secret-77"},
            Parameters={"api_key": "Q-secret-88"},
            Arguments={"token": "F-secret-99", "album": "a"},
            URL="{xml:/upload/url}",
        ),
        extra_secrets=[(Section.HEADERS, "X-Session")],
    )
    return [Stored("custom:0000aaaa", first.uploader), Stored("custom:0000bbbb", second.uploader)]


SECRETS_WRITTEN = (TOKEN, DELETE_KEY, "S-secret-77", "Q-secret-88", "F-secret-99", "T-0ken")


def test_destinations_round_trip_without_secrets_in_a_private_file(server: SandboxServer) -> None:
    items = stored_pair(server)
    save_destinations(items)
    path = destinations_path()
    content = path.read_bytes()
    for secret in SECRETS_WRITTEN:
        assert secret.encode() not in content
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    loaded = load_destinations()
    assert loaded == items
    assert (Section.HEADERS, "X-Session") in loaded[1].uploader.secrets
    assert loaded[1].uploader.secrets == {
        HEADERS,
        (Section.HEADERS, "X-Session"),
        (Section.PARAMETERS, "api_key"),
        (Section.ARGUMENTS, "token"),
        DELETION,
    }


@pytest.mark.parametrize("mode", [0o666, 0o620, 0o602], ids=oct)
def test_a_destinations_file_others_could_write_is_not_believed(
    server: SandboxServer, mode: int
) -> None:
    save_destinations(stored_pair(server))
    path = destinations_path()
    assert len(load_destinations()) == 2
    os.chmod(path, mode)
    assert unsafe_config(path) is not None
    assert load_destinations() == []


def test_a_destinations_folder_others_could_write_is_not_believed(server: SandboxServer) -> None:
    save_destinations(stored_pair(server))
    path = destinations_path()
    os.chmod(path.parent, 0o770)  # noqa: S103 - the point of the test
    assert unsafe_config(path) is not None
    assert load_destinations() == []


def test_a_damaged_entry_is_left_out_and_the_others_load(server: SandboxServer) -> None:
    items = stored_pair(server)
    save_destinations(items)
    path = destinations_path()
    document: dict[str, Any] = json.loads(path.read_text())
    good = document["destinations"]
    plain_http = {**good[0]["sxcu"], "RequestURL": "http://uploads.example.com/up"}
    document["destinations"] = [
        good[0],
        "not an object",
        {"key": "custom:0000cccc", "sxcu": plain_http, "secrets": []},
        {"key": "no prefix", "sxcu": good[0]["sxcu"]},
        {"key": "custom:0000dddd", "sxcu": good[0]["sxcu"], "secrets": ["Nowhere/x"]},
        good[1],
    ]
    path.write_text(json.dumps(document))
    assert load_destinations() == items


def test_a_destination_exported_without_secrets_reads_back_the_same(server: SandboxServer) -> None:
    for item in stored_pair(server):
        uploader = item.uploader
        written = write_sxcu(uploader)
        for secret in SECRETS_WRITTEN:
            assert secret.encode() not in written
        again = parse_sxcu(written, extra_secrets=uploader.secrets)
        assert again.uploader == uploader
        assert set(again.secrets.values()) == {""}


def test_a_destination_exported_with_secrets_carries_them_and_uploads(
    server: SandboxServer, tmp_path: Path
) -> None:
    original = parse_sxcu(sxcu(server, "nested-json", URL="{json:data.link}"))
    exported = write_sxcu(original.uploader, original.secrets)
    assert TOKEN.encode() in exported
    assert DELETE_KEY.encode() in exported
    again = parse_sxcu(exported)
    assert again.uploader == original.uploader
    assert again.secrets == original.secrets == {HEADERS: TOKEN, DELETION: DELETE_KEY}
    path, data = picture(tmp_path)
    with client_for(exported) as client:
        url = client.upload(path).url
    assert httpx.get(url).content == data


def test_saved_destinations_upload_with_their_secrets_from_the_keyring(
    server: SandboxServer, tmp_path: Path, memory_keyring: Any
) -> None:
    imported: Imported = parse_sxcu(sxcu(server, "files-list", URL="{json:files[0].url}"))
    credentials = Credentials(env={})
    for field, value in imported.secrets.items():
        credentials.save_secret(secret_user("custom:0000eeee", field), value)
    save_destinations([Stored("custom:0000eeee", imported.uploader)])
    assert TOKEN.encode() not in destinations_path().read_bytes()

    (stored,) = load_destinations()
    secrets = {
        f: credentials.secret(secret_user(stored.key, f)) or "" for f in stored.uploader.secrets
    }
    path, data = picture(tmp_path)
    destination = Destination.of_uploader(stored.key, stored.uploader)
    with UploadClient(destination, "", secrets=secrets, retry=FAST) as client:
        url = client.upload(path).url
    assert httpx.get(url).content == data


# --- 8: duplicates are reused per destination -----------------------------------------------------


def test_a_duplicate_is_reused_per_destination_and_not_after_its_deletion(
    server: SandboxServer, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    path, data = picture(tmp_path)
    one = sxcu(server, "nested-json", URL="{json:data.link}", DeletionURL="{json:data.delete_url}")
    two = sxcu(server, "files-list", Name="Other", URL="{json:files[0].url}")

    def send(client: UploadClient) -> tuple[bool, str]:
        destination = client.destination.id
        (entry_id,) = store.add([(str(path), path.name, destination)])
        link = HistoryLink(store, entry_id, destination, True, threading.Event(), fresh=True)
        outcome = run_upload(lambda: client, path, history=link)
        entry = store.get(entry_id)
        assert entry is not None
        assert entry.state is HistoryState.DONE
        assert entry.url == outcome.result.url
        return outcome.reused, outcome.result.url

    with (
        client_for(one, key="custom:00000001") as first,
        client_for(two, key="custom:00000002") as second,
    ):
        assert first.destination.id != second.destination.id
        reused, url_one = send(first)
        assert not reused
        reused, url_two = send(second)
        assert not reused
        assert url_two != url_one
        assert len(hosts(server).uploads) == 2  # the same bytes, once to each destination
        reused, again = send(first)
        assert reused
        assert again == url_one
        assert len(hosts(server).uploads) == 2

        deletion_url = hosts(server).uploads[0].delete_url
        first.delete(deletion_url)
        store.mark_deleted(url_one, first.destination.id)
        assert httpx.get(url_one).status_code == 404
        reused, fresh = send(first)
        assert not reused
        assert fresh != url_one
        assert len(hosts(server).uploads) == 3
        assert httpx.get(fresh).content == data
        reused, still = send(second)  # the other destination's copy is still there
        assert reused
        assert still == url_two
    store.close()

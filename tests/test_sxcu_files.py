"""``.sxcu`` files: the current syntax and ShareX's older ones read, every refusal with its key
and reason, secrets moved out, and files written that read back the same."""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import pytest

from uploader_gui.core.destinations.sxcu import (
    MAX_SXCU_BYTES,
    SXCU_VERSION,
    Imported,
    SxcuError,
    parse_sxcu,
    read_sxcu,
    write_sxcu,
)
from uploader_gui.core.destinations.syntax import Inputs, Reply, read
from uploader_gui.core.destinations.uploader import Body, Deletion, Section, Uploader
from uploader_gui.core.sniff import ACCEPTED_MIMES

HEADERS = Section.HEADERS
PARAMETERS = Section.PARAMETERS
ARGUMENTS = Section.ARGUMENTS
DELETION = Section.DELETION_HEADERS

CURRENT = {
    "Version": "17.0.0",
    "Name": "Example host",
    "DestinationType": "ImageUploader, TextUploader",
    "RequestMethod": "POST",
    "RequestURL": "https://up.example.com/api/{random:v1|v2}/upload",
    "Parameters": {"api_key": "K-123", "album": "{base64:{filename}}"},
    "Headers": {"Authorization": "Basic {base64:me:pw}", "X-Name": "{filename}"},
    "Body": "MultipartFormData",
    "Arguments": {"title": "{filename}", "private": "1", "upload_token": ""},
    "FileFormName": "image",
    "URL": "{json:data.links[0]}",
    "ThumbnailURL": "{xml:{json:data.meta}|/m/thumb/@href}",
    "DeletionURL": "{header:X-Delete}?id={regex:id=(?<id>[0-9]+)|id}",
    "ErrorMessage": "{json:error.message} ({responseurl})",
    "DeletionRequest": {"Method": "post", "Headers": {"X-Api-Key": "D-9", "Accept": "*/*"}},
    "AcceptedTypes": ["image/png", "IMAGE/JPEG"],
}


def sxcu(document: object) -> bytes:
    return json.dumps(document).encode()


def refused(document: object) -> SxcuError:
    data = document if isinstance(document, bytes) else sxcu(document)
    with pytest.raises(SxcuError) as caught:
        parse_sxcu(data)
    return caught.value


def with_(**changes: object) -> dict[str, object]:
    """:data:`CURRENT` with keys changed (a value of ``None`` removes the key)."""
    document = {**CURRENT, **changes}
    return {key: value for key, value in document.items() if value is not None}


# --- The current syntax ---------------------------------------------------------------------


def test_a_current_file_is_read_whole() -> None:
    imported = parse_sxcu(sxcu(CURRENT))
    uploader = imported.uploader
    assert uploader == Uploader(
        name="Example host",
        request_url="https://up.example.com/api/{random:v1|v2}/upload",
        method="POST",
        parameters=(("api_key", ""), ("album", "{base64:{filename}}")),
        headers=(("Authorization", ""), ("X-Name", "{filename}")),
        body=Body.MULTIPART,
        arguments=(("title", "{filename}"), ("private", "1"), ("upload_token", "")),
        file_form_name="image",
        url="{json:data.links[0]}",
        thumbnail_url="{xml:{json:data.meta}|/m/thumb/@href}",
        deletion_url="{header:X-Delete}?id={regex:id=(?<id>[0-9]+)|id}",
        error_message="{json:error.message} ({responseurl})",
        deletion=Deletion("POST", (("X-Api-Key", ""), ("Accept", "*/*"))),
        accepts=frozenset({"image/png", "image/jpeg"}),
        secrets=frozenset(
            {
                (PARAMETERS, "api_key"),
                (HEADERS, "Authorization"),
                (ARGUMENTS, "upload_token"),
                (DELETION, "X-Api-Key"),
            }
        ),
    )
    assert imported.secrets == {
        (PARAMETERS, "api_key"): "K-123",
        (HEADERS, "Authorization"): "Basic {base64:me:pw}",
        (ARGUMENTS, "upload_token"): "",  # empty, and still a secret
        (DELETION, "X-Api-Key"): "D-9",
    }
    assert imported.notes == ("DestinationType lists TextUploader too: only images are sent",)


def test_every_reader_of_an_imported_file_reads_its_reply() -> None:
    uploader = parse_sxcu(sxcu(CURRENT)).uploader
    body = json.dumps(
        {
            "data": {
                "links": ["https://cdn.example/a.png"],
                "meta": '<m><thumb href="https://cdn.example/t.png"/></m>',
            },
            "log": "id=981",
            "error": {"message": "quota"},
        }
    )
    answer = Reply(200, {"x-delete": "https://up.example.com/d"}, body, "https://up.example.com/u")
    inputs = Inputs("a.png")
    assert read(uploader.url, answer, inputs) == "https://cdn.example/a.png"
    assert read(uploader.thumbnail_url, answer, inputs) == "https://cdn.example/t.png"
    assert read(uploader.deletion_url, answer, inputs) == "https://up.example.com/d?id=981"
    assert read(uploader.error_message, answer, inputs) == "quota (https://up.example.com/u)"


def test_keys_in_any_letter_case() -> None:
    document = {
        "version": "15.0.0",
        "requesturl": "https://h.example/u",
        "REQUESTMETHOD": "put",
        "bOdY": "binary",
        "headers": {"x-token": "t"},
        "url": "{response}",
    }
    uploader = parse_sxcu(sxcu(document)).uploader
    assert (uploader.request_url, uploader.method, uploader.body) == (
        "https://h.example/u",
        "PUT",
        Body.BINARY,
    )
    assert uploader.headers == (("x-token", ""),)
    assert uploader.url == "{response}"
    assert uploader.name == "h.example"  # no Name: the host, as ShareX lists it


def test_extra_secrets_and_header_names_in_any_case() -> None:
    imported = parse_sxcu(
        sxcu(CURRENT), extra_secrets={(HEADERS, "x-name"), (ARGUMENTS, "private")}
    )
    assert imported.secrets[(HEADERS, "X-Name")] == "{filename}"
    assert imported.secrets[(ARGUMENTS, "private")] == "1"
    assert imported.uploader.headers == (("Authorization", ""), ("X-Name", ""))


NO_FILE = (
    "Body {} sends no file: ShareX itself refuses to upload an image with it (only "
    "MultipartFormData and Binary carry the file)"
)


@pytest.mark.parametrize(
    ("written", "body", "kept", "notes"),
    [
        ("multipartformdata", Body.MULTIPART, ("Arguments", "FileFormName"), ["Data"]),
        ("Binary", Body.BINARY, (), ["Data", "Arguments", "FileFormName"]),
        ("FormURLEncoded", Body.FORM, ("Arguments",), ["Data", "FileFormName"]),
        ("JSON", Body.JSON, ("Data",), ["Arguments", "FileFormName"]),
        ("XML", Body.XML, ("Data",), ["Arguments", "FileFormName"]),
        ("None", Body.NONE, (), ["Data", "Arguments", "FileFormName"]),
        (None, Body.NONE, (), ["Data", "Arguments", "FileFormName"]),
    ],
)
def test_every_body_type_keeps_what_shareX_sends_with_it(
    written: str | None, body: Body, kept: tuple[str, ...], notes: list[str]
) -> None:
    data = '{"name": "{filename}"}' if body is not Body.XML else "<n>{filename}</n>"
    imported = parse_sxcu(sxcu(with_(Body=written, Data=data, DestinationType=None)))
    uploader = imported.uploader
    assert uploader.body is body
    assert bool(uploader.arguments) == ("Arguments" in kept)
    assert bool(uploader.file_form_name) == ("FileFormName" in kept)
    assert uploader.data == (data if "Data" in kept else "")
    expected = ["no Body: ShareX reads that as None"] if written is None else []
    if body not in (Body.MULTIPART, Body.BINARY):
        expected.append(NO_FILE.format(body.value))
    name = body.value
    expected += [f"{key} is not sent with Body {name} (as in ShareX): dropped" for key in notes]
    assert list(imported.notes) == expected
    again = parse_sxcu(write_sxcu(uploader, imported.secrets))
    assert (again.uploader, again.secrets) == (uploader, imported.secrets)


def test_data_that_is_not_json_is_sent_as_written_with_a_note() -> None:
    imported = parse_sxcu(sxcu(with_(Body="JSON", Data='{"n": {filename}}', Arguments=None)))
    assert imported.uploader.data == '{"n": {filename}}'
    assert (
        "Data is not valid JSON once {input} and {filename} are filled in: sent as written "
        "(ShareX does not check it either)"
    ) in imported.notes
    xml = parse_sxcu(sxcu(with_(Body="XML", Data="<a>{input}<a>", Arguments=None)))
    assert any(note.startswith("Data is not valid XML once") for note in xml.notes)
    fine = parse_sxcu(sxcu(with_(Body="XML", Data="<a>{input}</a>", Arguments=None)))
    assert not any(note.startswith("Data is not valid") for note in fine.notes)


def test_a_query_string_moves_to_parameters_and_a_missing_scheme_becomes_https() -> None:
    document = with_(
        RequestURL="up.example.com/u?api_key=a%20b&flag&album=x&album=y",
        Parameters={"album": "kept"},
    )
    imported = parse_sxcu(sxcu(document))
    assert imported.uploader.request_url == "https://up.example.com/u"
    assert imported.uploader.parameters == (("album", "kept"), ("api_key", ""), ("flag", ""))
    assert imported.secrets[(PARAMETERS, "api_key")] == "a b"
    assert "the query string of RequestURL moved to Parameters (as ShareX does)" in imported.notes
    assert "RequestURL has no scheme: https:// put in front (as ShareX does)" in imported.notes


def test_notes_for_what_is_ignored_or_sent_as_written() -> None:
    imported = parse_sxcu(
        sxcu(
            with_(Comment="mine", Arguments={"name": "shot_%y-%mo"}, DestinationType="FileUploader")
        )
    )
    assert imported.notes == (
        "Comment is not a key ShareX reads: ignored",
        "DestinationType is FileUploader: used for images",
        "Arguments.name uses ShareX's name patterns (such as %y or %rn), which uploader-gui "
        "sends as written",
    )


def test_loopback_may_use_plain_http() -> None:
    for url in ("http://127.0.0.1:8000/u", "http://localhost/u", "http://[::1]:9/u"):
        assert parse_sxcu(sxcu(with_(RequestURL=url))).uploader.request_url == url


# --- Refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "field", "reason"),
    [
        (b"{nope", "(file)", "not JSON: Expecting property name"),
        (b"[1, 2]", "(file)", "not JSON: not a JSON object"),
        (b"\xff\xfe\x00", "(file)", "not JSON: "),
        (with_(Body="Automatic"), "Body", "'Automatic' is not a body ShareX knows"),
        (with_(FileFormName=""), "FileFormName", "is empty, and MultipartFormData needs"),
        (with_(RequestURL=""), "RequestURL", "is empty"),
        (with_(RequestURL="ftp://h.example/u"), "RequestURL", "is not an http:// or https://"),
        (with_(RequestURL="file:///etc/passwd"), "RequestURL", "is not an http:// or https://"),
        (with_(RequestURL="https://{random:a|b}.example/u"), "RequestURL", "a function in"),
        (with_(RequestURL="https://h.example:{input}/u"), "RequestURL", "a function in"),
        (with_(RequestURL="{random:http|https}://h.example/"), "RequestURL", "a function in"),
        (with_(RequestURL="https://me:pw@h.example/u"), "RequestURL", "a user name or password"),
        (with_(RequestURL="https://h.example:99999/u"), "RequestURL", "names no valid host"),
        (
            with_(RequestURL="http://h.example/u"),
            "RequestURL",
            "http:// to h.example: the secrets would cross the network unencrypted; use https://",
        ),
        (with_(RequestURL="https://h.example/{response}"), "RequestURL", "reads the server's"),
        (with_(RequestURL="https://h.example/a|b"), "RequestURL", "an unescaped |"),
        (with_(RequestMethod="TRACE"), "RequestMethod", "'TRACE' is not one of"),
        (with_(DestinationType="TextUploader, URLShortener"), "DestinationType", "not an image"),
        (with_(DestinationType="Images"), "DestinationType", "'Images' is not a destination"),
        (with_(URL="{prompt:Domain}"), "URL", "asks a person while uploading"),
        (with_(Headers={"X": "{select:a|b}"}), "Headers.X", "asks a person"),
        (with_(ThumbnailURL="{regex:(a|1}"), "ThumbnailURL", "not a regular expression"),
        (with_(DeletionURL="{regex:(a)|2}"), "DeletionURL", "a reader that never matches"),
        (with_(ErrorMessage="{json:a[-1]}"), "ErrorMessage", "a negative index"),
        (with_(RegexList=["ok", "(broken"]), "RegexList.2", "not a regular expression"),
        (with_(Headers={"Bad Name": "x"}), "Headers.Bad Name", "is not a valid header name"),
        (with_(Headers={"X": "a\r\nEvil: 1"}), "Headers.X", "holds a line break"),
        (with_(Headers={"Auth": 5}), "Headers.Auth", "must be a text"),
        (with_(Parameters=["a"]), "Parameters", "must be an object of names and texts"),
        (with_(Parameters={"": "x"}), "Parameters", "a name is empty"),
        (with_(Name=3), "Name", "must be a text"),
        (with_(Headers={"A": "1", "a": "2"}), "Headers.a", "is written twice, as A and a"),
        (b'{"RequestURL": "https://a/", "requesturl": "https://b/"}', "requesturl", "twice"),
        (b'{"Body": "Binary", "Body": "Binary"}', "Body", "is written twice"),
        (with_(Version="seventeen"), "Version", "is not a version number"),
        (with_(AcceptedTypes=["image/bmp"]), "AcceptedTypes", "image/bmp is not a type"),
        (with_(AcceptedTypes=[]), "AcceptedTypes", "is empty"),
        (with_(DeletionRequest={"Method": "PURGE"}), "DeletionRequest.Method", "'PURGE'"),
        (with_(DeletionRequest={"Url": "x"}), "DeletionRequest.Url", "is not a key it has"),
        (
            with_(DeletionRequest={"Headers": {"X": "{response}"}}),
            "DeletionRequest.Headers.X",
            "reply",
        ),
    ],
)
def test_refusals_name_the_key_and_the_reason(document: object, field: str, reason: str) -> None:
    error = refused(document)
    assert error.field == field
    assert reason in error.reason, error.reason
    assert str(error) == f"{field}: {error.reason}"


def test_a_10_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.sxcu"
    with path.open("wb") as file:
        file.write(b'{"Name": "' + b"x" * (10 << 20) + b'"}')
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(SxcuError) as caught:
            read_sxcu(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 1
    assert peak < 1 << 20  # the 10 MB were never read into memory
    assert caught.value.field == "(file)"
    size = path.stat().st_size
    assert caught.value.reason == (
        f"is {size} bytes; a custom uploader file is at most {MAX_SXCU_BYTES}"
    )
    with pytest.raises(SxcuError, match="at most"):
        parse_sxcu(b" " * (MAX_SXCU_BYTES + 1))


def test_read_sxcu_reads_a_file_and_says_when_it_cannot(tmp_path: Path) -> None:
    path = tmp_path / "host.sxcu"
    path.write_bytes(sxcu(CURRENT))
    assert read_sxcu(path) == parse_sxcu(sxcu(CURRENT))
    with pytest.raises(SxcuError) as caught:
        read_sxcu(tmp_path / "missing.sxcu")
    assert (caught.value.field, caught.value.reason) == (
        "(file)",
        "cannot be read: No such file or directory",
    )


# --- Round trips ----------------------------------------------------------------------------


def test_write_then_read_gives_the_same_uploader_and_secrets() -> None:
    imported = parse_sxcu(sxcu(CURRENT))
    written = write_sxcu(imported.uploader, imported.secrets)
    again = parse_sxcu(written)
    assert again.uploader == imported.uploader
    assert again.secrets == imported.secrets
    assert again.notes == ()
    document = json.loads(written)
    assert list(document) == [
        "Version",
        "Name",
        "DestinationType",
        "RequestMethod",
        "RequestURL",
        "Parameters",
        "Headers",
        "Body",
        "Arguments",
        "FileFormName",
        "URL",
        "ThumbnailURL",
        "DeletionURL",
        "ErrorMessage",
        "DeletionRequest",
        "AcceptedTypes",
    ]
    assert document["Version"] == SXCU_VERSION
    assert document["DestinationType"] == "ImageUploader"
    assert document["Headers"]["Authorization"] == "Basic {base64:me:pw}"
    assert document["DeletionRequest"] == {
        "Method": "POST",
        "Headers": {"X-Api-Key": "D-9", "Accept": "*/*"},
    }
    assert document["AcceptedTypes"] == ["image/jpeg", "image/png"]


def test_without_secrets_the_secret_values_are_written_empty() -> None:
    imported = parse_sxcu(sxcu(CURRENT))
    document = json.loads(write_sxcu(imported.uploader))
    assert document["Parameters"] == {"api_key": "", "album": "{base64:{filename}}"}
    assert document["Headers"]["Authorization"] == ""
    assert document["Arguments"]["upload_token"] == ""
    assert document["DeletionRequest"]["Headers"]["X-Api-Key"] == ""
    blank = parse_sxcu(write_sxcu(imported.uploader))
    assert blank.uploader == imported.uploader
    assert set(blank.secrets.values()) == {""}


def test_a_minimal_uploader_round_trips_with_shareX_defaults_left_out() -> None:
    uploader = Uploader(
        name="Bin",
        request_url="https://b.example/put",
        method="PUT",
        body=Body.BINARY,
        url="{header:Location}",
    )
    written = write_sxcu(uploader)
    assert json.loads(written) == {
        "Version": SXCU_VERSION,
        "Name": "Bin",
        "DestinationType": "ImageUploader",
        "RequestMethod": "PUT",
        "RequestURL": "https://b.example/put",
        "Body": "Binary",
        "URL": "{header:Location}",
    }
    assert parse_sxcu(written) == Imported(
        Uploader(**{**uploader.__dict__, "accepts": ACCEPTED_MIMES}), {}
    )


# --- Older files ----------------------------------------------------------------------------

OLD_13 = {
    "Version": "13.5.0",
    "Name": "old host",
    "DestinationType": "ImageUploader",
    "RequestMethod": "POST",
    "RequestURL": "https://old.example/up.php?key=S3CR3T",
    "Headers": {"Authorization": "Basic $base64:me:p\\$w$"},
    "Body": "MultipartFormData",
    "Arguments": {"name": "$filename$", "domain": "$random:a.example|b.example$"},
    "FileFormName": "file",
    "RegexList": ['"id":\\s*"(\\w+)"', '(?<thumb>https://[^"]+/t/[^"]+)'],
    "URL": "https://old.example/$1,1$|{v}",
    "ThumbnailURL": "$regex:2|thumb$",
    "DeletionURL": "$json:files[0].delete$",
    "ErrorMessage": "$xml:/error/msg$ $header:X-Err$ $response$ $responseurl$ $regex:1$",
}


def test_the_older_dollar_syntax_is_converted_keeping_its_meaning() -> None:
    imported = parse_sxcu(sxcu(OLD_13))
    uploader = imported.uploader
    assert uploader.parameters == (("key", ""),)
    assert imported.secrets == {
        (HEADERS, "Authorization"): "Basic {base64:me:p$w}",
        (PARAMETERS, "key"): "S3CR3T",
    }
    assert uploader.arguments == (
        ("name", "{filename}"),
        ("domain", "{random:a.example|b.example}"),
    )
    assert uploader.url == r'https://old.example/{regex:"id":\\s*"(\\w+)"|1}\|\{v\}'
    assert uploader.thumbnail_url == r'{regex:(?<thumb>https://[^"]+/t/[^"]+)|thumb}'
    assert uploader.deletion_url == "{json:files[0].delete}"
    assert uploader.error_message == (
        r'{xml:/error/msg} {header:X-Err} {response} {responseurl} {regex:"id":\\s*"(\\w+)"}'
    )
    assert uploader.regex_list == tuple(OLD_13["RegexList"])
    assert imported.notes == (
        "the query string of RequestURL moved to Parameters (as ShareX does)",
        "converted from ShareX's older $…$ syntax to the current one",
        "RegexList references written out as {regex:pattern|group}: ShareX's own conversion "
        "loses them",
    )
    body = '{"id": "ab12", "files": [{"delete": "https://old.example/d/ab12"}], "t": "https://old.example/t/ab12.png"}'
    answer = Reply(200, {}, body, "https://old.example/up.php")
    inputs = Inputs("a.png")
    assert read(uploader.url, answer, inputs) == "https://old.example/ab12|{v}"
    assert read(uploader.thumbnail_url, answer, inputs) == "https://old.example/t/ab12.png"
    assert read(uploader.deletion_url, answer, inputs) == "https://old.example/d/ab12"


def test_an_older_file_written_out_reads_back_in_the_current_syntax() -> None:
    imported = parse_sxcu(sxcu(OLD_13))
    written = write_sxcu(imported.uploader, imported.secrets)
    document = json.loads(written)
    assert document["Version"] == SXCU_VERSION
    assert document["Headers"] == {"Authorization": "Basic {base64:me:p$w}"}
    again = parse_sxcu(written)
    assert again.uploader == imported.uploader
    assert again.secrets == imported.secrets
    assert again.notes == ()


def test_older_references_that_cannot_work_are_refused() -> None:
    out_of_range = refused(with_(Version="13.7.1", URL="$regex:3|1$", RegexList=["a", "b"]))
    assert (out_of_range.field, out_of_range.reason) == (
        "URL",
        "$regex:3|1$ refers to RegexList entry 3, but RegexList holds 2 patterns: a reader "
        "that never matches",
    )
    assert refused(with_(Version="13.7.1", URL="$2$", RegexList=["a"])).field == "URL"
    assert refused(with_(Version="13.7.1", URL="$regex:0$", RegexList=["a"])).field == "URL"
    unknown = refused(with_(Version="13.7.1", DeletionURL="$foo:bar$"))
    assert (unknown.field, unknown.reason) == (
        "DeletionURL",
        "$foo:bar$ is not a function of ShareX's older syntax",
    )
    unclosed = refused(with_(Version="13.7.1", Headers={"X": "a $json:b"}))
    assert unclosed.field == "Headers.X"
    assert unclosed.reason.startswith("a $ is never closed")
    prompt = refused(with_(Version="13.7.1", URL="https://$prompt:Sub|i$.example/"))
    assert (prompt.field, prompt.reason) == (
        "URL",
        "{prompt:Sub|i} asks a person while uploading, which uploader-gui does not do",
    )


def test_a_file_of_shareX_12_3_is_converted_as_shareX_did() -> None:
    old = {
        "Name": "ancient",
        "RequestType": "POST",
        "RequestURL": "https://a.example/u",
        "FileFormName": "f",
        "Arguments": {"t": "$filename$"},
        "ResponseType": "RedirectionURL",
        "ThumbnailURL": "$response$?thumb",
    }
    imported = parse_sxcu(sxcu(old))
    uploader = imported.uploader
    assert (uploader.method, uploader.body) == ("POST", Body.MULTIPART)
    assert (uploader.url, uploader.thumbnail_url) == ("{responseurl}", "{responseurl}?thumb")
    assert uploader.arguments == (("t", "{filename}"),)
    assert imported.notes == (
        "no Version, and ShareX's older $…$ syntax: read as a file of ShareX 13 or older",
        "a file of ShareX 12.3 or older: converted as ShareX did until 16.1 (current ShareX "
        "refuses it)",
        "converted from ShareX's older $…$ syntax to the current one",
    )
    located = parse_sxcu(sxcu({**old, "ResponseType": "LocationHeader", "Version": "12.3.1"}))
    assert located.uploader.url == "{header:Location}"
    headers = refused({**old, "ResponseType": "Headers"})
    assert headers.field == "ResponseType"
    get = parse_sxcu(sxcu({**old, "RequestType": "GET"}))
    assert (get.uploader.method, get.uploader.body) == ("GET", Body.NONE)
    assert get.uploader.parameters == (("t", "{filename}"),)  # arguments become parameters
    assert get.uploader.arguments == ()
    assert NO_FILE.format("None") in get.notes


def test_a_current_file_without_version_stays_in_the_current_syntax() -> None:
    imported = parse_sxcu(sxcu(with_(Version=None)))
    assert imported.uploader == parse_sxcu(sxcu(CURRENT)).uploader
    assert imported.notes[0] == (
        "no Version: read in the current syntax (ShareX itself refuses such a file)"
    )
    ignored = parse_sxcu(sxcu(with_(RequestType="GET", RegexList=["x"])))
    assert ignored.uploader.method == "POST"  # current ShareX ignores RequestType
    assert "RequestType is not read by ShareX since 12.4: ignored" in ignored.notes

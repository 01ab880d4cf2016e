"""The sandbox's generic test hosts (``/hosts/``), driven over real HTTP with plain httpx
(raw sockets for framing): every reply shape, every credential check, deletion, errors,
redirects and the strictness refusals."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree

import httpx
import pytest

from uploader_gui.sandbox import Hosts, HostsAuth, SandboxServer

ROOT = Path(__file__).resolve().parents[1]
PAYLOAD = bytes(range(256)) * 8
PNG = b"\x89PNG\r\n\x1a\n" + PAYLOAD
JPEG = b"\xff\xd8\xff\xe0" + PAYLOAD
WEBP = b"RIFF" + (len(PAYLOAD) + 4).to_bytes(4, "little") + b"WEBP" + PAYLOAD
GIF = b"GIF89a" + PAYLOAD
HEADERS = {"Authorization": "Bearer T-secret", "X-Api-Key": "K-secret"}
QUERY = {"key": "Q-secret"}
FORM = {"token": "F-secret"}
SECRETS = ("T-secret", "K-secret", "Q-secret", "F-secret")
FILE_URL = r"/hosts/f/[0-9a-f]{16}\.png"
BOUNDARY = "hosts-test-boundary"
MULTIPART = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    """Open hosts: no credential required."""
    with SandboxServer(hosts=True) as sandbox:
        yield sandbox


@pytest.fixture
def guarded() -> Iterator[SandboxServer]:
    """Hosts requiring two headers, a query parameter and a form argument."""
    auth = HostsAuth(headers=dict(HEADERS), query=dict(QUERY), form=dict(FORM))
    with SandboxServer(hosts=auth) as sandbox:
        yield sandbox


@pytest.fixture
def http(server: SandboxServer) -> Iterator[httpx.Client]:
    with connect(server) as client:
        yield client


@pytest.fixture
def guarded_http(guarded: SandboxServer) -> Iterator[httpx.Client]:
    with connect(guarded) as client:
        yield client


def connect(sandbox: SandboxServer) -> httpx.Client:
    return httpx.Client(base_url=sandbox.url, trust_env=False, timeout=10)


def hosts(sandbox: SandboxServer) -> Hosts:
    assert sandbox.hosts is not None
    return sandbox.hosts


def post_file(
    client: httpx.Client,
    route: str = "/hosts/nested-json",
    content: bytes = PNG,
    content_type: str = "image/png",
    field: str = "file",
    *,
    params: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    data: dict[str, str] | None = None,
) -> httpx.Response:
    files = {field: ("a.png", content, content_type)}
    return client.post(route, files=files, params=params, headers=headers, data=data)


def with_secrets(client: httpx.Client, route: str = "/hosts/nested-json") -> httpx.Response:
    return post_file(client, route, params=QUERY, headers=HEADERS, data=FORM)


def multipart(*parts: tuple[str, bytes]) -> bytes:
    """A multipart body built by hand: each part is (its header lines, its content)."""
    body = b"".join(
        f"--{BOUNDARY}\r\n{headers}\r\n\r\n".encode() + content + b"\r\n"
        for headers, content in parts
    )
    return body + f"--{BOUNDARY}--\r\n".encode()


def exchange(port: int, request: bytes) -> tuple[bytes, list[bytes], bytes]:
    """Sends raw bytes; the status line, header lines and body received until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    status_line, *headers = head.split(b"\r\n")
    return status_line, headers, body


def error_of(response: httpx.Response) -> str:
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"]
    message = body["error"]["message"]
    assert isinstance(message, str)
    return message


def assert_served(client: httpx.Client, url: str, content: bytes, content_type: str) -> None:
    served = client.get(url)
    assert served.status_code == 200
    assert served.content == content
    assert served.headers["content-type"] == content_type
    assert served.headers["content-length"] == str(len(content))


# -- switching on -------------------------------------------------------------------------


def test_hosts_are_served_only_when_asked() -> None:
    with SandboxServer() as sandbox, connect(sandbox) as client:
        assert sandbox.hosts is None
        response = post_file(client)
        assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})
        assert sandbox.uploads == []


def test_the_contract_is_unchanged_beside_the_hosts(server: SandboxServer) -> None:
    with connect(server) as client:
        client.headers["X-API-Key"] = server.key
        contract = client.post("/upload/image/v1", files={"file": ("a.png", PNG, "image/png")})
        assert contract.status_code == 200
        host = post_file(client).json()["data"]
        name = contract.json()["url"].rsplit("/", 1)[1]
        assert client.get(f"/hosts/f/{name}").status_code == 404
        assert client.get("/u/" + host["link"].rsplit("/", 1)[1]).status_code == 404
    assert [upload.filename for upload in server.uploads] == ["a.png"]
    assert [upload.route for upload in hosts(server).uploads] == ["nested-json"]


# -- reply shapes -------------------------------------------------------------------------


def test_nested_json_shape(server: SandboxServer, http: httpx.Client) -> None:
    response = post_file(http)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    data = body["data"]
    assert (body["success"], body["status"]) == (True, 200)
    assert re.fullmatch(re.escape(server.url) + FILE_URL, data["link"])
    assert data["delete_url"] == f"{server.url}/hosts/delete/{data['deletehash']}"
    assert response.headers["x-delete-url"] == data["delete_url"]
    assert data["thumb"]["url"] == data["link"].replace("/hosts/f/", "/hosts/thumb/")
    assert (data["type"], data["size"], data["name"]) == ("image/png", len(PNG), "a.png")
    assert_served(http, data["link"], PNG, "image/png")
    assert_served(http, data["thumb"]["url"], PNG, "image/png")
    [upload] = hosts(server).uploads
    assert (upload.route, upload.url, upload.deletehash) == (
        "nested-json",
        data["link"],
        data["deletehash"],
    )
    assert upload.path.read_bytes() == PNG


def read_files_list(response: httpx.Response) -> tuple[str, str]:
    assert response.headers["content-type"] == "application/json"
    [entry] = response.json()["files"]
    assert entry["thumbnail"] == entry["url"].replace("/hosts/f/", "/hosts/thumb/")
    return entry["url"], entry["delete_url"]


def read_text(response: httpx.Response) -> tuple[str, str]:
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    return response.text, response.headers["x-delete-url"]


def read_xml(response: httpx.Response) -> tuple[str, str]:
    assert response.headers["content-type"] == "application/xml"
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own loopback host)
    assert root.tag == "upload"
    return root.findtext("url") or "", root.findtext("delete") or ""


def read_location(response: httpx.Response) -> tuple[str, str]:
    assert response.content == b""
    return response.headers["location"], response.headers["x-delete-url"]


@pytest.mark.parametrize(
    ("route", "status", "read"),
    [
        ("files-list", 200, read_files_list),
        ("text", 200, read_text),
        ("xml", 200, read_xml),
        ("location", 201, read_location),
    ],
)
def test_reply_shapes(
    server: SandboxServer,
    http: httpx.Client,
    route: str,
    status: int,
    read: Callable[[httpx.Response], tuple[str, str]],
) -> None:
    response = post_file(http, f"/hosts/{route}", GIF, "image/gif")
    assert response.status_code == status
    url, delete_url = read(response)
    [upload] = hosts(server).uploads
    assert (upload.route, upload.url, upload.delete_url) == (route, url, delete_url)
    assert response.headers["x-delete-url"] == delete_url
    assert_served(http, url, GIF, "image/gif")


def test_text_with_a_line_break(http: httpx.Client) -> None:
    response = post_file(http, "/hosts/text", params={"newline": "1"})
    assert response.text.endswith(".png\n")
    assert response.text.count("\n") == 1


@pytest.mark.parametrize("method", ["PUT", "POST"])
def test_binary_upload(server: SandboxServer, http: httpx.Client, method: str) -> None:
    response = http.request(
        method,
        f"/hosts/binary/{quote('my pic.jpg')}",
        content=JPEG,
        headers={"Content-Type": "image/jpeg"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "url": body["url"],
        "thumbnail": body["thumbnail"],
        "delete_url": response.headers["x-delete-url"],
        "filename": "my pic.jpg",
        "size": len(JPEG),
    }
    assert_served(http, body["url"], JPEG, "image/jpeg")
    [upload] = hosts(server).uploads
    assert (upload.route, upload.filename, upload.content_type) == (
        "binary",
        "my pic.jpg",
        "image/jpeg",
    )
    record = hosts(server).requests[-2]  # the last one is the GET of the file
    assert record.file is not None
    assert record.file.size == len(JPEG)


@pytest.mark.parametrize(("content", "declared"), [(WEBP, "image/webp"), (GIF, "image/gif")])
def test_every_image_type_is_taken(http: httpx.Client, content: bytes, declared: str) -> None:
    response = post_file(http, "/hosts/files-list", content, declared)
    assert response.status_code == 200
    assert_served(http, read_files_list(response)[0], content, declared)


def test_head_of_a_file(http: httpx.Client) -> None:
    link = post_file(http).json()["data"]["link"]
    head = http.head(link)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == str(len(PNG))


# -- multipart fields and arguments ---------------------------------------------------------


def test_the_file_field_is_configurable(server: SandboxServer, http: httpx.Client) -> None:
    good = post_file(http, field="image", params={"field": "image"})
    assert good.status_code == 200
    wrong = post_file(http, field="file", params={"field": "image"})
    assert wrong.status_code == 422
    assert error_of(wrong) == "unexpected file part 'file': the file goes in field 'image'"
    default = post_file(http, field="image")
    assert error_of(default) == "unexpected file part 'image': the file goes in field 'file'"
    assert len(hosts(server).uploads) == 1


def test_text_parts_are_arguments_on_record(server: SandboxServer, http: httpx.Client) -> None:
    response = post_file(http, "/hosts/text", data={"title": "été", "empty": ""})
    assert response.status_code == 200
    [record] = hosts(server).requests
    assert record.arguments == {"title": "été", "empty": ""}
    assert record.file is not None
    assert (record.file.filename, record.file.content_type, record.file.size) == (
        "a.png",
        "image/png",
        len(PNG),
    )
    assert (record.method, record.path, record.status) == ("POST", "/hosts/text", 200)


def test_a_text_part_in_the_file_field_is_no_file(http: httpx.Client) -> None:
    body = multipart(('Content-Disposition: form-data; name="file"', b"not a file"))
    response = http.post("/hosts/text", content=body, headers=MULTIPART)
    assert (response.status_code, error_of(response)) == (422, "no file in field 'file'")


def test_missing_and_doubled_file_parts(http: httpx.Client) -> None:
    only_text = http.post(
        "/hosts/xml",
        content=multipart(('Content-Disposition: form-data; name="note"', b"x")),
        headers=MULTIPART,
    )
    assert (only_text.status_code, error_of(only_text)) == (422, "no file in field 'file'")
    files = [("file", ("a.png", PNG, "image/png")), ("file", ("b.png", PNG, "image/png"))]
    doubled = http.post("/hosts/xml", files=files)
    assert doubled.status_code == 422
    assert error_of(doubled) == "expected exactly one file part in field 'file'"


# -- documents --------------------------------------------------------------------------


def test_form_is_echoed(server: SandboxServer, http: httpx.Client) -> None:
    form = {"filename": "a.png", "title": "é &"}
    response = http.post("/hosts/form", data=form, params={"require": "filename,title"})
    assert response.status_code == 200
    assert response.json() == {
        "route": "form",
        "content_type": "application/x-www-form-urlencoded",
        "fields": form,
        "body": "filename=a.png&title=%C3%A9+%26",
    }
    [record] = hosts(server).requests
    assert record.body == b"filename=a.png&title=%C3%A9+%26"
    assert record.arguments == form


def test_json_body_is_echoed(server: SandboxServer, http: httpx.Client) -> None:
    document = {"filename": "a.png", "size": 3, "nested": {"a": [1]}}
    response = http.post("/hosts/json-body", json=document, params={"require": "filename"})
    assert response.status_code == 200
    echo = response.json()
    assert (echo["fields"], json.loads(echo["body"])) == (document, document)
    assert hosts(server).requests[0].arguments == {"filename": "a.png"}


@pytest.mark.parametrize("content_type", ["application/xml", "text/xml; charset=utf-8"])
def test_xml_body_is_echoed(http: httpx.Client, content_type: str) -> None:
    body = b'<?xml version="1.0"?><upload><filename>a &amp; b.png</filename><n/></upload>'
    response = http.post(
        "/hosts/xml-body",
        content=body,
        headers={"Content-Type": content_type},
        params={"require": "filename,n"},
    )
    assert response.status_code == 200
    assert response.json()["fields"] == {"#root": "upload", "filename": "a & b.png", "n": ""}
    assert response.json()["body"] == body.decode()


@pytest.mark.parametrize(
    ("route", "content", "content_type", "status", "message"),
    [
        (
            "form",
            b"a=1",
            "application/json",
            415,
            "Unsupported media type: application/json; expected application/x-www-form-urlencoded",
        ),
        ("form", b"a=\xff", "application/x-www-form-urlencoded", 422, "malformed form body"),
        ("form", b"a=1&b", "application/x-www-form-urlencoded", 422, "malformed form body"),
        ("form", b"a=1", "application/x-www-form-urlencoded", 422, "missing field(s): filename"),
        ("json-body", b"{", "application/json", 422, "malformed JSON body"),
        ("json-body", b"[1]", "application/json", 422, "expected a JSON object"),
        (
            "json-body",
            b"{}",
            "text/plain",
            415,
            "Unsupported media type: text/plain; expected application/json",
        ),
        ("xml-body", b"<a><b>", "application/xml", 422, "malformed XML body"),
        (
            "xml-body",
            b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
            "application/xml",
            422,
            "XML declarations (DOCTYPE, ENTITY) are refused",
        ),
        ("xml-body", b"<a><filenam/></a>", "application/xml", 422, "missing field(s): filename"),
    ],
)
def test_documents_are_checked(
    http: httpx.Client, route: str, content: bytes, content_type: str, status: int, message: str
) -> None:
    response = http.post(
        f"/hosts/{route}",
        content=content,
        headers={"Content-Type": content_type},
        params={"require": "filename"} if "missing" in message else None,
    )
    assert (response.status_code, error_of(response)) == (status, message)


def test_document_over_the_limit_is_413(http: httpx.Client) -> None:
    response = http.post("/hosts/json-body", json={"a": "x" * 1024 * 1024})
    assert (response.status_code, error_of(response)) == (413, "document over 1048576 bytes")


# -- credentials --------------------------------------------------------------------------


def test_all_credentials_right(guarded: SandboxServer, guarded_http: httpx.Client) -> None:
    response = with_secrets(guarded_http)
    assert response.status_code == 200
    assert not any(secret in response.text for secret in SECRETS)
    [record] = hosts(guarded).requests
    assert record.headers["authorization"] == "Bearer T-secret"
    assert record.headers["x-api-key"] == "K-secret"
    assert record.query["key"] == ["Q-secret"]
    assert record.arguments == FORM
    [plain] = guarded.requests  # the service's own record has it too
    assert plain.path == "/hosts/nested-json?key=Q-secret"


CREDENTIALS = [
    ("header", "Authorization"),
    ("header", "X-Api-Key"),
    ("query parameter", "key"),
    ("argument", "token"),
]


@pytest.mark.parametrize(("where", "name"), CREDENTIALS)
@pytest.mark.parametrize("state", ["missing", "wrong"])
@pytest.mark.parametrize("route", ["/hosts/nested-json", "/hosts/location"])
def test_a_missing_or_wrong_credential_is_401(
    guarded: SandboxServer,
    guarded_http: httpx.Client,
    where: str,
    name: str,
    state: str,
    route: str,
) -> None:
    sent = {"header": dict(HEADERS), "query parameter": dict(QUERY), "argument": dict(FORM)}
    if state == "missing":
        del sent[where][name]
    else:
        sent[where][name] += "x"
    response = post_file(
        guarded_http,
        route,
        params=sent["query parameter"],
        headers=sent["header"],
        data=sent["argument"],
    )
    assert response.status_code == 401
    assert error_of(response) == f"{state} credential: {where} {name}"
    assert not any(secret in response.text for secret in SECRETS)
    assert hosts(guarded).uploads == []
    assert hosts(guarded).requests[0].status == 401


def test_a_query_credential_given_twice_is_wrong(guarded_http: httpx.Client) -> None:
    response = guarded_http.post(
        "/hosts/text",
        params=httpx.QueryParams([("key", "Q-secret"), ("key", "other")]),
        headers=HEADERS,
        data=FORM,
        files={"file": ("a.png", PNG, "image/png")},
    )
    assert (response.status_code, error_of(response)) == (
        401,
        "wrong credential: query parameter key",
    )


def test_binary_needs_headers_and_query_not_arguments(guarded_http: httpx.Client) -> None:
    image = {"Content-Type": "image/png"}
    response = guarded_http.put(
        "/hosts/binary/a.png", content=PNG, params=QUERY, headers={**HEADERS, **image}
    )
    assert response.status_code == 200
    response = guarded_http.put("/hosts/binary/a.png", content=PNG, params=QUERY, headers=image)
    assert (response.status_code, error_of(response)) == (
        401,
        "missing credential: header Authorization",
    )


@pytest.mark.parametrize(
    ("route", "body", "content_type"),
    [
        ("form", b"token=F-secret&filename=a.png", "application/x-www-form-urlencoded"),
        ("json-body", b'{"token": "F-secret", "filename": "a.png"}', "application/json"),
        ("xml-body", b"<r><token>F-secret</token><filename>a</filename></r>", "application/xml"),
    ],
)
def test_documents_check_credentials(
    guarded_http: httpx.Client, route: str, body: bytes, content_type: str
) -> None:
    headers = {**HEADERS, "Content-Type": content_type}
    good = guarded_http.post(f"/hosts/{route}", content=body, params=QUERY, headers=headers)
    assert good.status_code == 200
    wrong = body.replace(b"F-secret", b"F-wrong")
    refused = guarded_http.post(f"/hosts/{route}", content=wrong, params=QUERY, headers=headers)
    assert (refused.status_code, error_of(refused)) == (401, "wrong credential: argument token")
    no_key = guarded_http.post(f"/hosts/{route}", content=body, headers=headers)
    assert (no_key.status_code, error_of(no_key)) == (
        401,
        "missing credential: query parameter key",
    )


def test_auth_can_change_while_running(server: SandboxServer, http: httpx.Client) -> None:
    assert post_file(http).status_code == 200
    hosts(server).auth = HostsAuth(headers={"X-Api-Key": "new"})
    assert post_file(http).status_code == 401
    assert post_file(http, headers={"X-Api-Key": "new"}).status_code == 200


def test_secrets_stay_out_of_reprs() -> None:
    auth = HostsAuth(headers=dict(HEADERS), query=dict(QUERY), form=dict(FORM))
    with SandboxServer(hosts=auth) as sandbox:
        text = repr(auth) + repr(sandbox) + repr(sandbox.hosts)
    assert not any(secret in text for secret in SECRETS)


def test_delete_method_is_checked() -> None:
    with pytest.raises(ValueError, match="delete_method"):
        HostsAuth(delete_method="BREW")


# -- deletion ---------------------------------------------------------------------------


def upload_to_delete(client: httpx.Client, *, authorized: bool = False) -> tuple[str, str]:
    """An upload's file URL and deletion URL (``authorized``: sent with every secret)."""
    response = with_secrets(client) if authorized else post_file(client)
    data = response.json()["data"]
    return data["link"], data["delete_url"]


def test_delete_with_the_credential(guarded: SandboxServer, guarded_http: httpx.Client) -> None:
    link, delete_url = upload_to_delete(guarded_http, authorized=True)
    [upload] = hosts(guarded).uploads
    response = guarded_http.delete(delete_url, headers=HEADERS)
    assert (response.status_code, response.json()) == (
        200,
        {"success": True, "status": 200, "data": True},
    )
    assert error_of(guarded_http.get(link)) == "Not Found"
    assert guarded_http.get(upload.thumbnail_url).status_code == 404
    assert not upload.path.exists()
    assert hosts(guarded).deleted == [upload]
    assert guarded_http.delete(delete_url, headers=HEADERS).status_code == 404


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "missing credential: header Authorization"),
        ({"Authorization": "Bearer T-secret"}, "missing credential: header X-Api-Key"),
        ({**HEADERS, "X-Api-Key": "K-wrong"}, "wrong credential: header X-Api-Key"),
    ],
)
def test_delete_without_the_credential_is_403(
    guarded: SandboxServer, guarded_http: httpx.Client, headers: dict[str, str], message: str
) -> None:
    link, delete_url = upload_to_delete(guarded_http, authorized=True)
    response = guarded_http.delete(delete_url, headers=headers)
    assert (response.status_code, error_of(response)) == (403, message)
    assert_served(guarded_http, link, PNG, "image/png")
    assert hosts(guarded).deleted == []


@pytest.mark.parametrize("headers", [{}, HEADERS], ids=["browser", "with-credential"])
def test_get_on_the_deletion_url_is_a_page(
    guarded: SandboxServer, guarded_http: httpx.Client, headers: dict[str, str]
) -> None:
    link, delete_url = upload_to_delete(guarded_http, authorized=True)
    page = guarded_http.get(delete_url, headers=headers)
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "<form" in page.text
    assert "Delete a.png?" in page.text
    assert_served(guarded_http, link, PNG, "image/png")
    wrong_method = guarded_http.post(delete_url, headers=HEADERS)
    assert wrong_method.status_code == 405
    assert wrong_method.headers["allow"] == "GET, DELETE"
    assert guarded_http.get(link).status_code == 200


def test_deletion_by_post_with_its_own_header() -> None:
    auth = HostsAuth(delete_method="POST", delete_headers={"X-Delete-Key": "D"})
    with SandboxServer(hosts=auth) as sandbox, connect(sandbox) as client:
        link, delete_url = upload_to_delete(client)
        assert client.delete(delete_url, headers={"X-Delete-Key": "D"}).status_code == 405
        refused = client.post(delete_url, headers={"X-Delete-Key": "E"})
        assert (refused.status_code, error_of(refused)) == (
            403,
            "wrong credential: header X-Delete-Key",
        )
        assert client.get(delete_url).status_code == 200  # the page
        assert client.get(link).status_code == 200
        assert client.post(delete_url, headers={"X-Delete-Key": "D"}).status_code == 200
        assert client.get(link).status_code == 404


def test_deletion_by_get_needs_the_credential() -> None:
    auth = HostsAuth(delete_method="GET", delete_headers={"Authorization": "Bearer D"})
    with SandboxServer(hosts=auth) as sandbox, connect(sandbox) as client:
        link, delete_url = upload_to_delete(client)
        page = client.get(delete_url)  # a browser: no credential at all
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        wrong = client.get(delete_url, headers={"Authorization": "Bearer E"})
        assert wrong.status_code == 403
        assert client.get(link).status_code == 200
        deleted = client.get(delete_url, headers={"Authorization": "Bearer D"})
        assert deleted.json()["success"] is True
        assert client.get(link).status_code == 404


def test_without_credentials_the_deletion_url_is_enough(
    server: SandboxServer, http: httpx.Client
) -> None:
    link, delete_url = upload_to_delete(http)
    assert http.get(delete_url).headers["content-type"] == "text/html; charset=utf-8"
    assert http.delete(delete_url).status_code == 200
    assert http.get(link).status_code == 404


def test_unknown_deletion_token_is_404(http: httpx.Client) -> None:
    assert http.delete("/hosts/delete/nothing-here").status_code == 404
    assert http.get("/hosts/delete/nothing-here").status_code == 404


# -- errors -----------------------------------------------------------------------------


def test_error_shapes(http: httpx.Client) -> None:
    nested = post_file(http, "/hosts/error")
    assert (nested.status_code, nested.json()) == (
        400,
        {"error": {"message": "Upload refused by the test host"}},
    )
    flat = post_file(http, "/hosts/error-flat", params={"status": "413", "message": "Too big"})
    assert (flat.status_code, flat.json()) == (413, {"status": 413, "message": "Too big"})
    custom = http.post("/hosts/error", params={"message": "Quota exceeded", "status": "429"})
    assert (custom.status_code, error_of(custom)) == (429, "Quota exceeded")
    assert http.post("/hosts/error", params={"status": "200"}).status_code == 422
    assert http.get("/hosts/error").status_code == 405
    assert post_file(http).status_code == 200  # the bodies were read: the connection works


# -- redirects --------------------------------------------------------------------------


def test_cross_origin_redirect_is_not_followed(guarded: SandboxServer) -> None:
    with SandboxServer(hosts=True) as other, connect(guarded) as client:
        target = f"{other.url}/hosts/nested-json"
        response = post_file(
            client, "/hosts/redirect", params={**QUERY, "to": target}, headers=HEADERS, data=FORM
        )
        assert response.status_code == 307
        assert response.headers["location"] == target
        assert response.is_redirect  # and not followed: httpx follows only when asked
        assert other.requests == []
        assert hosts(other).requests == []
        assert hosts(guarded).uploads == []


def test_same_origin_redirect_and_statuses(server: SandboxServer, http: httpx.Client) -> None:
    same = post_file(http, "/hosts/redirect", params={"to": "/hosts/text"})
    assert (same.status_code, same.headers["location"]) == (307, "/hosts/text")
    moved = http.get("/hosts/redirect", params={"to": server.url + "/hosts/text", "status": "308"})
    assert (moved.status_code, moved.headers["location"]) == (308, server.url + "/hosts/text")
    assert http.post("/hosts/redirect").status_code == 422
    assert http.post("/hosts/redirect", params={"to": "/x", "status": "200"}).status_code == 422
    assert hosts(server).uploads == []


def test_the_record_shows_a_key_that_followed_a_redirect(guarded: SandboxServer) -> None:
    """What the app must never do, shown with httpx's own redirect following: the other
    origin's record catches the custom key header (httpx strips only Authorization)."""
    with SandboxServer(hosts=True) as other, connect(guarded) as client:
        target = f"{other.url}/hosts/json-body"
        response = client.post(
            "/hosts/redirect",
            params={"to": target},
            json={"a": 1},
            headers=HEADERS,
            follow_redirects=True,
        )
        assert response.status_code == 200
        [leaked] = hosts(other).requests
        assert leaked.headers["x-api-key"] == "K-secret"
        assert "authorization" not in leaked.headers
        assert [record.headers.get("x-api-key") for record in other.requests] == ["K-secret"]


# -- strictness -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/hosts/nested-json", "POST"),
        ("PUT", "/hosts/text", "POST"),
        ("DELETE", "/hosts/form", "POST"),
        ("GET", "/hosts/binary/a.png", "PUT, POST"),
        ("POST", "/hosts/f/0123456789abcdef.png", "GET, HEAD"),
    ],
)
def test_wrong_method_is_405(http: httpx.Client, method: str, path: str, allow: str) -> None:
    response = http.request(method, path)
    assert (response.status_code, error_of(response)) == (405, "Method Not Allowed")
    assert response.headers["allow"] == allow


@pytest.mark.parametrize(
    "path",
    [
        "/hosts/",
        "/hosts/nope",
        "/hosts/nested-json/x",
        "/hosts/binary/",
        "/hosts/binary/a/b.png",
        "/hosts/binary/a%2Fb.png",
        "/hosts/f/0123456789abcdef.png",
        "/hosts/thumb/x",
    ],
)
def test_unknown_route_is_404(http: httpx.Client, path: str) -> None:
    response = http.put(path, content=PNG, headers={"Content-Type": "image/png"})
    if response.status_code == 405:  # files are GET only
        response = http.get(path)
    assert (response.status_code, error_of(response)) == (404, "Not Found")


@pytest.mark.parametrize(
    ("target", "content_type"),
    [("/hosts/text", "multipart/form-data; boundary=b"), ("/hosts/binary/a.png", "image/png")],
)
@pytest.mark.parametrize(
    "framing",
    ["Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "\r\n"],
    ids=["chunked", "no-length"],
)
def test_body_without_content_length_is_411_and_closes(
    server: SandboxServer, target: str, content_type: str, framing: str
) -> None:
    head = f"POST {target} HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\n"
    status_line, headers, body = exchange(server.port, (head + framing).encode())
    assert status_line == b"HTTP/1.1 411 Length Required"
    assert b"Connection: close" in headers
    assert json.loads(body) == {"error": {"message": "Content-Length required"}}
    assert hosts(server).uploads == []


def test_size_limit_is_the_contract_s() -> None:
    with SandboxServer(hosts=True, max_bytes=1000) as sandbox, connect(sandbox) as client:
        assert post_file(client, content=PNG[:1000]).status_code == 200
        over = post_file(client, content=PNG[:1001])
        assert (over.status_code, error_of(over)) == (413, "File too large: limit is 1000 bytes")
        binary = client.put(
            "/hosts/binary/a.png", content=PNG[:1001], headers={"Content-Type": "image/png"}
        )
        assert binary.status_code == 413
        assert len(hosts(sandbox).uploads) == 1


ALLOWED = "allowed: image/png, image/jpeg, image/webp, image/gif"


@pytest.mark.parametrize(
    ("content", "declared", "status", "message"),
    [
        (
            PNG,
            "application/octet-stream",
            415,
            f"Unsupported media type: application/octet-stream; {ALLOWED}",
        ),
        (PNG, "image/bmp", 415, f"Unsupported media type: image/bmp; {ALLOWED}"),
        (JPEG, "image/png", 422, "File content does not match declared type image/png"),
        (
            b"RIFF\0\0\0\0WAVEfmt ",
            "image/webp",
            422,
            "File content does not match declared type image/webp",
        ),
        (b"", "image/png", 422, "File is empty"),
    ],
)
@pytest.mark.parametrize("route", ["multipart", "binary"])
def test_images_are_sniffed(
    server: SandboxServer,
    http: httpx.Client,
    content: bytes,
    declared: str,
    status: int,
    message: str,
    route: str,
) -> None:
    if route == "multipart":
        response = post_file(http, "/hosts/files-list", content, declared)
    else:
        response = http.put("/hosts/binary/a", content=content, headers={"Content-Type": declared})
    assert (response.status_code, error_of(response)) == (status, message)
    assert hosts(server).uploads == []


def test_body_that_is_not_multipart(http: httpx.Client) -> None:
    response = http.post("/hosts/nested-json", content=PNG, headers={"Content-Type": "image/png"})
    assert (response.status_code, error_of(response)) == (
        415,
        "expected multipart/form-data with a boundary",
    )
    broken = http.post("/hosts/nested-json", content=b"no boundary here", headers=MULTIPART)
    assert (broken.status_code, error_of(broken)) == (422, "malformed multipart body")


# -- standalone ------------------------------------------------------------------------


def test_standalone_server_serves_the_hosts() -> None:
    command = [sys.executable, "-m", "uploader_gui.sandbox", "--port", "0", "--key", "k"]
    command += ["--hosts-header", "X-Api-Key: K", "--hosts-query", "key=Q"]
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            match = re.fullmatch(r"sandbox listening on (http://127\.0\.0\.1:\d+) key=k\n", line)
            assert match, line
            with httpx.Client(base_url=match[1], trust_env=False, timeout=10) as client:
                assert post_file(client, "/hosts/text").status_code == 401
                good = post_file(
                    client, "/hosts/text", params={"key": "Q"}, headers={"X-Api-Key": "K"}
                )
                assert good.status_code == 200
                assert client.get(good.text).content == PNG
            process.terminate()
            out, err = process.communicate(timeout=10)
        finally:
            process.kill()
    assert (process.returncode, out, err) == (0, "", "")


def test_standalone_help_lists_the_hosts_options() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "uploader_gui.sandbox", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    for flag in (
        "--hosts ",
        "--hosts-header",
        "--hosts-query",
        "--hosts-form",
        "--hosts-delete-header",
        "--hosts-delete-method",
    ):
        assert flag in done.stdout
    assert "/hosts/" in done.stdout

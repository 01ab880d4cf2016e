import json
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.images import png_bytes
from uploader_gui.core.client import UploadClient
from uploader_gui.core.errors import BadResponseError, TransientError
from uploader_gui.core.responses import MAX_DETAIL, parse_error_detail, parse_success
from uploader_gui.core.retry import RetryPolicy, parse_retry_after
from uploader_gui.core.urls import is_web_url, normalize_api_url


def test_string_detail_is_quoted() -> None:
    assert parse_error_detail(b'{"detail": "File is corrupt"}') == "File is corrupt"


def test_fastapi_list_detail_names_the_field() -> None:
    body = json.dumps(
        {"detail": [{"loc": ["body", "file"], "msg": "field required", "type": "x"}]}
    ).encode()
    assert parse_error_detail(body) == "body.file: field required"


def test_several_list_items_are_joined() -> None:
    body = b'{"detail": [{"msg": "a"}, {"loc": ["body"], "msg": "b"}, 7, "c"]}'
    assert parse_error_detail(body) == "a; body: b; c"


@pytest.mark.parametrize(
    "body", [b"", b"<html>oops</html>", b"[1,2]", b'{"detail": 5}', b'{"x": 1}', b"\xff\xfe"]
)
def test_bodies_without_a_usable_detail(body: bytes) -> None:
    assert parse_error_detail(body) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(st.binary(max_size=400))
def test_error_parser_never_raises_on_bytes(body: bytes) -> None:
    result = parse_error_detail(body)
    assert result is None or (isinstance(result, str) and 0 < len(result) <= MAX_DETAIL)


@given(json_values)
def test_error_parser_never_raises_on_any_json_detail(detail: object) -> None:
    result = parse_error_detail(json.dumps({"detail": detail}).encode())
    assert result is None or (isinstance(result, str) and len(result) <= MAX_DETAIL)
    if isinstance(detail, str) and detail.strip():
        assert result is not None


def test_success_body_is_read() -> None:
    result = parse_success(
        b'{"url": "https://cdn.example/u/1.png", "filename": "a.png", "size_bytes": 12}'
    )
    assert (result.url, result.filename, result.size_bytes) == (
        "https://cdn.example/u/1.png",
        "a.png",
        12,
    )


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html>oops</html>", "not JSON"),
        (b'["https://x"]', "not a JSON object"),
        (b'{"filename": "a.png"}', "no url"),
        (b'{"url": "javascript:alert(1)"}', "not an http"),
        (b'{"url": "/u/relative.png"}', "not an http"),
        (b'{"url": "https://cdn.example/a b.png"}', "it contains U\\+0020"),
        (b'{"url": 17}', "it is not text"),
    ],
)
def test_unusable_success_bodies_are_bad_responses(body: bytes, reason: str) -> None:
    with pytest.raises(BadResponseError, match=reason):
        parse_success(body)


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://cdn.example/u/1.png", True),
        ("http://127.0.0.1:8000/u/1.png", True),
        ("ftp://cdn.example/x", False),
        ("https://", False),
        ("https://cdn.example/x\n.png", False),
        ("file:///etc/passwd", False),
        ("", False),
    ],
)
def test_web_url_check(url: str, ok: bool) -> None:
    assert is_web_url(url) is ok


#: Embeddings, overrides, isolates and directional marks: each can make a URL display as
#: another address ("https://cdn.example/\u202egnp.exe" shows as ".../exe.png").
BIDI_CONTROLS = [
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\u200e",
    "\u200f",
    "\u061c",
]


@pytest.mark.parametrize("control", BIDI_CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_urls_with_bidirectional_controls_are_refused(control: str) -> None:
    assert not is_web_url(f"https://cdn.example/u/{control}gnp.exe")
    assert not is_web_url(f"https://cdn{control}.example/u/1.png")
    body = json.dumps({"url": f"https://cdn.example/{control}gnp.exe"}).encode()
    with pytest.raises(BadResponseError, match="url that cannot be used"):
        parse_success(body)


def test_c1_controls_are_refused_and_percent_encoded_bidi_is_shown_encoded() -> None:
    assert not is_web_url("https://cdn.example/a\u0090b.png")
    # Encoded, the characters display as "%E2%80%AE": nothing is reordered.
    assert is_web_url("https://cdn.example/%E2%80%AEgnp.exe")
    # Ordinary non-ASCII text stays valid.
    assert is_web_url("https://cdn.example/u/ünï-שלום.png")


def test_the_client_refuses_a_reply_with_a_bidi_url(tmp_path: Path) -> None:
    reply = {"url": "https://cdn.example/u/\u202egnp.exe", "filename": "a.png", "size_bytes": 3}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=reply))
    path = tmp_path / "a.png"
    path.write_bytes(png_bytes())
    with UploadClient("https://api.example", "k", transport=transport) as client:
        with pytest.raises(BadResponseError, match="url that cannot be used"):
            client.upload(path)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://api.imagepipeline.io/", "https://api.imagepipeline.io"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
        ("http://localhost:9/base/", "http://localhost:9/base"),
        ("http://[::1]:9", "http://[::1]:9"),
    ],
)
def test_api_urls_that_may_carry_the_key(url: str, expected: str) -> None:
    assert normalize_api_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "http://api.imagepipeline.io",
        "http://10.0.0.1:8000",
        "http://api.localhost:8000",  # may resolve anywhere: only "localhost" itself counts
        "ftp://api.imagepipeline.io",
        "https://user:pw@api.imagepipeline.io",
        "https://api.imagepipeline.io?x=1",
        "api.imagepipeline.io",
    ],
)
def test_api_urls_that_are_refused(url: str) -> None:
    from uploader_gui.core.errors import InsecureURLError

    with pytest.raises(InsecureURLError):
        normalize_api_url(url)


def test_retry_after_seconds_and_dates() -> None:
    now = datetime(2026, 11, 23, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("0.5") == 0.5
    assert parse_retry_after("Mon, 23 Nov 2026 12:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("Mon, 23 Nov 2026 11:00:00 GMT", now=now) == 0.0
    for bad in (None, "", "soon", "-3", "nan", "inf"):
        assert parse_retry_after(bad) is None


@given(st.text(max_size=60))
def test_retry_after_never_raises(value: str) -> None:
    result = parse_retry_after(value)
    assert result is None or result >= 0


def test_backoff_grows_with_jitter_and_stops_after_the_retries() -> None:
    import random

    policy = RetryPolicy(retries=3, base_delay=1.0, max_delay=30.0, rng=random.Random(4))
    error = TransientError("x")
    delays = [policy.delay_for(n, error) for n in range(4)]
    assert delays[3] is None
    for n, delay in enumerate(delays[:3]):
        assert delay is not None
        assert 2.0**n / 2 <= delay <= 2.0**n


def test_retry_after_wins_over_backoff_and_too_long_is_final() -> None:
    policy = RetryPolicy(retries=3, max_retry_after=60)
    assert policy.delay_for(0, TransientError("x", retry_after=12)) == 12
    assert policy.delay_for(0, TransientError("x", retry_after=3600)) is None

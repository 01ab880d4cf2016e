"""Link templates: placeholders, checking where they are typed, the JSON string format,
the saved templates file, and ``--headless --format`` (also as Typora runs it)."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.images import png_bytes, write
from uploader_gui.core.link_templates import load_templates, save_templates, templates_path
from uploader_gui.core.links import (
    LinkFormat,
    LinkInfo,
    Template,
    TemplateError,
    check_template,
    format_link,
    render,
    resolve_style,
    unknown_placeholders,
)
from uploader_gui.sandbox import SandboxServer

URL = "https://img.example/u/ab12.png"
INFO = LinkInfo(URL, "IMG_0042.photo.jpg", size=123456, width=4000, height=3000, date="2026-12-01")


def test_every_placeholder() -> None:
    text = "{url}|{filename}|{name}|{ext}|{size}|{width}|{height}|{date}|{{braces}}"
    assert render(check_template(text), INFO) == (
        f"{URL}|IMG_0042.photo.jpg|IMG_0042.photo|jpg|123456|4000|3000|2026-12-01|{{braces}}"
    )
    assert render('"person_image": "{url}"', INFO) == f'"person_image": "{URL}"'
    # What is not known is left empty, not "None".
    assert render("{url} {width}x{height}", LinkInfo(URL, "a")) == f"{URL} x"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"person_image": "{url}"}', '{"person_image": "URL"}'),
        ('{"image": "{url}", "w": {width}}', '{"image": "URL", "w": 4000}'),
        ("{{url}} is {url}", "{url} is URL"),
        ("{url}}", "URL}"),
        ("{ {url} }", "{ URL }"),
        ("{url!r} {url:>40} {} {wdith} {url", "{url!r} {url:>40} {} {wdith} {url"),
        ("<{url}>", "<URL>"),
    ],
)
def test_a_brace_that_opens_no_placeholder_is_copied_as_typed(text: str, line: str) -> None:
    """Natural JSON: ``{`` + a placeholder's name + ``}`` is a placeholder; any other brace is
    literal, and ``{{``/``}}`` are one brace each."""
    try:
        checked = check_template(text)
    except TemplateError:
        checked = text  # no {url}: still rendered the same way where it is used
    assert render(checked, INFO) == line.replace("URL", URL)


def test_a_braced_word_that_is_no_placeholder_is_pointed_out() -> None:
    assert unknown_placeholders("{url} {wdith}x{height} {{name}} {Size}") == ["{wdith}", "{Size}"]
    assert unknown_placeholders('{"a": "{url}"}') == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{link}", "must contain {url}"),
        ("![]({filename})", "must contain {url}"),
        ("{url", "must contain {url}"),
        ("{url!r}", "must contain {url}"),
        ("{{url}}", "must contain {url}"),
        ("{url}\n{url}", "one line"),
    ],
)
def test_an_invalid_template_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(TemplateError, match=reason.replace("{", r"\{").replace("(", r"\(")):
        check_template(text)


def test_the_json_string_format_escapes_the_url() -> None:
    odd = "https://img.example/a\u00e9%22b.png"
    line = format_link(odd, "x", LinkFormat.JSON)
    assert json.loads(line) == odd
    assert line == '"https://img.example/a\u00e9%22b.png"'
    assert LinkFormat.JSON.label == "JSON string"
    # A quote or a backslash never gets this far: such a URL is refused where it arrives.
    with pytest.raises(ValueError, match="not an http"):
        format_link('https://img.example/a"b\\c.png', "x", LinkFormat.JSON)


def test_names_resolve_to_formats_and_templates() -> None:
    saved = {"body": '"person_image": "{url}"'}
    assert resolve_style("markdown", saved) is LinkFormat.MARKDOWN
    assert resolve_style("body", saved) == Template("body", saved["body"])
    assert resolve_style("<{url}>") == Template("<{url}>", "<{url}>")
    with pytest.raises(TemplateError, match="unknown format 'nope': use url, markdown"):
        resolve_style("nope", saved)


def test_saved_templates_round_trip_and_bad_ones_are_left_out(tmp_path: Path) -> None:
    save_templates({"body": '"person_image": "{url}"', "wiki": "[[{url}|{name}]]"})
    assert load_templates() == {"body": '"person_image": "{url}"', "wiki": "[[{url}|{name}]]"}
    for name, text in (("url", "{url}"), ("x", "no url"), ("", "{url}"), ("a{b}", "{url}")):
        with pytest.raises(TemplateError):
            save_templates({name: text})
    templates_path().write_text(
        json.dumps({"good": "{url}", "bad": "{nope}", "url": "{url}", "n": 3}), encoding="utf-8"
    )
    assert load_templates() == {"good": "{url}"}
    templates_path().write_text("not json", encoding="utf-8")
    assert load_templates() == {}
    assert load_templates(tmp_path / "missing.json") == {}


# --- --headless --format -----------------------------------------------------------------


def headless(*args: str, key: str) -> subprocess.CompletedProcess[str]:
    from tests.test_headless import run

    return run("--headless", *args, key=key, plain=True)


def test_format_prints_one_line_per_file_in_input_order(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    first = write(tmp_path / "b first.png", png_bytes(30, 20, seed=1))
    second = write(tmp_path / "a second.png", png_bytes(8, 6, seed=2))
    done = headless(
        "--api-url",
        sandbox.url,
        "--format",
        '"person_image": "{url}" {name} {ext} {width}x{height} {size}',
        str(first),
        str(second),
        key=sandbox.key,
    )
    assert done.returncode == 0, done.stderr
    by_name = {upload.filename: upload for upload in sandbox.uploads}
    assert done.stdout.splitlines() == [
        f'"person_image": "{by_name["b first.png"].url}" b first png 30x20 {first.stat().st_size}',
        f'"person_image": "{by_name["a second.png"].url}" a second png 8x6 {second.stat().st_size}',
    ]
    # Names: json, and a template saved in the window.
    save_templates({"wiki": "[[{url}]]"})
    for name, expected in (("json", json.dumps), ("wiki", lambda url: f"[[{url}]]")):
        out = headless("--api-url", sandbox.url, "--format", name, str(first), key=sandbox.key)
        assert out.returncode == 0, out.stderr
        assert out.stdout == expected(sandbox.uploads[-1].url) + "\n"


def test_an_unknown_format_is_a_usage_error_and_nothing_is_sent(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    image = write(tmp_path / "a.png", png_bytes())
    done = headless("--api-url", sandbox.url, "--format", "{link}", str(image), key=sandbox.key)
    assert done.returncode == 2
    assert "--format: unknown format '{link}'" in done.stderr
    assert sandbox.requests == []


def test_typora_custom_command(sandbox: SandboxServer, tmp_path: Path) -> None:
    """Typora ("Image ▸ Upload Service: Custom Command") runs the command through a shell
    with each image's path appended, quoted, and takes the URLs from the last lines of the
    output, one per image, in order; a failed image keeps its local path."""
    folder = tmp_path / "my notes"
    folder.mkdir()
    images = [
        write(folder / "screen shot 1.png", png_bytes(seed=3)),
        write(folder / "ünïcode ' quote.png", png_bytes(seed=4)),
        folder / "missing.png",
    ]
    command = f"{shlex.quote(sys.executable)} -m uploader_gui --headless --format url"
    line = " ".join([command, *(f'"{path}"' for path in images)])
    env = {"IMAGEPIPELINE_API_KEY": sandbox.key, "IMAGEPIPELINE_API_URL": sandbox.url}
    done = subprocess.run(  # noqa: S602 - a shell, as Typora runs it
        line,
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
        env={**_base_env(), **env},
        check=False,
    )
    last = done.stdout.splitlines()[-len(images) :]
    by_name = {upload.filename: upload.url for upload in sandbox.uploads}
    assert last == [by_name["screen shot 1.png"], by_name["ünïcode ' quote.png"], str(images[2])]
    assert done.returncode == 1
    assert "missing.png" in done.stderr


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("IMAGEPIPELINE_")}


def test_a_value_with_a_line_break_stays_on_one_line() -> None:
    odd = LinkInfo(URL, "a\nb\u2028c\x1b.png")
    assert render("{url} {filename} {name}", odd) == f"{URL} a_b_c_.png a_b_c_"
    assert "\n" not in format_link(URL, "a\nb.png", LinkFormat.MARKDOWN)


def test_a_crafted_name_cannot_break_out_of_the_template_s_format() -> None:
    """``![{name}]({url})`` with a name that closes the alt text and opens a second image
    still makes one image; quotes cannot end a JSON string or an HTML attribute; a line
    break cannot start a new line."""
    url = "https://cdn.example/u/a(1)[2].png?x=(y)"
    name = 'x](https://evil.example/p.png) ![y"<img src=x onerror=alert(1)>\\`\n.png'
    info = LinkInfo(url, name)
    markdown = render("![{name}]({url})", info)
    assert markdown.count("![") == 1
    assert markdown.count("](") == 1
    assert markdown.endswith("(https://cdn.example/u/a%281%29%5B2%5D.png?x=%28y%29)")
    html_tag = render('<img src="{url}" alt="{name}">', info)
    assert html_tag.count('"') == 4
    assert "<img src=x" not in html_tag
    body = render('{{"person_image": "{url}", "name": "{filename}"}}', info)
    assert json.loads(body) == {
        "person_image": "https://cdn.example/u/a%281%29%5B2%5D.png?x=%28y%29",
        "name": "x_(https://evil.example/p.png) !_y__img src=x onerror=alert(1)____.png",
    }
    assert "\n" not in markdown + html_tag + body

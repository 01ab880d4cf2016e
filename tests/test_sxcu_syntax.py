"""ShareX's custom-uploader syntax: parsing and escapes, every function on its side, the
JSON, XML and regex readers, the static check's refusals, and replies built to hurt."""

from __future__ import annotations

import base64
import json
import random
import time
import tracemalloc
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uploader_gui.core.destinations.readers_json import dotnet_double
from uploader_gui.core.destinations.readers_regex import MAX_REGEX_INPUT
from uploader_gui.core.destinations.syntax import (
    Encoding,
    Extraction,
    Inputs,
    Reply,
    TemplateError,
    check,
    escape,
    explain,
    functions,
    read,
    render,
    render_data,
)

INPUTS = Inputs("my photo ü.png")
JSON_REPLY = json.dumps(
    {
        "status": 200,
        "data": {"link": "https://i.example/a.png", "id": 42, "ratio": 1.0, "ok": True},
        "files": [{"url": "https://i.example/0.png"}, {"url": "https://i.example/1.png"}],
        "odd key": {"a.b": "dotted", "it's": "quoted"},
        "none": None,
    }
)
XML_REPLY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<files>\n"
    '  <file id="a1"><name>one.png</name><url>https://x.example/1</url></file>\n'
    '  <file id="b2"><name>two.png</name><url>https://x.example/2</url></file>\n'
    "  <total>2</total>\n"
    "</files>"
)


def reply(body: str = JSON_REPLY, **headers: str) -> Reply:
    return Reply(200, headers, body, "https://up.example/api/upload")


# --- Parsing, escapes, nesting ------------------------------------------------------------


def test_escapes_make_the_four_special_characters_text() -> None:
    assert render(r"a\{b\}c\|d\\e", INPUTS) == r"a{b}c|d\e"
    assert render(r"\x\:", INPUTS) == "x:"  # any escaped character is itself
    assert render("trailing\\", INPUTS) == "trailing"  # a lone final \ is dropped, as in ShareX
    assert render("a:b", INPUTS) == "a:b"  # ':' is text outside a function name


@given(st.text())
def test_escape_gives_back_the_text_whatever_it_holds(text: str) -> None:
    assert render(escape(text), INPUTS) == text
    assert functions(escape(text)) == []


def test_functions_nest_in_parameters() -> None:
    expected = base64.b64encode(b"my photo \xc3\xbc.png:secret").decode()
    assert render("{base64:{filename}:secret}", INPUTS) == expected
    inner = '{"name": "x", "list": [1, 2]}'
    assert render("{json:" + escape(inner) + "|list[1]}", INPUTS) == "2"
    # A ':' inside a parameter is text: one parameter, as ShareX's Basic-auth example.
    assert render("Basic {base64:user:pa:ss}", INPUTS) == "Basic " + base64.b64encode(
        b"user:pa:ss"
    ).decode("ascii")


def test_function_names_are_case_insensitive_and_listed_in_order() -> None:
    assert render("{FileName}", INPUTS) == INPUTS.filename
    assert functions("{json:{response}|a} x {Base64:{filename}} {random:a|b}") == [
        "json",
        "response",
        "base64",
        "filename",
        "random",
    ]


# --- Request side ---------------------------------------------------------------------------


def test_input_functions_and_their_encodings() -> None:
    name = Inputs('a b&c"<é>.png', input="t'x")
    assert render("{filename}", name) == 'a b&c"<é>.png'
    assert render("https://h/{filename}?i={input}", name, Encoding.URL) == (
        "https://h/a%20b%26c%22%3C%C3%A9%3E.png?i=t%27x"
    )
    assert render("{filename}", name, Encoding.JSON) == r"a b&c\"<é>.png"
    assert render(r"{filename}\|{input}", name, Encoding.XML) == (
        "a b&amp;c&quot;&lt;é&gt;.png|t&apos;x"
    )
    # Only the input functions are escaped: literal text and other results are as written.
    assert render(r"{random:a b\|c|a b\|c}/x y", name, Encoding.URL) == "a b|c/x y"
    assert render("{input}", INPUTS) == ""  # an image upload has no input (ShareX passes "")


def test_json_encoding_matches_newtonsoft() -> None:
    text = 'q"\\\n\t\x01\u2028\u0085é'
    assert render("{input}", Inputs("f", text), Encoding.JSON) == (
        'q\\"\\\\\\n\\t\\u0001\\u2028\\u0085é'
    )


def test_random_uses_the_given_generator() -> None:
    picks = {render("{random:a|b|c}", INPUTS, rng=random.Random(seed)) for seed in range(60)}
    assert picks == {"a", "b", "c"}
    first = [render("{random:1|2|3|4}", INPUTS, rng=random.Random(7)) for _ in range(5)]
    again = [render("{random:1|2|3|4}", INPUTS, rng=random.Random(7)) for _ in range(5)]
    assert first == again


def test_base64_of_nothing_is_nothing() -> None:
    assert render("x{base64:}y", INPUTS) == "xy"


def test_readers_with_an_explicit_input_work_in_a_request() -> None:
    assert render(r'{json:\{"a":\{"b":"c"\}\}|a.b}', INPUTS) == "c"
    assert render("{xml:<r><v>7</v></r>|/r/v}", INPUTS) == "7"
    assert render(r"{regex:{filename}|(\\w+)\\.png|1}", Inputs("cat.png")) == "cat"


@pytest.mark.parametrize(
    "template",
    [
        "{response}",
        "{responseurl}",
        "{header:Location}",
        "{json:data.link}",
        "{xml:/files/file}",
        "{regex:a}",
        "{regex:(a)|1}",
    ],
)
def test_reply_readers_are_refused_in_a_request(template: str) -> None:
    with pytest.raises(TemplateError, match="reply, which does not exist yet") as caught:
        render(template, INPUTS)
    assert caught.value.function == template


# --- Result side: JSON ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{json:data.link}", "https://i.example/a.png"),
        ("{json:$.data.link}", "https://i.example/a.png"),
        ("{json:files[1].url}", "https://i.example/1.png"),
        ("{json:files[ 0 ].url}", "https://i.example/0.png"),
        ("{json:['odd key']['a.b']}", "dotted"),
        ("{json:data.id}", "42"),
        ("{json:data.ratio}", "1"),
        ("{json:data.ok}", "True"),
        ("{json:data.missing}", ""),
        ("{json:files[9].url}", ""),
        ("{json:data[0]}", ""),
        ("{json:files.url}", ""),
        ("{json:none}", ""),
        ("{json:data}", ""),
        ("https://h/{json:data.id}.png", "https://h/42.png"),
    ],
)
def test_json_reader(template: str, expected: str) -> None:
    assert read(template, reply(), INPUTS) == expected


def test_a_byte_order_mark_before_json_or_xml_is_skipped() -> None:
    assert read("{json:data.id}", reply("\ufeff" + JSON_REPLY), INPUTS) == "42"
    assert read("{xml:/files/total}", reply("\ufeff" + XML_REPLY), INPUTS) == "2"


def test_json_quoted_names_take_newtonsoft_escapes() -> None:
    assert read(r"{json:['odd key']['it\\'s']}", reply(), INPUTS) == "quoted"


def test_json_reader_on_a_reply_that_is_not_json_gives_nothing_and_says_why() -> None:
    [extraction] = explain("{json:data}", reply("<html>"), INPUTS)
    assert extraction.value is None
    assert extraction.problem is not None
    assert extraction.problem.startswith("the text is not JSON")
    assert read("{json:data}", reply(""), INPUTS) == ""


def test_doubles_are_written_as_dotnet_writes_them() -> None:
    assert [dotnet_double(x) for x in (1.0, 1.5, -2.25, 1e15, 1e14, 0.0001, 1e-05, 1e20)] == [
        "1",
        "1.5",
        "-2.25",
        "1E+15",
        "100000000000000",
        "0.0001",
        "1E-05",
        "1E+20",
    ]


# --- Result side: XML ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("xpath", "expected"),
    [
        ("/files/file[1]/url", "https://x.example/1"),
        ("/files/file[2]/name", "two.png"),
        ("/files/file[last()]/name", "two.png"),
        ("//url", "https://x.example/1"),
        ("files/total", "2"),
        ("/files/file[@id='b2']/url", "https://x.example/2"),
        ('/files/file[name="two.png"]/@id', "b2"),
        ("/files/file/@id", "a1"),
        ("//file[2]/@id", "b2"),
        ("/files/file[1]", "one.pnghttps://x.example/1"),
        ("/files/total/text()", "2"),
        ("/files/*[@id='b2']/url", "https://x.example/2"),
        ("/files/file[2][@id='b2']/name", "two.png"),
        ("/files/file[1][@id='b2']/name", ""),
        ("/files/file[3]/url", ""),
        ("/files/nothing", ""),
        ("/other", ""),
    ],
)
def test_xml_reader(xpath: str, expected: str) -> None:
    assert read("{xml:" + xpath + "}", reply(XML_REPLY), INPUTS) == expected


def test_xml_reader_on_a_reply_that_is_not_xml() -> None:
    [extraction] = explain("{xml:/a}", reply("{not xml"), INPUTS)
    assert extraction.value is None
    assert extraction.problem is not None
    assert extraction.problem.startswith("the text is not XML")


def test_billion_laughs_is_refused_quickly_with_bounded_memory() -> None:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><lolz>&lol9;</lolz>'
    tracemalloc.start()
    started = time.monotonic()
    try:
        [extraction] = explain("{xml:/lolz}", reply(bomb), INPUTS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 1
    assert peak < 1 << 20  # 10^9 "lol"s would be gigabytes
    assert extraction.value is None
    assert extraction.problem is not None
    assert "DOCTYPE" in extraction.problem
    # An external entity needs a DOCTYPE too.
    xxe = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    assert read("{xml:/r}", reply(xxe), INPUTS) == ""


# --- Result side: regex, header, response ---------------------------------------------------

HTML = '<a href="https://h.example/v/123">view</a> <img src="https://h.example/t/123.png">'


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ('{regex:(?<=href=").+?(?=")}', "https://h.example/v/123"),
        ('{regex:href="(.+?)"|1}', "https://h.example/v/123"),
        ('{regex:src="(?<thumb>[^"]+)"|thumb}', "https://h.example/t/123.png"),
        ('{regex:src="(?\'thumb\'[^"]+)"|thumb}', "https://h.example/t/123.png"),
        (r"{regex:/v/(\\d+)|1}", "123"),
        (r"{regex:(?<id>\\d+).+/t/\\k<id>|id}", "123"),
        # .NET numbers unnamed groups first: here group 1 is (view), group 2 is id.
        (r"{regex:/(?<id>\\d+)\">(view)|1}", "view"),
        (r"{regex:/(?<id>\\d+)\">(view)|2}", "123"),
        (r"{regex:a\|b|0}", "a"),
        (r"{regex:(x)?view|1}", ""),  # a group that took no part: ""
        ("{regex:nothing like this}", ""),
        (r"{regex:{response}|\\d\{3\}|}", "123"),
    ],
)
def test_regex_reader(template: str, expected: str) -> None:
    assert read(template, reply(HTML), INPUTS) == expected


def test_regex_reads_only_the_start_of_a_huge_reply_quickly() -> None:
    near = "x" * 1000 + "URL=https://near.example "
    far = "a" * MAX_REGEX_INPUT + "URL=https://far.example"
    started = time.monotonic()
    assert read(r"{regex:URL=(\\S+)|1}", reply(near + "y" * (8 << 20)), INPUTS) == (
        "https://near.example"
    )
    [extraction] = explain(r"{regex:URL=(\\S+)|1}", reply(far), INPUTS)
    assert time.monotonic() - started < 5
    assert extraction == Extraction(r"{regex:URL=(\\S+)|1}", None, "the pattern does not match")


def test_headers_response_and_urls() -> None:
    answer = reply("plain-id", Location="https://h/1", **{"X-Delete": "https://h/d/1"})
    assert read("{header:location}", answer, INPUTS) == "https://h/1"
    assert read("{header:LOCATION}", answer, INPUTS) == "https://h/1"
    assert read("{header:x-delete}", answer, INPUTS) == "https://h/d/1"
    assert read("{header:Missing}", answer, INPUTS) == ""
    assert read("https://h/{response}.png", answer, INPUTS) == "https://h/plain-id.png"
    assert read("{responseurl}", answer, INPUTS) == "https://up.example/api/upload"
    # In the reply ShareX URL-encodes the file name and has no input.
    assert read("{filename}-{input}", answer, Inputs("a b.png", "t")) == ("a%20b.png-")
    assert read("", answer, INPUTS) == ""


def test_explain_says_what_each_call_gave_outer_first() -> None:
    template = "https://h/{json:data.id}/{json:{response}|nope}/{base64:{json:data.id}}"
    assert explain(template, reply(), INPUTS) == [
        Extraction("{json:data.id}", "42"),
        Extraction("{json:{response}|nope}", None, "the JSON has nothing at nope"),
        Extraction("{response}", JSON_REPLY),
        Extraction("{base64:{json:data.id}}", "NDI="),
        Extraction("{json:data.id}", "42"),
    ]
    assert read(template, reply(), INPUTS) == "https://h/42//NDI="


# --- The static check -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("{nope}", "ShareX has no function named 'nope'"),
        ("{}", "has no function name"),
        ("{json:data.link", "is never closed"),
        ("a|b", r"an unescaped \| outside a function ends the text"),
        ("a}b", r"an unescaped } outside a function"),
        ("{ab|c}", r"has a \| in its name"),
        ("{{filename}}", "has its name made by another function"),
        ("{random:a}", "needs at least 2 parameters"),
        ("{json}", "needs at least 1 parameter,"),
        ("{header:}", "names no header"),
        ("{json:}", "the JSON path is empty"),
        ('{json:["a"]}', "ShareX reads only single quotes"),
        ("{json:a..b}", "selects several values"),
        ("{json:a[*]}", "selects several values"),
        ("{json:a.*}", "selects several values"),
        ("{json:a[0,1]}", "selects several values"),
        ("{json:a[0:2]}", "selects several values"),
        ("{json:a[?(@.b)]}", "selects several values"),
        ("{json:a[-1]}", "a negative index"),
        ("{json:a[x]}", "not a number"),
        ("{json:a.}", "ends with a dot"),
        ("{json:odd key}", "unexpected ' '"),
        ("{xml:}", "the XPath is empty"),
        ("{xml:count(/a)}", "XPath that uploader-gui does not evaluate"),
        ("{xml:/a/b[contains(.,'x')]}", "XPath that uploader-gui does not evaluate"),
        ("{xml:/a/following-sibling::b}", "XPath that uploader-gui does not evaluate"),
        ("{xml:/ns:a}", "has a prefix"),
        ("{xml:/@id}", "the document itself has no @id"),
        ("{xml:/a/b[0]}", "XPath that uploader-gui does not evaluate"),
        ("{xml:/a/*[3]}", "XPath that uploader-gui does not evaluate"),
        ("{xml:/a/b[@c][1]}", "XPath that uploader-gui does not evaluate"),
        ("{regex:(a}", "not a regular expression Python can run"),
        (r"{regex:\\p\{L\}}", r"\\p\{…\}"),
        ("{regex:[a-z-[aeiou]]}", "character-class subtraction"),
        ("{regex:(?<a-b>x)}", "a balancing group"),
        ("{regex:(a)|2}", "takes group '2', which the pattern does not have"),
        ("{regex:(?<u>a)|v}", "takes group 'v'"),
    ],
)
def test_check_refuses_what_can_never_work(template: str, reason: str) -> None:
    with pytest.raises(TemplateError, match=reason):
        check(template, side="result")


@pytest.mark.parametrize("side", ["request", "result"])
@pytest.mark.parametrize(
    "template",
    ["{prompt}", "{inputbox:Title|default}", "{select:a.com|b.com}", "{outputbox:x}", "{output:x}"],
)
def test_functions_that_ask_a_person_are_refused_on_both_sides(
    template: str, side: Literal["request", "result"]
) -> None:
    with pytest.raises(TemplateError) as caught:
        check(template, side=side)
    assert str(caught.value) == (
        f"{template} asks a person while uploading, which uploader-gui does not do"
    )


def test_check_names_the_regex_list_entry_that_cannot_run() -> None:
    check("{json:a}", side="result", regex_list=["(a)", "b"])
    with pytest.raises(TemplateError, match="RegexList entry 2 cannot be run"):
        check("{json:a}", side="result", regex_list=["(a)", "(b"])


def test_check_passes_what_works() -> None:
    for template in (
        "https://h/{json:files[0].url}",
        "{xml:/a/b[@c='d']/@e}",
        r"{regex:(?<u>\\w+)|u}",
        "{random:a|b}{base64:x}{filename}{input}",
        r"literal \{ \} \| \\",
    ):
        check(template, side="result")


# --- Data bodies ----------------------------------------------------------------------------


def test_data_bodies_replace_only_input_and_filename() -> None:
    data = '{"name": "{FileName}", "text": "{input}", "other": "{random:a|b}"}'
    filled = render_data(data, Inputs('a"b.png', "x\ny"), Encoding.JSON)
    assert json.loads(filled) == {"name": 'a"b.png', "text": "x\ny", "other": "{random:a|b}"}
    xml = "<r><n>{filename}</n></r>"
    assert (
        render_data(xml, Inputs("a<b>&.png"), Encoding.XML) == "<r><n>a&lt;b&gt;&amp;.png</n></r>"
    )

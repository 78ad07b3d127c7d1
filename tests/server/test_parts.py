"""The server's parts on their own: markup, detection, keys and limits, stored glossaries, batching."""

from __future__ import annotations

import asyncio
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings, strategies as st

from diglot.errors import DiglotError
from diglot.glossary import Glossary, load_glossary
from diglot.server.batching import Batcher
from diglot.server.detect import detect
from diglot.server.limits import ApiKeys, RateLimiter
from diglot.server.markup import VOID, text_of, translate_html, translate_markdown
from diglot.server.stored import StoredGlossaries, inline_glossary, parse_entries


async def _upper(texts: list[str]) -> list[str]:
    return [t.upper() for t in texts]


def test_html_translates_text_and_attributes_and_rebuilds_the_markup():
    html = '<p title="a &quot;b&quot;">one <b>two</b></p><!-- c --><pre>keep</pre><br>x &amp; y'
    out = asyncio.run(translate_html(html, _upper))
    assert out == '<p title="A &quot;B&quot;">ONE <b>TWO</b></p><!-- c --><pre>keep</pre><br>X &amp; Y'


def test_html_never_emits_broken_tags():
    out = asyncio.run(translate_html('<div><p>a <i>b</p></b><span onclick="x">c', _upper))
    assert out == '<div><p>A <i>B</i></p><span onclick="x">C</span></div>'


def test_markdown_keeps_markers_and_code():
    text = "# title\n\n> quote\n1. item\n\n```\ncode\n```\nplain"
    assert asyncio.run(translate_markdown(text, _upper)) == "# TITLE\n\n> QUOTE\n1. ITEM\n\n```\ncode\n```\nPLAIN"


def test_detect_reads_text_not_markup():
    assert detect("<p class='headline'>탈북자</p>")[0] == {"confidence": 100.0, "language": "ko"}
    assert [d["language"] for d in detect("탈북자 문제를 CNKR")] == ["ko", "en"]
    assert detect("123")[0]["confidence"] == 0.0
    assert text_of("<p>a<script>b</script></p>") == "a"


def test_api_keys_are_reread_when_the_file_changes(tmp_path):
    path = tmp_path / "keys.txt"
    path.write_text("# comment\none\n  two  # note\n", encoding="utf-8")
    keys = ApiKeys(path)
    assert keys.allows("one") and keys.allows("two") and not keys.allows("three") and not keys.allows(None)
    path.write_text("three\n", encoding="utf-8")
    assert keys.allows("three") and not keys.allows("one")
    path.unlink()
    assert not keys.allows("three")
    assert ApiKeys(None).allows(None)


def test_rate_limiter_counts_a_minute_per_client():
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(3)] == [True, True, False]
    assert limiter.allow("b")
    now[0] = 60.0
    assert limiter.allow("a")
    assert all(RateLimiter(None).allow("a") for _ in range(100))


def test_pushed_glossaries_are_stored_as_yaml_and_read_back(tmp_path):
    store = StoredGlossaries(tmp_path)
    glossary = parse_entries("탈북자\tdefector\n탈북민\tdefector\n", "tsv", "ko", "en")
    stored = store.create("desk", "ko", "en", glossary)
    assert stored.path.suffix == ".yaml" and stored.entry_count == 1
    assert load_glossary([stored.path]).entries[0].langs["ko"].variants == ["탈북민"]
    assert json.loads(stored.path.with_suffix(".json").read_text())["name"] == "desk"
    assert [g.id for g in store.list()] == [stored.id] and store.find("desk") == stored
    assert store.entries_tsv(stored) == "탈북자\tdefector\n탈북민\tdefector\n"
    assert store.get("../../etc/passwd") is None
    assert store.delete(stored.id) and store.list() == [] and not stored.path.exists()


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [("just one column\n", "tsv", "expected a source term and a target term"), ("", "tsv", "no entries"),
     ("a\tb\n", "xlsx", "entries_format must be tsv or csv")],
)
def test_bad_entries_are_refused_with_a_reason(text, fmt, message):
    with pytest.raises(DiglotError, match=message):
        parse_entries(text, fmt, "ko", "en")


def test_inline_glossaries():
    assert inline_glossary({"탈북자": "defector"}, "ko", "en").entries[0].preferred("en") == "defector"
    entry = {"id": "x-y", "type": "term", "ko": {"preferred": "엑스"}, "en": {"preferred": "ex"}}
    assert inline_glossary([entry], "ko", "en").get("x-y") is not None
    for bad in ({"a": 1}, "x", [{"id": "Bad Id"}]):
        with pytest.raises(DiglotError):
            inline_glossary(bad, "ko", "en")


class _Run:
    def __init__(self, documents):
        self.documents = documents
        self.signature = _Signature()


class _Signature:
    def as_dict(self):
        return {"model": "test"}


class _Document:
    def __init__(self, text, hypotheses=1):
        self.source, self.mentions, self.hypotheses = text, [], hypotheses

    def text(self):
        return self.source.upper() + "\n"

    def alternative_texts(self):
        return [f"{self.source.upper()} ({k})\n" for k in range(1, self.hypotheses)]


class _Translator:
    """Stands in for DocumentTranslator: records each call's documents."""

    memory = None

    def __init__(self, calls):
        self.calls = calls

    def translate(self, documents, hypotheses=1):
        self.calls.append([text for _name, text in documents])
        self.hypotheses = getattr(self, "hypotheses", []) + [hypotheses]
        return _Run([_Document(text, hypotheses) for _name, text in documents])


def test_concurrent_requests_share_one_decoding_call():
    calls: list[list[str]] = []
    made: list[tuple] = []

    def make(source, target, glossary):
        made.append((source, target))
        return _Translator(calls)

    async def main():
        batcher = Batcher(make, wait=0.05)
        try:
            return await asyncio.gather(*(batcher.translate([f"t{i}"], "ko", "en", Glossary()) for i in range(20)))
        finally:
            batcher.close()

    results = asyncio.run(main())
    assert [r[0].text for r in results] == [f"T{i}" for i in range(20)]
    assert calls == [[f"t{i}" for i in range(20)]] and made == [("ko", "en")]


def test_a_failing_batch_fails_its_requests_only():
    def make(source, target, glossary):
        if target == "xx":
            raise DiglotError("no model translates ko to xx")
        return _Translator([])

    async def main():
        batcher = Batcher(make, wait=0.01)
        try:
            bad = batcher.translate(["a"], "ko", "xx", Glossary())
            good = batcher.translate(["b"], "ko", "en", Glossary())
            return await asyncio.gather(bad, good, return_exceptions=True)
        finally:
            batcher.close()

    bad, good = asyncio.run(main())
    assert isinstance(bad, DiglotError) and good[0].text == "B"


def test_concurrent_http_requests_decode_together_on_the_real_model(installed_model, tmp_path):
    import httpx

    from diglot.server.app import create_app
    from diglot.server.settings import Settings

    app = create_app(Settings(glossary_paths=(), data_dir=tmp_path / "data", batch_wait=0.05))
    sentences = [f"탈북자 {n}명이 강제 북송됐다." for n in range(20)]

    async def main():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://server") as client:
            responses = await asyncio.gather(*(
                client.post("/translate", json={"q": s, "source": "ko", "target": "en"}) for s in sentences))
        return [r.json()["translatedText"] for r in responses]

    try:
        results = asyncio.run(main())
    finally:
        app.state.diglot.close()
    assert results == [f"North Korean defector {n}명이 forced repatriation됐다." for n in range(20)]
    assert app.state.diglot.batcher.calls < len(sentences)  # requests shared decoding calls


def test_requests_for_alternatives_decode_apart_with_their_hypotheses():
    calls: list[list[str]] = []
    translator = _Translator(calls)

    async def main():
        batcher = Batcher(lambda source, target, glossary: translator, wait=0.05)
        try:
            return await asyncio.gather(
                batcher.translate(["a"], "ko", "en", Glossary()),
                batcher.translate(["b"], "ko", "en", Glossary(), hypotheses=3),
                batcher.translate(["c"], "ko", "en", Glossary()),
            )
        finally:
            batcher.close()

    plain, wide, other = asyncio.run(main())
    assert sorted(calls) == [["a", "c"], ["b"]] and sorted(translator.hypotheses) == [1, 3]
    assert wide[0].alternatives == ["B (1)", "B (2)"] and plain[0].alternatives == other[0].alternatives == []


def _markers_lost(texts):
    import re

    async def run():
        return [re.sub(r"\[/?x\d+/?\]", "", t) for t in texts]

    return run()


class _Balance(HTMLParser):
    """Fails on an end tag that closes nothing open; ``open`` holds what is left open."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass  # <br />, <img ... />: nothing to close

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()


def _well_formed(markup: str) -> str:
    checker = _Balance()
    checker.feed(markup)
    checker.close()
    assert checker.open == [], markup
    return markup


def test_html_runs_are_translated_as_one_text_across_inline_tags():
    seen: list[list[str]] = []

    async def record(texts):
        seen.append(list(texts))
        return list(texts)

    html = '<p>He met <b>탈북자</b> in <a href="/s">Seoul</a>.</p><ul><li>One <i>two</i></li></ul>'
    assert asyncio.run(translate_html(html, record)) == html
    assert seen == [["He met [x1]탈북자[/x1] in [x2]Seoul[/x2].", "One [x1]two[/x1]"]]


def test_html_text_that_looks_like_a_marker_is_kept_as_text():
    seen: list[str] = []

    async def record(texts):
        seen.extend(texts)
        return list(texts)

    html = "<p>Write [x1] for a tag, as in <b>this</b> and [/x1].</p>"
    assert asyncio.run(translate_html(html, record)) == html
    assert seen == ["Write [x1] for a tag, as in [x2]this[/x2] and [/x1]."]  # the element takes the next number


def test_html_tags_follow_their_markers_wherever_the_engine_moves_them():
    async def reorder(texts):
        return ["In [x2] 서울[/x2], 그는 [x1]탈북자를 [/x1]만났다."]

    out = asyncio.run(translate_html('<p>He met <b>defectors</b> in <a href="/s">Seoul</a>.</p>', reorder))
    assert out == '<p>In <a href="/s">서울</a>, 그는 <b>탈북자를</b> 만났다.</p>'


@pytest.mark.parametrize(
    ("engine_output", "expected"),
    [
        # Both markers lost: the tags go around the element's words where they are unchanged.
        ("He met Kim and Lee in Seoul.", '<p>He met <b>Kim</b> and <i>Lee</i> in <a href="/s">Seoul</a>.</p>'),
        # Lost and the words translated: the words stay, the tags are left out.
        ("그는 김씨와 이씨를 서울에서 만났다.", "<p>그는 김씨와 이씨를 서울에서 만났다.</p>"),
        # Markers crossing: the later element is placed by its words instead, inside the first.
        ("He met [x1]Kim and [x2]Lee[/x1] in[/x2] Seoul.",
         '<p>He met <b>Kim and <i>Lee</i></b> in <a href="/s">Seoul</a>.</p>'),
        # A marker doubled, a close before its open: neither is trusted.
        ("[/x1]He met [x1]Kim[x1] and [x2]Lee[/x2] in Seoul.",
         '<p>He met <b>Kim</b> and <i>Lee</i> in <a href="/s">Seoul</a>.</p>'),
    ],
)
def test_html_falls_back_when_the_engine_loses_a_marker(engine_output, expected):
    async def engine(texts):
        return [engine_output]

    html = '<p>He met <b>Kim</b> and <i>Lee</i> in <a href="/s">Seoul</a>.</p>'
    assert _well_formed(asyncio.run(translate_html(html, engine))) == expected


def test_html_keeps_images_code_and_empty_elements_whole():
    html = '<p>Run <code>ls &lt;dir&gt;</code> now <img src="a.png" alt="a cat"><span class="icon"></span>.</p>'
    assert asyncio.run(translate_html(html, _upper)) == (
        '<p>RUN <code>ls &lt;dir&gt;</code> NOW <img src="a.png" alt="A CAT"><span class="icon"></span>.</p>')
    lost = _well_formed(asyncio.run(translate_html(html, _markers_lost)))
    assert '<code>ls &lt;dir&gt;</code>' in lost and '<img src="a.png" alt="a cat">' in lost
    assert lost.startswith("<p>Run now") and '<span class="icon"></span>' in lost


def test_html_attributes_translated_and_elements_around_a_whole_run_kept_out():
    seen: list[list[str]] = []

    async def record(texts):
        seen.append(list(texts))
        return [t.upper() for t in texts]

    html = ('<p><a href="/x" title="the story">탈북자</a></p><input placeholder="search" aria-label="find it">'
            '<b>bold<p>para</p>tail</b>')
    out = asyncio.run(translate_html(html, record))
    assert out == ('<p><a href="/x" title="THE STORY">탈북자</a></p><input placeholder="SEARCH" aria-label="FIND IT">'
                   '<b>BOLD<p>PARA</p>TAIL</b>')
    assert sorted(seen[0]) == sorted(["the story", "탈북자", "search", "find it", "bold", "para", "tail"])


def test_html_keeps_the_white_space_around_runs():
    html = '<p>a</p> <b>x</b> y <div>\n  <b>x</b> and <i>y</i>\n</div>'
    assert asyncio.run(translate_html(html, _upper)) == '<p>A</p> <b>X</b> Y <div>\n  <b>X</b> AND <i>Y</i>\n</div>'


def test_html_fallbacks_nest_when_markers_cross_or_two_elements_hold_the_same_words():
    async def crossed(texts):  # the later element opens first and crosses the earlier one
        return ["[x2]He met [x1]Kim[/x2] and Lee[/x1]."]

    out = asyncio.run(translate_html("<p>He met <b>Kim</b> and <i>Lee</i>.</p>", crossed))
    assert _well_formed(out) == "<p>He met <b>Kim and <i>Lee</i></b>.</p>"
    # Both lost, both around "Kim": the outer one stays outer.
    out = asyncio.run(translate_html("<p>a <i><em>Kim</em></i> b</p>", _markers_lost))
    assert _well_formed(out) == "<p>a <i><em>Kim</em></i> b</p>"
    # Text that only looks like a marker is kept.
    assert asyncio.run(translate_html("<p>see [x7] and <b>this</b></p>", _upper)) == "<p>SEE [X7] AND <b>THIS</b></p>"


_PIECES = ["탈북자 ", "Kim ", "and ", "  ", "서울에서 ", "x & y", ".", "[x1]", "<b>a</b> <i>b <em>c</em></i>",
           "<!-- c -->", "<br/>", "<img src=x>"] + [f"<{t}{a}>" for t in ("b", "i", "a", "span", "p", "div", "code", "li", "pre", "sup")
                                                   for a in ("", " title=t", " alt=a")] + [
    f"</{t}>" for t in ("b", "i", "a", "span", "p", "div", "code", "li", "ul", "pre", "sup", "img")]


@settings(derandomize=True, max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=25), how=st.integers(0, 5), seed=st.integers(0, 1000))
def test_html_is_well_formed_whatever_the_engine_does_with_the_markers(pieces, how, seed):
    import random
    import re

    def mangle(text: str) -> str:
        parts = re.split(r"(\[/?x\d+/?\])", text)
        random.Random(seed).shuffle(parts)
        return [text, re.sub(r"\[/?x\d+/?\]", "", text), text[::-1], "".join(parts),
                " ".join(reversed(text.split(" "))), text + " [x1] [/x2] [x3/]"][how]

    async def engine(texts):
        return [mangle(t) for t in texts]

    _well_formed(asyncio.run(translate_html("".join(pieces), engine)))

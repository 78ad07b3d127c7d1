"""Glossary enforcement pinned down with a deterministic engine double.

The double turns each engine input into output with a Python function, so a test can keep,
lose or mangle exactly the terms it wants and check what enforcement makes of it.
"""

from __future__ import annotations

from typing import Callable

import pytest

from diglot.glossary import load_glossary
from diglot.translate import Decoded, DocumentTranslator, Engine, Protection
from diglot.translate.enforce import attention_span
from diglot.translate.protect import INLINE, choose, self_test

PLACEHOLDER = Protection("ZXQ{n}")


class ScriptedEngine(Engine):
    """An engine double: ``script`` maps each input sentence to its output."""

    name = "scripted"

    def __init__(self, script: Callable[[str], str], attention: Callable[[str], Decoded] | None = None):
        super().__init__([])
        self.script = script
        self.attention_script = attention
        self.supports_attention = attention is not None
        self.inputs: list[str] = []

    def translate(self, sentences, attention=False, suppress=None, progress=None):
        self.inputs.extend(sentences)
        if attention and self.attention_script:
            return [self.attention_script(s) for s in sentences]
        return [Decoded(self.script(s)) for s in sentences]


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def run(glossary, engine, text, protection=PLACEHOLDER, src="ko", tgt="en"):
    translator = DocumentTranslator(src, tgt, glossary, engine, use_cache=False, protection=protection)
    result = translator.translate([("doc", text)])
    return result.documents[0].translations[0], result.mentions


def test_inline_kept(glossary):
    engine = ScriptedEngine(lambda s: s)
    text, [mention] = run(glossary, engine, "탈북자들은 떠났다.", protection=Protection(INLINE))
    assert engine.inputs == ["North Korean defector들은 떠났다."]
    assert text == "North Korean defector들은 떠났다."
    assert (mention.status, mention.rendering, mention.source) == ("kept", "North Korean defector", "탈북자")


def test_placeholder_restored(glossary):
    engine = ScriptedEngine(lambda s: s.replace("들은 떠났다.", " left."))
    text, [mention] = run(glossary, engine, "탈북자들은 떠났다.")
    assert engine.inputs == ["ZXQ1들은 떠났다."]
    assert text == "North Korean defector left."
    assert mention.status == "restored"


def test_placeholder_with_spaces_inside_restored(glossary):
    engine = ScriptedEngine(lambda s: "The ZXQ 1 left.")
    text, [mention] = run(glossary, engine, "탈북자들은 떠났다.")
    assert text == "The North Korean defector left."
    assert mention.status == "restored"


@pytest.mark.parametrize("wrong", ["North Korean escapee", "N.K. defector"])  # forbidden, variant
def test_variant_and_forbidden_repaired(glossary, wrong):
    engine = ScriptedEngine(lambda s: f"A {wrong} left.")
    text, [mention] = run(glossary, engine, "탈북자가 떠났다.", protection=Protection(INLINE))
    assert text == "A North Korean defector left."
    assert (mention.status, mention.found) == ("repaired", wrong)


def test_lost_term_without_attention_fails(glossary):
    engine = ScriptedEngine(lambda s: "Someone left.")
    text, [mention] = run(glossary, engine, "탈북자가 떠났다.")
    assert text == "Someone left."
    assert (mention.status, mention.rendering) == ("failed", "North Korean defector")


def test_lost_term_found_through_attention_is_repaired(glossary):
    # Source pieces: ▁ZXQ 1 가 ▁떠났다 . ; target pieces: ▁A ▁runaway ▁left . The attention of
    # "▁runaway" points at the placeholder's pieces, so that is the span to replace.
    def decoded(source: str) -> Decoded:
        return Decoded(
            "A runaway left.",
            source_tokens=["\u2581ZXQ", "1", "가", "\u2581떠났다", "."],
            target_tokens=["\u2581A", "\u2581runaway", "\u2581left", "."],
            attention=[
                [0.1, 0.1, 0.1, 0.6, 0.1],
                [0.7, 0.2, 0.0, 0.1, 0.0],
                [0.0, 0.0, 0.1, 0.8, 0.1],
                [0.0, 0.0, 0.0, 0.1, 0.9],
            ],
        )

    engine = ScriptedEngine(lambda s: "A runaway left.", attention=decoded)
    text, [mention] = run(glossary, engine, "탈북자가 떠났다.")
    assert text == "A North Korean defector left."
    assert (mention.status, mention.found) == ("repaired", "runaway")


def test_attention_span_needs_consistent_tokens():
    bad = Decoded("other text", ["\u2581a"], ["\u2581b"], [[1.0]])
    assert attention_span(bad, "a", (0, 1)) is None


def test_korean_particle_fixed_after_restored_term(glossary):
    # 강제북송 ends in a consonant: the 는 written after the placeholder must become 은.
    engine = ScriptedEngine(lambda s: "ZXQ1는 우려된다.")
    text, mentions = run(glossary, engine, "Forced repatriation is feared.", src="en", tgt="ko")
    assert engine.inputs == ["ZXQ1 is feared."]
    assert text == "강제북송은 우려된다."
    assert mentions[0].status == "restored"


def test_korean_particle_fixed_after_repair(glossary):
    engine = ScriptedEngine(lambda s: "정부는 탈북민을 보호한다.")
    text, [mention] = run(glossary, engine, "The government protects North Korean defectors.", protection=Protection(INLINE),
                          src="en", tgt="ko")
    assert text == "정부는 탈북자를 보호한다."
    assert (mention.status, mention.found) == ("repaired", "탈북민")


def test_first_mention_then_short_form(glossary):
    engine = ScriptedEngine(lambda s: s)
    translator = DocumentTranslator("ko", "en", glossary, engine, use_cache=False, protection=Protection(INLINE))
    result = translator.translate([("a", "북한난민구호위원회가 말했다. 북한난민구호위원회가 또 말했다."),
                                   ("b", "북한난민구호위원회가 말했다.")])
    a, b = result.documents
    assert a.translations == ["Commission to Help North Korean Refugees (CNKR)가 말했다.", "CNKR가 또 말했다."]
    assert b.translations == ["Commission to Help North Korean Refugees (CNKR)가 말했다."]  # per document


def test_cached_output_is_decoded_again_with_attention_when_a_term_is_lost(glossary, diglot_home):
    calls = []

    def decoded(source: str) -> Decoded:
        calls.append(source)
        return Decoded("Someone left.", ["\u2581ZXQ", "1", "가", "\u2581떠났다", "."], ["\u2581Someone", "\u2581left", "."],
                       [[0.9, 0.1, 0, 0, 0], [0, 0, 0.1, 0.9, 0], [0, 0, 0, 0, 1.0]])

    engine = ScriptedEngine(lambda s: "Someone left.", attention=decoded)
    translator = DocumentTranslator("ko", "en", glossary, engine, protection=PLACEHOLDER)
    first = translator.translate([("a", "탈북자가 떠났다.")])
    second = translator.translate([("a", "탈북자가 떠났다.")])
    assert second.cached == 1
    assert first.documents[0].translations == second.documents[0].translations == ["North Korean defector left."]
    assert len(calls) == 2  # the first decode, and the re-decode of the cached sentence


def test_self_test_prefers_inline_and_falls_back_to_placeholders():
    copy = ScriptedEngine(lambda s: s)
    assert choose(self_test(copy, "ko", "en")).method == INLINE
    # A model that translates Latin words into something else but copies odd tokens.
    rewrites = ScriptedEngine(lambda s: s.replace("Commission", "Komission").replace("forced", "forcible")
                              .replace("Kim", "Gim"))
    chosen = choose(self_test(rewrites, "ko", "en"))
    assert chosen.method == "ZXQ{n}" and chosen.passed[INLINE] == 0.0
    # A model that mangles capitals and digits: bracketed numbers it keeps.
    mangles = ScriptedEngine(lambda s: "".join(c.lower() if c.isupper() else c for c in s).replace("Kim", "Gim"))
    assert choose(self_test(mangles, "ko", "en")).method == "[{n}]"

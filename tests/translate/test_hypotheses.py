"""More than one hypothesis a sentence: the engine's next-best renderings, each glossary-enforced.

On the tiny real model (which copies its input) the next-best hypotheses differ from the best
by one token, sometimes one inside a glossary rendering, which enforcement then repairs. A
double pins down what enforcement makes of each hypothesis where the copy model cannot (a
variant form in one hypothesis, a lost term in another).
"""

from __future__ import annotations

import pytest

from diglot.glossary import load_glossary
from diglot.translate import Decoded, DocumentTranslator, Engine, EngineOptions, Protection, route
from diglot.translate.engines.ctranslate2 import CTranslate2Engine
from diglot.translate.protect import INLINE

SENTENCES = "탈북자들은 강제 북송을 우려한다. 그는 서울에서 탈북자를 만났다."


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_ctranslate2_gives_the_hypotheses_asked_for_even_past_its_beam(installed_model):
    engine = CTranslate2Engine(route("ko", "en"), EngineOptions(beam_size=1))
    [one] = engine.translate(["탈북자 문제"])
    [many] = engine.translate(["탈북자 문제"], attention=True, hypotheses=3)
    assert one.alternatives == [] and many.text == one.text == "탈북자 문제"
    assert len(many.alternatives) == 2  # the beam was widened to hold them
    assert len({many.text, *(a.text for a in many.alternatives)}) == 3
    assert all(a.attention and a.target_tokens for a in many.alternatives)


def test_each_hypothesis_is_enforced_on_the_real_model(installed_model, glossary):
    translator = DocumentTranslator("ko", "en", glossary, use_cache=False)
    run = translator.translate([("story", SENTENCES)], hypotheses=4)
    [doc] = run.documents
    assert doc.text() == "North Korean defector들은 forced repatriation을 우려한다. 그는 Seoul에서 North Korean defector를 만났다.\n"
    alternatives = doc.alternative_texts()
    assert len(alternatives) == 3 and all(len(a) == 3 for a in doc.alternatives)
    assert all(text != doc.text() for text in alternatives)
    for text in alternatives:  # a hypothesis that mangled a rendering had it repaired
        assert text.count("North Korean defector") == 2 and "forced repatriation" in text
    # The best hypothesis is the translation of one hypothesis: nothing changes for it.
    assert translator.translate([("story", SENTENCES)]).documents[0].text() == doc.text()


class Hypotheses(Engine):
    """An engine double whose next-best hypotheses are scripted: a variant form, a lost term."""

    name = "hypotheses"

    def __init__(self):
        super().__init__([])
        self.asked: list[int] = []

    def translate(self, sentences, attention=False, suppress=None, progress=None, hypotheses=1):
        self.asked.append(hypotheses)
        out = []
        for sentence in sentences:
            best = Decoded(sentence.replace("들은 떠났다.", " left."))
            best.alternatives = [Decoded("N.K. defectors departed."), Decoded("They fled.")][: hypotheses - 1]
            out.append(best)
        return out


def test_each_hypothesis_goes_through_the_plan_of_the_best(glossary):
    engine = Hypotheses()
    translator = DocumentTranslator("ko", "en", glossary, engine, use_cache=False, protection=Protection(INLINE))
    run = translator.translate([("doc", "탈북자들은 떠났다.\n\n탈북자들은 떠났다.")], hypotheses=3)
    [doc] = run.documents
    assert engine.asked == [3]
    assert doc.text() == "North Korean defector left.\n\nNorth Korean defector left.\n"
    # The variant is repaired to the preferred form; a hypothesis without the term keeps its words.
    assert doc.alternatives[0] == ["North Korean defectors departed.", "They fled."]
    assert doc.alternative_texts() == ["North Korean defectors departed.\n\nNorth Korean defectors departed.\n",
                                       "They fled.\n\nThey fled.\n"]
    # The report is the best translation's alone.
    assert [m.status for m in run.mentions] == ["kept", "kept"]


def test_one_hypothesis_asks_the_engine_nothing_new(glossary):
    engine = Hypotheses()
    translator = DocumentTranslator("ko", "en", glossary, engine, use_cache=False, protection=Protection(INLINE))
    [doc] = translator.translate([("doc", "탈북자들은 떠났다.")]).documents
    assert engine.asked == [1] and doc.alternative_texts() == []

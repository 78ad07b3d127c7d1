"""A sentence longer than a model takes is decoded in pieces, not cut short or refused.

The tiny real model has 256 position encodings and copies its input, so a lost end or a
failure past the encodings shows in the text.
"""

from __future__ import annotations

from diglot.translate import EngineOptions, route
from diglot.translate.engines.base import Decoded
from diglot.translate.engines.ctranslate2 import MAX_JOINED_ATTENTION, MAX_SOURCE_TOKENS, CTranslate2Engine, _joined, _pieces


def test_pieces_cut_after_punctuation_then_before_a_word():
    words = ["\u2581w"] * 150 + ["\u2581end."] + ["\u2581w"] * 150
    runs = _pieces(words)
    assert [len(r) for r in runs] == [151, 150] and runs[0][-1] == "\u2581end."
    glued = ["\u2581a"] + ["b"] * 150 + ["\u2581c"] + ["d"] * 150  # no punctuation: before a word start
    assert [len(r) for r in _pieces(glued)] == [151, 151]
    assert [len(r) for r in _pieces(["x"] * 450)] == [200, 200, 50]  # nothing to cut at
    assert _pieces(["\u2581a"] * MAX_SOURCE_TOKENS) == [["\u2581a"] * MAX_SOURCE_TOKENS]
    assert sum(_pieces(words), []) == words


def test_joined_pieces_keep_tokens_attention_and_alternatives():
    first = Decoded("A", ["a"], ["A"], [[1.0]], alternatives=[Decoded("A2", ["a"], ["A2"], [[1.0]])])
    second = Decoded("B", ["b", "c"], ["B"], [[0.5, 0.5]])
    whole = _joined([first, second])
    assert whole.text == "A B" and whole.source_tokens == ["a", "b", "c"] and whole.target_tokens == ["A", "B"]
    assert whole.attention == [[1.0, 0.0, 0.0], [0.0, 0.5, 0.5]]
    assert [a.text for a in whole.alternatives] == ["A2 B"]  # a piece without one keeps its best


def test_pieces_too_wide_to_join_their_attention_have_none():
    width = MAX_JOINED_ATTENTION // 2 + 1  # two pieces: the dense matrix would pass the bound
    piece = Decoded("A", ["a"] * width, ["A"], [[1.0 / width] * width])
    whole = _joined([piece, piece])
    assert whole.text == "A A" and len(whole.source_tokens) == 2 * width and whole.attention is None


def test_a_sentence_past_the_models_positions_is_translated_whole(installed_model):
    engine = CTranslate2Engine(route("ko", "en"), EngineOptions())
    sentence = " ".join(f"서울 {i}" for i in range(400))  # about 1,200 pieces, no full stop
    [decoded] = engine.translate([sentence, "탈북자"], attention=True)[:1]
    assert decoded.text.split() == sentence.split()
    assert len(decoded.attention) == len(decoded.target_tokens)
    assert all(len(row) == len(decoded.source_tokens) for row in decoded.attention)

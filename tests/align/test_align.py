"""The aligner through its public API: real segmentation, real glossary, real dev data."""

from __future__ import annotations

import random

import pytest

from diglot.align import align, align_many, align_texts
from diglot.align.gale_church import gale_church
from diglot.doc import Segment
from diglot.errors import DiglotError
from diglot.glossary import Matcher, load_glossary
from diglot.segment import is_boilerplate

from .conftest import assert_covers


def segments(lines, lang):
    return [Segment(t, i, is_boilerplate(t, lang)) for i, t in enumerate(lines)]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_glossary(), ["ko", "en"])


def test_seed_article_korean_first(seed_texts, matcher):
    doc = align_texts(*seed_texts, "ko", "en", matcher=matcher)
    assert_covers(doc.beads, len(doc.src), len(doc.tgt))
    pairs = {doc.bead_text(b) for b in doc.beads if b.src and b.tgt}
    assert any(ko.startswith("외교통상부에서 대중국") and en.startswith("Huh Seung-jae") for ko, en in pairs)
    assert any(ko.startswith("김 장관은") and en.startswith("“Forced repatriation") for ko, en in pairs)
    assert any(ko.startswith("1950~53년") and en.startswith("More than 20,000") for ko, en in pairs)
    # Every boilerplate segment sits alone in a null bead.
    for bead in doc.beads:
        members = [doc.src[i] for i in bead.src] + [doc.tgt[j] for j in bead.tgt]
        if any(s.boilerplate for s in members):
            assert len(members) == 1
    assert sum(1 for b in doc.beads if b.src and b.tgt) == 14


def test_english_first_gives_the_mirror_image(seed_texts, matcher):
    ko_en = align_texts(*seed_texts, "ko", "en", matcher=matcher)
    en_ko = align_texts(seed_texts[1], seed_texts[0], "en", "ko", matcher=matcher)
    assert en_ko.src_lang == "en"
    assert_covers(en_ko.beads, len(en_ko.src), len(en_ko.tgt))
    assert {(b.tgt, b.src) for b in en_ko.beads if b.src and b.tgt} == {
        (b.src, b.tgt) for b in ko_en.beads if b.src and b.tgt
    }


def test_dev_documents_beat_gale_church(dev_docs, matcher):
    docs = dev_docs[:12]
    results = align_many([(segments(d["ko"], "ko"), segments(d["en"], "en")) for d in docs], matcher=matcher)
    right = total = gc_right = 0
    for doc, beads in zip(docs, results):
        assert_covers(beads, len(doc["ko"]), len(doc["en"]))
        gold = {(tuple(k), tuple(e)) for k, e in doc["gold"] if k and e}
        predicted = {(b.src, b.tgt) for b in beads if b.src and b.tgt}
        baseline = {(k, e) for k, e in gale_church(doc["ko"], doc["en"]) if k and e}
        right, total, gc_right = right + len(gold & predicted), total + len(gold), gc_right + len(gold & baseline)
    assert right / total > 0.85
    assert right > gc_right + 0.1 * total


def test_merges_and_omissions(matcher):
    ko = ["정부는 2만 명을 지원한다고 밝혔다.", "김정일은 평양에 있다.", "IBM은 35개 공장을 세웠다.", "한편 2010년 3월 15일에는 108명이 참가한 다른 행사가 열렸다.",
          "경찰은 1992년에 조사를 시작했다. 그리고 5년 뒤 끝냈다."]  # fmt: skip
    en = ["The government said it would support 20,000 people.", "Kim Jong-il is in Pyongyang.",
          "IBM built 35 factories.", "Police began the investigation in 1992.", "They finished five years later."]  # fmt: skip
    beads = align(segments(ko, "ko"), segments(en, "en"), matcher=matcher)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((4,), (3, 4))]


def test_empty_and_one_sided(matcher):
    assert align([], [], matcher=matcher) == []
    en = segments(["One sentence.", "(Yonhap News)"], "en")
    beads = align([], en, matcher=matcher)
    assert [(b.src, b.tgt) for b in beads] == [((), (0,)), ((), (1,))]
    beads = align(en, [], "en", "ko", matcher=matcher)
    assert [(b.src, b.tgt) for b in beads] == [((0,), ()), ((1,), ())]


def test_only_boilerplate_on_one_side():
    ko = segments(["(연합뉴스)", "관련기사"], "ko")
    en = segments(["The government said so.", "(Yonhap News)"], "en")
    beads = align(ko, en)
    assert_covers(beads, 2, 2)
    assert all(not (b.src and b.tgt) for b in beads)


def test_very_unequal_sides():
    rng = random.Random(7)
    ko = segments([f"문장 {i}번은 {rng.randint(1, 99)}개의 단어를 담고 있다." for i in range(10_000)], "ko")
    en = segments([f"Sentence {i} holds words." for i in range(10)], "en")
    beads = align(ko, en)
    assert_covers(beads, 10_000, 10)


def test_a_few_lines_find_their_counterparts_among_many():
    # Ten Korean lines against 10,000 English ones: the length ratio is read per line, not from
    # the totals, and the whole English side is searched, not a band around the diagonal.
    ko = segments([f"{i}번째 줄이다." for i in range(10)], "ko")
    en = segments([f"Line number {i} of the text." for i in range(10_000)], "en")
    beads = align(ko, en)
    assert_covers(beads, 10, 10_000)
    assert [(b.src, b.tgt) for b in beads if b.src and b.tgt] == [((i,), (i,)) for i in range(10)]


def test_only_korean_and_english():
    with pytest.raises(DiglotError, match="Korean with English"):
        align([], [], "ko", "ja")
    with pytest.raises(DiglotError, match="Korean with English"):
        align_texts("a", "b", "en", "en")


def test_random_documents_are_always_covered():
    rng = random.Random(1)
    words_ko, words_en = ["정부는", "밝혔다", "35명", "IBM", "경찰"], ["the", "government", "said", "35", "IBM"]
    for _ in range(20):
        ko = [" ".join(rng.choices(words_ko, k=rng.randint(1, 12))) for _ in range(rng.randint(0, 15))]
        en = [" ".join(rng.choices(words_en, k=rng.randint(1, 30))) for _ in range(rng.randint(0, 15))]
        beads = align(segments(ko, "ko"), segments(en, "en"))
        assert_covers(beads, len(ko), len(en))


def test_boilerplate_inside_a_merged_translation_keeps_beads_in_order(dev_docs):
    # A credit line between the two English sentences of a 1-2 bead: the bead takes it along
    # rather than be split around it, so beads stay runs of neighbouring lines, in order.
    pairs, expected = [], []
    for doc in dev_docs:
        merged = [(k, e) for k, e in doc["gold"] if len(k) == 1 and len(e) == 2]
        if not merged:
            continue
        (i,), (first, second) = merged[0]
        en = doc["en"][:second] + ["(Yonhap News)"] + doc["en"][second:]
        pairs.append((segments(doc["ko"], "ko"), segments(en, "en")))
        expected.append(((i,), (first, second, second + 1)))
    found = 0
    for (ko, en), beads, bead in zip(pairs, align_many(pairs), expected):
        assert_covers(beads, len(ko), len(en))
        assert all(list(ids) == list(range(ids[0], ids[-1] + 1)) for b in beads for ids in (b.src, b.tgt) if ids)
        found += bead in [(b.src, b.tgt) for b in beads]
    assert found >= len(pairs) // 2  # mostly the gold bead, credit line inside


class FakeTranslator:
    """Stands in for a machine translation model: a fixed Korean → English table."""

    def __init__(self, table):
        self.table, self.calls = table, []

    def __call__(self, sentences):
        self.calls.append(list(sentences))
        return [self.table.get(s, "") for s in sentences]


def test_translate_hook_is_used_and_helps():
    # No numbers, names or Latin words, and lengths that mislead: only the translation can tell.
    ko = ["그들은 조용히 떠났다.", "오랫동안 아무도 그 집에 살지 않았고 마을 사람들은 그 집을 두려워했다.", "아이들이 웃었다."]
    en = ["Nobody had lived in that house for years, and the villagers feared it.", "The children laughed.",
          "They left quietly without a word to anyone at all in the village that night."]  # fmt: skip
    table = {ko[0]: "They left quietly.", ko[1]: "Nobody lived in the house for a long time and villagers feared the house.",
             ko[2]: "The children laughed."}  # fmt: skip
    translate = FakeTranslator(table)
    beads = align(segments(ko, "ko"), segments(en, "en"), translate=translate)
    assert translate.calls == [ko]
    pairs = {(b.src, b.tgt) for b in beads}
    assert ((1,), (0,)) in pairs and ((2,), (1,)) in pairs
    # The hook translates Korean whichever side it is on.
    translate = FakeTranslator(table)
    beads = align(segments(en, "en"), segments(ko, "ko"), "en", "ko", translate=translate)
    assert translate.calls == [ko]
    assert ((0,), (1,)) in {(b.src, b.tgt) for b in beads}


def test_translate_hook_must_answer_every_sentence():
    with pytest.raises(DiglotError, match="translat"):
        align(segments(["하나.", "둘."], "ko"), segments(["One."], "en"), translate=lambda s: ["One."])


def test_a_long_document_is_aligned_window_by_window(dev_docs):
    """All dev documents as one: 871 × 888 lines, past the size aligned in one block."""
    from diglot.align import search

    ko, en, gold = [], [], set()
    for doc in dev_docs:
        gold |= {(tuple(i + len(ko) for i in k), tuple(j + len(en) for j in e)) for k, e in doc["gold"] if k and e}
        ko, en = ko + doc["ko"], en + doc["en"]
    assert (len(ko) + 1) * (len(en) + 1) > search.LARGE
    beads = align(segments(ko, "ko"), segments(en, "en"))
    assert_covers(beads, len(ko), len(en))
    predicted = {(b.src, b.tgt) for b in beads if b.src and b.tgt}
    assert len(predicted & gold) / len(gold) > 0.88


def test_progress_is_reported(dev_docs):
    seen = []
    docs = dev_docs[:3]
    align_many([(segments(d["ko"], "ko"), segments(d["en"], "en")) for d in docs],
               progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen == [(n, 9) for n in range(1, 10)]  # 3 documents read, then aligned in two passes


def test_a_large_batch_is_aligned_chunk_by_chunk(dev_docs, monkeypatch):
    from diglot.align import passes

    monkeypatch.setattr(passes, "CHUNK", 4)  # 10 documents: chunks of 4, 4 and 2
    docs = dev_docs[:10]
    pairs = [(segments(d["ko"], "ko"), segments(d["en"], "en")) for d in docs]
    seen = []
    results = align_many(pairs, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(n, 30) for n in range(1, 31)]
    found = []
    for (ko, en), beads, doc in zip(pairs, results, docs):
        assert_covers(beads, len(ko), len(en))
        gold = {(tuple(k), tuple(e)) for k, e in doc["gold"] if k and e}
        found += [(b.src, b.tgt) in gold for b in beads if b.src and b.tgt]
    assert sum(found) >= 0.85 * len(found)  # each chunk learns enough from itself

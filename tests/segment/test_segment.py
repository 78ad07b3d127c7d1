"""Sentence segmentation: Korean with Kiwi (for real), English with pysbd, paragraphs, noise."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from diglot import segment as seg
from diglot.doc import Segment
from diglot.errors import DiglotError
from diglot.segment import paragraphs, segment, segment_lines, split_sentences
from diglot.textio import normalize

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. said so. He left.", ["The U.S. said so.", "He left."]),
        ("Seoul urges China to stop deporting N.K. defectors. China said no.",
         ["Seoul urges China to stop deporting N.K. defectors.", "China said no."]),
        ("It was published on Oct. 5, 2011 in Seoul.", ["It was published on Oct. 5, 2011 in Seoul."]),
        ("Mr. Kim met Gen. Lee at the U.N. on Friday.", ["Mr. Kim met Gen. Lee at the U.N. on Friday."]),
        ("“Forced repatriation is unacceptable,” he said. “(We) are in contact.”",
         ["“Forced repatriation is unacceptable,” he said.", "“(We) are in contact.”"]),
        ('He said "No. It is not." She left.', ['He said "No. It is not."', "She left."]),
        ("The talks begin at 3 p.m. Monday. Officials said so.",
         ["The talks begin at 3 p.m. Monday.", "Officials said so."]),
        ("He left at 10 a.m. (KST) Oct. 5. They stayed.", ["He left at 10 a.m. (KST) Oct. 5.", "They stayed."]),
        ("The talks ended at 3 p.m. He left.", ["The talks ended at 3 p.m.", "He left."]),
        ("Kim went to the U.N. He spoke.", ["Kim went to the U.N.", "He spoke."]),
        ("Kim of the U.S. Forces Korea said so.", ["Kim of the U.S. Forces Korea said so."]),
    ],
)  # fmt: skip
def test_english_news_abbreviations_and_quotes(text, expected):
    assert split_sentences(text, "en") == expected


def test_korean_is_split_by_kiwi():
    text = '김정일 북한 지도자와 고이즈미 일본 총리는 합의했다. 그는 "좋다. 나쁘다"고 말했다. U.S. 대사도 왔다.'
    assert split_sentences(text, "ko") == [
        "김정일 북한 지도자와 고이즈미 일본 총리는 합의했다.",
        '그는 "좋다. 나쁘다"고 말했다.',
        "U.S. 대사도 왔다.",
    ]


def test_splitting_builds_one_kiwi_without_its_dictionaries(monkeypatch):
    built = []

    class CountingKiwi:
        def __init__(self, **options):
            built.append(options)

        def split_into_sents(self, text):
            return []

    monkeypatch.setattr(seg.korean, "_instances", {})
    monkeypatch.setattr("kiwipiepy.Kiwi", CountingKiwi)
    split_sentences("첫 문장. 둘째 문장.", "ko")
    split_sentences("셋째 문장.", "ko")
    assert built == [{"load_multi_dict": False, "load_default_dict": False, "load_typo_dict": False}]
    assert seg.korean.kiwi() is seg.korean.kiwi()


def test_the_splitter_splits_as_a_kiwi_with_every_dictionary():
    import kiwipiepy

    paragraphs = [
        '김정일 북한 지도자와 고이즈미 일본 총리는 합의했다. 그는 "좋다. 나쁘다"고 말했다. U.S. 대사도 왔다.',
        "로베르토 카를로스는 2만여 명 앞에서 뛰었다. 6.15 남북공동선언 기념식은 취소됐다!",
        "미 국무부는 \"북한이 (핵)실험을 했다\"고 밝혔다... 이에 대해 청와대는 답하지 않았다.",
    ]
    full = kiwipiepy.Kiwi()
    for paragraph in paragraphs:
        starts = [s.start for s in seg.korean.kiwi().split_into_sents(paragraph)]
        assert starts == [s.start for s in full.split_into_sents(paragraph)]
        assert len(starts) > 1


def test_warm_up_builds_and_warms_kiwi_in_the_background_once(monkeypatch):
    calls = []

    class CountingKiwi:
        def __init__(self, **options):
            calls.append("built")

        def split_into_sents(self, text):
            calls.append("split")
            return []

    monkeypatch.setattr(seg.korean, "_instances", {})
    monkeypatch.setattr("kiwipiepy.Kiwi", CountingKiwi)
    thread = seg.warm_up()
    thread.join()
    assert calls == ["built", "split"]  # the first split, where Kiwi loads its model, is paid here
    assert seg.warm_up() is None  # nothing left to start
    assert isinstance(seg.korean.kiwi(), CountingKiwi) and calls == ["built", "split"]


def test_a_failed_warm_up_is_reported_by_the_split_that_needs_kiwi(monkeypatch):
    def broken(**options):
        raise OSError("model file missing")

    monkeypatch.setattr(seg.korean, "_instances", {})
    monkeypatch.setattr("kiwipiepy.Kiwi", broken)
    seg.warm_up().join()  # the thread fails quietly
    with pytest.raises(DiglotError, match="model file missing"):
        split_sentences("첫 문장.", "ko")


def test_kiwi_is_not_loaded_for_english(monkeypatch):
    def refuse():
        raise AssertionError("Kiwi loaded for English text")

    monkeypatch.setattr(seg.korean, "kiwi", refuse)
    assert [s.text for s in segment("One. Two.", "en")] == ["One.", "Two."]


def test_seed_article_paragraphs_and_boilerplate():
    segments = segment((SEEDS / "000_4cf5f6c82bb4f27d.txt").read_text(encoding="utf-8"), "en")
    noise = [s.text for s in segments if s.boilerplate]
    assert noise == ["The Korea Herald", "피터빈트", "By", "Published : Oct. 5, 2011 - 16:28", "• Link copied",
                     "(Yonhap News)"]  # fmt: skip
    quote = [s for s in segments if s.text.startswith("“We have raised")][0]
    following = [s for s in segments if s.text.startswith("“We are asking")][0]
    assert quote.paragraph == following.paragraph  # two sentences of one paragraph
    assert segments[-1].paragraph > quote.paragraph


def test_korean_seed_article():
    segments = segment((SEEDS / "000_4cf5f6c82bb4f27d.ko.txt").read_text(encoding="utf-8"), "ko")
    noise = [s.text for s in segments if s.boilerplate]
    assert noise == ["코리아헤럴드", "입력 : 2011-10-05 16:28", "(연합뉴스)"]
    assert "김 장관은 \"강제북송은 용납할 수 없다\"고 말했다." in [s.text for s in segments]


def test_hard_wrapped_paragraphs_are_joined():
    text = "The first sentence is\nwrapped here. A second one.\n\nNew paragraph."
    assert paragraphs(text) == [["The first sentence is", "wrapped here. A second one."], ["New paragraph."]]
    assert [(s.text, s.paragraph) for s in segment(text, "en")] == [
        ("The first sentence is wrapped here.", 0),
        ("A second one.", 0),
        ("New paragraph.", 1),
    ]


def test_crlf_and_nfd_input():
    nfc = "정부는 밝혔다.\n\n그는 말했다."
    nfd = unicodedata.normalize("NFD", nfc).replace("\n", "\r\n")
    assert segment(nfd, "ko") == segment(nfc, "ko")
    assert segment(nfd, "ko")[0].text == "정부는 밝혔다."


def test_language_is_guessed_and_checked():
    assert segment("정부는 밝혔다.")[0].text == "정부는 밝혔다."
    with pytest.raises(DiglotError, match="unsupported language"):
        segment("Bonjour.", "fr")


def test_segment_lines_keeps_every_line():
    lines = segment_lines("첫 문장.\n\n(연합뉴스)\n둘째 문장.\n", "ko")
    assert [(s.text, s.boilerplate) for s in lines] == [
        ("첫 문장.", False), ("", True), ("(연합뉴스)", True), ("둘째 문장.", False),
    ]  # fmt: skip


def test_empty_text():
    assert segment("", "en") == []
    assert segment(" \n\n ", "ko") == []


def _spans_hold_their_segments(text, segments):
    for s in segments:
        span = text[s.start : s.end]
        assert " ".join(span.split()) == " ".join(s.text.split()), (s, span)
        offsets = s.offsets(text)
        assert len(offsets) == len(s.text) + 1 and offsets[-1] == s.end
        assert all(text[o] == ch for o, ch in zip(offsets, s.text) if not ch.isspace())


def test_segments_know_their_place_in_the_text():
    for name, lang in (("000_4cf5f6c82bb4f27d.txt", "en"), ("000_4cf5f6c82bb4f27d.ko.txt", "ko")):
        text = (SEEDS / name).read_text(encoding="utf-8")
        segments = segment(text, lang)
        _spans_hold_their_segments(text, segments)
        assert [s.start for s in segments] == sorted(s.start for s in segments)


def test_a_wrapped_sentence_spans_its_line_break():
    text = "  The first sentence is \n  wrapped here. A second one.\n\nNew paragraph."
    first, second, third = segment(text, "en")
    assert first.text == "The first sentence is wrapped here."
    assert (first.start, first.end) == (2, 40) and text[first.start : first.end] == "The first sentence is \n  wrapped here."
    assert first.offsets(text)[first.text.index("wrapped")] == text.index("wrapped")
    assert text[second.start : second.end] == second.text == "A second one."
    assert text[third.start : third.end] == "New paragraph."


def test_offsets_are_into_the_normalised_text():
    raw = "\ufeff정부는 밝혔다.\r\n\r\n그는 말했다."
    text = normalize(raw)
    assert [text[s.start : s.end] for s in segment(raw, "ko")] == ["정부는 밝혔다.", "그는 말했다."]


def test_segment_lines_from_a_text_or_its_lines_alike():
    text = "  첫 문장.  \n\n(연합뉴스)\n둘째\u00a0 문장.\n"
    from_text = segment_lines(text, "ko")
    assert from_text == segment_lines(["  첫 문장.  ", "", "(연합뉴스)", "둘째\u00a0 문장."], "ko")
    assert [(s.text, s.start, s.end) for s in from_text] == [
        ("첫 문장.", 2, 7), ("", 10, 10), ("(연합뉴스)", 11, 17), ("둘째\u00a0 문장.", 18, 25),
    ]  # fmt: skip
    assert all(text[s.start : s.end] == s.text for s in from_text)


def test_a_segment_without_a_document_has_no_offsets():
    with pytest.raises(ValueError):
        Segment("made by a translation").offsets("anything")

"""A long run of characters with no space in it is no sentence: passed through, not decoded."""

from __future__ import annotations

from diglot.translate import DocumentTranslator
from diglot.translate.pipeline import MAX_UNSPACED


def test_an_unspaced_blob_is_passed_through_and_the_sentences_translated(installed_model):
    blob = "가나다라" * (MAX_UNSPACED // 4 + 1)  # one "word" longer than any sentence (a Latin one is boilerplate already)
    translator = DocumentTranslator("ko", "en", None, use_cache=False)
    seen: list[str] = []
    decode = translator.engine.translate

    def recording(sentences, *args, **kwargs):
        seen.extend(sentences)
        return decode(sentences, *args, **kwargs)

    translator.engine.translate = recording
    [doc] = translator.translate([("story", f"탈북자들이 왔다.\n\n{blob}\n\n그는 {blob[:MAX_UNSPACED]} 말했다.\n")]).documents
    assert doc.translations[1] == blob and not any(blob in s for s in seen)
    assert len(seen) == 2  # the sentences, one of them with a long word among others, were decoded

"""How fast does diglot translate? diglot against argostranslate and raw CTranslate2.

Builds one Argos package of realistic size (Transformer base: 6+6 layers, d_model 512, 8 heads,
FFN 2048, 32,000-token vocabulary, int8) with random weights, whose end token is tied to the
decoder position so that every sentence decodes exactly ``--steps`` steps in all three runs
(see ``build_random_model`` in ``tests/support/tinymodel.py``). Then, on the same 50 news articles
(``data/korean-parallel-corpora/korean-english-park.dev.ko``, 4 consecutive lines an article),
it times in the same run:

* **diglot**: ``DocumentTranslator`` with the curated glossary enforced (segmentation,
  protection, one batched CTranslate2 call, restore/verify/repair), translation memory off;
* **diglot, cached**: the same again with the translation memory filled by a first run;
* **argostranslate**: ``argostranslate.translate.translate()`` per article with its defaults
  (beam 4, its own ``ctranslate2.Translator`` settings), if the ``argos`` extra is installed;
* **raw CTranslate2**: ``Translator.translate_batch`` on the pre-tokenised sentences
  (beam 4, batch 32), the floor any pipeline on CTranslate2 can reach.

Offline, argostranslate 1.11's default sentence splitter (MiniSBD) tries to download its
model and fails; the reference run gives argostranslate's packaged-translation path an offline
splitter (diglot's own, so all three translate the same sentences) and says so.
Every engine is warmed up (model and segmenter loaded) before it is timed.

    python benchmarks/translate_speed.py [--articles 50] [--steps 40] [--threads 0]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "korean-parallel-corpora"
sys.path.insert(0, str(ROOT / "tests" / "support"))  # the package builders the tests use


def articles(count: int, lines_per_article: int = 4) -> list[str]:
    lines = [line.strip() for line in (DATA / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    return ["\n".join(lines[i : i + lines_per_article]) for i in range(0, count * lines_per_article, lines_per_article)]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--steps", type=int, default=40, help="decoding steps per sentence (all engines)")
    parser.add_argument("--threads", type=int, default=0, help="CTranslate2 threads (0: all cores)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="diglot-bench-"))
    atexit.register(shutil.rmtree, work, True)  # the package is about 100 MB
    os.environ["DIGLOT_HOME"] = str(work / "home")
    os.environ["XDG_DATA_HOME"] = str(work / "xdg")  # argostranslate's folders too

    import ctranslate2
    import sentencepiece

    from diglot.glossary import load_glossary
    from diglot.segment import segment, split_sentences
    from diglot.translate import DocumentTranslator, EngineOptions, install

    print(f"building a Transformer-base package with random weights ({args.steps} decoding steps a sentence) ...")
    build_time, package = timed(lambda: _build(work, args.steps))
    model = install(package)
    print(f"  built and installed in {build_time:.1f} s: {model.path} ({model.size() / 1e6:.0f} MB)")

    texts = articles(args.articles)
    sentences = [s.text for text in texts for s in segment(text, "ko") if not s.boilerplate]
    print(f"{len(texts)} articles, {len(sentences)} sentences, beam 4, int8, threads {args.threads or 'all'}")
    results: dict[str, tuple[float, int]] = {}

    # raw CTranslate2 on pre-tokenised input
    tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(model.sp_model))
    translator = ctranslate2.Translator(str(model.ct2_model_dir), compute_type="int8", intra_threads=args.threads)
    tokens = [tokenizer.encode(s, out_type=str) for s in sentences]
    translator.translate_batch(tokens[:2], beam_size=4)
    seconds, _ = timed(partial(translator.translate_batch, tokens, beam_size=4, max_batch_size=32))
    results["raw CTranslate2 translate_batch"] = (seconds, len(tokens))
    del translator

    # diglot, glossary enforced, then cached
    options = EngineOptions(beam_size=4, threads=args.threads)
    glossary = load_glossary()
    docs = [(f"article-{i}", text) for i, text in enumerate(texts)]
    fresh = DocumentTranslator("ko", "en", glossary, options=options, use_cache=False)
    fresh.translate(docs[:1])  # warm-up: loads this translator's model and the segmenter
    seconds, run = timed(lambda: fresh.translate(docs))
    results["diglot (glossary enforced, no cache)"] = (seconds, run.decoded)
    mentions = len(run.mentions)
    cached = DocumentTranslator("ko", "en", glossary, options=options, use_cache=True)
    cached.translate(docs)
    seconds, run = timed(lambda: cached.translate(docs))
    results["diglot, second run (translation memory)"] = (seconds, run.cached)

    # argostranslate's translate(), with an offline sentence splitter
    note = _argos(results, model, texts, split_sentences)

    print()
    print(f"{'run':45} {'sentences':>9} {'seconds':>9} {'sent/s':>9}")
    for name, (seconds, count) in results.items():
        print(f"{name:45} {count:9d} {seconds:9.2f} {count / seconds:9.1f}")
    raw = results["raw CTranslate2 translate_batch"][0]
    ours = results["diglot (glossary enforced, no cache)"][0]
    print()
    print(f"diglot / raw CTranslate2 time: {ours / raw:.3f}x (target: at most 1.15x)")
    if "argostranslate translate()" in results:
        argos = results["argostranslate translate()"][0]
        print(f"argostranslate / diglot time: {argos / ours:.2f}x (target: at least 3x)")
    print(f"cached run / first run time: {results['diglot, second run (translation memory)'][0] / ours:.3f}x")
    print(f"glossary mentions enforced by diglot: {mentions}")
    if note:
        print(note)
    return 0


def _build(work: Path, steps: int) -> Path:
    import tinymodel

    sp_model = tinymodel.train_sentencepiece(tinymodel.corpus_sentences(DATA), work / "sp", 8000)
    model_dir = tinymodel.build_random_model(sp_model, work / "model", decode_steps=steps)
    return tinymodel.pack_argosmodel(model_dir, sp_model, work / "translate-ko_en-1_0.argosmodel", "ko", "en")


def _argos(results: dict, model, texts: list[str], split_sentences) -> str:
    try:
        from diglot.translate.engines.argos import import_argostranslate
        argos_translate = import_argostranslate(model.path.parent)
    except Exception as err:  # noqa: BLE001 - the extra is optional
        return f"argostranslate not measured ({err}); install it with the argos extra"
    counted: list[int] = []

    class OfflineSplitter:
        """diglot's sentence splitter in place of MiniSBD, which would try to download its model."""

        def __init__(self, pkg):
            self.pkg = pkg

        def split_sentences(self, text: str) -> list[str]:
            found = split_sentences(text, "ko")
            counted.append(len(found))
            return found

    argos_translate.MiniSBDSentencizer = OfflineSplitter
    argos_translate.StanzaSentencizer = OfflineSplitter
    argos_translate.translate(texts[0], "ko", "en")  # warm-up: loads the model
    counted.clear()
    seconds, _ = timed(lambda: [argos_translate.translate(text, "ko", "en") for text in texts])
    results["argostranslate translate()"] = (seconds, sum(counted))
    return (
        "note: argostranslate ran with an offline sentence splitter (diglot.segment.split_sentences) in "
        "place of MiniSBD, whose model it would try to download; everything else is its default path."
    )


if __name__ == "__main__":
    sys.exit(main())

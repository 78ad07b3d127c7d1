"""Korean sentence splitting with kiwipiepy.

The Kiwi model ships inside the ``kiwipiepy_model`` package. An instance is built once per
process, when first needed (or in the background from :func:`warm_up`, which a command calls
before its other slow start-up work), and never for English-only work.

Sentence splitting does without Kiwi's dictionaries (:data:`SPLITTING`). Leaving out the
multi-word one halves the time and memory the model takes to load; leaving out the default and
typo ones too takes a further quarter off (a build and a first split: 1.2–1.5 s, against 2.0 s
with those two). The sentence splits are the same (3,410 Korean paragraphs and runs of lines
of ``data/korean-parallel-corpora`` and ``seeds/``, against a Kiwi with every dictionary). What
the dictionaries change is tokenisation: the multi-word one reads some multi-word proper nouns
as one token (로베르토 카를로스, 로사 팍스), which term mining wants, so it asks for
``kiwi(multi_words=True)``, which loads them all.
"""

from __future__ import annotations

import threading

from diglot.errors import DiglotError
from diglot.i18n import _

# The options of each instance: splitting needs none of Kiwi's dictionaries, tokenising names all.
SPLITTING = {"load_multi_dict": False, "load_default_dict": False, "load_typo_dict": False}
TOKENISING = {"load_multi_dict": True}

_instances: dict[bool, object] = {}
_lock = threading.Lock()
# Kiwi loads most of its model on the first split, not when it is built: one short split,
# made before an instance is handed out, pays that once and at a time the caller chose.
_FIRST_SPLIT = "정부는 말했다. 그는 떠났다."


def kiwi(multi_words: bool = False):  # type: ignore[no-untyped-def]
    """The shared :class:`kiwipiepy.Kiwi` instance, built on first use.

    ``multi_words`` loads Kiwi's dictionaries, the multi-word one too (for tokenising names, not
    for splitting).
    """
    if multi_words not in _instances:
        with _lock:
            if multi_words not in _instances:
                try:
                    import kiwipiepy

                    instance = kiwipiepy.Kiwi(**(TOKENISING if multi_words else SPLITTING))
                    instance.split_into_sents(_FIRST_SPLIT)
                    _instances[multi_words] = instance
                except Exception as err:  # missing package or model: say what to install
                    raise DiglotError(
                        _("cannot load the Korean sentence splitter (kiwipiepy): {reason}; "
                          "install it with `pip install kiwipiepy`").format(reason=err)
                    ) from None
    return _instances[multi_words]


def warm_up(multi_words: bool = False) -> threading.Thread | None:
    """Start building :func:`kiwi` in a background thread, and return that thread at once
    (``None`` when the instance is built already).

    A command that will split Korean calls this first, so that the model (about a second) loads
    while the command goes on. kiwipiepy holds the interpreter lock for most of that load, so
    little of it overlaps Python work (imports, reading a glossary); the first :func:`kiwi` call
    waits for what is left. A failure is left for that call to report.
    """
    if multi_words in _instances:
        return None

    def build() -> None:
        try:
            kiwi(multi_words)
        except DiglotError:
            pass  # kiwi() says it again where the command needs the splitter

    thread = threading.Thread(target=build, name="kiwi-warm-up", daemon=True)
    thread.start()
    return thread


def split_korean(paragraph: str) -> list[str]:
    """The sentences of one Korean paragraph, stripped, in order.

    Spans from Kiwi are cut from the paragraph itself, so no character is changed or lost;
    text between two of Kiwi's sentences (rare: stray punctuation) joins the sentence before it.
    Either instance splits alike, so one already built is used rather than building another.
    """
    text = paragraph.strip()
    if not text:
        return []
    splitter = _instances.get(True) or kiwi()
    sentences = splitter.split_into_sents(text)
    cuts = sorted({s.start for s in sentences if 0 < s.start < len(text)})
    bounds = [0, *cuts, len(text)]
    pieces = [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return [p for p in pieces if p]

"""Korean sentence splitting with kiwipiepy.

The Kiwi model ships inside the ``kiwipiepy_model`` package; loading it takes a second or two,
so it is loaded once, on the first Korean paragraph, and never for English-only work.
"""

from __future__ import annotations

import threading

from diglot.errors import DiglotError
from diglot.i18n import _

_kiwi = None
_lock = threading.Lock()


def kiwi():
    """The shared :class:`kiwipiepy.Kiwi` instance, loaded on first use."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                try:
                    import kiwipiepy

                    _kiwi = kiwipiepy.Kiwi()
                except Exception as err:  # missing package or model: say what to install
                    raise DiglotError(
                        _("cannot load the Korean sentence splitter (kiwipiepy): {reason}; "
                          "install it with `pip install kiwipiepy`").format(reason=err)
                    ) from None
    return _kiwi


def split_korean(paragraph: str) -> list[str]:
    """The sentences of one Korean paragraph, stripped, in order.

    Spans from Kiwi are cut from the paragraph itself, so no character is changed or lost;
    text between two of Kiwi's sentences (rare: stray punctuation) joins the sentence before it.
    """
    text = paragraph.strip()
    if not text:
        return []
    sentences = kiwi().split_into_sents(text)
    cuts = sorted({s.start for s in sentences if 0 < s.start < len(text)})
    bounds = [0, *cuts, len(text)]
    pieces = [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return [p for p in pieces if p]

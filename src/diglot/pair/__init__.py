"""Pairing an unpaired archive: which Korean article is the translation of which English one.

>>> from diglot.pair import pair_documents, read_folder
>>> pairs = pair_documents(read_folder("ko/", "ko"), read_folder("en/", "en"))     # doctest: +SKIP
>>> for pair in pairs: print(pair.korean.id, pair.english.id, pair.score)          # doctest: +SKIP

See :mod:`diglot.pair.match` for how, and ``docs/pair.md``.
"""

from diglot.pair.anchors import Anchors, document_anchors
from diglot.pair.documents import Document, parse_documents, read_documents, read_folder
from diglot.pair.match import THRESHOLD, Pair, pair_documents, signature

__all__ = [
    "Anchors", "Document", "Pair", "THRESHOLD", "document_anchors", "pair_documents", "parse_documents",
    "read_documents", "read_folder", "signature",
]  # fmt: skip

"""The base of the bead writers."""

from __future__ import annotations

from diglot.doc import AlignedDocument, Bead
from diglot.provenance import Signature


class BeadWriter:
    """Renders an :class:`~diglot.doc.AlignedDocument` as text, one bead after another."""

    name = ""

    def render(self, doc: AlignedDocument, signature: Signature) -> str:
        raise NotImplementedError

    @staticmethod
    def is_boilerplate(doc: AlignedDocument, bead: Bead) -> bool:
        """A null bead that holds page noise rather than an untranslated sentence."""
        segments = [doc.src[i] for i in bead.src] + [doc.tgt[j] for j in bead.tgt]
        return bool(segments) and all(s.boilerplate for s in segments)

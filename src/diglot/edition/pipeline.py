"""The stages that make an edition, in order: segment and align, find glossary terms, check.

:func:`build_edition` runs them all on two texts; :func:`make_edition` runs the last two on a
document another stage made (an alignment, say); :func:`translation_edition` wraps a machine
translation. Each returns an :class:`~diglot.edition.model.Edition` that writers only render.
"""

from __future__ import annotations

from diglot.align import align_texts
from diglot.check import check_document
from diglot.doc import AlignedDocument, Bead, Finding, Segment
from diglot.edition.model import Edition
from diglot.glossary import Glossary, Matcher, Mention
from diglot.languages import pair_languages
from diglot.provenance import Signature


def find_mentions(doc: AlignedDocument, matcher: Matcher) -> list[tuple[list[Mention], list[Mention]]]:
    """The glossary mentions of every bead, source side and target side, in bead-text offsets."""
    out = []
    for bead in doc.beads:
        source, target = doc.bead_text(bead)
        out.append((matcher.find(source, doc.src_lang), matcher.find(target, doc.tgt_lang)))
    return out


def make_edition(
    doc: AlignedDocument,
    glossary: Glossary | None = None,
    *,
    findings: list[Finding] | None = None,
    signature: Signature | None = None,
    machine: bool = False,
    matcher: Matcher | None = None,
) -> Edition:
    """An :class:`Edition` of a document already aligned or translated.

    With a glossary, its terms are found on both sides of every bead; ``findings`` default to
    :func:`diglot.check.check_document` of the document (none without a glossary).
    ``signature`` defaults to one naming the glossary only; ``machine`` says the target is a
    machine translation; ``matcher`` (of ``glossary``) saves building another. Without a
    glossary or findings the edition is the alignment alone, which every writer can write
    (``diglot align -o``).
    """
    mentions: list[tuple[list[Mention], list[Mention]]] = [([], []) for _bead in doc.beads]
    if glossary is not None:
        matcher = matcher or Matcher(glossary)
        mentions = find_mentions(doc, matcher)
        if findings is None:
            findings = check_document(doc, matcher)
    if signature is None:
        signature = Signature.make(glossary=glossary.fingerprint if glossary is not None else "none")
    return Edition(
        doc=doc, signature=signature, mentions=mentions, findings=list(findings or []), glossary=glossary, machine=machine
    )


def translation_edition(
    doc_id: str,
    src_lang: str,
    tgt_lang: str,
    segments: list[Segment],
    translations: list[str],
    glossary: Glossary | None = None,
    signature: Signature | None = None,
) -> Edition:
    """The edition of a machine translation: each source segment beside its translation.

    ``segments`` and ``translations`` are what :class:`diglot.translate.TranslatedDocument`
    holds (one translation per segment, boilerplate passed through); each pair is a 1-1 bead,
    and the translation keeps its segment's paragraph. ``signature`` should be the translation
    run's (it names the model).
    """
    if len(segments) != len(translations):
        raise ValueError("one translation per segment")
    target: list[Segment] = []
    beads = []
    for i, (seg, text) in enumerate(zip(segments, translations)):
        if text:  # an empty translation leaves the bead one-sided, not an empty segment
            target.append(Segment(text, seg.paragraph, seg.boilerplate))
        beads.append(Bead((i,), (len(target) - 1,) if text else ()))
    doc = AlignedDocument(doc_id, src_lang, tgt_lang, list(segments), target, beads)
    return make_edition(doc, glossary, signature=signature, machine=True)


def build_edition(
    text_a: str,
    text_b: str,
    glossary: Glossary | None = None,
    *,
    doc_id: str = "document",
    names: tuple[str, str] = ("A", "B"),
) -> Edition:
    """Segment, align and check two versions of one article: ``text_a`` is the source.

    Languages are told by script (:func:`diglot.languages.pair_languages`); ``names`` (the file names)
    are used in messages. Raises :class:`~diglot.errors.DiglotError` for an empty side or two
    texts in the same language.
    """
    lang_a, lang_b = pair_languages(text_a, text_b, names)
    matcher = Matcher(glossary) if glossary is not None else None
    doc = align_texts(text_a, text_b, lang_a, lang_b, matcher=matcher, doc_id=doc_id)
    signature = Signature.make(
        glossary=glossary.fingerprint if glossary is not None else "none", model="none", source=lang_a, target=lang_b
    )
    return make_edition(doc, glossary, signature=signature, matcher=matcher)

"""The edition: an aligned (or translated) document with its glossary terms and check findings.

:func:`build_edition` runs the stages on two texts (segment and align, find glossary terms,
check); :func:`make_edition` does the last two on a document another stage made (a machine
translation, say). Writers (:mod:`diglot.edition.writers`) only render an :class:`Edition`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from diglot.align import align_texts
from diglot.check import check_document, is_problem
from diglot.doc import AlignedDocument, Bead, Finding, Segment
from diglot.glossary import Glossary, Matcher, Mention
from diglot.i18n import ngettext
from diglot.languages import pair_languages
from diglot.provenance import Signature
from diglot.textio import normalize

@dataclass(frozen=True)
class Row:
    """One bead as writers see it: its text, paragraph, terms and findings."""

    index: int  # position in AlignedDocument.beads
    bead: Bead
    source: str  # the bead's source sentences joined by a space ("" if none)
    target: str
    paragraph: int  # paragraph of the source side (of the target side for a target-only bead)
    new_paragraph: bool  # the first bead of its paragraph
    boilerplate: bool  # every segment of the bead is page noise
    src_mentions: tuple[Mention, ...] = ()  # offsets into ``source``
    tgt_mentions: tuple[Mention, ...] = ()  # offsets into ``target``
    findings: tuple[Finding, ...] = ()

    @property
    def shape(self) -> str:
        """``"1-1"``, ``"2-1"``, ``"1-0"``…: how many sentences each side holds."""
        return f"{len(self.bead.src)}-{len(self.bead.tgt)}"

    @property
    def complete(self) -> bool:
        """Both sides have text: the bead is a translation pair, not a lone sentence."""
        return bool(self.source) and bool(self.target)

    @property
    def problems(self) -> tuple[Finding, ...]:
        """The findings that report something to fix (status other than ``ok``)."""
        return tuple(f for f in self.findings if is_problem(f.status))


@dataclass
class Edition:
    """Everything a writer renders: the document, its terms, its findings and its provenance."""

    doc: AlignedDocument
    signature: Signature
    mentions: list[tuple[list[Mention], list[Mention]]] = field(default_factory=list)  # per bead
    findings: list[Finding] = field(default_factory=list)
    glossary: Glossary | None = None
    machine: bool = False  # the target side is a machine translation

    @property
    def rows(self) -> list[Row]:
        doc = self.doc
        by_bead: dict[int | None, list[Finding]] = {}
        for finding in self.findings:
            by_bead.setdefault(finding.bead, []).append(finding)
        rows: list[Row] = []
        last_src = last_tgt = None
        for index, bead in enumerate(doc.beads):
            source, target = doc.bead_text(bead)
            src_segments, tgt_segments = [doc.src[i] for i in bead.src], [doc.tgt[j] for j in bead.tgt]
            src_paragraph = src_segments[0].paragraph if src_segments else None
            tgt_paragraph = tgt_segments[0].paragraph if tgt_segments else None
            # A paragraph starts where either side starts one (the two may break differently).
            new_paragraph = (src_paragraph is not None and src_paragraph != last_src) or (
                tgt_paragraph is not None and tgt_paragraph != last_tgt
            )
            segments = src_segments + tgt_segments
            src_mentions, tgt_mentions = self.mentions[index] if index < len(self.mentions) else ([], [])
            rows.append(
                Row(
                    index=index,
                    bead=bead,
                    source=source,
                    target=target,
                    paragraph=src_paragraph if src_paragraph is not None else (tgt_paragraph or 0),
                    new_paragraph=new_paragraph,
                    boilerplate=bool(segments) and all(s.boilerplate for s in segments),
                    src_mentions=tuple(src_mentions),
                    tgt_mentions=tuple(tgt_mentions),
                    findings=tuple(by_bead.get(index, ())),
                )
            )
            last_src = src_segments[-1].paragraph if src_segments else last_src
            last_tgt = tgt_segments[-1].paragraph if tgt_segments else last_tgt
        return rows

    @property
    def title(self) -> str:
        """The first sentence of the source that is not page noise (the headline), else the id."""
        for row in self.rows:
            if row.source and not row.boilerplate:
                return row.source
        return self.doc.id

    def summary(self) -> dict[str, object]:
        """Counts for the top of an edition: beads, terms and findings."""
        rows = self.rows
        terms = [m for pair in self.mentions for side in pair for m in side]
        problems = Counter(f.status for f in self.findings if is_problem(f.status))
        return {
            "beads": len(rows),
            "pairs": sum(1 for r in rows if r.complete and not r.boilerplate),
            "boilerplate": sum(1 for r in rows if r.boilerplate),
            "unmatched": sum(1 for r in rows if not r.complete and not r.boilerplate),
            "terms": len(terms),
            "entries": len({m.entry for m in terms}),
            "findings": sum(problems.values()),
            "by_status": dict(sorted(problems.items())),
        }

    def summary_line(self, separator: str = " · ") -> str:
        """The :meth:`summary` in words: ``12 beads · 30 glossary terms (9 entries) · 1 finding``."""
        s = self.summary()
        return separator.join(
            (
                ngettext("{n} bead", "{n} beads", s["beads"]).format(n=s["beads"]),
                ngettext("{n} glossary term", "{n} glossary terms", s["terms"]).format(n=s["terms"])
                + " "
                + ngettext("({n} entry)", "({n} entries)", s["entries"]).format(n=s["entries"]),
                ngettext("{n} finding", "{n} findings", s["findings"]).format(n=s["findings"]),
            )
        )


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
    machine translation; ``matcher`` (of ``glossary``) saves building another.
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
    text_a, text_b = normalize(text_a), normalize(text_b)
    lang_a, lang_b = pair_languages(text_a, text_b, names)
    matcher = Matcher(glossary) if glossary is not None else None
    doc = align_texts(text_a, text_b, lang_a, lang_b, matcher=matcher, doc_id=doc_id)
    signature = Signature.make(
        glossary=glossary.fingerprint if glossary is not None else "none", model="none", source=lang_a, target=lang_b
    )
    return make_edition(doc, glossary, signature=signature, matcher=matcher)

r"""The result of checking one document: its findings, those waived, and how they were made.

>>> from diglot.glossary import Matcher, load_glossary
>>> report = check_presplit("탈북자 35명\n", "35 N.K. defectors\n", "ko", "en", Matcher(load_glossary()))
>>> [(f.status, f.found, severity_of(f)) for f in report.problems]
[('variant', 'N.K. defector', 'warning')]
>>> report.failed
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from diglot.check.document import check_document, presplit_document
from diglot.check.statuses import fails, is_problem, severity_of
from diglot.check.waivers import Waivers, finding_id
from diglot.doc import AlignedDocument, Finding
from diglot.glossary import Matcher
from diglot.i18n import _, ngettext
from diglot.provenance import Signature


@dataclass
class CheckReport:
    """Findings of one aligned document (``ok`` ones included), the ones a waiver dismissed, and
    the :class:`~diglot.provenance.Signature` of the check that made them."""

    doc: AlignedDocument
    findings: list[Finding]
    signature: Signature
    dismissed: list[Finding] = field(default_factory=list)

    @property
    def problems(self) -> list[Finding]:
        """The findings an editor should look at: every status but ``ok``, waived ones left out."""
        return [f for f in self.findings if is_problem(f.status)]

    @property
    def failed(self) -> bool:
        """Whether an error or a warning is left (notes alone do not fail a check)."""
        return any(fails(f) for f in self.findings)

    def severities(self) -> Counter[str]:
        """How many problems of each severity."""
        return Counter(severity_of(f) for f in self.problems)  # type: ignore[misc]

    def source_of(self, finding: Finding) -> str:
        """The source sentence (bead) of ``finding``, the text waivers are keyed by."""
        return self.doc.bead_text(self.doc.beads[finding.bead])[0] if finding.bead is not None else ""

    def id_of(self, finding: Finding) -> str:
        """The finding's id, as ``diglot check --waive ID`` takes it."""
        return finding_id(finding, self.source_of(finding))


def check(
    doc: AlignedDocument,
    matcher: Matcher,
    numbers: bool = True,
    presplit: bool = False,
    waivers: Waivers | None = None,
) -> CheckReport:
    """Check ``doc`` (:func:`~diglot.check.document.check_document`) and set aside what ``waivers``
    accept. ``presplit``: the beads are the line pairs of a presplit file."""
    findings = check_document(doc, matcher, numbers=numbers, presplit=presplit)
    signature = Signature.make(
        glossary=matcher.glossary.fingerprint,
        direction=f"{doc.src_lang}-{doc.tgt_lang}",
        presplit=presplit,
        numbers=numbers,
    )
    report = CheckReport(doc, findings, signature)
    if waivers is not None:
        kept = []
        for finding in findings:
            waived = is_problem(finding.status) and waivers.dismisses(finding, report.source_of(finding))
            (report.dismissed if waived else kept).append(finding)
        report.findings = kept
    return report


def check_presplit(
    source: str,
    target: str,
    src_lang: str,
    tgt_lang: str,
    matcher: Matcher,
    numbers: bool = True,
    waivers: Waivers | None = None,
    source_name: str = "source",
    target_name: str = "target",
) -> CheckReport:
    """Check line N of ``target`` as the translation of line N of ``source``, each line pair its own
    scope for the style rules (a presplit file does not say where its articles begin)."""
    doc = presplit_document(source, target, src_lang, tgt_lang, source_name, target_name)
    return check(doc, matcher, numbers=numbers, presplit=True, waivers=waivers)


def summary_line(findings: list[Finding], beads: int, dismissed: int, signature: object, presplit: bool = False) -> str:
    """The line a check report ends with, in the CLI and on the review page: what fails (errors,
    warnings) counted as findings and notes apart, as the exit code does; the beads (line pairs of
    a presplit file); the dismissed findings; the signature.

    >>> summary_line([], 1, 0, "diglot:0.1.0", presplit=True)
    '0 findings in 1 line pair, 0 dismissed; signature diglot:0.1.0'
    """
    failing = sum(1 for f in findings if fails(f))
    notes = sum(1 for f in findings if is_problem(f.status)) - failing
    counted = ngettext("{n} finding", "{n} findings", failing).format(n=failing)
    if notes:
        counted = _("{findings} and {notes}").format(
            findings=counted, notes=ngettext("{n} note", "{n} notes", notes).format(n=notes)
        )
    units = (
        ngettext("{n} line pair", "{n} line pairs", beads) if presplit else ngettext("{n} bead", "{n} beads", beads)
    ).format(n=beads)
    return _("{counted} in {units}, {dismissed} dismissed; signature {signature}").format(
        counted=counted, units=units, dismissed=dismissed, signature=signature
    )


"""The statuses a check finding can have (documented for users in ``docs/check.md``)."""

from __future__ import annotations

from diglot.doc import Finding

# Glossary statuses, one per source-side mention of an entry.
OK = "ok"  # the preferred rendering (or its short form) is in the target
VARIANT = "variant"  # an accepted rendering that is not the preferred one
FORBIDDEN = "forbidden"  # a rendering the entry forbids
MISSING = "missing"  # no rendering of the entry at all

# Document statuses.
FIRST_MENTION = "first-mention"  # the first mention is not in first-mention style: long form (short)
LONG_FORM = "long-form"  # the long form spelled out again after the first mention
INCONSISTENT = "inconsistent"  # one entry rendered in more than one way in the document

# Number statuses.
NUMBER_CHANGED = "number-changed"  # a number of the source became another number in the target
NUMBER_MISSING = "number-missing"  # a number of the source is not in the target
NUMBER_ADDED = "number-added"  # a number of the target is not in the source

GLOSSARY_STATUSES = (OK, VARIANT, FORBIDDEN, MISSING)
DOCUMENT_STATUSES = (FIRST_MENTION, LONG_FORM, INCONSISTENT)
NUMBER_STATUSES = (NUMBER_CHANGED, NUMBER_MISSING, NUMBER_ADDED)
ALL_STATUSES = GLOSSARY_STATUSES + DOCUMENT_STATUSES + NUMBER_STATUSES

# Statuses --fix can repair: the wrong rendering is replaced by the preferred one.
FIXABLE = (VARIANT, FORBIDDEN)

# Severities, most serious first. Errors and warnings make `diglot check` exit 1 and are shown by
# default; notes do neither (`--notes` shows them).
ERROR = "error"  # wrong: a forbidden rendering, a number that changed
WARNING = "warning"  # to look at: a variant, a name or number not rendered, a number added, house style broken
NOTE = "note"  # worth a glance: a concept not found in its listed words, renderings that vary
SEVERITIES = (ERROR, WARNING, NOTE)
_SEVERITY = {
    FORBIDDEN: ERROR,
    NUMBER_CHANGED: ERROR,
    VARIANT: WARNING,
    MISSING: WARNING,
    NUMBER_MISSING: WARNING,
    NUMBER_ADDED: WARNING,
    FIRST_MENTION: WARNING,
    LONG_FORM: WARNING,
    INCONSISTENT: NOTE,
}
# Entry types whose words a translation often paraphrases (비핵화 = "nuclear free", 구금 = "held",
# 6자회담 = "the talks"): not finding their listed words is a note, not a warning. The names of
# people, organisations, publications and places have few renderings, and stay warnings.
PARAPHRASED_TYPES = ("term", "event", "title", "document")


def is_problem(status: str) -> bool:
    """Everything but ``ok`` is something an editor should look at."""
    return status != OK


def severity(status: str) -> str | None:
    """``error``, ``warning`` or ``note`` for a problem status; None for ``ok``."""
    return _SEVERITY.get(status)


def missing_severity(entry_type: str) -> str:
    """The severity of ``missing`` for an entry of ``entry_type``: a note for a paraphrased type."""
    return NOTE if entry_type in PARAPHRASED_TYPES else WARNING


def severity_of(finding: Finding) -> str | None:
    """The severity of ``finding``: as the check rated it, or else its status's."""
    return finding.severity or severity(finding.status)


def fails(finding: Finding) -> bool:
    """Whether ``finding`` makes the check fail (exit 1) and is shown by default: an error or a
    warning (notes are shown with ``--notes``)."""
    return severity_of(finding) in (ERROR, WARNING)

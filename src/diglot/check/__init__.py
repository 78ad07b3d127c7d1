"""Glossary and number QA of a Korean–English translation, with safe fixes.

>>> from diglot.check import check_pair, fix_text
>>> from diglot.glossary import Matcher, load_glossary
>>> matcher = Matcher(load_glossary())
>>> findings = check_pair("탈북자들이 강제북송됐다", "The N.K. defectors faced forcible repatriation", "ko", "en", matcher)
>>> [(f.entry, f.status) for f in findings]
[('north-korean-defector', 'variant'), ('forced-repatriation', 'variant')]
>>> fix_text("The N.K. defectors faced forcible repatriation", findings, matcher.glossary, "en")
'The North Korean defectors faced forced repatriation'

:func:`check_pair` checks one sentence pair, :func:`check_document` a whole aligned document
(adding first-mention and consistency findings), :func:`fix_text` and :func:`fix_document`
repair variant and forbidden renderings. The statuses are in :mod:`diglot.check.statuses`.
"""

from diglot.check import statuses
from diglot.check.document import check_document, check_pair, presplit_document
from diglot.check.fix import Edit, Fixed, apply_edits, fix_document, fix_text, replacement_edit
from diglot.check.records import json_records
from diglot.check.statuses import is_problem

__all__ = [
    "Edit",
    "Fixed",
    "apply_edits",
    "check_document",
    "check_pair",
    "fix_document",
    "fix_text",
    "is_problem",
    "json_records",
    "presplit_document",
    "replacement_edit",
    "statuses",
]

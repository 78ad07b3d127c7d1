"""Glossary and number QA of a Korean–English translation, with safe fixes and waivers.

>>> from diglot.check import check_pair, fix_text
>>> from diglot.glossary import Matcher, load_glossary
>>> matcher = Matcher(load_glossary())
>>> findings = check_pair("탈북자들이 강제북송됐다", "The N.K. defectors faced forcible repatriation", "ko", "en", matcher)
>>> [(f.entry, f.status) for f in findings]
[('north-korean-defector', 'variant'), ('forced-repatriation', 'variant')]
>>> fix_text("The N.K. defectors faced forcible repatriation", findings, matcher.glossary, "en")
'The North Korean defectors faced forced repatriation'

:func:`check_pair` checks one sentence pair, :func:`check_document` a whole aligned document
(adding first-mention and consistency findings), :func:`check` and :func:`check_presplit` give a
:class:`CheckReport` (findings, those a :class:`Waivers` file dismissed, the signature).
:func:`fix_text` and :func:`fix_document` repair variant and forbidden renderings, through
:func:`edit_for`, the one term replacement of the project (a/an and title case follow the new
term, a Korean particle its final sound), which translation's enforcement calls too. Statuses and
their severities are in :mod:`diglot.check.statuses`.
"""

from diglot.check import statuses
from diglot.check.document import check_document, check_pair, presplit_document
from diglot.check.fix import Edit, Fixed, edit_for, fix_document, fix_text
from diglot.check.records import json_records
from diglot.check.report import CheckReport, check, check_presplit, summary_line
from diglot.check.statuses import fails, is_problem, severity, severity_of
from diglot.check.waivers import Waivers, waivers_path

__all__ = [
    "CheckReport",
    "Edit",
    "Fixed",
    "Waivers",
    "check",
    "check_document",
    "check_pair",
    "check_presplit",
    "edit_for",
    "fails",
    "fix_document",
    "fix_text",
    "is_problem",
    "json_records",
    "presplit_document",
    "severity",
    "severity_of",
    "statuses",
    "summary_line",
    "waivers_path",
]

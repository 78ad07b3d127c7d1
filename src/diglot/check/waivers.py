"""Waivers: findings an editor has accepted, so that the check does not report them again.

A waivers file is YAML, kept next to the translation as ``<target>.waivers.yaml`` (or named with
``diglot check --waivers FILE``), written by ``diglot check --waive ID`` / ``--waive-all`` or by
hand::

    # Findings accepted by the editors of this translation.
    waivers:
      - status: variant
        entry: united-nations
        found: U.N.
        source: 유엔 무기 사찰단장이 이라크 대표단을 만났다.
        note: a headline; U.N. kept

A waiver is keyed by what the finding is about, never by its place: the status, the glossary
entry (``entry``) or the source's number (``expected``), the text found in the translation
(``found``), and the source sentence (``source``), compared with white space collapsed and in
Unicode NFC. Change the sentence or the rendering and the waiver no longer applies, so the
finding comes back for a new look. ``note`` is for people; every other key must match.

>>> from diglot.doc import Finding
>>> waivers = Waivers(path=None)
>>> finding = Finding(status="variant", entry="united-nations", expected="United Nations", found="U.N.")
>>> waivers.add(finding, "유엔 대표단이  만났다.")
>>> waivers.dismisses(finding, "유엔 대표단이 만났다.")
True
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from diglot.doc import Finding
from diglot.errors import InputError, MalformedInput
from diglot.glossary.formats.yaml import parse_yaml, without_marks
from diglot.glossary.model import Problem
from diglot.i18n import _
from diglot.textio import atomic_write, edit_lock, normalize, read_text

_KEYS = ("status", "entry", "expected", "found", "source")
_HEADER = "# Findings accepted by the editors of this translation: diglot check does not report them.\n"


def waivers_path(target: str | os.PathLike[str]) -> Path:
    """Where the waivers of a translation live by default: ``<target>.waivers.yaml``."""
    path = Path(target)
    return path.with_name(path.name + ".waivers.yaml")


def normalized_sentence(text: str) -> str:
    """A sentence as waivers compare it: NFC, white space collapsed."""
    return " ".join(normalize(text).split())


def waiver_key(finding: Finding, source: str) -> tuple[str, str, str, str, str]:
    """What a waiver matches: status, entry (glossary findings), expected (number findings), found, source."""
    expected = "" if finding.entry else finding.expected or ""
    return (finding.status, finding.entry or "", expected, finding.found or "", normalized_sentence(source))


def finding_id(finding: Finding, source: str) -> str:
    """A short id for a finding, the same from run to run while the sentence and rendering stay:
    what ``diglot check --waive ID`` takes."""
    return hashlib.sha1("\t".join(waiver_key(finding, source)).encode("utf-8")).hexdigest()[:8]


@dataclass
class Waivers:
    """The waivers of one translation; :meth:`save` writes them back atomically, under a lock."""

    path: Path | None
    records: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "Waivers":
        """The waivers in ``path``; none if the file does not exist. A malformed file is an
        :class:`~diglot.errors.InputError` naming it."""
        path = Path(path)
        if not path.exists():
            return cls(path)
        return cls.from_text(read_text(path), str(path), path)

    @classmethod
    def from_text(cls, text: str, name: str, path: Path | None = None) -> "Waivers":
        """The waivers in ``text``, the contents of a waivers file (or the same as JSON), named
        ``name`` in the error a malformed one raises (:class:`~diglot.errors.InputError`). It is
        read as strictly as a glossary: no aliases or tags that build objects, no key written twice."""
        problems: list[Problem] = []  # a key written twice: which of the two was meant is unknown
        data = without_marks(parse_yaml(text, name, problems))
        if problems:
            origin = problems[0].origin
            raise MalformedInput(origin.file, origin.line, origin.column, problems[0].message)
        records = data.get("waivers") if isinstance(data, dict) else None if data is not None else []
        if not isinstance(records, list) or not all(_is_record(r) for r in records):
            raise InputError(
                _("{name}: expected 'waivers:' and a list of findings with status, found and source").format(name=name)
            )
        return cls(path, [{k: str(v) for k, v in r.items() if v is not None} for r in records])

    def _keys(self) -> set[tuple[str, ...]]:
        return {tuple(normalized_sentence(r[k]) if k == "source" else r.get(k, "") for k in _KEYS) for r in self.records}

    def dismisses(self, finding: Finding, source: str) -> bool:
        """Whether a waiver accepts ``finding``, found in the sentence pair whose source is ``source``."""
        return waiver_key(finding, source) in self._keys()

    def add(self, finding: Finding, source: str, note: str | None = None) -> None:
        """Accept ``finding`` (of the pair whose source is ``source``); nothing happens if it already is."""
        if self.dismisses(finding, source):
            return
        record = {k: v for k, v in zip(_KEYS, waiver_key(finding, source)) if v}
        if note:
            record["note"] = note
        self.records.append(record)

    def __len__(self) -> int:
        return len(self.records)

    def save(self) -> None:
        """Write the waivers to :attr:`path`, atomically and under the file's edit lock."""
        if self.path is None:
            raise ValueError("these waivers have no file")
        text = _HEADER + yaml.safe_dump({"waivers": self.records}, allow_unicode=True, sort_keys=False, width=1000)
        with edit_lock(self.path):
            atomic_write(self.path, text)


def _is_record(record: object) -> bool:
    return (
        isinstance(record, dict)
        and all(isinstance(k, str) and k in (*_KEYS, "note") for k in record)
        and all(isinstance(record.get(k), str) for k in ("status", "source"))
    )

"""Reviewing proposals: the decisions and the state that lets a review stop and resume.

The state lives in the files themselves, so a review can stop at any point (quit, Ctrl-C, a
crash) and the next run starts where it left off:

* the proposals file (``PROPOSALS.yaml``) holds the proposals still to decide;
* an accepted proposal is appended to the glossary file with ``status: approved`` (through
  :func:`diglot.glossary.edit.add_entries`: under the file's edit lock, written atomically,
  comments kept), then removed from the proposals file;
* a rejected one is appended to the side file ``PROPOSALS.rejected.yaml``, then removed from the
  proposals file; ``diglot glossary mine`` does not propose it again;
* a skipped one stays in the proposals file for a later run.

Each file is replaced atomically under its edit lock (:func:`diglot.textio.edit_lock`,
:func:`diglot.textio.atomic_write`). Between the two writes of one decision a crash can leave a
proposal both decided and pending; :meth:`Review.pending` finds it already in the glossary or the
rejected file and clears it. This module has no user interface: the CLI asks, this module records.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from diglot.errors import DiglotError
from diglot.glossary.edit import add_entries
from diglot.glossary.formats.yaml import dump_entries, entries_with_lines
from diglot.glossary.match import search_key
from diglot.glossary.model import Entry, Origin, Problem, entry_from_dict, unique_id
from diglot.i18n import _
from diglot.textio import atomic_write, edit_lock, read_text

def rejected_path(proposals: str | os.PathLike[str]) -> Path:
    """The side file of rejected proposals: ``NAME.rejected.yaml`` beside ``NAME.yaml``."""
    p = Path(proposals)
    return p.with_name(f"{p.stem}.rejected{p.suffix or '.yaml'}")


def read_entries(path: str | os.PathLike[str]) -> list[Entry]:
    """The entries of a YAML glossary file ([] if it does not exist); errors stop with a message."""
    p = Path(path)
    if not p.exists():
        return []
    problems: list[Problem] = []
    entries = [entry for entry, _line, _column in entries_with_lines(read_text(p), str(p), problems)]
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        raise DiglotError(_("{name} has errors; fix them first: {first}").format(name=p, first=errors[0]))
    return entries


def pair_key(entry: Entry) -> tuple[str, str]:
    """The (Korean, English) preferred forms, as compared: spaces and hyphens ignored, English case too."""
    return search_key(entry.preferred("ko") or ""), search_key(entry.preferred("en") or "").lower()


def score_of(entry: Entry) -> float:
    """The proposal's association score (0 when it has no evidence)."""
    score = (entry.evidence or {}).get("score", 0)
    return float(score) if isinstance(score, (int, float)) else 0.0


class Review:
    """Decisions on the proposals in ``proposals``, accepted ones going into ``glossary``."""

    def __init__(self, proposals: str | os.PathLike[str], glossary: str | os.PathLike[str]):
        self.proposals = Path(proposals)
        self.glossary = Path(glossary)
        self.rejected = rejected_path(self.proposals)
        if not self.proposals.exists():
            raise DiglotError(_("{name}: no such file").format(name=self.proposals))
        if self.proposals.resolve() == self.glossary.resolve():
            raise DiglotError(_("the proposals and the glossary must be different files"))
        if not self.glossary.parent.is_dir():
            raise DiglotError(_("{name}: no such folder").format(name=self.glossary.parent))
        if self.glossary.suffix.lower() not in (".yaml", ".yml"):
            raise DiglotError(
                _("{name}: accepted entries go into a YAML glossary file (.yaml); export other formats "
                  "with `diglot glossary export`").format(name=self.glossary)
            )  # fmt: skip

    def pending(self) -> list[Entry]:
        """The proposals still to decide, in file order; any already decided are cleared out."""
        entries = read_entries(self.proposals)
        decided = {pair_key(e) for e in read_entries(self.glossary)} | {pair_key(e) for e in read_entries(self.rejected)}
        stale = [e.id for e in entries if pair_key(e) in decided]
        if stale:
            self._remove(stale)
        return [e for e in entries if pair_key(e) not in decided]

    def accept(self, proposal: Entry, changes: dict[str, object] | None = None) -> Entry:
        """Add ``proposal`` (with ``changes`` to its fields, as in the YAML schema) to the glossary,
        approved, and remove it from the proposals. Returns the entry written."""
        return self.accept_many([(proposal, changes)])[0]

    def accept_many(self, decisions: list[tuple[Entry, dict[str, object] | None]]) -> list[Entry]:
        """Accept several proposals with one write to each file."""
        taken = {entry.id for entry in read_entries(self.glossary)}
        approved = []
        for proposal, changes in decisions:
            entry = approve(proposal, changes)
            entry = replace(entry, id=unique_id(entry.id, taken))
            taken.add(entry.id)
            approved.append(entry)
        if approved:
            add_entries(self.glossary, approved)
            self._remove([proposal.id for proposal, _changes in decisions])
        return approved

    def reject(self, proposal: Entry) -> None:
        """Keep ``proposal`` in the rejected file (not proposed again) and remove it from the proposals."""
        taken = {entry.id for entry in read_entries(self.rejected)}
        add_entries(self.rejected, [replace(proposal, id=unique_id(proposal.id, taken))])
        self._remove([proposal.id])

    def _remove(self, ids: list[str]) -> None:
        """Rewrite the proposals file without ``ids``, atomically under its edit lock."""
        drop = set(ids)
        with edit_lock(self.proposals):
            text = read_text(self.proposals)
            header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))  # provenance
            remaining = [e for e in read_entries(self.proposals) if e.id not in drop]
            atomic_write(self.proposals, header + "entries:\n" + dump_entries(remaining))


def approve(proposal: Entry, changes: dict[str, object] | None = None) -> Entry:
    """The glossary entry for an accepted proposal: ``status: approved``, evidence left behind,
    ``changes`` applied (keys of the YAML schema: ``id``, ``type``, ``note``, ``ko``, ``en`` …).
    Invalid changes raise :class:`DiglotError` naming the problem."""
    raw = proposal.as_dict()
    raw.pop("evidence", None)
    for key, value in (changes or {}).items():
        if key in raw and isinstance(raw[key], dict) and isinstance(value, str):
            raw[key] = {**raw[key], "preferred": value}  # `ko: 새 형태` changes the preferred form only
        else:
            raw[key] = value
    raw["status"] = "approved"
    problems: list[Problem] = []
    entry = entry_from_dict(raw, Origin(_("review")), problems)
    if problems or entry is None:
        raise DiglotError(problems[0].message if problems else _("invalid entry"))
    return replace(entry, origin=None)

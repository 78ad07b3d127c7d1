"""Shared fixtures for the glossary exchange formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from diglot.glossary import read_glossary
from diglot.glossary.model import Entry

DATA = Path(__file__).parent / "data"
REPO_GLOSSARIES = Path(__file__).resolve().parents[3] / "glossaries"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def all_fields() -> list[Entry]:
    """Entries that use every field of the schema (see data/all_fields.yaml)."""
    glossary = read_glossary([DATA / "all_fields.yaml"])
    assert not glossary.problems
    return glossary.entries


@pytest.fixture
def curated() -> list[Entry]:
    """The curated glossaries shipped in the repository."""
    glossary = read_glossary([REPO_GLOSSARIES])
    assert len(glossary) > 50
    return glossary.entries


@pytest.fixture
def by_id():
    """Entries as their YAML dicts, keyed by id: what a round trip must keep."""

    def as_dicts(entries: list[Entry]) -> dict[str, dict]:
        return {entry.id: entry.as_dict() for entry in entries}

    return as_dicts

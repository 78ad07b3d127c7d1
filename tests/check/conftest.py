from pathlib import Path

import pytest

from diglot.glossary import Matcher, load_glossary

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
SEED_EN = ROOT / "seeds" / "000_4cf5f6c82bb4f27d.txt"
SEED_KO = ROOT / "seeds" / "000_4cf5f6c82bb4f27d.ko.txt"
CORPUS = ROOT / "data" / "korean-parallel-corpora"


@pytest.fixture(scope="session")
def curated():
    """The curated glossaries shipped in glossaries/."""
    return Matcher(load_glossary())


@pytest.fixture(scope="session")
def particles():
    return Matcher(load_glossary([DATA / "particles.yaml"]))


@pytest.fixture(scope="session")
def news():
    return Matcher(load_glossary([DATA / "news-glossary.yaml"]))

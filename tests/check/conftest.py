from pathlib import Path

import pytest

from diglot.glossary import Matcher, load_glossary

DATA = Path(__file__).parent / "data"


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

from pathlib import Path

import pytest

from diglot.glossary import Matcher, load_glossary

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def mini_glossary():
    return load_glossary([DATA / "mini.yaml"])


@pytest.fixture(scope="session")
def matcher(mini_glossary):
    return Matcher(mini_glossary)

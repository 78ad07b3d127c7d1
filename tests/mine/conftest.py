from pathlib import Path

import pytest

from diglot.mine import line_pairs
from diglot.textio import read_text

HERE = Path(__file__).parent
KO = HERE / "corpus.ko"  # 18 line-parallel news-like pairs, 12 of them sharing terms
EN = HERE / "corpus.en"

GLOSSARY = """\
entries:
  - id: police
    type: organization
    status: approved
    source: test
    ko:
      preferred: 경찰
    en:
      preferred: police
      forbidden: [cops]
  - id: spokesperson
    type: title
    status: approved
    source: test
    ko:
      preferred: 대변인
    en:
      preferred: spokesperson
      variants: [spokesman]
"""


@pytest.fixture(scope="session")
def beads():
    return line_pairs(read_text(KO), read_text(EN), "corpus.ko", "corpus.en")


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path

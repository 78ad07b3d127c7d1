"""A small aligned document built by hand, so the writers are tested apart from align and check."""

from pathlib import Path

import pytest

from diglot.doc import AlignedDocument, Bead, Finding, Segment
from diglot.edition import make_edition
from diglot.glossary import load_glossary
from diglot.provenance import Signature

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
SEED_EN = REPO / "seeds" / "000_4cf5f6c82bb4f27d.txt"
SEED_KO = REPO / "seeds" / "000_4cf5f6c82bb4f27d.ko.txt"

EN = [
    Segment("The Korea Herald", 0, True),
    Segment("Seoul urges China to stop deporting N.K. defectors", 1),
    Segment("The commission said 35 defectors were caught.", 2),
    Segment("Huh Seung-jae will leave for Yanji.", 2),
    Segment("He said so <again> & again.", 3),
    Segment("(Yonhap News)", 4, True),
]
KO = [
    Segment("코리아헤럴드", 0, True),
    Segment("정부, 중국에 탈북자 강제북송 중단 촉구", 1),
    Segment("북한난민구호위원회는 탈북자 35명이 붙잡혔다고 밝혔다.", 2),
    Segment("허승재 과장은 옌지로 떠난다.", 2),
    Segment("(연합뉴스)", 3, True),
]
BEADS = [
    Bead((0,), (0,), 1.0),
    Bead((1,), (1,), 0.9),
    Bead((2,), (2,), 0.8),
    Bead((3,), (3,), 0.8),
    Bead((4,), (), 0.0),  # left out of the Korean
    Bead((5,), (4,), 1.0),
]


@pytest.fixture(scope="session")
def glossary():
    return load_glossary()


@pytest.fixture
def document():
    return AlignedDocument("sample-1", "en", "ko", list(EN), list(KO), list(BEADS))


@pytest.fixture
def findings():
    # bead 2: "commission" is not the glossary's rendering of 북한난민구호위원회 (a made-up finding
    # with spans, as check reports them); bead 4: an untranslated sentence.
    return [
        Finding("missing", bead=2, entry="cnkr", expected="Commission to Help North Korean Refugees",
                src_span=(4, 14), tgt_span=(0, 9), message="CNKR is not rendered as the glossary says"),
        Finding("ok", bead=1, entry="north-korean-defector"),
        Finding("untranslated", bead=4, message="no Korean for this sentence"),
    ]


@pytest.fixture
def edition(document, glossary, findings):
    signature = Signature.make(glossary=glossary.fingerprint, source="en", target="ko")
    return make_edition(document, glossary, findings=findings, signature=signature)


@pytest.fixture(scope="session")
def seed_edition(glossary):
    """The seed article and its Korean edition, through the whole pipeline (segment, align, check)."""
    from diglot.edition import build_edition
    from diglot.textio import read_text

    return build_edition(
        read_text(SEED_EN), read_text(SEED_KO), glossary, doc_id="000_4cf5f6c82bb4f27d", names=(str(SEED_EN), str(SEED_KO))
    )

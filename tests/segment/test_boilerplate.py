"""Page noise is recognised as a whole line, never inside a sentence."""

import pytest

from diglot.segment import is_boilerplate

NOISE = [
    ("Published : Oct. 5, 2011 - 16:28", "en"),
    ("Updated : 2011-10-05 17:02", "en"),
    ("• Link copied", "en"),
    ("(Yonhap News)", "en"),
    ("By Yonhap News", "en"),
    ("AP", "en"),
    ("(KCNA)", "en"),
    ("The Korea Herald", "en"),
    ("By", "en"),
    ("By Kim Yoon-mi (yoonmi@heraldcorp.com)", "en"),
    ("[Photo] Reporters gather at the briefing.", "en"),
    ("Copyright © 2011 Yonhap News Agency. All rights reserved.", "en"),
    ("피터빈트", "en"),  # a stray line in the other script
    ("관련기사", "ko"),
    ("(연합뉴스)", "ko"),
    ("[사진] 브리핑에 모인 취재진", "ko"),
    ("저작권자(c) 연합뉴스, 무단 전재-재배포 금지", "ko"),
    ("(서울=연합뉴스) 기자 = ", "ko"),
    ("홍길동 기자 hong@yna.co.kr", "ko"),
    ("입력 2011.10.05 16:28", "ko"),
    ("- 1 -", "en"),
    ("", "en"),
]
SENTENCES = [
    ("Yonhap News reported that 35 defectors were arrested.", "en"),
    ("The copyright law changed in 2011 after a long fight.", "en"),
    ("LONDON, England (CNN) Singer Amy Winehouse was rushed to a hospital.", "en"),
    ("By the end of the year, prices rose.", "en"),
    ("They did it 34-13 to drop Tennessee to 10 in 1.", "en"),
    ("Seoul urges China to stop deporting N.K. defectors", "en"),
    ("연합뉴스는 탈북자 35명이 체포됐다고 보도했다.", "ko"),
    ("ASCI White로 알려진 이 수퍼컴퓨터는 놀랍다.", "ko"),
    ("정부, 중국에 탈북자 강제북송 중단 촉구", "ko"),
    ("군 지휘관들, 국방개혁안 우려\u00a0 \u00a0 \u00a02005.10", "ko"),  # a related article: often translated
]


@pytest.mark.parametrize("line, lang", NOISE)
def test_noise(line, lang):
    assert is_boilerplate(line, lang)


@pytest.mark.parametrize("line, lang", SENTENCES)
def test_sentences_are_not_noise(line, lang):
    assert not is_boilerplate(line, lang)

"""Recognising page noise: the lines of a news page that are not sentences of the article.

Mastheads, bylines, datelines (``Published : Oct. 5, 2011 - 16:28``, ``입력 2011.10.05``),
share buttons (``Link copied``), agency credits (``(Yonhap News)``, ``AP``), copyright lines,
photo captions (``[사진] …``, ``[Photo] …``), the "related articles" heading and a stray line in
the other script. A related article's title is not noise: the other edition often lists it
translated, so the aligner decides. They are kept in the segment list (``Segment.boilerplate``) so nothing is lost, but they
are never aligned as sentences.

Each rule is a regular expression over one whole line, so the rules stay readable and a
sentence that merely *contains* such words (``Yonhap News reported that …``) is never taken.
"""

from __future__ import annotations

import re

from diglot.hangul import SYLLABLES
from diglot.languages import script_of

_KOREAN_NAME = rf"[{SYLLABLES}]{{2,4}}"  # a reporter's name: two to four syllables
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\d{{4}}[-./]\d{{1,2}}(?:[-./]\d{{1,2}})?|{_MONTH}\s*\d{{1,2}},?\s*\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)"
_AGENCIES = (
    r"(?:Yonhap(?:\s+News(?:\s+Agency)?)?|AP|AFP|Reuters|CNN|KCNA|UPI|EFE|Xinhua|Kyodo|dpa|"
    r"Associated\s+Press|The\s+Korea\s+Herald|The\s+Korea\s+Times|Korea\s+JoongAng\s+Daily|"
    r"JoongAng\s+Daily|Arirang|KBS|MBC|SBS|NK\s+News|Daily\s+NK|Rodong\s+Sinmun|"
    r"연합뉴스|뉴시스|뉴스1|조선중앙통신|로동신문|노동신문|조선일보|중앙일보|동아일보|한겨레|경향신문|코리아헤럴드)"
)

# Nothing but symbols, digits and punctuation ("•", "- 1 -", "2011.10.05").
_SYMBOLS_ONLY = re.compile(r"[\W\d_]*")
# List bullets and arrows before page furniture ("• Link copied", "▶ 관련기사").
_BULLETS = re.compile(r"^[•·‧∙▶►▷■□◆◇○●※★☆→\-–—*>|\s]+")

# Each rule is a pattern over one whole line; a leading (?i) applies to that rule alone.
_RULES_ANY = [
    # Datelines and time stamps.
    rf"(?i)(?:published|updated|posted|modified|last\s+updated|입력|수정|등록|승인|기사입력|최종수정)\s*[:：]?\s*{_DATE}.*",
    rf"(?i){_DATE}\s*(?:[-–]\s*)?{_TIME}?\s*",
    # Agency credits and mastheads standing alone: "(Yonhap News)", "AP", "By Yonhap News".
    rf"(?i)[\(\[]?\s*(?:by\s+|source\s*:\s*|출처\s*[:=]?\s*)?{_AGENCIES}\s*[\)\]]?\.?",
    # "(서울=연합뉴스) 홍길동 기자 =" with nothing after it.
    rf"[\(\[][^\)\]]{{1,20}}=[^\)\]]{{1,20}}[\)\]]\s*(?:{_KOREAN_NAME}\s*)?(?:기자|특파원)?\s*=?\s*",
    # Copyright lines.
    r"(?i)\W*(?:copyright|ⓒ|©|\(c\)|저작권자).{0,100}",
    r"(?i).{0,100}(?:all\s+rights\s+reserved|무단\s*전재|재배포\s*금지).{0,20}",
    # Share buttons and page furniture.
    r"(?i)(?:link\s+copied|copy\s+link|share(?:\s+this(?:\s+article)?)?|print|e-?mail|tweet|facebook|twitter|"
    r"kakao(?:talk|story)?|font\s+size|related\s+(?:articles?|news|stories)|more\s+news|top\s+stories|"
    r"advertisement|관련\s*기사|관련\s*뉴스|링크\s*복사|공유하기|기사\s*공유|프린트|인쇄|이메일|글자\s*크기|"
    r"광고|많이\s*본\s*뉴스|주요\s*뉴스|닫기|구독|구독하기|좋아요|댓글|맨\s*위로)\s*",
    # Photo and graphic captions.
    r"(?i)\s*[\[\(<]\s*(?:사진|그래픽|영상|표|photo|graphic|video|image|picture)\s*[^\]\)>]*[\]\)>].*",
    r"(?i)\s*(?:사진|그래픽|photo|image)\s*[=:].*",
    # An e-mail address or URL standing alone, with at most a name before it.
    r"(?i).{0,40}(?:[\w.+-]+@[\w-]+\.[\w.-]+|https?://\S+|www\.\S+)\s*",
]
_RULES_EN = [
    # Bylines: "By", "By Kim Yoon-mi", "By Peter Bint and Lee Ji-yoon (email)".
    r"By(?:\s+[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,3}(?:\s*(?:,|and)\s*[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,3})*)?\s*(?:\(.*\))?\s*",
    r"(?i)(?:staff\s+(?:writer|reporter)|correspondent|contributing\s+writer)\s*",
]
_RULES_KO = [
    # Bylines: "홍길동 기자", "홍길동 특파원 hong@yna.co.kr", "글 홍길동", "기자 ="
    rf"(?:{_KOREAN_NAME}\s*)?(?:기자|특파원|객원기자|논설위원|편집위원)\s*=?\s*\S*@?\S*\s*",
    rf"(?:글|사진|정리)\s*[=:·]?\s*{_KOREAN_NAME}(?:\s*기자)?\s*",
]


def _one_of(rules: list[str]) -> re.Pattern[str]:
    """One expression that matches what any rule matches: a line is scanned once, not per rule."""
    return re.compile("|".join(f"(?i:{rule[4:]})" if rule.startswith("(?i)") else f"(?:{rule})" for rule in rules))


_KOREAN_NOISE = _one_of(_RULES_ANY + _RULES_KO)
_ENGLISH_NOISE = _one_of(_RULES_ANY + _RULES_EN)


def is_boilerplate(line: str, lang: str) -> bool:
    """True if ``line`` (one line or sentence of a ``lang`` document) is page noise.

    >>> is_boilerplate("Published : Oct. 5, 2011 - 16:28", "en")
    True
    >>> is_boilerplate("(Yonhap News)", "en"), is_boilerplate("Yonhap News reported it.", "en")
    (True, False)
    >>> is_boilerplate("피터빈트", "en"), is_boilerplate("저작권자(c) 연합뉴스, 무단 전재-재배포 금지", "ko")
    (True, True)
    """
    text = line.strip()
    if not text or _SYMBOLS_ONLY.fullmatch(text):
        return True
    text = _BULLETS.sub("", text)
    if (_KOREAN_NOISE if lang == "ko" else _ENGLISH_NOISE).fullmatch(text):
        return True
    return _is_stray_script(text, lang)


def _is_stray_script(text: str, lang: str) -> bool:
    """A short line in the other script (a Korean name on an English page, and the reverse).

    Long lines in the other script are kept: a Korean article may quote a whole English sentence.
    """
    if lang not in ("ko", "en") or len(text.split()) > 4:  # the cheap test first: most lines are long
        return False
    return script_of(text) != lang and not re.search(r"[.!?。]\s*$", text)

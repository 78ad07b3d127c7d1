"""Harder versions of the alignment dev documents, to check that the aligner generalises.

Each variant rewrites the documents (``id``, ``ko``, ``en``, ``gold``) and rebuilds the gold
beads, deterministically (a fixed random seed), so scores on them can be compared run to run:

* ``merged``: a third of neighbouring translated beads joined into one on one side (or, now and
  then, on both), as an editor merges sentences: many more 2-1 and 1-2 beads, some 3-1 and 1-3;
* ``north``: common words respelled the North's way anywhere in a word (노동 → 로동, 여성 → 녀성,
  이명박 → 리명박) and English names the North's way (Lee → Ri, Kim Jong-il → Kim Jong Il);
* ``spacing``: a third of the spaces between Korean words dropped (김정은 동지께서는 → 김정은동지께서는);
* ``all``: the three together.

Used by ``align_eval.py --variant NAME``.
"""

from __future__ import annotations

import random
import re

Bead = tuple[list[str], list[str]]

# South → North spellings of common Sino-Korean words (initial ㄹ and ㄴ kept, 두음법칙 not applied).
NORTH_SPELLINGS = {
    "노동": "로동", "여성": "녀성", "역사": "력사", "이용": "리용", "내일": "래일", "노인": "로인", "연합": "련합",
    "영도": "령도", "이론": "리론", "여자": "녀자", "이해": "리해", "이유": "리유", "낙원": "락원", "노력": "로력",
    "이익": "리익", "영토": "령토", "이사": "리사", "양국": "량국", "예의": "례의", "이상": "리상", "연결": "련결",
    "영향": "령향", "노선": "로선", "이념": "리념", "양측": "량측", "이후": "리후", "연설": "련설", "예산": "례산",
    "요리": "료리", "이명박": "리명박", "이산": "리산", "내부": "래부",
}  # fmt: skip
_HYPHENATED_GIVEN_NAME = re.compile(r"\b([A-Z][a-z]+)-([a-z]+)\b")
_SPACE_BETWEEN_HANGUL = re.compile(r"(?<=[\uac00-\ud7a3]) (?=[\uac00-\ud7a3])")


def beads_of(doc: dict) -> list[Bead]:
    return [([doc["ko"][i] for i in k], [doc["en"][j] for j in e]) for k, e in doc["gold"]]


def document(doc_id: str, beads: list[Bead]) -> dict:
    ko: list[str] = []
    en: list[str] = []
    gold = []
    for k, e in beads:
        gold.append([list(range(len(ko), len(ko) + len(k))), list(range(len(en), len(en) + len(e)))])
        ko += k
        en += e
    return {"id": doc_id, "ko": ko, "en": en, "gold": gold}


def merged(doc: dict, rng: random.Random, share: float = 1 / 3) -> dict:
    beads, out, i = beads_of(doc), [], 0
    while i < len(beads):
        (k, e), following = beads[i], beads[i + 1] if i + 1 < len(beads) else ([], [])
        if k and e and following[0] and following[1] and rng.random() < share:
            side = rng.random()
            if side < 0.45:
                out.append(([" ".join(k + following[0])], e + following[1]))
            elif side < 0.9:
                out.append((k + following[0], [" ".join(e + following[1])]))
            else:
                out.append(([" ".join(k + following[0])], [" ".join(e + following[1])]))
            i += 2
        else:
            out.append((k, e))
            i += 1
    return document(doc["id"], out)


def north(doc: dict, rng: random.Random) -> dict:
    def korean(text: str) -> str:
        for south, northern in NORTH_SPELLINGS.items():
            text = text.replace(south, northern)
        return text

    def english(text: str) -> str:
        text = _HYPHENATED_GIVEN_NAME.sub(lambda m: f"{m.group(1)} {m.group(2).capitalize()}", text)
        return re.sub(r"\bLee\b", "Ri", text)

    return {**doc, "ko": [korean(t) for t in doc["ko"]], "en": [english(t) for t in doc["en"]]}


def spacing(doc: dict, rng: random.Random, share: float = 1 / 3) -> dict:
    drop = lambda m: "" if rng.random() < share else " "  # noqa: E731
    return {**doc, "ko": [_SPACE_BETWEEN_HANGUL.sub(drop, t) for t in doc["ko"]]}


VARIANTS = {
    "merged": merged,
    "north": north,
    "spacing": spacing,
    "all": lambda doc, rng: spacing(north(merged(doc, rng), rng), rng),
}


def variant(docs: list[dict], name: str) -> list[dict]:
    """The documents rewritten by variant ``name`` (the same every run)."""
    rng = random.Random(11)
    return [VARIANTS[name](doc, rng) for doc in docs]

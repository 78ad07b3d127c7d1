"""How glossary mentions are carried through the model: chosen per model by a self-test.

Before decoding, each glossary mention in a source sentence is replaced by a form the model
should copy unchanged: either the target rendering itself (*inline*: the model sees real words
and can build the sentence around them) or a placeholder such as ``ZXQ1`` (restored after
decoding). Models differ: Argos models are known to mangle unusual tokens, and some rewrite
foreign words. So when a package is installed, :func:`choose_protection` runs each candidate
through the model in a few short sentences and records which ones came through intact; the first
candidate that always survived is used.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from diglot.paths import home_dir
from diglot.translate.store import InstalledPackage

INLINE = "inline"
# Placeholder shapes, in order of preference: all-Latin capitals with a digit survive most
# SentencePiece vocabularies; bracketed numbers are a fallback.
PLACEHOLDERS = ("ZXQ{n}", "[{n}]", "#{n}#")
CANDIDATES = (INLINE,) + PLACEHOLDERS

# Short news sentences with a slot for the protected form, per source language.
_FRAMES = {
    "ko": ("{x} 관계자는 이날 기자회견에서 이같이 밝혔다.", "정부는 {x} 문제를 논의하기 위해 회의를 열었다.", "그는 {x}에 대해 우려를 표명했다."),
    "en": ("An official of {x} said so at a news conference on Monday.", "The government met to discuss {x}.", "He voiced concern about {x}."),
}
_RENDERINGS = {
    "en": ("Commission to Help North Korean Refugees", "forced repatriation", "Kim Sung-hwan"),
    "ko": ("북한난민구호위원회", "강제북송", "김성환"),
}


@dataclass(frozen=True)
class Protection:
    """The result of a model's self-test: the form used, and how every candidate fared."""

    method: str  # INLINE or a placeholder pattern
    passed: dict[str, float] = field(default_factory=dict)  # candidate → share of test sentences kept

    @property
    def is_placeholder(self) -> bool:
        return self.method != INLINE

    def placeholder(self, number: int) -> str:
        return self.method.format(n=number)

    def pattern(self) -> re.Pattern[str]:
        """Finds this placeholder in output, tolerating spaces the model put inside it."""
        head, tail = self.method.split("{n}")
        spaced = lambda s: r"\s*".join(re.escape(c) for c in s)  # noqa: E731
        return re.compile(spaced(head) + r"\s*(\d+)\s*" + spaced(tail) if tail else spaced(head) + r"\s*(\d+)")

    def as_dict(self) -> dict:
        return {"method": self.method, "passed": self.passed}

    @classmethod
    def from_dict(cls, raw: dict) -> "Protection | None":
        """The protection recorded in ``raw``; None when ``raw`` is not a record of one."""
        if not isinstance(raw, dict) or raw.get("method") not in CANDIDATES or not isinstance(raw.get("passed"), dict):
            return None
        passed = {c: float(v) for c, v in raw["passed"].items() if c in CANDIDATES and isinstance(v, (int, float))}
        return cls(raw["method"], passed)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def self_test(engine, from_code: str, to_code: str) -> dict[str, float]:
    """Share of test sentences in which each candidate came through the engine intact."""
    frames = _FRAMES.get(from_code, _FRAMES["en"])
    renderings = _RENDERINGS.get(to_code, _RENDERINGS["en"])
    probes: list[tuple[str, str, str]] = []  # candidate, source, what must appear in the output
    for candidate in CANDIDATES:
        for number, (frame, rendering) in enumerate(zip(frames, renderings), start=1):
            form = rendering if candidate == INLINE else candidate.format(n=number)
            probes.append((candidate, frame.format(x=form), form))
    outputs = engine.translate([source for _, source, _ in probes])
    kept: dict[str, list[bool]] = {}
    for (candidate, _, form), decoded in zip(probes, outputs):
        kept.setdefault(candidate, []).append(_squash(form) in _squash(decoded.text))
    return {candidate: sum(flags) / len(flags) for candidate, flags in kept.items()}


def choose(passed: dict[str, float]) -> Protection:
    """The first candidate that always survived; else the one that survived most often."""
    for candidate in CANDIDATES:
        if passed.get(candidate, 0) >= 1.0:
            return Protection(candidate, passed)
    best = max(CANDIDATES, key=lambda c: (passed.get(c, 0), -CANDIDATES.index(c)))
    return Protection(best, passed)


def choose_protection(package: InstalledPackage) -> Protection:
    """Run the self-test on one installed package with the default engine (beam 2, quick)."""
    from diglot.translate.engines.base import EngineOptions
    from diglot.translate.engines.ctranslate2 import CTranslate2Engine

    engine = CTranslate2Engine([package], EngineOptions(beam_size=2, max_decoding_length=64))
    return choose(self_test(engine, package.from_code, package.to_code))


def protection_for(route: list[InstalledPackage]) -> Protection:
    """The protection to use along a route: what each package recorded at install, or, for a
    package diglot did not install (Argos Translate's own folder) or whose record is unreadable,
    what its self-test found the first time it was used (:func:`remembered_protection`)."""
    results = []
    for package in route:
        recorded = Protection.from_dict(package.meta().get("protection"))
        results.append(recorded or remembered_protection(package))
    if len(results) == 1:
        return results[0]
    # A pivot: the candidate that fared worst along the chain decides.
    passed = {c: min(r.passed.get(c, 0) for r in results) for c in CANDIDATES}
    return choose(passed)


def remembered_protection(package: InstalledPackage) -> Protection:
    """The self-test result of a package diglot did not install, kept in diglot's own data folder
    (``protection.json``; the package's folder belongs to Argos Translate and is left alone), so
    the test runs once per package, and again only when its model files change."""
    from diglot.textio import atomic_write

    package.check_files()
    path = home_dir() / "protection.json"
    prefix = f"{package.path.resolve()}|{package.id}|"
    key = prefix + _files_stamp(package.ct2_model_dir)
    try:
        remembered = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        remembered = {}
    if not isinstance(remembered, dict):
        remembered = {}
    recorded = Protection.from_dict(remembered.get(key))
    if recorded:
        return recorded
    protection = choose_protection(package)
    remembered = {k: v for k, v in remembered.items() if not k.startswith(prefix)}  # an older copy of it
    remembered[key] = protection.as_dict()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(remembered, ensure_ascii=False, indent=2))
    except OSError:
        pass  # a read-only home: the test runs again next time, nothing else is lost
    return protection


def _files_stamp(folder) -> str:
    """Sizes and modification times of the files of a model folder: changes when it is replaced."""
    return ";".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(folder.iterdir()) if p.is_file())

"""Glossary check of one source/target pair: was each term rendered the house way?

For every source-side mention of an entry, the target is searched for the entry's forms in the
target language (:class:`diglot.glossary.Matcher` handles plurals, possessives, Korean particles,
spacing and case), and the mention gets a status: ``ok``, ``variant``, ``forbidden`` or
``missing``. Source mentions and target renderings of an entry are paired in text order.
A source that names an entry more often than its translation does (a pronoun, an ellipsis) is
not ``missing``: the surplus mentions share the last rendering. A forbidden rendering in the target
is reported even where the source does not name the entry. An English word built on the expected
one counts as rendered: a place's adjective (``North Korean``, ``South Koreans`` for 북한, 한국) and
an action noun's verb (``deports``, ``repatriated``, ``defected`` for 추방, 송환, 탈북).

The glossary's adjective and accepted forms (``Chinese`` for 중국, ``Seoul`` for the government)
render an entry anywhere; its short references (``the North``) render it too, and
:func:`diglot.check.document.check_document` reports one that comes before the entry's first
full mention of the document. A source mention in an English dateline (``BEIJING, China (CNN)``)
asks for no rendering: translations leave datelines out. A variant inside a direct quotation is
reported, but marked: ``--fix`` does not rewrite quoted speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import diglot.check.statuses as statuses
from diglot.doc import Finding
from diglot.check.fix import refusal
from diglot.check.quotes import in_quotation
from diglot.glossary import ACCEPTED, ADJECTIVE, FORBIDDEN, PREFERRED, REFERENCE, VARIANT, Entry, Glossary, Matcher, Mention
from diglot.glossary.match import search_key
from diglot.hangul import SYLLABLES
from diglot.i18n import _

# Kinds of rendering that satisfy an entry (a reference only after its first full mention).
RENDERING_KINDS = (PREFERRED, ADJECTIVE, ACCEPTED, REFERENCE)
_STATUS_OF_KIND = {
    **{kind: statuses.OK for kind in RENDERING_KINDS},
    VARIANT: statuses.VARIANT,
    FORBIDDEN: statuses.FORBIDDEN,
}
# A Korean word right after a place name (중국 정부); the particles that make a name a word of its own (중국은).
_KOREAN_NOUN_AFTER = re.compile(f"^ [{SYLLABLES}]")
# A noun phrase after a genitive 의: a word, or a figure with its counter (일본의 20대 여성).
_GENITIVE_NOUN_AFTER = re.compile(f"^ (?:[{SYLLABLES}]|[0-9][0-9,.]*[{SYLLABLES}])")
_PARTICLE = re.compile(r"^(?:은|는|이|가|을|를|에|에서|에게|의|과|와|도|만|로|으로|까지|부터|이라|라|측|간|이나|나|보다|처럼)")
_POSSESSIVE = re.compile("['’]s?")
_ENGLISH_WORD_AFTER = re.compile(r" [A-Za-z]")
# A place as the attribute of an institution: "the Seoul court", "the Beijing government" (법원, 정부).
_THE_BEFORE = re.compile(r"(?<![A-Za-z])[Tt]he $")
_INSTITUTION_AFTER = re.compile(
    r" (?:court|courts|government|regime|administration|authorities|embassy|consulate|office|bureau|"
    r"police|prosecutors?|military|army|leadership|parliament|legislature|city council|city government)(?![A-Za-z])"
)
# The capitalised words next to a mention that make it part of a longer name (Central America).
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Za-z][a-z]+) $")
_WORD_AFTER = re.compile(r" ([A-Za-z][a-z]+)(?![A-Za-z])")
# A name joined to a mention by "of" makes a longer name too: the United States *of America*, the
# Council *of Ministers* (Iraq's cabinet, not the Security Council), the Bank *of Korea*.
_NAME_OF_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Z][a-z]+) of $")
_NEAR = 80  # how far before a mention those words are looked for: longer than any word
_OF_NAME_AFTER = re.compile(r" of ([A-Z][a-z]+)(?![A-Za-z])")
# The words before "of" that name the state itself (the Republic of Korea, the Government of Japan).
_NAMES_OF_A_STATE = {"Republic", "Government", "State", "Kingdom"}
_NOT_NAME_WORDS = {
    "The", "A", "An", "In", "On", "At", "Of", "For", "From", "To", "With", "By", "And", "But", "As", "If", "When",
    "While", "After", "Before", "Both", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "President", "Prime", "Minister", "Foreign", "Secretary", "Sen", "Rep", "Gov", "Gen", "Mr", "Mrs", "Ms", "Dr",
}  # fmt: skip
# An English dateline: "BEIJING, China (CNN)", "SEOUL (Yonhap)".
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]+(?:,\s[A-Z][A-Za-z .'-]+)*\s*\((?:CNN|AP|AFP|Reuters|Yonhap|UPI|dpa|Xinhua)\)"
)


def checkable(glossary: Glossary, entry_id: str, tgt_lang: str) -> bool:
    """An approved entry with a rendering in the target language."""
    entry = glossary.get(entry_id)
    return entry is not None and entry.status == "approved" and tgt_lang in entry.langs


def target_mentions(text: str, lang: str, matcher: Matcher) -> list[Mention]:
    """The mentions of approved entries in ``text`` (in ``lang``): the renderings a check looks at."""
    found = matcher.find(text, lang)
    by_entry = _by_entry(found)
    return [
        m
        for m in found
        if checkable(matcher.glossary, m.entry, lang)
        and not (m.kind != PREFERRED and in_longer_name(text, m, lang, by_entry[m.entry]))
        and not plural_place(m, lang, matcher.glossary)
    ]


def _by_entry(mentions: list[Mention]) -> dict[str, list[Mention]]:
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.entry, []).append(mention)
    return grouped


def plural_place(mention: Mention, lang: str, glossary: Glossary) -> bool:
    """A place's English name in the plural names no one place: *the two Koreas*, *the Americas*."""
    entry = glossary.get(mention.entry)
    return lang == "en" and mention.suffix in ("s", "es") and entry is not None and entry.type == "place"


def in_longer_name(text: str, mention: Mention, lang: str, same_entry: Sequence[Mention] = ()) -> bool:
    """An English mention inside a longer proper name, which is another entity: *America* in
    *Central America*, *Seoul* in *the Seoul Central District Court*, *South* in *The South China
    Morning Post* (a capitalised word right before or after it, other than a sentence's first word
    and a title), *the Council* in *the Council of Ministers* (a capitalised word after "of", unless
    it begins another mention of the same entry, ``same_entry``: *United States* in *the United
    States of America* stays), *Korea* in *the Bank of Korea* (a capitalised word before "of",
    unless it names the state itself: *the Republic of Korea*; so *America* in *the United States of
    America* is the tail of a name already counted). Such a source mention asks for no rendering,
    and such a target mention of a form other than the preferred one is no variant or reference."""
    if lang != "en" or _is_headline(text):
        return False
    near = max(0, mention.start - _NEAR)  # the words next to it, not the whole line for each mention
    before = _WORD_BEFORE.search(text, near, mention.start)
    after = None if mention.suffix else _WORD_AFTER.match(text, mention.end)  # China's Xinhua: a possessive
    if after and after.group(1)[0].isupper() and after.group(1) not in _NOT_NAME_WORDS:
        return True
    if before and before.group(1)[0].isupper() and before.group(1) not in _NOT_NAME_WORDS and before.start() > 0:
        return True
    of_before = _NAME_OF_BEFORE.search(text, near, mention.start)
    if of_before and of_before.group(1) not in _NOT_NAME_WORDS | _NAMES_OF_A_STATE:
        return True
    of_after = None if mention.suffix else _OF_NAME_AFTER.match(text, mention.end)
    return bool(
        of_after and of_after.group(1) not in _NOT_NAME_WORDS and not any(m.start == of_after.start(1) for m in same_entry)
    )


def check_terms(
    source_text: str,
    target_text: str,
    src_lang: str,
    tgt_lang: str,
    matcher: Matcher,
    bead: int | None = None,
) -> list[Finding]:
    """One finding per source mention of a glossary entry (and per forbidden target rendering).

    Spans are offsets into ``source_text`` and ``target_text`` (NFC, as
    :func:`diglot.textio.read_text` gives them); a target span covers the term without its
    suffix (plural, possessive, particle), which is what ``--fix`` replaces.
    """
    sources: dict[str, list[Mention]] = {}
    dateline = _DATELINE.match(source_text) if src_lang == "en" else None
    found = matcher.find(source_text, src_lang)
    by_entry = _by_entry(found)
    for mention in found:
        same_entry = by_entry[mention.entry]
        if (
            dateline
            and mention.start < dateline.end()
            or in_longer_name(source_text, mention, src_lang, same_entry)
            or plural_place(mention, src_lang, matcher.glossary)
        ):
            continue
        if checkable(matcher.glossary, mention.entry, tgt_lang):
            sources.setdefault(mention.entry, []).append(mention)
    targets: dict[str, list[Mention]] = {}
    for mention in target_mentions(target_text, tgt_lang, matcher):
        targets.setdefault(mention.entry, []).append(mention)

    findings = []
    for entry_id in dict.fromkeys([*sources, *targets]):
        expected = matcher.glossary.get(entry_id).langs[tgt_lang].preferred  # type: ignore[union-attr]
        src, tgt = sources.get(entry_id, []), targets.get(entry_id, [])
        if not tgt:
            entry = matcher.glossary.get(entry_id)
            derived = (
                derived_rendering(target_text, entry, tgt_lang)  # type: ignore[arg-type]
                or _copied(src, target_text, tgt_lang)
                or _metonym_rendering(src, source_text, target_text, targets, matcher.glossary, src_lang, tgt_lang)
            )
            if derived:
                findings.extend(_derived(m, derived, expected, bead) for m in src)
            else:
                findings.extend(
                    _missing(m, expected, bead, entry.type) for m in src if not qualifier(m, source_text, src_lang, entry)  # type: ignore[arg-type, union-attr]
                )
            continue
        for i in range(max(len(src), len(tgt))):
            s = src[min(i, len(src) - 1)] if src else None
            t = tgt[min(i, len(tgt) - 1)]
            if i >= len(src) and t.kind in RENDERING_KINDS or not src and t.kind != FORBIDDEN:
                continue  # a further rendering of a term already checked, or an unasked-for variant
            findings.append(_rendered(s, t, expected, bead, target_text, matcher.glossary, tgt_lang))
    findings.sort(key=_order)
    return findings


def _missing(source: Mention, expected: str, bead: int | None, entry_type: str) -> Finding:
    """A source mention with no rendering: a warning for a name, a note for a term a translation
    may paraphrase (:func:`diglot.check.statuses.missing_severity`)."""
    return Finding(
        status=statuses.MISSING,
        bead=bead,
        entry=source.entry,
        expected=expected,
        found=None,
        src_span=(source.start, source.end),
        message=_("{source} is not rendered; expected {expected}").format(source=source.text, expected=expected),
        severity=statuses.missing_severity(entry_type),
    )


def qualifier(mention: Mention, text: str, lang: str, entry: Entry) -> bool:
    """A place named only to qualify another noun, which translations often leave implicit:
    Korean ``중국 정부``, ``미국 텍사스주``, ``베이징올림픽`` (the name right before another noun, no
    particle) and ``미국의 인종문제`` (a genitive before a noun: "the country's race problems"), English ``a South Korean lobbyist`` (an adjective form) and ``Seoul's foreign
    ministry`` (a possessive before a noun)."""
    if entry.type != "place":
        return False
    if lang == "en":
        if mention.kind == ADJECTIVE or not mention.suffix and _THE_BEFORE.search(text, 0, mention.start) and _INSTITUTION_AFTER.match(text, mention.end):
            return True
        return bool(_POSSESSIVE.fullmatch(mention.suffix) and _ENGLISH_WORD_AFTER.match(text, mention.end + len(mention.suffix)))
    after = text[mention.end :]
    if mention.suffix == "의":  # a genitive before a noun (미국의 차별철폐 조치), as "Seoul's foreign ministry"
        return bool(_GENITIVE_NOUN_AFTER.match(text[mention.end + 1 :]))
    if mention.suffix:  # glued Hangul after the name: a particle (중국은) or a compound (베이징올림픽)
        return not _PARTICLE.match(mention.suffix)
    return bool(_KOREAN_NOUN_AFTER.match(after))


@lru_cache(maxsize=64)  # asked once for each mention of a line
def _is_headline(text: str) -> bool:
    """Title case: most words capitalised (China Halts Forcible Repatriation), names tell nothing."""
    words = re.findall(r"[A-Za-z]+", text)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def derived_rendering(text: str, entry: Entry, lang: str) -> re.Match[str] | None:
    """A rendering the glossary does not list but the language makes of it. English: a word built
    on one of the entry's forms, a place's adjective or demonym (North Korean(s), Korea-based) or
    the verb of an action noun (deport(s|ed|ing) for deportation, repatriate(d) for repatriation,
    defect(ed) for defection). Korean: a country's one-syllable short name (:func:`_korean_short`)
    and a name written in Latin letters (:func:`_latin_in_korean`)."""
    if lang == "ko":
        return _korean_short(text, entry) or _latin_in_korean(text, entry)
    if lang != "en" or entry.type not in ("place", "term"):
        return None
    terms = entry.langs[lang]
    for form in (terms.preferred, *terms.variants):
        for stem in [form] if entry.type == "place" else _verbs(form):
            pattern = r"(?<![A-Za-z])" + r"[\s\-]*".join(map(re.escape, search_key(stem)))
            pattern += r"[a-z]+" if entry.type == "place" else r"(?:s|es|d|ed|ing)?(?![A-Za-z])"
            match = re.search(pattern, text, 0 if terms.is_case_sensitive(form) else re.IGNORECASE)
            if match:
                return match
    return None


# The one syllable Korean copy shortens a country's name to, in compounds and before a noun.
_KOREAN_SHORT_NAMES = {"미국": "미", "북한": "북", "한국": "한남", "일본": "일", "중국": "중", "러시아": "러"}
_SHORT_SYLLABLES = "".join(_KOREAN_SHORT_NAMES.values())
# Two or three short names: joined by a hyphen or a middle dot (한-미, 북·미), or glued as a word
# of their own (한미 FTA, 한중일); the names themselves (북한, 남한), 남미 (South America) and
# 남북 (inter-Korean: the relation, not a country) are not such compounds.
_SHORT_COMPOUND = re.compile(
    f"(?<![{SYLLABLES}])[{_SHORT_SYLLABLES}](?:[-·]?[{_SHORT_SYLLABLES}]){{1,2}}(?=[-·]?(?:간|의|은|는|이|가|과|와|[^{SYLLABLES}]|$))"
)
_NOT_SHORT_COMPOUNDS = {"북한", "남한", "남미", "중남미", "한국", "중국", "남북"}


def _korean_short(text: str, entry: Entry) -> re.Match[str] | None:
    """A country named by its one-syllable short name, as Korean copy writes it: in a compound of
    such names (한미 FTA, 한-미, 북·미, 한중일), glued before 군, 측 or 핵 (미군, 남측, 북핵), 미 before
    대사 (미대사관: the U.S. embassy), 미군 after 주 and a country (주한미군: U.S. Forces Korea),
    after 방 (방한, 방미), or 미 and 북 after 대 (대북, 대미) and as a word of their own before a
    noun (미 국무장관, 북 당국)."""
    syllables = _KOREAN_SHORT_NAMES.get(entry.langs["ko"].preferred, "") if "ko" in entry.langs else ""
    if not syllables:
        return None
    for match in _SHORT_COMPOUND.finditer(text):
        if match.group().replace("-", "").replace("·", "") not in _NOT_SHORT_COMPOUNDS and set(syllables) & set(match.group()):
            return match
    alone = "".join(c for c in syllables if c in "미북")
    patterns = [f"(?<![{SYLLABLES}])[{syllables}](?:군|측|핵)", f"(?<![{SYLLABLES}])방[{syllables}](?![{SYLLABLES}])"]
    if "미" in syllables:  # the U.S. embassy and ambassador: 주한 미대사관, 미대사 (중대사 is "a grave matter")
        patterns.append(f"(?<![{SYLLABLES}])미대사")
        # U.S. forces stationed in a country: 주한미군, 주일미군 (after 주 and a one- or two-syllable name)
        patterns.append(f"(?<=(?<![{SYLLABLES}])주[{SYLLABLES}])미군|(?<=(?<![{SYLLABLES}])주[{SYLLABLES}]{{2}})미군")
    if alone:
        patterns.append(f"(?<![{SYLLABLES}])대[{alone}](?![{SYLLABLES}])")
        patterns.append(f"(?<![{SYLLABLES}])[{alone}](?= [{SYLLABLES}])")
    return re.search("|".join(patterns), text)


def _latin_in_korean(text: str, entry: Entry) -> re.Match[str] | None:
    """A name Korean copy writes in Latin letters: the entry's English short form or preferred
    form in a Korean text (UN은, IAEA의)."""
    if "en" not in entry.langs:
        return None
    terms = entry.langs["en"]
    for form in filter(None, (terms.short, terms.preferred)):
        match = re.search(f"(?<![A-Za-z]){re.escape(form)}(?![A-Za-z])", text)
        if match:
            return match
    return None


def _copied(sources: list[Mention], text: str, lang: str) -> re.Match[str] | None:
    """An English mention kept as written in Latin letters in a Korean translation (Washington이다)."""
    if lang != "ko":
        return None
    for mention in sources:
        match = re.search(f"(?<![A-Za-z]){re.escape(mention.text)}(?![A-Za-z])", text)
        if match:
            return match
    return None


# A country named as the one that acts or owns (북한은, 중국의 / North Korea said, China's), or
# "the government" standing alone at the head of a clause (정부는 / The government): what a capital
# named for its government becomes in translation.
_ACTOR_PARTICLES = "(?:은|는|이|가|의|측|도)"
# The country as the place gone to (go to Pyongyang = 북한을 방문, 북한에 가다): a visit to the
# capital is a visit to the country; a place merely named (중국에서) is not taken for the city.
_GONE_TO = re.compile(r"(?:을|를) ?방문|(?:에|으로|로) ?(?:가|간|갈|갔|오|온|왔|도착|향)")
_CLAUSE_HEAD = re.compile(r"(?:^|[,\"“‘'(]\s?)$")
_GOVERNMENT = {
    "ko": re.compile(f"(?:^|(?<=[,\"“‘'(] )|(?<=[,\"“‘'(]))(?:정부|당국){_ACTOR_PARTICLES}?(?![{SYLLABLES}])"),
    "en": re.compile(r"(?:^|(?<=[,\"“‘'(] )|(?<=[,\"“‘'(]))[Tt]he (?:government|authorities|regime)\b"),
}


def _metonym_rendering(
    sources: list[Mention], source: str, target: str, targets: dict[str, list[Mention]], glossary: Glossary, src_lang: str, tgt_lang: str
) -> re.Match[str] | None:
    """A capital named for its country's government (*Seoul urges China*, *Pyongyang said*: the
    city is an accepted form of the country's entry) is rendered by the country as the one that
    acts or owns (북한은, 북한의; a demonym in English), as the place gone to (북한을 방문), or by
    the government or authorities at the head of a clause (정부는, 당국은)."""
    names = {m.text.lower() for m in sources}
    heading = {m.entry for m in sources if _CLAUSE_HEAD.search(source, 0, m.start)}
    for country in glossary:
        terms = country.langs.get(src_lang)
        if not terms or not terms.accepted:
            continue
        if country.id in heading and tgt_lang in country.langs:
            # the country heading its clause is its government acting (South Korea will propose = 정부는)
            return _GOVERNMENT[tgt_lang].search(target)
        if not names & {form.lower() for form in terms.accepted}:
            continue
        for rendering in targets.get(country.id, []):
            if tgt_lang == "en" or re.match(_ACTOR_PARTICLES, rendering.suffix) or _GONE_TO.match(target, rendering.end):
                return re.compile(re.escape(rendering.text)).search(target, rendering.start)
        return derived_rendering(target, country, tgt_lang) or _GOVERNMENT[tgt_lang].search(target)
    return None


def _verbs(noun: str) -> list[str]:
    """The verbs an English action noun may come from: deportation → deport, repatriation →
    repatriate, defection → defect (none for other nouns)."""
    if " " in noun or not noun.endswith("ion"):
        return []
    candidates = [noun[: -len("ation")]] if noun.endswith("ation") else []
    candidates += [noun[: -len("ion")], noun[: -len("ion")] + "e"]
    return [verb for verb in candidates if len(verb) >= 4]


def _derived(source: Mention, match: re.Match[str], expected: str, bead: int | None) -> Finding:
    return Finding(
        status=statuses.OK,
        bead=bead,
        entry=source.entry,
        expected=expected,
        found=match.group(),
        src_span=(source.start, source.end),
        tgt_span=match.span(),
        message=_("{found} renders {source}").format(found=match.group(), source=source.text),
    )


def _rendered(
    source: Mention | None,
    target: Mention,
    expected: str,
    bead: int | None,
    text: str,
    glossary: Glossary,
    lang: str,
) -> Finding:
    status = _STATUS_OF_KIND[target.kind]
    if status == statuses.VARIANT:
        message = _("{found} is an accepted variant; house style prefers {expected}")
    elif status == statuses.FORBIDDEN:
        message = _("{found} is a forbidden rendering; use {expected}")
    elif target.kind == PREFERRED:
        message = _("{found} is the preferred rendering")
    else:
        message = _("{found} renders {source}")
    message = message.format(found=target.text, expected=expected, source=source.text if source else expected)
    if status in statuses.FIXABLE:
        if in_quotation(text, target.start):
            message += " " + _("(in a direct quotation: --fix leaves quoted speech as written)")
        else:
            reason = refusal(text, target.start, target.end, target.entry, glossary, lang)
            if reason:
                message += " " + reason
    return Finding(
        status=status,
        bead=bead,
        entry=target.entry,
        expected=expected,
        found=target.text,
        src_span=(source.start, source.end) if source else None,
        tgt_span=(target.start, target.end),
        message=message,
    )


def _order(finding: Finding) -> tuple[int, int, int]:
    """Source order first; renderings with no source mention after them, in target order."""
    if finding.src_span:
        return (0, finding.src_span[0], finding.tgt_span[0] if finding.tgt_span else -1)
    return (1, finding.tgt_span[0] if finding.tgt_span else 0, 0)

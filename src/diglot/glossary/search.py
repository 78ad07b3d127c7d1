"""Finding glossary entries for a query, as the server's search (the web app's and the API's) does.

>>> from diglot.glossary import Matcher, load_glossary
>>> glossary = load_glossary()
>>> [entry.id for entry in search(glossary, Matcher(glossary), "탈북자들은")][:1]
['north-korean-defector']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diglot.glossary.match import search_key
from diglot.glossary.model import Entry, Glossary

if TYPE_CHECKING:
    from diglot.glossary.match import Matcher

MAX_RESULTS = 50


def search(glossary: Glossary, matcher: Matcher, query: str) -> list[Entry]:
    """Entries for ``query``, best first: the id, a whole form (spacing, hyphens and case aside),
    an entry the matcher finds in the query (a form with its particles), then a part of a form."""
    query = query.strip()
    if not query:
        return []
    key = search_key(query).casefold()
    found: dict[str, Entry] = {}

    def take(entries) -> None:  # noqa: ANN001 - an iterable of entries
        for entry in entries:
            if entry is not None:
                found.setdefault(entry.id, entry)

    take([glossary.get(query)])
    forms = [(entry, [search_key(form).casefold() for terms in entry.langs.values() for form, _k, _s in terms.forms()]) for entry in glossary]
    take(entry for entry, keys in forms if key in keys)
    take(glossary.get(m.entry) for m in matcher.find(query))
    take(entry for entry, keys in forms if key and (any(key in k for k in keys) or key in entry.id))
    return list(found.values())[:MAX_RESULTS]

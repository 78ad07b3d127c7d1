"""Search for entries, as the server's web app and API do: ids, whole forms, forms with particles, parts."""

from diglot.glossary.search import search


def ids(mini_glossary, matcher, query):
    return [entry.id for entry in search(mini_glossary, matcher, query)]


def test_the_id_comes_first_then_whole_forms(mini_glossary, matcher):
    assert ids(mini_glossary, matcher, "refugee")[0] == "refugee"
    assert ids(mini_glossary, matcher, "kim jong il")[0] == "kim-jong-il"  # case, spacing and hyphens aside


def test_a_form_with_its_particle_names_its_entry(mini_glossary, matcher):
    assert ids(mini_glossary, matcher, "탈북자들은") == ["north-korean-defector"]


def test_part_of_a_form_finds_every_entry_holding_it(mini_glossary, matcher):
    assert set(ids(mini_glossary, matcher, "North Korea")) >= {"north-korea", "north-korean-defector"}


def test_an_empty_query_finds_nothing(mini_glossary, matcher):
    assert ids(mini_glossary, matcher, "  ") == []

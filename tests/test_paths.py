"""diglot's own data is found in a source checkout (and, through the same call, in a wheel)."""

from diglot.paths import data_dir


def test_catalogues_and_glossaries_are_found():
    assert (data_dir("locales") / "diglot.pot").is_file()
    assert any(data_dir("glossaries").glob("*.yaml"))

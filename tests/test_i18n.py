"""The CLI speaks English and Korean: every message has a Korean translation, and it is used."""

import importlib.util
import re
from pathlib import Path

import polib
import pytest

from diglot.cli import main
from diglot import i18n
from diglot.i18n import catalogue, language_from_environment, locales_dir, ngettext, set_language

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("update_locales", ROOT / "scripts" / "update_locales.py")
update_locales = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_locales)

PLACEHOLDER = re.compile(r"\{[a-z_]*(?:![rsa])?\}")


def test_every_message_has_a_korean_translation():
    korean = {
        (e.msgid, e.msgid_plural) if e.msgid_plural else e.msgid: e.translated()
        for e in polib.pofile(str(locales_dir() / "ko/LC_MESSAGES/diglot.po"))
    }
    missing = [msgid for msgid in update_locales.extract() if not korean.get(msgid)]
    assert not missing, f"{len(missing)} messages lack Korean (run scripts/update_locales.py): {missing[:5]}"


def test_translations_keep_every_placeholder():
    for msgid, msgstr in catalogue("ko").items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid


def test_catalogues_are_up_to_date():
    assert update_locales.main(["--check"]) == 0


def test_lang_option_gives_korean_output(capsys):
    assert main(["--lang", "ko", "glossary", "lint"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"[\uac00-\ud7a3]", out), out
    assert "entries checked" not in out


def test_korean_lang_environment_switches(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    assert main(["glossary", "show", "no-such-entry"]) == 2
    err = capsys.readouterr().err
    assert re.search(r"[\uac00-\ud7a3]", err) and "no entry has" not in err


def test_korean_help(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "ko", "glossary", "lint", "--help"])
    assert re.search(r"[\uac00-\ud7a3]", capsys.readouterr().out)


@pytest.mark.parametrize(
    ("env", "expected"),
    [({"LANG": "ko_KR.UTF-8"}, "ko"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANGUAGE": "ko:en", "LANG": "C"}, "ko"),
     ({"LC_ALL": "C.UTF-8", "LANG": "ko_KR"}, "en"), ({}, "en")],
)
def test_language_from_environment(env, expected):
    assert language_from_environment(env) == expected


@pytest.fixture
def plural_catalogue(tmp_path, monkeypatch):
    """A Korean catalogue with one plural message, in place of the real one."""
    po = tmp_path / "ko" / "LC_MESSAGES" / "diglot.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        'msgid "{n} finding"\nmsgid_plural "{n} findings"\nmsgstr[0] "발견 {n}건"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "locales_dir", lambda: tmp_path)
    for cached in (i18n._pofile, i18n.catalogue, i18n.plural_catalogue):
        cached.cache_clear()
    yield
    set_language(None)
    for cached in (i18n._pofile, i18n.catalogue, i18n.plural_catalogue):
        cached.cache_clear()


def test_ngettext_english_has_two_forms_korean_one(plural_catalogue):
    set_language("en")
    assert [ngettext("{n} finding", "{n} findings", n).format(n=n) for n in (0, 1, 2)] == [
        "0 findings", "1 finding", "2 findings"
    ]
    set_language("ko")
    assert [ngettext("{n} finding", "{n} findings", n).format(n=n) for n in (0, 1, 5)] == ["발견 0건", "발견 1건", "발견 5건"]
    # An untranslated plural message follows English's rule.
    assert ngettext("{n} bead", "{n} beads", 1) == "{n} bead"
    assert catalogue("ko") == {}  # plural entries are not singular messages


def test_update_locales_extracts_plurals_with_one_korean_form(tmp_path, monkeypatch):
    sources = tmp_path / "src" / "diglot"
    sources.mkdir(parents=True)
    (sources / "m.py").write_text(
        'from diglot.i18n import _, ngettext\n'
        'a = _("wrote {name}")\n'
        'b = ngettext("{n} rendering fixed", "{n} renderings fixed", 2)\n'
        'c = ngettext(singular, plural, 2)  # not literals: not extracted\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(update_locales, "ROOT", tmp_path)
    messages = update_locales.extract(sources)
    assert messages == {"wrote {name}": ["src/diglot/m.py"], ("{n} rendering fixed", "{n} renderings fixed"): ["src/diglot/m.py"]}
    pot = update_locales.template(messages)
    plural = pot.find("{n} rendering fixed")
    assert plural.msgid_plural == "{n} renderings fixed" and sorted(plural.msgstr_plural) == [0, 1]
    korean = polib.POFile()
    korean.append(polib.POEntry(msgid="{n} rendering fixed", msgid_plural="{n} renderings fixed", msgstr_plural={0: "{n}건 고침"}))
    out = update_locales.merged(korean, pot, "ko")
    assert out.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert out.find("{n} rendering fixed").msgstr_plural == {0: "{n}건 고침"}
    assert "msgstr[0]" in str(out) and "msgstr[1]" not in str(out)

"""The CLI speaks English and Korean: every message has a Korean translation, and it is used."""

import importlib.util
import re
from pathlib import Path

import polib
import pytest

from diglot.cli import main
from diglot.i18n import catalogue, language_from_environment, locales_dir

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("update_locales", ROOT / "scripts" / "update_locales.py")
update_locales = importlib.util.module_from_spec(spec)
spec.loader.exec_module(update_locales)

PLACEHOLDER = re.compile(r"\{[a-z_]*(?:![rsa])?\}")


def test_every_message_has_a_korean_translation():
    korean = {e.msgid: e.msgstr for e in polib.pofile(str(locales_dir() / "ko/LC_MESSAGES/diglot.po"))}
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

"""Waivers: accepted findings, keyed by what they are about, kept in a YAML file beside the text."""

import pytest

from diglot.check import Waivers, check_presplit, waivers_path
from diglot.cli import main
from diglot.doc import Finding
from diglot.errors import InputError
from diglot.glossary import Matcher, load_glossary

from .conftest import DATA

VARIANT = Finding(status="variant", entry="united-nations", expected="United Nations", found="U.N.")


def test_added_waivers_are_saved_and_loaded(tmp_path):
    path = tmp_path / "a.en.waivers.yaml"
    waivers = Waivers.load(path)  # no file yet: no waivers
    assert len(waivers) == 0
    waivers.add(VARIANT, "유엔 대표단이 만났다.", note="a headline")
    waivers.add(VARIANT, "유엔 대표단이 만났다.")  # once is enough
    waivers.save()
    again = Waivers.load(path)
    assert len(again) == 1 and again.records[0]["note"] == "a headline"
    assert path.read_text(encoding="utf-8").startswith("# Findings accepted")
    assert again.dismisses(VARIANT, "유엔  대표단이 만났다. ")  # white space does not matter
    assert not again.dismisses(VARIANT, "유엔 대표단이 떠났다.")  # another sentence
    forbidden = Finding(status="forbidden", entry="united-nations", expected="United Nations", found="U.N.")
    assert not again.dismisses(forbidden, "유엔 대표단이 만났다.")  # another status


def test_number_findings_are_keyed_by_their_number():
    waivers = Waivers(path=None)
    waivers.add(Finding(status="number-missing", expected="10"), "10일 후에 만난다")
    assert waivers.dismisses(Finding(status="number-missing", expected="10"), "10일 후에 만난다")
    assert not waivers.dismisses(Finding(status="number-missing", expected="11"), "10일 후에 만난다")


def test_a_waived_finding_is_dismissed_and_counted():
    matcher = Matcher(load_glossary([DATA / "renderings.yaml"]))
    waivers = Waivers(path=None)
    report = check_presplit("유엔 대표단\n", "The U.N. delegation\n", "ko", "en", matcher, waivers=waivers)
    [finding] = report.problems
    waivers.add(finding, report.source_of(finding))
    report = check_presplit("유엔 대표단\n", "The U.N. delegation\n", "ko", "en", matcher, waivers=waivers)
    assert report.problems == [] and len(report.dismissed) == 1 and not report.failed


@pytest.mark.parametrize(
    "content, message",
    [
        ("waivers: [1, 2]\n", "expected 'waivers:'"),
        ("waivers: [\n", "malformed YAML"),
        ("- a\n", "expected 'waivers:'"),
        ("waivers: []\nwaivers: []\n", ":2:1: the key waivers is written twice"),  # which one was meant?
        ("a: &a []\nwaivers: *a\n", "aliases"),
        ("waivers: !!python/object/apply:os.system ['true']\n", "malformed YAML"),
    ],
)
def test_a_malformed_file_is_refused_with_its_name(tmp_path, content, message):
    path = tmp_path / "w.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        Waivers.load(path)
    assert str(path) in str(err.value)


def test_cli_waive_by_id_then_all(tmp_path, capsys):
    ko = tmp_path / "a.ko"
    en = tmp_path / "a.en"
    ko.write_text("유엔 대표단이 도착했다.\n탈북자 35명\n", encoding="utf-8")
    en.write_text("The U.N. delegation arrived.\n36 N.K. defectors\n", encoding="utf-8")
    glossary = str(DATA / "renderings.yaml")
    assert main(["check", "--presplit", "-g", glossary, str(ko), str(en)]) == 1
    report = capsys.readouterr().out
    assert "3 findings in 2 line pairs, 0 dismissed" in report
    ids = [line.split("[")[1].split("]")[0] for line in report.splitlines() if "united-nations:" in line]
    assert main(["check", "--presplit", "-g", glossary, str(ko), str(en), "--waive", ids[0]]) == 1
    assert "2 findings in 2 line pairs, 1 dismissed" in capsys.readouterr().out
    assert waivers_path(en).exists()
    assert main(["check", "--presplit", "-g", glossary, str(ko), str(en), "--waive-all"]) == 0
    assert main(["check", "--presplit", "-g", glossary, str(ko), str(en)]) == 0
    assert "0 findings in 2 line pairs, 3 dismissed" in capsys.readouterr().out


def test_cli_unknown_waive_id_is_exit_2(tmp_path, capsys):
    ko, en = tmp_path / "a.ko", tmp_path / "a.en"
    ko.write_text("탈북자\n", encoding="utf-8")
    en.write_text("N.K. defector\n", encoding="utf-8")
    assert main(["check", "--presplit", str(ko), str(en), "--waive", "deadbeef"]) == 2
    err = capsys.readouterr().err
    assert "no finding has the id deadbeef" in err and "Traceback" not in err
    assert not waivers_path(en).exists()


def test_cli_waivers_in_a_missing_folder_is_exit_2(tmp_path, capsys):
    ko, en = tmp_path / "a.ko", tmp_path / "a.en"
    ko.write_text("유엔 대표단\n", encoding="utf-8")
    en.write_text("The U.N. delegation\n", encoding="utf-8")
    waivers = tmp_path / "nowhere" / "w.yaml"
    argv = ["check", "--presplit", "-g", str(DATA / "renderings.yaml"), str(ko), str(en), "--waivers", str(waivers)]
    assert main([*argv, "--waive-all"]) == 2
    err = capsys.readouterr().err
    assert f"cannot write {waivers}" in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.en", "a.ko"]

"""Every command over every bad input that applies to it, through the CLI entry point.

Each run must end as the README promises: exit 2 with exactly one line on standard error (or
0/1 where the input is legal, only unusual), never a traceback, within a bounded time, and with
every file it was given (the glossary, the input, the output path and what a link points to)
unchanged, nothing written beside them. Runs go in-process (``diglot.cli.main``) under a
watchdog; the cases that once hung or crashed the process run in a subprocess with a timeout.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from diglot.cli import main

from .corpus import EITHER, EN, KO, LEGAL, REFUSED, Case, Workspace, cases

MINI = Path(__file__).resolve().parents[1] / "glossary" / "data" / "mini.yaml"
WATCHDOG_S = 60  # generous: a bound so that a hang fails the test instead of the CI run
SUBPROCESS_TIMEOUT_S = 120


@dataclass(frozen=True)
class Command:
    """How a command is given an input of one kind: ``argv(path, files)``."""

    name: str
    argv: Callable[[str, "Files"], list[str]]
    needs_model: bool = False
    legal_may_refuse: bool = False  # mining: a legal but tiny input is "too little text"


@dataclass(frozen=True)
class Files:
    """The good files a command line is built from."""

    ko: str
    en: str
    glossary: str
    out: str
    csv: str
    package: str


def _command(name, argv, **kw):
    return Command(name, argv, **kw)


TEXT = [
    _command("glossary find", lambda p, f: ["glossary", "find", p, "-g", f.glossary]),
    _command("check", lambda p, f: ["check", p, f.en, "-g", f.glossary]),
    _command("align", lambda p, f: ["align", p, f.en, "-g", f.glossary, "-o", f.out, "--format", "tsv"]),
    _command("edition", lambda p, f: ["edition", p, f.en, "-g", f.glossary, "-o", f.out, "--format", "html"]),
    _command("translate", lambda p, f: ["translate", p, "--to", "en", "-g", f.glossary, "-o", f.out], needs_model=True),
    _command("glossary mine", lambda p, f: ["glossary", "mine", p, f.en, "-g", f.glossary, "-o", f.out],
             legal_may_refuse=True),
    _command("glossary consistency", lambda p, f: ["glossary", "consistency", p, f.en, "-g", f.glossary]),
    _command("check target", lambda p, f: ["check", f.ko, p, "-g", f.glossary]),  # English cases only
]
GLOSSARY = [
    _command("glossary lint", lambda p, f: ["glossary", "lint", p]),
    _command("glossary find", lambda p, f: ["glossary", "find", f.ko, "-g", p]),
    _command("glossary show", lambda p, f: ["glossary", "show", "x", "-g", p]),
    _command("glossary add", lambda p, f: ["glossary", "add", "--file", p, "--id", "new-term", "--type", "term",
                                           "--ko", "새말", "--en", "new word"]),
    _command("glossary remove", lambda p, f: ["glossary", "remove", "x", "--file", p]),
    _command("glossary export", lambda p, f: ["glossary", "export", "--format", "tbx", p, "-o", f.out]),
    _command("glossary review", lambda p, f: ["glossary", "review", p, "--into", f.glossary, "--accept-above", "0"]),
    _command("check", lambda p, f: ["check", f.ko, f.en, "-g", p]),
    _command("edition", lambda p, f: ["edition", f.ko, f.en, "-g", p, "-o", f.out, "--format", "html"]),
    _command("translate", lambda p, f: ["translate", f.ko, "--to", "en", "-g", p, "-o", f.out], needs_model=True),
]
EXCHANGE = [
    _command("glossary import", lambda p, f: ["glossary", "import", p, "-o", str(Path(f.out).with_suffix(".yaml"))]),
    _command("glossary lint", lambda p, f: ["glossary", "lint", p]),
]
JSONL = [
    _command("align --jsonl", lambda p, f: ["align", "--jsonl", p, "--presplit", "-g", f.glossary, "-o", f.out,
                                            "--format", "jsonl"]),
    _command("check --jsonl", lambda p, f: ["check", "--jsonl", p, "--presplit", "-g", f.glossary]),
    _command("glossary mine --jsonl", lambda p, f: ["glossary", "mine", "--jsonl", p, "--presplit", "-g", f.glossary,
                                                    "-o", f.out], legal_may_refuse=True),
    _command("glossary consistency --jsonl", lambda p, f: ["glossary", "consistency", "--jsonl", p, "--presplit",
                                                           "-g", f.glossary]),
]
PAIR_JSONL = [_command("pair --jsonl", lambda p, f: ["pair", "--jsonl", p, "-o", f.out, "--no-glossary"])]
PACKAGE = [_command("models install", lambda p, f: ["models", "install", p])]
OUTPUT = [
    _command("edition -o", lambda p, f: ["edition", f.ko, f.en, "-g", f.glossary, "-o", p, "--format", "html"]),
    _command("align -o", lambda p, f: ["align", f.ko, f.en, "-g", f.glossary, "-o", p, "--format", "tsv"]),
    _command("check --fix", lambda p, f: ["check", f.ko, f.en, "-g", f.glossary, "--fix", p]),
    _command("glossary import -o", lambda p, f: ["glossary", "import", f.csv, "-o", p]),
    _command("glossary export -o", lambda p, f: ["glossary", "export", "--format", "csv", f.glossary, "-o", p]),
    _command("translate -o", lambda p, f: ["translate", f.ko, "--to", "en", "-g", f.glossary, "-o", p], needs_model=True),
    _command("translate --report", lambda p, f: ["translate", f.ko, "--to", "en", "-g", f.glossary, "--report", p],
             needs_model=True),
]
HOME = [  # the input is $DIGLOT_HOME itself
    _command("models list", lambda p, f: ["models", "list"]),
    _command("models remove", lambda p, f: ["models", "remove", "ko", "en"]),
    _command("models install", lambda p, f: ["models", "install", f.package]),
    _command("translate", lambda p, f: ["translate", f.ko, "--to", "en", "-g", f.glossary, "-o", f.out]),
]
COMMANDS = {"text": TEXT, "glossary": GLOSSARY, "exchange": EXCHANGE, "jsonl": JSONL, "pair_jsonl": PAIR_JSONL,
            "package": PACKAGE, "output": OUTPUT, "home": HOME}

# Where a command's answer differs from the case's: (command, case) → expectation.
EXPECT: dict[tuple[str, str], str] = {
    ("models list", "home_broken_diglot_json"): LEGAL,  # listed with its problem
    ("models remove", "home_broken_diglot_json"): EITHER,
    ("models install", "home_broken_diglot_json"): EITHER,  # "already installed; use --force"
    ("translate", "home_broken_diglot_json"): REFUSED,  # no usable model
    # an empty glossary is a correct one to lint; only importing it (into `entries: []`) is refused
    ("glossary lint", "csv_empty"): EITHER,
    ("glossary lint", "po_only_a_header"): EITHER,
    ("glossary lint", "tbx_entries_without_languages"): EITHER,
}
# The isolated cases are slow (a subprocess each, some with large inputs): run each with the
# commands that read its input differently, not all of them.
ISOLATED_WITH = {
    "dev_zero": {"glossary find", "check"},
    "twenty_megabytes": {"check", "align"},
    "five_megabyte_english_line": {"glossary find", "check target"},
    "one_line_of_twenty_thousand_mentions": {"check", "glossary find"},
    "yaml_alias_bomb": {"glossary lint", "check", "glossary add"},
}
ISOLATED_ONLY = {"check target"}  # its input is English: only the English case runs with it


# Every case of a kind runs with the first commands of its list (those that read the input
# themselves); the later commands, which read it through the same functions, run with a sample
# of the cases, so that the corpus stays fast enough for every CI run.
EVERY_CASE = {"text": 3, "glossary": 3, "exchange": 2, "jsonl": 4, "pair_jsonl": 1, "package": 1, "output": 7, "home": 4}
SAMPLE = {
    "text": {"binary", "invalid_utf8", "a_fifo", "missing_file", "empty", "nfd_korean", "crlf", "utf16_with_bom",
             "one_sentence_past_the_models_positions"},
    "glossary": {"yaml_syntax_error", "yaml_duplicate_key", "yaml_fifo", "yaml_impossible_date", "yaml_deep_nesting",
                 "yaml_form_is_a_number", "yaml_binary"},
}


def _params():
    for kind, commands in COMMANDS.items():
        for case in cases(kind):
            for rank, command in enumerate(commands):
                if case.isolated:
                    if command.name not in ISOLATED_WITH[case.name]:
                        continue
                elif command.name in ISOLATED_ONLY:
                    continue
                if not case.isolated and rank >= EVERY_CASE[kind] and case.name not in SAMPLE.get(kind, ()):
                    continue
                yield pytest.param(case, command, id=f"{command.name.replace(' ', '-')}:{case.name}")


def _snapshot(root: Path, skip: set[Path]) -> dict[str, str]:
    """Every entry under ``root``: a file's hash, a link's target, or its type."""
    found = {}
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if Path(folder, d) not in skip]
        for name in subfolders + names:
            path = Path(folder, name)
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                found[str(path)] = "link → " + os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[str(path)] = stat.filemode(info.st_mode)[0]
    return found


class Hang(Exception):
    pass


def _in_process(argv: list[str], capsys) -> tuple[int, str, str]:
    def alarm(*_):
        raise Hang(f"still running after {WATCHDOG_S} s: diglot {' '.join(argv)}")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(WATCHDOG_S)
    try:
        code = main(argv)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    out, err = capsys.readouterr()
    return code, out, err


def _subprocess(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "diglot", *argv], capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S,
            cwd=cwd, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hung: still running after {SUBPROCESS_TIMEOUT_S} s: diglot {' '.join(argv)}")
    assert done.returncode >= 0, f"killed by signal {-done.returncode}: diglot {' '.join(argv)}"
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(("case", "command"), list(_params()))
def test_command_on_bad_input(case: Case, command: Command, tmp_path, monkeypatch, capsys, request):
    if case.name == "output_read_only_folder" and os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder")
    home = request.getfixturevalue("installed_model" if command.needs_model else "diglot_home")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    glossary = work / "glossary.yaml"
    shutil.copy(MINI, glossary)
    (work / "ko.txt").write_text(KO, encoding="utf-8")
    (work / "en.txt").write_text(EN, encoding="utf-8")
    (work / "terms.csv").write_text("탈북자,North Korean defector\n", encoding="utf-8")
    package = None
    if case.kind in ("package", "home"):
        package = request.getfixturevalue("tiny_package")
    bad = case.make(Workspace(work, glossary, package))
    for name, value in case.env:
        monkeypatch.setenv(name, value)
    if case.kind == "home":
        monkeypatch.setenv("DIGLOT_HOME", str(bad))
    files = Files("ko.txt", "en.txt", str(glossary), str(work / "out.txt"), "terms.csv", str(package))
    argv = command.argv(str(bad), files)
    if case.kind == "output" and case.force:
        argv.append("--force")

    expect = EXPECT.get((command.name, case.name), case.expect)
    if expect == LEGAL and command.legal_may_refuse:
        expect = EITHER
    (home / "models").mkdir(parents=True, exist_ok=True)  # the store's folder may be made by any run
    skip = {home / "cache", bad / "cache"}
    before = _snapshot(tmp_path, skip)
    code, out, err = _subprocess(argv, work) if case.isolated else _in_process(argv, capsys)

    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    if expect == LEGAL:
        assert code in (0, 1), f"exit {code}: {err}"
        return
    if command.name == "glossary lint" and code == 1:  # lint reports a broken file as a finding
        assert out.strip(), "lint found errors but printed none"
    elif expect == REFUSED or code == 2:
        assert code == 2, f"exit {code} (expected 2); stderr: {err!r}; stdout: {out[:300]!r}"
        assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}: {err!r}"
        for named in case.says:
            assert named in err, f"the refusal does not name {named!r}: {err!r}"
    else:
        assert code in (0, 1), f"exit {code}: {err}"
    if code == 2 or case.kind == "glossary":
        after = _snapshot(tmp_path, skip)
        changed = {name: (before.get(name), after.get(name)) for name in before.keys() | after.keys()
                   if before.get(name) != after.get(name)}
        assert not changed, f"a refused run changed or left files: {changed}"

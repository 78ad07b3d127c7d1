"""Bad option values, through the real entry point: each is one line on standard error and exit
2 before any work (argparse's own errors too, which used to print the usage first), never a
server started with a value it cannot use, never a threshold of NaN that lets everything by.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .corpus import EN, KO

TIMEOUT_S = 60  # a run that is not refused may start a server: the timeout fails the test

BAD_OPTIONS = {
    "unknown command": (["bogus"], "invalid choice"),
    "date of year 0": (["translate", "ko.txt", "--to", "en", "--date", "0000"], "--date"),
    "impossible date": (["check", "ko.txt", "en.txt", "--date", "2013-02-30"], "--date"),
    "top 0": (["glossary", "mine", "ko.txt", "en.txt", "--top", "0"], "--top"),
    "negative count": (["glossary", "consistency", "ko.txt", "en.txt", "--min-count", "-3"], "--min-count"),
    "conflicting outputs": (["translate", "ko.txt", "--to", "en", "-o", "a.txt", "--out-dir", "."], "--out-dir"),
    "beam 0": (["translate", "ko.txt", "--to", "en", "--beam-size", "0"], "--beam-size"),
    "beam huge": (["translate", "ko.txt", "--to", "en", "--beam-size", "100000"], "--beam-size"),
    "threads huge": (["translate", "ko.txt", "--to", "en", "--threads", "100000"], "--threads"),
    "serve port 0": (["serve", "--port", "0"], "--port"),
    "serve workers negative": (["serve", "--port", "1", "--workers", "-1"], "--workers"),
    "serve workers huge": (["serve", "--port", "1", "--workers", "100000"], "--workers"),
    "serve body limit 0": (["serve", "--port", "1", "--body-limit", "0"], "--body-limit"),
    "review above nan": (["glossary", "review", "proposals.yaml", "--accept-above", "nan"], "nan"),
    "review above inf": (["glossary", "review", "proposals.yaml", "--accept-above=-inf"], "-inf"),
    "empty glossary path": (["check", "ko.txt", "en.txt", "-g", ""], "-g/--glossary"),  # read as ".": every YAML there
    "empty output path": (["align", "ko.txt", "en.txt", "-o", ""], "-o/--output"),  # read as "not given": stdout
    "empty fix path": (["check", "ko.txt", "en.txt", "--fix", ""], "--fix"),
    "empty scheduler": (["align", "--presplit", "--jsonl", "docs.jsonl", "--scheduler", ""], "--scheduler"),  # read as local
    "review above a word": (["glossary", "review", "proposals.yaml", "--accept-above", "high"], "high"),
}


@pytest.mark.parametrize(("argv", "named"), list(BAD_OPTIONS.values()), ids=list(BAD_OPTIONS))
def test_bad_option_is_one_line(argv, named, tmp_path, diglot_home):
    (tmp_path / "ko.txt").write_text(KO, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "proposals.yaml").write_text("entries: []\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    try:
        done = subprocess.run([sys.executable, "-m", "diglot", *argv], capture_output=True, text=True, cwd=tmp_path,
                              timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"not refused: still running after {TIMEOUT_S} s: diglot {' '.join(argv)}")
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and named in lines[0], done.stderr
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == before


MINI = Path(__file__).resolve().parents[1] / "glossary" / "data" / "mini.yaml"
ONTO_THE_GLOSSARY = {  # -g g.yaml and the output g.yaml, with --force: the glossary would be lost
    "edition": ["edition", "ko.txt", "en.txt", "-g", "g.yaml", "-o", "g.yaml", "--format", "html", "--force"],
    "align": ["align", "ko.txt", "en.txt", "-g", "g.yaml", "-o", "g.yaml", "--force"],
    "check --fix": ["check", "ko.txt", "en.txt", "-g", "g.yaml", "--fix", "g.yaml", "--force"],
    "glossary mine": ["glossary", "mine", "ko.txt", "en.txt", "-g", "g.yaml", "-o", "g.yaml", "--force"],
    "glossary export": ["glossary", "export", "--format", "csv", "g.yaml", "-o", "g.yaml", "--force"],
    "glossary export, from its folder": ["glossary", "export", "--format", "csv", ".", "-o", "g.yaml", "--force"],
}


@pytest.mark.parametrize("argv", list(ONTO_THE_GLOSSARY.values()), ids=list(ONTO_THE_GLOSSARY))
def test_an_output_never_replaces_a_glossary_it_reads(argv, tmp_path, diglot_home):
    (tmp_path / "ko.txt").write_text(KO, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    glossary = tmp_path / "g.yaml"
    glossary.write_bytes(MINI.read_bytes())
    done = subprocess.run([sys.executable, "-m", "diglot", *argv], capture_output=True, text=True, cwd=tmp_path,
                          timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stderr.strip().splitlines() == [f"diglot: error: {glossary.name} is also an input; write the output to "
                                                "another file"]
    assert glossary.read_bytes() == MINI.read_bytes()


def test_pair_refuses_one_file_for_both_outputs(tmp_path, diglot_home):
    for lang, text in (("ko", KO), ("en", EN)):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "a.txt").write_text(text, encoding="utf-8")
    argv = ["pair", "ko", "en", "--no-glossary", "-o", "p.tsv", "--align", "p.tsv"]
    done = subprocess.run([sys.executable, "-m", "diglot", *argv], capture_output=True, text=True, cwd=tmp_path,
                          timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and "-o and --align name the same file" in done.stderr, done.stderr
    assert not (tmp_path / "p.tsv").exists()

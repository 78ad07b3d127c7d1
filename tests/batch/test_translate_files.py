"""``diglot translate FILE… --out-dir DIR``: a sharded run of one document a file, resumable, the
same bytes with any workers, with ``--report`` and ``--strict`` over every file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from diglot.batch import runner
from diglot.cli import main

ARTICLES = {
    "defectors.txt": "탈북자들은 강제 북송을 우려한다. 북한난민구호위원회는 월요일 이같이 밝혔다.\n\n"
    "북한난민구호위원회는 또 중국 정부를 비판했다.\n",
    "policy.txt": "서울시는 오늘 새 정책을 발표했다.\n\n시민들은 환영했다.\n",
    "budget.txt": "정부는 예산을 늘렸다. 국회가 승인했다.\n",
}

GLOSSARY = """entries:
  - {id: defector, type: term, source: test, ko: {preferred: 탈북자}, en: {preferred: North Korean defector}}
  - {id: repatriation, type: term, source: test, ko: {preferred: 강제 북송}, en: {preferred: forced repatriation}}
  - {id: budget, type: term, source: test, ko: {preferred: 예산}, en: {preferred: budget}}
"""

@pytest.fixture
def articles(tmp_path, monkeypatch):
    """The three articles, and this folder as the working directory, with ``desk.yaml`` the glossary."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "desk.yaml").write_text(GLOSSARY, encoding="utf-8")
    folder = tmp_path / "ko"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in ARTICLES]


def _translate(files, *extra):
    return main(["translate", *map(str, files), "--to", "en", "--no-cache", "-g", "desk.yaml", *map(str, extra)])


def _outputs(folder):
    """Every file of an output folder, markers included, but the summary (its seconds differ)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "summary.json"}


def _summary(folder):
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))


def test_each_file_is_what_o_writes_for_it_and_a_rerun_skips_them_all(installed_model, articles, tmp_path, capsys):
    out, report = tmp_path / "en", tmp_path / "terms.json"
    assert _translate(articles, "--out-dir", out, "--format", "md", "--report", report) == 0
    assert "3 shards (0 already complete), 3 documents" in capsys.readouterr().err
    for path in articles:
        single = tmp_path / f"{path.stem}.single.md"
        assert _translate([path], "-o", single, "--format", "md") == 0
        assert (out / f"{path.stem}.md").read_bytes() == single.read_bytes()
        assert (out / f".{path.stem}.md.done").is_file()
    assert (out / "defectors.md").read_text(encoding="utf-8").startswith("North Korean defector들은 forced repatriation을")
    summary = _summary(out)
    assert (summary["shards"], summary["skipped"], summary["documents"]) == (3, 0, 3)
    assert summary["signature"]["task"] == "translate" and summary["signature"]["format"] == "md"
    first = json.loads(report.read_text(encoding="utf-8"))
    assert [(m["document"], m["entry"]) for m in first["mentions"]] == [
        (str(articles[0]), "defector"), (str(articles[0]), "repatriation"), (str(articles[2]), "budget"),
    ]  # fmt: skip
    assert first["counts"] == {"kept": 3} and first["signature"] == summary["signature"]

    written = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != "summary.json"}
    capsys.readouterr()
    relative = [path.relative_to(tmp_path) for path in articles]  # the same files, named otherwise
    assert _translate(relative, "--out-dir", out, "--format", "md", "--report", report, "--force") == 0
    assert "3 shards (3 already complete)" in capsys.readouterr().err
    assert _summary(out)["skipped"] == 3
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != "summary.json"} == written
    again = json.loads(report.read_text(encoding="utf-8"))["mentions"]  # from the markers, named as now given
    assert again == [{**m, "document": str(relative[articles.index(Path(m["document"]))])} for m in first["mentions"]]


def test_a_file_whose_marker_is_missing_is_translated_again(installed_model, articles, tmp_path):
    out = tmp_path / "en"
    assert _translate(articles, "--out-dir", out) == 0
    whole = _outputs(out)
    (out / ".policy.txt.done").unlink()
    (out / "policy.txt").write_text("Seoul announced", encoding="utf-8")  # what a killed run might have left
    kept = (out / "budget.txt").stat().st_mtime_ns
    assert _translate(articles, "--out-dir", out) == 0
    assert _summary(out)["skipped"] == 2
    assert _outputs(out) == whole and (out / "budget.txt").stat().st_mtime_ns == kept


@pytest.mark.parametrize("extra", [["--workers", "2"], ["--scheduler"]])
def test_workers_and_a_dask_cluster_write_the_bytes_of_one_process(extra, installed_model, articles, tmp_path, request):
    if extra == ["--scheduler"]:
        extra = ["--scheduler", request.getfixturevalue("local_cluster")]
    assert _translate(articles, "--out-dir", tmp_path / "one", "--format", "jsonl") == 0
    assert _translate(articles, "--out-dir", tmp_path / "many", "--format", "jsonl", *extra) == 0
    assert _outputs(tmp_path / "many") == _outputs(tmp_path / "one")
    assert sorted(p.name for p in (tmp_path / "one").iterdir() if not p.name.startswith(".")) == [
        "budget.jsonl", "defectors.jsonl", "policy.jsonl", "summary.json",
    ]  # fmt: skip


def test_killed_midway_and_started_again_writes_what_an_uninterrupted_run_does(
    installed_model, articles, cli_script, killed_at_first_marker, tmp_path
):
    folder = tmp_path / "many"
    folder.mkdir()
    texts = list(ARTICLES.values())
    files = []
    for number in range(20):
        files.append(folder / f"article-{number:02d}.txt")
        files[-1].write_text(texts[number % 3], encoding="utf-8")
    assert _translate(files, "--out-dir", tmp_path / "whole") == 0
    out = tmp_path / "out"
    argv = [sys.executable, str(cli_script), "translate", *map(str, files), "--to", "en", "--no-cache", "-g", "desk.yaml"]
    argv += ["--out-dir", str(out)]
    assert killed_at_first_marker(argv, out) < 20  # killed midway, not after the end
    subprocess.run(argv, check=True, capture_output=True)
    assert _outputs(out) == _outputs(tmp_path / "whole")


@pytest.fixture
def scripted(monkeypatch):
    """Make the translate job decode with an engine double; the job is built afresh, in this process."""
    from diglot.translate import DocumentTranslator, pipeline

    from ..translate.test_enforce import ScriptedEngine

    def use(script):
        def translator(src, tgt, glossary, engine, options, use_cache):
            return DocumentTranslator(src, tgt, glossary, ScriptedEngine(script), use_cache=False)

        monkeypatch.setattr(pipeline, "DocumentTranslator", translator)
        monkeypatch.setattr(runner, "_JOBS", {})  # neither reuse a job built before nor keep this one

    return use


def test_strict_and_report_cover_every_file_those_skipped_included(installed_model, articles, scripted, tmp_path, capsys):
    scripted(lambda s: s.replace("North Korean defector", ""))  # drops the rendering in defectors.txt
    out, report = tmp_path / "en", tmp_path / "terms.json"
    for _attempt in range(2):  # the second run skips every file and still knows
        assert _translate(articles, "--out-dir", out, "--strict", "--report", report, "--force") == 3
        err = capsys.readouterr().err
        assert "could not be rendered as 'North Korean defector'" in err and "glossary: failed 1, kept 2" in err
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["counts"] == {"failed": 1, "kept": 2} and data["mentions"][0]["status"] == "failed"
    assert _summary(out)["skipped"] == 3
    assert _translate(articles, "--out-dir", out) == 0  # without --strict the findings are no failure


@pytest.mark.parametrize(
    "make_argv, message",
    [
        (lambda f, t: [f[0], t / "x" / f[0].name, "--out-dir", t / "en"], "two inputs have the same file name"),
        (lambda f, t: [f[0], t / f"{f[0].stem}.md", "--out-dir", t / "en", "--format", "md"], "two inputs have the same"),
        (lambda f, t: [*f, "--out-dir", f[0].parent], "would be overwritten by its own output"),
        (lambda f, t: [f[0], "-", "--out-dir", t / "en"], "standard input (-) goes with -o FILE"),
        (lambda f, t: [*f, "--workers", "2"], "add --out-dir"),
        (lambda f, t: [f[0], "--out-dir", t / "en", "--edition", t / "a.html"], "--edition takes one input file and -o"),
        (lambda f, t: [f[0], "--out-dir", t / "en", "-o", t / "a.txt"], "give either -o OUT or --out-dir DIR"),
        (lambda f, t: [t / "summary.json", "--out-dir", t / "en"], "would replace the run's summary.json"),
        (lambda f, t: [*f, "--out-dir", t / "none" / "en"], "the folder"),
    ],
)
def test_bad_runs_are_one_line_and_exit_2_before_any_work(make_argv, message, installed_model, articles, tmp_path, capsys):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / articles[0].name).write_text("또 다른 기사.\n", encoding="utf-8")
    (tmp_path / f"{articles[0].stem}.md").write_text("기사.\n", encoding="utf-8")
    (tmp_path / "summary.json").write_text("요약.\n", encoding="utf-8")
    assert _translate(make_argv(articles, tmp_path)) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "en").exists()


def test_on_a_terminal_a_progress_bar_counts_the_files(installed_model, articles, tmp_path, monkeypatch):
    import io

    from rich.console import Console

    from diglot.cli import output

    stream = io.StringIO()
    monkeypatch.setattr(output, "stderr", lambda: Console(file=stream, force_terminal=True, width=120))
    assert _translate(articles, "--out-dir", tmp_path / "en") == 0
    shown = stream.getvalue()
    bar = shown.split("3 shards (0 already complete)")[0]  # what was drawn before the closing line
    assert "shards" in bar and "3/3" in bar


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="permissions do not bind root")
def test_a_read_only_out_dir_is_refused_before_any_work(installed_model, articles, tmp_path, capsys):
    folder = tmp_path / "en"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert _translate(articles, "--out-dir", folder) == 2
    finally:
        folder.chmod(0o755)
    err = capsys.readouterr().err.strip()
    assert "is not writable" in err and len(err.splitlines()) == 1 and list(folder.iterdir()) == []

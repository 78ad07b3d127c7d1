import io
import os
import subprocess
import sys
import unicodedata

import pytest

from diglot.errors import DiglotError, InputError
from diglot.textio import Text, atomic_write, check_output_path, edit_lock, read_input, read_text


def test_crlf_bom_and_nfd_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", "탈북자\r\n난민\r").encode("utf-8"))
    assert read_text(path) == "탈북자\n난민\n"


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="looks like a binary file"):
        read_text(path)


def test_non_utf8_is_refused_with_a_cp949_hint(tmp_path):
    path = tmp_path / "euckr.txt"
    path.write_bytes("탈북자 35명".encode("cp949"))
    with pytest.raises(InputError, match=r"not valid UTF-8 at byte \d+ .*CP949"):
        read_text(path)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café \xff".encode("latin-1"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_text(latin1)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_text(tmp_path)


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("난민\r\n".encode())))
    assert read_text("-") == "난민\n"


def test_output_path_needs_force(tmp_path):
    out = tmp_path / "out.html"
    assert check_output_path(out, force=False) == out
    out.write_text("x")
    with pytest.raises(DiglotError, match="--force"):
        check_output_path(out, force=False)
    assert check_output_path(out, force=True) == out


def test_atomic_write_replaces_and_keeps_mode(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("old")
    path.chmod(0o640)
    atomic_write(path, "new")
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["g.yaml"]


def test_atomic_write_gives_a_new_file_the_usual_mode(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.html", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "new.html").stat().st_mode & 0o777 == 0o644


def test_read_input_keeps_the_text_as_read_and_maps_offsets_back(tmp_path):
    raw = "\ufeff" + unicodedata.normalize("NFD", "탈북자\r\n난민 CNKR") + "\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode("utf-8"))
    text = read_input(path)
    assert text.raw == raw and text.text == "탈북자\n난민 CNKR\n" == read_text(path)
    assert text.name == str(path)
    for offset, ch in enumerate(text.text):
        if ch != "\n":  # every character maps onto the raw characters it came from
            start, end = text.raw_offset(offset), text.raw_offset(offset + 1)
            assert unicodedata.normalize("NFC", raw[start:end].replace("\r\n", "\n")) == ch
    assert text.raw_offset(len(text.text)) == len(raw)


def test_text_offsets_inside_a_merged_character_cannot_be_mapped():
    text = Text("e\u0301\r\nx", "a.txt")  # é in two code points, then CRLF
    assert text.text == "é\nx" and text.raw_offset(1) == 2 and text.raw_offset(2) == 4
    assert Text("plain").raw_offset(3) == 3
    with pytest.raises(DiglotError, match="cannot map an offset of b.txt back onto the file as read"):
        Text("a\rb", "b.txt").raw_offset(5)


def test_read_input_refuses_what_read_text_refuses(tmp_path):
    path = tmp_path / "euckr.txt"
    path.write_bytes("탈북자".encode("cp949"))
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_input(path)
    with pytest.raises(InputError, match="no such file"):
        read_input(tmp_path / "missing.txt")


def test_a_second_editor_is_refused(tmp_path):
    target = tmp_path / "g.yaml"
    with edit_lock(target):
        with pytest.raises(DiglotError, match="g.yaml is being edited by another process"):
            with edit_lock(target):
                pass
    with edit_lock(target):  # released
        pass


def test_diglot_imports_without_fcntl():
    """Windows has no fcntl: importing diglot (and its CLI) must not need it."""
    code = "import sys; sys.modules['fcntl'] = None; import diglot.textio, diglot.cli; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr


def test_special_files_are_refused_before_they_are_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block until a writer came
    with pytest.raises(InputError, match="not a regular file"):
        read_text(fifo)


def test_an_input_past_the_size_limit_is_refused(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("x" * 2048)
    monkeypatch.setenv("DIGLOT_MAX_INPUT_MB", "0.001")
    with pytest.raises(InputError, match="DIGLOT_MAX_INPUT_MB"):
        read_text(big)


def test_a_nul_byte_past_the_sample_is_still_binary(tmp_path):
    late = tmp_path / "late.txt"
    late.write_bytes(b"a" * 70000 + b"\x00")
    with pytest.raises(InputError, match="binary"):
        read_text(late)


def test_force_replaces_only_a_regular_file(tmp_path):
    target = tmp_path / "target.txt"
    target.write_text("keep")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (link, fifo):
        with pytest.raises(DiglotError, match="not a regular file"):
            check_output_path(path, force=True)
    assert target.read_text() == "keep" and link.is_symlink()


def test_a_failed_write_is_one_error_and_leaves_nothing(tmp_path, monkeypatch):
    out = tmp_path / "out.txt"

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DiglotError, match="No space left on device"):
        atomic_write(out, "text")
    assert list(tmp_path.iterdir()) == []


def test_a_name_near_the_longest_a_file_may_have_is_written_and_locked(tmp_path):
    path = tmp_path / ("탈북자" * 27 + ".txt")  # 247 bytes: its temporary and lock names must be cut to fit
    with edit_lock(path):
        atomic_write(path, "새 글\n")
    assert path.read_text(encoding="utf-8") == "새 글\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]

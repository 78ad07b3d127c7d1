import io
import os
import sys
import unicodedata

import pytest

from diglot.errors import DiglotError, InputError
from diglot.textio import atomic_write, check_output_path, read_text


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

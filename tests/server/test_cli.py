"""``diglot serve`` on the command line: a teaching --help, one line and exit 2 for bad setups."""

from __future__ import annotations

import socket

import pytest

from diglot.cli import main


def test_help_teaches(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for expected in ("examples:", "diglot serve --host 0.0.0.0 --api-keys", "/v2/translate", "Exit codes", "127.0.0.1"):
        assert expected in out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--req-limit", "0"], "--req-limit must be at least 1"),
        (["--port", "70000"], "--port must be between 1 and 65535"),
        (["--api-keys", "no-such-keys.txt"], "no-such-keys.txt: no such file"),
        (["-g", "no-such-glossary.yaml"], "no-such-glossary.yaml: no such file"),
    ],
)
def test_bad_setups_are_one_line_and_exit_2(diglot_home, capsys, options, message):
    assert main(["serve", *options]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_port_in_use_is_one_line_and_exit_2(diglot_home, capsys, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in capsys.readouterr().err


def test_an_address_not_of_this_machine_is_refused_with_the_reason(diglot_home, capsys):
    # 192.0.2.0/24 is reserved for documentation: never an address of this machine
    assert main(["serve", "--host", "192.0.2.7", "--port", "5999"]) == 2
    err = capsys.readouterr().err
    assert "cannot listen on 192.0.2.7:5999: Cannot assign requested address" in err and "port in use" not in err

"""diglot's own data is found in a source checkout (and, through the same call, in a wheel)."""

from diglot.paths import data_dir


def test_catalogues_and_glossaries_are_found():
    assert (data_dir("locales") / "diglot.pot").is_file()
    assert any(data_dir("glossaries").glob("*.yaml"))


def test_home_is_diglot_home_else_under_xdg_data_home(monkeypatch, tmp_path):
    from diglot.paths import home_dir

    monkeypatch.setenv("DIGLOT_HOME", str(tmp_path / "home"))
    assert home_dir() == tmp_path / "home"
    monkeypatch.delenv("DIGLOT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert home_dir() == tmp_path / "xdg" / "diglot"


def test_a_leading_tilde_is_the_users_home(monkeypatch, tmp_path):
    from diglot.paths import cache_dir, home_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("DIGLOT_HOME", "~/diglot")  # as a systemd unit or a .env file gives it, unexpanded
    assert home_dir() == tmp_path / "diglot"
    assert cache_dir("glossaries") == tmp_path / "diglot" / "cache" / "glossaries"

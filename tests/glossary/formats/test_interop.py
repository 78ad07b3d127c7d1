"""Another tool's reader and writer: translate-toolkit (the test extra) reads our TBX and PO,
and we read the TBX it writes (martif type="TBX", a DOCTYPE naming a DTD that is never fetched)."""

from __future__ import annotations

import pytest

from diglot.glossary.formats import get_format

toolkit_tbx = pytest.importorskip("translate.storage.tbx")
toolkit_po = pytest.importorskip("translate.storage.po")


def test_translate_toolkit_reads_our_tbx(all_fields):
    units = toolkit_tbx.tbxfile.parsestring(get_format("tbx").dumps(all_fields).encode("utf-8")).units
    assert [(u.getid(), u.source, u.target) for u in units][:2] == [
        ("north-korean-defector", "탈북자", "North Korean defector"),
        ("cnkr", "북한난민구호위원회", "Commission to Help North Korean Refugees"),
    ]


def test_translate_toolkit_reads_our_po(all_fields):
    store = toolkit_po.pofile.parsestring(get_format("po").dumps(all_fields).encode("utf-8"))
    units = [u for u in store.units if not u.isheader()]
    assert [(u.getcontext(), u.source, u.target) for u in units] == [
        (e.id, e.langs["ko"].preferred, e.langs["en"].preferred) for e in all_fields
    ]


def test_we_read_translate_toolkit_tbx(tmp_path):
    store = toolkit_tbx.tbxfile(sourcelanguage="ko", targetlanguage="en")
    for source, target in (("탈북자", "North Korean defector"), ("비무장지대", "Demilitarized Zone")):
        store.addsourceunit(source).target = target
    path = tmp_path / "toolkit.tbx"
    path.write_bytes(bytes(store))
    entries = get_format("tbx").read(path, [])
    assert [(e.id, e.langs["ko"].preferred, e.langs["en"].preferred) for e in entries] == [
        ("north-korean-defector", "탈북자", "North Korean defector"),
        ("demilitarized-zone", "비무장지대", "Demilitarized Zone"),
    ]

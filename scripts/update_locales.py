"""Extract the CLI's messages into locales/diglot.pot and merge them into each catalogue.

Every message is a string literal inside ``_(...)`` in ``src/diglot``. Run this after adding
or changing messages, then fill in the empty ``msgstr`` entries of
``locales/ko/LC_MESSAGES/diglot.po``::

    python scripts/update_locales.py          # update the template and catalogues
    python scripts/update_locales.py --check  # exit 1 if they are out of date (used by the tests)
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "diglot"
LOCALES = ROOT / "locales"
HEADER = {
    "Project-Id-Version": "diglot",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "MIME-Version": "1.0",
}


def extract(sources: Path = SOURCES) -> dict[str, list[str]]:
    """msgid → the files it is used in, from every ``_("...")`` and ``N_("...")`` call."""
    messages: dict[str, list[str]] = {}
    for path in sorted(sources.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                # Files only, not line numbers: the catalogues change when messages do, not when code moves.
                where = str(path.relative_to(ROOT))
                places = messages.setdefault(node.args[0].value, [])
                if where not in places:
                    places.append(where)
    return messages


def template(messages: dict[str, list[str]]) -> polib.POFile:
    pot = polib.POFile(wrapwidth=0)
    pot.metadata = dict(HEADER)
    for msgid in sorted(messages):
        occurrences = [(where, "") for where in messages[msgid]]
        pot.append(polib.POEntry(msgid=msgid, msgstr="", occurrences=occurrences, flags=["python-brace-format"]))
    return pot


def merged(catalogue: polib.POFile, pot: polib.POFile) -> polib.POFile:
    """The catalogue with the template's messages: translations kept, new ones empty, gone ones dropped."""
    known = {e.msgid: e.msgstr for e in catalogue if e.msgstr}
    out = polib.POFile(wrapwidth=0)
    out.metadata = dict(catalogue.metadata or HEADER)
    for entry in pot:
        out.append(
            polib.POEntry(msgid=entry.msgid, msgstr=known.get(entry.msgid, ""), occurrences=entry.occurrences, flags=entry.flags)
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    args = parser.parse_args(argv)
    pot = template(extract())
    outputs = {LOCALES / "diglot.pot": pot}
    for po_path in sorted(LOCALES.glob("*/LC_MESSAGES/diglot.po")):
        outputs[po_path] = merged(polib.pofile(str(po_path)), pot)
    stale = [path for path, po in outputs.items() if not path.exists() or path.read_text(encoding="utf-8") != str(po)]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run python scripts/update_locales.py)")
        return 1 if stale else 0
    for path, po in outputs.items():
        path.write_text(str(po), encoding="utf-8")
    untranslated = sum(1 for path, po in outputs.items() if path.suffix == ".po" for e in po if not e.msgstr)
    print(f"{len(pot)} messages; {untranslated} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

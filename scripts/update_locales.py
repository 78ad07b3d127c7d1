"""Extract the CLI's messages into locales/diglot.pot and merge them into each catalogue.

Every message is a string literal inside ``_(...)`` or ``N_(...)`` in ``src/diglot``, or the two
literals of ``ngettext("{n} finding", "{n} findings", n)`` (a ``msgid_plural`` entry, with as many
``msgstr[i]`` as the language has plural forms: Korean one, per :data:`PLURAL_FORMS`). Run this
after adding or changing messages, then fill in the empty ``msgstr`` entries of
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
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}
# The plural rule of each catalogue's language (gettext's Plural-Forms header).
PLURAL_FORMS = {"ko": "nplurals=1; plural=0;"}


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract(sources: Path = SOURCES) -> dict[str, list[str]]:
    """msgid → the files it is used in, from every ``_("...")`` and ``N_("...")`` call.

    A plural message is keyed by ``(singular, plural)``, from ``ngettext("...", "...", n)``.
    """
    messages: dict = {}
    for path in sorted(sources.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            key: str | tuple[str, str] | None = None
            if node.func.id in ("_", "N_"):
                key = _literal(node.args[0])
            elif node.func.id == "ngettext" and len(node.args) == 3:
                singular, plural = _literal(node.args[0]), _literal(node.args[1])
                key = (singular, plural) if singular is not None and plural is not None else None
            if key is None:
                continue
            # Files only, not line numbers: the catalogues change when messages do, not when code moves.
            where = str(path.relative_to(ROOT))
            places = messages.setdefault(key, [])
            if where not in places:
                places.append(where)
    return messages


def template(messages: dict) -> polib.POFile:
    pot = polib.POFile(wrapwidth=0)
    pot.metadata = dict(HEADER)
    for key in sorted(messages, key=lambda k: (k, "") if isinstance(k, str) else k):
        occurrences = [(where, "") for where in messages[key]]
        flags = ["python-brace-format"]
        if isinstance(key, tuple):
            entry = polib.POEntry(
                msgid=key[0], msgid_plural=key[1], msgstr_plural={0: "", 1: ""}, occurrences=occurrences, flags=flags
            )
        else:
            entry = polib.POEntry(msgid=key, msgstr="", occurrences=occurrences, flags=flags)
        pot.append(entry)
    return pot


def merged(catalogue: polib.POFile, pot: polib.POFile, language: str) -> polib.POFile:
    """The catalogue with the template's messages: translations kept, new ones empty, gone ones dropped."""
    known = {e.msgid: e.msgstr for e in catalogue if e.msgstr and not e.msgid_plural}
    known_plural = {e.msgid: e.msgstr_plural for e in catalogue if e.msgid_plural}
    out = polib.POFile(wrapwidth=0)
    out.metadata = dict(catalogue.metadata or HEADER)
    out.metadata["Plural-Forms"] = PLURAL_FORMS.get(language, HEADER["Plural-Forms"])
    forms = int(out.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    for entry in pot:
        if entry.msgid_plural:
            old = known_plural.get(entry.msgid, {})
            out.append(
                polib.POEntry(
                    msgid=entry.msgid,
                    msgid_plural=entry.msgid_plural,
                    msgstr_plural={i: old.get(i, "") for i in range(forms)},
                    occurrences=entry.occurrences,
                    flags=entry.flags,
                )
            )
        else:
            out.append(
                polib.POEntry(
                    msgid=entry.msgid, msgstr=known.get(entry.msgid, ""), occurrences=entry.occurrences, flags=entry.flags
                )
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    args = parser.parse_args(argv)
    pot = template(extract())
    outputs = {LOCALES / "diglot.pot": pot}
    for po_path in sorted(LOCALES.glob("*/LC_MESSAGES/diglot.po")):
        outputs[po_path] = merged(polib.pofile(str(po_path)), pot, po_path.parts[-3])
    stale = [path for path, po in outputs.items() if not path.exists() or path.read_text(encoding="utf-8") != str(po)]
    if args.check:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run python scripts/update_locales.py)")
        return 1 if stale else 0
    for path, po in outputs.items():
        path.write_text(str(po), encoding="utf-8")
    untranslated = sum(1 for path, po in outputs.items() if path.suffix == ".po" for e in po if not e.translated())
    print(f"{len(pot)} messages; {untranslated} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

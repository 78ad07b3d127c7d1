"""The bad-input corpus: every kind of input a careful tester would try, made at test time.

Each :class:`Case` writes one input into a folder and returns its path (large inputs are
generated, never committed). A case has a *kind*, the role its input plays in a command:

``text``       an article (any command's FILE)
``glossary``   a glossary YAML file (``-g``, ``--file``, ``glossary lint``)
``exchange``   a TBX, CSV or PO glossary (``glossary import``)
``jsonl``      a batch of documents (``--jsonl``)
``package``    an ``.argosmodel`` (``models install``)
``output``     where a command is told to write (``-o``, ``--fix``, ``--report``)
``home``       a broken ``$DIGLOT_HOME``

and an *expectation*: ``REFUSED`` (exit 2 and one line), ``LEGAL`` (exit 0 or 1: the input is
correct, only unusual) or ``EITHER`` (an empty article: a command may refuse it or say nothing).
``isolated`` cases, those that once hung or crashed the process, run in a subprocess with a
timeout.
"""

from __future__ import annotations

import json
import os
import random
import socket
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import tinymodel

REFUSED, LEGAL, EITHER = "refused", "legal", "either"

KO = "탈북자 2만여 명이 한국에 산다.\n북한난민구호위원회는 강제북송에 반대했다.\n"
EN = (
    "More than 20,000 North Korean defectors live in South Korea.\n"
    "The Commission to Help North Korean Refugees (CNKR) opposed forced repatriation.\n"
)

SMALL_LIMIT = {"DIGLOT_MAX_INPUT_MB": "0.01"}  # 10 KB: a limit small inputs can pass


@dataclass
class Workspace:
    """Where a case makes its input, and the real inputs it may start from."""

    folder: Path
    glossary: Path  # a small valid glossary (a copy)
    package: Path | None = None  # a valid .argosmodel, for the package cases

    def file(self, name: str, data: bytes | str) -> Path:
        path = self.folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    make: Callable[[Workspace], Path]
    expect: str = REFUSED
    isolated: bool = False  # run in a subprocess with a timeout
    force: bool = True  # output cases: given --force (so that "exists" is not what refuses it)
    says: tuple[str, ...] = ()  # what a refusal's line must name (the id, the line number)
    env: tuple[tuple[str, str], ...] = ()  # environment variables the run is given


CASES: list[Case] = []


def case(kind: str, expect: str = REFUSED, *, isolated: bool = False, force: bool = True, says: tuple[str, ...] = (),
         env: dict[str, str] | None = None):
    def register(make: Callable[[Workspace], Path]) -> Callable[[Workspace], Path]:
        CASES.append(Case(make.__name__, kind, make, expect, isolated, force, says, tuple((env or {}).items())))
        return make

    return register


def cases(kind: str) -> list[Case]:
    return [c for c in CASES if c.kind == kind]


def _fifo(ws: Workspace, name: str) -> Path:
    path = ws.folder / name
    os.mkfifo(path)
    return path


def _socket(ws: Workspace, name: str) -> Path:
    path = ws.folder / name
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))  # the socket file stays after the socket is closed
    return path


def _loop(ws: Workspace, name: str) -> Path:
    path = ws.folder / name
    other = ws.folder / f"{name}.other"
    os.symlink(other, path)
    os.symlink(path, other)
    return path


# --- text: an article --------------------------------------------------------------------------

@case("text")
def binary(ws):
    return ws.file("binary.txt", random.Random(1).randbytes(4096))


@case("text")
def nul_in_text(ws):
    return ws.file("nul.txt", b"North Korea\x00 said.\n")


@case("text")
def nul_past_the_first_64k(ws):
    return ws.file("nul-late.txt", EN.encode() * 1000 + b"\x00\n")


@case("text")
def utf16_with_bom(ws):
    return ws.file("utf16-bom.txt", KO.encode("utf-16"))


@case("text")
def utf16_without_bom(ws):
    return ws.file("utf16.txt", KO.encode("utf-16-le"))


@case("text")
def utf32(ws):
    return ws.file("utf32.txt", EN.encode("utf-32"))


@case("text")
def invalid_utf8(ws):
    return ws.file("invalid.txt", b"North Korea \xff\xfe said.\n")


@case("text")
def utf8_surrogate(ws):
    return ws.file("surrogate.txt", b"North \xed\xa0\x80 Korea\n")


@case("text")
def overlong_utf8(ws):
    return ws.file("overlong.txt", b"North \xc0\xaf Korea\n")


@case("text")
def truncated_utf8(ws):
    return ws.file("truncated.txt", KO.encode()[:-2] + "탈".encode()[:2])


@case("text")
def cp949_korean(ws):
    return ws.file("cp949.txt", KO.encode("cp949"))


@case("text")
def control_characters(ws):
    return ws.file("control.txt", ("North\x01Korea\x02said\x03" * 50 + "\n").encode())


@case("text", LEGAL)
def nfd_korean(ws):
    return ws.file("nfd.txt", unicodedata.normalize("NFD", KO))


@case("text", LEGAL)
def crlf(ws):
    return ws.file("crlf.txt", KO.replace("\n", "\r\n"))


@case("text", LEGAL)
def bare_cr(ws):
    return ws.file("cr.txt", KO.replace("\n", "\r"))


@case("text", LEGAL)
def utf8_bom(ws):
    return ws.file("bom.txt", "\ufeff" + KO)


@case("text", LEGAL)
def no_final_newline(ws):
    return ws.file("no-newline.txt", KO.rstrip("\n"))


@case("text", LEGAL)
def combining_marks_pile(ws):
    return ws.file("zalgo.txt", "북한" + "\u0301" * 5000 + " 탈북자.\n")


@case("text", LEGAL)  # the tiny model has positions for 256 tokens: translated in pieces
def one_sentence_past_the_models_positions(ws):
    return ws.file("unpunctuated.txt", "탈북자 " * 400 + "\n")


@case("text", LEGAL)
def a_figure_of_five_thousand_digits(ws):  # past a float: once inf, and a traceback in the aligner
    return ws.file("huge-figure.txt", "탈북자 " + "1" * 5000 + "명이 한국에 산다.\n" + KO)


@case("text", LEGAL)
def one_long_korean_line(ws):
    return ws.file("long-ko.txt", KO.replace("\n", " ") * 2000 + "\n")


@case("text", EITHER)
def empty(ws):
    return ws.file("empty.txt", b"")


@case("text", EITHER)
def whitespace_only(ws):
    return ws.file("blank.txt", " \n\t\n\u3000\n\n")


@case("text", EITHER)
def bom_only(ws):
    return ws.file("bom-only.txt", b"\xef\xbb\xbf")


@case("text", says=("north\\nkorea.txt",))
def name_with_a_line_break(ws):  # named in the refusal, which must stay one line
    return ws.file("north\nkorea.txt", b"\x00 binary")


@case("text", says=("\\x1b[2J",))
def name_with_an_escape_sequence(ws):  # printed as it is, it would clear the terminal
    return ws.folder / "\x1b[2J.txt"


@case("text")
def missing_file(ws):
    return ws.folder / "missing.txt"


@case("text")
def a_folder(ws):
    path = ws.folder / "folder.txt"
    path.mkdir()
    return path


@case("text")
def symlink_loop(ws):
    return _loop(ws, "loop.txt")


@case("text")
def dangling_symlink(ws):
    path = ws.folder / "dangling.txt"
    os.symlink(ws.folder / "nowhere", path)
    return path


@case("text")
def a_fifo(ws):
    return _fifo(ws, "fifo.txt")


@case("text")
def a_socket(ws):
    return _socket(ws, "socket.txt")


@case("text", isolated=True)
def dev_zero(ws):
    return Path("/dev/zero")


@case("text", isolated=True)
def twenty_megabytes(ws):
    return ws.file("20mb.txt", EN.encode() * (20 * 1024 * 1024 // len(EN.encode()) + 1))


@case("text", says=("DIGLOT_MAX_INPUT_MB",), env={"DIGLOT_MAX_INPUT_MB": "nan"})
def input_limit_not_a_number(ws):  # a good article under a limit that cannot be one (inf, 1e999: a traceback)
    return ws.file("ko-nan-limit.txt", KO)


@case("text", says=("DIGLOT_MAX_INPUT_MB",), env={"DIGLOT_MAX_INPUT_MB": "1e999"})
def input_limit_past_a_float(ws):
    return ws.file("ko-1e999-limit.txt", KO)


@case("text", says=("DIGLOT_MAX_INPUT_MB",), env={"DIGLOT_MAX_INPUT_MB": "-1"})
def input_limit_negative(ws):  # refused every file as "larger than -1.0 MB"
    return ws.file("ko-negative-limit.txt", KO)


@case("text", LEGAL, env={"DIGLOT_MAX_INPUT_MB": "1000000"})
def input_limit_of_a_terabyte(ws):  # once a MemoryError: the reader allocated the whole limit at once
    return ws.file("ko-huge-limit.txt", KO)


@case("text", LEGAL, isolated=True)
def one_line_of_twenty_thousand_mentions(ws):  # each mention once rescanned the line: minutes
    return ws.file("many-mentions.txt", "탈북자와 강제북송, 한국 " * 7000 + "\n" + KO)


@case("text", LEGAL, isolated=True)
def five_megabyte_english_line(ws):
    words = "the minister said on Tuesday that North Korea would talk to the South about its program".split()
    rng = random.Random(5)
    line = " ".join(rng.choice(words) for _ in range(5 * 1024 * 1024 // 6))
    return ws.file("5mb-line.txt", line + "\n")


# --- glossary: YAML ----------------------------------------------------------------------------

GOOD_ENTRY = "  - id: x\n    type: term\n    ko: {preferred: 탈북자}\n    en: {preferred: defector}\n"


@case("glossary", isolated=True)
def yaml_alias_bomb(ws):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        prev, this = chr(96 + i), chr(97 + i)
        lines.append(f"{this}: &{this} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return ws.file("bomb.yaml", "\n".join(lines) + "\nentries: []\n")


@case("glossary", says=("larger than",), env=SMALL_LIMIT)
def yaml_past_the_limit(ws):
    return ws.file("big.yaml", "entries:\n" + "".join(GOOD_ENTRY.replace("id: ", f"id: n{i}-", 1) for i in range(200)))


@case("glossary", says=("en.variants",))
def yaml_form_with_line_break(ws):
    return ws.file("break.yaml", "entries:\n" + GOOD_ENTRY.replace("{preferred: defector}",
                                                                    '{preferred: defector, variants: ["North\\nKorean"]}'))


@case("glossary")
def yaml_form_with_control_character(ws):
    return ws.file("control.yaml", "entries:\n" + GOOD_ENTRY.replace("탈북자", '"탈북\\x1b[31m자"'))


@case("glossary")
def yaml_form_with_bidi_override(ws):
    return ws.file("bidi.yaml", "entries:\n" + GOOD_ENTRY.replace("defector", "\u202edefector"))


@case("glossary")
def yaml_deep_nesting(ws):
    return ws.file("deep.yaml", "entries:\n  - " + "[" * 900 + "]" * 900 + "\n")


@case("glossary")
def yaml_deep_block_nesting(ws):
    body = "".join("  " * i + f"k{i}:\n" for i in range(300))
    return ws.file("deep-block.yaml", "entries:\n" + GOOD_ENTRY + "    note:\n" + body.replace("\n", "\n    ") + "\n")


@case("glossary")
def yaml_impossible_date(ws):
    return ws.file("date.yaml", "entries:\n" + GOOD_ENTRY + "    valid_from: 2013-02-30\n")


@case("glossary")
def yaml_month_thirteen(ws):
    return ws.file("month.yaml", "entries:\n" + GOOD_ENTRY + "    valid_until: 2013-13-01\n")


@case("glossary")
def yaml_duplicate_key(ws):
    return ws.file("dup.yaml", "entries:\n" + GOOD_ENTRY + "    type: place\n")


@case("glossary")
def yaml_duplicate_id(ws):
    return ws.file("dup-id.yaml", "entries:\n" + GOOD_ENTRY + GOOD_ENTRY)


@case("glossary")
def yaml_form_is_a_number(ws):
    return ws.file("number.yaml", "entries:\n  - id: x\n    type: term\n    ko: {preferred: 5}\n    en: {preferred: five}\n")


@case("glossary")
def yaml_variants_a_mapping(ws):
    return ws.file(
        "variants.yaml",
        "entries:\n  - id: x\n    type: term\n    ko: {preferred: 탈북자, variants: {a: b}}\n    en: {preferred: defector}\n",
    )


@case("glossary")
def yaml_entries_a_string(ws):
    return ws.file("entries-string.yaml", "entries: hello\n")


@case("glossary")
def yaml_entry_a_list(ws):
    return ws.file("entry-list.yaml", "entries:\n  - [1, 2, 3]\n")


@case("glossary")
def yaml_top_level_list(ws):
    return ws.file("top-list.yaml", "- id: x\n- id: y\n")


@case("glossary")
def yaml_id_missing(ws):
    return ws.file("no-id.yaml", "entries:\n  - type: term\n    ko: {preferred: 탈북자}\n    en: {preferred: defector}\n")


@case("glossary")
def yaml_id_a_list(ws):
    return ws.file("id-list.yaml", "entries:\n" + GOOD_ENTRY.replace("id: x", "id: [a, b]"))


@case("glossary")
def yaml_python_tag(ws):
    return ws.file("tag.yaml", "entries: !!python/object/apply:os.system ['true']\n")


@case("glossary")
def yaml_impossible_tag(ws):
    return ws.file("int-tag.yaml", "entries:\n" + GOOD_ENTRY + "    note: !!int x\n")


@case("glossary")
def yaml_syntax_error(ws):
    return ws.file("syntax.yaml", "entries:\n  - id: x\n   type: [unclosed\n")


@case("glossary")
def yaml_tab_indent(ws):
    return ws.file("tabs.yaml", "entries:\n\t- id: x\n")


@case("glossary")
def yaml_binary(ws):
    return ws.file("binary.yaml", random.Random(2).randbytes(2048))


@case("glossary")
def yaml_utf16(ws):
    return ws.file("utf16.yaml", ("entries:\n" + GOOD_ENTRY).encode("utf-16"))


@case("glossary")
def yaml_invalid_utf8(ws):
    return ws.file("invalid.yaml", b"entries:\n  - id: \xff\n")


@case("glossary")
def yaml_fifo(ws):
    return _fifo(ws, "fifo.yaml")


@case("glossary")
def yaml_folder_missing(ws):
    return ws.folder / "missing.yaml"


@case("glossary")
def yaml_symlink_loop(ws):
    return _loop(ws, "loop.yaml")


@case("glossary")
def yaml_multiple_documents(ws):
    return ws.file("multi.yaml", "entries: []\n---\nentries: []\n")


@case("glossary")
def yaml_unknown_type(ws):
    return ws.file("type.yaml", "entries:\n" + GOOD_ENTRY.replace("type: term", "type: spaceship"))


# --- exchange formats: TBX, CSV, PO ------------------------------------------------------------

TBX_OK = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>'
    '<termEntry id="x"><langSet xml:lang="ko"><tig><term>탈북자</term></tig></langSet>'
    '<langSet xml:lang="en"><tig><term>defector</term></tig></langSet></termEntry>'
    "</body></text></martif>\n"
)




def _tbx_entries(count: int) -> str:
    entry = TBX_OK[TBX_OK.index("<termEntry"):TBX_OK.index("</body>")]
    return TBX_OK.replace(entry, "".join(
        entry.replace('id="x"', f'id="x{i}"').replace("탈북자", f"탈북자{i}").replace("defector", f"defector {i}")
        for i in range(count)
    ))


@case("exchange", LEGAL)
def tbx_utf16_with_bom(ws):  # some CAT tools export so
    return ws.file("utf16-ok.tbx", _tbx_entries(3).encode("utf-16"))


@case("exchange", says=("larger than",), env=SMALL_LIMIT)
def tbx_utf16_past_the_limit(ws):  # the UTF-16 reading once went around the size limit
    return ws.file("utf16-big.tbx", _tbx_entries(60).encode("utf-16"))


@case("exchange", says=("larger than",), env=SMALL_LIMIT)
def csv_past_the_limit(ws):
    return ws.file("big.csv", "탈북자,North Korean defector\n" * 600)


@case("exchange", says=("larger than",), env=SMALL_LIMIT)
def po_past_the_limit(ws):
    return ws.file("big.po", "".join(f'msgid "탈북자{i}"\nmsgstr "defector {i}"\n\n' for i in range(600)))


@case("exchange", says=("no glossary entries",))
def csv_empty(ws):  # once imported as `entries: []`, exit 0
    return ws.file("empty.csv", b"")


@case("exchange", says=("no glossary entries",))
def po_only_a_header(ws):
    return ws.file("header.po", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')


@case("exchange", says=("no glossary entries",))
def tbx_entries_without_languages(ws):
    return ws.file("bare.tbx", TBX_OK.replace(TBX_OK[TBX_OK.index("<langSet"):TBX_OK.index("</termEntry>")], ""))


@case("exchange", says=("also claimed",))
def tbx_one_term_in_two_entries(ws):  # imported into a YAML that every command then refused
    entry = TBX_OK[TBX_OK.index("<termEntry"):TBX_OK.index("</body>")]
    return ws.file("twice.tbx", TBX_OK.replace(entry, entry + entry.replace('id="x"', 'id="y"')))


@case("exchange", says=("no ko form",))
def tbx_term_only_in_english(ws):
    return ws.file("english-only.tbx", TBX_OK.replace("<term>탈북자</term>", "<term></term>"))


@case("exchange")
def tbx_broken_xml(ws):
    return ws.file("broken.tbx", TBX_OK[: len(TBX_OK) // 2])


@case("exchange")
def tbx_utf16_bom_invalid(ws):
    return ws.file("utf16.tbx", b"\xff\xfe" + TBX_OK.encode("utf-16-le")[:-1] + b"\x00\xd8")


@case("exchange")
def tbx_external_entity(ws):
    secret = ws.file("secret.txt", "SECRET\n")
    return ws.file(
        "xxe.tbx",
        f'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        + TBX_OK.split("\n", 1)[1].replace("defector", "&x;"),
    )


@case("exchange")
def tbx_billion_laughs(ws):
    entities = ['<!ENTITY a "lol">'] + [f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)]
    return ws.file(
        "laughs.tbx",
        '<?xml version="1.0"?>\n<!DOCTYPE martif [' + "".join(entities) + "]>\n"
        + TBX_OK.split("\n", 1)[1].replace("defector", "&j;"),
    )


@case("exchange")
def tbx_wrong_root(ws):
    return ws.file("root.tbx", '<?xml version="1.0"?>\n<html><body>hello</body></html>\n')


@case("exchange")
def tbx_empty(ws):
    return ws.file("empty.tbx", b"")


@case("exchange")
def tbx_binary(ws):
    return ws.file("binary.tbx", random.Random(3).randbytes(1024))


@case("exchange")
def tbx_deep_nesting(ws):
    return ws.file("deep.tbx", '<?xml version="1.0"?>\n' + "<a>" * 100000 + "</a>" * 100000)


@case("exchange")
def tbx_fifo(ws):
    return _fifo(ws, "fifo.tbx")


@case("exchange", EITHER)
def csv_formula_cells(ws):
    return ws.file("formula.csv", '탈북자,"=HYPERLINK(""http://x"",""y"")"\n북한,@SUM(A1)\n')


@case("exchange")
def csv_binary(ws):
    return ws.file("binary.csv", random.Random(4).randbytes(1024))


@case("exchange")
def csv_unterminated_quote(ws):
    return ws.file("quote.csv", '탈북자,"North Korean defector\n북한,North Korea\n')


@case("exchange")
def csv_one_column(ws):
    return ws.file("one.csv", "탈북자\n북한\n")


@case("exchange")
def csv_huge_field(ws):
    return ws.file("huge.csv", "탈북자," + "x" * 200_000 + "\n")


@case("exchange")
def csv_cp949(ws):
    return ws.file("cp949.csv", "탈북자,defector\n".encode("cp949"))


@case("exchange")
def po_unterminated_string(ws):
    return ws.file("open.po", 'msgid "탈북자\nmsgstr "defector"\n')


@case("exchange")
def po_path_as_text(ws):
    return ws.file("path.po", str(ws.glossary))


@case("exchange")
def po_garbage(ws):
    return ws.file("garbage.po", "this is not a catalogue\n")


@case("exchange")
def po_binary(ws):
    return ws.file("binary.po", random.Random(6).randbytes(1024))


@case("exchange")
def unknown_suffix(ws):
    return ws.file("terms.docx", "탈북자,defector\n")


# --- jsonl: a batch of documents ---------------------------------------------------------------

def _doc(**fields) -> str:
    return json.dumps({"id": "a", "ko": KO.splitlines(), "en": EN.splitlines(), **fields}, ensure_ascii=False)


@case("jsonl")
def jsonl_nan(ws):
    return ws.file("nan.jsonl", '{"id": NaN, "ko": "탈북자.", "en": "defector."}\n')


@case("jsonl")
def jsonl_infinity(ws):
    return ws.file("inf.jsonl", '{"id": "a", "ko": "탈북자.", "en": "defector.", "x": Infinity}\n')


@case("jsonl")
def jsonl_huge_integer(ws):
    return ws.file("bigint.jsonl", '{"id": ' + "9" * 5000 + ', "ko": "탈북자.", "en": "defector."}\n')


@case("jsonl")
def jsonl_deep_brackets(ws):
    return ws.file("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")


@case("jsonl")
def jsonl_not_an_object(ws):
    return ws.file("list.jsonl", '["a", "b"]\n')


@case("jsonl")
def jsonl_text_a_number(ws):
    return ws.file("number.jsonl", _doc(ko=5) + "\n")


@case("jsonl")
def jsonl_text_a_string(ws):
    return ws.file("string.jsonl", _doc(ko=KO) + "\n")


@case("jsonl")
def jsonl_text_a_list(ws):
    return ws.file("list-text.jsonl", _doc(en=[1, [2]]) + "\n")


@case("jsonl")
def jsonl_missing_field(ws):
    return ws.file("missing.jsonl", json.dumps({"id": "a", "ko": KO.splitlines()}, ensure_ascii=False) + "\n")


@case("jsonl")
def jsonl_id_an_object(ws):
    return ws.file("id-object.jsonl", _doc(id={"a": [1, 2]}) + "\n")


@case("jsonl")
def jsonl_broken_line(ws):
    return ws.file("broken.jsonl", _doc() + "\n" + '{"id": "b", "ko": \n')


@case("jsonl", says=('"a"', "line 2", "line 1"))  # outputs are named by id: the second would merge or overwrite
def jsonl_duplicate_ids(ws):
    return ws.file("dup.jsonl", _doc() + "\n" + _doc() + "\n")


@case("jsonl", says=("line 3", "line 1"))
def jsonl_duplicate_ids_number_and_string(ws):
    return ws.file("dup-3.jsonl", _doc(id=3) + "\n" + _doc(id="b") + "\n" + _doc(id="3") + "\n")


@case("jsonl", says=('"ko"',))
def jsonl_duplicate_key(ws):  # json keeps the last of two keys: which one was meant is unknown
    return ws.file("dup-key.jsonl", _doc()[:-1] + ', "ko": ["탈북자."]}\n')


@case("jsonl")
def jsonl_lone_surrogate(ws):  # legal JSON escape, but no UTF-8 text can hold it
    return ws.file("surrogate.jsonl", '{"id": "a", "ko": ["\\ud800 탈북자."], "en": ["defector \\udfff."]}\n')


@case("jsonl")
def jsonl_lone_surrogate_in_id(ws):
    return ws.file("surrogate-id.jsonl", '{"id": "\\udbff", "ko": ["탈북자."], "en": ["defector."]}\n')


@case("jsonl")
def jsonl_nul_escape(ws):
    return ws.file("nul.jsonl", '{"id": "a", "ko": ["탈북자\\u0000."], "en": ["defector."]}\n')


@case("jsonl", LEGAL)
def jsonl_surrogate_pair(ws):  # an emoji written as its escaped pair is text
    return ws.file("emoji.jsonl", _doc(ko=["\\ud83d\\ude00 " + KO.splitlines()[0]]).replace("\\\\", "\\") + "\n")


@case("jsonl")
def jsonl_binary(ws):
    return ws.file("binary.jsonl", random.Random(7).randbytes(1024))


@case("jsonl")
def jsonl_fifo(ws):
    return _fifo(ws, "fifo.jsonl")


@case("jsonl", EITHER)
def jsonl_empty(ws):
    return ws.file("empty.jsonl", b"")


@case("jsonl", LEGAL)
def jsonl_crlf(ws):
    return ws.file("crlf.jsonl", (_doc() + "\n").replace("\n", "\r\n"))


# --- pair_jsonl: documents of both languages for `diglot pair --jsonl` -------------------------

def _article(lang: str, doc_id: object = "a", **fields) -> str:
    text = KO if lang == "ko" else EN
    return json.dumps({"id": doc_id, "lang": lang, "text": text, **fields}, ensure_ascii=False) + "\n"


@case("pair_jsonl", LEGAL)
def pair_same_id_in_both_languages(ws):  # a Korean article and its English one may share an id
    return ws.file("same-id.jsonl", _article("ko") + _article("en"))


@case("pair_jsonl", says=('"a"', "line 3", "line 1"))
def pair_duplicate_ids(ws):
    return ws.file("dup.jsonl", _article("ko") + _article("en") + _article("ko"))


@case("pair_jsonl")
def pair_lone_surrogate(ws):
    return ws.file("surrogate.jsonl", '{"id": "a", "lang": "ko", "text": "\\ud800 탈북자."}\n' + _article("en", "b"))


@case("pair_jsonl")
def pair_language_unknown(ws):
    return ws.file("lang.jsonl", _article("ko") + _article("en", "b").replace('"en"', '"EN "'))


@case("pair_jsonl")
def pair_date_impossible(ws):
    return ws.file("date.jsonl", _article("ko", date="2013-02-30") + _article("en", "b"))


@case("pair_jsonl")
def pair_fifo(ws):
    return _fifo(ws, "fifo.jsonl")


# --- package: an .argosmodel -------------------------------------------------------------------

def _repack(ws: Workspace, name: str, **changes) -> Path:
    assert ws.package is not None
    return tinymodel.repack(ws.package, ws.folder / name, **changes)


@case("package")
def package_not_a_zip(ws):
    return ws.file("text.argosmodel", "hello\n")


@case("package")
def package_empty_zip(ws):
    return ws.file("empty.argosmodel", tinymodel.zip_bytes({}))


@case("package")
def package_truncated(ws):
    assert ws.package is not None
    data = ws.package.read_bytes()
    return ws.file("truncated.argosmodel", data[: len(data) // 2])


@case("package")
def package_code_an_absolute_path(ws):
    return _repack(ws, "abs.argosmodel", metadata={"from_code": str(ws.folder / "victim")})


@case("package")
def package_code_climbs_out(ws):
    return _repack(ws, "climb.argosmodel", metadata={"from_code": "../../x"})


@case("package")
def package_code_with_spaces(ws):
    return _repack(ws, "spaces.argosmodel", metadata={"from_code": " ko "})


@case("package")
def package_code_an_object(ws):
    return _repack(ws, "object.argosmodel", metadata={"to_code": {"a": [1, 2]}})


@case("package")
def package_version_with_nul(ws):
    return _repack(ws, "nul.argosmodel", metadata={"package_version": "1.0\u0000x"})


@case("package")
def package_version_with_slash(ws):
    return _repack(ws, "slash.argosmodel", metadata={"package_version": "1/../../0"})


@case("package")
def package_metadata_not_json(ws):
    return _repack(ws, "meta.argosmodel", replace={"metadata.json": b"{not json"})


@case("package")
def package_metadata_a_list(ws):
    return _repack(ws, "meta-list.argosmodel", replace={"metadata.json": b"[1, 2]"})


@case("package")
def package_without_metadata(ws):
    return _repack(ws, "no-meta.argosmodel", drop="metadata.json")


@case("package")
def package_garbage_model_bin(ws):
    return _repack(ws, "model-bin.argosmodel", replace={"model.bin": b"garbage" * 100})


@case("package")
def package_without_sentencepiece(ws):
    return _repack(ws, "no-sp.argosmodel", drop="sentencepiece.model")


@case("package")
def package_garbage_sentencepiece(ws):
    return _repack(ws, "sp.argosmodel", replace={"sentencepiece.model": b"garbage" * 100})


@case("package")
def package_zip_slip(ws):
    return _repack(ws, "slip.argosmodel", add={"../../evil.txt": b"x"})


@case("package")
def package_absolute_member(ws):
    return _repack(ws, "absolute.argosmodel", add={"/tmp/evil-diglot.txt": b"x"})


@case("package")
def package_member_named_dot(ws):
    return _repack(ws, "dot.argosmodel", add={"./": b""})


@case("package")
def package_diglot_json_a_folder(ws):
    return _repack(ws, "diglot-json.argosmodel", add={"translate-ko_en-1_0/diglot.json/x": b"{}"})


@case("package")
def package_symlink_member(ws):
    path = _repack(ws, "link.argosmodel")
    info = zipfile.ZipInfo("translate-ko_en-1_0/link")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr(info, "/etc/passwd")
    return path


@case("package")
def package_deflate64_member(ws):
    path = _repack(ws, "deflate64.argosmodel")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("translate-ko_en-1_0/extra.txt", b"x" * 100)
    data = bytearray(path.read_bytes())
    # Mark the last member Deflate64 (method 9) in its local and central headers: Python cannot read it.
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.rfind(signature)
        data[at + offset : at + offset + 2] = (9).to_bytes(2, "little")
    return ws.file("deflate64.argosmodel", bytes(data))


@case("package")
def package_a_folder(ws):
    path = ws.folder / "folder.argosmodel"
    path.mkdir()
    return path


@case("package")
def package_fifo(ws):
    return _fifo(ws, "fifo.argosmodel")


# --- output: where a command writes ------------------------------------------------------------

@case("output")
def output_folder_missing(ws):
    return ws.folder / "nowhere" / "out.txt"


@case("output")
def output_is_a_folder(ws):
    path = ws.folder / "out-folder"
    path.mkdir()
    return path


@case("output")
def output_symlink_to_a_file(ws):
    target = ws.file("target.txt", "keep me\n")
    path = ws.folder / "out-link.txt"
    os.symlink(target, path)
    return path


@case("output")
def output_dangling_symlink(ws):
    path = ws.folder / "out-dangling.txt"
    os.symlink(ws.folder / "nowhere.txt", path)
    return path


@case("output")
def output_fifo(ws):
    return _fifo(ws, "out-fifo.txt")


@case("output")
def output_device_node(ws):
    """A character device like /dev/full: our own node when root may make one (a bug then
    replaces only that), /dev/full itself otherwise (its folder is not ours to write)."""
    if os.geteuid() != 0:
        return Path("/dev/full")
    path = ws.folder / "full"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    return path


@case("output")
def output_socket(ws):
    return _socket(ws, "out-socket.txt")


@case("output", force=False)
def output_exists_without_force(ws):
    return ws.file("exists.txt", "keep me\n")


@case("output")
def output_read_only_folder(ws):
    folder = ws.folder / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder / "out.txt"


# --- home: a broken $DIGLOT_HOME ---------------------------------------------------------------

@case("home")
def home_is_a_file(ws):
    return ws.file("home-file", "x\n")


@case("home")
def home_models_is_a_file(ws):
    home = ws.folder / "home"
    home.mkdir()
    (home / "models").write_text("x\n")
    return home


@case("home")
def home_is_a_fifo(ws):
    return _fifo(ws, "home-fifo")


@case("home")
def home_models_is_a_fifo(ws):
    home = ws.folder / "home"
    home.mkdir()
    os.mkfifo(home / "models")
    return home


@case("home")
def home_models_is_a_dangling_link(ws):
    home = ws.folder / "home"
    home.mkdir()
    os.symlink(ws.folder / "nowhere", home / "models")
    return home


@case("home", LEGAL)
def home_broken_diglot_json(ws):
    home = ws.folder / "home"
    package = home / "models" / "ko_en-1.0"
    package.mkdir(parents=True)
    (package / "diglot.json").write_text("{not json")
    return home

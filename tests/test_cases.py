"""The rules extractor on the case tables: one test per row of ``tests/cases/*.tsv``.

A row names a sentence (or a short text), the document's date and what the events
extracted from it must be; ``tests/cases/README.md`` describes the format. The loader
rejects a malformed row with ``file:line`` and the reason, so a typo cannot turn a
case into one that always passes.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, fields
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

import pytest

from graphkit.model import CATEGORIES, Event

CASES_DIR = Path(__file__).parent / "cases"
HEADER = ("id", "date", "match", "expect", "sentence", "note")
NEGATIVE = "negative.tsv"
NEGATIVE_HEADER = ("id", "date", "sentence", "note")
MODES = ("exact", "set", "has", "lacks", "all", "differs")
EVENT_FIELDS = tuple(f.name for f in fields(Event))
#: fields a found event shows in a failure message, besides those a case names
SHOWN = ("sentence_id", "source", "target", "event_type", "modality", "negated")

_ID = re.compile(r"[a-z0-9_.-]+")
_ACTOR = re.compile(r"[A-Z0-9*?-]*")
_ITEM = re.compile(r"""
    (?:\#(?P<sid>\d+)\s*)?
    (?:(?P<source>[^\s>:@!{}]*)>(?P<target>[^\s>:@!{}]*))?
    (?::(?P<event_type>[^\s>:@!{}]+))?
    (?P<quals>(?:\s*(?:!|@[a-z]+|\{[^{}]*\}))*)
    """, re.X)
_QUAL = re.compile(r"\s*(?:(?P<neg>!)|@(?P<mod>[a-z]+)|\{(?P<field>\w+)(?P<op>!?=)(?P<value>[^{}]*)\})")
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


class CaseError(ValueError):
    """A malformed case row; the message starts with ``file:line:``."""


@dataclass(frozen=True)
class Constraint:
    """One field of an event compared with a glob (``*`` any run, ``?`` one character)."""

    field: str
    pattern: str
    equal: bool = True

    def test(self, ev) -> bool:
        return fnmatch.fnmatchcase(str(getattr(ev, self.field)), self.pattern) == self.equal

    def __str__(self):
        return "{%s%s%s}" % (self.field, "=" if self.equal else "!=", self.pattern)


#: an item is a conjunction of constraints: an event matches it when it meets them all
Item = tuple


def matches(ev, item: Item) -> bool:
    return all(c.test(ev) for c in item)


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    id: str
    date: str
    mode: str
    scope: Item
    expect: tuple       # alternatives, each a tuple of items (exact); one alternative otherwise
    sentence: str
    note: str

    @property
    def name(self) -> str:
        return f"{self.file}::{self.id}"


# ---------------------------------------------------------------------------
# parsing

@lru_cache(maxsize=1)
def _party_ids() -> frozenset:
    from graphkit.actors import load_registry

    return frozenset(load_registry().parties)


def _known_party(value: str) -> bool:
    """A literal actor id names a party, alone or with a sector ("SYR-REB")."""
    return value.split("-")[0] in _party_ids()


def _check_value(field: str, value: str) -> str | None:
    """Why ``value`` cannot be compared with ``field``, or None."""
    if field == "event_type" and value not in CATEGORIES:
        return f"unknown category {value!r}"
    if field in ("source", "target") and value:
        if not _ACTOR.fullmatch(value):
            return f"bad actor id {value!r}"
        if not any(ch in value for ch in "*?") and not _known_party(value):
            return f"unknown actor id {value!r}"
    if field == "negated" and value not in ("True", "False"):
        return f"negated is True or False, not {value!r}"
    return None


def parse_item(text: str) -> Item:
    """The constraints of one expected event, e.g. ``#1 RUS>NATO:CONSULT@future !``.

    Examples
    --------
    >>> [str(c) for c in parse_item("RUS>:AGREE@future")]
    ['{source=RUS}', '{target=}', '{event_type=AGREE}', '{modality=future}']
    >>> parse_item("*")
    ()
    """
    text = text.strip()
    if text == "*":
        return ()
    m = _ITEM.fullmatch(text)
    if not text or not m:
        raise ValueError(f"cannot read the item {text!r}")
    out = []
    if m.group("sid") is not None:
        out.append(Constraint("sentence_id", m.group("sid")))
    for key in ("source", "target", "event_type"):
        value = m.group(key)
        if value is not None and value != "*":
            out.append(Constraint(key, value))
    for q in _QUAL.finditer(m.group("quals")):
        if q.group("neg"):
            out.append(Constraint("negated", "True"))
        elif q.group("mod"):
            out.append(Constraint("modality", q.group("mod")))
        else:
            if q.group("field") not in EVENT_FIELDS:
                raise ValueError(f"unknown event field {q.group('field')!r} in {text!r}")
            out.append(Constraint(q.group("field"), q.group("value").strip(),
                                  q.group("op") == "="))
    for c in out:
        why = _check_value(c.field, c.pattern)
        if why:
            raise ValueError(f"{why} in {text!r}")
    return tuple(out)


def parse_expect(text: str, mode: str) -> tuple:
    """Alternatives (``|``, exact only) of ``;``-separated items; ``-`` is no event."""
    alternatives = [a.strip() for a in text.split("|")]
    if len(alternatives) > 1 and mode != "exact":
        raise ValueError(f"alternatives ('|') only go with exact, not {mode}")
    out = []
    for alt in alternatives:
        if alt == "-":
            if mode not in ("exact", "differs"):
                raise ValueError(f"'-' (no event) only goes with exact or differs, not {mode}")
            out.append(())
        else:
            out.append(tuple(parse_item(i) for i in alt.split(";")))
    return tuple(out)


def _unescape(text: str) -> str:
    def sub(m):
        if m.group(1) not in _ESCAPES:
            raise ValueError(f"unknown escape '\\{m.group(1)}' (use \\n, \\t or \\\\)")
        return _ESCAPES[m.group(1)]
    return re.sub(r"\\(.?)", sub, text)


def _parse_row(name: str, line: int, cols: dict) -> Case:
    if not _ID.fullmatch(cols["id"]):
        raise ValueError(f"id {cols['id']!r} is not lower-case letters, digits, '_', '.', '-'")
    try:
        Date.fromisoformat(cols["date"])
    except ValueError:
        raise ValueError(f"date {cols['date']!r} is not YYYY-MM-DD") from None
    if name == NEGATIVE:
        mode, scope, expect = "exact", (), ((),)
    else:
        mode, _, where = cols["match"].partition(" where ")
        if mode not in MODES:
            raise ValueError(f"unknown match {cols['match']!r} (one of {', '.join(MODES)}, "
                             "optionally followed by 'where ITEM')")
        scope = parse_item(where) if where else ()
        expect = parse_expect(cols["expect"], mode)
        if mode == "exact" and expect == ((),) and not scope:
            raise ValueError("a sentence that must yield no event belongs in negative.tsv")
    sentence = _unescape(cols["sentence"])
    if not sentence.strip():
        raise ValueError("empty sentence")
    return Case(name, line, cols["id"], cols["date"], mode, scope, expect, sentence,
                cols.get("note", ""))


def load_table(path: Path) -> list[Case]:
    """The cases of one table; a malformed line raises CaseError naming ``file:line``."""
    header = NEGATIVE_HEADER if path.name == NEGATIVE else HEADER
    cases, seen, got_header = [], {}, False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        if not line.strip() or line.startswith("#"):
            continue
        values = line.split("\t")
        if not got_header:
            if tuple(values) != header:
                raise CaseError(f"{where}: the header must be the tab-separated columns "
                                f"{', '.join(header)}")
            got_header = True
            continue
        if len(values) == len(header) - 1:          # no note, trailing tab stripped
            values.append("")
        if len(values) != len(header):
            raise CaseError(f"{where}: {len(values)} tab-separated fields, expected "
                            f"{len(header)} ({', '.join(header)})")
        try:
            case = _parse_row(path.name, n, dict(zip(header, values)))
        except ValueError as e:
            raise CaseError(f"{where}: {e}") from None
        if case.id in seen:
            raise CaseError(f"{where}: id {case.id!r} already used on line {seen[case.id]}")
        seen[case.id] = n
        cases.append(case)
    if not cases:
        raise CaseError(f"{path.name}: no cases")
    return cases


def load_cases(folder: Path = CASES_DIR) -> list[Case]:
    return [c for path in sorted(folder.glob("*.tsv")) for c in load_table(path)]


# ---------------------------------------------------------------------------
# checking

def _perfect_matching(evs: list, items: tuple) -> bool:
    """Each event paired with its own item and each item with its own event."""
    if len(evs) != len(items):
        return False
    owner = [-1] * len(items)          # item -> event

    def place(i, seen):
        for j, item in enumerate(items):
            if j not in seen and matches(evs[i], item):
                seen.add(j)
                if owner[j] < 0 or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(evs)))


def holds(case: Case, evs: list) -> bool:
    """Whether the events extracted for ``case`` meet its expectation."""
    evs = [e for e in evs if matches(e, case.scope)]
    items = case.expect[0]
    if case.mode in ("exact", "differs"):
        exact = any(_perfect_matching(evs, alt) for alt in case.expect)
        return exact if case.mode == "exact" else not exact
    if case.mode == "has":
        return all(any(matches(e, item) for e in evs) for item in items)
    if case.mode == "lacks":
        return not any(matches(e, item) for e in evs for item in items)
    every = bool(evs) and all(any(matches(e, item) for item in items) for e in evs)
    if case.mode == "all":
        return every
    return every and all(any(matches(e, item) for e in evs) for item in items)   # set


def show_item(item: Item) -> str:
    """An item in the table's syntax (the inverse of parse_item)."""
    d = {c.field: c.pattern for c in item if c.equal}
    out = ""
    if "source" in d or "target" in d:
        out += f"{d.pop('source', '*')}>{d.pop('target', '*')}"
    if "event_type" in d:
        out += ":" + d.pop("event_type")
    if d.get("modality"):
        out += "@" + d.pop("modality")
    if d.get("negated") == "True":
        out += "!"
        d.pop("negated")
    if "sentence_id" in d:
        out = f"#{d.pop('sentence_id')} {out}".strip()
    out += "".join("{%s=%s}" % kv for kv in d.items())
    out += "".join(str(c) for c in item if not c.equal)
    return out or "*"


def show_event(ev, also=()) -> str:
    names = list(SHOWN) + [f for f in also if f not in SHOWN]
    item = tuple(Constraint(f, str(getattr(ev, f))) for f in names)
    return show_item(tuple(c for c in item if c.field in also or c.field in ("source", "target")
                           or c.pattern not in ("", "0", "False")))


def explain(case: Case, evs: list) -> str:
    also = {c.field for alt in case.expect for item in alt for c in item}
    also |= {c.field for c in case.scope}
    expect = " | ".join("; ".join(show_item(i) for i in alt) or "-" for alt in case.expect)
    match = case.mode + (f" where {show_item(case.scope)}" if case.scope else "")
    lines = [f"{case.file}:{case.line} {case.id}",
             f"  sentence: {case.sentence!r} ({case.date})",
             f"  expected: {match} {expect}",
             "  found:    " + ("; ".join(show_event(e, sorted(also)) for e in evs) or "-")]
    if case.note:
        lines.append(f"  note:     {case.note}")
    return "\n".join(lines)


CASES = load_cases()


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_case(events, case):
    evs = events(case.sentence, case.date)
    if not holds(case, evs):
        pytest.fail(explain(case, evs), pytrace=False)


# ---------------------------------------------------------------------------
# the format itself

ROW = "a\t2014-05-01\texact\tRUS>NATO:CONSULT\tRussia met NATO.\t"


@pytest.mark.parametrize("lines,message", [
    ([ROW + "\tmore"], "x.tsv:2: 7 tab-separated fields, expected 6"),
    ([ROW.replace("a\t", "Case A\t", 1)], "x.tsv:2: id 'Case A' is not"),
    ([ROW.replace("2014-05-01", "1 May 2014")], "x.tsv:2: date '1 May 2014' is not YYYY-MM-DD"),
    ([ROW.replace("exact", "equals")], "x.tsv:2: unknown match 'equals'"),
    ([ROW.replace("exact", "exact where RUS")], "x.tsv:2: cannot read the item 'RUS'"),
    ([ROW.replace("CONSULT", "CONSULTS")], "x.tsv:2: unknown category 'CONSULTS'"),
    ([ROW.replace("NATO:", "NATOO:")], "x.tsv:2: unknown actor id 'NATOO'"),
    ([ROW.replace("NATO:", "nato:")], "x.tsv:2: bad actor id 'nato'"),
    ([ROW.replace(":CONSULT", ":CONSULT{speakr=Lavrov}")], "x.tsv:2: unknown event field 'speakr'"),
    ([ROW.replace(":CONSULT", ":CONSULT{negated=yes}")], "x.tsv:2: negated is True or False"),
    ([ROW.replace("RUS>NATO:CONSULT", "RUS NATO")], "x.tsv:2: cannot read the item 'RUS NATO'"),
    ([ROW.replace("exact", "has").replace("CONSULT", "CONSULT | -")],
     "x.tsv:2: alternatives .* only go with exact, not has"),
    ([ROW.replace("exact", "lacks").replace("RUS>NATO:CONSULT", "-")],
     "x.tsv:2: '-' .* only goes with exact or differs, not lacks"),
    ([ROW.replace("RUS>NATO:CONSULT", "-")], "x.tsv:2: .* belongs in negative.tsv"),
    ([ROW.replace("Russia met NATO.", "Russia\\qmet NATO.")], r"x.tsv:2: unknown escape '\\q'"),
    ([ROW.replace("Russia met NATO.", " ")], "x.tsv:2: empty sentence"),
    ([ROW, "# a comment", "", ROW], "x.tsv:5: id 'a' already used on line 2"),
    ([], "x.tsv: no cases"),
])
def test_a_malformed_row_is_rejected_with_its_file_and_line(tmp_path, lines, message):
    path = tmp_path / "x.tsv"
    path.write_text("\n".join(["\t".join(HEADER)] + lines) + "\n", encoding="utf-8")
    with pytest.raises(CaseError, match=message):
        load_table(path)


def test_a_table_with_another_header_is_rejected(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("id\tdate\tsentence\tnote\n" + ROW + "\n", encoding="utf-8")
    with pytest.raises(CaseError, match="x.tsv:1: the header must be the tab-separated columns id, date, match, expect, "
                       "sentence, note"):
        load_table(path)


def _table(tmp_path, name, header, row):
    path = tmp_path / name
    path.write_text("\t".join(header) + "\n" + row + "\n", encoding="utf-8")
    return load_table(path)[0]


def test_a_row_without_its_note_and_the_negative_table_load(tmp_path):
    case = _table(tmp_path, "x.tsv", HEADER, ROW.rstrip("\t"))
    assert (case.name, case.line, case.mode, case.note) == ("x.tsv::a", 2, "exact", "")
    neg = _table(tmp_path, NEGATIVE, NEGATIVE_HEADER, "b\t2014-05-01\tA line.\\nAnother.")
    assert (neg.mode, neg.expect, neg.sentence) == ("exact", ((),), "A line.\nAnother.")


def ev(spec, **fields):
    """An event from ``SRC>TGT:CAT``, other fields given by keyword."""
    (source, target), category = spec.split(":")[0].split(">"), spec.split(":")[1]
    values = dict(event_id="e", doc_id="t", date="", sentence_id=0, source=source,
                  source_name="", source_agent="", target=target, target_name="",
                  target_agent="", event_type=category, mode="", quad_class=1, intensity=0.0,
                  polarity=1, issue="", negated=False, modality="", speaker="", evidence="",
                  char_start=0, char_end=0, extractor="rules.v1")
    return Event(**{**values, **fields})


RUS_NATO = ev("RUS>NATO:CONSULT")
NATO_RUS = ev("NATO>RUS:CONSULT", modality="future")
UKR_NEG = ev("UKR>RUS:AGREE", negated=True, sentence_id=1)


@pytest.mark.parametrize("match,expect,found,ok", [
    ("exact", "RUS>NATO:CONSULT; NATO>RUS:CONSULT", [RUS_NATO, NATO_RUS], True),
    ("exact", "RUS>NATO:CONSULT", [RUS_NATO, NATO_RUS], False),        # one too many
    ("exact", "RUS>NATO:CONSULT; RUS>NATO:CONSULT", [RUS_NATO], False),  # one too few
    ("exact", "RUS>NATO; *>*@future", [RUS_NATO, NATO_RUS], True),
    ("exact", "*>*@future; *>*@future", [RUS_NATO, NATO_RUS], False),
    ("exact", "- | RUS>NATO:CONSULT", [RUS_NATO], True),
    ("exact", "- | RUS>NATO:CONSULT", [NATO_RUS], False),
    ("exact where #1", "UKR>RUS!", [RUS_NATO, UKR_NEG], True),
    ("exact where #1", "UKR>RUS{negated=False}", [RUS_NATO, UKR_NEG], False),
    ("differs", "RUS>NATO:CONSULT", [RUS_NATO], False),
    ("differs", "RUS>NATO:CONSULT", [RUS_NATO, NATO_RUS], True),
    ("has", "NATO>RUS:CONSULT@future", [RUS_NATO, NATO_RUS], True),
    ("has", "NATO>RUS:CONSULT; UKR>*", [RUS_NATO, NATO_RUS], False),
    ("lacks", ":AGREE", [RUS_NATO, NATO_RUS], True),
    ("lacks", ":AGREE", [RUS_NATO, UKR_NEG], False),
    ("lacks", "{source!=RUS}{source!=NATO}", [RUS_NATO, NATO_RUS], True),
    ("lacks", "{source!=RUS}{source!=NATO}", [RUS_NATO, UKR_NEG], False),
    ("lacks", "*>NAT*", [UKR_NEG], True),
    ("lacks", "*>NAT*", [UKR_NEG, RUS_NATO], False),
    ("all", "*>*{negated=False}", [RUS_NATO, NATO_RUS], True),
    ("all", "*>*{negated=False}", [RUS_NATO, UKR_NEG], False),
    ("all", "*>*{negated=False}", [], False),                            # nothing found
    ("all where *>RUS", "#1", [RUS_NATO, UKR_NEG], True),
    ("set", "RUS>NATO; NATO>RUS", [RUS_NATO, NATO_RUS, RUS_NATO], True),
    ("set", "RUS>NATO; NATO>RUS", [RUS_NATO, RUS_NATO], False),
    ("set", "RUS>NATO", [RUS_NATO, NATO_RUS], False),
])
def test_each_match_fails_when_it_should(tmp_path, match, expect, found, ok):
    row = f"a\t2014-05-01\t{match}\t{expect}\tRussia met NATO."
    assert holds(_table(tmp_path, "x.tsv", HEADER, row), found) is ok


@pytest.mark.parametrize("item", [
    "RUS>NATO:CONSULT", ">HTI:CONSULT", "#1 RUS>NATO:AGREE@future!", ":SUPPORT{modality=}",
    "*>USA{speaker=Sergei Lavrov}", "{source!=ISR*}", "#0", "*"])
def test_an_item_reads_back_as_written(item):
    assert show_item(parse_item(item)) == item


def test_a_failure_shows_the_row_sentence_expected_and_found(tmp_path):
    row = "a\t2014-05-01\texact\tRUS>NATO:CONSULT\tRussia met NATO.\tthe why"
    case = _table(tmp_path, "x.tsv", HEADER, row)
    assert explain(case, [RUS_NATO, UKR_NEG]).splitlines() == [
        "x.tsv:2 a",
        "  sentence: 'Russia met NATO.' (2014-05-01)",
        "  expected: exact RUS>NATO:CONSULT",
        "  found:    RUS>NATO:CONSULT; #1 UKR>RUS:AGREE!",
        "  note:     the why"]

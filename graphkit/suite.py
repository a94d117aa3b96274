"""A capability suite in the CheckList manner (Ribeiro et al., 2020) for event extractors.

Templates (``graphkit/data/suite.yaml``, or a user's file of the same shape) generate
sentences that each test one capability of an extractor: questions, conditions and
desires that state no fact, participants that are only topics, nominal events, passive
agents, references... Three kinds of test, as in CheckList:

=====  ==============================================================================
MFT    minimum functionality: the expected events are found and the excluded ones not
INV    invariance: swapping the parties (or rewording) gives the same events, swapped
DIR    directional: a question, a condition or "failed to" turns the asserted events
       into events of another modality (still found, none asserted)
=====  ==============================================================================

Parties are drawn from the package data (states, groups, organisations, office holders)
with a seeded random generator, so the same seed gives the same cases. The suite states
what a careful event coder wants, not what an extractor finds today: its pass rates are a
measurement, and many cases fail until the capabilities are built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import random
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from .errors import SourceError
from .io import atomic_write_text, read_regular_file
from .model import CATEGORIES, MODALITIES, Document

__all__ = [
    "TEST_TYPES",
    "Check",
    "Template",
    "Sentence",
    "Case",
    "CaseResult",
    "SuiteResult",
    "load_templates",
    "parse_templates",
    "generate",
    "modality_of",
    "score",
    "run_suite",
    "write_json",
]

#: Kinds of test, in report order.
TEST_TYPES = ("MFT", "INV", "DIR")

#: Slot letter -> kind of filler; the fields each kind offers are in ``_FIELDS``.
SLOT_KINDS = {**dict.fromkeys("ABCDEF", "state"), "G": "group", "H": "group",
              "O": "organisation", "P": "official", "Q": "official",
              "K": "leader", "L": "leader", "N": "person", "M": "person"}

_FIELDS = {
    "state": {"", "adj", "capital"},
    "group": {""},
    "organisation": {""},
    "official": {"name", "surname", "title", "adj"},
    "leader": {"name", "surname", "title", "adj"},
    "person": {"name", "surname", "hon", "adj"},
}

# Offices whose holders are drawn for {P} and {Q} (officials) and {K} and {L} (leaders of
# a state), and the earliest term start used.
_LEADERS = ("President", "Prime Minister", "Chancellor")
_OFFICES = _LEADERS + ("Foreign Minister", "Foreign Secretary", "Defence Minister")
_EARLIEST = "1995-01-01"
_OPEN_TERM_END = "2024-12-31"

# Invented people for {N} and {M}: (honorific, full name). None of them is in officials.csv.
_INVENTED = (
    ("Mr.", "Daniel Okafor"), ("Ms.", "Lena Marchetti"), ("Mr.", "Tomas Varga"),
    ("Ms.", "Amina Kabir"), ("Mr.", "Rafael Quintero"), ("Ms.", "Ingrid Brekke"),
    ("Mr.", "Kwame Mensah"), ("Ms.", "Mei Takahara"), ("Mr.", "Viktor Hrabal"),
    ("Ms.", "Farah Haddad"), ("Mr.", "Anders Lindqvist"), ("Ms.", "Nadia Benali"),
    ("Mr.", "Pavel Dvorsky"), ("Ms.", "Claire Dufresne"), ("Mr.", "Samuel Achebe"),
    ("Ms.", "Leila Rostami"), ("Mr.", "Jonas Vilkas"), ("Ms.", "Sofia Andrade"),
    ("Mr.", "Omar Siddiqui"), ("Ms.", "Hanna Korhonen"),
)

# An organisation or group name ending in one of these words takes "the".
_COMMON_NOUNS = {"army", "front", "movement", "forces", "party", "group", "brigades",
                 "units", "government", "organization", "organisation", "union",
                 "alliance", "council", "resistance", "league", "community", "court",
                 "bank", "fund", "programme", "agency", "commission", "network",
                 "republic", "brotherhood", "assembly", "mission", "force",
                 "kingdom", "states", "emirates", "islands", "market", "office",
                 "partnership", "secretariat", "authority", "coalition"}

_ALT = re.compile(r"\{([^{}]*\|[^{}]*)\}")
_SLOT = re.compile(r"\{([A-Z])(?:\.([a-z]+))?\}")
_BRACES = re.compile(r"\{[^{}]*\}")
_CHECK = re.compile(r"^\s*([A-Z*])\s*([>-])\s*([A-Z*])\s+(\S+)\s+(\S+)\s*$")
_SWAP = re.compile(r"^\s*swap\s+([A-Z])\s+([A-Z])\s*$")
_KEYS = {"test", "template", "variant", "expect", "absent", "changes_to", "fills"}


# ---------------------------------------------------------------------------
# Templates


@dataclass(frozen=True)
class Check:
    """One expected (or excluded) event: ``source``/``target`` are slot letters or party ids,
    ``None`` for any party or none; ``categories``/``modalities`` are ``None`` for any.

    Examples
    --------
    >>> c = Check.parse("A>B ASSAULT|COERCE asserted")
    >>> c.source, c.target, c.directed, sorted(c.categories), c.modalities
    ('A', 'B', True, ['ASSAULT', 'COERCE'], frozenset({'asserted'}))
    >>> str(Check.parse("A-* * question"))
    'A-* * question'
    """

    source: str | None
    target: str | None
    directed: bool
    categories: frozenset | None
    modalities: frozenset | None

    @classmethod
    def parse(cls, text: str) -> "Check":
        """Read ``SOURCE>TARGET CATEGORIES MODALITIES`` (``-`` for either direction).

        Raises
        ------
        ValueError
            If the text does not have that shape or names an unknown category or modality.
        """
        m = _CHECK.match(text) if isinstance(text, str) else None
        if not m:
            raise ValueError(f"expectation {text!r} is not 'SOURCE>TARGET CATEGORIES "
                             "MODALITIES'")
        src, rel, tgt, cats, mods = m.groups()
        return cls(None if src == "*" else src, None if tgt == "*" else tgt, rel == ">",
                   _names(cats, CATEGORIES, "category"), _names(mods, MODALITIES, "modality"))

    def letters(self) -> set:
        """The slot letters the check names."""
        return {x for x in (self.source, self.target) if x is not None}

    def bind(self, parties: dict) -> "Check":
        """The check with slot letters replaced by the parties they stand for."""
        return Check(parties.get(self.source), parties.get(self.target), self.directed,
                     self.categories, self.modalities)

    def with_modalities(self, modalities) -> "Check":
        return Check(self.source, self.target, self.directed, self.categories,
                     frozenset(modalities))

    def matches(self, event) -> bool:
        """Whether a predicted ``(source, target, category, modality)`` fits the check."""
        s, t, category, modality = event
        pairs = ((s, t),) if self.directed else ((s, t), (t, s))
        return (any((self.source is None or a == self.source)
                    and (self.target is None or b == self.target) for a, b in pairs)
                and (self.categories is None or category in self.categories)
                and (self.modalities is None or modality in self.modalities))

    def __str__(self) -> str:
        def side(x):
            return "*" if x is None else x

        def names(xs):
            return "*" if xs is None else "|".join(sorted(xs))
        return (f"{side(self.source)}{'>' if self.directed else '-'}{side(self.target)} "
                f"{names(self.categories)} {names(self.modalities)}")


def _names(text: str, known, what: str):
    if text == "*":
        return None
    names = frozenset(text.split("|"))
    unknown = sorted(n for n in names if n not in known)
    if unknown:
        raise ValueError(f"unknown {what} {unknown[0]!r}")
    return names


@dataclass(frozen=True)
class Template:
    """One test template of a capability (one entry of the suite file's ``tests``)."""

    capability: str
    index: int
    test: str
    template: str
    variant: str = ""
    swap: tuple = ()
    expect: tuple = ()
    absent: tuple = ()
    changes_to: frozenset = frozenset()
    fills: int = 4

    def slots(self) -> set:
        """Slot letters used by the template and its variant."""
        return {m.group(1) for t in (self.template, self.variant) for m in _SLOT.finditer(t)}


def parse_templates(data, *, where: str = "suite") -> tuple[list[Template], dict, str]:
    """Templates from an already-parsed suite document (see ``graphkit/data/suite.yaml``).

    Parameters
    ----------
    data : dict
        ``{"fills": int, "date": "YYYY-MM-DD", "capabilities": {name: {"description":
        str, "tests": [...]}}}``.
    where : str, optional (default="suite")
        Name used in error messages.

    Returns
    -------
    templates : list of Template
    descriptions : dict
        Capability -> its one-line description.
    date : str
        The documents' date when no office holder sets it.

    Raises
    ------
    SourceError
        If the document is malformed: the message names the capability and test.

    Examples
    --------
    >>> ts, desc, date = parse_templates({"capabilities": {"coverage.passive": {
    ...     "description": "passive agents", "tests": [
    ...         {"test": "MFT", "template": "{B} was attacked by {A}.",
    ...          "expect": ["A>B ASSAULT asserted"]},
    ...         {"test": "INV", "template": "{A} attacked {B}.", "variant": "swap A B"}]}}})
    >>> [(t.test, t.template, t.swap, t.fills) for t in ts]
    [('MFT', '{B} was attacked by {A}.', (), 4), ('INV', '{A} attacked {B}.', ('A', 'B'), 4)]
    >>> parse_templates({"capabilities": {"x": {"tests": [{"test": "MFT",
    ...     "template": "{A} met {B}.", "expect": ["A>C CONSULT asserted"]}]}}})
    Traceback (most recent call last):
    ...
    graphkit.errors.SourceError: suite: x test 1: expectation 'A>C CONSULT asserted' names slot C, which the template does not use
    """
    if not isinstance(data, dict) or not isinstance(data.get("capabilities"), dict):
        raise SourceError(f"{where}: expected a mapping with 'capabilities'")
    fills = data.get("fills", 4)
    if not isinstance(fills, int) or isinstance(fills, bool) or fills < 1:
        raise SourceError(f"{where}: 'fills' must be a positive integer")
    date = str(data.get("date", "2023-06-15"))
    if not _is_date(date):
        raise SourceError(f"{where}: 'date' must be YYYY-MM-DD, not {date!r}")
    templates, descriptions = [], {}
    for cap, body in data["capabilities"].items():
        if not isinstance(body, dict) or not isinstance(body.get("tests"), list) \
                or not body["tests"]:
            raise SourceError(f"{where}: capability {cap!r} needs a non-empty 'tests' list")
        descriptions[str(cap)] = str(body.get("description", ""))
        for i, entry in enumerate(body["tests"], 1):
            try:
                templates.append(_template(str(cap), i, entry, fills))
            except ValueError as exc:
                raise SourceError(f"{where}: {cap} test {i}: {exc}") from None
    if not templates:
        raise SourceError(f"{where}: no capabilities")
    return templates, descriptions, date


def _template(cap: str, index: int, entry, fills: int) -> Template:
    if not isinstance(entry, dict):
        raise ValueError("a test must be a mapping")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    test = entry.get("test")
    if test not in TEST_TYPES:
        raise ValueError(f"'test' must be one of {', '.join(TEST_TYPES)}, not {test!r}")
    text = entry.get("template")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("'template' must be a non-empty string")
    _check_braces(text)
    variant = entry.get("variant") or ""
    if not isinstance(variant, str):
        raise ValueError("'variant' must be a string")
    swap = ()
    if _SWAP.match(variant):
        swap, variant = _SWAP.match(variant).groups(), ""
    elif variant:
        _check_braces(variant)
    expect = tuple(_checks(entry.get("expect"), "expect"))
    absent = tuple(_checks(entry.get("absent"), "absent"))
    changes = entry.get("changes_to") or ""
    changes_to = _names(changes, MODALITIES, "modality") if changes else frozenset()
    n = entry.get("fills", fills)
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError("'fills' must be a positive integer")
    t = Template(cap, index, test, text, variant, tuple(swap), expect, absent,
                 frozenset(changes_to or ()), n)
    _validate(t)
    return t


def _check_braces(text: str) -> None:
    rest = _BRACES.sub("", text)
    if "{" in rest or "}" in rest:
        raise ValueError(f"unbalanced braces in {text!r}")
    for m in _BRACES.finditer(text):
        if "|" in m.group():
            continue
        slot = _SLOT.fullmatch(m.group())
        if not slot or slot.group(1) not in SLOT_KINDS:
            raise ValueError(f"{m.group()} is neither a slot ({{A}}, {{A.adj}}, ...) nor "
                             "alternatives ({x|y})")
        kind = SLOT_KINDS[slot.group(1)]
        if (slot.group(2) or "") not in _FIELDS[kind]:
            fields = ", ".join(sorted(f or "(none)" for f in _FIELDS[kind]))
            raise ValueError(f"{m.group()}: a {kind} slot has the fields {fields}")


def _checks(value, key: str):
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"'{key}' must be a list of expectations")
    return [Check.parse(v) for v in value]


def _validate(t: Template) -> None:
    slots = t.slots()
    for check in t.expect + t.absent:
        missing = sorted(check.letters() - slots)
        if missing:
            raise ValueError(f"expectation '{check}' names slot {missing[0]}, which the "
                             "template does not use")
    if t.test in ("MFT", "DIR") and not t.expect:
        raise ValueError(f"an {t.test} test needs 'expect'")
    if t.test == "MFT" and (t.variant or t.swap or t.changes_to):
        raise ValueError("an MFT test takes no 'variant' or 'changes_to'")
    if t.test == "INV":
        if not (t.variant or t.swap) or t.changes_to or t.absent:
            raise ValueError("an INV test needs a 'variant' (a template or 'swap X Y') and "
                             "takes no 'changes_to' or 'absent'")
        if t.swap and (len(set(t.swap)) != 2 or not set(t.swap) <= slots
                       or SLOT_KINDS[t.swap[0]] != SLOT_KINDS[t.swap[1]]):
            raise ValueError(f"'swap {' '.join(t.swap)}' must name two slots of one kind "
                             "that the template uses")
        if t.variant and _letters(t.variant) != _letters(t.template):
            raise ValueError("an INV variant must use the same slots as its template")
    if t.test == "DIR":
        if not t.variant or not t.changes_to or "asserted" in t.changes_to:
            raise ValueError("a DIR test needs a 'variant' template and 'changes_to' "
                             "modalities other than asserted")
        if any(c.modalities != frozenset({"asserted"}) for c in t.expect):
            raise ValueError("a DIR test expects asserted events in its template")
        if t.absent:
            raise ValueError("a DIR test takes no 'absent'")


def _letters(text: str) -> set:
    return {m.group(1) for m in _SLOT.finditer(text)}


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def load_templates(path=None) -> tuple[list[Template], dict, str]:
    """Read a suite file (YAML); the package's ``data/suite.yaml`` when ``path`` is None.

    Returns what :func:`parse_templates` returns.

    Raises
    ------
    SourceError
        If the file is missing, not YAML or malformed.

    Examples
    --------
    >>> templates, descriptions, date = load_templates()
    >>> "factuality.question" in descriptions, date
    (True, '2023-06-15')
    >>> load_templates("/nonexistent/suite.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.errors.SourceError: cannot read suite file /nonexistent/suite.yaml: ...
    """
    if path is None:
        where = "graphkit/data/suite.yaml"
        raw = resources.files("graphkit").joinpath("data", "suite.yaml").read_bytes()
    else:
        where = str(path)
        raw = read_regular_file(path, what="suite file", limit=16 * 2**20)
    try:
        data = yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SourceError(f"suite file {where}: not valid UTF-8 (byte {exc.start})") from None
    except (yaml.YAMLError, RecursionError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "bad YAML"
        raise SourceError(f"suite file {where} is not valid YAML: {first}") from None
    return parse_templates(data, where=f"suite file {where}")


# ---------------------------------------------------------------------------
# Generation


@dataclass(frozen=True)
class Sentence:
    """One generated document: its text, date and the events a careful coder would give it.

    ``expect`` and ``absent`` hold :class:`Check` objects bound to party ids; ``slots`` maps
    each party id of the text to the slot letter it fills.
    """

    doc_id: str
    text: str
    date: str
    expect: tuple = ()
    absent: tuple = ()
    slots: tuple = ()


@dataclass(frozen=True)
class Case:
    """One test: a sentence (MFT) or a sentence and its variant (INV, DIR)."""

    id: str
    capability: str
    test: str
    template: str
    base: Sentence
    variant: Sentence | None = None


@functools.lru_cache(maxsize=1)
def _pools():
    """States, groups, organisations and office holders the slots draw from (sorted)."""
    from .actors import _read_package_csv
    states = [r for r in _read_package_csv("states.csv") if r["un_status"] == "member"]
    names = [r["name"] for r in states]
    adjectives = [_adjective(r["adjectives"]) for r in states]
    pool = {}
    for r, adj in zip(states, adjectives):
        name = r["name"]
        if (not adj or not _first(r["capitals"]) or " and " in name
                or any(name != other and name in other for other in names)
                or sum(adj in other for other in adjectives) > 1):
            continue        # a name or adjective inside another's would test the registry
        pool[r["id"]] = {"id": r["id"], "": _with_article(name, r["aliases"], state=True), "adj": adj,
                         "capital": _first(r["capitals"])}
    groups = [{"id": r["id"], "": _with_article(r["name"], r["aliases"]),
               "country": r["country"]}
              for r in _read_package_csv("groups.csv")
              if r["kind"] == "group" and "(" not in r["name"] and _proper(r["name"])]
    orgs = [{"id": r["id"], "": _with_article(r["name"], r["aliases"])}
            for r in _read_package_csv("organisations.csv")
            if r["kind"] == "igo" and "(" not in r["name"] and "," not in r["name"]]
    officials = []
    for r in _read_package_csv("officials.csv"):
        start, end = r["start"], r["end"] or _OPEN_TERM_END
        if (r["role"] in _OFFICES and r["party"] in pool and r["surname"]
                and start >= _EARLIEST and _is_date(start) and _is_date(end) and start < end
                and len(r["name"].split()) >= 2 and r["surname"] in r["name"].split()):
            officials.append({"id": r["party"], "name": r["name"], "surname": r["surname"],
                              "role": r["role"], "start": start, "end": end,
                              "adj": pool[r["party"]]["adj"],
                              "title": f"{pool[r['party']]['adj']} {r['role']}",
                              "date": _midpoint(start, end)})
    return (sorted(pool.values(), key=lambda s: s["id"]), sorted(groups, key=lambda g: g["id"]),
            sorted(orgs, key=lambda o: o["id"]),
            sorted(officials, key=lambda o: (o["id"], o["start"], o["name"])))


def _first(field_value: str) -> str:
    return (field_value or "").split(";")[0].strip()


def _with_article(name: str, aliases: str, *, state: bool = False) -> str:
    """``the`` before a name holding a common noun ("the African Union", "the Front for
    the Liberation of Mozambique") or one the data lists with it ("the Khmer Rouge"); for a
    state, only a plural one ("the Philippines", not "the Ukraine" the data also lists)."""
    listed = {a.strip().lower() for a in (aliases or "").split(";")}
    words = name.lower().split()
    if any(w in _COMMON_NOUNS for w in words) or (
            f"the {name}".lower() in listed
            and (not state or words[-1].endswith("s") or words[-1] == "gambia")):
        return f"the {name}"
    return name


def _adjective(adjectives: str) -> str:
    """The first adjective of a state that is not a noun for its people ("New Zealander")."""
    for adj in (a.strip() for a in (adjectives or "").split(";")):
        if adj and not adj.endswith(("er", "ers")):
            return adj
    return ""


def _proper(name: str) -> bool:
    small = {"of", "the", "and", "for", "in", "wal-", "al-"}
    return all(w[0].isupper() or w in small or w.startswith("al-") for w in name.split())


def _midpoint(start: str, end: str) -> str:
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    return (a + (b - a) / 2).isoformat()


def _draw(letters: set, rng: random.Random, date: str):
    """Fillers for the slot letters of one case, all of distinct parties, and its date."""
    states, groups, orgs, officials = _pools()
    fill, used = {}, set()
    for letter in sorted(x for x in letters if SLOT_KINDS[x] in ("official", "leader")):
        # the first office holder sets the date; the others hold office on it
        free = [o for o in officials if o["id"] not in used
                and (SLOT_KINDS[letter] == "official" or o["role"] in _LEADERS)
                and (not fill or o["start"] <= date < o["end"])]
        if not free:
            raise SourceError(f"no office holder left for slot {letter} on {date}")
        fill[letter] = rng.choice(free)
        used.add(fill[letter]["id"])
        if len(fill) == 1:
            date = fill[letter]["date"]
    for letter in sorted(x for x in letters if SLOT_KINDS[x] == "person"):
        taken = {f.get("name") for f in fill.values()}
        hon, name = rng.choice([p for p in _INVENTED if p[1] not in taken])
        state = rng.choice([s for s in states if s["id"] not in used])
        fill[letter] = {"id": state["id"], "name": name, "surname": name.split()[-1],
                        "hon": hon, "adj": state["adj"]}
        used.add(state["id"])
    for letter in sorted(x for x in letters if SLOT_KINDS[x] == "group"):
        group = rng.choice([g for g in groups if g["id"] not in used])
        fill[letter] = group
        used |= {group["id"], group["country"]}
    for letter in sorted(x for x in letters if SLOT_KINDS[x] == "organisation"):
        fill[letter] = rng.choice([o for o in orgs if o["id"] not in used])
        used.add(fill[letter]["id"])
    for letter in sorted(x for x in letters if SLOT_KINDS[x] == "state"):
        fill[letter] = rng.choice([s for s in states if s["id"] not in used])
        used.add(fill[letter]["id"])
    return fill, date


def _render(template: str, choices: list, fill: dict) -> str:
    """The template with its k-th alternative group set by ``choices[k]`` and its slots filled."""
    counter = iter(range(len(choices)))

    def alternative(m):
        options = m.group(1).split("|")
        return options[min(int(choices[next(counter)] * len(options)), len(options) - 1)]

    text = _ALT.sub(alternative, template)
    text = _SLOT.sub(lambda m: fill[m.group(1)][m.group(2) or ""], text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r" ([,.?!])", r"\1", text)
    text = re.sub(r"\b([Aa]) (?=[AEIO])", r"\1n ", text)     # "an Italian", "An Omani"
    return re.sub(r"(^|[.?!] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def generate(templates, *, seed: int = 0, date: str = "2023-06-15") -> list[Case]:
    """The cases of a suite: ``fills`` cases per template, drawn with a seeded generator.

    Each template has its own generator, seeded by ``seed`` and the template's text, so a
    case stays the same when other templates are added or edited.

    Parameters
    ----------
    templates : list of Template
        From :func:`load_templates` or :func:`parse_templates`.
    seed : int, optional (default=0)
        Seed of the draws of parties and alternatives.
    date : str, optional (default="2023-06-15")
        Document date of cases without an office holder (whose term sets the date).

    Returns
    -------
    list of Case

    Examples
    --------
    >>> ts, _, _ = parse_templates({"capabilities": {"coverage.passive": {"tests": [
    ...     {"test": "INV", "template": "{B} was {shelled|bombed} by {A}.",
    ...      "variant": "swap A B", "expect": ["A>B ASSAULT asserted"], "fills": 1}]}}})
    >>> case = generate(ts, seed=1)[0]
    >>> case.id, case.base.text, [str(c) for c in case.base.expect]
    ('coverage.passive:1:1', 'Equatorial Guinea was shelled by Syria.', ['SYR>GNQ ASSAULT asserted'])
    >>> case.variant.text, [str(c) for c in case.variant.expect]
    ('Syria was shelled by Equatorial Guinea.', ['GNQ>SYR ASSAULT asserted'])
    >>> generate(ts, seed=1) == generate(ts, seed=1)
    True
    """
    cases = []
    for t in templates:
        rng = random.Random(f"{seed}|{t.capability}|{t.test}|{t.template}|{t.variant}|{t.swap}")
        groups = max(len(_ALT.findall(t.template)), len(_ALT.findall(t.variant)))
        for k in range(1, t.fills + 1):
            choices = [rng.random() for _ in range(groups)]
            fill, doc_date = _draw(t.slots(), rng, date)
            case_id = f"{t.capability}:{t.index}:{k}"
            base = _sentence(f"{case_id}/base", t.template, choices, fill, doc_date,
                             t.expect, t.absent)
            variant = None
            if t.swap:
                a, b = t.swap
                swapped = {**fill, a: fill[b], b: fill[a]}
                variant = _sentence(f"{case_id}/variant", t.template, choices, swapped,
                                    doc_date, t.expect, ())
            elif t.variant:
                expect = t.expect
                absent = ()
                if t.test == "DIR":
                    expect = tuple(c.with_modalities(t.changes_to) for c in t.expect)
                    absent = t.expect
                variant = _sentence(f"{case_id}/variant", t.variant, choices, fill, doc_date,
                                    expect, absent)
            cases.append(Case(case_id, t.capability, t.test, t.template, base, variant))
    return cases


def _sentence(doc_id, template, choices, fill, date, expect, absent) -> Sentence:
    parties = {letter: f["id"] for letter, f in fill.items()}
    return Sentence(doc_id, _render(template, choices, fill), date,
                    tuple(c.bind(parties) for c in expect),
                    tuple(c.bind(parties) for c in absent),
                    tuple(sorted((pid, letter) for letter, pid in parties.items())))


# ---------------------------------------------------------------------------
# Scoring


def modality_of(event) -> str:
    """An event's modality in the vocabulary of :data:`graphkit.model.MODALITIES`.

    An empty modality is ``asserted``; ``negated=True`` on an asserted event is
    ``negated`` (a question or a condition about a negative, "why does X not
    recognize Y?", keeps its own modality); ``obligation`` (what must or should be
    done) is ``desired``.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> [modality_of(NS(modality=m, negated=n)) for m, n in
    ...  [("", False), ("future", False), ("", True), ("obligation", False),
    ...                   ("question", True)]]
    ['asserted', 'future', 'negated', 'desired', 'question']
    """
    m = (getattr(event, "modality", "") or "").strip().lower()
    if getattr(event, "negated", False) and m in ("", "asserted", "negated"):
        return "negated"
    return {"": "asserted", "obligation": "desired"}.get(m, m)


@dataclass
class CaseResult:
    """A case, whether it passed, why not, and the events predicted for its sentences."""

    case: Case
    passed: bool
    reasons: list = field(default_factory=list)
    predicted: list = field(default_factory=list)
    predicted_variant: list = field(default_factory=list)

    def to_dict(self) -> dict:
        c = self.case
        out = {"id": c.id, "capability": c.capability, "test": c.test, "passed": self.passed,
               "template": c.template, "date": c.base.date, "text": c.base.text,
               "expect": [str(x) for x in c.base.expect],
               "absent": [str(x) for x in c.base.absent],
               "predicted": [_event_text(e) for e in self.predicted]}
        if c.variant is not None:
            out.update({"variant": c.variant.text,
                        "variant_expect": [str(x) for x in c.variant.expect],
                        "predicted_variant": [_event_text(e) for e in self.predicted_variant]})
        out["reasons"] = self.reasons
        return out


def _event_text(e) -> str:
    s, t, category, modality = e
    return f"{s or '*'}>{t or '*'} {category} {modality}"


@dataclass
class SuiteResult:
    """Pass rates of one extractor on a suite (see :func:`score`)."""

    extractor: str
    suite: str
    seed: int
    results: list
    descriptions: dict = field(default_factory=dict)

    def counts(self) -> dict:
        """``{capability: {test type: (passed, cases)}}`` in suite order, plus ``"all"``."""
        out: dict = {}
        for r in self.results:
            for cap in (r.case.capability, "all"):
                cell = out.setdefault(cap, {}).setdefault(r.case.test, [0, 0])
                cell[0] += r.passed
                cell[1] += 1
        if "all" in out:
            out["all"] = out.pop("all")
        return {cap: {t: tuple(v[t]) for t in TEST_TYPES if t in v} for cap, v in out.items()}

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def pass_rate(self) -> float:
        return self.passed / len(self.results) if self.results else 0.0

    def to_dict(self) -> dict:
        """A JSON-serialisable summary: rates per capability and test type, every failure.

        Examples
        --------
        >>> SuiteResult("x", "s.yaml", 0, []).to_dict()["cases"]
        0
        """
        caps = {}
        for cap, tests in self.counts().items():
            passed, total = (sum(p for p, _ in tests.values()), sum(n for _, n in tests.values()))
            entry = {"cases": total, "passed": passed, "pass_rate": _rate(passed, total),
                     "tests": {t: {"cases": n, "passed": p, "pass_rate": _rate(p, n)}
                               for t, (p, n) in tests.items()}}
            if cap in self.descriptions:
                entry = {"description": self.descriptions[cap], **entry}
            caps[cap] = entry
        return {"extractor": self.extractor, "suite": self.suite, "seed": self.seed,
                "cases": len(self.results), "passed": self.passed,
                "pass_rate": _rate(self.passed, len(self.results)), "capabilities": caps,
                "failures": [r.to_dict() for r in self.results if not r.passed]}

    def format_table(self, *, failures: int = 2) -> str:
        """Pass rates per capability and test type, then up to ``failures`` failing cases
        per capability.

        Examples
        --------
        >>> print(SuiteResult("x", "s.yaml", 0, []).format_table().splitlines()[0])
        Capability suite s.yaml (seed 0): x passes 0 of 0 cases
        """
        lines = [f"Capability suite {self.suite} (seed {self.seed}): {self.extractor} passes "
                 f"{self.passed} of {len(self.results)} cases", "",
                 f"{'capability':<32}{'cases':>6}{'pass':>7}" +
                 "".join(f"{t:>14}" for t in TEST_TYPES)]
        for cap, tests in self.counts().items():
            passed = sum(p for p, _ in tests.values())
            total = sum(n for _, n in tests.values())
            cells = "".join(f"{_cell(*tests[t]) if t in tests else '-':>14}" for t in TEST_TYPES)
            if cap == "all":
                lines.append("")
            lines.append(f"{cap:<32}{total:>6}{_pct(passed, total):>7}{cells}")
        shown = {}
        failing = [r for r in self.results if not r.passed]
        if failures and failing:
            lines += ["", f"failing cases ({len(failing)}; up to {failures} per capability, "
                          "--out writes them all):"]
            for r in failing:
                if shown.get(r.case.capability, 0) >= failures:
                    continue
                shown[r.case.capability] = shown.get(r.case.capability, 0) + 1
                lines.append(f"  {r.case.id} {r.case.test}: {r.case.base.text}")
                if r.case.variant is not None:
                    lines.append(f"      variant: {r.case.variant.text}")
                lines += [f"      {reason}" for reason in r.reasons]
        return "\n".join(lines)


def _rate(p: int, n: int) -> float:
    return round(p / n, 4) if n else 0.0


def _pct(p: int, n: int) -> str:
    return f"{100 * p / n:.0f}%" if n else "-"


def _cell(p: int, n: int) -> str:
    return f"{p}/{n} {_pct(p, n):>4}"


def score(cases, extractor, *, suite: str = "", seed: int = 0,
          descriptions: dict | None = None) -> SuiteResult:
    """Run ``extractor`` on every case and judge it.

    An MFT case passes when every expected event is predicted and no excluded one is. An
    INV case passes when its two sentences give the same events once each party is replaced
    by the slot it fills (so swapped parties compare equal). A DIR case passes when its
    template's expected events are predicted as asserted and its variant still has each of
    them (same parties and category set) with none asserted.

    Parameters
    ----------
    cases : list of Case
        From :func:`generate`.
    extractor : object
        Anything with ``extract(Document)`` returning an object with ``events``, each with
        ``source``, ``target``, ``event_type``, ``modality`` and ``negated``.
    suite, seed, descriptions : optional
        Recorded in the result for the report.

    Returns
    -------
    SuiteResult

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> ts, _, _ = parse_templates({"capabilities": {"coverage.passive": {"tests": [
    ...     {"test": "MFT", "template": "{B} was attacked by {A}.", "fills": 2,
    ...      "expect": ["A>B ASSAULT asserted"]}]}}})
    >>> cases = generate(ts)
    >>> class Empty:
    ...     name = "empty"
    ...     def extract(self, doc):
    ...         return NS(events=[])
    >>> result = score(cases, Empty())
    >>> result.passed, result.results[0].reasons[0].startswith("missing ")
    (0, True)
    """
    results = []
    for case in cases:
        pred = _predict(extractor, case.base)
        reasons = []
        pred_variant = []
        if case.test == "MFT":
            reasons = _mft(case.base, pred)
        elif case.test == "INV":
            pred_variant = _predict(extractor, case.variant)
            reasons = _inv(case, pred, pred_variant)
        else:
            pred_variant = _predict(extractor, case.variant)
            reasons = _dir(case, pred, pred_variant)
        results.append(CaseResult(case, not reasons, reasons, pred, pred_variant))
    name = str(getattr(extractor, "name", type(extractor).__name__))
    return SuiteResult(name, suite, seed, results, dict(descriptions or {}))


def _predict(extractor, sentence: Sentence) -> list:
    extraction = extractor.extract(Document(sentence.doc_id, sentence.text, sentence.date))
    return sorted({(e.source or "", e.target or "", e.event_type, modality_of(e))
                   for e in extraction.events})


def _mft(sentence: Sentence, pred: list) -> list:
    reasons = [f"missing {c}" for c in sentence.expect
               if not any(c.matches(e) for e in pred)]
    reasons += [f"unexpected {_event_text(e)} (excluded by {c})" for c in sentence.absent
                for e in pred if c.matches(e)]
    if reasons:
        reasons.append("got " + ("; ".join(_event_text(e) for e in pred) or "no event"))
    return reasons


def _structure(sentence: Sentence, pred: list) -> set:
    slots = dict(sentence.slots)
    return {(slots.get(s, s), slots.get(t, t), c, m) for s, t, c, m in pred}


def _inv(case: Case, pred: list, pred_variant: list) -> list:
    a, b = _structure(case.base, pred), _structure(case.variant, pred_variant)
    if a == b:
        return []
    show = lambda xs: "; ".join(_event_text(e) for e in sorted(xs)) or "none"  # noqa: E731
    return [f"only in the template: {show(a - b)}", f"only in the variant: {show(b - a)}"]


def _dir(case: Case, pred: list, pred_variant: list) -> list:
    reasons = [f"template: missing {c}" for c in case.base.expect
               if not any(c.matches(e) for e in pred)]
    for c in case.base.expect:
        same = dataclasses.replace(c, modalities=None)
        found = [e for e in pred_variant if same.matches(e)]
        if not found:
            reasons.append(f"variant: {same} dropped")
        elif any(c.matches(e) for e in found):
            reasons.append(f"variant: still asserted: {_event_text(found[0])}")
    if reasons:
        reasons.append("got " + ("; ".join(_event_text(e) for e in pred) or "no event")
                       + " | variant " + ("; ".join(_event_text(e) for e in pred_variant)
                                          or "no event"))
    return reasons


# ---------------------------------------------------------------------------
# Output and convenience


def write_json(result: SuiteResult, path) -> Path:
    """Write ``result.to_dict()`` as indented JSON, atomically; return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_json(SuiteResult("x", "s.yaml", 0, []), pathlib.Path(tempfile.mkdtemp()) / "s.json")
    >>> json.loads(p.read_text())["extractor"]
    'x'
    """
    return atomic_write_text(path, json.dumps(result.to_dict(), indent=2, ensure_ascii=False)
                             + "\n")


def run_suite(path=None, *, extractor: str = "rules.v1", seed: int = 0,
              actor_files=()) -> SuiteResult:
    """Generate a suite's cases and score a registered extractor on them.

    Parameters
    ----------
    path : str or Path, optional
        A suite file; the package's ``data/suite.yaml`` by default.
    extractor : str, optional (default="rules.v1")
        Registered extractor name.
    seed : int, optional (default=0)
        Seed of the draws.
    actor_files : sequence of path, optional
        Users' actor CSVs added to the registry.

    Returns
    -------
    SuiteResult

    Raises
    ------
    SourceError
        If the suite file cannot be read or is malformed.
    ExtractionError
        If no extractor has that name.
    """
    from .actors import load_registry
    from .extract import get_extractor
    templates, descriptions, date = load_templates(path)
    cases = generate(templates, seed=seed, date=date)
    ex = get_extractor(extractor, registry=load_registry(tuple(actor_files)))
    return score(cases, ex, suite=str(path) if path is not None else "graphkit/data/suite.yaml",
                 seed=seed, descriptions=descriptions)

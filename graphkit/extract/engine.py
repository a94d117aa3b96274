"""A small rule engine: rules as named records in ordered tables.

A :class:`Rule` is a name, the stage it belongs to, a one-line reason, the PLOVER
categories it applies to (``None``: any), a function, and the examples that show
what it does. Its examples are its tests (``tests/test_rule_examples.py`` runs
every one): a positive :class:`Example` must come out as stated with the rule,
and differently with the rule switched off (so every example shows the rule at
work); a counter-example must come out as stated, with the rule in place.

A :class:`Table` holds the rules of one decision in the order they are tried.
:meth:`Table.first` returns the answer of the first rule that gives one ("first
that applies wins", as for an event's source or target); :meth:`Table.apply`
applies each rule in turn until one settles the case (as for a mention's
context); :meth:`Table.any` says whether any rule fires (as for vetoes);
:meth:`Table.rules_for` lists the rules that apply to a :class:`Key` (an event
category, a mention form, a trigger's voice and part of speech), by which tables
also pick their rules. :func:`switched_off` turns rules off by name, for the
examples' tests and for measuring what a rule adds.

Examples
--------
>>> def _shout(word):
...     return word.upper() if word.endswith("!") else None
>>> table = Table("demo", [Rule("demo.shout", "demo", "a word with '!' is shouted", _shout)])
>>> table.first("hi!"), table.first("hi")
('HI!', None)
>>> with switched_off("demo.shout"):
...     table.first("hi!") is None
True
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Callable, Iterable, NamedTuple

from ..errors import ExtractionError
from ..model import CATEGORIES

__all__ = ["Example", "Rule", "Key", "Table", "TABLES", "switched_off", "all_rules"]

#: names of the rules switched off (see :func:`switched_off`)
_OFF: set = set()
#: bumped whenever _OFF changes, so tables rebuild their lists of rules that are on
_generation = [0]
#: every table, by name, in the order they were made
TABLES: dict = {}
_FORMS = frozenset({"name", "adj", "capital", "place", "media", "role", "pronoun", "ref"})


@dataclass(frozen=True)
class Example:
    """A sentence and what the extractor must find in it.

    ``expect`` lists directed events as ``SOURCE>TARGET:CATEGORY`` separated by
    ``;`` (``SOURCE>:CATEGORY`` for an event without a target); a leading ``!``
    means the event must NOT be found; an empty ``expect`` means no event at all.
    Qualifiers: ``@modality`` (``RUS>USA:CONSULT@future``) and a trailing ``~``
    for a negated event.
    """

    text: str
    expect: str
    date: str = "2014-05-01"


@dataclass(frozen=True)
class Rule:
    """One named rule (see the module docstring)."""

    name: str
    stage: str
    reason: str
    fn: Callable
    categories: frozenset | None = None
    examples: tuple = ()
    counter: tuple = ()
    #: the mention forms (name, adj, capital, place, media, role, pronoun, ref) a context
    #: rule applies to (``None``: any)
    forms: frozenset | None = None
    #: "active" or "passive": the trigger's voice an argument rule needs (``None``: any)
    voice: str | None = None
    #: "noun" or "verb": the trigger's part of speech an argument rule needs (``None``: any)
    pos: str | None = None
    #: the (lower-case) words a trigger rule applies to (``None``: any)
    words: frozenset | None = None
    #: a word (or a set of words, one of which) that must be in the sentence for the
    #: rule to be tried (``None``: none)
    cue: str | frozenset | None = None

    def __post_init__(self):
        if self.categories is not None:
            bad = set(self.categories) - set(CATEGORIES)
            if bad:
                raise ExtractionError(f"rule {self.name}: unknown categories {sorted(bad)}")
            object.__setattr__(self, "categories", frozenset(self.categories))
        if self.words is not None:
            object.__setattr__(self, "words", frozenset(self.words))
        if self.forms is not None:
            bad = set(self.forms) - _FORMS
            if bad:
                raise ExtractionError(f"rule {self.name}: unknown mention forms {sorted(bad)}")
            object.__setattr__(self, "forms", frozenset(self.forms))
        if self.voice not in (None, "active", "passive") or self.pos not in (None, "noun",
                                                                                "verb"):
            raise ExtractionError(f"rule {self.name}: voice must be active or passive, "
                                  "pos noun or verb")
        for ex in (*self.examples, *self.counter):
            if not isinstance(ex, Example):
                raise ExtractionError(f"rule {self.name}: examples must be Example records")

    def applies(self, key: "Key | None") -> bool:
        """Whether the rule is on and applies to ``key`` (None: to anything)."""
        if self.name in _OFF:
            return False
        if key is None:
            return True
        return ((self.categories is None or key.category in self.categories)
                and (self.forms is None or key.form in self.forms)
                and (self.voice is None or key.voice == self.voice)
                and (self.pos is None or key.pos == self.pos)
                and (self.words is None or key.word in self.words))


class Key(NamedTuple):
    """What a table's rules are chosen by: the event category, the mention's form, the
    trigger's voice and part of speech, the word at hand (fields a table does not use
    stay None)."""

    category: str | None = None
    form: str | None = None
    voice: str | None = None
    pos: str | None = None
    word: str | None = None


class Table:
    """Rules tried in order (see the module docstring).

    Parameters
    ----------
    name : str
        The decision the table makes ("source", "target", "trigger vetoes", ...).
    rules : iterable of Rule
        In the order they are tried; names must be unique across tables.
    """

    def __init__(self, name: str, rules: Iterable[Rule]):
        self.name = name
        self.rules = tuple(rules)
        self._cache: dict = {}
        self._generation = -1
        names = [r.name for r in self.rules]
        taken = {r.name for t in TABLES.values() if t.name != name for r in t.rules}
        dup = {n for n in names if names.count(n) > 1} | (set(names) & taken)
        if dup:
            raise ExtractionError(f"table {name}: rule names used twice: {sorted(dup)}")
        TABLES[name] = self

    def _on(self, key: Key | None) -> tuple:
        """``(rules, their functions, the functions of those without a cue, (function,
        cue) pairs of those with one)`` of the rules that are on and apply to ``key``
        (cached until a rule is switched on or off)."""
        if self._generation != _generation[0]:
            self._cache.clear()
            self._generation = _generation[0]
        found = self._cache.get(key)
        if found is None:
            rules = tuple(r for r in self.rules if r.applies(key))
            found = self._cache[key] = (
                rules, tuple(r.fn for r in rules),
                tuple(r.fn for r in rules if r.cue is None),
                tuple((r.fn, r.cue) for r in rules if r.cue is not None))
        return found

    def first(self, *args, key: Key | None = None):
        """The answer (not None) of the first rule that gives one, else None."""
        found = self._cache.get(key) if self._generation == _generation[0] else None
        for fn in (found or self._on(key))[1]:
            answer = fn(*args)
            if answer is not None:
                return answer
        return None

    def apply(self, *args, key: Key | None = None) -> None:
        """Apply the rules in order until one returns True (it settles the case)."""
        found = self._cache.get(key) if self._generation == _generation[0] else None
        for fn in (found or self._on(key))[1]:
            if fn(*args) is True:
                return

    def any(self, *args, key: Key | None = None) -> bool:
        """Whether any rule fires (returns a true value)."""
        found = self._cache.get(key) if self._generation == _generation[0] else None
        for fn in (found or self._on(key))[1]:
            if fn(*args):
                return True
        return False

    def rules_for(self, key: Key | None) -> tuple:
        """The rules that are on and apply to ``key``, in order."""
        return self._on(key)[0]

    def cued(self, key: Key | None, lower: list, words) -> tuple:
        """The functions of the rules on for ``key`` that have no cue word or whose cue
        is in the sentence (``lower`` or ``words``): those without a cue first."""
        on = self._on(key)
        found = on[2]
        for fn, cue in on[3]:
            if (not cue.isdisjoint(lower) if isinstance(cue, frozenset)
                    else cue in lower or cue in words):
                found += (fn,)
        return found

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)


def all_rules() -> list:
    """Every rule of every table, in table order."""
    return [r for t in TABLES.values() for r in t.rules]


@contextlib.contextmanager
def switched_off(*names: str):
    """Turn the named rules off inside a ``with`` block.

    Raises
    ------
    ExtractionError
        If a name is no rule's (checked against the tables made so far).
    """
    known = {r.name for r in all_rules()}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ExtractionError(f"no such rule: {', '.join(unknown)}")
    added = [n for n in names if n not in _OFF]
    _OFF.update(added)
    _generation[0] += 1
    try:
        yield
    finally:
        _OFF.difference_update(added)
        _generation[0] += 1

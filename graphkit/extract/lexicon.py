"""Trigger lexicon, issue keywords and role phrases, loaded from package data."""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass, replace
from importlib import resources

from ..errors import ExtractionError
from ..model import CATEGORIES

__all__ = ["Trigger", "ModeInfo", "IssueMatcher", "load_triggers", "load_modes", "load_issues",
           "make_trigger", "verb_forms", "noun_forms", "MODE_PROPERTIES", "TRIGGER_FLAGS",
           "PAST_FORMS", "PARTICIPLE_FORMS", "SAME_PARTICIPLE"]

# Verbs whose "re-" form means the same act again ("reimposed a curfew", "redeployed
# troops"). An explicit list: "re" + "sign", "treat" or "fuse" is another word.
_RE_VERBS = frozenset({
    "impose", "establish", "deploy", "launch", "capture", "occupy", "enter",
    "arrest", "negotiate", "unite", "supply", "arm", "instate", "introduce", "ignite",
    "invade", "engage", "apply", "kindle", "settle", "start", "take", "open", "close",
})


def verb_forms(lemma: str) -> set[str]:
    """Inflected forms of an English verb lemma.

    Examples
    --------
    >>> sorted(verb_forms("meet"))
    ['meet', 'meeting', 'meets', 'met']
    >>> sorted(verb_forms("agree"))
    ['agree', 'agreed', 'agreeing', 'agrees']
    >>> sorted(verb_forms("urge"))
    ['urge', 'urged', 'urges', 'urging']
    >>> sorted(verb_forms("kidnap"))
    ['kidnap', 'kidnaped', 'kidnaping', 'kidnapped', 'kidnapping', 'kidnaps']
    """
    w = lemma
    forms = {w}
    irregular = _IRREGULAR.get(w, ())
    forms.update(irregular)
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(w + "es")
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if not irregular:
        if w.endswith("e"):
            forms.add(w + "d")
        elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
            forms.add(w[:-1] + "ied")
        elif not any(f.endswith("ed") for f in irregular):
            forms.add(w + "ed")
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and (
            w[-3] not in "aeiou" or w[-4:-2] == "qu") and not irregular:
        # a final consonant doubles after a short stressed vowel ("kidnapped", "banned",
        # British "cancelled"); stress is not known here, so both spellings match
        # (a doubled form that is no word, "visitted", never occurs in text)
        forms.update((w + w[-1] + "ed", w + w[-1] + "ing"))
    if w.endswith("ee"):
        forms.add(w + "ing")
    elif w.endswith("ie"):
        forms.add(w[:-2] + "ying")
    elif w.endswith("e") and w != "be":
        forms.add(w[:-1] + "ing")
    else:
        forms.add(w + "ing")
    return forms


def noun_forms(noun: str) -> set[str]:
    """Singular and plural of a noun (an ``-s`` noun stays as it is).

    Examples
    --------
    >>> sorted(noun_forms("sanction")), sorted(noun_forms("talks")), sorted(noun_forms("embassy"))
    (['sanction', 'sanctions'], ['talks'], ['embassies', 'embassy'])
    """
    if noun.endswith("s") or noun.endswith("ly") or noun.endswith("ing"):
        return {noun}
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return {noun, noun[:-1] + "ies"}
    if noun.endswith(("x", "ch", "sh")):
        return {noun, noun + "es"}
    return {noun, noun + "s"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a token pattern and the event it signals.

    ``elements`` is a tuple whose items are a frozenset of accepted lower-case
    tokens, or ``None`` for a gap of up to three words.
    """

    pattern: str
    pos: str
    category: str
    mode: str
    intensity: float
    reciprocal: bool
    elements: tuple
    #: the trigger row's own flags (``triggers.csv`` column ``flags``, TRIGGER_FLAGS)
    flags: frozenset = frozenset()
    #: its mode's properties (``modes.csv``, MODE_PROPERTIES) and its own flags
    props: frozenset = frozenset()
    #: prepositions that take its object beyond its category's usual ones
    object_preps: frozenset = frozenset()

    @property
    def length(self) -> int:
        return sum(1 for e in self.elements if e is not None)

    def recast(self, category: str, mode: str, intensity: float | None = None) -> "Trigger":
        """The same trigger read as another category and mode: its mode's properties
        follow the new mode, and its intensity is the new category's default
        (``graphkit.model.CATEGORIES``) unless given; an unknown mode is an error.

        Examples
        --------
        >>> t = make_trigger("arrive", "verb", "CONSULT", "arrive", 1.9)
        >>> r = t.recast("AID", "peacekeeping")
        >>> "venue" in t.props, "venue" in r.props, r.intensity
        (True, False, 7.0)
        """
        mode_info = _mode(mode)
        if category not in CATEGORIES:
            raise ExtractionError(f"unknown event category {category!r}")
        return replace(self, category=category, mode=mode,
                       intensity=CATEGORIES[category][2] if intensity is None else intensity,
                       props=mode_info.properties | self.flags,
                       object_preps=mode_info.object_preps)


#: What a mode may say about its triggers (``modes.csv`` column ``properties``).
MODE_PROPERTIES = {
    "talk": "a reciprocal trigger of this mode is talk between its parties",
    "direct_object": "a talk trigger whose bare object is the other party (meet X, phone X)",
    "topic_object": "a bare object is the topic, not a party (discuss Syria)",
    "needs_object": "no event without someone acted on",
    "transitive": "always takes an object: its bare participle after a noun is passive",
    "state_act": "only a state does it: with no doer named, the state where it happened",
    "venue": "with no other party, the place where it happens is the target",
    "arrival": "arriving peacekeepers are aid",
    "receives": "receiving: aid folded into it is given by the one it comes from",
    "from_target": "the target is the party after 'from' (withdraw from Lebanon)",
    "inquiry": "an inquiry: its object is what it is into, not a party further on",
    "needs_pair": "no event without two parties",
    "at_home": "done at home: with no other target, the source's own state",
    "announced_is_intent": "announced for later, an intent to meet (AGREE)",
    "announced_is_act": "announced for later, the act itself (not a promise)",
    "announced_is_threat": "announced for later, a threat (THREATEN)",
}
#: What a trigger row may say about itself (``triggers.csv`` column ``flags``).
TRIGGER_FLAGS = {
    "joint": "names an act of both sides ('joint exercise'): needs no determiner to refer back",
    "needs_object": "no event without someone acted on (pressure)",
    "intransitive": "an event only when used without an object (demonstrate)",
    "host_to_place": "welcoming someone to a place is hosting them",
}


@dataclass(frozen=True)
class ModeInfo:
    """A mode's properties and object prepositions (``data/modes.csv``)."""

    mode: str
    properties: frozenset
    object_preps: frozenset


@functools.lru_cache(maxsize=1)
def load_modes() -> dict:
    """Modes as ``{mode: ModeInfo}`` (``data/modes.csv``); unknown properties are errors.

    Examples
    --------
    >>> sorted(load_modes()["meet"].properties)
    ['direct_object', 'talk']
    """
    lines = [ln for ln in _read("modes.csv").splitlines() if ln and not ln.startswith("#")]
    out = {"": ModeInfo("", frozenset(), frozenset())}
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), 2):
        mode = (row.get("mode") or "").strip()
        props = frozenset((row.get("properties") or "").split())
        bad = sorted(props - set(MODE_PROPERTIES))
        if not mode or mode in out or bad:
            why = f"unknown properties {bad}" if bad else "empty or repeated mode"
            raise ExtractionError(f"modes.csv:{n}: {why}")
        out[mode] = ModeInfo(mode, props, frozenset((row.get("object_preps") or "").split()))
    return out


def _mode(mode: str) -> ModeInfo:
    try:
        return load_modes()[mode]
    except KeyError:
        raise ExtractionError(f"unknown trigger mode {mode!r} (not in modes.csv)") from None


def make_trigger(pattern: str, pos: str, category: str, mode: str, intensity: float,
                 reciprocal: bool = False, elements: tuple = (),
                 flags: frozenset = frozenset()) -> Trigger:
    """A :class:`Trigger` with its mode's properties; an unknown mode, category or
    flag is an error.

    Examples
    --------
    >>> make_trigger("must", "verb", "REQUEST", "demand", -4.9).object_preps
    frozenset({'from'})
    """
    if category not in CATEGORIES and category != "NONE":
        raise ExtractionError(f"unknown event category {category!r}")
    bad = sorted(set(flags) - set(TRIGGER_FLAGS))
    if bad:
        raise ExtractionError(f"unknown trigger flags {bad}")
    info = _mode(mode)
    flags = frozenset(flags)
    return Trigger(pattern, pos, category, mode, intensity, reciprocal, elements, flags,
                   info.properties | flags, info.object_preps)


def _read(name: str) -> str:
    return resources.files("graphkit").joinpath("data", name).read_text(encoding="utf-8")


def _irregular_table() -> dict:
    """``data/irregular_verbs.csv``: lemma -> (past forms, participles, other spellings)."""
    lines = [ln for ln in _read("irregular_verbs.csv").splitlines()
             if ln and not ln.startswith("#")]
    out = {}
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), 2):
        lemma = (row.get("lemma") or "").strip()
        if not lemma or not row.get("past") or not row.get("participle") or lemma in out:
            raise ExtractionError(f"irregular_verbs.csv:{n}: bad or repeated row {row!r}")
        out[lemma] = (tuple(row["past"].split()), tuple(row["participle"].split()),
                      tuple((row.get("spellings") or "").split()))
    return out


_IRREGULAR_TABLE = _irregular_table()
#: lemma -> every form the table gives (past, participle, other spellings)
_IRREGULAR = {lemma: past + part + other for lemma, (past, part, other)
              in _IRREGULAR_TABLE.items()}
#: irregular past and participle forms that are no base form and do not end in -ed
#: ("met", "gave", "taken"): a verb, whatever precedes it
PAST_FORMS = frozenset(f for lemma, (past, part, _o) in _IRREGULAR_TABLE.items()
                       for f in past + part if f != lemma and not f.endswith("ed"))
#: irregular participles that do not end in -ed ("held", "given", "taken")
PARTICIPLE_FORMS = frozenset(f for lemma, (_p, part, _o) in _IRREGULAR_TABLE.items()
                             for f in part if f != lemma and not f.endswith("ed"))
#: verbs whose participle is their base form ("put", "cut", "hit")
SAME_PARTICIPLE = frozenset(lemma for lemma, (_p, part, _o) in _IRREGULAR_TABLE.items()
                            if lemma in part)


@functools.lru_cache(maxsize=1)
def load_triggers() -> tuple[Trigger, ...]:
    """The trigger lexicon (``data/triggers.csv``).

    Examples
    --------
    >>> trig = {t.pattern: t for t in load_triggers()}
    >>> trig["hold ~ talks"].category, trig["hold ~ talks"].reciprocal
    ('CONSULT', True)
    """
    lines = [ln for ln in _read("triggers.csv").splitlines() if ln and not ln.startswith("#")]
    out = []
    for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), 2):
        cat = row["category"].strip()
        if cat not in CATEGORIES and cat != "NONE":
            raise ExtractionError(f"triggers.csv:{n}: unknown category {cat!r}")
        if None in row:
            raise ExtractionError(f"triggers.csv:{n}: too many fields")
        words = row["pattern"].split()
        pos = row["pos"].strip()
        elements = []
        for i, w in enumerate(words):
            if w == "~":
                elements.append(None)
                continue
            # text is tokenized with hyphens apart ("cease - fire"): so is the pattern,
            # and the inflected part is the word's last piece ("co - operated")
            pieces = w.replace("-", " - ").split() if w != "-" else [w]
            inflect = (pos == "verb" and i == 0) or (pos == "noun" and i == len(words) - 1)
            for k, piece in enumerate(pieces):
                if inflect and k == len(pieces) - 1:
                    forms = verb_forms(piece) if pos == "verb" else noun_forms(piece)
                    if pos == "verb" and piece in _RE_VERBS and len(pieces) == 1:
                        forms = forms | {"re" + f for f in forms}
                    elements.append(frozenset(forms))
                elif (pos == "verb" and i == len(words) - 1 and i > 0 and words[i - 1] == "~"
                      and k == len(pieces) - 1 and len(piece) > 3):
                    # the object noun of a verb pattern, singular or plural
                    # ("imposed blockades", "expelled diplomats")
                    elements.append(frozenset(noun_forms(piece)))
                else:
                    elements.append(frozenset([piece]))
        mode = row["mode"].strip()
        if (mode == "") != (cat == "NONE"):
            raise ExtractionError(f"triggers.csv:{n}: a mode is required for an event "
                                  "category and not allowed for NONE")
        try:
            out.append(make_trigger(row["pattern"], pos, cat, mode, float(row["intensity"]),
                                    row["reciprocal"].strip() == "1", tuple(elements),
                                    frozenset((row.get("flags") or "").split())))
        except ExtractionError as exc:
            raise ExtractionError(f"triggers.csv:{n}: {exc}") from None
    return tuple(out)


@functools.lru_cache(maxsize=1)
def load_issues() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Issues as ``(issue_id, label, keywords)`` (``data/issues.csv``).

    Examples
    --------
    >>> dict((i, k) for i, _, k in load_issues())["missile-defence"][:2]
    ('missile defense', 'missile defence')
    """
    rows = csv.DictReader(io.StringIO(_read("issues.csv")))
    return tuple((r["issue"], r["label"], tuple(k.strip() for k in r["keywords"].split(";")
                                                  if k.strip())) for r in rows)


def _trie_pattern(words) -> str:
    """A regex body matching any of ``words``, factored on common prefixes.

    At a given position the keywords that match are prefixes of one another, so
    trying the longer continuation first (greedy ``?``) finds them longest
    first, as a plain alternation sorted by length does, without trying every
    keyword at every position. Words must be distinct under the matching's case
    rule (lower-case them for ``re.I``).

    Examples
    --------
    >>> _trie_pattern(["drugs", "drug", "dry"])
    'dr(?:ug(?:s)?|y)'
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}                       # a word ends here

    def emit(node) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


class IssueMatcher:
    """Finds issue keywords in a sentence with two compiled alternations (one
    case-insensitive, one for all-caps keywords such as "NPT" or "AI").

    Examples
    --------
    >>> m = IssueMatcher(load_issues())
    >>> m.issues("Talks on missile defense and the NPT stalled.")
    ['missile-defence', 'nuclear']
    """

    def __init__(self, issues):
        self._by_kw: dict = {}
        ci, cs = [], []
        for issue, _label, keywords in issues:
            for kw in keywords:
                key = kw if kw.isupper() else kw.lower()
                self._by_kw.setdefault(key, [])
                if issue not in self._by_kw[key]:
                    self._by_kw[key].append(issue)
                (cs if kw.isupper() else ci).append(kw)
        def alternation(words, flags):
            if not words:
                return None
            # case-insensitive matching accepts the same text for "Syria" and "syria"
            body = _trie_pattern(sorted({w.lower() if flags & re.I else w for w in words}))
            return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", flags)
        self._ci = alternation(ci, re.I)
        self._cs = alternation(cs, 0)
        self._last: tuple = (None, [])     # (sentence, its matches): asked twice in a row

    def find(self, sentence: str) -> list[tuple[str, int, int]]:
        """``(issue, start, end)`` for every keyword occurrence, in text order."""
        last, found = self._last
        if sentence != last:
            found = self._find(sentence)
            self._last = (sentence, found)
        return list(found)

    def _find(self, sentence: str) -> list[tuple[str, int, int]]:
        out = []
        for rx, fold in ((self._ci, True), (self._cs, False)):
            if rx is None:
                continue
            for m in rx.finditer(sentence):
                key = m.group().lower() if fold else m.group()
                for issue in self._by_kw.get(key, ()):
                    out.append((issue, m.start(), m.end()))
        return sorted(out, key=lambda t: (t[1], t[0]))

    def issues(self, sentence: str) -> list[str]:
        """Sorted ids of the issues a sentence mentions."""
        return sorted({issue for issue, _, _ in self.find(sentence)})

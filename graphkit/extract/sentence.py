"""What the stages of the rules extractor share about one sentence.

A :class:`Sentence` carries the tokens once (``words``, their lower-case
``lower``) and what each stage adds: actor ``mentions`` and their ``groups``,
the ``speaker`` and attribution span, clause ``breaks``, the ``triggers`` found.
:class:`Mention` and :class:`Group` are its actors, :class:`TriggerHit` a matched
trigger, :class:`Candidate` an event before it is emitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, count
from types import MappingProxyType
from typing import NamedTuple

from ..model import Document
from .lexicon import Trigger

__all__ = ["APPOSITION_OPENERS", "Sentence", "Mention", "Group", "TriggerHit", "Candidate", "true_indexes",
           "with_offsets", "inside", "kind_of", "pick_entry"]


@dataclass(slots=True)
class Mention:
    """An actor mention in a sentence (token span ``start:end``).

    ``kind``: party, person or media; ``form``: how it is named (name, adj,
    capital, place, role, pronoun, ref); ``location``: it only says where;
    ``relational``: it only describes something else ("Iranian proxies").
    """

    start: int
    end: int
    parties: tuple = ()
    agent: str = ""
    kind: str = "party"          # party | person | media | blocked
    form: str = "name"           # name | adj | capital | role | pronoun | ref
    role: str = ""
    location: bool = False
    relational: bool = False

    @property
    def party(self) -> str:
        return self.parties[0] if self.parties else ""


@dataclass(slots=True)
class Group:
    """Mentions joined by "and", commas or a hyphen ("Russia and NATO")."""

    mentions: list
    start: int
    end: int
    hyphen: bool = False

    @property
    def parties(self) -> list:
        out = []
        for m in self.mentions:
            for p in m.parties:
                if p and p not in out:
                    out.append(p)
        return out

    def agent_of(self, party: str) -> str:
        for m in self.mentions:
            if party in m.parties and m.agent:
                return m.agent
        return ""


def true_indexes(flags) -> list:
    """Indexes of the true items of ``flags``. With ``flags`` a ``map`` of a
    builtin (``map(S.__contains__, tokens)``) no Python code runs per token."""
    return list(compress(count(), flags))


def pick_entry(entries):
    for pid, form in entries:
        if form != "media":
            return pid, form
    return entries[0]


def with_offsets(sentence, words):
    """The tokens ``words`` of ``sentence`` as :func:`~graphkit.actors.tokenize` gives
    them, ``(token, start, end)``.

    Every non-space character belongs to a token, so the next token starts at
    the first non-space character after the previous one, which is where
    ``str.find`` finds its text.
    """
    out = []
    pos = 0
    find = sentence.find
    for w in words:
        a = find(w, pos)
        pos = a + len(w)
        out.append((w, a, pos))
    return out


def inside(i, mentions):
    return any(m.start <= i < m.end for m in mentions)


def kind_of(registry, pid):
    """Kind of the party ``pid`` ("state", "igo", "group"; a sector id "SDN-REB" is
    its state's), "" when unknown."""
    a = registry.party(pid.split("-")[0]) if pid else None
    return a.kind if a is not None else ""


class TriggerHit(NamedTuple):
    """A lexicon match at tokens ``start:end``; ``trigger`` is None when the match
    was vetoed or absorbed into another trigger (its span stays known)."""

    start: int
    end: int
    trigger: Trigger | None


class Candidate(NamedTuple):
    """An event found by the argument stage, before reclassification and emission."""

    source: str
    target: str
    trigger: Trigger
    start: int          # the trigger's token span
    end: int
    negated: bool
    modality: str
    source_agent: str
    target_agent: str


class Sentence:
    """One sentence and what the stages found in it.

    ``sid`` is the sentence's index in the document (-1 for the title) and
    ``offset`` its character offset in the cleaned text. The stages fill
    ``mentions``, ``groups``, ``speaker`` and ``attr_span``, ``breaks``, ``triggers``
    and ``absorbed``; until then they are empty.
    """

    __slots__ = ("doc", "sid", "offset", "text", "words", "lower", "mentions", "groups",
                 "speaker", "attr_span", "breaks", "triggers", "absorbed", "_tokens", "_marks")

    def __init__(self, doc: Document, sid: int, offset: int, text: str, words: list,
                 lower: list):
        self.doc, self.sid, self.offset, self.text = doc, sid, offset, text
        self.words, self.lower = words, lower
        self.mentions = self.groups = self.breaks = self.triggers = _NOTHING
        self.speaker = self.attr_span = self._tokens = self._marks = None
        self.absorbed = _NO_ACTS

    @property
    def tokens(self) -> list:
        """``(token, start, end)`` character offsets in the sentence, computed once."""
        if self._tokens is None:
            self._tokens = with_offsets(self.text, self.words)
        return self._tokens

    @property
    def apposition_marks(self) -> tuple:
        """``(stops, commas)``, found once: the indexes of the tokens that open an
        apposition or rule one out (``,``, ``(``, a dash, "and", "or", "said",
        "says") and those of the commas, in order, so that
        :func:`~graphkit.extract.syntax.in_apposition` need not walk back.
        """
        if self._marks is None:
            lower = self.lower
            self._marks = (true_indexes(map(_APPOSITION_STOPS.__contains__, lower)),
                           true_indexes(map(",".__eq__, lower)))
        return self._marks

    @property
    def actors(self) -> list:
        """Groups that can act: no place, outlet or relational mention in them."""
        return [g for g in self.groups if g.parties and not any(
            m.location or m.kind == "media" or m.relational for m in g.mentions)]

    @property
    def places(self) -> list:
        """Groups that name a place."""
        return [g for g in self.groups if g.parties and any(m.location for m in g.mentions)]


#: what opens an apposition ("Pakistan, a key U.S. ally, ...")
APPOSITION_OPENERS = frozenset({",", "(", "—", "–"})
#: what ends the walk back from a group to its apposition's opening mark
_APPOSITION_STOPS = APPOSITION_OPENERS | {"and", "or", "said", "says"}

#: what a stage has not filled yet (shared and immutable)
_NOTHING: tuple = ()
_NO_ACTS = MappingProxyType({})

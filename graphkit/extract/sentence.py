"""What the stages of the rules extractor share about one sentence: its actor mentions and
groups, and token helpers."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, count


@dataclass
class Mention:
    """An actor mention in a sentence (token span ``start:end``)."""

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


@dataclass
class Group:
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

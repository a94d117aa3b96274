"""Stances: an actor's position on an issue or on a named agreement.

A stance needs three things in one clause: an actor (the subject, or the
speaker for "we"/"our"), a stance cue ("support", "implement", "reject",
"violate"...) and what the stance is about: a named agreement ("the Geneva
Communique", "Strategic Framework Agreement", a "helicopter package") or an
issue keyword. Negation ("does not support") is recorded, not dropped.
"""

from __future__ import annotations

import bisect
import re

from ..model import Stance
from .vocab import FAILURE_BEFORE, NEGATORS, REFUSAL_VERBS

__all__ = ["agreement_names", "agreement_id", "find_stances", "SUPPORT_CUES", "OPPOSE_CUES",
           "STANCE_CUES"]

SUPPORT_CUES = {
    "support", "supports", "supported", "supporting", "back", "backs", "backed", "endorse",
    "endorses", "endorsed", "welcome", "welcomes", "welcomed", "implement", "implements",
    "implemented", "implementing", "implementation", "uphold", "upholds", "upheld", "honour",
    "honor", "honoured", "honored", "abide", "ratify", "ratifies", "ratified", "ratification",
    "sign", "signs", "signed", "signing", "adhere", "adheres", "committed", "commitment",
    "secure", "extend", "extended", "extension", "join", "joined", "respect", "respects",
    "favour", "favor", "favours", "favors", "praised", "praise", "defend", "defended",
}
OPPOSE_CUES = {
    "reject", "rejects", "rejected", "rejecting", "rejection", "oppose", "opposes", "opposed",
    "opposing", "opposition", "violate", "violates", "violated", "violation", "violations",
    "withdraw", "withdrew", "withdrawn", "withdrawal", "denounce", "denounced", "criticize",
    "criticized", "criticise", "criticised", "breach", "breached", "scrap", "scrapped", "quit",
    "suspend", "suspended", "abandon", "abandoned", "condemn", "condemned", "undermine",
    "undermines", "undermined", "against",
}
#: Every cue word: a sentence without one has no stance.
STANCE_CUES = frozenset(SUPPORT_CUES | OPPOSE_CUES)
# the events' negators, a failure ("failed to implement") and a refusal ("refused to
# sign"), which negate a stance
_NEGATORS = NEGATORS | FAILURE_BEFORE | REFUSAL_VERBS

_AGREEMENT_HEADS = (r"Agreements?|Accords?|Treaty|Treaties|Communiqu[eé]|Declaration|Protocol|"
                    r"Convention|Charter|Deal|Plan|Initiative|Memorandum|Framework|Package|Pact|"
                    r"Roadmap|Road Map|Resolution \d+")
_NAMED = re.compile(
    r"\b((?:(?:[A-Z][\w’'.-]*|of|on|for|and|the|\d+)\s+){0,6}?(?:[A-Z][\w’'.-]*\s+)(?:"
    + _AGREEMENT_HEADS + r"))\b")
_QUOTED = re.compile(r"[\"“]([a-z][\w -]{2,40}?\s(?:package|deal|plan|agreement|accord|"
                     r"initiative|roadmap|formula))[\"”]")
_PACKAGE = re.compile(r"\b([a-z]{3,}(?:-[a-z]+)? package)\b")
_KNOWN = re.compile(r"\b(JCPOA|New START|INF Treaty|Minsk (?:agreements|accords)|"
                    r"Paris (?:climate )?agreement|Good Friday Agreement|Oslo Accords|"
                    r"Dayton (?:Agreement|Accords))\b", re.I)
# Each pattern can only match where some literal occurs; testing for it first
# skips a scan of every position in most sentences. (_KNOWN ignores case: for
# ASCII text, str.lower folds case exactly as re.I does.)
_HEAD_WORD = re.compile(_AGREEMENT_HEADS)
_KNOWN_WORDS = ("jcpoa", "new start", "inf treaty", "minsk", "paris", "good friday", "oslo",
                "dayton")


def _may_match(rx, sentence: str) -> bool:
    if rx is _NAMED:
        return _HEAD_WORD.search(sentence) is not None
    if rx is _PACKAGE:
        return " package" in sentence
    if rx is _QUOTED:
        return '"' in sentence or "“" in sentence
    if rx is _KNOWN and sentence.isascii():
        low = sentence.lower()
        return any(w in low for w in _KNOWN_WORDS)
    return True


_LEADING = re.compile(r"^(?:(?:the|The|a|A|of|on|for|and)\s+)+")


def agreement_names(sentence: str) -> list[tuple[str, int, int]]:
    """Named agreements in a sentence as ``(name, start, end)``.

    Examples
    --------
    >>> [n for n, _, _ in agreement_names(
    ...     "They will initiate the implementation of the Geneva Communique.")]
    ['Geneva Communique']
    >>> [n for n, _, _ in agreement_names('The second stage of the "helicopter package".')]
    ['helicopter package']
    """
    found = []
    for rx in (_KNOWN, _NAMED, _QUOTED, _PACKAGE):
        if not _may_match(rx, sentence):
            continue
        for m in rx.finditer(sentence):
            name = _LEADING.sub("", m.group(1)).strip()
            start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
            start = m.end(1) - len(name) if name else start
            if len(name.split()) < 2 and rx is not _KNOWN:
                continue
            if any(a <= start < b for _, a, b in found):
                continue
            found.append((name, start, start + len(name)))
    return sorted(found, key=lambda t: t[1])


def agreement_id(name: str) -> str:
    """A stable node id for a named agreement.

    Examples
    --------
    >>> agreement_id("the Geneva Communiqué")
    'AGR:GENEVA-COMMUNIQUE'
    """
    base = _LEADING.sub("", name.strip())
    base = base.replace("é", "e").replace("É", "E")
    return "AGR:" + re.sub(r"[^A-Z0-9]+", "-", base.upper()).strip("-")


def find_stances(*, doc_id, date, sentence_id, offset, sentence, tokens, lower, groups,
                 speaker, issues, clause_breaks) -> list[Stance]:
    """Stances in one sentence.

    Parameters
    ----------
    tokens : list of (text, start, end)
        Tokens of the sentence (offsets within it).
    lower : list of str
        Lower-cased token texts.
    groups : list
        Actor groups of the sentence (objects with ``start``, ``end``, ``parties``).
    speaker : object or None
        The speaker mention (with ``party``), if the sentence is reported speech.
    issues : graphkit.extract.lexicon.IssueMatcher
        Finds issue keywords.
    clause_breaks : list of int
        Token indexes that start a new clause.
    """
    cues = [(i, "support" if w in SUPPORT_CUES else "oppose") for i, w in enumerate(lower)
            if w in SUPPORT_CUES or w in OPPOSE_CUES]
    if not cues:
        return []
    if speaker is None or not speaker.party:
        if not any(g.parties for g in groups):
            return []       # nobody to hold a stance
    topics = [(agreement_id(n), n, a, b) for n, a, b in agreement_names(sentence)]
    seen_issue = set()
    for issue, start, end in issues.find(sentence):
        if issue not in seen_issue:
            seen_issue.add(issue)
            topics.append((issue, issue, start, end))
    if not topics:
        return []
    starts = [t[1] for t in tokens]
    clause_of = []
    c, breaks, bi = 0, sorted(clause_breaks), 0
    for k in range(len(tokens)):
        while bi < len(breaks) and breaks[bi] <= k:
            c, bi = breaks[bi], bi + 1
        clause_of.append(c)
    out, seen = [], set()
    evidence = " ".join(sentence.split())
    for topic, _name, a, b in topics:
        t_tok = min(bisect.bisect_left(starts, a), len(tokens) - 1)
        # the cue closest before the topic in the same clause
        cands = [(i, pol) for i, pol in cues if t_tok - 12 <= i < t_tok
                 and clause_of[i] == clause_of[t_tok]]
        if not cands:
            continue
        ci, polarity = cands[-1]
        c_start = clause_of[ci]
        actor = [g for g in groups if c_start <= g.start and g.end <= ci and g.parties]
        parties = actor[0].parties if actor else []
        if not parties and speaker is not None and speaker.party:
            parties = [speaker.party]      # reported speech: the speaker's position
        negated = any(w in _NEGATORS for w in lower[max(c_start, ci - 3):ci])
        for p in parties:
            key = (p, topic, polarity)
            if key in seen:
                continue
            seen.add(key)
            out.append(Stance(doc_id=doc_id, date=date, sentence_id=sentence_id, actor=p,
                              actor_name="", issue=topic, stance=polarity, negated=negated,
                              evidence=evidence, char_start=offset,
                              char_end=offset + len(sentence), issue_name=_name))
    return out

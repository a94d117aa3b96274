"""The default extractor (``rules.v1``): dictionary look-ups and shallow linguistic rules.

Pure Python, no model. Each sentence goes through stages, one module each, every
stage adding to one :class:`~graphkit.extract.sentence.Sentence`:

1. names (``names.py``): parties, places, outlets and people in the registry;
2. roles (``roles.py``): role phrases and office holders ("the Russian foreign
   minister" -> Lavrov in 2013);
3. unknown people and groups (``unknown.py``), references (``references.py``:
   pronouns, "the two sides"), context (``context.py``: places, media, relational
   words);
4. groups and attribution (``syntax.py``, ``attribution.py``): compound mentions,
   the speaker and quotes;
5. triggers (``triggers.py``): lexicon matches, vetoes, absorption; clauses
   (``clauses.py``);
6. arguments (``arguments.py``): each trigger's source and target from ordered rule
   tables, with negation and modality (``modality.py``);
7. reclassification (``reclassify.py``) and emission (``emit.py``); stances
   (``stances.py``); the discourse state for later sentences (``discourse.py``).

Rules are named entries of tables (``engine.py``), each with the examples that
test it; word lists are data (``data/words.csv``, read by ``vocab.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..actors import Registry, load_registry, token_texts
from ..model import Document, Event
from .arguments import event_candidates
from .attribution import find_speaker, own_pronouns
from .clauses import clause_breaks
from .context import mark_context
from .discourse import DocState
from .emit import NAME, emit_events
from .lexicon import IssueMatcher, load_issues, load_triggers
from .names import NameIndex, find_names
from .references import resolve_references, subordinate_they
from .roles import attach_roles
from .sentence import Sentence
from .stances import STANCE_CUES, find_stances
from .syntax import groups_of
from .text import body_end, clean_text, iter_sentences
from .triggers import TriggerIndex, absorb, read_triggers
from .unknown import unknown_groups, unknown_people
from .words import check_used

__all__ = ["RulesExtractor", "Extraction", "PART_CHARS"]

#: characters of text per part of a document (:meth:`RulesExtractor.parts`)
PART_CHARS = 1 << 20


@dataclass
class Extraction:
    """What the extractor found in one document."""

    doc_id: str
    events: list
    sentences: int
    mentions: dict    # party -> mention count
    agents: dict      # (agent name, party) -> mention count
    stances: list = field(default_factory=list)
    capped: int = 0   # sentences cut into pieces by the token cap (see text.MAX_TOKENS)


class RulesExtractor:
    """Rule-based event extractor (``rules.v1``).

    Parameters
    ----------
    registry : Registry, optional
        Actor registry; the package registry by default.

    Examples
    --------
    >>> from graphkit.model import Document
    >>> ex = RulesExtractor()
    >>> doc = Document("d1", "Russia and NATO held talks in Brussels on Tuesday.", "2013-04-23")
    >>> [(e.source, e.target, e.event_type) for e in ex.extract(doc).events]
    [('RUS', 'NATO', 'CONSULT'), ('NATO', 'RUS', 'CONSULT')]
    """

    name = NAME

    def __init__(self, registry: Registry | None = None):
        check_used()    # a list in words.csv no rule reads is a typo in the data
        self.registry = registry if registry is not None else load_registry()
        self.names = NameIndex(self.registry)
        self.triggers = TriggerIndex(load_triggers())
        self.issues = IssueMatcher(load_issues())
        self.agreement_names = {issue: label for issue, label, _kw in load_issues()}

    def extract(self, doc: Document) -> Extraction:
        """Extract events from one document."""
        parts = list(self.parts(doc))
        if len(parts) == 1:
            return parts[0]
        last = parts[-1]
        return Extraction(doc.doc_id, [e for p in parts for e in p.events],
                          sum(p.sentences for p in parts), last.mentions, last.agents,
                          [st for p in parts for st in p.stances],
                          sum(p.capped for p in parts))

    def parts(self, doc: Document, *, size: int = PART_CHARS) -> Iterator[Extraction]:
        """Extract events from one document in parts of about ``size`` characters.

        A part ends at the first sentence end ``size`` characters or more after
        the part's start, so a huge document's events and sentences need not all
        be held at once. What one sentence tells the next (the discourse state:
        who spoke, who was named, the paragraph) carries across parts, so the
        events are those of :meth:`extract`. Each part has its own events,
        sentences and stances; the document's ``mentions`` and ``agents`` come
        with the last part (empty before).

        Examples
        --------
        >>> from graphkit.model import Document
        >>> doc = Document("d1", "Russia and NATO held talks. They agreed. " * 2, "2013-04-23")
        >>> parts = RulesExtractor().parts(doc, size=60)
        >>> [(p.sentences, len(p.events), p.mentions) for p in parts]
        [(3, 6, {}), (1, 2, {'RUS': 4, 'NATO': 4})]
        """
        text = clean_text(doc.text)
        end = body_end(text)
        state = DocState(date=doc.date)
        self.names.refresh()
        events: list[Event] = []
        if doc.title:
            # the title sets the scene ("Readout of President Biden's Call with ..."), so
            # "The President" in the first line has someone to refer to; it yields no events
            self._read(doc, -1, 0, doc.title, state, [])
            state.forget_counts()
        prev_end = part_start = 0
        sentences = capped = 0
        cut: list = []
        for sid, (a, b) in enumerate(iter_sentences(text, 0, end, cut)):
            if "\n\n" in text[prev_end:a] or sid == 0:
                state.new_paragraph()
            prev_end = b
            self._read(doc, sid, a, text[a:b], state, events)
            sentences += 1
            if b - part_start >= size:
                yield Extraction(doc.doc_id, events, sentences, {}, {}, state.take_stances(),
                                 len(cut) - capped)
                events, sentences, part_start, capped = [], 0, b, len(cut)
        yield Extraction(doc.doc_id, events, sentences, dict(state.mentions),
                         dict(state.agents), state.take_stances(), len(cut) - capped)

    def _read(self, doc, sid, offset, text, state, events) -> None:
        """Run the stages over one sentence, appending its events to ``events``."""
        words = token_texts(text)
        if not words:
            return
        lower = list(map(str.lower, words))
        if "’" in text and "n’t" in lower:     # one spelling of the contraction below
            lower = ["n't" if w == "n’t" else w for w in lower]
        state.at(sid)
        mentions = self._mentions(words, lower, state)
        if state.para_speaker is None and not (state.last_group
                                               and sid - state.last_group_sentence <= 3) \
                and not any(m.kind in ("party", "person") for m in mentions):
            # Nothing below can act on such a sentence: with no party or person
            # there are no groups, so no speaker, no event source and no stance
            # holder; the only event without a group here ("the talks" after
            # "X and Y met") needs a pair from the last three sentences, and a
            # quote needs a paragraph speaker. The discourse state is only
            # updated from events and mentions, so it stays as it is.
            return
        s = Sentence(doc, sid, offset, text, words, lower)
        s.mentions = mentions
        s.groups = groups_of(mentions, lower)
        find_speaker(s, state)
        state.count_mentions(s.mentions)
        if s.speaker is not None:
            own_pronouns(s)
        n_before = len(events)
        self._triggers(s)
        found = event_candidates(self.registry, s, state) if s.triggers or (
            s.attr_span is not None) else []
        if sid >= 0 and not STANCE_CUES.isdisjoint(lower):
            self._stances(s, state)
        if found:
            emit_events(s, found, self.registry, ";".join(self.issues.issues(text)), events)
        state.after_sentence(sid, s.mentions, s.speaker, events[n_before:], s.groups)

    def _mentions(self, words, lower, state) -> list:
        """The actor mentions of a sentence: names, roles, unknown people and groups,
        references, each marked for context (places, media, relational)."""
        out = find_names(self.names, words, lower, state)
        out = attach_roles(self.registry, out, words, lower, state)
        unknown_people(self.registry, out, words, lower, state)
        unknown_groups(self.registry, out, words, lower)
        resolve_references(self.registry, out, words, lower, state)
        if "they" in lower and out:
            subordinate_they(out, words, lower)
        mark_context(self.registry, out, words, lower)
        return sorted(out, key=lambda m: m.start)

    def _triggers(self, s) -> None:
        """Triggers, clause breaks and absorption: ``s.triggers``, ``s.breaks``,
        ``s.absorbed`` (the kinds of act folded into an earlier trigger)."""
        s.triggers = read_triggers(s, self.triggers)
        # clauses matter to triggers, to a reported demand (needs an attribution)
        # and to stances; without any of these they are not needed
        if (s.sid >= 0 and not STANCE_CUES.isdisjoint(s.lower)) or s.attr_span is not None \
                or any(t is not None for _, _, t in s.triggers):
            s.breaks = clause_breaks(s.words, s.lower, s.attr_span,
                                     s.tokens if "-" in s.lower else None)
        read = s.triggers
        s.triggers = absorb(read, s.lower, s.breaks, s.mentions)
        s.absorbed = {s_: t_ for (s_, _, t_), (_, _, kept) in zip(read, s.triggers)
                      if t_ is not None and kept is None}

    def _stances(self, s, state) -> None:
        """Stances of the sentence (it has a support or oppose cue)."""
        for st in find_stances(doc_id=s.doc.doc_id, date=s.doc.date, sentence_id=s.sid,
                               offset=s.offset, sentence=s.text, tokens=s.tokens,
                               lower=s.lower, groups=s.groups, speaker=s.speaker,
                               issues=self.issues, clause_breaks=s.breaks):
            name = st.issue_name or st.issue
            state.add_stance(replace(st, actor_name=self.registry.name(st.actor),
                                     issue_name=self.agreement_names.get(st.issue, name)))

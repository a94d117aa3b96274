"""The default extractor: dictionary look-ups and shallow linguistic rules.

Pure Python, no model. For every sentence it

1. finds actor mentions (names, aliases, demonyms, capitals, officials, role
   phrases such as "the Russian foreign minister", pronouns and definite
   descriptions such as "the sides" resolved within the document);
2. joins compound mentions ("Russia and NATO", "Russia-NATO") into groups;
3. finds attribution ("..., Lavrov said", "According to X, ...");
4. finds event triggers from the lexicon and, per trigger, its source (the
   nearest subject-like group before it, or the agent of a passive) and its
   target (the first object-like group after it), with negation and modality;
5. emits one directed event per source/target pair; reciprocal predicates
   ("X and Y met", "talks between X and Y") give both directions.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from ..actors import Registry, load_registry, token_texts
from ..model import Document, Event, default_polarity, quad_class
from .arguments import aid_giver, inner_actor, owned_object
from .attribution import attr_end, skip_time
from .clauses import clause_breaks, document_clause
from .discourse import DocState, referent
from .lexicon import (
    IssueMatcher,
    load_issues,
    load_triggers,
)
from .modality import is_negated, modality_of, refusal, says_later
from .names import MayStart, fold, misspelling_index, misspelt_key, near_spelling
from .reclassify import welcomed_to_a_place
from .references import subordinate_they
from .sentence import (
    Group,
    Mention,
    inside,
    kind_of,
    pick_entry,
    true_indexes,
    with_offsets,
)
from .stances import STANCE_CUES, find_stances
from .syntax import (
    capitalised_run,
    groups_of,
    head_of,
    in_apposition,
    in_name,
    names_a_thing,
    preposition_before,
    relative_subject,
    skip_back,
    subject_like,
)
from .text import body_end, clean_text, split_sentences
from .triggers import (
    after_since,
    intransitive,
    is_participle,
    match_elements,
    month_march,
    verb_reading,
)
from .unknown import may_place, title_party
from .vocab import (
    ACT_NOUNS,
    ADJECTIVAL,
    AFTER_REDUCED,
    ANSWERS,
    BACKED,
    BASED,
    BE,
    BLASTS,
    BORDERS,
    BROKERED,
    CLAUSAL_OBJECT,
    COMPASS,
    COMPASS_OR_THE,
    COMPLEMENTIZERS,
    COOPERATIVE,
    DEFINITE_IGO,
    DETERMINERS,
    DOMESTIC,
    DOMESTIC_ROLES,
    FINITE,
    FIRST_PERSON,
    FRIENDS,
    FUTURE,
    FUTURE_VERBS,
    HELP,
    HELP_OBJECTS,
    HOME_INSTITUTIONS,
    HONORIFICS,
    HOSTILE,
    HOSTILE_ACTS,
    ING_ADJECTIVES,
    INTENT_CATEGORIES,
    LED,
    LOCATIVE,
    MEDIA_ROLE,
    MINORITY_NOUNS,
    MORE,
    MORE_OF,
    MUST,
    MUST_TRIGGER,
    NAME_PARTICLES,
    NOT_BEFORE_REDUCED,
    NOT_DOMESTIC_NAMES,
    NOT_HOME_BEFORE,
    NP_FILLER,
    NUMBER_WORDS,
    OBJECT_PREP_AGREE,
    OBJECT_PREP_ANY,
    OBJECT_PREP_TALK,
    OBLIGATION,
    OFFICE_WORDS,
    ORG_HEADS,
    ORGANISED,
    OWN_SUBJECT,
    PARTICLES,
    PERSON_PRONOUNS,
    PLACE_PREPS,
    PLACE_REACH,
    PLURAL_FIRST,
    PLURAL_NOUNS,
    PLURAL_REFS,
    POSSIBLE,
    PROPOSALS,
    QUANTITY,
    REF_FIRST,
    REF_STARTS,
    RELATIONAL,
    REPORT_VERBS,
    ROLE_FIRST,
    ROLE_WORDS,
    ROLES,
    SECTOR_GROUPS,
    SEPARATED,
    SETTLEMENTS,
    SPEAKER_NOUNS,
    STATE_OFFICES,
    STOP_MODIFIER,
    SUBORDINATORS,
    SUPPORT_VERBS,
    SURNAME_STOP,
    TITLE_HEADS,
    TITLES,
    TO_NOUNS,
    VICTIM_PREPS,
    WEAK_REPORT,
    WISHES,
)
from .words import check_used

__all__ = ["RulesExtractor", "Mention", "Extraction"]

NAME = "rules.v1"

# ---------------------------------------------------------------------------
# Word lists (closed classes and role nouns). General English, not tuned to a text.












@dataclass
class Extraction:
    """What the extractor found in one document."""

    doc_id: str
    events: list
    sentences: int
    mentions: dict    # party -> mention count
    agents: dict      # (agent name, party) -> mention count
    stances: list = field(default_factory=list)


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
        self._triggers_by_first = {}
        for trig in sorted(load_triggers(), key=lambda t: -t.length):
            first = trig.elements[0]
            for form in first:
                self._triggers_by_first.setdefault(form, []).append(trig)
        self._trigger_words = frozenset(self._triggers_by_first)
        self._issues = IssueMatcher(load_issues())
        self._key_prefixes: set = set()
        self._may_start: MayStart | None = None
        self._one_token_keys: set = set()
        self._refresh_registry_index()
        self._agreement_names = {issue: label for issue, label, _kw in load_issues()}

    # ------------------------------------------------------------------ API
    def extract(self, doc: Document) -> Extraction:
        """Extract events from one document."""
        text = clean_text(doc.text)
        end = body_end(text)
        state = DocState(date=doc.date)
        self._refresh_registry_index()
        events: list[Event] = []
        spans = split_sentences(text, 0, end)
        if doc.title:
            # the title sets the scene ("Readout of President Biden's Call with ..."), so
            # "The President" in the first line has someone to refer to; it yields no events
            self._sentence(doc, -1, 0, doc.title, state, [], None)
            state.mentions.clear()
            state.agents.clear()
        para_speaker = None
        prev_end = 0
        for sid, (a, b) in enumerate(spans):
            if "\n\n" in text[prev_end:a] or sid == 0:
                para_speaker = None
            prev_end = b
            sentence = text[a:b]
            _speaker, para_speaker = self._sentence(doc, sid, a, sentence, state, events,
                                                   para_speaker)
        return Extraction(doc.doc_id, events, len(spans), dict(state.mentions),
                          dict(state.agents), state.stances)

    def _refresh_registry_index(self) -> None:
        """Registry look-up aids, rebuilt (once per document at most) when the
        registry has grown: any key change gives a new prefix set."""
        reg = self.registry
        prefixes = reg.key_prefixes()
        if prefixes is not self._key_prefixes or self._may_start is None \
                or len(self._may_start) > 500_000:
            self._key_prefixes = prefixes
            self._may_start = MayStart(reg.first_tokens)
            # tokens that are a whole key by themselves
            self._one_token_keys = {key[0] for index in (reg.surfaces, reg.people, reg.surnames)
                                    for key in index if len(key) == 1}
            self._misspelt = misspelling_index(reg)

    # ------------------------------------------------------------- sentence
    def _sentence(self, doc, sid, offset, sentence, state, events, para_speaker):
        words = token_texts(sentence)
        if not words:
            return None, para_speaker
        lower = list(map(str.lower, words))
        if "’" in sentence and "n’t" in lower:     # one spelling of the contraction below
            lower = ["n't" if w == "n’t" else w for w in lower]
        mentions = self._mentions(words, lower, state)
        if para_speaker is None and not (state.last_group
                                         and sid - state.last_group_sentence <= 3) \
                and not any(m.kind in ("party", "person") for m in mentions):
            # Nothing below can act on such a sentence: with no party or person
            # there are no groups, so no speaker, no event source and no stance
            # holder; the only event without a group here ("the talks" after
            # "X and Y met") needs a pair from the last three sentences, and a
            # quote needs a paragraph speaker. The discourse state is only
            # updated from events and mentions, so it stays as it is.
            return None, para_speaker
        toks = None             # token offsets, computed when needed
        groups = groups_of(mentions, words, lower)
        speaker, attr_span = self._attribution(words, lower, mentions, groups, state)
        if attr_span is not None and any(g.start < attr_span[0] < g.end for g in groups):
            # "... criticized the United States, South Korea's defense ministry said": the
            # speaker is no part of the list before it
            a0 = attr_span[0]
            groups = (groups_of([m for m in mentions if m.end <= a0], words, lower)
                      + groups_of([m for m in mentions if m.start >= a0], words, lower))
        in_quote = sentence.lstrip()[:1] in "\"“'‘" or (para_speaker is not None and
                                                       sentence.count('"') % 2 == 1)
        if speaker is None and para_speaker is not None and (in_quote or '"' in sentence
                                                              or "”" in sentence):
            speaker = para_speaker
        if speaker is not None and ('"' in sentence or "“" in sentence or in_quote):
            para_speaker = speaker
        for m in mentions:
            if m.kind in ("party", "person") and not m.location:
                for p in m.parties:
                    state.mentions[p] = state.mentions.get(p, 0) + 1
                if m.agent and m.kind == "person":
                    key = (m.agent, m.party)
                    state.agents[key] = state.agents.get(key, 0) + 1
        # first-person pronouns inside quotes speak for the speaker, and so does
        # "it" opening the reported clause ("Iran said it would ...", and "they" after
        # a plural group: "the rebels said they would ...")
        if speaker is not None:
            for i, lw in enumerate(lower):
                own = lw in FIRST_PERSON or (lw in ("it", "they") and attr_span is not None
                                              and i == attr_span[1]
                                              and speaker.kind == "party" and (
                                                  lw == "it" or speaker.form in ("role", "adj")))
                if own and not inside(i, mentions):
                    if lw == "us" and words[i] != "us":
                        continue
                    if any(m.start == i + 1 and m.form == "adj" for m in mentions):
                        continue    # "our Philippine allies" are the Philippines
                    mentions.append(Mention(i, i + 1, (speaker.party,), speaker.agent,
                                            speaker.kind, "pronoun"))
            mentions.sort(key=lambda m: m.start)
            groups = groups_of(mentions, words, lower)
        n_before = len(events)
        triggers = self._triggers(lower, mentions)
        if "AIDS" in words:     # the disease, not "aids"
            triggers = [t for t in triggers if words[t[0]] != "AIDS"]
        if "since" in lower:
            # "since last month's U.S. invasion": a past act that dates another
            in_mention = {k for m in mentions for k in range(m.start, m.end)}
            triggers = [t for t in triggers if not (
                t[2] is not None and t[2].pos == "noun" and after_since(lower, t[0], in_mention))]
        if "suspected" in lower:
            # "two nationals suspected by the West of blowing up a plane": an act
            # someone is suspected of is no event of this report
            triggers = [t for t in triggers if not (
                t[0] > 1 and lower[t[0] - 1] == "of"
                and "suspected" in lower[max(0, t[0] - 7):t[0] - 1])]
        # a noun trigger inside a proper name ("the Baghdad Regional Summit", "the
        # Partnership for Global Infrastructure") names an event or body, not an act here
        # (past an acronym in brackets: "the Bucharest Nine (B9) Summit")
        triggers = [t for t in triggers if not (
            t[2] is not None and t[2].pos == "noun" and t[0] > 1
            and words[t[0]][:1].isupper() and in_name(words, lower, t[0], mentions))]
        # a capitalised trigger word in a title is the office's field, not an act:
        # "Finance Minister Lawrence Wong", "Trade Representative Katherine Tai"
        triggers = [t for t in triggers if not (
            t[0] > 0 and words[t[0]][:1].isupper() and t[1] < len(words)
            and lower[t[1]] in TITLE_HEADS and words[t[1]][:1].isupper())]
        stance_cue = sid >= 0 and not STANCE_CUES.isdisjoint(lower)
        breaks = []
        # clauses matter to triggers, to a reported demand (needs an attribution)
        # and to stances; without any of these they are not needed
        if stance_cue or attr_span is not None or any(t is not None for _, _, t in triggers):
            if "-" in lower:
                toks = with_offsets(sentence, words)
            breaks = clause_breaks(words, lower, attr_span, toks)
        read = triggers
        triggers = self._absorb(triggers, lower, breaks, mentions)
        # the kinds of act folded into an earlier trigger ("willing to withdraw ...")
        absorbed = {s_: t_ for (s_, _, t_), (_, _, kept) in zip(read, triggers)
                    if t_ is not None and kept is None}
        found = []
        demand = self._obligation(groups, lower, attr_span, speaker, breaks)
        if demand is not None:
            group, k, k_end = demand
            # "X said Y must ...": a demand from X to Y; what Y must do is not an event
            modality = modality_of(lower, k, k, k_end)
            for p in group.parties:
                if p == speaker.party:
                    continue
                found.append((speaker.party, p, MUST_TRIGGER, k, k + 1, False, modality,
                              speaker.agent, group.agent_of(p)))
            triggers = [(s_, e_, None if k < s_ < k_end else t_) for s_, e_, t_ in triggers]
        live = places = None
        for ti, (ts, te, trig) in enumerate(triggers):
            if trig is None:
                continue
            if live is None:
                live = [g for g in groups if g.parties and not any(
                    m.location or m.kind == "media" or m.relational for m in g.mentions)]
                places = [g for g in groups if g.parties and any(m.location
                                                                 for m in g.mentions)]
            found.extend(self._event_args(ts, te, trig, triggers, live, places, mentions,
                                          words, lower, breaks, attr_span, speaker, state,
                                          sid, absorbed))
        # a source that already acts on a target in this sentence: its target-less
        # events are the same action seen through a second trigger ("promised to
        # continue aid to Mozambique"), not another event
        targeted = {f[0] for f in found if f[1]}
        found = [f for f in found if f[1] or f[0] not in targeted]
        issue = self._issue(sentence) if found else ""
        if found and toks is None:
            toks = with_offsets(sentence, words)
        if stance_cue:
            # (find_stances needs a support or oppose cue; most sentences have none)
            if toks is None:
                toks = with_offsets(sentence, words)
            for st in find_stances(doc_id=doc.doc_id, date=doc.date, sentence_id=sid,
                                   offset=offset, sentence=sentence, tokens=toks, lower=lower,
                                   groups=groups, speaker=speaker, issues=self._issues,
                                   clause_breaks=breaks):
                name = st.issue_name or st.issue
                state.stances.append(replace(st, actor_name=self.registry.name(st.actor),
                                             issue_name=self._agreement_names.get(
                                                 st.issue, name)))
        seen = set()
        for k, (src, tgt, trig, ts, te, negated, modality, src_agent, tgt_agent) in enumerate(
                found):
            t = trig
            if negated and t.category in COOPERATIVE and refusal(lower, ts):
                # "will not accept", "would not meet": a refusal, which PLOVER codes
                # as REJECT; a failed outcome ("did not achieve progress") stays negated
                t, negated = t.recast("REJECT", "reject"), False
            if "host_to_place" in t.props and tgt and welcomed_to_a_place(lower, te, mentions):
                # "welcomed Chancellor Olaf Scholz of Germany to the White House": hosting
                t = t.recast("CONSULT", "host")
            if t.category == "SANCTION" and tgt and src.split("-")[0] == tgt.split("-")[0]:
                # "banned opposition candidates", "froze the assets of local NGOs": a
                # sanction at home is repression (CAMEO 17)
                t = t.recast("COERCE", "repress")
            if t.category == "COOPERATE" and t.pos == "noun" and not negated and (any(
                    w in MORE_OF for w in lower[max(0, ts - 3):ts]) or (any(
                    w in MORE for w in lower[max(0, ts - 3):ts]) and any(
                    w in WISHES for w in lower[max(0, ts - 7):ts]))):
                # "conveyed his desire for closer cooperation", "ways to further deepen
                # cooperation": more cooperation wished for is an intent (PLOVER AGREE)
                t = t.recast("AGREE", "intent")
            if modality == "future" and not negated and "unless" in lower[te:] and (
                    t.category in ("RETREAT", "ASSAULT", "COERCE", "SANCTION")):
                # "will withdraw its force from Chad unless ...": a conditional act
                # against the other side's will is a threat (CAMEO 13)
                t = t.recast("THREATEN", "threaten")
            elif (t.category in INTENT_CATEGORIES or "announced_is_intent" in t.props) \
                    and modality == "future" and "announced_is_act" not in t.props:
                # (an announced resignation is the retreat itself, not a promise to others;
                # a visit announced for later is an intent to meet, CAMEO 036)
                t = t.recast("AGREE", "intent")   # PLOVER: an expressed intent to cooperate
            elif (t.category in ("ASSAULT", "COERCE", "SANCTION")
                  or "announced_is_threat" in t.props) \
                    and modality == "future" and not negated:
                # "is prepared to impose martial law", "plans to impose restrictions on",
                # "said they would boycott", "will extend the curfew": a hostile act
                # announced for later is a threat (CAMEO 13), as event coders read it
                t = t.recast("THREATEN", "threaten")
            category, mode = t.category, t.mode
            cs, ce = toks[ts][1], toks[te - 1][2]
            key = (src, tgt, category)
            if key in seen:
                continue
            seen.add(key)
            polarity = 0 if negated else default_polarity(category, mode)
            events.append(Event(
                event_id=f"{doc.doc_id}#{sid}.{len(seen)}",
                doc_id=doc.doc_id, date=doc.date, sentence_id=sid,
                source=src, source_name=self.registry.name(src), source_agent=src_agent,
                target=tgt, target_name=self.registry.name(tgt) if tgt else "",
                target_agent=tgt_agent, event_type=category, mode=mode,
                quad_class=quad_class(category, mode), intensity=trig.intensity,
                polarity=polarity, issue=issue, negated=negated, modality=modality,
                speaker=speaker.agent or self.registry.name(speaker.party) if speaker else "",
                evidence=" ".join(sentence.split()), char_start=offset,
                char_end=offset + len(sentence), extractor=NAME,
                trigger=sentence[cs:ce],
            ))
        # discourse state for later sentences
        subject_people = [m for m in mentions if m.kind == "person" and m.agent
                          and not m.location]
        lead = speaker if (speaker is not None and speaker.kind == "person"
                           and speaker.agent) else (subject_people[0] if subject_people else None)
        if lead is not None and lead.party:
            state.last_person = lead.agent
            state.person_party.setdefault(lead.agent, lead.party)
            state.person_role.setdefault(lead.agent, lead.role)
        # the pair now in focus: the parties of this sentence's events, else a
        # compound subject opening the sentence
        pair = []
        for ev in events[n_before:]:
            if ev.event_type not in ("CONSULT", "AGREE") or ev.negated:
                continue       # "the two", "they" refer to those who met or agreed
            for p in (ev.source, ev.target):
                if p and p not in pair:
                    pair.append(p)
        if len(pair) < 2:
            pair = next((g.parties for g in groups if g.start <= 2 and len(g.parties) >= 2
                         and not any(m.location for m in g.mentions)), [])
        if len(pair) >= 2:
            state.last_group = tuple(pair)
            state.last_group_sentence = sid
        for m in mentions:
            if m.kind in ("party", "person") and not m.location:
                for p in m.parties:
                    if p in state.recent_parties:
                        state.recent_parties.remove(p)
                    state.recent_parties.append(p)
        return speaker, para_speaker

    # ------------------------------------------------------------- mentions
    def _mentions(self, words, lower, state) -> list[Mention]:
        reg = self.registry
        n = len(words)
        out: list[Mention] = []
        first = reg.first_tokens
        prefixes, one_token_keys = self._key_prefixes, self._one_token_keys
        full_first, persons = state.full_first, state.persons    # (grow in this loop)
        pos = 0                 # first token not inside a mention found so far
        # lower-case words that start no name (the common case) start no mention
        for i in true_indexes(map(self._may_start.__getitem__, words)):
            if i < pos:
                continue
            w = words[i]
            maxlen = first.get(w, 0)
            if maxlen:
                # no key is longer than the longest run of tokens that starts one
                # ("the" before a lower-case word usually starts none at all)
                top = 1
                limit = maxlen if maxlen < n - i else n - i
                while top < limit and tuple(words[i:i + top + 1]) in prefixes:
                    top += 1
                maxlen = top if top > 1 or w in one_token_keys else 0
            if not maxlen and w not in full_first and w not in persons and not w.isupper():
                if 7 <= len(w) <= 16 and w[1:].islower() and w.isalpha() and (
                        i + 1 == n or not words[i + 1][:1].isupper()) and (
                        i == 0 or not words[i - 1][:1].isupper() or lower[i - 1] == "the"):
                    # (not inside a run of names: "Romain Rolland")
                    # a state's name misspelt: "Afganistan", "Ethopia"
                    key = misspelt_key(w, self._misspelt)
                    if key is not None:
                        pid, form = pick_entry(reg.surfaces[key])
                        out.append(Mention(i, i + 1, (pid,), form=form))
                        pos = i + 1
                continue        # no key, known name or headline capital: no hit below
            hit = None
            for L in range(maxlen, 0, -1):
                key = tuple(words[i:i + L])
                if key in reg.surfaces:
                    pid, form = pick_entry(reg.surfaces[key])
                    if pid in SEPARATED and form in ("capital", "place") and state.date \
                            and state.date < SEPARATED[pid][0]:
                        pid = SEPARATED[pid][1]    # Juba before South Sudan: Sudan
                    hit = Mention(i, i + L, (pid,), kind="media" if form == "media" else "party",
                                  form=form)
                    break
                if key in reg.people:
                    name = reg.person_at(key, state.date)
                    hit = self._person(i, i + L, name, state, full=True)
                    break
                if key in reg.surnames and (i + L >= n or not words[i + L][:1].isupper()
                                            or words[i + L] in TITLES):
                    name = self._surname(key, words, i, state)
                    if name:
                        hit = self._person(i, i + L, name, state, full=False)
                        break
            if hit is None and w in state.full_first:
                for L in range(min(state.full_first[w], n - i), 1, -1):
                    name = state.full_names.get(tuple(words[i:i + L]))
                    if name:
                        hit = Mention(i, i + L, (state.person_party[name],), name, "person",
                                      "name", role=state.person_role.get(name, ""))
                        break
            if hit is None and w in state.persons and (i == 0 or not words[i - 1][:1].isupper()
                                                       or words[i - 1] in TITLES):
                name = state.persons[w]
                hit = Mention(i, i + 1, (state.person_party[name],), name, "person", "name",
                              role=state.person_role.get(name, ""))
            if hit is None and w.isupper() and len(w) > 2 and w.title() != w:
                key = (w.title(),)  # headline capitals: RUSSIA -> Russia
                if key in reg.surfaces:
                    pid, form = pick_entry(reg.surfaces[key])
                    if form != "media":
                        hit = Mention(i, i + 1, (pid,), form=form)
            if hit is not None and hit.form == "adj" and out and out[-1].end == i \
                    and out[-1].form in ("adj", "name") and out[-1].kind == "party" \
                    and lower[i] not in ("cypriot", "cypriots") \
                    and kind_of(reg, hit.party) == "state" == kind_of(reg, out[-1].party):
                # "Bosnian Serbs", "Kosovo Albanians": people of the first state
                # (Cyprus names its communities by origin: "Turkish Cypriots" are Cypriots)
                out[-1].end = pos = hit.end
                out[-1].form = "adj"
                continue
            if hit is not None:
                out.append(hit)
                pos = hit.end
        out = self._roles(out, words, lower, state)
        self._unknown_people(out, words, lower, state)
        self._unknown_groups(out, words, lower)
        self._references(out, words, lower, state)
        if "they" in lower and out:
            subordinate_they(out, words, lower)
        self._context(out, words, lower)
        return sorted(out, key=lambda m: m.start)

    def _person(self, a, b, name, state, *, full) -> Mention:
        t = self.registry.official_at(name, state.date)
        party = t.party if t else ""
        role = t.role if t else ""
        if full:
            surname = name.split()[-1]
            state.persons[surname] = name
            state.person_party[name] = party
            state.person_role[name] = role
            parts = name.split()
            if len(parts) >= 3 and parts[1][:1].isupper():
                # "Hassan Sheikh Mohamud", later "President Hassan Sheikh"
                key = tuple(parts[:2])
                state.full_names.setdefault(key, name)
                state.full_first[key[0]] = max(state.full_first.get(key[0], 0), 2)
        return Mention(a, b, (party,), name, "person", "name", role=role)

    def _surname(self, key, words, i, state) -> str:
        names = self.registry.surnames[key]
        for name in names:
            if name in state.person_party:
                return name
        titled = i > 0 and words[i - 1] in TITLES
        # "the Bush administration", "the Abe government": a leader's surname
        led = i + len(key) < len(words) and words[i + len(key)].lower() in LED
        if len(key) == 1 and key[0] in SURNAME_STOP and not (titled or led):
            return ""
        active = [nm for nm in names
                  if any(t.active(state.date) for t in self.registry.terms.get(nm, []))]
        title = " ".join(words[max(0, i - 3):i]).lower() if titled else ""
        if len(active) > 1 and titled:
            # "Vice President Harris" in 2021: Kamala Harris, not the Prime Minister of
            # Saint Kitts and Nevis then in office
            fits = [nm for nm in active if any(
                t.active(state.date) and t.role and t.role.lower() in title
                for t in self.registry.terms.get(nm, []))]
            if len(fits) == 1:
                return fits[0]
        if len(active) == 1:
            return active[0]
        if not active:
            # (a title must fit an office the person held: "President Hassan Sheikh"
            # is no Prime Minister Hassan)
            if titled and any(w in OFFICE_WORDS for w in title.split()):
                names = [nm for nm in names if any(
                    t.role and t.role.lower() in title
                    for t in self.registry.terms.get(nm, []))]
            parties = {t.party for nm in names for t in self.registry.terms.get(nm, [])}
            if len(parties) == 1:       # "Bush": either Bush, the party is the same
                return max(names, key=lambda nm: max(t.start for t in self.registry.terms[nm]))
        return ""

    def _roles(self, out, words, lower, state) -> list[Mention]:
        """Attach role phrases to adjacent parties and names; resolve bare roles."""
        if ROLE_WORDS.isdisjoint(lower):
            return out
        role_at = true_indexes(map(ROLE_FIRST.__contains__, lower))
        n = len(words)
        by_start = {m.start: m for m in out}
        covered = set()
        for m in out:
            covered.update(range(m.start, m.end))
        roles = []
        pos = 0
        for i in role_at:
            if i < pos or i in covered:
                continue
            for L in range(min(ROLE_FIRST[lower[i]], n - i), 0, -1):
                key = tuple(lower[i:i + L])
                if key in ROLES and not any(j in covered for j in range(i, i + L)):
                    roles.append((i, i + L, ROLES[key]))
                    pos = i + L
                    break
        if not roles:
            return out
        # "Crown Prince and Prime Minister X", "Deputy Prime Minister and Finance
        # Minister X": one title of two offices
        joined = []
        for r in roles:
            if joined and joined[-1][1] + 1 == r[0] and lower[joined[-1][1]] == "and":
                r = (joined.pop()[0], r[1], r[2])
            joined.append(r)
        roles = joined
        result = list(out)
        deferred = []
        placed = []
        for rs, re_, (role, individual) in roles:
            if individual and re_ + 1 < n and lower[re_] == "and":
                # "Prime Minister and Crown Prince Mohammed bin Salman": the name with
                # its own title already is a person; this title is also theirs
                other = by_start.get(re_ + 1)
                if other is not None and other.kind == "person":
                    other.start = rs
                    continue
            # party before: "Russian Foreign Minister", "Russia's foreign minister",
            # "the Russian and US top foreign policy officials"
            before = None
            j = rs - 1
            while j >= 0 and (lower[j] in NP_FILLER or lower[j] in ("'s", "’s", "'") or (
                    # a people's name in between: "Turkish Kurd refugees", "Bosnian
                    # Muslim civilians"
                    not individual and j == rs - 1 and words[j][:1].isupper()
                    and words[j].isalpha() and j not in covered and j > 0
                    and (j - 1) in covered)) \
                    and rs - j <= 4 and lower[j] not in ("the", "a", "an"):
                j -= 1
            cand = next((m for m in result if m.end == j + 1 and m.kind == "party"), None)
            if cand is not None and not cand.relational:
                before = cand
            # party after: "Foreign Minister of Russia", "President of Finland", and for
            # collective heads a place: "rebels in the Ivory Coast", "students throughout
            # Indonesia"
            after = None
            k = re_
            preps = ("of",) if individual else ("of", "in", "throughout", "across", "inside",
                                                "from")
            if k < n and lower[k] in preps:
                k += 1
                while k < n and lower[k] in ("the", "southern", "northern", "eastern",
                                             "western", "central", "south", "north", "east",
                                             "west"):
                    k += 1
                after = by_start.get(k)
                if after is None and lower[k - 1] == "the":
                    # "of the Netherlands": a state's name that owns its "the" (an
                    # organisation's role, "President of the General Assembly", is
                    # the office, not a person acting for a party)
                    after = by_start.get(k - 1)
                    if after is not None and kind_of(self.registry, after.party) != "state":
                        after = None
                if after is not None and (after.kind != "party" or after.form == "adj"):
                    after = None
                if after is not None:
                    after.location = False
            # "Prime Minister Mette Frederiksen of Denmark": a name, then its party
            if before is None and after is None and individual:
                nm = capitalised_run(words, re_, min_names=1)
                if nm and nm + 1 < n and lower[nm] == "of":
                    k = nm + 1 + (lower[nm + 1] == "the")
                    cand = by_start.get(k)
                    if cand is not None and cand.kind == "party" and cand.form != "adj":
                        after = cand
                        after.location = False
            # a name after the role: "Foreign Minister Sergei Lavrov"
            person = next((m for m in result if m.start == re_ and m.kind == "person"), None)
            name_end = re_
            unknown_name = ""
            if person is None and (before or after) and individual:
                nm = capitalised_run(words, re_)
                if nm and (after is None or nm <= after.start):
                    unknown_name, name_end = " ".join(words[re_:nm]), nm
                    person = next((m for m in result if m.start == nm
                                   and m.kind == "person"), None)
            party_m = before or after
            if person is None and party_m is None and individual and role in STATE_OFFICES \
                    and words[rs][:1].isupper():
                # "President Laurent Gbago" (a name the registry does not know): the
                # holder of an office of the one state the sentence is about, if any
                nm = capitalised_run(words, re_)
                if nm and not any(k in covered for k in range(re_, nm)):
                    placed.append((rs, nm, role, " ".join(words[re_:nm])))
                    continue
            if person is not None:
                person.start = min(person.start, before.start if before else rs)
                if before is not None and before in result:
                    result.remove(before)
                if not person.party and party_m is not None:
                    person.parties = party_m.parties
                person.role = person.role or role
                continue
            if party_m is None and role in DOMESTIC_ROLES and not (
                    rs > 0 and lower[rs - 1] in NOT_HOME_BEFORE and not (
                        # "hundreds of activists": a number, not a possessor
                        lower[rs - 1] == "of" and rs > 1 and lower[rs - 2] in QUANTITY)):
                # "Sudanese rebels attacked government troops", "police arrested
                # opposition leaders in Baku": the country the sentence is about
                home = self._home_state(result, lower)
                if home:
                    parties = ((f"{home}-{SECTOR_GROUPS[role]}",) if role in SECTOR_GROUPS
                               else (home,))
                    result.append(Mention(rs, re_, parties, role, "party", "role", role=role))
                    covered.update(range(rs, re_))
                    continue
                # (a later phrase may still place the sentence: "Judge X opened
                # investigations against Chilean government officials")
                # ("the Government" in a speech is the speaker's own, and "the
                # occupying authorities" someone else's: not deferred)
                if role not in ("Government", "Authorities"):
                    deferred.append((rs, re_, role))
                    continue
            if party_m is None:
                # "the diplomat", "the foreign minister", "the Ministers": earlier referent
                if rs > 0 and lower[rs - 1] in ("the", "this") or (rs == 0):
                    nm = referent(state, role) if individual else ""
                    if nm:
                        result.append(Mention(rs - (rs > 0), re_, (state.person_party.get(nm, ""),),
                                              nm, "person", "ref", role=role))
                    elif not individual and role in ("Ministers", "Leaders", "Officials") \
                            and state.last_group:
                        result.append(Mention(rs - (rs > 0), re_, tuple(state.last_group),
                                              "", "party", "ref", role=role))
                continue
            agent = role
            kind = "party"
            if individual:
                kind = "person"
                if unknown_name:
                    agent = unknown_name
                    surname = unknown_name.split()[-1]
                    state.persons[surname] = unknown_name
                    key = tuple(words[re_:name_end])
                    state.full_names[key] = unknown_name
                    state.full_first[key[0]] = max(state.full_first.get(key[0], 0), len(key))
                    state.person_party[unknown_name] = party_m.party
                    state.person_role[unknown_name] = role
                else:
                    holder = self.registry.holder(party_m.party, role, state.date)
                    if holder is None and role == "Foreign Minister":
                        for alt in ("Secretary of State", "Foreign Secretary"):
                            holder = self.registry.holder(party_m.party, alt, state.date)
                            if holder:
                                break
                    agent = holder.name if holder else f"{self.registry.name(party_m.party)} {role}"
            parties = party_m.parties
            if role in SECTOR_GROUPS and party_m.kind == "party" and self.registry.party(
                    party_m.party) is not None and self.registry.party(
                    party_m.party).kind == "state":
                parties = (f"{party_m.party}-{SECTOR_GROUPS[role]}",)
            start = before.start if before else rs
            end = max(re_, name_end, after.end if after is not None else 0)
            new = Mention(start, end, parties, agent, kind, "role", role=role)
            for old in (before, after):
                if old is not None and old in result:
                    result.remove(old)
            # a group "Russian and US officials": the role applies to both adjectives
            result.append(new)
            if kind == "person" and agent:
                state.agents.setdefault((agent, party_m.party), 0)
        home = self._home_state(result, lower, min(
            (rs for rs, _e, _r in deferred), default=-1)) if deferred or placed else ""
        if placed:
            covered.update(k for rs, end, _r, _n in placed for k in range(rs, end))
        for rs, re_, role in deferred if home else ():
            parties = (f"{home}-{SECTOR_GROUPS[role]}",) if role in SECTOR_GROUPS else (home,)
            result.append(Mention(rs, re_, parties, role, "party", "role", role=role))
        for rs, end, role, name in placed:
            # a holder of that office at the time, the name misspelt: "President
            # Laurent Gbago" is Gbagbo
            # (a misspelling keeps the first letter: only those surnames are compared)
            surname = name.split()[-1]
            initial = fold(surname)[:1]
            near = [t for t in self.registry.holders(role, state.date)
                    if fold(t.name.split()[-1])[:1] == initial
                    and near_spelling(surname, t.name.split()[-1])]
            if not near and not home and len(name.split()) >= 2:
                # a holder at another time, first name and surname both near:
                # "President Francois Mitterand"
                near = list({t.name: t for t in self.registry.holders(role)
                             if fold(t.name.split()[-1])[:1] == initial
                             and near_spelling(surname, t.name.split()[-1])
                             and near_spelling(name.split()[0], t.name.split()[0])}.values())
            party = near[0].party if len(near) == 1 else home
            if not party or (not near and any(m.kind == "person" and m.party == home
                                              for m in result)):
                # (not beside a known person of that state, whom they may be meeting:
                # "Minister X met Jacques Chirac in Paris")
                continue
            holder = self.registry.holder(party, role, state.date)
            if holder is not None and not near_spelling(surname, holder.name.split()[-1]):
                # the office has another holder at the time: the name may still be
                # one of its holders at another time (a document's date can be off)
                other = {t.name for t in self.registry.office_terms(party, role)
                         if near_spelling(surname, t.name.split()[-1])}
                if len(other) != 1:
                    continue
                holder = self.registry.official_at(other.pop(), "")
            if holder is not None:
                name = holder.name
            result.append(Mention(rs, end, (party,), name, "person", "role", role=role))
            state.persons[name.split()[-1]] = name
            state.person_party[name] = party
            state.person_role[name] = role
        return sorted(result, key=lambda m: m.start)

    def _home_state(self, mentions, lower, bare: int = -1) -> str:
        """The state a sentence is about when all its parties and people belong to
        one state and a domestic cue names it: a place ("in Baku"), a domestic
        group ("Syrian rebels") or a home institution ("Sudan's government"), or that
        state's leader named after a bare group opening the sentence at ``bare``
        ("Fundamentalists demanded the resignation of Algerian President Ben Bella").
        "" otherwise: a state only named as such ("Russia condemned the rebels")
        may be acting abroad."""
        states, cued = set(), False
        for m in mentions:
            if m.kind not in ("party", "person") or m.relational \
                    or names_a_thing(m, lower):
                continue
            if m.kind == "person" and m.role in STATE_OFFICES and 0 <= bare <= 3 \
                    and bare < m.start and "," not in lower[:bare] \
                    and not any(o.start < m.start and o.kind in ("party", "person")
                                for o in mentions if o is not m):
                # a state's leader named after the bare group that acts: "Islamic
                # fundamentalists ... demand the resignation of Algerian President
                # Ahmed Ben Bella"
                cued = True
            for p in m.parties:
                base = self.registry.party(p.split("-")[0]) if p else None
                if base is None or base.kind != "state":
                    continue
                states.add(base.id)
                if m.kind == "party" and (
                        m.location or (m.start > 0 and lower[m.start - 1] in PLACE_PREPS)
                        or "-" in p or (m.form == "role" and (
                            m.role in HOME_INSTITUTIONS
                            # ("28 Chilean government officials")
                            or "government" in lower[m.start:m.end]))):
                    cued = True
        return states.pop() if cued and len(states) == 1 else ""

    def _unknown_people(self, out, words, lower, state) -> None:
        """A name not in the registry, placed by its affiliation: "Sergei Yermakov of the
        Russian Strategic Research Institute", "Olga Ivanova, a Russian diplomat"."""
        if not out or not any(may_place(m, words, lower) for m in out):
            return      # no mention that could place a name (and ``out`` is sorted)
        covered = set()
        for m in out:
            covered.update(range(m.start, m.end))
        n = len(words)
        pos = 0
        # a name starts with two capitalised words
        for i in [k for k in range(n - 1) if words[k][0].isupper() and (
                words[k + 1][0].isupper() or (words[k + 1] in NAME_PARTICLES and k + 2 < n
                                              and words[k + 2][:1].isupper()))]:
            if i < pos or i in covered:
                continue
            end = capitalised_run(words, i, max_len=3)
            if not end or any(k in covered for k in range(i, end)) or words[i] in TITLES \
                    or lower[i] in HONORIFICS \
                    or (i > 0 and lower[i - 1] in MEDIA_ROLE):
                continue
            k = end
            party = None
            end_title = 0
            if k + 1 < n and lower[k] == "of":
                k += 1 + (lower[k + 1] == "the")
                party = next((m for m in out if m.start == k and m.kind == "party"
                              and m.form in ("adj", "name")), None)
            elif k + 2 < n and words[k] == "," and lower[k + 1] in ("a", "an", "the"):
                party = next((m for m in out if m.start == k + 2 and m.kind in ("party",
                                                                                 "person")
                              and m.form in ("adj", "role")), None)
            elif k + 2 < n and words[k] == "," and words[k + 1][:1].isupper():
                # "Tomas Pojar, National Security Advisor to the Prime Minister of the
                # Czech Republic": a capitalised title in apposition ends at a party
                party = title_party(out, words, lower, k + 1)
                if party is not None and kind_of(self.registry, party.party) != "state":
                    # (an organisation's office, "President of the General Assembly",
                    # is mostly ceremony in speeches: its holder's name stays unplaced)
                    party = None
                if party is not None:
                    end_title = party.start     # the title's words name nobody
            if party is not None and party.party:
                name = " ".join(words[i:end])
                state.persons[words[end - 1]] = name
                state.person_party[name] = party.party
                state.person_role[name] = ""
                out.append(Mention(i, end, (party.party,), name, "person", "name"))
                covered.update(range(i, end))
            pos = max(end, end_title)
        out.sort(key=lambda m: m.start)

    def _unknown_groups(self, out, words, lower) -> None:
        """A party, front or union not in the registry belongs to the one state the
        sentence names: "President Bouteflika is prepared to lift the ban on the
        Islamic Salvation Front (FIS)", "the Umma (Nation) party will boycott
        Algeria's elections". Its id is the state's; the name is kept as its agent."""
        if ORG_HEADS.isdisjoint(lower):
            return
        n = len(words)
        covered = set()
        for m in out:
            covered.update(range(m.start, m.end))
        found = []
        for h in range(1, n):
            if lower[h] not in ORG_HEADS or h in covered:
                continue
            k = h
            if not words[h][0].isupper():
                # "the Umma (Nation) party", "the Kifaya (``Enough'') group"
                if words[k - 1] == ")" and "(" in words[max(0, k - 8):k - 1]:
                    k = max(j for j in range(max(0, k - 8), k - 1) if words[j] == "(")
                if lower[h] not in ("party", "group", "movement", "front") or k < 1 \
                        or not words[k - 1][:1].isupper():
                    continue
            start = k
            while start > 0 and (words[start - 1][:1].isupper() or (
                    lower[start - 1] in ("for", "of", "and") and start > 1
                    and words[start - 2][:1].isupper())) \
                    and start - 1 not in covered and words[start - 1] not in TITLES:
                start -= 1
            while start < k and lower[start] in ("the", "a", "an", "for", "of", "and"):
                start += 1
            if start >= k or any(j in covered for j in range(start, h + 1)) \
                    or words[start] in NOT_DOMESTIC_NAMES:
                continue
            end = h + 1
            if end + 2 < n and words[end] == "(" and words[end + 2] == ")" \
                    and words[end + 1].isupper():
                end += 3    # "(FIS)"
            found.append((start, end))
        if not found:
            return
        homes = set()
        for m in out:
            if m.kind in ("party", "person") and not m.relational:
                for p in m.parties:
                    base = p.split("-")[0]
                    if kind_of(self.registry, base) == "state":
                        homes.add(base)
        if len(homes) != 1:
            return
        home = homes.pop()
        for start, end in found:
            name = " ".join(w for w in words[start:end] if w not in ("(", ")"))
            out.append(Mention(start, end, (home,), name, "party", "role", role="Group"))
        out.sort(key=lambda m: m.start)

    def _references(self, out, words, lower, state) -> None:
        """Pronouns and plural/definite references to earlier actors."""
        if REF_FIRST.isdisjoint(lower):
            return
        # words that can start a reference now: plural ones need a pair in focus,
        # pronouns a person, "the alliance" an organisation (looked up below)
        here = [m for m in out if m.kind == "person" and m.party]
        starts = REF_STARTS[bool(state.last_group), bool(state.last_person or here)]
        ref_at = true_indexes(map(starts.__contains__, lower))
        if not ref_at:
            return
        n = len(words)
        taken = set()
        for m in out:
            taken.update(range(m.start, m.end))
        pos = 0
        for i in ref_at:
            if i < pos or i in taken:
                continue
            lw = lower[i]
            L0 = PLURAL_FIRST.get(lw, 0) if state.last_group else 0
            hit = None
            for L in range(min(L0, n - i), 0, -1):
                if tuple(lower[i:i + L]) in PLURAL_REFS:
                    if L == 1 and lw in ("they", "them", "their") and words[i] != lw \
                            and i != 0:
                        continue
                    if L == 1 and lw in ("they", "them", "their") and any(
                            lower[j] in PLURAL_NOUNS and j not in taken and (
                                j == 0 or lower[j - 1] not in ("two", "both", "our", "the"))
                            for j in range(i)):
                        # "Countries that have declared their intention": the pronoun
                        # has its antecedent in this sentence, not the pair in focus
                        continue
                    pair = tuple(state.last_group)
                    if len(pair) > 2 and not {"two", "both"}.isdisjoint(lower[i:i + L]):
                        # "the two Presidents": the first pair in focus, not a third
                        # party their talks were about
                        pair = pair[:2]
                    hit = Mention(i, i + L, pair, "", "party", "ref")
                    break
            # "Kofi Annan announced on Monday that he will withdraw": the speaker
            before = next((m for m in here if m.end <= i and lw in ("he", "she") and any(
                lower[k] in REPORT_VERBS for k in range(m.end, min(i, m.end + 3)))
                and not any(o.end <= i and o.start >= m.end for o in out)), None)
            if hit is None and lw in PERSON_PRONOUNS and (state.last_person or before) \
                    and not (i + 1 < n and lower[i + 1] in HONORIFICS
                             and words[i + 1][:1].isupper()):
                # ("His Majesty King Abdullah", "Her Excellency": a form of address)
                if before is not None:
                    hit = Mention(i, i + 1, before.parties, before.agent, "person", "pronoun",
                                  role=before.role)
                else:
                    nm = state.last_person
                    hit = Mention(i, i + 1, (state.person_party.get(nm, ""),), nm, "person",
                                  "pronoun", role=state.person_role.get(nm, ""))
            if hit is None and lw in DEFINITE_IGO and i > 0 and lower[i - 1] == "the" \
                    and words[i].islower():
                for pid in reversed(state.recent_parties):
                    a = self.registry.party(pid)
                    allowed = DEFINITE_IGO[lw]
                    if a is not None and a.kind == "igo" and (not allowed or pid in allowed):
                        hit = Mention(i - 1, i + 1, (pid,), "", "party", "ref")
                        break
            if hit is not None and hit.party:
                out.append(hit)
                taken.update(range(hit.start, hit.end))
                pos = hit.end

    def _context(self, out, words, lower) -> None:
        """Mark mentions that are places, media, or relational ("Russian partners")."""
        if not out:
            return
        n = len(words)
        media_ends = [m.end for m in out if m.kind == "media"]
        dateline = (out and out[0].start == 0 and out[0].end < n and words[out[0].end] == ","
                    and any(w in ("-", "–", "—") for w in words[out[0].end:out[0].end + 12]))
        for m in out:
            if m.kind == "media":
                continue
            if names_a_thing(m, lower):
                # "the Sirte Declaration", "the Geneva process", "the Minsk agreements":
                # a document or a process named after a city is neither party nor place
                m.relational = True
                continue
            if m.form == "place":
                # a city or region only says where: "police in Karachi", "Omdurman radio"
                m.location = True
                if m.end < n and lower[m.end] in ("radio", "television", "tv"):
                    m.kind = "media"
                continue
            if dateline and m is out[0] and m.kind == "party" and (
                    m.form == "capital" or words[m.start].isupper()):
                m.location = True      # "MOSCOW, April 23 (Reuters) - ..."
                continue
            j = m.start - 1
            while j >= 0 and (lower[j] in ("the", "a", "neighbouring", "neighboring",
                                           *COMPASS) or (
                    # "in the capital Kabul", "in the port city Basra"
                    lower[j] in SETTLEMENTS and m.form in ("capital", "place")
                    and j > 0 and lower[j - 1] in ("the", "port", "border", "holy"))):
                j -= 1
            modifier = m.end < n and words[m.end] in ("-", "–", "'", "’", "'s", "’s")
            if j >= 0 and lower[j] in LOCATIVE and m.form in ("name", "capital") \
                    and not modifier:
                m.location = True
            if j >= 0 and lower[j] in ("from",) and m.form == "capital":
                m.location = True
            if m.form == "adj" and m.end < n and lower[m.end] in RELATIONAL \
                    and lower[m.end] not in FRIENDS:
                # "Iranian proxies" are not Iran; "our Philippine allies" are the
                # Philippines
                m.relational = True
            if m.form == "adj" and m.end < n and lower[m.end] in SETTLEMENTS:
                # "outside the Iraqi city of Basra": a place, never an actor
                m.location = True
                continue
            if m.form == "adj" and m.end < n and lower[m.end] in BORDERS and j >= 0 and \
                    lower[j] in ("on", "near", "along", "across", "at", "from", "off"):
                # "a stronghold on the Thai border": where, on either side of it
                m.relational = True
            if m.start >= 2 and words[m.start - 1] == "-" and lower[m.start - 2] in (
                    "pro", "anti", "non"):
                # "the pro-Iranian Hizbollah", "an anti-Syria journalist": a leaning
                m.relational = True
            if m.end + 1 < n and words[m.end] == "-" and lower[m.end + 1] in BROKERED:
                # "a UN-brokered truce", "the Israeli-occupied West Bank": the party
                # only describes what follows
                m.relational = True
            if m.end + 2 < n and words[m.end] == "-" and lower[m.end + 1] in BACKED and any(
                    o.start == m.end + 2 and o.kind in ("party", "person") for o in out):
                # "NATO-member Norway", "the Iranian-backed Hezbollah": the second
                # party acts; the first only describes it
                m.relational = True
            if m.form == "adj" and lower[m.start].endswith("s") and m.end + 1 < n \
                    and lower[m.end] == "of" and (m.start == 0 or lower[m.start - 1] != "ethnic"):
                # "the Albanians of southern Serbia": a people of that state
                if self._people_of(m, out, lower, m.end + 1, other_state=True):
                    continue
            if m.form == "adj" and m.end < n and lower[m.end] in MINORITY_NOUNS \
                    and not (m.start > 0 and lower[m.start - 1] == "ethnic"):
                # "ethnic cleansing in Montenegro against the Albanian population of the
                # province": a people living in the one state the sentence places
                # things in
                homes = {p.party for p in out if p is not m and p.kind == "party"
                         and p.form != "adj" and p.start > 0
                         and lower[skip_back(lower, p.start - 1)] in PLACE_PREPS
                         and kind_of(self.registry, p.party) == "state"}
                if len(homes) == 1 and m.party not in homes:
                    m.parties = (f"{homes.pop()}-CVL",)
                    continue
            if m.form == "adj" and m.start > 0 and lower[m.start - 1] == "ethnic":
                # "ethnic Albanians in south Serbia": people of the place, not Albania
                k = m.end
                if k < n and lower[k] in ("in", "of", "from") \
                        and self._people_of(m, out, lower, k + 1):
                    continue
                # "ethnic Albanians demonstrated on Tuesday in Serbia": the one state
                # the sentence places anything in
                homes = {p.party for p in out if p is not m and p.kind == "party"
                         and p.form != "adj" and p.start > 0
                         and lower[skip_back(lower, p.start - 1)] in PLACE_PREPS
                         and kind_of(self.registry, p.party) == "state"}
                if len(homes) == 1:
                    m.parties = (f"{homes.pop()}-CVL",)
                    continue
                m.relational = True
            # reporters: "Voice of Russia correspondent Olga Denisova"
            if m.start > 0 and lower[m.start - 1] in MEDIA_ROLE:
                m.kind = "media"
            if media_ends and any(e == m.start or e == m.start - 1 for e in media_ends) \
                    and m.form != "role":
                if m.end < n and lower[m.end] in MEDIA_ROLE:
                    m.kind = "media"
            if m.end < n and lower[m.end] in MEDIA_ROLE and m.form in ("name", "adj") \
                    and m.kind == "party" and lower[m.end] not in ("agency",):
                if lower[m.end] in ("correspondent", "reporter", "journalist", "tv",
                                    "television", "radio", "newspaper", "broadcaster"):
                    m.kind = "media"

    def _people_of(self, m, out, lower, k, other_state=False) -> bool:
        """Make the people ``m`` those of the state named at ``k`` (past "the" and
        compass words: "ethnic Albanians in south Serbia"); whether it did."""
        while k < len(lower) and lower[k] in COMPASS_OR_THE:
            k += 1
        place = next((p for p in out if p.start == k and p.kind == "party"), None)
        if place is not None and place.end + 2 < len(lower) and lower[place.end] == "-" \
                and lower[place.end + 1] in BROKERED:
            # "Palestinians of the Israeli-occupied West Bank": of the place after it
            place = next((p for p in out if p.start == place.end + 2 and p.kind == "party"),
                         None)
        if place is None or kind_of(self.registry, place.party) != "state" or (
                other_state and place.party == m.party):
            return False
        m.parties = (f"{place.party}-CVL",)
        place.location = True
        return True

    @staticmethod
    def _obligation(groups, lower, attr_span, speaker, breaks):
        """``(group, modal index, clause end)`` when reported speech puts an
        obligation on someone: "Britain said Libya must hand over the suspects"."""
        if speaker is None or attr_span is None or not speaker.party:
            return None
        n = len(lower)
        for g in groups:
            if attr_span[0] <= g.start < attr_span[1] or speaker.party in g.parties and len(
                    g.parties) == 1:
                continue
            k = g.end
            while k < n and k - g.end <= 3 and lower[k] not in MUST and lower[k] in (
                    "and", "other", "developed", "nations", "countries", "forces", "also",
                    "now", "still", "immediately", "too"):
                k += 1
            if k < n and lower[k] in MUST and (lower[k] != "has" and lower[k] != "have" or (
                    k + 1 < n and lower[k + 1] == "to")):
                end = min([b for b in breaks if b > k] + [n])
                return g, k, end
        return None

    # ---------------------------------------------------------- attribution
    def _attribution(self, words, lower, mentions, groups, state):
        """The speaker mention of a sentence and the token span of the attribution."""
        n = len(words)
        actors = [m for m in mentions if m.kind in ("party", "person")]
        # "According to X, ..."
        for i in (range(n - 2) if "according" in lower else ()):
            if lower[i] == "according" and lower[i + 1] == "to":
                m = next((m for m in actors if i + 2 <= m.start <= i + 8), None)
                if m is not None:
                    end = m.end
                    while end < n and lower[end] not in (",",):
                        end += 1
                    return m, (i, min(end + 1, n))
        for i in (true_indexes(map(REPORT_VERBS.__contains__, lower))
                  if not REPORT_VERBS.isdisjoint(lower) else ()):
            lw = lower[i]
            if words[i] != lw or inside(i, mentions):
                continue
            # ", X said" or ", said X" (X adjacent to the verb)
            m_before = next((m for m in reversed(actors) if m.end <= i and i - m.end <= 3
                             and not any(lower[k] in (",", "that") for k in range(m.end, i))),
                            None)
            if m_before is not None and m_before.start >= 3 and lower[
                    m_before.start - 1] in ("in", "at", "from") and lower[
                    m_before.start - 2] in BASED:
                # "the Red Cross operating in Iraq said": the one based there speaks
                m_before = next((m for m in reversed(actors)
                                 if m.end == m_before.start - 2), m_before)
            m_after = next((m for m in actors if m.start > i and m.start - i <= 2), None)
            if m_before is not None and lw in WEAK_REPORT and not any(
                    lower[k] == "that" and not any(w in DETERMINERS for w in lower[i + 1:k])
                    for k in range(i + 1, min(n, i + 4))):
                # "Germany announced sanctions", "reiterated its demand that Israel
                # ease ...": an event, not a quote
                m_before = None
            if m_before is not None:
                start = m_before.start
                while start > 0 and lower[start - 1] in NP_FILLER:
                    start -= 1
                if start > 0 and words[start - 1] in (",", '"', "”", "'", "’", "-", "–", "—"):
                    end = i + 1
                    if end < n and lower[end] == "that":
                        end += 1
                    return m_before, (start - 1, attr_end(lower, i + 1))
                if start == 0 or (start > 0 and lower[start - 1] in ("and",)):
                    # "Japan said on Tuesday (that) it had halted aid": the time
                    # belongs to the saying
                    end = skip_time(lower, i + 1)
                    if end < n and lower[end] == "that":
                        end += 1
                    return m_before, (start, end)
            if m_after is not None and i > 0 and words[i - 1] in (",", '"', "”", "'", "’"):
                return m_after, (i - 1, attr_end(lower, m_after.end))
        # headline attribution "... - Lavrov"
        if n >= 3 and words[-2] in ("-", "–", "—") or (n >= 2 and actors and
                                                          actors[-1].end == n and
                                                          actors[-1].start > 0 and
                                                          words[actors[-1].start - 1] in
                                                          ("-", "–", "—")):
            m = actors[-1] if actors else None
            if m is not None and m.end == n and m.kind == "person":
                return m, (m.start - 1, n)
        return None, None

    # ------------------------------------------------------------- triggers
    def _triggers(self, lower, mentions):
        n = len(lower)
        covered = set()
        for m in mentions:
            covered.update(range(m.start, m.end))
        # a pattern may end in the head of a role mention: "dispersed Kurdish protesters"
        heads = {k: m.start for m in mentions if m.form == "role" and m.kind == "party"
                 for k in range(m.start, m.end) if lower[k].isalpha()}
        found = []
        by_first = self._triggers_by_first
        pos = 0
        # only a word that starts some pattern can start a trigger
        for i in (true_indexes(map(by_first.__contains__, lower))
                  if not self._trigger_words.isdisjoint(lower) else ()):
            if i < pos:
                continue
            best = None
            if lower[i] == "march" and month_march(lower, i):
                continue
            if lower[i] in HELP and i + 1 < n and (i + 1) not in covered and lower[
                    i + 1].isalpha() and lower[i + 1] not in HELP_OBJECTS:
                # "help spur growth", "helped set the stage": a help to do something is
                # no aid to anyone ("help Ukraine", "help the people of Gaza" are)
                continue
            if i > 1 and lower[i - 1] == "-" and (i - 2) in covered and lower[i].endswith("ed"):
                # a participle compounded with a party is an adjective: "the
                # Israeli-occupied West Bank", "a Russian-brokered truce"
                continue
            if i not in covered:
                nominal = i > 0 and (lower[i - 1] in DETERMINERS or lower[i - 1] in ("'s", "’s"))
                if not nominal and i > 0 and (i - 1) in covered and not lower[i].endswith(
                        ("ed", "ing", "s")):
                    # "a U.S. request", "an Indian proposal": article + name + bare noun
                    j = i - 1
                    while j > 0 and (j - 1) in covered:
                        j -= 1
                    nominal = j > 0 and lower[j - 1] in ("a", "an", "its", "their", "his",
                                                         "her", "this", "that", "another")
                for trig in by_first[lower[i]]:
                    # lower[i] is a form of the first element (that is how by_first is
                    # built) and i is not covered: a one-word pattern matches here, and
                    # a longer one whose second word is not next does not
                    els = trig.elements
                    if len(els) == 1:
                        end = i + 1
                    elif els[1] is not None and (i + 1 >= n or lower[i + 1] not in els[1]):
                        continue
                    else:
                        end = match_elements(els, lower, i, covered, heads)
                    if end is None:
                        continue
                    # (a NONE reading suppresses whatever the word's part of speech)
                    if trig.pos == "verb" and trig.category != "NONE" and not verb_reading(
                            lower, i, trig, covered, nominal):
                        continue
                    if "intransitive" in trig.props and not intransitive(lower, i, end,
                                                                            covered):
                        continue
                    if best is None or trig.length > best[2].length or (
                            trig.length == best[2].length and nominal and trig.pos == "noun"
                            and best[2].pos == "verb"):
                        best = (i, end, trig)
            if best and best[2].category == "NONE":
                pos = best[1]
                continue
            if best:
                found.append(best)
                pos = best[0] + 1 if best[1] - best[0] > 3 else best[1]
        out = []
        for s, e, trig in found:
            prev = out[-1] if out else None
            if prev is not None and prev[2] is not None and s < prev[1]:
                out.append((s, e, None))      # overlaps the previous trigger
                continue
            out.append((s, e, trig))
        return out

    @staticmethod
    def _absorb(triggers, lower, breaks, mentions):
        """A trigger in the complement of the one before it ("agreed to cooperate",
        "promised to continue aid", "urged X to impose sanctions") is part of that
        event: it is dropped, and the first trigger may take its object. Triggers
        joined by "and" or a comma stay separate events."""
        out = list(triggers)
        last = None
        for k, (s, e, trig) in enumerate(out):
            if trig is None:
                continue
            if last is not None:
                ps, pe, _pt = out[last]
                gap = lower[pe:s]
                same_clause = bisect.bisect_right(breaks, s) == bisect.bisect_right(breaks, ps)
                coordinated = any(g in ("and", "or", ",", ";", "but", "while", "then")
                                  for g in gap) and not (
                    # "provide economic, development, and humanitarian aid": a list of
                    # modifiers before a noun trigger
                    trig.pos == "noun" and 0 < len(gap) <= 6 and gap[-1] in ("and", "or")
                    and gap[0] not in (",", "and", "or")
                    and all(g in (",", "and", "or") or g in NP_FILLER
                            or (g.isalpha() and g not in STOP_MODIFIER)
                            for g in gap)
                    and not any(pe <= m.start < s for m in mentions))
                linked = any(g in COMPLEMENTIZERS for g in gap) or (
                    pe > 0 and lower[pe - 1] in COMPLEMENTIZERS)
                new_subject = "that" in gap and any(
                    m.start >= pe + gap.index("that") and m.end <= s and m.kind != "media"
                    for m in mentions)
                # a noun trigger (or an adjectival participle) inside the object of the
                # previous one: "rejected a U.S. request", "reject proposed changes"
                in_object = len(gap) <= 6 and (
                    trig.pos == "noun" or (lower[s].endswith("ed")
                                           and all(g in NP_FILLER for g in gap)))
                if _pt is not None and _pt.category == "REQUEST":
                    new_subject = False       # "demanded that Turkey provide ...": one demand
                elif not new_subject and not SUBORDINATORS.isdisjoint(gap):
                    # "discussed it as Russia continues its attacks": a clause of its own
                    new_subject = any(
                        lower[j] in SUBORDINATORS and lower[j - 1] not in ("well", "such")
                        and any(m.start == j + 1 + (lower[j + 1] == "the") and m.end <= s
                                and m.kind != "media" for m in mentions)
                        for j in range(pe, s))
                if same_clause and (linked or in_object) and not coordinated \
                        and not new_subject:
                    if _pt is not None and _pt.category == "AGREE" and linked \
                            and trig.pos == "verb" and trig.category in (
                                "ASSAULT", "COERCE", "SANCTION"):
                        # "is prepared to impose martial law": the act is what is
                        # intended, and an intended hostile act is a threat
                        out[last] = (ps, pe, None)
                        last = k
                        continue
                    if _pt is not None and "receives" in _pt.props and trig.category == "AID":
                        # "received aid from Japan": the aid is the event, given by
                        # Japan (see aid_giver)
                        out[last] = (ps, pe, None)
                        last = k
                        continue
                    out[k] = (s, e, None)
                    continue
            last = k
        return out

    def _issue(self, sentence: str) -> str:
        return ";".join(self._issues.issues(sentence))

    # ------------------------------------------------------- event arguments
    def _event_args(self, ts, te, trig, triggers, live, places, mentions, words, lower,
                    breaks, attr_span, speaker, state, sid, absorbed=None):
        """Source/target pairs of one trigger; ``live`` are the sentence's groups that
        can act (no place, outlet or relational mention), ``places`` those naming a place."""
        n = len(words)
        # the clause around the trigger: the last break at or before it, the first after
        k = bisect.bisect_right(breaks, ts)     # breaks are sorted and distinct
        c_start = breaks[k - 1] if k else 0
        c_end = breaks[k] if k < len(breaks) else n
        if c_end < te:
            # a pattern runs on past a break: "Japan reiterated its support for"
            # (the report verb is the pattern's first word)
            c_end = next((b for b in breaks if b >= te), n)
        in_attr = attr_span is not None and attr_span[0] <= ts < attr_span[1]
        if attr_span is not None and not in_attr:
            if attr_span[0] >= te:
                c_end = min(c_end, attr_span[0])
            elif attr_span[1] <= ts:
                c_start = max(c_start, attr_span[1])
        # the next trigger bounds this trigger's object
        # (triggers come in text order)
        later = [(s, e) for s, e, t in triggers if s >= te and t is not None]
        next_trig = later[0][0] if later else n
        obj_from = te           # where this trigger's object may start
        if later and next_trig > te and all(lower[k] in ("and", "or")
                                            for k in range(te, next_trig)):
            # coordinated verbs share their object: "called and congratulated X"
            obj_from = later[0][1]
            next_trig = later[1][0] if len(later) > 1 else n
        cond = c_start if c_start < n and lower[c_start] in ("if", "unless") else (
            c_start - 1 if c_start > 0 and lower[c_start - 1] in ("if", "unless") else -1)
        if cond >= 0 and not ("," in lower[cond:ts] and (
                cond == 0 or lower[cond - 1] in (",", "that", "and", "but", "said"))):
            # "... unless Baghdad accepted its conditions", "if Russia invades": a
            # hypothetical act is no event (the main clause after a fronted "if X,"
            # is)
            return []
        if cond >= 0:
            # the main clause starts after the fronted condition
            c_start = max(k for k in range(cond, ts) if lower[k] == ",") + 1
        if document_clause(lower, ts, c_start, live):
            return []
        negated = is_negated(lower, ts, te, c_start, mentions)
        modality = modality_of(lower, ts, c_start, c_end)
        if not modality and (says_later(lower[te:te + 5]) or "tomorrow" in lower[c_start:ts]):
            modality = "future"     # "a summit later this week", "talks next month"
        if not modality and trig.pos == "noun":
            # a noun's modality is its support verb's: "will provide nearly 25,000 tons
            # of emergency food aid"
            k = next((k for k in range(ts - 1, max(c_start, ts - 12) - 1, -1)
                      if lower[k] in SUPPORT_VERBS), None)
            if k is not None and any(w in FUTURE or w == "would" or w in FUTURE_VERBS
                                     or w in POSSIBLE or w in OBLIGATION
                                     for w in lower[max(c_start, k - 6):k]):
                modality = modality_of(lower, k, c_start, c_end)
        if trig.category in ("SANCTION", "COERCE", "ASSAULT") and modality in (
                "possible", "future") and c_end < n and lower[c_end] in ("if", "unless"):
            # "may halt mediation efforts if cooperation founders": a hostile act
            # promised on a condition is a threat
            trig = trig.recast("THREATEN", "threaten", -6.0)
        talk_like = "talk" in trig.props and trig.reciprocal
        passive = (trig.pos == "verb" and ts > 0 and is_participle(lower[ts], trig)
                   and lower[ts] not in ADJECTIVAL
                   and any(lower[k] in BE for k in range(max(c_start, ts - 3), ts)))
        if not passive and trig.pos == "verb" and "transitive" in trig.props \
                and 0 < ts and te < n and is_participle(lower[ts], trig) \
                and lower[te] in AFTER_REDUCED and words[ts - 1].isalpha() \
                and words[ts - 1].islower() and lower[ts - 1] not in NOT_BEFORE_REDUCED \
                and not lower[ts - 1].endswith("ly") \
                and not (ts > 1 and lower[ts - 2] in ("a", "an")) \
                and not any(m.start < ts <= m.end for m in mentions):
            # a participle right after a noun, its object missing: "weapons seized last
            # year from UN peacekeepers", "civilians killed in the bombing" are passive
            # (not a noun after an adjective: "a fair shot at success")
            passive = True
        pairs = []
        src_group = tgt_group = patient = None
        # participants named around a noun trigger: "a meeting of X and Y",
        # "talks between X and Y", "Russia-NATO partnership"
        if trig.pos == "noun" and trig.reciprocal:
            after = next((g for g in live if g.start in (te, te + 1, te + 2)
                          and te < g.start and lower[g.start - 1] in ("of", "between", "among",
                                                                       "the")
                          and (lower[te] in ("of", "between", "among"))), None)
            if after is not None and len(after.parties) >= 2:
                pairs = after
            before = next((g for g in live if g.end <= ts and ts - g.end <= 5 and g.hyphen
                           and len(g.parties) >= 2
                           and all(lower[k] not in (",", "and") for k in range(g.end, ts))),
                          None)
            if not pairs and before is not None:
                pairs = before
        if pairs:
            ps = pairs.parties
            return [(a, b, trig, ts, te, negated, modality, pairs.agent_of(a), pairs.agent_of(b))
                    for a in ps for b in ps if a != b]
        # source: nearest subject-like group before the trigger in the clause
        cands = [g for g in live if c_start <= g.start and g.end <= ts
                 and subject_like(g, lower, self.registry)
                 and not in_apposition(g, lower, c_start)
                 # (the object of a participle is no subject: "continue holding Russia
                 # accountable, and reviewed efforts to provide aid")
                 and not (g.start > 0 and words[g.start - 1].islower()
                          and lower[g.start - 1].endswith("ing")
                          and lower[g.start - 1] not in ING_ADJECTIVES
                          and not (g.start > 1 and lower[g.start - 2] in DETERMINERS))]
        after_but = c_start + 1 + (c_start + 1 < n and lower[c_start + 1] in ("also", "still"))
        if not cands and 0 < c_start < ts and lower[c_start] == "but" and not in_attr and (
                lower[after_but] in FINITE or (after_but == ts and trig.pos == "verb")):
            # "Benin opened its borders ..., but was still refusing admittance to
            # Ghanaians": a clause with no subject of its own has the one before
            # (the nearest clause before it that has a subject)
            prev = bisect.bisect_left(breaks, c_start)
            end = c_start
            while not cands and prev >= 0:
                p_start = breaks[prev - 1] if prev else 0
                cands = [g for g in live if p_start <= g.start and g.end <= end
                         and subject_like(g, lower, self.registry)
                         and not in_apposition(g, lower, p_start)][:1]
                end, prev = p_start, prev - 1
        subjects = cands
        said_own = False
        if trig.pos == "verb" and ts > 0 and lower[ts - 1] == "and" and cands:
            # "killed one U.S. soldier and wounded two others": the object of the
            # first verb is not the subject of the second
            subjects = [g for g in cands if not any(
                c_start <= s_ and e_ <= g.start and all(
                    lower[k] in NP_FILLER or lower[k].isdigit() or lower[k] in NUMBER_WORDS
                    for k in range(e_, g.start)) for s_, e_, _t in triggers if e_ <= ts)]
        if in_attr and speaker is not None:
            cands = [g for g in cands] or [g for g in live if speaker in g.mentions]
        elif not cands and speaker is not None and attr_span is not None \
                and attr_span[1] == c_start and c_start + 1 < ts \
                and lower[c_start + (lower[c_start] == "that")] in OWN_SUBJECT \
                and any(lower[k] in FINITE for k in range(c_start + 1, ts)):
            # "Bosnian Serbs said their forces had completed their withdrawal": the
            # speaker's own people act
            cands = subjects = [g for g in live if speaker in g.mentions][:1]
        elif not cands and speaker is not None and attr_span is not None \
                and attr_span[1] == c_start and trig.pos == "noun" and ts - c_start <= 3 \
                and lower[c_start] in ("its", "their", "his", "her", "our"):
            # "the ILO reiterated its demand that Israel ...": the speaker's own act
            cands = subjects = [g for g in live if speaker in g.mentions][:1]
            said_own = True
        if trig.category == "AID" and trig.pos == "noun" and cands:
            donor = aid_giver(lower, ts, te, live, min(c_end, next_trig + 1))
            if donor is not None:
                # "Kenya received food aid from Japan": Japan gives, Kenya gets
                got = cands[0]
                return [(a, b, trig, ts, te, negated, modality, donor.agent_of(a),
                         got.agent_of(b)) for a in donor.parties for b in got.parties
                        if a != b]
        if passive:
            agent = next((g for g in live if g.start > te and g.start <= next_trig + 6
                          and lower[g.start - 1] == "by"), None)
            patient = cands[-1] if cands else next(
                # "a camp for Congolese refugees was attacked": those it is of or for
                (g for g in reversed(live) if c_start <= g.start and g.end <= ts
                 and g.start > 0 and lower[g.start - 1] in ("of", "for", "carrying")
                 and not in_apposition(g, lower, c_start)), None)
            if patient is None and "state_act" in trig.props:
                # "a missionary from Calgary was arrested": whose national
                patient = next((g for g in places if c_start < g.start and g.end <= ts
                                and lower[g.start - 1] == "from"), None)
            if agent is not None:
                src_group, tgt_group = agent, patient
            elif "state_act" in trig.props and patient is not None:
                # "a Canadian was arrested in Lebanon", "... sentenced in Iran": only a
                # state arrests, tries or expels, and it is the one where it happened
                where = next((g for g in places if te <= g.start < c_end
                              and lower[g.start - 1] in ("in", "by")
                              and kind_of(self.registry, g.parties[0]) == "state"
                              and g.parties[0] not in patient.parties), None)
                if where is not None:
                    src_group, tgt_group = where, patient
        else:
            src_group = subjects[0] if subjects else None
            rel = next((g for g in reversed(subjects) if g is not src_group and g.end <= ts
                        and relative_subject(words, lower, g.start)
                        and all(w in FINITE or w.endswith("ly") or w in ("not", "also", "n't")
                                for w in lower[g.end:ts])), None) \
                if trig.pos == "verb" and len(subjects) > 1 else None
            if rel is not None:
                # "Ukraine presented a plan that Russia rejected": the relative
                # clause's own subject acts
                src_group = rel
            owner = next((g for g in reversed(live) if c_start <= g.start and g.end < ts),
                         None) if trig.pos == "noun" and not trig.reciprocal else None
            if owner is not None:
                # "discussed Russia's brutal invasion of Ukraine": the possessor acts
                if owner is not src_group and lower[owner.end] in ("'s", "’s") and all(
                        lower[k] in ("and", ",", "-") or (
                            lower[k].isalpha() and words[k].islower()
                            and lower[k] not in STOP_MODIFIER
                            and lower[k] not in NP_FILLER
                            and lower[k] not in SUPPORT_VERBS
                            and lower[k] not in REPORT_VERBS)
                        for k in range(owner.end + 1, ts)) and ts - owner.end <= 5:
                    src_group = owner
                else:
                    owner = None
            if not trig.reciprocal and owner is None and words[ts].islower():
                # "condemned the Russian attacks on Ukrainian cities": a state's adjective
                # right before an act named as a noun names its doer
                doer = next((g for g in live if g.end == ts and g is not src_group
                             and g.start > 0 and lower[g.start - 1] in DETERMINERS
                             and all(m.form == "adj" for m in g.mentions)), None)
                if doer is not None:
                    src_group = owner = doer
            if trig.pos == "noun" and not trig.reciprocal and src_group is not None \
                    and owner is None and not said_own:
                close = src_group.end >= ts - 2 and all(
                    lower[k] in NP_FILLER or lower[k] in ("'s", "’s") for k in
                    range(src_group.end, ts))
                verb = next((k for k in range(ts - 1, max(c_start, src_group.end) - 1, -1)
                             if lower[k] in SUPPORT_VERBS), None)
                if not (close or verb is not None):
                    src_group = None
                elif verb is not None and not close:
                    # a support verb in a clause of its own has its own subject: "to
                    # strengthen Ukraine's air defences as Russia continues its attacks"
                    sub = next((k for k in range(verb - 1, src_group.end - 1, -1)
                                if lower[k] in SUBORDINATORS), None)
                    if sub is not None:
                        # (the clause's subject opens it: not "as well as their
                        # commitment to ... provide")
                        src_group = next((g for g in live if sub < g.start <= sub + 3
                                          and g.end <= verb), src_group)
        if src_group is None and not passive:
            # a definite reciprocal noun with no participants: "the talks", "joint exercises"
            if trig.reciprocal and state.last_group and sid - state.last_group_sentence <= 3 \
                    and not any(c_start <= g.start < c_end for g in live) \
                    and not any(w in ("its", "his", "her") for w in lower[max(c_start, ts - 3):te]) \
                    and (trig.pos != "noun" or "joint" in trig.props or any(
                        w in ("the", "their", "these", "those", "such", "both")
                        for w in lower[max(c_start, ts - 3):ts])):
                # (not "the committee will hold its next meeting": one body's meeting; nor
                # a general "through dialogue and diplomacy", "impetus for negotiations")
                ps = list(state.last_group)
                return [(a, b, trig, ts, te, negated, modality, "", "")
                        for a in ps for b in ps if a != b]
        if tgt_group is None and not passive and trig.category in ANSWERS:
            # an answer to someone's proposal is aimed at its author: "rejected a fresh
            # offer from Afghanistan", "dismissed calls by Belarus's rulers"
            # (the trigger may end in the proposal itself: "met the demands of Hamas")
            for k in range(te - 1, min(c_end, next_trig + 1, te + 8, n - 2)):
                if lower[k] in PROPOSALS and lower[k + 1] in ("from", "by", "of"):
                    j = k + 2 + (lower[k + 2] == "the")
                    tgt_group = next((g for g in live if g.start == j and g is not src_group),
                                     None)
                    break
        if tgt_group is None and not passive and (trig.pos == "noun" or len(
                trig.elements) > 1) and trig.category in (
                "ACCUSE", "PROTEST", "REJECT", "SUPPORT") and te + 2 < n and lower[te] == "of":
            # the one whose act is judged: "their condemnation of Russia's war against
            # Ukraine", "praise of Japan's efforts"
            j = te + 1 + (lower[te + 1] == "the")
            tgt_group = next((g for g in live if g.start == j and g is not src_group
                              and g.end < n and lower[g.end] in ("'s", "’s")), None)
        if tgt_group is None and not passive and not talk_like:
            # the doer of a demanded or welcomed act: "demanded the withdrawal of
            # Serbian forces", "rejected the resignation of the prime minister"
            # (before any later object: "an admission by Moscow that its forces
            # murdered Polish officers" is asked of Moscow)
            k = te + (te < n and lower[te] in DETERMINERS)
            # (up to two modifiers: "an immediate and complete withdrawal of")
            for _ in range(3):
                if k + 1 < n and lower[k] not in ACT_NOUNS and lower[k + 1] not in (
                        "of", "by") and words[k].islower() and words[k].isalpha() and (
                        lower[k] == "and" or lower[k] not in STOP_MODIFIER) \
                        and not any(s_ == k for s_, _, _t in triggers):
                    k += 1
            # (a violent or hostile act's "of" names its victims: "the killing of";
            # "by" names the doer: "an admission by Moscow")
            if k + 2 < n and (lower[k] in ACT_NOUNS or any(
                    s_ == k and t_ is not None and t_.category not in HOSTILE
                    for s_, _, t_ in triggers)) \
                    and lower[k + 1] in ("of", "by") and k < c_end:
                j = k + 2 + (lower[k + 2] == "the")
                tgt_group = next((g for g in live if g.start in (k + 2, j)
                                  and g is not src_group), None)
        if tgt_group is None and not passive and trig.category in ("ACCUSE", "PROTEST",
                                                                   "THREATEN"):
            # "investigating alleged war crimes by Croatian extremists", "condemned the
            # attack by Israel on Gaza", "demonstrations against the violations by the
            # Israeli military": the one accused or protested against is the doer
            # (not who organised the protest: "a rally organised by the opposition")
            # (a protest's "during demonstrations against the alleged violations by"
            # runs longer)
            # (a threat's "will no longer tolerate rallies by the Kifaya group" too)
            reach = 7 if trig.category == "ACCUSE" else 10
            for k in range(obj_from, min(c_end, obj_from + reach, n - 1)):
                if lower[k] == "by" and k > obj_from and lower[k - 1] not in ORGANISED \
                        and not (trig.category == "THREATEN" and lower[k - 1].endswith("ed")):
                    # (not who a threat is "posed by": its maker)
                    j = k + 1 + (lower[k + 1] == "the")
                    tgt_group = next((g for g in live if g.start in (k + 1, j)
                                      and g is not src_group), None)
                    break
                # (a group or place may sit in between: "the killing of civilians in
                # Gaza by Israeli forces")
                if not (lower[k].isalpha() and words[k].islower() or lower[k] == "-"
                        or any(g.start <= k < g.end for g in (*live, *places))):
                    break
        if tgt_group is None and not passive and "from_target" in trig.props:
            # "withdrew its forces from Panama", "will withdraw inspectors and
            # humanitarian workers from Iraq": the withdrawal is from that party,
            # even where "workers from Iraq" was read as Iraq's people
            k = next((k for k in range(te, min(c_end, next_trig + 1, te + 12, n - 1))
                      if lower[k] == "from"), None)
            if k is not None:
                j = k + 1 + (lower[k + 1] == "the")
                g = next((g for g in (*live, *places) if g.start <= j < g.end
                          and g is not src_group), None)
                if g is not None and g.start < k:
                    # (the role took the party after "from"; look that name up again)
                    hit = next((pick_entry(self.registry.surfaces[tuple(words[j:j + L])])
                                for L in range(min(5, g.end - j), 0, -1)
                                if tuple(words[j:j + L]) in self.registry.surfaces), None)
                    g = Group([Mention(j, g.end, (hit[0],), location=True)], j, g.end) \
                        if hit is not None and kind_of(self.registry, hit[0]) == "state" \
                        else None
                tgt_group = g
        if tgt_group is None and not passive and trig.category == "THREATEN":
            # "threatened to stop negotiations if the United States goes ahead",
            # "... unless Israel rescinded": the threat is aimed at the one it sets
            # a condition for
            k = next((k for k in range(te, c_end if c_end > te else n)
                      if lower[k] in ("if", "unless")), None)
            if k is None:
                k = next((k for k in range(te, n) if lower[k] in ("if", "unless")), None)
            if k is not None:
                tgt_group = next((g for g in live if k < g.start <= k + 3
                                  and g is not src_group), None)
        if tgt_group is None and not passive and trig.category in ("ASSAULT", "COERCE") \
                and places:
            # an attack's object may be a place: "its invasion of South Lebanon,
            # ploughing through the UN lines" (the first object, not a later party)
            first = min((g for g in (*live, *places)
                         if obj_from <= g.start < min(c_end, next_trig + 1)
                         and g is not src_group), key=lambda g: g.start, default=None)
            if first is not None and first in places and preposition_before(
                    lower, first.start, obj_from) in ("of", "into", "on", "against"):
                tgt_group = first
        if tgt_group is None and not passive:
            preps = (OBJECT_PREP_TALK if trig.category == "CONSULT" else OBJECT_PREP_AGREE) \
                if talk_like else OBJECT_PREP_ANY
            for g in live:
                if ts < g.start < te <= g.end and g is not src_group:
                    # the pattern ended inside a role mention: "strengthened its forces
                    # in Lebanon"
                    tgt_group = g
                    break
                if ts < g.start and g.end < te and g is not src_group \
                        and trig.elements[-1] is not None and trig.elements[-1] <= PARTICLES:
                    tgt_group = g       # "forced the UN refugee agency out"
                    break
                if g.start < obj_from or g.start >= min(c_end, next_trig + 1) \
                        or g is src_group:
                    continue
                if "inquiry" in trig.props and preposition_before(
                        lower, g.start, obj_from) == "to" and any(
                        lower[k] in TO_NOUNS for k in range(te, g.start)):
                    # "an investigation of illegal arms sales to Croatia": the sales go
                    # to Croatia; the investigation is of those who sold
                    continue
                if "inquiry" in trig.props and lower[te - 1] == "into" and g.start > te + 4:
                    # what an inquiry is "into" is its object, not a party further on: "a
                    # hearing into the legality of techniques used against detainees"
                    continue
                j = g.start - 1 - (g.start > 1 and lower[g.start - 1] == "the")
                if j > 0 and lower[j] in ("for", "of") and lower[j - 1] in SPEAKER_NOUNS:
                    # "..., a spokeswoman for the U.S. embassy said": whom a speaker
                    # speaks for is no object
                    continue
                if relative_subject(words, lower, g.start):
                    # "to address the actions that Nicaragua is taking": the subject of
                    # a relative clause is no object of the verb before it
                    continue
                prep = preposition_before(lower, g.start, obj_from)
                if prep is None:
                    if talk_like and "direct_object" not in trig.props:
                        continue
                    if "topic_object" in trig.props:
                        continue
                elif prep == "other" and trig.category in CLAUSAL_OBJECT:
                    pass
                elif prep == "of" and trig.pos == "verb" and head_of(
                        lower, g.start, obj_from) and not (
                        g.end < n and lower[g.end] in ("'s", "’s")):
                    pass    # "expelled inspectors of the IAEA": whose inspectors
                elif prep == "of" and trig.category in ("ASSAULT", "COERCE") \
                        and owned_object(words, lower, obj_from, g.start) and not any(
                            lower[x] in ("'s", "’s") for x in range(g.start, min(n, g.end + 1))):
                    # (not "the deputy chief of Israel's militia ally": a party's proxy)
                    pass    # "hacked into the computers of South Korean officers"
                elif prep == "of" and te < n and lower[te] == "of" and trig.category in (
                        "ASSAULT", "COERCE", "SANCTION") and (
                        trig.pos == "noun" or len(trig.elements) > 1):
                    pass    # "mounted an invasion of Lebanon", "the blockade of Serbia"
                elif prep not in preps and prep not in trig.object_preps \
                        and not (prep == lower[te - 1] and trig.elements[-1] == {prep}) \
                        and not (absorbed and any(
                            # (right after it: "an invitation from Afghanistan", not
                            # "an invitation to ... independence from Israel")
                            te <= s_ < g.start <= s_ + 7
                            and prep in t_.object_preps
                            for s_, t_ in absorbed.items())):
                    # (a preposition the trigger's own pattern ends in, "speak ~ to",
                    # takes its object whatever the category's usual ones are)
                    continue
                tgt_group = g
                if prep == "to" and trig.category == "ACCUSE":
                    # "complained to the UN over Israeli raids": the UN hears the
                    # complaint, the one complained about is its target
                    about = next((h for h in live if g.end < h.start < min(
                        c_end, next_trig + 1) and h is not src_group and preposition_before(
                        lower, h.start, g.end) in ("over", "about", "against")), None)
                    if about is not None:
                        tgt_group = about
                break
        if src_group is None and trig.category == "ASSAULT" and places and any(
                w in BLASTS for w in lower[c_start:c_end]):
            # an attack no one is named for: "a roadside bomb near Basra killed a U.S.
            # soldier"; event coders give it to the state where it went off, and its
            # victims are that state's when no party is named for them
            where = next((g for g in places if c_start <= g.start < c_end
                          and kind_of(self.registry, g.parties[0].split("-")[0]) == "state"),
                         None)
            victims = tgt_group if tgt_group is not None and tgt_group not in places \
                else patient
            if victims is None:
                # "a roadside bombing near Samarra killed one U.S. soldier and wounded two
                # others": the party named after it in the clause, else before it
                victims = next((g for g in live if te <= g.start < c_end), None) or next(
                    (g for g in reversed(live) if c_start <= g.start and g.end <= ts), None)
            if where is None or (victims is not None and victims in places) or (
                    tgt_group is not None and tgt_group in places and te < n
                    and lower[te] in ("of", "on", "against", "into")) or any(
                    lower[k] == "by" and not any(w in BLASTS for w in lower[k + 1:k + 5])
                    for k in range(te, c_end)):
                # (not one named by what did it: "the bombing of Gaza by the
                # world's most powerful military machines")
                return []
            home = where.parties[0].split("-")[0]
            return [(home, b, trig, ts, te, negated, modality, "",
                     victims.agent_of(b) if victims is not None else "")
                    for b in (victims.parties if victims is not None else (home,))]
        if src_group is None:
            return []
        if "arrival" in trig.props and any(
                lower[k].startswith("peacekeep")
                for k in range(max(c_start, src_group.start - 4), min(ts, src_group.end + 3))):
            # "NATO peacekeeping troops have arrived in Bosnia": peacekeeping is aid
            trig = trig.recast("AID", "peacekeeping", 7.0)
        # an act a state may do at home; and a threat of one: "threatened to
        # institute a curfew in Algiers"
        domestic = trig.category in DOMESTIC or (
            trig.category == "THREATEN" and absorbed is not None and any(
                te <= s_ < c_end and t_.category in DOMESTIC for s_, t_ in absorbed.items()))
        if tgt_group is None and ("venue" in trig.props or (
                len(src_group.parties) == 1 and not passive
                and trig.category != "CONSULT")):
            # no other party: the place where it happens ("aid to refugees in Liberia")
            # (a city further away is more often a venue: "a climate agreement in Paris";
            # and where one meets or agrees is the venue, not the other side: "the Quad
            # Summit in Australia")
            tgt_group = next((g for g in places
                              if te <= g.start < min(c_end, te + PLACE_REACH)
                              and (g.start < te + 10 or all(m.form != "capital"
                                                            for m in g.mentions))
                              and (src_group.parties[0] not in g.parties or domestic)
                              # (not the scene of a condemned attack: "condemned
                              # these attacks against towns across Israel")
                              and not (trig.category == "ACCUSE" and any(
                                  lower[k] in HOSTILE_ACTS for k in range(te, g.start))
                                  and preposition_before(lower, g.start, te)
                                  in VICTIM_PREPS)),
                             None)
        if tgt_group is None and not passive and not talk_like:
            # "Finland will give Tanzania a grant": an indirect object before the trigger
            tgt_group = next((g for g in cands if g is not src_group
                              and g.start > src_group.end), None)
        if tgt_group is None and "needs_object" in trig.props:
            return []
        if tgt_group is None and "needs_pair" in trig.props and len(src_group.parties) < 2:
            return []
        if "at_home" in trig.props and len(src_group.parties) == 1 and (
                tgt_group is None or tgt_group.start > te + 2):
            # "police prevented the demonstration staged by students ... to protest
            # the sending of troops to Iraq": repressing a protest is done at home
            home = src_group.parties[0].split("-")[0]
            if kind_of(self.registry, home) == "state":
                return [(src_group.parties[0], home, trig, ts, te, negated, modality,
                         src_group.agent_of(src_group.parties[0]), "")]
        src_parties = src_group.parties
        tgt_parties = tgt_group.parties if tgt_group is not None else []
        if not tgt_parties and len(src_parties) == 1 and (trig.category == "PROTEST" or (
                # "called off a four-day strike": ends a protest, aimed at the same
                trig.category == "CONCEDE" and trig.elements[-1] is not None
                and not trig.elements[-1].isdisjoint(("strike", "protest", "boycott"))
                # (by people or a group in it, not a state named: "Israel ended its
                # boycott")
                and all(m.form not in ("name", "capital") or "-" in m.party
                        for m in src_group.mentions))):
            # a protest with no stated target is aimed at the protesters' own government
            home = src_parties[0].split("-")[0]
            a = self.registry.party(home)
            if a is not None and a.kind == "state":
                return [(src_parties[0], home, trig, ts, te, negated, modality,
                         src_group.agent_of(src_parties[0]), "")]
        if tgt_parties and trig.reciprocal and len(src_parties) >= 2 and all(
                m.form not in ("ref", "pronoun") for m in src_group.mentions) and all(
                t.split("-")[0] in {p.split("-")[0] for p in src_parties} for t in tgt_parties):
            # "Hungarian and Romanian officials agreed that ... Romanian refugees in
            # Hungary": the pair acts with each other, not with its own people
            tgt_parties = []
        out = []
        mutual = (any(m.form == "ref" for m in src_group.mentions) or any(
            w in ("together", "jointly", "mutual", "bilateral") for w in lower[te:c_end])
        ) and trig.category in ("SUPPORT", "AGREE", "COOPERATE", "CONSULT")
        if not tgt_parties and (trig.reciprocal or mutual) and len(src_parties) >= 2:
            for a in src_parties:
                for b in src_parties:
                    if a != b:
                        out.append((a, b, trig, ts, te, negated, modality,
                                    src_group.agent_of(a), src_group.agent_of(b)))
            return out
        for a in src_parties:
            if tgt_parties:
                for b in tgt_parties:
                    if a != b or trig.category == "PROTEST" or (
                            domestic
                            and all(m.location or m.form in ("capital", "place")
                                    for m in tgt_group.mentions)) or (
                            (passive or tgt_group.start > ts)
                            and inner_actor(src_group, tgt_group, b)):
                        # (a state's act in its own territory: "imposed a curfew in
                        # Cizre in southeastern Turkey", "farmers would blockade Paris")
                        out.append((a, b, trig, ts, te, negated, modality,
                                    src_group.agent_of(a), tgt_group.agent_of(b)))
                    elif len(tgt_parties) == 1:
                        # acting on itself ("promised to democratize Serbia"): no other
                        # party (the caller drops it when the source has one elsewhere)
                        out.append((a, "", trig, ts, te, negated, modality,
                                    src_group.agent_of(a), ""))
            else:
                out.append((a, "", trig, ts, te, negated, modality, src_group.agent_of(a), ""))
        return out


# ---------------------------------------------------------------------------
# helpers












































































































































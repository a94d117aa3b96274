"""Arguments of an event: who acted and on whom, for each trigger of a sentence.

:func:`event_candidates` reads every trigger in turn. For one trigger,
:func:`trigger_events` builds an :class:`Args` view (the clause around it, its
negation and modality, its voice, the subject candidates) and asks, in this
order:

1. :data:`CLAUSE_VETOES`: is the trigger in a clause that states no event?
2. :data:`~graphkit.extract.source_rules.PARTICIPANTS`: does the trigger name its
   participants ("talks between X and Y")? Then they are the event.
3. :data:`~graphkit.extract.source_rules.SOURCE`: who acted (first rule that applies);
   :data:`~graphkit.extract.source_rules.NO_SOURCE`: what an act with nobody named
   for it still is;
4. :data:`~graphkit.extract.target_rules.TARGET`: on whom (first rule that applies);
5. :data:`OUTCOMES`: acts whose target is the source's own state;
6. the pairs: one candidate per source and target party, both directions for a
   reciprocal act with a compound source.
"""

from __future__ import annotations

import bisect

from .attribution import reported_obligation
from .clauses import document_clause
from .engine import Example, Key, Rule, Table
from .modality import is_negated, modality_of, says_later
from .sentence import Candidate, TriggerHit, kind_of
from .source_rules import (
    NO_SOURCE,
    PARTICIPANTS,
    SOURCE,
    arrival_is_aid,
    passive_patient,
)
from .syntax import in_apposition, subject_like
from .target_rules import NO_TARGET, TARGET
from .triggers import is_participle
from .vocab import (
    ADJECTIVAL,
    AFTER_REDUCED,
    BE,
    DESIRE_CUES,
    DETERMINERS,
    DOMESTIC,
    FINITE,
    FUTURE,
    FUTURE_VERBS,
    ING_ADJECTIVES,
    MUST_TRIGGER,
    NOT_BEFORE_REDUCED,
    NP_FILLER,
    NUMBER_WORDS,
    OBLIGATION,
    OWN_SUBJECT,
    POSSIBLE,
    SUPPORT_VERBS,
)

__all__ = ["Args", "event_candidates", "trigger_events", "CLAUSE_VETOES", "OUTCOMES"]


class Args:
    """What the argument rules know of one trigger in its sentence.

    ``live`` are the sentence's groups that can act (no place, outlet or relational
    mention), ``places`` those naming a place; ``c_start:c_end`` is the trigger's
    clause and ``obj_from:next_trig`` where its object may be; ``cands`` are the
    subject-like groups before it in the clause, ``subjects`` those that may be its
    subject; ``src``, ``tgt`` and ``patient`` are filled by the rules; ``likely``
    (shared by the triggers of a sentence) caches which groups are subject-like.
    """

    __slots__ = ("reg", "s", "state", "ts", "te", "trig", "live", "places", "words", "lower",
                 "n", "c_start", "c_end", "in_attr", "next_trig", "obj_from", "negated",
                 "modality", "talk_like", "passive", "cands", "subjects", "said_own", "src",
                 "tgt", "patient", "rel", "likely")

    def __init__(self, reg, s, state, hit, live, places, likely=None):
        self.reg, self.s, self.state = reg, s, state
        self.ts, self.te, self.trig = hit
        self.live, self.places = live, places
        self.likely = LikelySubjects() if likely is None else likely
        self.words, self.lower, self.n = s.words, s.lower, len(s.words)
        self.cands = self.subjects = []
        self.said_own = False
        self.src = self.tgt = self.patient = None
        self.rel = False      # the relative clause's subject, once looked for

    def events(self, pairs) -> list:
        """Candidates for ``(source, target, source group, target group)`` tuples."""
        return [Candidate(a, b, self.trig, self.ts, self.te, self.negated, self.modality,
                          ga.agent_of(a) if ga is not None else "",
                          gb.agent_of(b) if gb is not None and b else "")
                for a, b, ga, gb in pairs]

    @property
    def domestic(self) -> bool:
        """An act a state may do at home; and a threat of one ("threatened to
        institute a curfew in Algiers")."""
        trig, te, c_end = self.trig, self.te, self.c_end
        return trig.category in DOMESTIC or (trig.category == "THREATEN" and any(
            te <= s_ < c_end and t_.category in DOMESTIC for s_, t_ in self.s.absorbed.items()))


def event_candidates(reg, s, state) -> list:
    """The candidate events of sentence ``s``: a demand put on someone in reported
    speech ("Britain said Libya must ..."), then each trigger's source/target pairs.
    A source that already acts on a target in the sentence loses its target-less
    candidates: they are the same action seen through a second trigger ("promised
    to continue aid to Mozambique")."""
    found = []
    lower, speaker = s.lower, s.speaker
    demand = reported_obligation(s.groups, lower, s.attr_span, speaker, s.breaks)
    if demand is not None:
        group, k, k_end = demand
        # "X said Y must ...": a demand from X to Y; what Y must do is not an event
        modality = modality_of(lower, k, k + 1, k, k_end)
        for p in group.parties:
            if p == speaker.party:
                continue
            found.append(Candidate(speaker.party, p, MUST_TRIGGER, k, k + 1, False, modality,
                                   speaker.agent, group.agent_of(p)))
        s.triggers = [TriggerHit(s_, e_, None if k < s_ < k_end else t_)
                      for s_, e_, t_ in s.triggers]
    live = places = None
    likely = LikelySubjects()
    for hit in s.triggers:
        if hit.trigger is None:
            continue
        if live is None:
            live, places = s.actors, s.places
        found.extend(trigger_events(Args(reg, s, state, hit, live, places, likely)))
    targeted = {f.source for f in found if f.target}
    return [f for f in found if f.target or f.source not in targeted]


def trigger_events(a: Args) -> list:
    """The candidates of one trigger (see the module docstring for the order)."""
    _clause(a)
    _fronted_condition(a)
    if CLAUSE_VETOES.any(a):
        return []
    _factuality(a)
    _voice(a)
    key = _key(a)
    found = PARTICIPANTS.first(a, key=key)
    if found is not None:
        return found
    _subject_candidates(a)
    if a.passive:
        a.patient = passive_patient(a)
    found = SOURCE.first(a, key=key)
    if isinstance(found, list):
        return found                   # a rule that settles the whole event
    if found is not None:
        a.src, a.tgt = found
    if a.src is not None:
        arrival_is_aid(a)
        key = _key(a)
    if a.tgt is None:
        a.tgt = TARGET.first(a, key=key)
        if a.tgt is NO_TARGET:
            a.tgt = None
    if a.src is None:
        return NO_SOURCE.first(a, key=key) or []
    found = OUTCOMES.first(a, key=key)
    return found if found is not None else _pairs(a)


# ---------------------------------------------------------------- the trigger's view

def _key(a: Args) -> Key:
    """What the argument tables choose their rules by (one Key per combination)."""
    trig = a.trig
    found = _KEYS.get((trig.category, a.passive, trig.pos))
    if found is None:
        found = _KEYS[trig.category, a.passive, trig.pos] = Key(
            trig.category, None, "passive" if a.passive else "active", trig.pos)
    return found


_KEYS: dict = {}


def _clause(a: Args) -> None:
    """The clause around the trigger (the last break at or before it, the first after;
    an attribution bounds it) and where its object may be (up to the next trigger;
    coordinated verbs share their object: "called and congratulated X")."""
    s, ts, te, n, lower = a.s, a.ts, a.te, a.n, a.lower
    breaks, attr_span = s.breaks, s.attr_span
    k = bisect.bisect_right(breaks, ts)     # breaks are sorted and distinct
    a.c_start = breaks[k - 1] if k else 0
    a.c_end = breaks[k] if k < len(breaks) else n
    if a.c_end < te:
        # a pattern runs on past a break: "Japan reiterated its support for"
        # (the report verb is the pattern's first word)
        a.c_end = next((b for b in breaks if b >= te), n)
    a.in_attr = attr_span is not None and attr_span[0] <= ts < attr_span[1]
    if attr_span is not None and not a.in_attr:
        if attr_span[0] >= te:
            a.c_end = min(a.c_end, attr_span[0])
        elif attr_span[1] <= ts:
            a.c_start = max(a.c_start, attr_span[1])
    # (triggers come in text order)
    later = [(s_, e_) for s_, e_, t_ in s.triggers if s_ >= te and t_ is not None]
    a.next_trig = later[0][0] if later else n
    a.obj_from = te
    if later and a.next_trig > te and all(lower[k] in ("and", "or")
                                          for k in range(te, a.next_trig)):
        a.obj_from = later[0][1]
        a.next_trig = later[1][0] if len(later) > 1 else n


def _fronted_condition(a: Args) -> None:
    """A trigger in the main clause after a fronted condition ("If talks fail, Sudan
    will attack Chad"): its clause starts after the condition's comma."""
    c_start, lower = a.c_start, a.lower
    if c_start < a.n and lower[c_start] in ("if", "unless"):
        cond = c_start
    elif c_start > 0 and lower[c_start - 1] in ("if", "unless"):
        cond = c_start - 1
    else:
        return
    if "," in lower[cond:a.ts] and (cond == 0 or lower[cond - 1] in (
            ",", "that", "and", "but", "said")):
        a.c_start = max(k for k in range(cond, a.ts) if lower[k] == ",") + 1


def _about_a_text(a: Args) -> bool:
    return document_clause(a.lower, a.ts, a.c_start, a.live)


CLAUSE_VETOES = Table("clause vetoes", [
    Rule("clause.about_a_text", "arguments",
         "a relative clause about a text ('a resolution that aims to impose sanctions') "
         "is what the text says, not an act of the sentence's subject", _about_a_text,
         examples=(Example("The Kenyan parliament passed a law that would ban Somali traders.",
                           "!KEN>SOM:SANCTION"),)),
])


def _factuality(a: Args) -> None:
    """Negation and modality of the trigger; a noun takes its support verb's
    modality ("will provide 25,000 tons of aid"); a hostile act promised on a
    condition is a threat ("may halt mediation if ...")."""
    lower, ts, te, c_start, c_end, trig = a.lower, a.ts, a.te, a.c_start, a.c_end, a.trig
    a.negated = is_negated(lower, ts, te, c_start, a.s.mentions)
    modality = modality_of(lower, ts, te, c_start, c_end)
    if not modality and (says_later(lower[te:te + 5]) or "tomorrow" in lower[c_start:ts]):
        modality = "future"     # "a summit later this week", "talks next month"
    if not modality and trig.pos == "noun":
        k = next((k for k in range(ts - 1, max(c_start, ts - 12) - 1, -1)
                  if lower[k] in SUPPORT_VERBS), None)
        if k is not None and any(w in FUTURE or w == "would" or w in FUTURE_VERBS
                                 or w in POSSIBLE or w in OBLIGATION or w in DESIRE_CUES
                                 for w in lower[max(c_start, k - 6):k]):
            modality = modality_of(lower, k, k + 1, c_start, c_end)
    a.modality = modality
    if trig.category in ("SANCTION", "COERCE", "ASSAULT") and modality in (
            "possible", "future") and c_end < a.n and lower[c_end] in ("if", "unless"):
        a.trig = trig.recast("THREATEN", "threaten")


def _voice(a: Args) -> None:
    """Talk between the parties of a reciprocal trigger, and the passive: a participle
    after "be", or right after a noun with its object missing ("weapons seized last
    year from UN peacekeepers"; not a noun after an adjective: "a fair shot at
    success")."""
    trig, lower, words, ts, te, n = a.trig, a.lower, a.words, a.ts, a.te, a.n
    a.talk_like = "talk" in trig.props and trig.reciprocal
    passive = (trig.pos == "verb" and ts > 0 and is_participle(lower[ts])
               and lower[ts] not in ADJECTIVAL
               and any(lower[k] in BE for k in range(max(a.c_start, ts - 3), ts)))
    if not passive and trig.pos == "verb" and "transitive" in trig.props \
            and 0 < ts and te < n and is_participle(lower[ts]) \
            and lower[te] in AFTER_REDUCED and words[ts - 1].isalpha() \
            and words[ts - 1].islower() and lower[ts - 1] not in NOT_BEFORE_REDUCED \
            and not lower[ts - 1].endswith("ly") \
            and not (ts > 1 and lower[ts - 2] in ("a", "an")) \
            and not any(m.start < ts <= m.end for m in a.s.mentions):
        passive = True
    a.passive = passive


def _subject_candidates(a: Args) -> None:
    """The subject-like groups before the trigger in its clause (``cands``), those
    that may be its subject (``subjects``), and the speaker's own acts."""
    lower, c_start, ts = a.lower, a.c_start, a.ts
    cands = a.likely.before(a)
    if not cands:
        cands = _subject_before_but(a)
    subjects = cands
    if a.trig.pos == "verb" and ts > 0 and lower[ts - 1] == "and" and cands:
        # "killed one U.S. soldier and wounded two others": the object of the
        # first verb is not the subject of the second
        subjects = [g for g in cands if not any(
            c_start <= s_ and e_ <= g.start and all(
                lower[k] in NP_FILLER or lower[k].isdigit() or lower[k] in NUMBER_WORDS
                for k in range(e_, g.start)) for s_, e_, _t in a.s.triggers if e_ <= ts)]
    a.cands, a.subjects = cands, subjects
    _speaker_acts(a)


class LikelySubjects:
    """The subject-like groups of a sentence, found once for all its triggers.

    Whether a group is subject-like does not depend on the trigger, and whether it
    is in an apposition depends only on its clause's start; so each is found once
    per group (and clause start), and a trigger only takes those before it. A
    sentence dense with triggers and groups ("US UK met EU US UK met EU ...")
    then costs a pass over its groups per trigger, not a walk back from each.
    """

    __slots__ = ("likely", "by_start")

    def __init__(self):
        self.likely = None
        self.by_start: dict = {}

    def before(self, a: Args) -> list:
        """The subject-like groups in the trigger's clause before it, not in an
        apposition, in text order."""
        lower, words = a.lower, a.words
        if self.likely is None:
            self.likely = [
                g for g in a.live if subject_like(g, lower, a.reg) and not (
                    # (the object of a participle is no subject: "continue holding
                    # Russia accountable, and reviewed efforts to provide aid")
                    g.start > 0 and words[g.start - 1].islower()
                    and lower[g.start - 1].endswith("ing")
                    and lower[g.start - 1] not in ING_ADJECTIVES
                    and not (g.start > 1 and lower[g.start - 2] in DETERMINERS))]
        c_start, ts = a.c_start, a.ts
        pool = self.by_start.get(c_start)
        if pool is None:
            pool = self.by_start[c_start] = [g for g in self.likely if g.start >= c_start
                                             and not in_apposition(g, a.s, c_start)]
        out = []
        for g in pool:          # (groups come in text order: none later ends before ts)
            if g.start >= ts:
                break
            if g.end <= ts:
                out.append(g)
        return out


def _subject_before_but(a: Args) -> list:
    """"Benin opened its borders ..., but was still refusing admittance to Ghanaians":
    a clause with no subject of its own has the one before (the nearest clause before
    it that has a subject)."""
    lower, c_start, ts, n = a.lower, a.c_start, a.ts, a.n
    after_but = c_start + 1 + (c_start + 1 < n and lower[c_start + 1] in ("also", "still"))
    if not (0 < c_start < ts and lower[c_start] == "but" and not a.in_attr and (
            lower[after_but] in FINITE or (after_but == ts and a.trig.pos == "verb"))):
        return []
    breaks = a.s.breaks
    cands: list = []
    prev = bisect.bisect_left(breaks, c_start)
    end = c_start
    while not cands and prev >= 0:
        p_start = breaks[prev - 1] if prev else 0
        cands = [g for g in a.live if p_start <= g.start and g.end <= end
                 and subject_like(g, lower, a.reg)
                 and not in_apposition(g, a.s, p_start)][:1]
        end, prev = p_start, prev - 1
    return cands


def _speaker_acts(a: Args) -> None:
    """An act inside the attribution is the speaker's; "Bosnian Serbs said their forces
    had completed their withdrawal": the speaker's own people act; "the ILO reiterated
    its demand that Israel ...": the speaker's own act."""
    s, lower, c_start, ts = a.s, a.lower, a.c_start, a.ts
    speaker, attr_span = s.speaker, s.attr_span
    if speaker is None:
        return
    own = [g for g in a.live if speaker in g.mentions]
    if a.in_attr:
        a.cands = list(a.cands) or own
    elif not a.cands and attr_span is not None and attr_span[1] == c_start \
            and c_start + 1 < ts and lower[c_start + (lower[c_start] == "that")] in OWN_SUBJECT \
            and any(lower[k] in FINITE for k in range(c_start + 1, ts)):
        a.cands = a.subjects = own[:1]
    elif not a.cands and attr_span is not None and attr_span[1] == c_start \
            and a.trig.pos == "noun" and ts - c_start <= 3 \
            and lower[c_start] in ("its", "their", "his", "her", "our"):
        a.cands = a.subjects = own[:1]
        a.said_own = True


# ---------------------------------------------------------------- outcomes and pairs

def _repressed_at_home(a: Args):
    src, tgt, te = a.src, a.tgt, a.te
    if "at_home" in a.trig.props and len(src.parties) == 1 and (
            tgt is None or tgt.start > te + 2):
        home = src.parties[0].split("-")[0]
        if kind_of(a.reg, home) == "state":
            return a.events([(src.parties[0], home, src, None)])
    return None


def _protest_at_home(a: Args):
    src, trig = a.src, a.trig
    tgt_parties = a.tgt.parties if a.tgt is not None else []
    if tgt_parties or len(src.parties) != 1:
        return None
    if trig.category == "PROTEST" or (
            # "called off a four-day strike": ends a protest, aimed at the same
            trig.category == "CONCEDE" and trig.elements[-1] is not None
            and not trig.elements[-1].isdisjoint(("strike", "protest", "boycott"))
            # (by people or a group in it, not a state named: "Israel ended its
            # boycott")
            and all(m.form not in ("name", "capital") or "-" in m.party
                    for m in src.mentions)):
        home = src.parties[0].split("-")[0]
        party = a.reg.party(home)
        if party is not None and party.kind == "state":
            return a.events([(src.parties[0], home, src, None)])
    return None


def _no_object(a: Args):
    if a.tgt is None and "needs_object" in a.trig.props:
        return []
    if a.tgt is None and "needs_pair" in a.trig.props and len(a.src.parties) < 2:
        return []
    return None


OUTCOMES = Table("outcomes", [
    Rule("outcome.needs_someone_acted_on", "arguments",
         "a visit, reception or pressure with nobody visited, received or pressed is no "
         "event", _no_object,
         examples=(Example("Iran pressured hard in the talks.", ""),),
         counter=(Example("Iran pressured Iraq.", "IRN>IRQ:REQUEST"),)),
    Rule("outcome.repression_is_at_home", "arguments",
         "repressing a protest is done at home: with no target right after it, the "
         "source's own state", _repressed_at_home,
         examples=(Example("Police in Kenya broke up the rally that students held to "
                           "oppose the new tax.", "KEN>KEN:COERCE"),)),
    Rule("outcome.protest_is_at_home", "arguments",
         "a protest with no stated target is aimed at the protesters' own government; "
         "so is calling off a strike", _protest_at_home,
         examples=(Example("Nigerian students protested.", "NGA-CVL>NGA:PROTEST"),)),
])


def _pairs(a: Args) -> list:
    """One candidate per source and target party. A reciprocal or mutual act of a
    compound source with no other target is between its parties; a target of the
    source's own state counts only for a domestic act, a protest or another actor
    inside the state ("criticized the German parliament"); else the act has no target
    ("promised to democratize Serbia")."""
    src, tgt, trig, lower = a.src, a.tgt, a.trig, a.lower
    src_parties = src.parties
    tgt_parties = tgt.parties if tgt is not None else []
    if tgt_parties and trig.reciprocal and len(src_parties) >= 2 and all(
            m.form not in ("ref", "pronoun") for m in src.mentions) and all(
            t.split("-")[0] in {p.split("-")[0] for p in src_parties} for t in tgt_parties):
        # "Hungarian and Romanian officials agreed that ... Romanian refugees in
        # Hungary": the pair acts with each other, not with its own people
        tgt_parties = []
    mutual = (any(m.form == "ref" for m in src.mentions) or any(
        w in ("together", "jointly", "mutual", "bilateral") for w in lower[a.te:a.c_end])
    ) and trig.category in ("SUPPORT", "AGREE", "COOPERATE", "CONSULT")
    if not tgt_parties and (trig.reciprocal or mutual) and len(src_parties) >= 2:
        return a.events([(x, y, src, src) for x in src_parties for y in src_parties
                         if x != y])
    pairs = []
    for x in src_parties:
        if not tgt_parties:
            pairs.append((x, "", src, None))
            continue
        for y in tgt_parties:
            if x != y or trig.category == "PROTEST" or (
                    a.domestic and all(m.location or m.form in ("capital", "place")
                                       for m in tgt.mentions)) or (
                    (a.passive or tgt.start > a.ts) and inner_actor(src, tgt, y)):
                # (a state's act in its own territory: "imposed a curfew in
                # Cizre in southeastern Turkey", "farmers would blockade Paris")
                pairs.append((x, y, src, tgt))
            elif len(tgt_parties) == 1:
                pairs.append((x, "", src, None))
    return a.events(pairs)


def inner_actor(src_group, tgt_group, party) -> bool:
    """Whether a target of the source's own state is another actor inside it: a
    named person or a home body ("reneged on his commitment to the Zambian people",
    "criticized the German parliament"), not the state acting on
    itself ("promised to democratize Serbia")."""
    tgt = [m for m in tgt_group.mentions if party in m.parties]
    if not tgt or any(m.form in ("pronoun", "ref") or not (
            m.kind == "person" or m.form == "role") for m in tgt):
        return False
    # (not the same actor named twice: "President Putin ... the Russian president")
    return not any(m.agent == t.agent or m.form in ("pronoun", "ref")
                   for m in src_group.mentions if party in m.parties for t in tgt)

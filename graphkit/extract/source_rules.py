"""Who acted: the source rules of an event, tried in order (first that applies wins).

Each rule takes the trigger's :class:`~graphkit.extract.arguments.Args` and returns
``(source group, target group or None)``, a finished list of candidates (a rule that
settles the whole event), or None when it does not apply.
"""

from __future__ import annotations

from .engine import Example, Rule, Table
from .sentence import kind_of
from .syntax import in_apposition, relative_subject
from .vocab import (
    BLASTS,
    DESIRE_OF_HEADS,
    DESIRE_PAIR_HEADS,
    DETERMINERS,
    FINITE,
    GAP_POSSESSIVES,
    HOSTILE_ACTS,
    NP_FILLER,
    RECEIVE_FORMS,
    REPORT_VERBS,
    STOP_MODIFIER,
    SUBORDINATORS,
    SUPPORT_VERBS,
    VICTIM_PREPS,
)

__all__ = ["PARTICIPANTS", "SOURCE", "NO_SOURCE", "arrival_is_aid"]


# ---------------------------------------------------------------- participants

def _named_participants(a):
    """"a meeting of X and Y", "talks between X and Y", "Russia-NATO partnership"."""
    trig, live, lower, ts, te = a.trig, a.live, a.lower, a.ts, a.te
    if not trig.reciprocal:
        return None
    group = next((g for g in live if g.start in (te, te + 1, te + 2)
                  and te < g.start and lower[g.start - 1] in ("of", "between", "among", "the")
                  and (lower[te] in ("of", "between", "among"))), None)
    if group is None or len(group.parties) < 2:
        group = next((g for g in live if g.end <= ts and ts - g.end <= 5 and g.hyphen
                      and len(g.parties) >= 2
                      and all(lower[k] not in (",", "and") for k in range(g.end, ts))), None)
    if group is None:
        return None
    ps = group.parties
    return a.events([(x, y, group, group) for x in ps for y in ps if x != y])


PARTICIPANTS = Table("participants", [
    Rule("source.participants_of_a_reciprocal_noun", "arguments",
         "a reciprocal noun names its participants after 'of', 'between' or 'among', or as "
         "a hyphenated pair before it", _named_participants, pos="noun",
         examples=(Example("The summit between Egypt and Ethiopia ended in Cairo.",
                           "EGY>ETH:CONSULT; ETH>EGY:CONSULT"),
                   Example("A meeting of China and India took place in Delhi.",
                           "CHN>IND:CONSULT; IND>CHN:CONSULT"))),
])


# ---------------------------------------------------------------- sources

def _aid_received(a):
    """"Kenya received food aid from Japan": Japan gives, Kenya gets."""
    if not a.cands:
        return None
    donor = aid_giver(a.lower, a.ts, a.te, a.live, min(a.c_end, a.next_trig + 1))
    if donor is None:
        return None
    got = a.cands[0]
    return a.events([(x, y, donor, got) for x in donor.parties for y in got.parties
                     if x != y])


def aid_giver(lower, ts, te, live, end):
    """The giver group of aid that the subject receives ("received $5 million in aid
    from Japan"), or None when the aid noun at ``ts`` is not received from someone."""
    j = ts - 1
    steps = 0
    while j >= 0 and steps < 6 and lower[j] not in RECEIVE_FORMS:
        if not (lower[j] in NP_FILLER or lower[j].isalpha() and lower[j].islower()
                or lower[j].replace(",", "").replace(".", "").isdigit() or lower[j] in "$"):
            return None
        j -= 1
        steps += 1
    if j < 0 or lower[j] not in RECEIVE_FORMS:
        return None
    return next((g for g in live if te <= g.start < end and g.start >= 1 and (
        lower[g.start - 1] == "from" or (lower[g.start - 1] == "the" and g.start >= 2
                                         and lower[g.start - 2] == "from"))), None)


def passive_patient(a):
    """Who a passive act was done to: the subject before it, else those it is of or
    for ("a camp for Congolese refugees was attacked"), else, for an act of state,
    where the person is from ("a missionary from Calgary was arrested")."""
    lower, c_start, ts = a.lower, a.c_start, a.ts
    patient = a.cands[-1] if a.cands else next(
        (g for g in reversed(a.live) if c_start <= g.start and g.end <= ts
         and g.start > 0 and lower[g.start - 1] in ("of", "for", "carrying")
         and not in_apposition(g, a.s, c_start)), None)
    if patient is None and "state_act" in a.trig.props:
        patient = next((g for g in a.places if c_start < g.start and g.end <= ts
                        and lower[g.start - 1] == "from"), None)
    return patient


def _passive_agent(a):
    """"Syria was attacked by Turkey": the agent after "by" acts on the patient."""
    lower, te = a.lower, a.te
    agent = next((g for g in a.live if g.start > te and g.start <= a.next_trig + 6
                  and lower[g.start - 1] == "by"), None)
    return (agent, a.patient) if agent is not None else None


def _state_where_it_happened(a):
    """"a Canadian was arrested in Lebanon": only a state arrests, tries or expels, and
    with no doer named it is the one where it happened."""
    if not ("state_act" in a.trig.props and a.patient is not None):
        return None
    lower, patient = a.lower, a.patient
    where = next((g for g in a.places if a.te <= g.start < a.c_end
                  and lower[g.start - 1] in ("in", "by")
                  and kind_of(a.reg, g.parties[0]) == "state"
                  and g.parties[0] not in patient.parties), None)
    return (where, patient) if where is not None else None


def _first_subject(a):
    return a.subjects[0] if a.subjects else None


def _relative(a):
    """The subject of a relative clause the trigger is in, if any (computed once)."""
    if a.rel is not False:
        return a.rel
    subjects, lower, ts = a.subjects, a.lower, a.ts
    if a.trig.pos != "verb" or len(subjects) < 2:
        a.rel = None
        return None
    first = subjects[0]
    a.rel = next((g for g in reversed(subjects) if g is not first and g.end <= ts
                  and relative_subject(a.words, lower, g.start)
                  and all(w in FINITE or w.endswith("ly") or w in ("not", "also", "n't")
                          for w in lower[g.end:ts])), None)
    return a.rel


def _possessor(a):
    """"discussed Russia's brutal invasion of Ukraine": the possessor of an act named
    as a noun acts."""
    trig, lower, words, ts = a.trig, a.lower, a.words, a.ts
    if trig.reciprocal:
        return None
    owner = next((g for g in reversed(a.live) if a.c_start <= g.start and g.end < ts), None)
    if owner is None or owner is _first_subject(a) or lower[owner.end] not in ("'s", "’s"):
        return None
    if ts - owner.end <= 5 and all(
            lower[k] in ("and", ",", "-") or (
                lower[k].isalpha() and words[k].islower()
                and lower[k] not in STOP_MODIFIER and lower[k] not in NP_FILLER
                and lower[k] not in SUPPORT_VERBS and lower[k] not in REPORT_VERBS)
            for k in range(owner.end + 1, ts)):
        return owner, None
    return None


def _adjective_doer(a):
    """"condemned the Russian attacks on Ukrainian cities", "the Hamas attack on
    Israel": a state's adjective, or one party's name used as a modifier, right after
    a determiner and before an act named as a noun names its doer."""
    if a.trig.reciprocal or not a.words[a.ts].islower():
        return None
    default = _relative(a) or _first_subject(a)
    lower = a.lower
    doer = next((g for g in a.live if g.end == a.ts and g is not default
                 and g.start > 0 and lower[g.start - 1] in DETERMINERS
                 and (all(m.form == "adj" for m in g.mentions)
                      or _noun_act(a) and len(g.mentions) == 1
                      and len(g.parties) == 1)), None)
    return (doer, None) if doer is not None else None


def _noun_act(a) -> bool:
    """Whether the trigger is an act named as a noun: a noun trigger, or a hostile act
    with its victim after it ("the Hezbollah attack on Israel", not "the Congo attacks
    Rwanda")."""
    lower, ts, te = a.lower, a.ts, a.te
    return a.trig.pos == "noun" or (te - ts == 1 and lower[ts] in HOSTILE_ACTS
                                    and te < a.n and lower[te] in VICTIM_PREPS)


def _complement_subject(a):
    """"Norway hopes that Ethiopia and Eritrea will meet": a verb in a clause opened
    by "that" has the subject that follows "that", not the one before it."""
    first, lower, ts = _first_subject(a), a.lower, a.ts
    if first is None:
        return None
    k = next((k for k in range(ts - 1, first.end - 1, -1) if lower[k] in ("that", "whether")),
             None)
    if k is None:
        return None
    g = next((g for g in a.subjects if k < g.start <= k + 2 and g.end <= ts), None)
    return (g, None) if g is not None else None


def _nearest_subject(a):
    """The nearest subject-like group before the trigger in its clause. A noun act
    needs it close ("Russia's attack") or a support verb ("Russia launched an attack");
    a support verb in a clause of its own has its own subject ("to strengthen
    Ukraine's air defences as Russia continues its attacks")."""
    src = _first_subject(a)
    trig, lower, ts = a.trig, a.lower, a.ts
    if src is None or trig.pos != "noun" or trig.reciprocal or a.said_own:
        return (src, None) if src is not None else None
    close = src.end >= ts - 2 and all(
        lower[k] in NP_FILLER or lower[k] in ("'s", "’s") for k in range(src.end, ts))
    verb = next((k for k in range(ts - 1, max(a.c_start, src.end) - 1, -1)
                 if lower[k] in SUPPORT_VERBS), None)
    if not (close or verb is not None or _own_act(a, src) or _wished_act(a, src)):
        return None
    if verb is not None and not close:
        sub = next((k for k in range(verb - 1, src.end - 1, -1) if lower[k] in SUBORDINATORS),
                   None)
        if sub is not None:
            # (the clause's subject opens it: not "as well as their commitment to ...
            # provide")
            src = next((g for g in a.live if sub < g.start <= sub + 3 and g.end <= verb), src)
    return src, None


def _own_act(a, src) -> bool:
    """"The leaders discussed their support for Ukraine": the subject's possessive
    pronoun before the noun act, past its modifiers, names the subject as its doer."""
    lower, ts = a.lower, a.ts
    own = next((k for k in range(ts - 1, max(a.c_start, src.end, ts - 4) - 1, -1)
                if lower[k] in GAP_POSSESSIVES), None)
    return own is not None and all(lower[k].isalpha() and a.words[k].islower()
                                   for k in range(own + 1, ts))


def _wished_act(a, src) -> bool:
    """"The leaders underscored the importance of continued support for Ukraine": an
    act the subject wishes for (a desire, see factuality.desire) is the subject's."""
    lower, ts = a.lower, a.ts
    return any((lower[k] in DESIRE_PAIR_HEADS and lower[k + 1] == "for"
                or lower[k] in DESIRE_OF_HEADS and lower[k + 1] == "of")
               and all(lower[x].isalpha() and a.words[x].islower() for x in range(k + 2, ts))
               for k in range(max(a.c_start, src.end, ts - 5), ts - 1))


def _pair_in_focus(a):
    """A definite reciprocal act with no participants ("the talks", "joint exercises")
    is between the pair in focus from the last three sentences (not "the committee
    will hold its next meeting": one body's meeting; nor a general "through dialogue
    and diplomacy")."""
    trig, lower, state, c_start, ts = a.trig, a.lower, a.state, a.c_start, a.ts
    if not (trig.reciprocal and state.last_group
                         and a.s.sid - state.last_group_sentence <= 3):
        return None
    if any(c_start <= g.start < a.c_end for g in a.live) \
            or any(w in ("its", "his", "her") for w in lower[max(c_start, ts - 3):a.te]):
        return None
    if trig.pos == "noun" and "joint" not in trig.props and not any(
            w in ("the", "their", "these", "those", "such", "both")
            for w in lower[max(c_start, ts - 3):ts]):
        return None
    ps = list(state.last_group)
    return a.events([(x, y, None, None) for x in ps for y in ps if x != y])


SOURCE = Table("source", [
    Rule("source.giver_of_aid_received", "arguments",
         "aid received from X is given by X to the receiver", _aid_received,
         categories={"AID"}, pos="noun",
         examples=(Example("Haiti received emergency aid from Canada.", "CAN>HTI:AID"),)),
    Rule("source.passive_agent", "arguments",
         "a passive act's agent after 'by' acts on its subject", _passive_agent,
         voice="passive",
         examples=(Example("Mali was attacked by Burkina Faso.", "BFA>MLI:ASSAULT"),
                   Example("Malian soldiers were attacked by Burkinabe militants.",
                           "BFA-REB>MLI:ASSAULT"))),
    Rule("source.state_where_it_happened", "arguments",
         "an arrest, trial or expulsion with no doer named is the act of the state where "
         "it happened", _state_where_it_happened, voice="passive",
         examples=(Example("Two Britons were arrested in Iran.", "IRN>GBR:COERCE"),)),
    Rule("source.possessor_of_a_noun_act", "arguments",
         "the possessor of an act named as a noun acts ('Turkey's strikes on Syria')",
         _possessor, voice="active", pos="noun",
         examples=(Example("Iraq noted Turkey's invasion of Syria.", "TUR>SYR:ASSAULT"),)),
    Rule("source.adjective_before_a_noun_act", "arguments",
         "a state's adjective right before an act named as a noun names its doer ('the "
         "Turkish strikes on Syria')", _adjective_doer, voice="active",
         examples=(Example("Jordan condemned the Israeli raids on Syria.", "ISR>SYR:ASSAULT"),
                   Example("Jordan condemned the Hezbollah attack on Israel.",
                           "HEZBOLLAH>ISR:ASSAULT; !JOR>ISR:ASSAULT"))),
    Rule("source.complement_clause_subject", "arguments",
         "a verb in a clause opened by 'that' has the subject after 'that': a complement "
         "('Norway hopes that Chile and Peru will meet') or a relative clause ('a plan "
         "that Russia rejected')", _complement_subject, voice="active", pos="verb",
         examples=(Example("Norway hopes that Chile and Peru will meet soon.",
                           "CHL>PER:CONSULT; !NOR>:CONSULT"),
                   Example("Chad opposed the policies that Sudan supported.",
                           "SDN>:SUPPORT; !TCD>SDN:SUPPORT"))),
    Rule("source.nearest_subject", "arguments",
         "the nearest subject-like group before the trigger in its clause acts (a noun act "
         "needs it close or a support verb)", _nearest_subject, voice="active",
         examples=(Example("Chile criticized Peru.", "CHL>PER:ACCUSE"),
                   Example("Morocco welcomed the aid.", "MAR>:SUPPORT"),
                   Example("President Biden met Prime Minister Sunak. The leaders discussed "
                           "their support for Ukraine.", "USA>UKR:SUPPORT; GBR>UKR:SUPPORT",
                           date="2023-03-01"),
                   Example("Chile stressed the importance of sanctions against Peru.",
                           "CHL>PER:SANCTION@desired")),
         counter=(Example("Peru, whose economy grew, needs Chilean investment.", ""),)),
    Rule("source.pair_in_focus", "arguments",
         "a definite reciprocal act with no participants ('the talks') is between the pair "
         "in focus", _pair_in_focus, voice="active",
         examples=(Example("Ghana and Togo sent delegations to Accra. The talks lasted two "
                           "hours.", "GHA>TGO:CONSULT; TGO>GHA:CONSULT"),),
         counter=(Example("The committee will hold its next meeting in May.", ""),)),
])


def arrival_is_aid(a) -> None:
    """"NATO peacekeeping troops have arrived in Bosnia": peacekeepers arriving are aid."""
    src, lower = a.src, a.lower
    if "arrival" in a.trig.props and any(
            lower[k].startswith("peacekeep")
            for k in range(max(a.c_start, src.start - 4), min(a.ts, src.end + 3))):
        a.trig = a.trig.recast("AID", "peacekeeping")


# ---------------------------------------------------------------- no source named

def _blast(a):
    """An attack no one is named for ("a roadside bomb near Basra killed a U.S.
    soldier"): event coders give it to the state where it went off, and its victims
    are that state's when no party is named for them (not one named by what did it:
    "the bombing of Gaza by the world's most powerful military machines")."""
    lower, c_start, c_end, te, ts, places, tgt = (a.lower, a.c_start, a.c_end, a.te, a.ts,
                                                  a.places, a.tgt)
    if not places or not any(w in BLASTS for w in lower[c_start:c_end]):
        return None
    where = next((g for g in places if c_start <= g.start < c_end
                  and kind_of(a.reg, g.parties[0].split("-")[0]) == "state"), None)
    victims = tgt if tgt is not None and tgt not in places else a.patient
    if victims is None:
        # the party named after it in the clause, else before it
        victims = next((g for g in a.live if te <= g.start < c_end), None) or next(
            (g for g in reversed(a.live) if c_start <= g.start and g.end <= ts), None)
    if where is None or (victims is not None and victims in places) or (
            tgt is not None and tgt in places and te < a.n
            and lower[te] in ("of", "on", "against", "into")) or any(
            lower[k] == "by" and not any(w in BLASTS for w in lower[k + 1:k + 5])
            for k in range(te, c_end)):
        return []
    home = where.parties[0].split("-")[0]
    if victims is None:
        return a.events([(home, home, None, None)])
    return a.events([(home, b, None, victims) for b in victims.parties])


NO_SOURCE = Table("no source", [
    Rule("source.bomb_with_no_attacker", "arguments",
         "a bomb no one is named for is the attack of the state where it went off",
         _blast, categories={"ASSAULT"},
         examples=(Example("A roadside bomb near Kandahar killed two American soldiers.",
                           "AFG>USA:ASSAULT"),)),
])

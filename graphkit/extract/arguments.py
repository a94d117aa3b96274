"""Arguments of an event: its source and target, found by ordered rule tables."""

from __future__ import annotations

import bisect

from .attribution import reported_obligation
from .clauses import document_clause
from .modality import is_negated, modality_of, says_later
from .sentence import Candidate, Group, Mention, TriggerHit, kind_of, pick_entry
from .syntax import (
    head_of,
    in_apposition,
    preposition_before,
    relative_subject,
    subject_like,
)
from .triggers import is_participle
from .vocab import (
    ACT_NOUNS,
    ADJECTIVAL,
    AFTER_REDUCED,
    ANSWERS,
    BE,
    BLASTS,
    CLAUSAL_OBJECT,
    DETERMINERS,
    DOMESTIC,
    FINITE,
    FUTURE,
    FUTURE_VERBS,
    HOSTILE,
    HOSTILE_ACTS,
    ING_ADJECTIVES,
    MUST_TRIGGER,
    NOT_BEFORE_REDUCED,
    NP_FILLER,
    NUMBER_WORDS,
    OBJECT_PREP_AGREE,
    OBJECT_PREP_ANY,
    OBJECT_PREP_TALK,
    OBLIGATION,
    ORGANISED,
    OWN_SUBJECT,
    PARTICLES,
    PLACE_REACH,
    POSSIBLE,
    PROPOSALS,
    RECEIVE_FORMS,
    REPORT_VERBS,
    SPEAKER_NOUNS,
    STOP_MODIFIER,
    SUBORDINATORS,
    SUPPORT_VERBS,
    TO_NOUNS,
    VICTIM_PREPS,
)


def owned_object(words, lower, i, g_start) -> bool:
    """Whether ``i:g_start`` is "the <thing> of" right before a group: an attack on
    someone's property hits its owner ("set fire to the offices of the Palestinian
    administrators", "hacked into the computers of South Korean army officers")."""
    j = g_start - (g_start > 0 and lower[g_start - 1] == "the")
    if j < 2 or lower[j - 1] != "of":
        return False
    k = i + (i < len(lower) and lower[i] in ("the", "its", "their", "his", "her"))
    span = range(k, j - 1)
    return 0 < len(span) <= 3 and all(words[x].isalpha() and words[x].islower()
                                      for x in span)


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


def event_args(reg, ts, te, trig, triggers, live, places, mentions, words, lower,
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
             and subject_like(g, lower, reg)
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
                     and subject_like(g, lower, reg)
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
                          and kind_of(reg, g.parties[0]) == "state"
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
                hit = next((pick_entry(reg.surfaces[tuple(words[j:j + L])])
                            for L in range(min(5, g.end - j), 0, -1)
                            if tuple(words[j:j + L]) in reg.surfaces), None)
                g = Group([Mention(j, g.end, (hit[0],), location=True)], j, g.end) \
                    if hit is not None and kind_of(reg, hit[0]) == "state" \
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
                      and kind_of(reg, g.parties[0].split("-")[0]) == "state"),
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
        if kind_of(reg, home) == "state":
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
        a = reg.party(home)
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
        modality = modality_of(lower, k, k, k_end)
        for p in group.parties:
            if p == speaker.party:
                continue
            found.append(Candidate(speaker.party, p, MUST_TRIGGER, k, k + 1, False, modality,
                                   speaker.agent, group.agent_of(p)))
        s.triggers = [TriggerHit(s_, e_, None if k < s_ < k_end else t_)
                      for s_, e_, t_ in s.triggers]
    live = places = None
    for ts, te, trig in s.triggers:
        if trig is None:
            continue
        if live is None:
            live, places = s.actors, s.places
        found.extend(Candidate(*c) for c in event_args(
            reg, ts, te, trig, s.triggers, live, places, s.mentions, s.words, lower, s.breaks,
            s.attr_span, speaker, state, s.sid, s.absorbed))
    targeted = {f.source for f in found if f.target}
    return [f for f in found if f.target or f.source not in targeted]

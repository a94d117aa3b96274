"""On whom: the target rules of an event, tried in order (first that applies wins).

Each rule takes the trigger's :class:`~graphkit.extract.arguments.Args` (its source
already found) and returns the target group, or None when it does not apply.
"""

from __future__ import annotations

from .engine import Example, Rule, Table
from .sentence import Group, Mention, kind_of, pick_entry
from .syntax import head_of, preposition_before, relative_subject
from .vocab import (
    ACT_NOUNS,
    AFTER_OBJECT,
    ANSWERS,
    CLAUSAL_OBJECT,
    DETERMINERS,
    HOSTILE,
    HOSTILE_ACTS,
    OBJECT_PREP_AGREE,
    OBJECT_PREP_ANY,
    OBJECT_PREP_TALK,
    ORGANISED,
    PLACE_REACH,
    POSSESSIVE_MARKS,
    PROPOSALS,
    SPEAKER_NOUNS,
    STOP_MODIFIER,
    TOPIC_HEADS,
    TOPIC_HEAD_ENDS,
    TO_NOUNS,
    VICTIM_PREPS,
)

__all__ = ["TARGET", "NO_TARGET", "owned_object"]

#: What a rule returns to settle that an event has no target (the rules after it
#: are not tried).
NO_TARGET = object()

#: Categories whose object is a partner, so that a hostile act or influence named
#: with a party's adjective or possessive is what they are about, not their object.
PARTNER_CATEGORIES = frozenset(("AGREE", "CONSULT", "COOPERATE", "AID"))


def _not(a, g):
    return g is not a.src


def _proposal_author(a):
    """"rejected a fresh offer from Afghanistan", "dismissed calls by Belarus's rulers"
    (the trigger may end in the proposal itself: "met the demands of Hamas")."""
    lower, te = a.lower, a.te
    for k in range(te - 1, min(a.c_end, a.next_trig + 1, te + 8, a.n - 2)):
        if lower[k] in PROPOSALS and lower[k + 1] in ("from", "by", "of"):
            j = k + 2 + (lower[k + 2] == "the")
            return next((g for g in a.live if g.start == j and _not(a, g)), None)
    return None


def _owner_of_a_judged_act(a):
    """"their condemnation of Russia's war against Ukraine", "praise of Japan's
    efforts": the one whose act is judged."""
    trig, lower, te, n = a.trig, a.lower, a.te, a.n
    if not (trig.pos == "noun" or len(trig.elements) > 1) \
            or not (te + 2 < n and lower[te] == "of"):
        return None
    j = te + 1 + (lower[te + 1] == "the")
    return next((g for g in a.live if g.start == j and _not(a, g)
                 and g.end < n and lower[g.end] in ("'s", "’s")), None)


def _doer_of_a_named_act(a):
    """"demanded the withdrawal of Serbian forces", "rejected the resignation of the
    prime minister": the doer of a demanded or welcomed act (before any later object:
    "an admission by Moscow that its forces murdered Polish officers" is asked of
    Moscow; a violent or hostile act's "of" names its victims: "the killing of")."""
    if a.talk_like:
        return None
    lower, words, te, n, triggers = a.lower, a.words, a.te, a.n, a.s.triggers
    k = te + (te < n and lower[te] in DETERMINERS)
    # (up to two modifiers: "an immediate and complete withdrawal of")
    for _ in range(3):
        if k + 1 < n and lower[k] not in ACT_NOUNS and lower[k + 1] not in (
                "of", "by") and words[k].islower() and words[k].isalpha() and (
                lower[k] == "and" or lower[k] not in STOP_MODIFIER) \
                and not any(s_ == k for s_, _, _t in triggers):
            k += 1
    if k + 2 < n and (lower[k] in ACT_NOUNS or any(
            s_ == k and t_ is not None and t_.category not in HOSTILE
            for s_, _, t_ in triggers)) \
            and lower[k + 1] in ("of", "by") and k < a.c_end:
        j = k + 2 + (lower[k + 2] == "the")
        return next((g for g in a.live if g.start in (k + 2, j) and _not(a, g)), None)
    return None


def _doer_by(a):
    """"condemned the attack by Israel on Gaza", "demonstrations against the violations
    by the Israeli military": the one accused or protested against is the doer (not who
    organised a protest, "a rally organised by the opposition", nor who a threat is
    "posed by"; a group or place may sit in between: "the killing of civilians in Gaza
    by Israeli forces")."""
    trig, lower, words, obj_from = a.trig, a.lower, a.words, a.obj_from
    reach = 7 if trig.category == "ACCUSE" else 10
    for k in range(obj_from, min(a.c_end, obj_from + reach, a.n - 1)):
        if lower[k] == "by" and k > obj_from and lower[k - 1] not in ORGANISED \
                and not (trig.category == "THREATEN" and lower[k - 1].endswith("ed")):
            j = k + 1 + (lower[k + 1] == "the")
            return next((g for g in a.live if g.start in (k + 1, j) and _not(a, g)), None)
        if not (lower[k].isalpha() and words[k].islower() or lower[k] == "-"
                or any(g.start <= k < g.end for g in (*a.live, *a.places))):
            break
    return None


def _withdrawn_from(a):
    """"withdrew its forces from Panama", "will withdraw inspectors and humanitarian
    workers from Iraq": the withdrawal is from that party, even where "workers from
    Iraq" was read as Iraq's people (the name is looked up again)."""
    if "from_target" not in a.trig.props:
        return None
    lower, words, te, reg = a.lower, a.words, a.te, a.reg
    k = next((k for k in range(te, min(a.c_end, a.next_trig + 1, te + 12, a.n - 1))
              if lower[k] == "from"), None)
    if k is None:
        return None
    j = k + 1 + (lower[k + 1] == "the")
    g = next((g for g in (*a.live, *a.places) if g.start <= j < g.end and _not(a, g)), None)
    if g is not None and g.start < k:
        hit = next((pick_entry(reg.surfaces[tuple(words[j:j + L])])
                    for L in range(min(5, g.end - j), 0, -1)
                    if tuple(words[j:j + L]) in reg.surfaces), None)
        g = Group([Mention(j, g.end, (hit[0],), location=True)], j, g.end) \
            if hit is not None and kind_of(reg, hit[0]) == "state" else None
    return g


def _victim_of_a_condemned_act(a):
    """"condemned the attacks on Israel", "denounced the killing of Kenyan
    civilians": with no doer named (no adjective before the act, no "by" after it:
    the rules before this one take those), the condemnation has no known target; the
    act's victim is not the one condemned."""
    lower, te, n = a.lower, a.te, a.n
    k = te + (te < n and lower[te] in DETERMINERS)
    while k < min(n, te + 4) and lower[k] not in HOSTILE_ACTS and lower[k].isalpha() \
            and a.words[k].islower():
        k += 1                          # "the latest deadly attacks on"
    if not (k + 1 < n and k < a.c_end and lower[k] in HOSTILE_ACTS
            and lower[k + 1] in VICTIM_PREPS):
        return None
    if any(te <= g.start < k for g in a.live):
        return None                     # "the Russian attack on Ukraine": a doer
    j = k + 2 + (k + 2 < n and lower[k + 2] == "the")
    victim = next((g for g in (*a.live, *a.places) if k + 2 <= g.start <= j + 1), None)
    return NO_TARGET if victim is not None else None


def _condition_of_a_threat(a):
    """"threatened to stop negotiations if the United States goes ahead", "... unless
    Israel rescinded": the threat is aimed at the one it sets a condition for."""
    lower, te, n = a.lower, a.te, a.n
    k = next((k for k in range(te, a.c_end if a.c_end > te else n)
              if lower[k] in ("if", "unless")), None)
    if k is None:
        k = next((k for k in range(te, n) if lower[k] in ("if", "unless")), None)
    if k is None:
        return None
    return next((g for g in a.live if k < g.start <= k + 3 and _not(a, g)), None)


def _place_attacked(a):
    """"its invasion of South Lebanon, ploughing through the UN lines": an attack's
    object may be a place (the first object, not a later party)."""
    if not a.places:
        return None
    first = min((g for g in (*a.live, *a.places)
                 if a.obj_from <= g.start < min(a.c_end, a.next_trig + 1) and _not(a, g)),
                key=lambda g: g.start, default=None)
    if first is not None and first in a.places and preposition_before(
            a.lower, first.start, a.obj_from) in ("of", "into", "on", "against"):
        return first
    return None


def _object(a):
    """The first group after the trigger (up to the next trigger, in its clause) that
    its preposition, or none, makes its object: "criticized Iran", "talks with Iran",
    "sanctions on Iran" (a talk's bare object is its topic: "discussed Syria")."""
    trig, live = a.trig, a.live
    for g in live:
        if a.ts < g.start < a.te <= g.end and _not(a, g):
            return g        # the pattern ended inside a role mention: "strengthened
            #                 its forces in Lebanon"
        if a.ts < g.start and g.end < a.te and _not(a, g) \
                and trig.elements[-1] is not None \
                and not trig.elements[-1].isdisjoint(AFTER_OBJECT):
            return g        # "forced the UN refugee agency out"
        if a.ts < g.start and g.end < a.te and _not(a, g) \
                and a.lower[g.end] in POSSESSIVE_MARKS and not (
                    a.src is not None and set(g.parties) <= set(a.src.parties)):
            return g        # the possessor inside the pattern: "declined Somalia's
            #                 request"
        if g.start < a.obj_from or g.start >= min(a.c_end, a.next_trig + 1) or not _not(a, g):
            continue
        if _not_an_object(a, g):
            continue
        prep = preposition_before(a.lower, g.start, a.obj_from)
        if not _takes_object(a, g, prep):
            continue
        if prep == "to" and trig.category == "ACCUSE":
            # "complained to the UN over Israeli raids": the UN hears the complaint,
            # the one complained about is its target
            about = next((h for h in live if g.end < h.start < min(
                a.c_end, a.next_trig + 1) and _not(a, h) and preposition_before(
                a.lower, h.start, g.end) in ("over", "about", "against")), None)
            if about is not None:
                return about
        return g
    return None


def _not_an_object(a, g) -> bool:
    """Groups after the trigger that are no object of it: sales "to" a party under
    investigation ("an investigation of illegal arms sales to Croatia"), what an
    inquiry is "into" far on, whom a spokesperson speaks for, and the subject of a
    relative clause ("the actions that Nicaragua is taking")."""
    lower, te = a.lower, a.te
    if "inquiry" in a.trig.props and preposition_before(lower, g.start, a.obj_from) == "to" \
            and any(lower[k] in TO_NOUNS for k in range(te, g.start)):
        return True
    if "inquiry" in a.trig.props and lower[te - 1] == "into" and g.start > te + 4:
        return True
    j = g.start - 1 - (g.start > 1 and lower[g.start - 1] == "the")
    if j > 0 and lower[j] in ("for", "of") and lower[j - 1] in SPEAKER_NOUNS:
        return True
    if a.trig.category in PARTNER_CATEGORIES and _modifies_a_topic(a.words, lower, g):
        return True
    return relative_subject(a.words, lower, g.start)


def _modifies_a_topic(words, lower, g) -> bool:
    """Whether ``g`` is the adjective or possessive of a hostile act or influence:
    "Chinese influence", "Russia's war" (what cooperation is about, not a partner;
    not a name, "the War Cabinet", nor a noun modifying another, "Ukrainian war
    refugees")."""
    n = len(lower)
    k = g.end + (g.end < n and lower[g.end] in ("'s", "’s"))
    for _ in range(4):      # (past modifiers: "Russia's unprovoked and brutal war")
        if k < n and lower[k] not in TOPIC_HEADS and (lower[k] in ("and", ",") or (
                words[k].isalpha() and words[k].islower() and lower[k] not in TOPIC_HEAD_ENDS
                and lower[k] not in ("the", "a", "an"))):
            k += 1
    return k < n and lower[k] in TOPIC_HEADS and words[k].islower() and (
        k + 1 == n or not words[k + 1].isalpha() or not words[k + 1].islower()
        or lower[k + 1] in TOPIC_HEAD_ENDS)



def _takes_object(a, g, prep) -> bool:
    """Whether the preposition ``prep`` before ``g`` (None: nothing, "other": another
    word) makes ``g`` the trigger's object."""
    trig, lower, te, n = a.trig, a.lower, a.te, a.n
    if prep is None:
        if a.talk_like and "direct_object" not in trig.props:
            return False
        return "topic_object" not in trig.props
    if prep == "other" and trig.category in CLAUSAL_OBJECT:
        return True
    if prep == "of" and trig.pos == "verb" and head_of(lower, g.start, a.obj_from) and not (
            g.end < n and lower[g.end] in ("'s", "’s")):
        return True     # "expelled inspectors of the IAEA": whose inspectors
    if prep == "of" and trig.category in ("ASSAULT", "COERCE") \
            and owned_object(a.words, lower, a.obj_from, g.start) and not any(
                lower[x] in ("'s", "’s") for x in range(g.start, min(n, g.end + 1))):
        return True     # "hacked into the computers of South Korean officers"
    if prep == "of" and te < n and lower[te] == "of" and trig.category in (
            "ASSAULT", "COERCE", "SANCTION") and (trig.pos == "noun" or len(trig.elements) > 1):
        return True     # "mounted an invasion of Lebanon", "the blockade of Serbia"
    preps = (OBJECT_PREP_TALK if trig.category == "CONSULT" else OBJECT_PREP_AGREE) \
        if a.talk_like else OBJECT_PREP_ANY
    # (a preposition the trigger's own pattern ends in, "speak ~ to", takes its object
    # whatever the category's usual ones are; so does one an absorbed trigger takes
    # right after it: "an invitation from Afghanistan")
    return prep in preps or prep in trig.object_preps \
        or (prep == lower[te - 1] and trig.elements[-1] == {prep}) \
        or any(te <= s_ < g.start <= s_ + 7 and prep in t_.object_preps
               for s_, t_ in a.s.absorbed.items())


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


def _venue(a):
    """With no other party, the place where it happens ("aid to refugees in Liberia");
    a city further away is more often a venue ("a climate agreement in Paris"), where
    one meets or agrees is the venue, not the other side, and the scene of a condemned
    attack is no target ("condemned these attacks against towns across Israel")."""
    src, trig, lower, te = a.src, a.trig, a.lower, a.te
    if src is None or not ("venue" in trig.props or (
            len(src.parties) == 1 and not a.passive and trig.category != "CONSULT")):
        return None
    domestic = a.domestic
    return next((g for g in a.places
                 if te <= g.start < min(a.c_end, te + PLACE_REACH)
                 and (g.start < te + 10 or all(m.form != "capital" for m in g.mentions))
                 and (src.parties[0] not in g.parties or domestic)
                 and not (trig.category == "ACCUSE" and any(
                     lower[k] in HOSTILE_ACTS for k in range(te, g.start))
                     and preposition_before(lower, g.start, te) in VICTIM_PREPS)), None)


def _indirect_object(a):
    """"Finland will give Tanzania a grant": an indirect object before the trigger."""
    if a.src is None or a.talk_like:
        return None
    return next((g for g in a.cands if _not(a, g) and g.start > a.src.end), None)


TARGET = Table("target", [
    Rule("target.author_of_an_answered_proposal", "arguments",
         "an answer to a proposal is aimed at its author ('rejected an offer from X')",
         _proposal_author, categories=ANSWERS,
         voice="active",
         examples=(Example("Ukraine rejected the proposal from Belarus.", "UKR>BLR:REJECT"),)),
    Rule("target.owner_of_a_judged_act", "arguments",
         "condemning or praising X's act is aimed at X ('condemnation of X's war')",
         _owner_of_a_judged_act, categories={"ACCUSE", "PROTEST", "REJECT", "SUPPORT"},
         voice="active",
         examples=(Example("Canada voiced its condemnation of Iran's missile tests.",
                           "CAN>IRN:ACCUSE"),)),
    Rule("target.doer_of_a_named_act", "arguments",
         "a demanded or welcomed act's doer is named after 'of' or 'by' ('demanded the "
         "withdrawal of Syrian forces')", _doer_of_a_named_act,
         voice="active",
         examples=(Example("Lebanon demanded the withdrawal of Syrian forces.",
                           "LBN>SYR:REQUEST"),)),
    Rule("target.doer_named_by", "arguments",
         "an accused or protested act's doer follows 'by' ('condemned the raid by X')",
         _doer_by, categories={"ACCUSE", "PROTEST", "THREATEN"},
         voice="active",
         examples=(Example("Egypt condemned the killing of civilians by Israeli troops.",
                           "EGY>ISR:ACCUSE"),)),
    Rule("target.withdrawn_from", "arguments",
         "a withdrawal is from the party after 'from'", _withdrawn_from,
         voice="active",
         examples=(Example("Vietnam withdrew its workers from Cambodia.",
                           "VNM>KHM:RETREAT; !VNM>KHM-CVL:RETREAT"),)),
    Rule("target.victim_of_a_condemned_act", "arguments",
         "a condemned act with no doer named has no known target: its victim is not "
         "the one condemned ('condemned the attacks on X')", _victim_of_a_condemned_act,
         categories={"ACCUSE", "PROTEST"}, voice="active",
         examples=(Example("Peru condemned the attacks on Kenya.", "PER>:ACCUSE; !PER>KEN:ACCUSE"),
                   Example("Peru denounced the airstrikes on Kenya.",
                           "PER>:ACCUSE; !PER>KEN:ACCUSE")),
         counter=(Example("Peru condemned the Chilean attack on Bolivia.",
                          "PER>CHL:ACCUSE"),
                  Example("Peru condemned the attack on Bolivia by Chilean troops.",
                          "PER>CHL:ACCUSE"))),
    Rule("target.condition_of_a_threat", "arguments",
         "a threat is aimed at the one it sets a condition for ('... if X goes ahead')",
         _condition_of_a_threat, categories={"THREATEN"},
         voice="active",
         examples=(Example("Turkey threatened to halt talks if Greece continues drilling.",
                           "TUR>GRC:THREATEN"),)),
    Rule("target.place_attacked", "arguments",
         "an attack's first object may be a place ('an invasion of the Golan Heights')",
         _place_attacked, categories={"ASSAULT", "COERCE"},
         voice="active",
         examples=(Example("Ethiopia and Eritrea began their invasion of Tigray.",
                           "ETH>ETH:ASSAULT; ERI>ETH:ASSAULT"),)),
    Rule("target.object", "arguments",
         "the first group after the trigger that its preposition (or none) makes its "
         "object", _object,
         voice="active",
         examples=(Example("Kenya accused Somalia of harbouring militants.", "KEN>SOM:ACCUSE"),
                   Example("Kenya held talks with Somalia.", "KEN>SOM:CONSULT"),
                   Example("Kenya held Somalia responsible for the raid.", "KEN>SOM:ACCUSE"),
                   Example("Kenya declined Somalia's request for troops.", "KEN>SOM:REJECT")),
         counter=(Example("Kenya and Uganda discussed Somalia.",
                          "KEN>UGA:CONSULT; !KEN>SOM:CONSULT"),
                  Example("Chile and Peru agreed to counter Bolivian influence.",
                          "CHL>PER:AGREE; !CHL>BOL:AGREE"),
                  Example("Chile sent aid to Peru to resist Bolivia's aggression.",
                          "CHL>PER:AID; !CHL>BOL:AID"),
                  Example("Chile sent aid to Peruvian war refugees.", "CHL>PER:AID"))),
    Rule("target.venue", "arguments",
         "with no other party, the place where it happens is the target ('aid to refugees "
         "in Liberia')", _venue,
         examples=(Example("Japan delivered food aid in Liberia.", "JPN>LBR:AID"),),
         counter=(Example("Ghana and Kenya signed a trade agreement in Paris.",
                          "!GHA>FRA:AGREE"),)),
    Rule("target.indirect_object", "arguments",
         "an indirect object before the trigger is its target ('gave Tanzania a grant')",
         _indirect_object,
         voice="active",
         examples=(Example("Finland will give Tanzania a grant.", "FIN>TZA:AGREE"),)),
])

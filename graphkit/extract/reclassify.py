"""Reclassification: an event's category rewritten by what surrounds its trigger.

:data:`REWRITES` is applied to every candidate event, rule after rule; a rule that
fires gives the trigger read as another category and mode (``Trigger.recast``).
Two rewrites need the argument stage's view and live in ``arguments.py``: a
hostile act promised on a condition (a threat) and peacekeepers arriving (aid).
"""

from __future__ import annotations

from .engine import Example, Rule, Table
from .modality import refusal
from .vocab import (
    ABSTRACT_NOUN_ENDINGS,
    COOPERATIVE,
    DETERMINERS,
    GAP_POSSESSIVES,
    INTENT_CATEGORIES,
    INTENT_NOUNS,
    MORE,
    MORE_OF,
    OBLIGATION,
    WISHES,
)

__all__ = ["REWRITES", "reclassify", "welcomed_to_a_place"]


def reclassify(s, cand):
    """The trigger, negation and modality of candidate ``cand`` after every rewrite of
    :data:`REWRITES` that fires, in order. A rewrite to the speech act that announces
    an act (a promise, a threat, a refusal) makes the event that act, asserted."""
    trig, negated, modality = cand.trigger, cand.negated, cand.modality
    for rule in REWRITES.rules_for(None):
        if rule.categories is not None and trig.category not in rule.categories:
            continue
        new = rule.fn(s, cand, trig, negated, modality)
        if new is not None:
            trig, negated, modality = new
    return trig, negated, modality


def welcomed_to_a_place(lower, te, mentions) -> bool:
    """Whether "to" + a place ("the White House", a capital, a country) follows the
    welcomed guest (within 12 tokens of the trigger ending at ``te``)."""
    for k in range(te, min(len(lower) - 1, te + 12)):
        if lower[k] in (".", ";", "and", "'s", "’s"):
            return False    # (a possessed noun is no guest: "welcomed Finland's accession to")
        if lower[k] == "to":
            k += 1 + (lower[k + 1] == "the")
            return lower[k:k + 2] == ["white", "house"] or any(
                m.start == k and m.kind == "party" and m.form in ("capital", "name")
                for m in mentions)
    return False


def _refusal(s, c, t, negated, modality):
    if negated and refusal(s.lower, c.start):
        return t.recast("REJECT", "reject"), False, "asserted"
    return None


def _hosting(s, c, t, negated, modality):
    if "host_to_place" in t.props and c.target and welcomed_to_a_place(s.lower, c.end,
                                                                       s.mentions):
        return t.recast("CONSULT", "host"), negated, modality
    return None


def _sanction_at_home(s, c, t, negated, modality):
    if c.target and c.source.split("-")[0] == c.target.split("-")[0]:
        return t.recast("COERCE", "repress"), negated, modality
    return None


def _more_cooperation_wished(s, c, t, negated, modality):
    lower, ts = s.lower, c.start
    if t.pos == "noun" and not negated and (any(
            w in MORE_OF for w in lower[max(0, ts - 3):ts]) or (any(
            w in MORE for w in lower[max(0, ts - 3):ts]) and any(
            w in WISHES for w in lower[max(0, ts - 7):ts]))):
        return t.recast("AGREE", "intent"), negated, "asserted"
    return None


def _conditional_withdrawal_threat(s, c, t, negated, modality):
    if modality == "future" and not negated and "unless" in s.lower[c.end:]:
        return t.recast("THREATEN", "threaten"), negated, "asserted"
    return None


def _announced_intent(s, c, t, negated, modality):
    if (t.category in INTENT_CATEGORIES or "announced_is_intent" in t.props) \
            and modality in ("future", "desired") and not negated \
            and "announced_is_act" not in t.props and _own_intent(s, c):
        return t.recast("AGREE", "intent"), negated, "asserted"
    return None


def _commitment_to_act(s, c, t, negated, modality):
    lower, words, te = s.lower, s.words, c.end
    if not (lower[te - 1] in INTENT_NOUNS and te + 1 < len(lower) and lower[te] == "to"):
        return None
    w = lower[te + 1]
    if not words[te + 1].isalpha() or not words[te + 1].islower() or w in DETERMINERS \
            or w in GAP_POSSESSIVES or w.endswith(ABSTRACT_NOUN_ENDINGS) \
            or any(m.start == te + 1 for m in s.mentions):
        return None
    return t.recast("AGREE", "intent"), negated, "asserted"


def _own_intent(s, c) -> bool:
    """Whether the source states its own intent ("will provide", "hopes to work with"),
    not one asked of it ("should withdraw", "urged X to cooperate")."""
    window = s.lower[max(0, c.start - 8):c.start]
    return OBLIGATION.isdisjoint(window[-6:]) and not any(
        w in ("urged", "urge", "urges", "called", "calls", "asked", "asks", "encouraged",
              "encourages", "invited", "pressed", "pushed") for w in window)


def _announced_hostility(s, c, t, negated, modality):
    if (t.category in ("ASSAULT", "COERCE", "SANCTION") or "announced_is_threat" in t.props) \
            and modality == "future" and not negated:
        return t.recast("THREATEN", "threaten"), negated, "asserted"
    return None


REWRITES = Table("rewrites", [
    Rule("rewrite.refusal_is_rejection", "reclassify",
         "a cooperative act refused ('will not accept', 'would not meet') is a REJECT; a "
         "failed outcome ('did not achieve progress') stays negated", _refusal,
         categories=COOPERATIVE,
         examples=(Example("Chile said it will not accept Bolivia's proposal.",
                           "CHL>BOL:REJECT"),),
         counter=(Example("Chile and Peru did not reach an agreement.",
                          "CHL>PER:AGREE~; PER>CHL:AGREE~"),)),
    Rule("rewrite.welcomed_to_a_place_is_hosting", "reclassify",
         "welcoming a guest to a place is hosting them (a meeting)", _hosting,
         examples=(Example("President Biden welcomed Prime Minister Kishida of Japan to the "
                           "White House.", "USA>JPN:CONSULT", date="2023-01-13"),),
         counter=(Example("Germany welcomed Norway's decision.", "DEU>NOR:SUPPORT"),
                  Example("Germany welcomed Norway's accession to NATO.",
                          "DEU>NOR:SUPPORT; !DEU>NOR:CONSULT"))),
    Rule("rewrite.sanction_at_home_is_repression", "reclassify",
         "a sanction on the source's own people or groups is repression (CAMEO 17)",
         _sanction_at_home, categories={"SANCTION"},
         examples=(Example("Egypt froze the assets of Egyptian activists.",
                           "EGY>EGY-CVL:COERCE"),),
         counter=(Example("Canada imposed sanctions on Iran.", "CAN>IRN:SANCTION"),)),
    Rule("rewrite.more_cooperation_wished_is_intent", "reclassify",
         "more cooperation wished for ('deepen cooperation', 'a desire for closer "
         "cooperation') is an intent (AGREE), not cooperation done", _more_cooperation_wished,
         categories={"COOPERATE"},
         examples=(Example("Ghana focused on strengthening cooperation with Togo.",
                           "GHA>TGO:AGREE; !GHA>TGO:COOPERATE"),),
         counter=(Example("Ghana and Togo expanded their cooperation on border security.",
                          "GHA>TGO:COOPERATE"),)),
    Rule("rewrite.commitment_to_act_is_intent", "reclassify",
         "a commitment to do something ('reaffirmed their commitment to work together') "
         "is an intent (AGREE); a commitment to a party or a cause is support",
         _commitment_to_act, categories={"SUPPORT"},
         examples=(Example("Ghana and Togo reaffirmed their commitment to work together.",
                           "GHA>TGO:AGREE@asserted; !GHA>TGO:SUPPORT"),),
         counter=(Example("Ghana reaffirmed its commitment to Togo's security.",
                          "GHA>TGO:SUPPORT"),)),
    Rule("rewrite.conditional_act_is_threat", "reclassify",
         "an act against the other side announced 'unless' it complies is a threat "
         "(CAMEO 13)", _conditional_withdrawal_threat,
         categories={"RETREAT", "ASSAULT", "COERCE", "SANCTION"},
         examples=(Example("France will withdraw its troops from Mali unless the junta "
                           "holds elections.", "FRA>MLI:THREATEN"),)),
    Rule("rewrite.announced_cooperation_is_intent", "reclassify",
         "cooperation, aid or a visit the source announces or hopes for is its expressed "
         "intent (AGREE), a statement made now (asserted)",
         _announced_intent,
         examples=(Example("Norway will provide aid to Sudan.", "NOR>SDN:AGREE@asserted"),
                   Example("Norway hopes to work with Sudan.", "NOR>SDN:AGREE@asserted")),
         counter=(Example("Norway provided aid to Sudan.", "NOR>SDN:AID"),)),
    Rule("rewrite.announced_hostility_is_threat", "reclassify",
         "a hostile act announced for later ('will impose sanctions') is a threat, made "
         "now (asserted)",
         _announced_hostility,
         examples=(Example("Australia will impose sanctions on Myanmar.",
                           "AUS>MMR:THREATEN@asserted"),),
         counter=(Example("Australia imposed sanctions on Myanmar.", "AUS>MMR:SANCTION"),)),
])

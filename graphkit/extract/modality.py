"""Factuality of an event: negation and modality (graphkit.model.MODALITIES).

:data:`FACTUALITY` reads the cues around a trigger in its clause, the first rule that
applies giving the modality: a question, a failure, a condition, a performative ("I
would like to thank": asserted), an upcoming event, a desire (called for, hoped, urged,
owed: what a wish governs is desired even when it says "will"), a future, a
hypothetical consequence, a possibility, or a plan. An event with none of them is
asserted, or negated when a negator governs it (:func:`is_negated`).
"""

from __future__ import annotations

from .engine import Example, Rule, Table
from .lexicon import PAST_FORMS
from .sentence import inside
from .vocab import (
    BE,
    DESIRE_CUES,
    DESIRE_OF_HEADS,
    DESIRE_PAIR_HEADS,
    FAILURE_AFTER,
    FAILURE_BEFORE,
    FAILURE_STATES,
    FUTURE,
    FUTURE_VERBS,
    INTENT_NOUNS,
    NEGATORS,
    NOT_PERFORMED,
    OBLIGATION,
    PERFORMATIVE,
    POSSIBLE,
    REFUSING,
    REPORT_VERBS,
    UPCOMING,
)

__all__ = ["FACTUALITY", "modality_of", "is_negated", "refusal", "says_later",
           "is_conditional", "has_phrase"]


def modality_of(lower, ts, te, c_start, c_end) -> str:
    """The modality of the trigger at ``ts`` in the clause ``c_start:c_end``: a value of
    ``graphkit.model.MODALITIES`` other than asserted and negated, or "" when no cue says
    otherwise (asserted)."""
    return FACTUALITY.first(lower, ts, te, c_start, c_end) or ""


def refusal(lower, ts) -> bool:
    """Whether a volitional negation ("will not", "won't", "would never") comes
    just before the trigger at ``ts``."""
    window = lower[max(0, ts - 4):ts]
    return any(w in REFUSING and nxt in ("not", "n't", "never")
               for w, nxt in zip(window, window[1:]))


def is_negated(lower, ts, te, c_start, mentions):
    """Whether a negator governs the trigger: one of the four words before it in its
    clause (not past a mention), or "not" in a passive after it ("breakthroughs ...
    should not be expected")."""
    lo = max(c_start, ts - 4)
    # (the walk back can only return True if a negator is in its window)
    if not NEGATORS.isdisjoint(lower[lo:ts]):
        for k in range(ts - 1, lo - 1, -1):
            if inside(k, mentions):
                break
            if lower[k] in NEGATORS:
                return True
    tail = lower[te:te + 8]
    if "not" not in tail and "n't" not in tail:
        return False
    for k, w in enumerate(tail):
        if w in ("not", "n't") and any(x in ("expected", "achieved", "reached", "possible",
                                              "likely", "made", "held", "planned")
                                       for x in tail[k + 1:k + 3]):
            return True
        if w in (",", ";", "and", "but"):
            break
    return False


def reported_would(lower, ts):
    """Whether the last "would" before ``ts`` follows a report verb ("Iran said it
    would ...", "announced that they would ...")."""
    k = max(i for i in range(max(0, ts - 6), ts) if lower[i] == "would")
    return any(w in REPORT_VERBS for w in lower[max(0, k - 4):k])


def says_later(words):
    """Whether a time phrase says "later": "later this week", "next month",
    "tomorrow"."""
    if "tomorrow" in words:
        return True         # "will travel to Kentucky tomorrow to meet"
    for k, w in enumerate(words[:-1]):
        if w == "later" and words[k + 1] in ("this", "today", "in"):
            return True
        if w == "next" and words[k + 1] in ("week", "month", "year", "weekend", "spring",
                                            "summer", "autumn", "fall", "winter"):
            return True
    return False


def is_conditional(clause):
    """Whether a clause states a condition: "if", "unless", "provided that" (not
    "Allies are providing support")."""
    if "if" in clause or "unless" in clause:
        return True
    return ("provided" in clause or "providing" in clause) and (
        has_phrase(clause, ("provided", "that")) or has_phrase(clause, ("providing", "that")))


def has_phrase(seq, phrase):
    L = len(phrase)
    return any(tuple(seq[i:i + L]) == phrase for i in range(len(seq) - L + 1))


# -- the cues, in the order they win ------------------------------------------------------

def _question(lower, ts, te, c_start, c_end):
    # the sentence asks: it ends with "?" after the trigger, or the trigger is in a
    # "whether" clause ("asked whether Iran would meet ...")
    if "?" in lower[ts:] or "whether" in lower[c_start:ts]:
        return "question"
    return None


def _failure(lower, ts, te, c_start, c_end):
    # "failed to reach an agreement", "the failure of the talks", "unable to agree";
    # "the talks between X and Y collapsed", "... broke down"
    if not FAILURE_BEFORE.isdisjoint(lower[max(c_start, ts - 6):ts]):
        return "failed"
    tail = lower[ts + 1:min(c_end, ts + 9)]
    for k, w in enumerate(tail):
        if w in FAILURE_AFTER or (w in ("broke", "fell") and k + 1 < len(tail)
                                  and tail[k + 1] in ("down", "through", "apart", "off")):
            return "failed"
        if w in FAILURE_STATES and k >= 2 and tail[k - 1] in ("a", "an") \
                and tail[k - 2] in ("at", "reached", "hit"):
            return "failed"     # "remain at a standstill", "reached an impasse"
        if w in (",", ";", "but", "that", "which", "while") or (
                w == "and" and k + 1 < len(tail) and tail[k + 1] in ("the", "a", "an")):
            break
    return None


def _condition(lower, ts, te, c_start, c_end):
    clause = lower[c_start:c_end]
    if is_conditional(clause) or ("condition" in clause
                                  and has_phrase(clause, ("on", "condition"))):
        return "conditional"
    # "peace can come only through negotiations between X and Y": a means, not a fact
    before = lower[max(c_start, ts - 5):ts]
    if any(w == "only" and nxt in ("through", "by", "via", "with")
           for w, nxt in zip(before, before[1:])):
        return "conditional"
    # "Peace will only come when X and Y talk", "until Iran complies", "once Russia
    # withdraws": a when/until/once clause with no past verb, after a main clause
    # about what is to come
    opener = lower[c_start] if c_start < len(lower) else ""
    if c_start > 0 and (opener in ("until", "once") or (
            opener in ("when", "whenever") and (
                lower[c_start - 1] == "only" or not FUTURE.isdisjoint(lower[:c_start])
                or not POSSIBLE.isdisjoint(lower[:c_start])))) \
            and not any(w in PAST_FORMS or (w.endswith("ed") and w != "need")
                        for w in lower[c_start + 1:ts + 1]):
        return "conditional"
    return None


def _performative(lower, ts, te, c_start, c_end):
    # "I would like to thank", "allow me to congratulate", "I take this opportunity to
    # express": saying so is the act itself, now
    if ts >= 2 and lower[ts - 1] == "to" and lower[ts - 2] in PERFORMATIVE \
            and lower[ts] not in NOT_PERFORMED:
        return "asserted"
    return None


def _upcoming(lower, ts, te, c_start, c_end):
    if ts >= 1 and any(w in UPCOMING for w in lower[max(c_start, ts - 2):ts]):
        return "future"     # "the upcoming meeting", "next week's summit"
    return None


def _modal(lower, ts, te, c_start, c_end):
    window = lower[max(c_start, ts - 6):ts]
    if not FUTURE.isdisjoint(window):
        return "future"
    if "would" in window:
        # "said they would release": the future of reported speech; else a
        # consequence imagined ("Chile would attack Peru")
        return "future" if reported_would(lower, ts) else "hypothetical"
    if not POSSIBLE.isdisjoint(window):
        return "possible"
    # an act named as the subject of a modal verb: "a war between X and Y would destroy
    # the region", "talks between X and Y will resume"
    for w in lower[te:min(c_end, te + 8)]:
        if w == "would":
            return "hypothetical"
        if w in FUTURE:
            return "future"
        if w in POSSIBLE:
            return "possible"
        if w in BE or w in ("has", "have", "had", "that", "which", "who", ",", ";") \
                or w.endswith("ed"):
            break
    return None


def _desired(lower, ts, te, c_start, c_end):
    # (a wish governs what follows it in its clause, up to a new verb coordinated with
    # it: "hope that X and Y will resume and advance the talks", not "called for calm
    # and met Y")
    lo = max(c_start, ts - 20)
    for k in range(ts - 1, lo - 1, -1):
        w = lower[k]
        if w in ("and", "but") and (lower[k + 1] in PAST_FORMS or (
                lower[k + 1].endswith("ed") and lower[k + 1] != "need")):
            break
        if w in DESIRE_CUES or (w in OBLIGATION and ts - k <= 6) or (
                w in DESIRE_PAIR_HEADS and k + 1 < ts and lower[k + 1] in ("for", "on")) or (
                w in DESIRE_OF_HEADS and k + 1 < ts and lower[k + 1] == "of") or (
                w == "would" and lower[k + 1] in ("like", "love", "prefer")):
            return "desired"
    return None


def _planned(lower, ts, te, c_start, c_end):
    window = lower[max(c_start, ts - 6):ts]
    if (not FUTURE_VERBS.isdisjoint(window) or not INTENT_NOUNS.isdisjoint(window)) \
            and "to" in window:
        return "future"     # "plans to visit", "his readiness to hold talks"
    if ts > 1 and lower[ts - 1] == "to" and (
            lower[ts - 2] in ("is", "are", "was", "were") or lower[ts - 2] in INTENT_NOUNS
            or not any(w in BE or w.endswith("ed") for w in lower[c_start:ts - 1])):
        # "is to visit", "his commitment to delivering", headline style "Lavrov, Kerry to
        # talk Syria"
        return "future"
    return None


FACTUALITY = Table("factuality", [
    Rule("factuality.question", "modality", "a question states no fact", _question,
         examples=(Example("Why does Iran not recognize Israel?", "IRN>ISR:SUPPORT@question~"),
                   Example("Will Chile meet Peru?", "CHL>PER:CONSULT@question")),
         counter=(Example("Chile met Peru.", "CHL>PER:CONSULT@asserted"),)),
    Rule("factuality.failure", "modality",
         "an act that failed or collapsed did not happen as such ('failed to reach an "
         "agreement', 'the talks collapsed')", _failure,
         examples=(Example("Chile failed to reach an agreement with Peru.",
                           "CHL>PER:AGREE@failed"),
                   Example("The talks between Chile and Peru collapsed.",
                           "CHL>PER:CONSULT@failed"),
                   Example("Negotiations between Chile and Peru remain at a standstill.",
                           "CHL>PER:CONSULT@failed"),
                   Example("The talks between Chile and Peru have reached an impasse.",
                           "CHL>PER:CONSULT@failed"))),
    Rule("factuality.condition", "modality",
         "an act in an if, unless, until, once or 'only when' clause depends on a condition",
         _condition,
         examples=(Example("Peace will come only when Israel and Syria negotiate.",
                           "ISR>SYR:CONSULT@conditional; !ISR>SYR:CONSULT@asserted"),
                   Example("Chad will protest if Sudan attacks Chad.",
                           "SDN>TCD:ASSAULT@conditional"),
                   Example("Peace can come only through talks between Chad and Sudan.",
                           "TCD>SDN:CONSULT@conditional")),
         counter=(Example("When Biden met Putin in Geneva, they discussed Syria.",
                          "USA>RUS:CONSULT@asserted", date="2021-06-16"),)),
    Rule("factuality.performative", "modality",
         "'I would like to thank X' thanks X now", _performative,
         examples=(Example("Kenya would like to thank Japan for its support.",
                           "KEN>JPN:SUPPORT@asserted"),)),
    Rule("factuality.upcoming", "modality", "'the upcoming summit' is still to come",
         _upcoming,
         examples=(Example("Chile and Peru prepared the upcoming summit.",
                           "CHL>PER:CONSULT@future"),)),
    Rule("factuality.desire", "modality",
         "an act called for, hoped, urged, wished or owed ('should withdraw', 'efforts to "
         "bring X and Y together') is desired, not done", _desired,
         examples=(Example("Norway wants talks between Ethiopia and Eritrea.",
                           "ETH>ERI:CONSULT@desired"),
                   Example("Chile should withdraw its troops from Peru.",
                           "CHL>PER:RETREAT@desired"),
                   Example("Norway hopes that Ethiopia and Eritrea will meet soon.",
                           "ETH>ERI:CONSULT@desired"),
                   Example("Norway stressed the importance of talks between Ethiopia and "
                           "Eritrea.", "ETH>ERI:CONSULT@desired")),
         counter=(Example("Norway called for calm and met Ethiopia.",
                          "NOR>ETH:CONSULT@asserted"),)),
    Rule("factuality.modal", "modality",
         "will and shall: future; would: reported future, else hypothetical; could, may, "
         "might: possible", _modal,
         examples=(Example("Chile will meet Peru.", "CHL>PER:CONSULT@future"),
                   Example("Talks between Chile and Peru would help the region.",
                           "CHL>PER:CONSULT@hypothetical"),
                   Example("Chile could attack Peru.", "CHL>PER:ASSAULT@possible"))),
    Rule("factuality.plan", "modality",
         "a planned, intended or scheduled act is future ('plans to visit', 'is to meet')",
         _planned,
         examples=(Example("Chile plans to meet Peru.", "CHL>PER:CONSULT@future"),
                   Example("Chile is to meet Peru.", "CHL>PER:CONSULT@future"))),
])

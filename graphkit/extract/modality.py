"""Factuality of an event: negation and modality (future, possible, conditional ...)."""

from __future__ import annotations

from .sentence import inside
from .vocab import (
    BE,
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


def refusal(lower, ts) -> bool:
    """Whether a volitional negation ("will not", "won't", "would never") comes
    just before the trigger at ``ts``."""
    window = lower[max(0, ts - 4):ts]
    return any(w in REFUSING and nxt in ("not", "n't", "never")
               for w, nxt in zip(window, window[1:]))


def is_negated(lower, ts, te, c_start, mentions):
    lo = max(c_start, ts - 4)
    # (the walk back can only return True if a negator is in its window)
    if not NEGATORS.isdisjoint(lower[lo:ts]):
        for k in range(ts - 1, lo - 1, -1):
            if inside(k, mentions):
                break
            if lower[k] in NEGATORS:
                return True
    # "breakthroughs ... should not be expected"
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


def modality_of(lower, ts, c_start, c_end):
    window = lower[max(c_start, ts - 6):ts]
    clause = lower[c_start:c_end]
    mode = ""
    if ts >= 1 and any(w in UPCOMING for w in lower[max(c_start, ts - 2):ts]):
        return "future"     # "the upcoming meeting", "next week's summit"
    if ts >= 2 and lower[ts - 1] == "to" and lower[ts - 2] in PERFORMATIVE \
            and lower[ts] not in NOT_PERFORMED:
        # "I would like to thank", "allow me to congratulate", "I take this opportunity
        # to express": saying so is the act itself, now
        return "conditional" if is_conditional(clause) else ""
    if not FUTURE.isdisjoint(window):
        mode = "future"
    elif "would" in window and reported_would(lower, ts):
        mode = "future"     # "said they would release": the future of reported speech
    elif not POSSIBLE.isdisjoint(window):
        mode = "possible"
    elif not OBLIGATION.isdisjoint(window):
        mode = "obligation"
    elif not FUTURE_VERBS.isdisjoint(window) and "to" in window:
        mode = "future"
    elif ts > 0 and lower[ts - 1] == "to" and ts >= 2 and lower[ts - 2] in ("is", "are", "was",
                                                                          "were"):
        mode = "future"
    elif ts > 1 and lower[ts - 1] == "to" and not any(w in BE or w.endswith("ed")
                                                      for w in lower[c_start:ts - 1]):
        mode = "future"   # headline style: "Lavrov, Kerry to talk Syria"
    elif ts > 1 and lower[ts - 1] == "to" and lower[ts - 2] in INTENT_NOUNS:
        mode = "future"   # "his commitment to delivering assistance", "the intent to provide"
    if is_conditional(clause) or (
            "condition" in clause and has_phrase(clause, ("on", "condition"))):
        mode = "conditional"
    return mode


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

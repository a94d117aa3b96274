"""Attribution: who says a sentence ("..., Lavrov said", "According to X") and the obligations
reported speech puts on others."""

from __future__ import annotations

from .vocab import MONTHS, TIME_ADVERBS, WEEKDAYS


def skip_time(lower, j):
    """First index at or after ``j`` past time adverbials ("today", "on Tuesday", "last
    week", "on March 3")."""
    n = len(lower)
    while j < n:
        w = lower[j]
        if w in TIME_ADVERBS or w in WEEKDAYS:
            j += 1
        elif w == "on" and j + 1 < n and (lower[j + 1] in WEEKDAYS or lower[j + 1] in MONTHS
                                           or lower[j + 1].isdigit()):
            j += 2
            while j < n and (lower[j].isdigit() or lower[j] in MONTHS):
                j += 1
        elif w in ("last", "this", "next") and j + 1 < n and lower[j + 1] in (
                "week", "month", "year", "night", "weekend", "morning", "evening"):
            j += 2
        else:
            return j
    return j


def attr_end(lower, i):
    """End of an attribution tail: the report verb plus ', X reports' etc. stops at ','."""
    n = len(lower)
    j = i
    while j < n and lower[j] not in (",", ".", '"', "”"):
        j += 1
    return j if j > i else i

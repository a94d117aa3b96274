"""Reclassification: an event's category rewritten by what surrounds its trigger."""

from __future__ import annotations


def welcomed_to_a_place(lower, te, mentions) -> bool:
    """Whether "to" + a place ("the White House", a capital, a country) follows the
    welcomed guest (within 12 tokens of the trigger ending at ``te``)."""
    for k in range(te, min(len(lower) - 1, te + 12)):
        if lower[k] in (".", ";", "and"):
            return False
        if lower[k] == "to":
            k += 1 + (lower[k + 1] == "the")
            return lower[k:k + 2] == ["white", "house"] or any(
                m.start == k and m.kind == "party" and m.form in ("capital", "name")
                for m in mentions)
    return False

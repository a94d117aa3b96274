"""Triggers: lexicon patterns matched in a sentence, the readings vetoed, and triggers
absorbed into the one before them."""

from __future__ import annotations

from .lexicon import PARTICIPLE_FORMS, PAST_FORMS, SAME_PARTICIPLE
from .vocab import (
    AFTER_INTRANSITIVE,
    AUX_BEFORE_PARTICIPLE,
    BE,
    DETERMINERS,
    FINITE,
    GAP_TIME_WORDS,
    ING_LEFT,
    MODAL_LEFT,
    NOT_SUBJECT_PREP,
    OBJECT_PREP_ANY,
    OWN_SUBJECT,
    PARTICLES,
    PARTITIVE,
    PROTESTERS,
    STOP_MODIFIER,
    UNITS,
)


def month_march(lower, i):
    """Whether "march" at ``i`` is the month ("20 March", "last March", "in March 2003")."""
    before = lower[i - 1] if i > 0 else ""
    after = lower[i + 1] if i + 1 < len(lower) else ""
    return before.isdigit() or after.isdigit() or before in (
        "last", "next", "early", "late", "mid", "since", "until", "of", "from", "this", "in",
        "by", "during", "on", "till")


def intransitive(lower, i, end, covered) -> bool:
    """Whether a verb at ``i:end`` is used without an object by people, as a protest
    is ("students demonstrated in Kirkuk", "demonstrated against the war"; not
    "demonstrated leadership", "demonstrated to the world its resolve", "as
    demonstrated by", "the open spirit demonstrated throughout the talks")."""
    if i > 0 and (lower[i - 1] == "as" or (
            lower[i - 1].isalpha() and (i - 1) not in covered
            and lower[i - 1] not in PROTESTERS and lower[i - 1] not in FINITE
            and lower[i - 1] not in OWN_SUBJECT and not lower[i - 1].endswith("s")
            and lower[i - 1] not in (
                "who", "and", "also", "again", "then", "have", "been", "peacefully",
                "reportedly", "people"))):
        return False
    nxt = lower[end] if end < len(lower) else "."
    after = lower[end + 1] if end + 1 < len(lower) else "."
    if nxt == "in" and after.endswith("ing"):
        return False        # "demonstrated in presiding over the session"
    if nxt == "to" and (after in DETERMINERS or after in ("all", "everyone", "us")):
        return False        # "demonstrated to the whole world its defiance"
    return nxt in AFTER_INTRANSITIVE or nxt in GAP_TIME_WORDS


def in_number(lower, x) -> bool:
    """Whether token ``x`` is part of a written number ("2", ",", "000")."""
    w = lower[x]
    return w.isdigit() or (w in (",", ".") and 0 < x < len(lower) - 1
                           and lower[x - 1].isdigit() and lower[x + 1].isdigit())


def amount_in_gap(lower, x, nxt) -> bool:
    """Whether token ``x`` belongs to a number that may sit in a pattern's gap: one
    with a unit ("700 kg of medicine"), a hyphen ("30-day") or right before the
    pattern's next word ``nxt`` ("welcomed more than 2,000 refugees")."""
    if not in_number(lower, x):
        return False
    k = x + 1
    while k < len(lower) and in_number(lower, k):
        k += 1
    return k == nxt or (k < len(lower) and (lower[k] == "-" or lower[k] in UNITS))


def after_since(lower, i, covered) -> bool:
    """Whether the noun at ``i`` heads a phrase opened by "since" ("since last
    month's U.S. invasion", "since the 2003 war")."""
    j = i - 1
    while j >= 0 and i - j <= 6 and (j in covered or lower[j] in ("'s", "’s")
                                     or lower[j].isdigit() or (
                                         lower[j].isalpha() and lower[j] != "since"
                                         and lower[j] not in STOP_MODIFIER
                                         and lower[j] not in OBJECT_PREP_ANY
                                         and lower[j] not in NOT_SUBJECT_PREP)):
        j -= 1
    return j >= 0 and lower[j] == "since"


def match_elements(elements, lower, i, covered, heads=None):
    """End index if ``elements`` match at ``i`` (gaps of up to three words), else None.

    The last element may be the head word of a role mention: ``heads`` maps a
    head's index to its mention's start ("dispersed Kurdish protesters")."""
    heads = heads or {}
    j = i
    k = 0
    while k < len(elements):
        e = elements[k]
        if e is None:
            nxt = elements[k + 1]
            if k + 2 == len(elements) and nxt <= PARTICLES and covered:
                # a phrasal verb's object sits before its particle, a name too:
                # "forced the UN refugee agency, UNHCR, out of the country"
                end = next((x for x in range(j + 1, min(j + 10, len(lower)))
                            if lower[x] in nxt), None)
                if end is not None and any(x in covered for x in range(j, end)) and all(
                        x in covered or lower[x] in (",", "the", "a", "an", "its", "their")
                        or (lower[x].isalpha() and lower[x] not in STOP_MODIFIER)
                        for x in range(j, end)):
                    j = end
                    k += 1
                    continue
            # (a hyphen inside a compound, "a day - old blockade", a time word,
            # "lifted Friday a blockade", and the later pieces of a split number,
            # "2 , 000", are no extra words)
            window = lower[j:j + 8]
            free = (window.count("-") + sum(1 for w in window if w in GAP_TIME_WORDS)
                    if "-" in window or not GAP_TIME_WORDS.isdisjoint(window) else 0)
            if "of" in window and not PARTITIVE.isdisjoint(window):
                # "suspended part of a military aid program": a share of the object
                free += 2 * sum(1 for x in range(j, min(j + 7, len(lower) - 1))
                                if lower[x] in PARTITIVE and lower[x + 1] == "of")
            if "," in window and any(w[:1].isdigit() for w in window):
                free += sum(1 for x in range(j + 1, min(j + 8, len(lower)))
                            if in_number(lower, x) and in_number(lower, x - 1))
            for gap in range(0, 4 + 2 * free):
                if j + gap < len(lower) and lower[j + gap] in nxt and (not free or gap - sum(
                        1 for x in range(j, j + gap) if lower[x] == "-"
                        or lower[x] in GAP_TIME_WORDS
                        or (lower[x] in PARTITIVE and lower[x + 1] == "of")
                        or (lower[x] == "of" and x > j and lower[x - 1] in PARTITIVE)
                        or (x > j and in_number(lower, x) and in_number(lower, x - 1))
                ) <= 3) and all(
                        (lower[x].isalpha() or lower[x] == "-"
                         or (lower[x][0] in "0123456789,."
                             and amount_in_gap(lower, x, j + gap)))
                        and (x not in covered or (
                            k + 2 == len(elements) and heads.get(j + gap, j + gap + 1) <= x))
                        for x in range(j, j + gap)):
                    j = j + gap
                    break
            else:
                return None
            k += 1
            continue
        if j >= len(lower) or lower[j] not in e or (
                j in covered and not (k + 1 == len(elements) and j in heads)):
            return None
        j += 1
        k += 1
    return j


def verb_reading(lower, i, trig, covered, nominal):
    """Whether a verb pattern at ``i`` is read as a verb, not a noun ("bomb detection").

    Past and -ing forms are verbs unless a determiner precedes them; base and
    -s forms, which are also nouns, need a subject, modal, "to" or adverb right
    before them.
    """
    w = lower[i]
    if nominal:
        return False
    base_or_s = any(w == f for f in trig.elements[0] if not (f.endswith("ed") or
                                                              f.endswith("ing")))
    if w.endswith("ing") and not base_or_s:
        # "is attacking", "Russia attacking", "after meeting": a verb; "violent
        # shooting death": a noun
        if i == 0:
            return True
        prev = lower[i - 1]
        return (prev in BE or prev in ING_LEFT or (i - 1) in covered or prev.endswith("ly")
                or prev == "," or (
                    # "was still refusing"
                    prev in ("still", "now", "currently", "again") and i > 1
                    and lower[i - 2] in BE))
    if not base_or_s or w in PAST_FORMS:
        return True
    if i == 0:
        return False
    prev = lower[i - 1]
    # (an auxiliary before a base form is a participle like it: "has been put", "was hit")
    return prev in MODAL_LEFT or (i - 1) in covered or prev.endswith("ly") or (
        prev in AUX_BEFORE_PARTICIPLE and w in SAME_PARTICIPLE)


def is_participle(word, trig):
    return word.endswith("ed") or word in PARTICIPLE_FORMS or word in SAME_PARTICIPLE

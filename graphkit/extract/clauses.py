"""Clauses: where a new clause starts in a sentence, and the clause around a trigger."""

from __future__ import annotations

from .sentence import true_indexes
from .vocab import (
    CLAUSE_BREAK,
    DOCUMENTS,
    FINITE,
    FRONTED,
    STOP_MODIFIER,
    TIME_PREPS,
    TIME_UNITS,
)


def clause_breaks(words, lower, attr_span, toks=None):
    """Sorted token indexes where a new clause starts. ``toks`` (with offsets) tell a
    spaced hyphen from one inside a word; a sentence without "-" needs none."""
    breaks = (true_indexes(map(CLAUSE_BREAK.__contains__, lower))
              if not CLAUSE_BREAK.isdisjoint(lower) else [])
    if breaks and not TIME_PREPS.isdisjoint(lower):
        # "after four years", "since last month", "until next week": a time phrase, no
        # clause of its own
        breaks = [i for i in breaks if not (
            lower[i] in TIME_PREPS and any(w in TIME_UNITS for w in lower[i + 1:i + 4])
            and not any(w in FINITE for w in lower[i + 1:i + 4]))]
    if toks is not None and "-" in words:
        # a hyphen inside a word ("war-torn", "Russia-NATO") joins; one between spaces
        # (" - ") separates like a dash
        spaced = {i for i, (w, a, b) in enumerate(toks) if w == "-" and (
            (i > 0 and toks[i - 1][2] < a) or (i + 1 < len(toks) and toks[i + 1][1] > b))}
        words = [w if (w != "-" or i in spaced) else "" for i, w in enumerate(words)]
    # subordinating "as" ("... as the United Kingdom hosts the G-7"), not "such as"/"as well as"
    if "as" in lower:
        breaks += [i for i, w in enumerate(lower) if w == "as" and 0 < i < len(lower) - 1
                   and lower[i - 1] not in ("such", "well", "so", "as", "same")
                   and lower[i + 1] in ("the", "he", "she", "they", "it", "we", "both")]
    if "-" in words or "—" in words or "–" in words:
        breaks += [i for i, w in enumerate(words) if w in ("—", "–") or
                   (w == "-" and 0 < i and words[i - 1] not in ("-",) and i + 1 < len(words)
                    and not words[i + 1][:1].isupper())]
    if "," in lower and not FRONTED.isdisjoint(lower):
        # the comma that closes a fronted clause: "If Russia invades Ukraine, the
        # United States will ..." (not a comma inside a list: "While the United
        # States, Australia and Japan met, ...")
        for i, w in enumerate(lower):
            if w in FRONTED and (i == 0 or lower[i - 1] in (",", "that", ";")):
                for k in range(i + 1, min(len(lower) - 1, i + 30)):
                    if lower[k] == "," and not ({"and", "or"} & set(lower[k + 1:k + 5])):
                        breaks.append(k + 1)
                        break
    if attr_span is not None:
        breaks += list(attr_span)
    return sorted(set(breaks))


def document_clause(lower, ts, c_start, live) -> bool:
    """Whether the trigger at ``ts`` sits in a relative clause about a text, with no
    subject of its own: "support a resolution that aims to tighten sanctions"."""
    for k in range(ts - 1, max(c_start, ts - 8), -1):
        if lower[k] in ("that", "which") and lower[k - 1] in DOCUMENTS:
            return not any(k < g.start < ts for g in live)
        if lower[k] in (",", ";") or (lower[k] in STOP_MODIFIER and lower[k] not in (
                "that", "which", "will", "would", "and", "or", "be")):
            return False
    return False

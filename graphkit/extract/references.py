"""References: pronouns and descriptions ("they", "the two sides", "the alliance") resolved
to actors named before."""

from __future__ import annotations

from .engine import Example, Rule, Table
from .sentence import Mention, true_indexes
from .vocab import (
    DEFINITE_IGO,
    HONORIFICS,
    PERSON_PRONOUNS,
    PLURAL_FIRST,
    PLURAL_NOUNS,
    PLURAL_REFS,
    REF_FIRST,
    REF_STARTS,
    REPORT_VERBS,
    RESTRICTIVE_AFTER,
)


def subordinate_they(out, words, lower) -> None:
    """"they" opening a "when" or "as" clause is the group the sentence opens with:
    "Two Palestinian suicide bombers killed 23 people when they blew themselves up"."""
    first = out[0]
    if first.start > 3 or first.kind != "party" or first.form not in ("adj", "name", "role") \
            or any(w in (",", "that", "who") for w in lower[:first.start]):
        return
    # (a plural group: "Syrian rebels", "Two Palestinian suicide bombers"; not a state
    # named, "Peru promotes ... which they forget")
    if not ((first.form == "role" or "-" in first.party)
            and lower[first.end - 1].endswith("s")) and not (
            first.form == "adj" and any(
                lower[k].endswith("s") and words[k].islower()
                for k in range(first.end, min(first.end + 3, len(lower))))):
        return
    taken = {k for m in out for k in range(m.start, m.end)}
    for i in range(first.end + 2, len(lower)):
        if lower[i] == "they" and lower[i - 1] in ("when", "as", "after", "before", "because",
                                                    "while", "until") and i not in taken:
            out.append(Mention(i, i + 1, first.parties, first.agent, "party", "pronoun",
                               role=first.role))
    out.sort(key=lambda m: m.start)


def resolve_references(reg, out, words, lower, state) -> None:
    """Pronouns and plural/definite references to earlier actors."""
    if REF_FIRST.isdisjoint(lower):
        return
    # words that can start a reference now: plural ones need a pair in focus,
    # pronouns a person, "the alliance" an organisation (looked up below)
    here = [m for m in out if m.kind == "person" and m.party]
    starts = REF_STARTS[bool(state.last_group), bool(state.last_person or here)]
    ref_at = true_indexes(map(starts.__contains__, lower))
    if not ref_at:
        return
    n = len(words)
    taken = set()
    for m in out:
        taken.update(range(m.start, m.end))
    pos = 0
    for i in ref_at:
        if i < pos or i in taken:
            continue
        lw = lower[i]
        L0 = PLURAL_FIRST.get(lw, 0) if state.last_group else 0
        hit = None
        for L in range(min(L0, n - i), 0, -1):
            if tuple(lower[i:i + L]) in PLURAL_REFS:
                if L == 1 and lw in ("they", "them", "their") and words[i] != lw \
                        and i != 0:
                    continue
                if L == 1 and lw in ("they", "them", "their") and any(
                        lower[j] in PLURAL_NOUNS and j not in taken and (
                            j == 0 or lower[j - 1] not in ("two", "both", "our", "the"))
                        for j in range(i)):
                    # "Countries that have declared their intention": the pronoun
                    # has its antecedent in this sentence, not the pair in focus
                    continue
                if PLURAL_VETOES.any(state, words, lower, i, i + L):
                    break
                pair = tuple(state.last_group)
                if len(pair) > 2 and not {"two", "both"}.isdisjoint(lower[i:i + L]):
                    # "the two Presidents": the first pair in focus, not a third
                    # party their talks were about
                    pair = pair[:2]
                hit = Mention(i, i + L, pair, "", "party", "ref")
                break
        # "Kofi Annan announced on Monday that he will withdraw": the speaker
        before = next((m for m in here if m.end <= i and lw in ("he", "she") and any(
            lower[k] in REPORT_VERBS for k in range(m.end, min(i, m.end + 3)))
            and not any(o.end <= i and o.start >= m.end for o in out)), None)
        if hit is None and lw in PERSON_PRONOUNS and (state.last_person or before) \
                and not (i + 1 < n and lower[i + 1] in HONORIFICS
                         and words[i + 1][:1].isupper()):
            # ("His Majesty King Abdullah", "Her Excellency": a form of address)
            if before is not None:
                hit = Mention(i, i + 1, before.parties, before.agent, "person", "pronoun",
                              role=before.role)
            else:
                nm = state.last_person
                hit = Mention(i, i + 1, (state.person_party.get(nm, ""),), nm, "person",
                              "pronoun", role=state.person_role.get(nm, ""))
        if hit is None and lw in DEFINITE_IGO and i > 0 and lower[i - 1] == "the" \
                and words[i].islower():
            for pid in reversed(state.recent_parties):
                a = reg.party(pid)
                allowed = DEFINITE_IGO[lw]
                if a is not None and a.kind == "igo" and (not allowed or pid in allowed):
                    hit = Mention(i - 1, i + 1, (pid,), "", "party", "ref")
                    break
        if hit is not None and hit.party:
            out.append(hit)
            taken.update(range(hit.start, hit.end))
            pos = hit.end


# -- when a plural reference is not to the pair in focus ---------------------------------

def _pair_too_far(state, words, lower, i, end):
    # a pronoun refers back one sentence at most, a description ("the two leaders",
    # "both sides") three
    reach = 1 if end - i == 1 else 3
    return not state.pair_within(reach)


def _pair_named_here(state, words, lower, i, end):
    # "the two Koreas", "both Sudans": a pair of its own, named
    return lower[end - 1] in ("two", "both") and end < len(words) \
        and words[end][:1].isupper()


def _restricted(state, words, lower, i, end):
    # "the leaders of the world", "the parties to the conflict", "the leaders at this
    # rostrum": a description of its own, not a reference back
    return end - i > 1 and end < len(lower) and lower[end] in RESTRICTIVE_AFTER


PLURAL_VETOES = Table("plural references", [
    Rule("reference.pair_in_reach", "references",
         "'they' refers to the pair in focus of the sentence before, 'the two leaders' to "
         "one of the last three sentences, not further back", _pair_too_far,
         examples=(Example("Chile and Peru met in Lima. Brazil sent aid to Haiti. Bolivia "
                           "welcomed it. They praised Ecuador.", "!CHL>ECU:SUPPORT"),),
         counter=(Example("Chile and Peru met in Lima. They praised Ecuador.",
                          "CHL>ECU:SUPPORT; PER>ECU:SUPPORT"),)),
    Rule("reference.pair_named_here", "references",
         "'the two Koreas', 'both Sudans' name a pair of their own", _pair_named_here,
         examples=(Example("Chile and Peru met in Lima. Brazil welcomed talks between the two "
                           "Koreas.", "!BRA>CHL:SUPPORT"),)),
    Rule("reference.restricted_description", "references",
         "'the leaders of the world', 'the parties to the conflict' describe others, not "
         "the pair in focus", _restricted,
         examples=(Example("Chile and Peru met in Lima. The leaders of the region praised "
                           "Ecuador.", "!CHL>ECU:SUPPORT"),)),
])

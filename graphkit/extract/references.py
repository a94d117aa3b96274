"""References: pronouns and descriptions ("they", "the two sides", "the alliance") resolved
to actors named before."""

from __future__ import annotations

from .sentence import Mention


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

"""Arguments of an event: its source and target, found by ordered rule tables."""

from __future__ import annotations

from .vocab import NP_FILLER, RECEIVE_FORMS


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


def inner_actor(src_group, tgt_group, party) -> bool:
    """Whether a target of the source's own state is another actor inside it: a
    named person or a home body ("reneged on his commitment to the Zambian people",
    "criticized the German parliament"), not the state acting on
    itself ("promised to democratize Serbia")."""
    tgt = [m for m in tgt_group.mentions if party in m.parties]
    if not tgt or any(m.form in ("pronoun", "ref") or not (
            m.kind == "person" or m.form == "role") for m in tgt):
        return False
    # (not the same actor named twice: "President Putin ... the Russian president")
    return not any(m.agent == t.agent or m.form in ("pronoun", "ref")
                   for m in src_group.mentions if party in m.parties for t in tgt)


def aid_giver(lower, ts, te, live, end):
    """The giver group of aid that the subject receives ("received $5 million in aid
    from Japan"), or None when the aid noun at ``ts`` is not received from someone."""
    j = ts - 1
    steps = 0
    while j >= 0 and steps < 6 and lower[j] not in RECEIVE_FORMS:
        if not (lower[j] in NP_FILLER or lower[j].isalpha() and lower[j].islower()
                or lower[j].replace(",", "").replace(".", "").isdigit() or lower[j] in "$"):
            return None
        j -= 1
        steps += 1
    if j < 0 or lower[j] not in RECEIVE_FORMS:
        return None
    return next((g for g in live if te <= g.start < end and g.start >= 1 and (
        lower[g.start - 1] == "from" or (lower[g.start - 1] == "the" and g.start >= 2
                                         and lower[g.start - 2] == "from"))), None)

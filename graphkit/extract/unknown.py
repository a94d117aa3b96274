"""People and groups the registry does not know, placed by what the sentence says of them."""

from __future__ import annotations

from .vocab import TITLE_JOINERS


def may_place(m, words, lower) -> bool:
    """Whether mention ``m`` can be the affiliation of a name before it, as
    :meth:`RulesExtractor._unknown_people` reads one: "<name> of (the) <party>"
    or "<name>, a/an/the <adjective or role>"."""
    p = m.start
    if m.kind == "party" and m.form in ("adj", "name") and p >= 2 and (
            lower[p - 1] == "of" or (p >= 3 and lower[p - 1] == "the" and lower[p - 2] == "of")):
        return True
    if m.kind in ("party", "person") and m.form in ("adj", "role") and p >= 3 \
            and words[p - 2] == "," and lower[p - 1] in ("a", "an", "the"):
        return True
    # "<name>, <Capitalised Title> of/to (the) <party>": a comma within the title's reach,
    # a capitalised word after it
    if m.kind not in ("party", "person") or p < 3:
        return False
    k = next((k for k in range(p - 1, max(0, p - 13) - 1, -1) if words[k] == ","), -1)
    return k >= 0 and words[k + 1][:1].isupper()


def title_party(mentions, words, lower, i, limit=12):
    """The party that ends a capitalised title starting at ``i`` ("Diplomatic Advisor
    to the Prime Minister of Italy" -> the Italy mention), or None. The title runs over
    capitalised words and joiners only; the party is the first mention in it that is a
    party named or described ("of Italy", "Japan's", "the Prime Minister of Italy")."""
    n = len(words)
    j = i
    while j < n and j - i < limit:
        m = next((m for m in mentions if m.start == j), None)
        if m is not None:
            if m.kind == "party" and m.form in ("name", "adj", "role") or (
                    m.kind == "person" and m.form == "role"):
                return m if m.party else None
            return None
        w = words[j]
        if not (w[:1].isupper() or lower[j] in TITLE_JOINERS):
            return None
        j += 1
    return None

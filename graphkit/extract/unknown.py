"""People and groups the registry does not know, placed by what the sentence says of them."""

from __future__ import annotations

from .sentence import Mention, kind_of
from .syntax import capitalised_run
from .vocab import (
    HONORIFICS,
    MEDIA_ROLE,
    NAME_PARTICLES,
    NOT_DOMESTIC_NAMES,
    ORG_HEADS,
    TITLE_JOINERS,
    TITLES,
)


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


def unknown_people(reg, out, words, lower, state) -> None:
    """A name not in the registry, placed by its affiliation: "Sergei Yermakov of the
    Russian Strategic Research Institute", "Olga Ivanova, a Russian diplomat"."""
    if not out or not any(may_place(m, words, lower) for m in out):
        return      # no mention that could place a name (and ``out`` is sorted)
    covered = set()
    for m in out:
        covered.update(range(m.start, m.end))
    n = len(words)
    pos = 0
    # a name starts with two capitalised words
    for i in [k for k in range(n - 1) if words[k][0].isupper() and (
            words[k + 1][0].isupper() or (words[k + 1] in NAME_PARTICLES and k + 2 < n
                                          and words[k + 2][:1].isupper()))]:
        if i < pos or i in covered:
            continue
        end = capitalised_run(words, i, max_len=3)
        if not end or any(k in covered for k in range(i, end)) or words[i] in TITLES \
                or lower[i] in HONORIFICS \
                or (i > 0 and lower[i - 1] in MEDIA_ROLE):
            continue
        k = end
        party = None
        end_title = 0
        if k + 1 < n and lower[k] == "of":
            k += 1 + (lower[k + 1] == "the")
            party = next((m for m in out if m.start == k and m.kind == "party"
                          and m.form in ("adj", "name")), None)
        elif k + 2 < n and words[k] == "," and lower[k + 1] in ("a", "an", "the"):
            party = next((m for m in out if m.start == k + 2 and m.kind in ("party",
                                                                             "person")
                          and m.form in ("adj", "role")), None)
        elif k + 2 < n and words[k] == "," and words[k + 1][:1].isupper():
            # "Tomas Pojar, National Security Advisor to the Prime Minister of the
            # Czech Republic": a capitalised title in apposition ends at a party
            party = title_party(out, words, lower, k + 1)
            if party is not None and kind_of(reg, party.party) != "state":
                # (an organisation's office, "President of the General Assembly",
                # is mostly ceremony in speeches: its holder's name stays unplaced)
                party = None
            if party is not None:
                end_title = party.start     # the title's words name nobody
        if party is not None and party.party:
            name = " ".join(words[i:end])
            state.learn_person(name, party.party, "", surname=words[end - 1])
            out.append(Mention(i, end, (party.party,), name, "person", "name"))
            covered.update(range(i, end))
        pos = max(end, end_title)
    out.sort(key=lambda m: m.start)


def unknown_groups(reg, out, words, lower) -> None:
    """A party, front or union not in the registry belongs to the one state the
    sentence names: "President Bouteflika is prepared to lift the ban on the
    Islamic Salvation Front (FIS)", "the Umma (Nation) party will boycott
    Algeria's elections". Its id is the state's; the name is kept as its agent."""
    if ORG_HEADS.isdisjoint(lower):
        return
    n = len(words)
    covered = set()
    for m in out:
        covered.update(range(m.start, m.end))
    found = []
    for h in range(1, n):
        if lower[h] not in ORG_HEADS or h in covered:
            continue
        k = h
        if not words[h][0].isupper():
            # "the Umma (Nation) party", "the Kifaya (``Enough'') group"
            if words[k - 1] == ")" and "(" in words[max(0, k - 8):k - 1]:
                k = max(j for j in range(max(0, k - 8), k - 1) if words[j] == "(")
            if lower[h] not in ("party", "group", "movement", "front") or k < 1 \
                    or not words[k - 1][:1].isupper():
                continue
        start = k
        while start > 0 and (words[start - 1][:1].isupper() or (
                lower[start - 1] in ("for", "of", "and") and start > 1
                and words[start - 2][:1].isupper())) \
                and start - 1 not in covered and words[start - 1] not in TITLES:
            start -= 1
        while start < k and lower[start] in ("the", "a", "an", "for", "of", "and"):
            start += 1
        if start >= k or any(j in covered for j in range(start, h + 1)) \
                or words[start] in NOT_DOMESTIC_NAMES:
            continue
        end = h + 1
        if end + 2 < n and words[end] == "(" and words[end + 2] == ")" \
                and words[end + 1].isupper():
            end += 3    # "(FIS)"
        found.append((start, end))
    if not found:
        return
    homes = set()
    for m in out:
        if m.kind in ("party", "person") and not m.relational:
            for p in m.parties:
                base = p.split("-")[0]
                if kind_of(reg, base) == "state":
                    homes.add(base)
    if len(homes) != 1:
        return
    home = homes.pop()
    for start, end in found:
        name = " ".join(w for w in words[start:end] if w not in ("(", ")"))
        out.append(Mention(start, end, (home,), name, "party", "role", role="Group"))
    out.sort(key=lambda m: m.start)

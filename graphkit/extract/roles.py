"""Roles and office holders: role phrases ("the Russian foreign minister", "rebels in
the Ivory Coast", "police") attached to the party they belong to, and the person
who held the office at the document's date."""

from __future__ import annotations

from .discourse import DocState, referent
from .names import fold, near_spelling
from .sentence import Mention, kind_of, true_indexes
from .syntax import capitalised_run, names_a_thing
from .vocab import (
    DOMESTIC_ROLES,
    HOME_INSTITUTIONS,
    NOT_HOME_BEFORE,
    NP_FILLER,
    PLACE_PREPS,
    QUANTITY,
    RESTRICTIVE_AFTER,
    ROLE_FIRST,
    ROLE_WORDS,
    ROLES,
    SECTOR_GROUPS,
    STATE_OFFICES,
)

__all__ = ["attach_roles", "home_state"]

_DIRECTIONS = ("the", "southern", "northern", "eastern", "western", "central", "south",
               "north", "east", "west")


def attach_roles(reg, out: list, words: list, lower: list, state: DocState) -> list:
    """Attach role phrases to adjacent parties and names; resolve bare roles.

    Returns the mentions sorted by position: role phrases become mentions of the
    party or person they name ("Foreign Minister Sergei Lavrov", "Russia's foreign
    minister" -> the holder at the date), bare collective roles ("police", "the
    rebels") belong to the one state the sentence is about, and "the diplomat"
    refers back to a person named before.
    """
    if ROLE_WORDS.isdisjoint(lower):
        return out
    covered = set()
    for m in out:
        covered.update(range(m.start, m.end))
    roles = _role_phrases(lower, covered)
    if not roles:
        return out
    reader = _RoleReader(reg, out, words, lower, state, covered)
    for rs, re_, (role, individual) in roles:
        reader.attach(rs, re_, role, individual)
    reader.finish()
    return sorted(reader.result, key=lambda m: m.start)


def _role_phrases(lower, covered) -> list:
    """``(start, end, (role, individual))`` of the role phrases outside mentions;
    "Crown Prince and Prime Minister X" is one title of two offices."""
    n = len(lower)
    roles = []
    pos = 0
    for i in true_indexes(map(ROLE_FIRST.__contains__, lower)):
        if i < pos or i in covered:
            continue
        for L in range(min(ROLE_FIRST[lower[i]], n - i), 0, -1):
            key = tuple(lower[i:i + L])
            if key in ROLES and not any(j in covered for j in range(i, i + L)):
                roles.append((i, i + L, ROLES[key]))
                pos = i + L
                break
    joined = []
    for r in roles:
        if joined and joined[-1][1] + 1 == r[0] and lower[joined[-1][1]] == "and":
            r = (joined.pop()[0], r[1], r[2])
        joined.append(r)
    return joined


class _RoleReader:
    """Reads the role phrases of one sentence in order, adding to ``result``; bare
    domestic roles and misspelt office holders wait for :meth:`finish`."""

    def __init__(self, reg, out, words, lower, state, covered):
        self.reg, self.words, self.lower, self.state = reg, words, lower, state
        self.covered = covered
        self.by_start = {m.start: m for m in out}
        self.result = list(out)
        self.deferred: list = []     # (start, end, role): bare domestic roles
        self.placed: list = []       # (start, end, role, name): titled unknown names

    def attach(self, rs, re_, role, individual) -> None:
        words, lower, result, n = self.words, self.lower, self.result, len(self.words)
        if individual and re_ + 1 < n and lower[re_] == "and":
            # "Prime Minister and Crown Prince Mohammed bin Salman": the name with
            # its own title already is a person; this title is also theirs
            other = self.by_start.get(re_ + 1)
            if other is not None and other.kind == "person":
                other.start = rs
                return
        before = self._party_before(rs, individual)
        after = self._party_after(re_, individual, before)
        # a name after the role: "Foreign Minister Sergei Lavrov"
        person = next((m for m in result if m.start == re_ and m.kind == "person"), None)
        name_end, unknown_name = re_, ""
        if person is None and (before or after) and individual:
            nm = capitalised_run(words, re_)
            if nm and (after is None or nm <= after.start):
                unknown_name, name_end = " ".join(words[re_:nm]), nm
                person = next((m for m in result if m.start == nm and m.kind == "person"),
                              None)
        party_m = before or after
        if person is None and party_m is None and individual and role in STATE_OFFICES \
                and words[rs][:1].isupper():
            # "President Laurent Gbago" (a name the registry does not know): the
            # holder of an office of the one state the sentence is about, if any
            nm = capitalised_run(words, re_)
            if nm and not any(k in self.covered for k in range(re_, nm)):
                self.placed.append((rs, nm, role, " ".join(words[re_:nm])))
                return
        if person is not None:
            person.start = min(person.start, before.start if before else rs)
            if before is not None and before in result:
                result.remove(before)
            if not person.party and party_m is not None:
                person.parties = party_m.parties
            person.role = person.role or role
            return
        if party_m is None:
            self._bare(rs, re_, role, individual)
            return
        self._add(rs, re_, role, individual, before, after, party_m, unknown_name, name_end)

    def _party_before(self, rs, individual):
        """"Russian Foreign Minister", "Russia's foreign minister", "the Russian and US
        top foreign policy officials"."""
        words, lower, covered = self.words, self.lower, self.covered
        j = rs - 1
        while j >= 0 and (lower[j] in NP_FILLER or lower[j] in ("'s", "’s", "'") or (
                # a people's name in between: "Turkish Kurd refugees", "Bosnian
                # Muslim civilians"
                not individual and j == rs - 1 and words[j][:1].isupper()
                and words[j].isalpha() and j not in covered and j > 0
                and (j - 1) in covered)) \
                and rs - j <= 4 and lower[j] not in ("the", "a", "an"):
            j -= 1
        cand = next((m for m in self.result if m.end == j + 1 and m.kind == "party"), None)
        return cand if cand is not None and not cand.relational else None

    def _party_after(self, re_, individual, before):
        """"Foreign Minister of Russia", "President of Finland", and for collective heads
        a place: "rebels in the Ivory Coast", "students throughout Indonesia"; or a name
        then its party: "Prime Minister Mette Frederiksen of Denmark"."""
        words, lower, by_start, n = self.words, self.lower, self.by_start, len(self.words)
        after = None
        k = re_
        preps = ("of",) if individual else ("of", "in", "throughout", "across", "inside",
                                            "from")
        if k < n and lower[k] in preps:
            k += 1
            while k < n and lower[k] in _DIRECTIONS:
                k += 1
            after = by_start.get(k)
            if after is None and lower[k - 1] == "the":
                # "of the Netherlands": a state's name that owns its "the" (an
                # organisation's role, "President of the General Assembly", is
                # the office, not a person acting for a party)
                after = by_start.get(k - 1)
                if after is not None and kind_of(self.reg, after.party) != "state":
                    after = None
            if after is not None and (after.kind != "party" or after.form == "adj"):
                after = None
            if after is not None:
                after.location = False
        if before is None and after is None and individual:
            nm = capitalised_run(words, re_, min_names=1)
            if nm and nm + 1 < n and lower[nm] == "of":
                k = nm + 1 + (lower[nm + 1] == "the")
                cand = by_start.get(k)
                if cand is not None and cand.kind == "party" and cand.form != "adj":
                    after = cand
                    after.location = False
        return after

    def _bare(self, rs, re_, role, individual) -> None:
        """A role with no party named: a domestic body of the one state the sentence
        is about, or a reference back ("the diplomat", "the Ministers")."""
        lower, result, state = self.lower, self.result, self.state
        if role in DOMESTIC_ROLES and not (
                rs > 0 and lower[rs - 1] in NOT_HOME_BEFORE and not (
                    # "hundreds of activists": a number, not a possessor
                    lower[rs - 1] == "of" and rs > 1 and lower[rs - 2] in QUANTITY)):
            # "Sudanese rebels attacked government troops", "police arrested
            # opposition leaders in Baku": the country the sentence is about
            home = home_state(self.reg, result, lower)
            if home:
                result.append(_home_role(rs, re_, role, home))
                self.covered.update(range(rs, re_))
                return
            # (a later phrase may still place the sentence: "Judge X opened
            # investigations against Chilean government officials")
            # ("the Government" in a speech is the speaker's own, and "the
            # occupying authorities" someone else's: not deferred)
            if role not in ("Government", "Authorities"):
                self.deferred.append((rs, re_, role))
                return
        # "the diplomat", "the foreign minister", "the Ministers": earlier referent
        if rs > 0 and lower[rs - 1] in ("the", "this") or (rs == 0):
            nm = referent(state, role) if individual else ""
            if nm:
                result.append(Mention(rs - (rs > 0), re_, (state.person_party.get(nm, ""),),
                                      nm, "person", "ref", role=role))
            elif not individual and role in ("Ministers", "Leaders", "Officials") \
                    and state.pair_within(3) and not (
                        re_ < len(lower) and lower[re_] in RESTRICTIVE_AFTER):
                # (not "the leaders of the region", "the leaders at this rostrum")
                result.append(Mention(rs - (rs > 0), re_, tuple(state.last_group),
                                      "", "party", "ref", role=role))

    def _add(self, rs, re_, role, individual, before, after, party_m, unknown_name,
             name_end) -> None:
        """The role with its party: a person (the holder at the date, or the unknown
        name after the title) or a body of the party ("Syrian rebels" -> SYR-REB)."""
        reg, state = self.reg, self.state
        agent = role
        kind = "party"
        if individual:
            kind = "person"
            if unknown_name:
                agent = unknown_name
                state.learn_person(unknown_name, party_m.party, role,
                                   surname=unknown_name.split()[-1])
                state.learn_name_start(tuple(self.words[re_:name_end]), unknown_name)
            else:
                holder = reg.holder(party_m.party, role, state.date)
                if holder is None and role == "Foreign Minister":
                    for alt in ("Secretary of State", "Foreign Secretary"):
                        holder = reg.holder(party_m.party, alt, state.date)
                        if holder:
                            break
                agent = holder.name if holder else f"{reg.name(party_m.party)} {role}"
        parties = party_m.parties
        if role in SECTOR_GROUPS and party_m.kind == "party" and reg.party(
                party_m.party) is not None and reg.party(party_m.party).kind == "state":
            parties = (f"{party_m.party}-{SECTOR_GROUPS[role]}",)
        start = before.start if before else rs
        end = max(re_, name_end, after.end if after is not None else 0)
        new = Mention(start, end, parties, agent, kind, "role", role=role)
        for old in (before, after):
            if old is not None and old in self.result:
                self.result.remove(old)
        # a group "Russian and US officials": the role applies to both adjectives
        self.result.append(new)
        if kind == "person" and agent:
            state.note_agent(agent, party_m.party)

    def finish(self) -> None:
        """Place the deferred bare roles and the titled unknown names once every role
        is read (a later phrase may name the state: "Judge X ... Chilean officials")."""
        deferred, placed = self.deferred, self.placed
        home = home_state(self.reg, self.result, self.lower, min(
            (rs for rs, _e, _r in deferred), default=-1)) if deferred or placed else ""
        if placed:
            self.covered.update(k for rs, end, _r, _n in placed for k in range(rs, end))
        for rs, re_, role in deferred if home else ():
            self.result.append(_home_role(rs, re_, role, home))
        for rs, end, role, name in placed:
            self._place_holder(rs, end, role, name, home)

    def _place_holder(self, rs, end, role, name, home) -> None:
        """A holder of that office at the time, the name misspelt: "President Laurent
        Gbago" is Gbagbo (a misspelling keeps the first letter: only those surnames
        are compared)."""
        reg, state = self.reg, self.state
        surname = name.split()[-1]
        initial = fold(surname)[:1]
        near = [t for t in reg.holders(role, state.date)
                if fold(t.name.split()[-1])[:1] == initial
                and near_spelling(surname, t.name.split()[-1])]
        if not near and not home and len(name.split()) >= 2:
            # a holder at another time, first name and surname both near:
            # "President Francois Mitterand"
            near = list({t.name: t for t in reg.holders(role)
                         if fold(t.name.split()[-1])[:1] == initial
                         and near_spelling(surname, t.name.split()[-1])
                         and near_spelling(name.split()[0], t.name.split()[0])}.values())
        party = near[0].party if len(near) == 1 else home
        if not party or (not near and any(m.kind == "person" and m.party == home
                                          for m in self.result)):
            # (not beside a known person of that state, whom they may be meeting:
            # "Minister X met Jacques Chirac in Paris")
            return
        holder = reg.holder(party, role, state.date)
        if holder is not None and not near_spelling(surname, holder.name.split()[-1]):
            # the office has another holder at the time: the name may still be
            # one of its holders at another time (a document's date can be off)
            other = {t.name for t in reg.office_terms(party, role)
                     if near_spelling(surname, t.name.split()[-1])}
            if len(other) != 1:
                return
            holder = reg.official_at(other.pop(), "")
        if holder is not None:
            name = holder.name
        self.result.append(Mention(rs, end, (party,), name, "person", "role", role=role))
        state.learn_person(name, party, role, surname=name.split()[-1])


def _home_role(rs, re_, role, home) -> Mention:
    """A bare domestic role of the state ``home`` ("the rebels" -> SDN-REB, "police" ->
    SDN)."""
    parties = (f"{home}-{SECTOR_GROUPS[role]}",) if role in SECTOR_GROUPS else (home,)
    return Mention(rs, re_, parties, role, "party", "role", role=role)


def home_state(reg, mentions, lower, bare: int = -1) -> str:
    """The state a sentence is about when all its parties and people belong to
    one state and a domestic cue names it: a place ("in Baku"), a domestic
    group ("Syrian rebels") or a home institution ("Sudan's government"), or that
    state's leader named after a bare group opening the sentence at ``bare``
    ("Fundamentalists demanded the resignation of Algerian President Ben Bella").
    "" otherwise: a state only named as such ("Russia condemned the rebels")
    may be acting abroad."""
    states, cued = set(), False
    for m in mentions:
        if m.kind not in ("party", "person") or m.relational \
                or names_a_thing(m, lower):
            continue
        if m.kind == "person" and m.role in STATE_OFFICES and 0 <= bare <= 3 \
                and bare < m.start and "," not in lower[:bare] \
                and not any(o.start < m.start and o.kind in ("party", "person")
                            for o in mentions if o is not m):
            # a state's leader named after the bare group that acts: "Islamic
            # fundamentalists ... demand the resignation of Algerian President
            # Ahmed Ben Bella"
            cued = True
        for p in m.parties:
            base = reg.party(p.split("-")[0]) if p else None
            if base is None or base.kind != "state":
                continue
            states.add(base.id)
            if m.kind == "party" and (
                    m.location or (m.start > 0 and lower[m.start - 1] in PLACE_PREPS)
                    or "-" in p or (m.form == "role" and (
                        m.role in HOME_INSTITUTIONS
                        # ("28 Chilean government officials")
                        or "government" in lower[m.start:m.end]))):
                cued = True
    return states.pop() if cued and len(states) == 1 else ""

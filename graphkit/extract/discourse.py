"""Discourse state: what a document has said so far (people named, the pair in focus,
the paragraph's speaker), which later sentences read to resolve references.

The stages read :class:`DocState` freely; they write it only through its methods,
so every change to what the document "knows" is one of the named updates below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocab import ANY_OFFICE

__all__ = ["DocState", "referent"]


@dataclass
class DocState:
    """What the sentences of one document have established so far.

    Examples
    --------
    >>> st = DocState("2013-04-23")
    >>> st.learn_person("Sergei Lavrov", "RUS", "Foreign Minister", surname="Lavrov")
    >>> st.persons["Lavrov"], st.person_party["Sergei Lavrov"]
    ('Sergei Lavrov', 'RUS')
    """

    date: str
    persons: dict = field(default_factory=dict)       # surname/full key -> canonical name
    full_names: dict = field(default_factory=dict)    # token tuple -> name (not in registry)
    full_first: dict = field(default_factory=dict)    # first token -> longest length
    person_party: dict = field(default_factory=dict)  # canonical name -> party
    person_role: dict = field(default_factory=dict)
    last_person: str = ""
    last_group: tuple = ()
    last_group_sentence: int = -99
    recent_parties: list = field(default_factory=list)
    mentions: dict = field(default_factory=dict)      # party -> count
    agents: dict = field(default_factory=dict)        # (name, party) -> count
    stances: list = field(default_factory=list)
    para_speaker: object = None                       # the speaker of a quoted paragraph
    sid: int = -1                                     # the sentence being read

    def at(self, sid: int) -> None:
        """The next sentence read is sentence ``sid``."""
        self.sid = sid

    def pair_within(self, sentences: int) -> tuple:
        """The pair in focus if it was named at most ``sentences`` sentences before the
        current one, else ()."""
        if self.last_group and self.sid - self.last_group_sentence <= sentences:
            return self.last_group
        return ()

    # -- people -----------------------------------------------------------------
    def learn_person(self, name: str, party: str, role: str, *, surname: str) -> None:
        """A person named in full: later ``surname`` alone refers to them."""
        self.persons[surname] = name
        self.person_party[name] = party
        self.person_role[name] = role

    def learn_name_start(self, key: tuple, name: str, *, keep: bool = False) -> None:
        """The first words ``key`` of a person's name refer to them too ("Hassan
        Sheikh" for Hassan Sheikh Mohamud); ``keep`` leaves an earlier person's."""
        if keep:
            self.full_names.setdefault(key, name)
        else:
            self.full_names[key] = name
        self.full_first[key[0]] = max(self.full_first.get(key[0], 0), len(key))

    def note_agent(self, agent: str, party: str) -> None:
        """A person found acting for ``party`` (counted when mentioned)."""
        self.agents.setdefault((agent, party), 0)

    # -- counts and stances ---------------------------------------------------------
    def count_mentions(self, mentions) -> None:
        """Count the parties and people a sentence mentions (places excepted)."""
        for m in mentions:
            if m.kind in ("party", "person") and not m.location:
                for p in m.parties:
                    self.mentions[p] = self.mentions.get(p, 0) + 1
                if m.agent and m.kind == "person":
                    key = (m.agent, m.party)
                    self.agents[key] = self.agents.get(key, 0) + 1

    def forget_counts(self) -> None:
        """Drop the counts so far (the title sets the scene but is not counted)."""
        self.mentions.clear()
        self.agents.clear()

    def add_stance(self, stance) -> None:
        self.stances.append(stance)

    def take_stances(self) -> list:
        """The stances added since the last call (and forget them)."""
        taken, self.stances = self.stances, []
        return taken

    # -- focus after a sentence ------------------------------------------------------
    def new_paragraph(self) -> None:
        self.para_speaker = None

    def quoting(self, speaker) -> None:
        """``speaker`` is quoted: later sentences of the paragraph in quotes are theirs."""
        self.para_speaker = speaker

    def after_sentence(self, sid: int, mentions, speaker, events, groups) -> None:
        """Update the focus: the person who spoke or acted, the pair of parties that
        met or agreed (else a compound subject opening the sentence), and the
        parties named most recently."""
        people = [m for m in mentions if m.kind == "person" and m.agent and not m.location]
        lead = speaker if (speaker is not None and speaker.kind == "person"
                           and speaker.agent) else (people[0] if people else None)
        if lead is not None and lead.party:
            self.last_person = lead.agent
            self.person_party.setdefault(lead.agent, lead.party)
            self.person_role.setdefault(lead.agent, lead.role)
        pair = []
        for ev in events:
            if ev.event_type not in ("CONSULT", "AGREE") or ev.negated:
                continue       # "the two", "they" refer to those who met or agreed
            for p in (ev.source, ev.target):
                if p and p not in pair:
                    pair.append(p)
        if len(pair) < 2:
            pair = next((g.parties for g in groups if g.start <= 2 and len(g.parties) >= 2
                         and not any(m.location for m in g.mentions)), [])
        if len(pair) >= 2:
            self.last_group = tuple(pair)
            self.last_group_sentence = sid
        elif self.last_group and any(
                ev.source in self.last_group and ev.target in self.last_group
                and ev.source != ev.target and not ev.negated for ev in events):
            # an act of one of the pair towards the other keeps them in focus: "Biden
            # welcomed Denmark's support ... They discussed ..."
            self.last_group_sentence = sid
        for m in mentions:
            if m.kind in ("party", "person") and not m.location:
                for p in m.parties:
                    if p in self.recent_parties:
                        self.recent_parties.remove(p)
                    self.recent_parties.append(p)


def referent(state, role):
    """The person "the <role>" refers to: the person in focus if they hold that
    office, else the last one named with it ("the Prime Minister" after "President
    Biden spoke with Prime Minister Bennett" is Bennett), else the person in focus
    if no other office is known for them."""
    def fits(held):
        return not held or held == role or role in ANY_OFFICE or role.lower() in held.lower()

    last = state.last_person
    if last and state.person_role.get(last, "") == role:
        return last
    for nm in reversed(list(state.person_role)):
        if state.person_role[nm] == role:
            return nm
    if last and fits(state.person_role.get(last, "")):
        return last
    return ""

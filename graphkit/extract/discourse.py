"""Discourse state: what a document has said so far (people named, the pair in focus),
which later sentences read to resolve references."""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocab import ANY_OFFICE


@dataclass
class DocState:
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

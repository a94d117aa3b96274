"""Names: mentions of parties, places, outlets and people found in the registry, with
their spelling variants and misspellings."""

from __future__ import annotations

import functools
import unicodedata

from .sentence import kind_of, pick_entry
from .vocab import NOT_MISSPELT


class MayStart(dict):
    """Token -> whether a mention may start at it: it starts a registry key or is
    capitalised. Filled on first sight of each token, so a sentence's candidates
    are found without running Python code per token."""

    def __init__(self, first_tokens):
        super().__init__()
        self.first = first_tokens

    def __missing__(self, token):
        flag = self[token] = token in self.first or token[0].isupper()
        return flag


def misspelling_index(reg) -> dict:
    """Each one-letter deletion of a state's one-word name or adjective (seven
    letters or more), mapped to the names it comes from."""
    index: dict = {}
    for key, hits in reg.surfaces.items():
        if len(key) != 1 or len(key[0]) < 7 or not key[0].isalpha():
            continue
        pid, form = pick_entry(hits)
        if form not in ("name", "adj") or kind_of(reg, pid) != "state":
            continue
        w = key[0]
        for k in range(len(w)):
            index.setdefault(w[:k] + w[k + 1:], set()).add(key)
        index.setdefault(w, set()).add(key)
    return index


def misspelt_key(word: str, index: dict):
    """The one state name ``word`` is a one-letter misspelling of, or None."""
    if word in NOT_MISSPELT:
        return None
    found = set(index.get(word, ()))
    for k in range(len(word)):
        found.update(index.get(word[:k] + word[k + 1:], ()))
    keys = {key for key in found if key[0] != word and near_spelling(word, key[0], 1)}
    return keys.pop() if len(keys) == 1 else None


def near_spelling(a: str, b: str, limit: int = 0) -> bool:
    """Whether two surnames differ by at most one edit (two in long names), ignoring
    case and accents: "Gbago" and "Gbagbo", "Bouteflicka" and "Bouteflika"."""
    a, b = fold(a), fold(b)
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 4:
        return a == b
    limit = limit or (2 if min(len(a), len(b)) >= 8 else 1)
    if abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))

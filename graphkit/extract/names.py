"""Names: mentions of parties, places, outlets and people found in the registry, with
their spelling variants and misspellings."""

from __future__ import annotations

import functools
import unicodedata

from .discourse import DocState
from .sentence import Mention, kind_of, pick_entry, true_indexes
from .vocab import LED, NOT_MISSPELT, OFFICE_WORDS, SEPARATED, SURNAME_STOP, TITLES

__all__ = ["NameIndex", "find_names", "near_spelling", "fold"]


class NameIndex:
    """Look-up aids over a registry, rebuilt (once per document at most) when the
    registry has grown: any key change gives a new prefix set."""

    def __init__(self, registry):
        self.registry = registry
        self.key_prefixes: set = set()
        self.may_start: MayStart | None = None
        self.one_token_keys: set = set()
        self.misspelt: dict = {}
        self.misspelt_cache: dict = {}
        self.refresh()

    def refresh(self) -> None:
        reg = self.registry
        prefixes = reg.key_prefixes()
        if prefixes is not self.key_prefixes or self.may_start is None \
                or len(self.may_start) > 500_000:
            self.key_prefixes = prefixes
            self.may_start = MayStart(reg.first_tokens)
            # tokens that are a whole key by themselves
            self.one_token_keys = {key[0] for index in (reg.surfaces, reg.people, reg.surnames)
                                   for key in index if len(key) == 1}
            self.misspelt = misspelling_index(reg)
            self.misspelt_cache = {}        # word -> its state name key, or None


def find_names(index: NameIndex, words: list, lower: list, state: DocState) -> list:
    """Mentions of registry names in a sentence: parties, capitals, places, outlets
    and people (full names, and surnames of people named before or in office), plus
    a state's name misspelt by one letter and names written in capitals."""
    reg = index.registry
    n = len(words)
    out: list = []
    first = reg.first_tokens
    prefixes, one_token_keys = index.key_prefixes, index.one_token_keys
    full_first, persons = state.full_first, state.persons    # (grow in this loop)
    pos = 0                 # first token not inside a mention found so far
    # lower-case words that start no name (the common case) start no mention
    for i in true_indexes(map(index.may_start.__getitem__, words)):
        if i < pos:
            continue
        w = words[i]
        maxlen = first.get(w, 0)
        if maxlen:
            # no key is longer than the longest run of tokens that starts one
            # ("the" before a lower-case word usually starts none at all)
            top = 1
            limit = maxlen if maxlen < n - i else n - i
            while top < limit and tuple(words[i:i + top + 1]) in prefixes:
                top += 1
            maxlen = top if top > 1 or w in one_token_keys else 0
        if not maxlen and w not in full_first and w not in persons and not w.isupper():
            hit = _misspelt_state(index, words, lower, i) if 7 <= len(w) <= 16 else None
            if hit is not None:
                out.append(hit)
                pos = i + 1
            continue        # no key, known name or headline capital: no hit below
        hit = _registry_name(reg, words, i, maxlen, state) if maxlen else None
        if hit is None and (w in full_first or w in persons):
            hit = _known_person(words, i, state)
        if hit is None and w.isupper() and len(w) > 2 and w.title() != w:
            key = (w.title(),)  # headline capitals: RUSSIA -> Russia
            if key in reg.surfaces:
                pid, form = pick_entry(reg.surfaces[key])
                if form != "media":
                    hit = Mention(i, i + 1, (pid,), form=form)
        if hit is not None and hit.form == "adj" and out and out[-1].end == i \
                and out[-1].form in ("adj", "name") and out[-1].kind == "party" \
                and lower[i] not in ("cypriot", "cypriots") \
                and kind_of(reg, hit.party) == "state" == kind_of(reg, out[-1].party):
            # "Bosnian Serbs", "Kosovo Albanians": people of the first state
            # (Cyprus names its communities by origin: "Turkish Cypriots" are Cypriots)
            out[-1].end = pos = hit.end
            out[-1].form = "adj"
            continue
        if hit is not None:
            out.append(hit)
            pos = hit.end
    return out


def _misspelt_state(index, words, lower, i):
    """A state's name misspelt by one letter ("Afganistan", "Ethopia") at ``i``,
    not inside a run of names ("Romain Rolland")."""
    w, n = words[i], len(words)
    if w[1:].islower() and w.isalpha() and (
            i + 1 == n or not words[i + 1][:1].isupper()) and (
            i == 0 or not words[i - 1][:1].isupper() or lower[i - 1] == "the"):
        key = index.misspelt_cache.get(w, False)
        if key is False:
            key = index.misspelt_cache[w] = misspelt_key(w, index.misspelt)
        if key is not None:
            pid, form = pick_entry(index.registry.surfaces[key])
            return Mention(i, i + 1, (pid,), form=form)
    return None


def _registry_name(reg, words, i, maxlen, state):
    """The longest registry key starting at ``i``: a party, place or outlet, a
    person's full name, or a surname that names one person."""
    n = len(words)
    for L in range(maxlen, 0, -1):
        key = tuple(words[i:i + L])
        if key in reg.surfaces:
            pid, form = pick_entry(reg.surfaces[key])
            if pid in SEPARATED and form in ("capital", "place") and state.date \
                    and state.date < SEPARATED[pid][0]:
                pid = SEPARATED[pid][1]    # Juba before South Sudan: Sudan
            return Mention(i, i + L, (pid,), kind="media" if form == "media" else "party",
                           form=form)
        if key in reg.people:
            name = reg.person_at(key, state.date)
            return person_mention(reg, i, i + L, name, state, full=True)
        if key in reg.surnames and (i + L >= n or not words[i + L][:1].isupper()
                                    or words[i + L] in TITLES):
            name = _surname(reg, key, words, i, state)
            if name:
                return person_mention(reg, i, i + L, name, state, full=False)
    return None


def _known_person(words, i, state):
    """A person the document named before: the first words of a name not in the
    registry ("Hassan Sheikh"), or a surname alone."""
    w, n = words[i], len(words)
    if w in state.full_first:
        for L in range(min(state.full_first[w], n - i), 1, -1):
            name = state.full_names.get(tuple(words[i:i + L]))
            if name:
                return Mention(i, i + L, (state.person_party[name],), name, "person",
                               "name", role=state.person_role.get(name, ""))
    if w in state.persons and (i == 0 or not words[i - 1][:1].isupper()
                               or words[i - 1] in TITLES):
        name = state.persons[w]
        return Mention(i, i + 1, (state.person_party[name],), name, "person", "name",
                       role=state.person_role.get(name, ""))
    return None


def person_mention(reg, a, b, name, state, *, full) -> Mention:
    """A mention of the registry person ``name`` at ``a:b``, acting for the party of
    their office at the document's date; a full name is remembered for later."""
    t = reg.official_at(name, state.date)
    party = t.party if t else ""
    role = t.role if t else ""
    if full:
        state.learn_person(name, party, role, surname=name.split()[-1])
        parts = name.split()
        if len(parts) >= 3 and parts[1][:1].isupper():
            # "Hassan Sheikh Mohamud", later "President Hassan Sheikh"
            state.learn_name_start(tuple(parts[:2]), name, keep=True)
    return Mention(a, b, (party,), name, "person", "name", role=role)


def _surname(reg, key, words, i, state) -> str:
    """The person a surname names: one named before in the document, else the one
    in office at the date (with a title that fits), else any holder when all of
    them held office for the same party ("Bush")."""
    names = reg.surnames[key]
    for name in names:
        if name in state.person_party:
            return name
    titled = i > 0 and words[i - 1] in TITLES
    # "the Bush administration", "the Abe government": a leader's surname
    led = i + len(key) < len(words) and words[i + len(key)].lower() in LED
    if len(key) == 1 and key[0] in SURNAME_STOP and not (titled or led):
        return ""
    active = [nm for nm in names
              if any(t.active(state.date) for t in reg.terms.get(nm, []))]
    title = " ".join(words[max(0, i - 3):i]).lower() if titled else ""
    if len(active) > 1 and titled:
        # "Vice President Harris" in 2021: Kamala Harris, not the Prime Minister of
        # Saint Kitts and Nevis then in office
        fits = [nm for nm in active if any(
            t.active(state.date) and t.role and t.role.lower() in title
            for t in reg.terms.get(nm, []))]
        if len(fits) == 1:
            return fits[0]
    if len(active) == 1:
        return active[0]
    if not active:
        # (a title must fit an office the person held: "President Hassan Sheikh"
        # is no Prime Minister Hassan)
        if titled and any(w in OFFICE_WORDS for w in title.split()):
            names = [nm for nm in names if any(
                t.role and t.role.lower() in title for t in reg.terms.get(nm, []))]
        parties = {t.party for nm in names for t in reg.terms.get(nm, [])}
        if len(parties) == 1:       # "Bush": either Bush, the party is the same
            return max(names, key=lambda nm: max(t.start for t in reg.terms[nm]))
    return ""


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

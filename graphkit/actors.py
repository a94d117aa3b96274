"""The actor registry: parties, their names, and the officials who act for them.

Package data (``graphkit/data/*.csv``) holds every UN member and observer state,
international organisations, non-state groups, news outlets (which are never
parties) and officials with date-bounded offices. Users add their own parties
and aliases from a CSV (:meth:`Registry.extend_from_csv`).

Surface strings are matched case-sensitively on tokens (see :func:`tokenize`),
so ``"US"`` is the United States and ``"us"`` is a pronoun.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import ActorDataError, SourceError
from .io import read_regular_file
from .model import Actor
from .safe import clean_field

__all__ = ["Official", "Registry", "tokenize", "token_texts", "load_registry",
           "MAX_ACTOR_ROWS", "MAX_ACTOR_BYTES", "PARTY_KINDS",
           "SECTOR_NAMES"]

#: Sectors of generic groups (a state's id and a sector: ``SYR-REB``) and how they read.
SECTOR_NAMES = {"CVL": "civilians", "REB": "rebels", "OPP": "opposition", "GOV": "government",
                "MIL": "military", "COP": "police"}

#: Rows read from one ``--actors`` file at most (a million rows would hold
#: about 1.7 GB in the registry); a larger file is an error, not a slow death.
MAX_ACTOR_ROWS = 250_000
#: Largest ``--actors`` file, in bytes.
MAX_ACTOR_BYTES = 64 << 20
#: Kinds a party may have (the page, the report and Gephi colour and label by kind).
PARTY_KINDS = ("state", "igo", "ngo", "group", "person")

# dotted abbreviations, negative contractions and the possessive split as in the Penn
# Treebank ("won't" -> "wo", "n't"; "Russia's" -> "Russia", "'s"), words, single marks
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?=[nN]['’][tT]\b)|[nN]['’][tT]\b|['’][sS]\b|\w+|"
                    r"[^\w\s]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split text into ``(token, start, end)``: words, dotted abbreviations and
    single punctuation marks.

    Examples
    --------
    >>> [t for t, _, _ in tokenize("The U.S. and Russia-NATO talks.")]
    ['The', 'U.S.', 'and', 'Russia', '-', 'NATO', 'talks', '.']
    >>> [t for t, _, _ in tokenize("Iran won't talk.")]
    ['Iran', 'wo', "n't", 'talk', '.']
    >>> [t for t, _, _ in tokenize("Russia's envoy")]
    ['Russia', "'s", 'envoy']
    """
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def token_texts(text: str) -> list[str]:
    """The token strings of :func:`tokenize`, without offsets, computed faster.

    No token spans whitespace, so each whitespace-separated chunk is tokenized
    on its own; a chunk of letters and digits only (``str.isalnum``, the same
    characters as ``\\w`` less ``_``) is one ``\\w+`` token, one that only adds
    a final mark ("talks,") is two tokens, and only the other chunks go through
    the regular expression.

    Examples
    --------
    >>> token_texts("The U.S. and Russia-NATO talks.")
    ['The', 'U.S.', 'and', 'Russia', '-', 'NATO', 'talks', '.']
    """
    out: list[str] = []
    append = out.append
    findall = _TOKEN.findall
    for chunk in text.split():
        if chunk.isalnum():
            append(chunk)
        elif chunk[:-1].isalnum() and not chunk[-1].isalnum() and chunk[-1] != "_":
            append(chunk[:-1])      # (no dot inside, so no "U.S." abbreviation)
            append(chunk[-1])
        else:
            out += findall(chunk)
    return out


def _key(surface: str) -> tuple[str, ...]:
    # token_texts gives tokenize's tokens without building their offsets: the
    # registry makes 26,000 keys at start-up (0.09 s instead of 0.12 s)
    return tuple(token_texts(surface))


# name particles written either way ("el-Sisi" / "El-Sisi", "bin Salman" / "Bin Salman")
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "van", "von",
                        "der", "den", "le", "la", "del", "dos", "das", "abu", "ben"})


def _particle_spellings(key: tuple) -> list:
    """``key`` and, when it has a name particle, the spelling with the particles'
    case flipped (lower <-> capitalised)."""
    flipped = tuple(t.capitalize() if t in _PARTICLES else
                    t.lower() if t.lower() in _PARTICLES and t[:1].isupper() else t
                    for t in key)
    return [key] if flipped == key else [key, flipped]


@dataclass(frozen=True)
class Official:
    """One term of office: ``name`` held ``role`` for ``party`` from ``start`` to ``end``
    (ISO dates; empty ``end`` means still in office)."""

    name: str
    party: str
    role: str
    start: str = ""
    end: str = ""

    def active(self, date: str) -> bool:
        """Whether the term covers ``date`` (always true for an empty date)."""
        if not date:
            return True
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass
class Registry:
    """Parties, aliases and officials, with indexes for fast lookup.

    ``surfaces`` maps a token tuple to a list of ``(party_id, form)`` where form
    is ``name``, ``adj``, ``capital``, ``place`` (a city or region: a location, never
    an actor) or ``media``; ``people`` maps a full-name
    token tuple to the person's canonical name; ``surnames`` maps a surname
    token tuple to canonical names.
    """

    parties: dict = field(default_factory=dict)
    surfaces: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    shared_names: dict = field(default_factory=dict)
    surnames: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    members: dict = field(default_factory=dict)
    aliases: dict = field(default_factory=dict)
    first_tokens: dict = field(default_factory=dict)
    demonyms: dict = field(default_factory=dict)
    _by_office: dict | None = field(default=None, repr=False, compare=False)
    _by_office_size: int = field(default=-1, repr=False, compare=False)
    _prefixes: set | None = field(default=None, repr=False, compare=False)
    _prefixes_size: tuple = field(default=(), repr=False, compare=False)

    # -- building ---------------------------------------------------------
    def add_party(self, actor: Actor, *, aliases=(), adjectives=(), capitals=()) -> None:
        """Add or update a party and its surface forms."""
        self.parties[actor.id] = actor
        self._add_surface(actor.name, actor.id, "name")
        for s in aliases:
            self._add_surface(s, actor.id, "name")
        for s in adjectives:
            self._add_surface(s, actor.id, "adj")
            if s.strip():
                self.demonyms.setdefault(actor.id, s.strip())
        for s in capitals:
            self._add_surface(s, actor.id, "capital")

    def _add_surface(self, surface: str, pid: str, form: str) -> None:
        surface = surface.strip()
        if not surface:
            return
        key = _key(surface)
        entries = self.surfaces.setdefault(key, [])
        if (pid, form) not in entries:
            entries.append((pid, form))
        if form not in ("media", "place"):
            self.aliases.setdefault(pid, set()).add(surface)
        self._index_first(key)

    def _index_first(self, key):
        n = self.first_tokens.get(key[0], 0)
        if len(key) > n:
            self.first_tokens[key[0]] = len(key)

    def add_official(self, official: Official, *, aliases=(), surnames=()) -> None:
        """Add one term of office, its name variants and its surname forms."""
        self.terms.setdefault(official.name, []).append(official)
        for s in (official.name, *aliases):
            s = s.strip()
            if s:
                key = _key(s)
                known = self.people.get(key)
                if known and known != official.name:
                    # "King Abdullah": two people; the date picks (see person_at)
                    names = self.shared_names.setdefault(key, [known])
                    if official.name not in names:
                        names.append(official.name)
                self.people[key] = official.name
                self._index_first(key)
                for other in _particle_spellings(key)[1:]:
                    self.people.setdefault(other, official.name)
                    self._index_first(other)
        for s in surnames:
            s = s.strip()
            if s:
                for key in _particle_spellings(_key(s)):
                    names = self.surnames.setdefault(key, [])
                    if official.name not in names:
                        names.append(official.name)
                    self._index_first(key)

    def extend_from_csv(self, path) -> int:
        """Add parties and aliases from a user's CSV; return how many rows were read.

        The CSV needs ``id`` and ``name`` columns; optional ``kind`` (one of
        :data:`PARTY_KINDS`, default ``state``), ``country``, ``region``, and
        ``aliases``, ``adjectives``, ``capitals`` as ``;``-separated strings. An existing id gets the new
        aliases added. Rows with a ``party`` column instead describe officials
        (``name, party, role, start, end, aliases, surname``).

        Every cell is cleaned (:func:`graphkit.safe.clean_field`: no control
        character, no line break), so names cannot break GraphML, CSV or HTML.

        Raises
        ------
        ActorDataError
            If the file cannot be read (not a regular file, larger than
            :data:`MAX_ACTOR_BYTES`, not UTF-8, not CSV), has more than
            :data:`MAX_ACTOR_ROWS` rows, or lacks the required columns.
        """
        path = Path(path)
        try:
            data = read_regular_file(path, limit=MAX_ACTOR_BYTES, what="actors file")
            text = data.decode("utf-8-sig")
        except SourceError as exc:
            raise ActorDataError(str(exc)) from None
        except UnicodeDecodeError as exc:
            raise ActorDataError(f"actors file {_shown(path)} is not valid UTF-8 "
                                 f"(byte {exc.start}); save it as UTF-8") from None
        rows = _user_rows(text, path)
        if not rows:
            raise ActorDataError(f"actors file {_shown(path)} has no rows")
        cols = set(rows[0])
        if {"name", "party"} <= cols:
            _load_officials(self, rows, str(path))
        elif {"id", "name"} <= cols:
            _load_parties(self, rows, str(path), default_kind="state")
        else:
            raise ActorDataError(
                f"actors file {path} needs columns id,name (parties) or name,party (officials)")
        return len(rows)

    # -- lookup -------------------------------------------------------------
    def party(self, pid: str) -> Actor | None:
        """The party with id ``pid``, or None."""
        return self.parties.get(pid)

    def name(self, pid: str) -> str:
        """Display name of a party id (the id itself when unknown).

        A generic group (a state's id and a sector, ``AFG-CVL``) reads as the
        state's adjective and the sector: the id stays.

        Examples
        --------
        >>> reg = load_registry()
        >>> reg.name("RUS"), reg.name("AFG-CVL"), reg.name("CIV-REB"), reg.name("SYR-OPP")
        ('Russia', 'Afghan civilians', 'Ivorian rebels', 'Syrian opposition')
        >>> reg.name("XYZ-REB")
        'XYZ-REB'
        """
        a = self.parties.get(pid)
        if a is not None:
            return a.name
        base, _sep, sector = pid.partition("-")
        if sector in SECTOR_NAMES and base in self.parties:
            return f"{self.demonyms.get(base) or self.parties[base].name} {SECTOR_NAMES[sector]}"
        return pid

    def person_at(self, key: tuple, date: str = "") -> str:
        """The person a full-name token tuple names at ``date``: of several people
        sharing the name, the one in office then (else the last one listed).

        Examples
        --------
        >>> reg = load_registry()
        >>> reg.person_at(("King", "Abdullah"), "2023-12-07")
        'Abdullah II'
        >>> reg.person_at(("King", "Abdullah"), "2010-01-01")
        'Abdullah bin Abdulaziz'
        """
        names = self.shared_names.get(key)
        if names and date:
            for name in names:
                if any(t.active(date) for t in self.terms.get(name, ())):
                    return name
        return self.people.get(key, "")

    def official_at(self, name: str, date: str = "") -> Official | None:
        """The term of ``name`` in force at ``date`` (else the nearest one)."""
        terms = self.terms.get(name)
        if not terms:
            return None
        active = [t for t in terms if t.active(date)]
        if active:
            return max(active, key=lambda t: t.start)
        if date:
            before = [t for t in terms if t.start and t.start <= date]
            if before:
                return max(before, key=lambda t: t.start)
        return min(terms, key=lambda t: t.start)

    def holder(self, party: str, role: str, date: str = "") -> Official | None:
        """Who held ``role`` for ``party`` at ``date`` (None when unknown or no date).

        Examples
        --------
        >>> reg = load_registry()
        >>> reg.holder("NATO", "Secretary General", "2013-04-23").name
        'Anders Fogh Rasmussen'
        """
        if not date:
            return None
        active = [t for t in self._office_index().get((party, role), ()) if t.active(date)]
        return max(active, key=lambda t: t.start) if active else None

    def _office_index(self) -> dict:
        """``(party, role)`` -> terms, rebuilt when terms were added."""
        if self._by_office is None or self._by_office_size != len(self.terms):
            index: dict = {}
            for terms in self.terms.values():
                for t in terms:
                    index.setdefault((t.party, t.role), []).append(t)
            self._by_office, self._by_office_size = index, len(self.terms)
        return self._by_office

    def holders(self, role: str, date: str = "") -> list[Official]:
        """Everyone who held ``role`` for any party at ``date`` (at any time when
        ``date`` is empty).

        Examples
        --------
        >>> reg = load_registry()
        >>> "Laurent Gbagbo" in {t.name for t in reg.holders("President", "2003-01-01")}
        True
        """
        return [t for (_party, r), terms in self._office_index().items() if r == role
                for t in terms if not date or t.active(date)]

    def office_terms(self, party: str, role: str) -> list[Official]:
        """Every term of ``role`` for ``party`` the registry knows, at any time.

        Examples
        --------
        >>> reg = load_registry()
        >>> "Laurent Gbagbo" in {t.name for t in reg.office_terms("CIV", "President")}
        True
        """
        return list(self._office_index().get((party, role), ()))

    def key_prefixes(self) -> set:
        """Every leading part (length 1 up to the whole key) of the token keys
        of ``surfaces``, ``people`` and ``surnames``.

        A matcher extends a candidate token by token while the tuple is in this
        set, so it never tries lengths that no key has. Rebuilt when one of the
        three indexes has grown (keys are only ever added).

        Examples
        --------
        >>> ("United", "States") in load_registry().key_prefixes()
        True
        """
        size = (len(self.surfaces), len(self.people), len(self.surnames))
        if self._prefixes is None or self._prefixes_size != size:
            prefixes = set()
            for index in (self.surfaces, self.people, self.surnames):
                for key in index:
                    for j in range(1, len(key) + 1):
                        prefixes.add(key[:j])
            self._prefixes, self._prefixes_size = prefixes, size
        return self._prefixes

    def resolve(self, surface: str, date: str = "") -> str | None:
        """Party id for a surface string (a name, alias, adjective, capital or a
        person's full name), or None.

        Examples
        --------
        >>> reg = load_registry()
        >>> reg.resolve("Moscow"), reg.resolve("Sergey Lavrov"), reg.resolve("the Alliance")
        ('RUS', 'RUS', 'NATO')
        """
        key = _key(surface)
        for pid, form in self.surfaces.get(key, []):
            if form != "media":
                return pid
        person = self.people.get(key)
        if person:
            t = self.official_at(person, date)
            return t.party if t else None
        return None


def _shown(path) -> str:
    return os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _user_rows(text: str, path) -> list[dict]:
    """The rows of a user's CSV as dicts of cleaned one-line strings."""
    csv.field_size_limit(1 << 20)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    try:
        for row in reader:
            if len(rows) >= MAX_ACTOR_ROWS:
                raise ActorDataError(f"actors file {_shown(path)} has more than "
                                     f"{MAX_ACTOR_ROWS:,} rows")
            rows.append(row)
    except csv.Error as exc:
        raise ActorDataError(f"actors file {_shown(path)}: invalid CSV near line "
                             f"{reader.line_num} ({exc})") from None
    # csv gives extra cells under the key None and missing ones as None
    return [{clean_field(k): clean_field(v) for k, v in row.items()
             if isinstance(k, str) and isinstance(v, str)} for row in rows]


def _split(value) -> list[str]:
    return [s for s in (value or "").split(";") if s.strip()]


def _load_parties(reg: Registry, rows, where: str, *, default_kind: str) -> None:
    for n, row in enumerate(rows, 2):
        pid = (row.get("id") or "").strip()
        name = (row.get("name") or "").strip()
        if not pid or not name:
            raise ActorDataError(f"{where}:{n}: a party needs an id and a name")
        old = reg.parties.get(pid)
        kind = (row.get("kind") or "").strip() or (old.kind if old else default_kind)
        if kind not in PARTY_KINDS:
            raise ActorDataError(f"{where}:{n}: unknown kind {kind!r} (known: "
                                 f"{', '.join(PARTY_KINDS)})")
        country = (row.get("country") or "").strip()
        if kind == "state":
            country = country or pid
        actor = Actor(pid, name, kind, country or (old.country if old else ""),
                      (row.get("region") or "").strip() or (old.region if old else ""))
        aliases = _split(row.get("aliases"))
        if row.get("official_name"):
            aliases.append(row["official_name"])
        reg.add_party(actor, aliases=aliases, adjectives=_split(row.get("adjectives")),
                      capitals=_split(row.get("capitals")))
        members = _split(row.get("members"))
        if members:
            reg.members[pid] = tuple(m.strip() for m in members)


def _load_officials(reg: Registry, rows, where: str) -> None:
    for n, row in enumerate(rows, 2):
        name, party = (row.get("name") or "").strip(), (row.get("party") or "").strip()
        if not name or not party:
            raise ActorDataError(f"{where}:{n}: an official needs a name and a party")
        off = Official(name, party, (row.get("role") or "").strip(),
                       (row.get("start") or "").strip(), (row.get("end") or "").strip())
        reg.add_official(off, aliases=_split(row.get("aliases")),
                         surnames=_split(row.get("surname")))


def _read_package_csv(name: str) -> list[dict]:
    try:
        text = resources.files("graphkit").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ActorDataError(f"package data file {name} is missing (broken install?)") from None
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines))


@functools.lru_cache(maxsize=1)
def _package_registry() -> Registry:
    reg = Registry()
    _load_parties(reg, _read_package_csv("states.csv"), "states.csv", default_kind="state")
    _load_parties(reg, _read_package_csv("organisations.csv"), "organisations.csv",
                  default_kind="igo")
    _load_parties(reg, _read_package_csv("groups.csv"), "groups.csv", default_kind="group")
    for row in _read_package_csv("media.csv"):
        for s in [row.get("name", ""), *_split(row.get("aliases"))]:
            if s.strip():
                reg._add_surface(s, row.get("country", ""), "media")
    # places and names that contain a country's name but are not that party
    # ("New Mexico", "Latin America", "South China Sea"): matched, then ignored
    for row in _read_package_csv("nonparties.csv"):
        if row.get("name", "").strip():
            reg._add_surface(row["name"], "", "media")
    # cities and regions: where something happens, never who acts ("police in
    # Karachi", "the West Bank"); a name already taken by a party stays the party's
    for row in _read_package_csv("places.csv"):
        name, party = (row.get("name") or "").strip(), (row.get("party") or "").strip()
        if name and party and _key(name) not in reg.surfaces:
            reg._add_surface(name, party, "place")
    _load_officials(reg, _read_package_csv("officials.csv"), "officials.csv")
    return reg


def load_registry(extra=()) -> Registry:
    """The package registry, extended with the user's CSV files in ``extra``.

    The package part is loaded once per process and copied, so extending one
    registry never changes another.

    Examples
    --------
    >>> reg = load_registry()
    >>> reg.party("RUS").name, reg.party("NATO").kind
    ('Russia', 'igo')
    """
    base = _package_registry()
    reg = Registry(
        parties=dict(base.parties),
        surfaces={k: list(v) for k, v in base.surfaces.items()},
        people=dict(base.people),
        shared_names={k: list(v) for k, v in base.shared_names.items()},
        surnames={k: list(v) for k, v in base.surnames.items()},
        terms={k: list(v) for k, v in base.terms.items()},
        members=dict(base.members),
        aliases={k: set(v) for k, v in base.aliases.items()},
        first_tokens=dict(base.first_tokens),
        demonyms=dict(base.demonyms),
    )
    for path in extra:
        reg.extend_from_csv(path)
    return reg

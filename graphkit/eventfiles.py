"""Read existing event datasets (GDELT 1.0/2.0, ICEWS, graphkit's own events.csv).

Every reader streams: a file is read in chunks of ``chunksize`` lines and each
chunk is mapped with vectorised pandas/numpy operations to the ``events.csv``
contract (:data:`graphkit.model.EVENT_COLUMNS`) plus one extra integer column
``weight`` (GDELT ``NumMentions``, 1 otherwise).

Formats
-------
``gdelt2``
    GDELT 2.0 event export: 61 tab-separated columns, no header
    (``*.export.CSV``, optionally zipped).
``gdelt1``
    GDELT 1.0 events: 58 columns (daily files) or 57 columns (historical
    backfile, no ``SOURCEURL``); both widths may be mixed in one file. Also an
    R-exported CSV with a header row of GDELT column names, quoted strings,
    ``NA`` and a leading row-name column.
``icews``
    ICEWS coded events (``.tab``): a header with ``Event ID``, ``Event Date``,
    ``Source Name``, ``Source Sectors``, ``Source Country``, ``CAMEO Code``,
    ``Intensity``, ``Target ...``, ``Story ID``, ``Sentence Number``.
``events``
    graphkit's own ``events.csv`` read back (header equal to
    ``EVENT_COLUMNS``, optionally followed by ``weight``), so that hand-edited
    events can be rebuilt into graphs.

Mapping
-------
* Event types: the CAMEO event code is looked up in ``data/cameo_plover.csv``
  (columns ``cameo, category, mode, context, label``), falling back to the
  3-digit base code and then the 2-digit root code. The table follows the
  CAMEO to PLOVER conversion (draft 0.8) with the PLOVER 0.5 names folded into
  graphkit's categories: CAMEO 10 DEMAND is ``REQUEST`` with mode ``demand``
  (quad class 3, polarity -1), CAMEO 02 APPEAL is ``REQUEST`` with mode
  ``appeal``, INVESTIGATE (09) and DISAPPROVE (11) are ``ACCUSE``, FIGHT (19) is
  ``ASSAULT``. CAMEO 01 public statements have no PLOVER category (rows are
  rejected as ``"no PLOVER category"``) except 018 empathetic comment and
  019 express accord, which are ``SUPPORT``.
* Parties: GDELT ``Actor1/2CountryCode`` and ``KnownGroupCode`` are CAMEO
  codes, looked up in ``data/cameo_countries.csv`` (columns ``code, party,
  kind, name``). Country codes map to ISO 3166-1 alpha-3 (``ROM`` -> ``ROU``,
  ``TMP`` -> ``TLS``, ``KSV`` -> ``XKX``, ``WSB``/``GZS`` -> ``PSE``; former states keep
  their retired ISO codes ``SUN``, ``YUG``, ``SCG``, ``CSK``, ``DDR``). Regional codes
  (``AFR``, ``EUR``, ``MEA``, ``WST``, ... kind ``region``) map to no party.
  Known groups of kind ``igo``, ``group`` and ``ngo`` map to organisation ids
  (``UNO`` -> ``UN``, ``NAT`` -> ``NATO``, ``EEC`` -> ``EU``, ``AFU`` -> ``AU``,
  ``ARL`` -> ``ARAB-LEAGUE``, ``OPC`` -> ``OPEC``, ``IAE`` -> ``IAEA``, ``WBK`` -> ``WB``,
  ``HMS`` -> ``HAMAS``, ``TAL`` -> ``TALIBAN``, ...). An organisation named in the actor
  code wins over the country (the most specific one: ``IGOUNODEVWBK`` is the
  World Bank, not the UN; ``AFGINSTAL`` is the Taliban, not Afghanistan).
  ICEWS country names (and organisation names) are looked up in
  ``data/icews_countries.csv`` (``name, party``), completed by the actor
  registry's ``data/states.csv``, ``organisations.csv`` and ``groups.csv``
  (``id, name, [official_name], aliases``) when those files exist. Party ids
  follow the registry (``WB``, ``AQ``, ``ISIL``, ``UNSC``...).
* Other fields: ``event_id`` is ``GLOBALEVENTID`` / ``Event ID``; ``doc_id``
  the ``SOURCEURL`` when there is one, else ``<file name>:<line>``; ``date``
  ISO from ``SQLDATE`` / ``Event Date``; ``source_name`` / ``target_name`` the
  actor names; ``source_agent`` / ``target_agent`` the name followed by the
  GDELT type codes or ICEWS sectors (``"RUSSIA (GOV)"``); ``intensity`` the
  Goldstein score / ICEWS intensity (the category's default when missing);
  ``evidence`` the ``SOURCEURL`` (GDELT) or ``<Story ID>/<Sentence Number>``
  (ICEWS); ``sentence_id``, ``char_start``, ``char_end`` 0; ``negated``
  false; ``issue``, ``modality``, ``speaker`` empty; ``extractor`` the format.
* ``events`` files keep their values (coerced by
  :func:`graphkit.graph.events_frame`), except that ``quad_class`` and
  ``polarity`` are recomputed from ``event_type`` and ``mode`` (polarity 0
  for negated events), an empty
  ``intensity`` becomes the category default and an empty ``extractor``
  becomes ``"events"``.
* A row whose target cannot be resolved is kept with an empty ``target``;
  a row that cannot be mapped is rejected and counted in an
  :class:`ImportReport` under the first reason that applies, in the order of
  :data:`REJECT_REASONS`: ``bad column count``, ``bad date``, ``unknown CAMEO
  code``, ``no PLOVER category``, ``unknown event type`` (events files),
  ``no source actor`` (no actor coded), ``source not a party`` (a region, a
  sector without a country, an ethnic group, an unknown code or name).

String columns of the yielded frames are ``object`` dtype (no conversion cost);
integer columns are ``int64``, ``intensity`` ``float64``, ``negated`` ``bool``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from .errors import SourceError
from .graph import events_frame
from .safe import EXCEL_BOM, clean_field, clean_text, unguard_cell
from .model import CATEGORIES, EVENT_COLUMNS, default_polarity, quad_class

__all__ = [
    "FORMATS",
    "REJECT_REASONS",
    "GDELT1_COLUMNS",
    "GDELT2_COLUMNS",
    "ImportReport",
    "EventReader",
    "detect_format",
    "read_events",
    "split_blocks",
    "cameo_event_table",
    "cameo_actor_table",
]

#: Formats understood by :func:`read_events`.
FORMATS = ("gdelt2", "gdelt1", "icews", "events")

#: Rejection reasons, in the order they are tested (a row counts under the first).
REJECT_REASONS = (
    "bad column count",
    "bad date",
    "unknown CAMEO code",
    "no PLOVER category",
    "unknown event type",
    "no source actor",
    "source not a party",
    "no event_id",
    "duplicate event_id",
    "bad intensity",
    "bad number",
)

#: Reasons that mean a row is malformed (rather than not mappable): ``--strict``
#: fails on them. In graphkit's own ``events.csv`` every rejected row is malformed.
MALFORMED_REASONS = frozenset({"bad column count", "bad date", "no event_id",
                               "duplicate event_id", "bad intensity", "bad number"})

#: Intensities are Goldstein-like scores: a hand-edited value outside this
#: range is rejected (``bad intensity``).
INTENSITY_RANGE = (-10.0, 10.0)
#: Largest ``sentence_id`` / ``char_start`` / ``char_end`` accepted (``bad number`` above).
MAX_POSITION = 10**12
#: Longest line read from an event file (bytes); a longer one stops the import
#: with an error instead of filling memory (a GDELT row is about 1 KB).
MAX_LINE_BYTES = 1 << 26

#: GDELT 1.0 event columns (58; the historical backfile omits ``SOURCEURL``).
GDELT1_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)


def _gdelt2_columns():
    cols = []
    for c in GDELT1_COLUMNS:
        cols.append(c)
        if c.endswith("Geo_ADM1Code"):
            cols.append(c.replace("ADM1", "ADM2"))
    return tuple(cols)


#: GDELT 2.0 event columns (61: GDELT 1.0 plus an ``ADM2Code`` per geography).
GDELT2_COLUMNS = _gdelt2_columns()

_GDELT_WIDTHS = {"gdelt1": (57, 58), "gdelt2": (61,)}
_GDELT_USED = (
    "GLOBALEVENTID", "SQLDATE",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "EventCode", "GoldsteinScale", "NumMentions", "SOURCEURL",
)
#: Header spellings seen in the wild for a GDELT column (lower case).
_GDELT_ALIASES = {"sqldate": ("sqldate", "day")}
_ICEWS_REQUIRED = ("Event Date", "Source Name", "Source Country", "CAMEO Code",
                   "Target Name", "Target Country")
_ICEWS_OPTIONAL = ("Event ID", "Source Sectors", "Target Sectors", "Intensity",
                   "Story ID", "Sentence Number")

_MAX_EXAMPLES = 20
_READ_BLOCK = 1 << 24
_MISSING = object()
_ORG_KINDS = ("igo", "group", "ngo")


# --------------------------------------------------------------------------- report


@dataclass
class ImportReport:
    """What an import read, kept and rejected.

    Invariant: ``rows_read == rows_mapped + sum(rejected.values())``. Blank
    lines and header lines are not rows.

    Attributes
    ----------
    rows_read : int
        Data rows seen.
    rows_mapped : int
        Rows yielded as events.
    rejected : dict of str to int
        Rejected rows per reason (see :data:`REJECT_REASONS`).
    examples : dict of str to list of int
        Up to 20 example line numbers (1-based, in the file) per reason.
    rows_without_target : int
        Mapped rows whose target is empty (kept, as the contract allows).

    Examples
    --------
    >>> r = ImportReport()
    >>> r.count(rows=3, mapped=1, rejected={"bad date": [7, 9]})
    >>> r.rows_read, r.rows_mapped, r.rejected, r.examples
    (3, 1, {'bad date': 2}, {'bad date': [7, 9]})
    >>> print(r.summary())
    3 rows read, 1 mapped, 2 rejected (bad date: 2)
    """

    rows_read: int = 0
    rows_mapped: int = 0
    rejected: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)
    rows_without_target: int = 0

    def count(self, *, rows: int, mapped: int, rejected: dict | None = None,
              without_target: int = 0) -> None:
        """Add one chunk's counts; ``rejected`` maps a reason to its line numbers."""
        self.rows_read += int(rows)
        self.rows_mapped += int(mapped)
        self.rows_without_target += int(without_target)
        for reason, lines in (rejected or {}).items():
            if not len(lines):
                continue
            self.rejected[reason] = self.rejected.get(reason, 0) + len(lines)
            ex = self.examples.setdefault(reason, [])
            ex.extend(int(x) for x in lines[: max(0, _MAX_EXAMPLES - len(ex))])

    def merge(self, other: "ImportReport") -> None:
        """Add the counts of another report: one of a file read in blocks, added
        in file order (the examples stay the first ones in the file).

        Examples
        --------
        >>> a, b = ImportReport(), ImportReport()
        >>> a.count(rows=2, mapped=1, rejected={"bad date": [2]})
        >>> b.count(rows=2, mapped=1, rejected={"bad date": [9]})
        >>> a.merge(b); a.rows_read, a.examples
        (4, {'bad date': [2, 9]})
        """
        self.rows_read += other.rows_read
        self.rows_mapped += other.rows_mapped
        self.rows_without_target += other.rows_without_target
        for reason, n in other.rejected.items():
            self.rejected[reason] = self.rejected.get(reason, 0) + n
            ex = self.examples.setdefault(reason, [])
            ex.extend(other.examples.get(reason, [])[:max(0, _MAX_EXAMPLES - len(ex))])

    def malformed(self, format: str = "") -> int:
        """Rows rejected as malformed (:data:`MALFORMED_REASONS`; every rejected
        row of a graphkit ``events.csv``, ``format="events"``)."""
        return sum(n for r, n in self.rejected.items()
                   if format == "events" or r in MALFORMED_REASONS)

    def summary(self) -> str:
        """One line: rows read, mapped, rejected by reason."""
        total = sum(self.rejected.values())
        text = f"{self.rows_read} rows read, {self.rows_mapped} mapped, {total} rejected"
        if self.rejected:
            text += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.rejected.items())) + ")"
        return text

    def as_dict(self) -> dict:
        """A JSON-ready copy."""
        return {
            "rows_read": self.rows_read,
            "rows_mapped": self.rows_mapped,
            "rejected": dict(sorted(self.rejected.items())),
            "examples": {k: list(v) for k, v in sorted(self.examples.items())},
            "rows_without_target": self.rows_without_target,
        }


# --------------------------------------------------------------------------- tables


def _data_path(name: str):
    return resources.files("graphkit").joinpath("data", name)


def _read_package_csv(name: str) -> pd.DataFrame:
    with _data_path(name).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype=str, keep_default_na=False)


def cameo_event_table() -> pd.DataFrame:
    """The CAMEO -> PLOVER table (``data/cameo_plover.csv``).

    Columns ``cameo, category, mode, context, label``; ``category`` is one of
    :data:`graphkit.model.CATEGORIES` or empty (no PLOVER category).

    Examples
    --------
    >>> t = cameo_event_table().set_index("cameo")
    >>> t.loc["042", ["category", "mode"]].tolist(), t.loc["1041", ["category", "mode"]].tolist()
    (['CONSULT', 'visit'], ['REQUEST', 'demand'])
    """
    return _cameo_event_table().copy()


@lru_cache(maxsize=None)
def _cameo_event_table() -> pd.DataFrame:
    t = _read_package_csv("cameo_plover.csv")
    bad = sorted(set(t["category"]) - set(CATEGORIES) - {""})
    if bad:
        raise SourceError(f"cameo_plover.csv: unknown categories {bad}")
    return t


def cameo_actor_table() -> pd.DataFrame:
    """CAMEO country, region and known-group codes (``data/cameo_countries.csv``).

    Columns ``code, party, kind, name``; ``kind`` is ``state``, ``historical``,
    ``region`` (no party), ``igo``, ``group`` or ``ngo``.

    Examples
    --------
    >>> t = cameo_actor_table().set_index("code")
    >>> t.loc[["ROM", "EUR", "NAT", "AFU"], "party"].tolist()
    ['ROU', '', 'NATO', 'AU']
    """
    return _cameo_actor_table().copy()


@lru_cache(maxsize=None)
def _cameo_actor_table() -> pd.DataFrame:
    return _read_package_csv("cameo_countries.csv")


def _norm_name(name: str) -> str:
    """Lower case, accents folded, typographic apostrophes straightened,
    spaces collapsed, a leading "the " dropped."""
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u2018", "'"))
    s = " ".join(s.encode("ascii", "ignore").decode("ascii").lower().split())
    return s[4:] if s.startswith("the ") else s


class _Tables:
    """Lookup arrays and dicts built once from the package tables."""

    def __init__(self):
        ev = _cameo_event_table()
        self.code_row = {c: i for i, c in enumerate(ev["cameo"])}
        cats = ev["category"].tolist()
        modes = ev["mode"].tolist()
        quads = [quad_class(c, m) if c else 0 for c, m in zip(cats, modes)]
        pols = [default_polarity(c, m) if c else 0 for c, m in zip(cats, modes)]
        dint = [CATEGORIES[c][2] if c else 0.0 for c in cats]
        # index -1 (unknown code) picks the sentinel at the end
        self.cat = np.array(cats + [""], dtype=object)
        self.mode = np.array(modes + [""], dtype=object)
        self.quad = np.array(quads + [0], dtype=np.int64)
        self.pol = np.array(pols + [0], dtype=np.int64)
        self.default_intensity = np.array(dint + [0.0], dtype=np.float64)

        act = _cameo_actor_table()
        self.country = dict(zip(act["code"], act["party"]))
        org = act[act["kind"].isin(_ORG_KINDS)]
        self.org = dict(zip(org["code"], org["party"]))
        self.states = set(act.loc[act["kind"].isin(("state", "historical")), "party"]) - {""}

        names = {}
        icews = _read_package_csv("icews_countries.csv")
        for n, p in zip(icews["name"], icews["party"]):
            names.setdefault(_norm_name(n), p)
        # the actor registry's tables, when present, add names and aliases
        for table, is_state in (("states.csv", True), ("organisations.csv", False),
                                ("groups.csv", False)):
            for pid, n in _registry_names(table):
                names.setdefault(_norm_name(n), pid)
                if is_state:
                    self.states.add(pid)
        self.names = names

    def cameo_index(self, code: str, zero_pad: bool = False) -> int:
        """Row of a CAMEO code, falling back to its 3- then 2-digit root; -1 if unknown."""
        c = code.strip()
        if zero_pad and c.isdigit():
            if len(c) == 2 or (len(c) == 3 and c not in self.code_row and "0" + c in self.code_row):
                c = "0" + c
        for k in (c, c[:3], c[:2]):
            if len(k) >= 2 and k in self.code_row:
                return self.code_row[k]
        return -1

    def gdelt_party(self, key: tuple) -> str | None:
        """Party of a GDELT actor from ``(code, country code, known group code)``:
        None when all three are empty, "" when it is not a party."""
        code, country, group = (x.strip() for x in key)
        if not (code or country or group):
            return None
        if code[:3] in ("IGO", "NGO") or group:
            best = ""
            for i in range(0, len(code) - 2, 3):
                best = self.org.get(code[i:i + 3], best)
            if best:
                return best
        if group:
            p = self.org.get(group, "")
            if p:
                return p
        return self.country.get(country, "")

    def icews_party(self, key: tuple) -> str | None:
        """Party of an ICEWS actor from ``(name, country)``: an organisation
        named wins, then the country, then a state named; None when both are
        empty, "" when it is not a party."""
        name, country = (x.strip() for x in key)
        if not (name or country):
            return None
        by_name = self.names.get(_norm_name(name), "") if name else ""
        if by_name and by_name not in self.states:
            return by_name
        by_country = self.names.get(_norm_name(country), "") if country else ""
        return by_country or by_name


def _registry_names(name: str) -> list:
    """``(id, name)`` pairs from a registry table (``id, name, official_name,
    aliases`` with ``;``-separated aliases); empty when the file is absent."""
    path = _data_path(name)
    if not path.is_file():
        return []
    try:
        with path.open("r", encoding="utf-8") as fh:
            table = pd.read_csv(fh, dtype=str, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError):
        return []
    if "id" not in table.columns:
        return []
    out = []
    for col in ("name", "official_name", "aliases"):
        if col in table.columns:
            for pid, val in zip(table["id"], table[col]):
                out.extend((pid, n) for n in str(val).split(";") if n.strip() and pid)
    return out


@lru_cache(maxsize=None)
def _tables() -> _Tables:
    return _Tables()


def load_tables() -> None:
    """Build the CAMEO and country lookup tables now rather than on first read
    (worker processes forked afterwards share them instead of each building them)."""
    _tables()


# --------------------------------------------------------------------------- opening and sniffing


@dataclass(frozen=True)
class _Layout:
    format: str
    sep: str
    header: tuple | None  # column names of the header line, None when there is none
    rownames: bool = False  # a leading unnamed row-name column (R write.csv)
    excel: bool = False  # starts with a byte order mark: graphkit's --excel form


class _LineLimit(io.RawIOBase):
    """A binary stream that fails with :class:`SourceError` on a line longer
    than :data:`MAX_LINE_BYTES`, so one endless line (a 3 GB GDELT member
    with no line break) stops the import instead of filling memory."""

    def __init__(self, raw, path):
        self._raw = raw
        self._path = path
        self._since_newline = 0

    def readable(self):
        return True

    def seekable(self):
        return self._raw.seekable()

    def seek(self, offset, whence=io.SEEK_SET):
        self._since_newline = 0
        return self._raw.seek(offset, whence)

    def tell(self):
        return self._raw.tell()

    def readinto(self, buffer):
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        last = data.rfind(b"\n")
        self._since_newline = n - last - 1 if last >= 0 else self._since_newline + n
        if self._since_newline > MAX_LINE_BYTES:
            raise SourceError(f"{self._path}: a line longer than {MAX_LINE_BYTES:,} bytes; "
                              "not an event file (or a broken one)")
        return n


class _Opened:
    """A binary stream over a file or the single member of a zip archive."""

    def __init__(self, path: Path):
        self.path = path
        self._stack = ExitStack()
        try:
            if path.suffix.lower() == ".zip":
                zf = self._stack.enter_context(zipfile.ZipFile(path))
                members = [i for i in zf.infolist() if not i.is_dir()]
                if len(members) != 1:
                    raise SourceError(
                        f"{path}: expected a zip archive with one member, found {len(members)}")
                self.member = members[0].filename
                raw = self._stack.enter_context(zf.open(members[0]))
            else:
                self.member = ""
                raw = self._stack.enter_context(open(path, "rb", buffering=0))
            self.stream = self._stack.enter_context(
                io.BufferedReader(_LineLimit(raw, path), buffer_size=1 << 16))
        except SourceError:
            self._stack.close()
            raise
        except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError) as exc:
            self._stack.close()
            raise SourceError(f"cannot read event file {path}: {_why(exc)}") from None

    def close(self):
        self._stack.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _why(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _sniff(path: Path) -> _Layout | None:
    with _Opened(path) as op:
        try:
            head = op.stream.read(1 << 16)
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise SourceError(f"cannot read event file {path}: {_why(exc)}") from None
    if head.count(b"\x00") > len(head) // 100:    # binary; a stray NUL is no reason
        return None
    excel = head.startswith(EXCEL_BOM.encode("utf-8"))
    text = head.replace(b"\x00", b"").decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = text.split("\n")
    if len(head) == 1 << 16 and len(lines) > 1:
        lines = lines[:-1]  # drop a partial last line
    lines = [ln.rstrip("\r") for ln in lines if ln.strip()][:8]
    if not lines:
        return None
    first = lines[0]
    if "\t" in first:
        fields = [f.strip().strip('"') for f in first.split("\t")]
        low = [f.lower() for f in fields]
        if "source name" in low and "cameo code" in low:
            return _Layout("icews", "\t", tuple(fields))
        if low[0] == "globaleventid":
            fmt = {61: "gdelt2", 57: "gdelt1", 58: "gdelt1"}.get(len(fields))
            return _Layout(fmt, "\t", tuple(fields)) if fmt else None
        widths = [len(ln.split("\t")) for ln in lines if ln.split("\t", 1)[0].strip().isdigit()]
        if not widths:
            return None
        width = Counter(widths).most_common(1)[0][0]
        fmt = {61: "gdelt2", 57: "gdelt1", 58: "gdelt1"}.get(width)
        return _Layout(fmt, "\t", None) if fmt else None
    try:
        rows = list(csv.reader(lines[:2]))
    except csv.Error:
        return None
    header = [h.strip() for h in rows[0]]
    rownames = len(rows) > 1 and len(rows[1]) == len(header) + 1
    if header and header[0] == "" and len(rows) > 1 and len(rows[1]) == len(header):
        header, rownames = header[1:], True  # R write.csv(row.names=TRUE) header
    n = len(EVENT_COLUMNS)
    if tuple(header[:n]) == EVENT_COLUMNS and header[n:] in ([], ["weight"]):
        return _Layout("events", ",", tuple(header), excel=excel)
    low = [h.lower() for h in header]
    if "source name" in low and "cameo code" in low:
        return _Layout("icews", ",", tuple(header), rownames)
    if "globaleventid" in low and ("sqldate" in low or "day" in low):
        fmt = "gdelt2" if "actor1geo_adm2code" in low else "gdelt1"
        return _Layout(fmt, ",", tuple(header), rownames)
    return None


def detect_format(path) -> str | None:
    """Recognise an event file by its first lines.

    Parameters
    ----------
    path : str or Path
        A ``.CSV``/``.csv``/``.tsv``/``.tab``/``.txt`` file, or a ``.zip`` with
        one member.

    Returns
    -------
    str or None
        ``"gdelt2"`` (61 tab-separated columns), ``"gdelt1"`` (57 or 58
        columns, or an R-exported CSV with GDELT column names), ``"icews"``
        (a header with ``Source Name`` and ``CAMEO Code``), ``"events"``
        (graphkit's ``events.csv`` header), or None when not recognised.

    Raises
    ------
    SourceError
        The file cannot be opened or read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from graphkit.model import EVENT_COLUMNS
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "events.csv").write_text(",".join(EVENT_COLUMNS) + "\\n")
    >>> detect_format(d / "events.csv")
    'events'
    >>> _ = (d / "x.export.CSV").write_text("\\t".join(["1"] + [""] * 60) + "\\n")
    >>> detect_format(d / "x.export.CSV")
    'gdelt2'
    >>> _ = (d / "notes.txt").write_text("hello\\n")
    >>> detect_format(d / "notes.txt") is None
    True
    """
    layout = _sniff(Path(path))
    return layout.format if layout else None


# --------------------------------------------------------------------------- chunk readers


def _nth_newline_end(data: bytes, k: int) -> int:
    """Offset just after the k-th newline of ``data``."""
    return int(np.flatnonzero(np.frombuffer(data, np.uint8) == 10)[k - 1]) + 1


def _line_blocks(stream, nlines: int, seekable: bool = False) -> Iterator[tuple]:
    """``(data, end, n)`` triples: ``data[:end]`` holds ``n`` whole lines (at
    most ``nlines``; the file's last line may lack its newline) and
    ``data[end:]`` is the start of a line that the next block holds again.

    Reads are sized from the bytes per line seen so far, so a block is usually
    one read; on a seekable file the partial line at the end of a read is
    re-read after a seek back rather than copied, so the data is not copied
    again before parsing.
    """
    size = min(_READ_BLOCK, max(1 << 16, nlines * 64))
    rem = b""
    while True:
        piece = stream.read(size)
        if not piece:  # end of file: what is left, still at most nlines per block
            while rem:
                n = rem.count(b"\n") + (0 if rem.endswith(b"\n") else 1)
                if n <= nlines:
                    yield rem, len(rem), n
                    return
                end = _nth_newline_end(rem, nlines)
                yield rem, end, nlines
                rem = rem[end:]
            return
        data = rem + piece if rem else piece
        count = data.count(b"\n")
        if count == 0:  # a line longer than the read
            rem = data
            continue
        if count > nlines:
            end, n = _nth_newline_end(data, nlines), nlines
        else:
            end, n = data.rfind(b"\n") + 1, count
        tail = len(data) - end
        if tail and seekable:
            stream.seek(-tail, io.SEEK_CUR)
            rem = b""
        else:
            rem = data[end:]
        yield data, end, n
        # aim the next read at just under nlines lines
        size = max(1 << 16, min(_READ_BLOCK * 16, int(end / n * nlines * 0.97)))


def _tab_chunks(op: _Opened, *, positions: dict, widths_ok: tuple, skip_header: bool,
                chunksize: int, block: tuple | None = None):
    """Parse a tab-separated file without quoting, chunk by chunk (only the
    bytes of ``block``, ``(start, stop, first line)``, when it is given).

    Yields ``(columns, lines, widths)``: a dict name -> object ndarray for the
    non-blank lines of the chunk, their 1-based line numbers and their field
    counts (counted on the raw bytes, so short and long rows are both seen).
    """
    line_no = 1
    stream = op.stream
    seekable = not op.member and stream.seekable()
    if block is not None:
        start, stop, line_no = block
        stream.seek(start)
        stream, seekable = _Bounded(stream, stop - start), False
    elif skip_header:
        stream.readline()
        line_no = 2
    usecols = sorted(set(positions.values()))
    for data, end, n in _line_blocks(stream, chunksize, seekable):
        lines = np.arange(line_no, line_no + n, dtype=np.int64)
        line_no += n
        tail = int(end < len(data))  # a partial line after the block: parsed, then dropped
        df = None
        ntabs = data.count(b"\t", 0, end)
        for w in widths_ok:
            # Fast path, exact: if the block holds n * (w - 1) tabs and no line is
            # short (a short or blank line leaves its last field empty after
            # padding), then no line is long either: every line has w fields.
            if ntabs == n * (w - 1):
                try:
                    df = _parse_tab_block(data, w, sorted(set(usecols) | {w - 1}))
                except (pd.errors.ParserError, ValueError):
                    df = None
                if (df is not None and len(df) == n + tail
                        and (df[w - 1].to_numpy(dtype=object)[:n] != "").all()):
                    widths = np.full(n, w, dtype=np.int64)
                    keep = slice(0, n)
                    break
                df = None
        if df is None:
            block = data[:end] if tail else data
            widths, blank = _line_widths(block, n)
            # all columns: with usecols the parser rejects blocks whose rows are all short
            df = _parse_tab_block(block, max(int(widths.max()), max(widths_ok)), None,
                                  path=op.path, first_line=int(lines[0]))
            if len(df) != n:
                raise SourceError(f"cannot parse {op.path} near line {lines[0]}: "
                                  f"{len(df)} rows for {n} lines")
            keep = ~blank if blank.any() else slice(0, n)
        cols = {name: df[pos].to_numpy(dtype=object)[keep] for name, pos in positions.items()}
        if b"\r" in data[:1 << 16]:  # CRLF line ends (checked on the first lines)
            for name, values in cols.items():
                cols[name] = _strip(values)
        yield cols, lines[keep], widths[keep]


class _Bounded:
    """The next ``size`` bytes of a binary stream, as a stream."""

    def __init__(self, stream, size: int):
        self._stream, self._left = stream, size

    def read(self, n: int = -1) -> bytes:
        n = self._left if n is None or n < 0 else min(n, self._left)
        data = self._stream.read(n) if n else b""
        self._left -= len(data)
        return data


#: A GDELT file is read in blocks by several processes from twice this size.
BLOCK_BYTES = 32 << 20


def split_blocks(path, parts: int, *, min_bytes: int | None = None) -> list:
    """Byte ranges to read one large GDELT file (tab-separated, no header, not
    zipped) in up to ``parts`` pieces: ``[(start, stop, first_line), ...]``,
    each starting at the start of a line, for ``read_events(block=...)``.
    ``[None]`` (the whole file) for another file, or one smaller than twice
    ``min_bytes`` (default :data:`BLOCK_BYTES`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "1.export.CSV"
    >>> _ = p.write_text(("\\t".join(["1", "20130423"] + [""] * 59) + "\\n") * 4)
    >>> [b[2] for b in split_blocks(p, 2, min_bytes=100)]
    [1, 3]
    >>> split_blocks(p, 2)
    [None]
    """
    path = Path(path)
    min_bytes = BLOCK_BYTES if min_bytes is None else max(1, int(min_bytes))
    size = path.stat().st_size
    if parts < 2 or size < 2 * min_bytes or path.suffix.lower() == ".zip":
        return [None]
    layout = _sniff(path)
    if layout is None or layout.format not in _GDELT_WIDTHS or layout.sep != "\t" \
            or layout.header is not None:
        return [None]
    n = int(min(parts, size // min_bytes))
    cuts, firsts, lines, pos = [0], [1], 0, 0
    with open(path, "rb") as fh:
        for i in range(1, n):
            target = size * i // n
            while pos < target:         # count the lines before the cut...
                data = fh.read(min(_READ_BLOCK, target - pos))
                lines += data.count(b"\n")
                pos += len(data)
            fh.seek(pos - 1)
            if fh.read(1) != b"\n":     # ...and move it to the start of the next line
                while True:
                    data = fh.read(1 << 16)
                    k = data.find(b"\n")
                    if not data or k >= 0:
                        break
                    pos += len(data)
                if not data:
                    break
                pos, lines = pos + k + 1, lines + 1
                fh.seek(pos)
            if pos >= size:
                break
            cuts.append(pos)
            firsts.append(lines + 1)
    cuts.append(size)
    return [(a, b, first) for a, b, first in zip(cuts, cuts[1:], firsts)] if len(cuts) > 2 \
        else [None]


def _line_widths(block: bytes, n: int):
    """Field count and blankness of every line of a block."""
    arr = np.frombuffer(block, np.uint8)
    ends = np.flatnonzero(arr == 10)
    if len(ends) < n:
        ends = np.append(ends, len(block))
    starts = np.empty(n, dtype=np.int64)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    tabs = np.flatnonzero(arr == 9)
    widths = np.diff(np.concatenate(([0], np.searchsorted(tabs, ends)))) + 1
    lengths = ends - starts
    cr = np.zeros(n, dtype=bool)
    nonempty = lengths > 0
    cr[nonempty] = arr[ends[nonempty] - 1] == 13
    return widths, (lengths - cr) == 0


def _parse_tab_block(block: bytes, width: int, usecols, path=None, first_line=0):
    try:
        return pd.read_csv(
            io.BytesIO(block), sep="\t", header=None, names=list(range(width)),
            usecols=usecols, dtype=object, na_filter=False, skip_blank_lines=False,
            quoting=csv.QUOTE_NONE, lineterminator="\n", index_col=False,
            encoding="utf-8", encoding_errors="replace", engine="c",
        )
    except (pd.errors.ParserError, ValueError) as exc:
        if path is None:
            raise
        raise SourceError(f"cannot parse {path} near line {first_line}: {_why(exc)}") from None


def _csv_chunks(op: _Opened, layout: _Layout, *, usecols: dict, chunksize: int,
                na_values=(), strip=True):
    """Parse a quoted CSV with a header, chunk by chunk.

    Yields ``(columns, lines, bad_lines)``: a dict name -> object ndarray
    (stripped of surrounding spaces when ``strip``) for the non-blank rows,
    their 1-based line numbers (exact unless a quoted field spans lines), and
    the line numbers pandas skipped for having too many fields. Rows with too
    few fields are padded with empty fields by the parser, not rejected.
    """
    names = (["_rowname"] if layout.rownames else []) + list(layout.header)
    if len(set(names)) != len(names):
        raise SourceError(f"{op.path}: duplicate column names in the header")
    # no usecols: with it the parser silently truncates rows with too many fields
    try:
        reader = pd.read_csv(
            op.stream, sep=layout.sep, header=None, skiprows=1, names=names, dtype=object,
            keep_default_na=False, na_values=list(na_values) or None, na_filter=bool(na_values),
            skip_blank_lines=False, on_bad_lines="warn", chunksize=chunksize, engine="c",
            encoding="utf-8", encoding_errors="replace", index_col=False,
        )
    except pd.errors.EmptyDataError:  # nothing after the header
        return
    except (pd.errors.ParserError, ValueError, OSError) as exc:
        raise SourceError(f"cannot parse {op.path}: {_why(exc)}") from None
    start = 2
    done = False
    while not done:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                chunk = next(reader)
            except StopIteration:  # bad lines at the very end still count
                chunk, done = pd.DataFrame(columns=names, dtype=object), True
            except (pd.errors.ParserError, ValueError, OSError, zipfile.BadZipFile) as exc:
                raise SourceError(f"cannot parse {op.path}: {_why(exc)}") from None
        skipped = sorted(
            int(x) for w in caught if issubclass(w.category, pd.errors.ParserWarning)
            for x in re.findall(r"[Ll]ine (\d+)", str(w.message))
        )
        n = len(chunk)
        span = np.arange(start, start + n + len(skipped), dtype=np.int64)
        lines = np.setdiff1d(span, skipped, assume_unique=True) if skipped else span
        if len(lines) != n:  # a quoted field spans lines: approximate
            lines = np.arange(start, start + n, dtype=np.int64)
        start += n + len(skipped)
        cols = {}
        for name, col in usecols.items():
            values = chunk[col].fillna("").to_numpy(dtype=object)
            cols[name] = _strip(values) if strip else values
        blank = np.ones(n, dtype=bool)
        for values in cols.values():
            blank &= values == ""
        if blank.any():
            cols = {k: v[~blank] for k, v in cols.items()}
            lines = lines[~blank]
        if n or skipped:
            yield cols, lines, skipped


# --------------------------------------------------------------------------- vectorised helpers


def _strip(values: np.ndarray) -> np.ndarray:
    return _factor_map(values, lambda s: s.strip() if isinstance(s, str) else "", {})


def _factor_map(values: np.ndarray, func, cache: dict, dtype=object) -> np.ndarray:
    """Apply ``func`` to each distinct value once (cached across chunks) and
    broadcast the results back: the cost grows with distinct values, not rows."""
    if len(values) == 0:
        return np.empty(0, dtype=dtype)
    codes, uniques = pd.factorize(values)
    out = np.empty(len(uniques), dtype=dtype)
    for i, u in enumerate(uniques):
        r = cache.get(u, _MISSING)
        if r is _MISSING:
            r = cache[u] = func(u)
        out[i] = r
    return out[codes]


def _factor_map_multi(columns: list, func, cache: dict, dtype=object) -> np.ndarray:
    """Like :func:`_factor_map` over the tuples of several columns, without
    building the tuples per row (integer codes are combined instead)."""
    n = len(columns[0])
    if n == 0:
        return np.empty(0, dtype=dtype)
    combined = None
    for col in columns:
        codes, uniques = pd.factorize(col)
        if combined is None:
            combined = codes
        else:  # re-factorise to keep the code space small
            combined = pd.factorize(combined.astype(np.int64) * len(uniques) + codes)[0]
    # factorize numbers values in order of first appearance: the running
    # maximum steps up exactly at each value's first row
    first_pos = np.flatnonzero(np.diff(np.maximum.accumulate(combined), prepend=-1) != 0)
    out = np.empty(len(first_pos), dtype=dtype)
    for i, pos in enumerate(first_pos):
        key = tuple(col[pos] for col in columns)
        r = cache.get(key, _MISSING)
        if r is _MISSING:
            r = cache[key] = func(key)
        out[i] = r
    return out[combined]


def _iso_yyyymmdd(s: str) -> str:
    s = s.strip()
    if len(s) == 10 and s[4] == "-" and s[7] == "-":  # already ISO
        s = s.replace("-", "")
    if len(s) != 8 or not s.isdigit():
        return ""
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    if not (1 <= m <= 12 and 1 <= d <= _days_in_month(y, m)):
        return ""
    return f"{s[:4]}-{s[4:6]}-{s[6:]}"


def _days_in_month(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def _to_float(s: str) -> float:
    try:
        return float(s)
    except (TypeError, ValueError):
        return float("nan")


def _to_weight(s: str) -> int:
    try:
        v = int(float(s))
    except (TypeError, ValueError, OverflowError):
        return 1
    return v if v > 0 else 1


def _agent(names: np.ndarray, types: np.ndarray) -> np.ndarray:
    has = types != ""
    out = names.copy()
    if has.any():
        out[has] = names[has] + " (" + types[has] + ")"
    return out


def _first_reason(conditions: dict) -> np.ndarray:
    """Per row, the index in :data:`REJECT_REASONS` of the first reason whose
    condition holds (tested in that order), -1 if none."""
    order = [(REJECT_REASONS.index(r), cond) for r, cond in conditions.items()]
    order.sort(key=lambda x: x[0])
    return np.select([cond for _, cond in order], [i for i, _ in order], default=-1)


# what clean_field would change in a one-line field of an imported file
_UNCLEAN = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _frame(n: int, cols: dict) -> pd.DataFrame:
    """Assemble an events chunk (EVENT_COLUMNS + weight) without dtype inference."""
    empty = np.full(n, "", dtype=object)
    zeros = np.zeros(n, dtype=np.int64)
    defaults = {
        "sentence_id": zeros, "issue": empty, "negated": np.zeros(n, dtype=bool),
        "modality": empty, "speaker": empty, "char_start": zeros, "char_end": zeros,
    }
    data = {}
    for col in EVENT_COLUMNS + ("weight",):
        v = cols.get(col, defaults.get(col, empty))
        if v.dtype == object and n and _UNCLEAN.search(" ".join(v.tolist())):
            v = np.array([clean_field(x) for x in v.tolist()], dtype=object)
        data[col] = pd.Series(v, dtype=v.dtype, copy=False)
    return pd.DataFrame(data, copy=False)


# --------------------------------------------------------------------------- the reader


class EventReader:
    """Iterator over the event chunks of one file; see :func:`read_events`.

    Attributes
    ----------
    path : Path
    format : str
    report : ImportReport
        Filled as chunks are read; complete once the iterator is exhausted.
    """

    def __init__(self, path: Path, layout: _Layout, chunksize: int, report: ImportReport,
                 block: tuple | None = None):
        self.path = path
        self.format = layout.format
        self.report = report
        self._block = block
        self._layout = layout
        self._chunksize = chunksize
        self._tables = _tables()
        self._caches: dict = {}
        self._gen = self._run()

    def __iter__(self):
        return self

    def __next__(self) -> pd.DataFrame:
        return next(self._gen)

    def close(self):
        """Stop reading and release the file."""
        self._gen.close()

    def _cache(self, name):
        return self._caches.setdefault(name, {})

    # -- dispatch

    def _run(self):
        with _Opened(self.path) as op:
            self._name = self.path.name
            fmt, layout = self.format, self._layout
            try:
                if fmt in ("gdelt1", "gdelt2"):
                    yield from self._gdelt(op, layout)
                elif fmt == "icews":
                    yield from self._icews(op, layout)
                else:
                    yield from self._events(op, layout)
            except (OSError, zipfile.BadZipFile, EOFError) as exc:
                raise SourceError(f"cannot read event file {self.path}: {_why(exc)}") from None

    # -- GDELT

    def _gdelt(self, op, layout):
        fmt = layout.format
        widths_ok = _GDELT_WIDTHS[fmt]
        if layout.sep == "\t":
            names = GDELT2_COLUMNS if fmt == "gdelt2" else GDELT1_COLUMNS
            positions = {c: names.index(c) for c in _GDELT_USED}
            chunks = _tab_chunks(op, positions=positions, widths_ok=widths_ok,
                                 skip_header=layout.header is not None,
                                 chunksize=self._chunksize, block=self._block)
            for cols, lines, widths in chunks:
                bad = ~np.isin(widths, widths_ok)
                # a 57-column backfile row has no SOURCEURL: its 58th field does not exist
                out = self._map_gdelt(cols, lines, bad, [])
                if out is not None:
                    yield out
        else:
            usecols = _header_columns(op.path, layout.header, _GDELT_USED, _GDELT_ALIASES,
                                      optional=("SOURCEURL", "NumMentions", "GoldsteinScale"))
            for cols, lines, skipped in _csv_chunks(op, layout, usecols=usecols,
                                                    chunksize=self._chunksize, na_values=("NA",)):
                for name in _GDELT_USED:
                    cols.setdefault(name, np.full(len(lines), "", dtype=object))
                out = self._map_gdelt(cols, lines, np.zeros(len(lines), dtype=bool), skipped)
                if out is not None:
                    yield out

    def _map_gdelt(self, c, lines, bad_width, skipped):
        T = self._tables
        mapped = self._map_cameo(
            c, lines, bad_width, skipped, date="SQLDATE", code="EventCode",
            cameo_index=T.cameo_index, party=T.gdelt_party, intensity="GoldsteinScale",
            source=("Actor1Code", "Actor1CountryCode", "Actor1KnownGroupCode"),
            target=("Actor2Code", "Actor2CountryCode", "Actor2KnownGroupCode"))
        if mapped is None:
            return None
        k, columns = mapped
        lines = lines[k]
        types_cache = self._cache("types")
        t1 = _factor_map_multi([c["Actor1Type1Code"][k], c["Actor1Type2Code"][k],
                                c["Actor1Type3Code"][k]], _types, types_cache)
        t2 = _factor_map_multi([c["Actor2Type1Code"][k], c["Actor2Type2Code"][k],
                                c["Actor2Type3Code"][k]], _types, types_cache)
        url = c["SOURCEURL"][k]
        doc = url.copy()
        no_url = url == ""
        if no_url.any():
            doc[no_url] = (self._name + ":") + lines[no_url].astype(str).astype(object)
        weight = _factor_map(c["NumMentions"][k], _to_weight, self._cache("weight"),
                             dtype=np.int64)
        s_name, t_name = c["Actor1Name"][k], c["Actor2Name"][k]
        return _frame(len(k), {
            **columns, "event_id": c["GLOBALEVENTID"][k], "doc_id": doc,
            "source_name": s_name, "source_agent": _agent(s_name, t1),
            "target_name": t_name, "target_agent": _agent(t_name, t2),
            "evidence": url, "weight": weight,
        })

    def _map_cameo(self, c, lines, bad_width, skipped, *, date, code, cameo_index, party,
                   source, target, intensity):
        """The mapping GDELT and ICEWS share: the date, the CAMEO code's PLOVER
        category (mode, quad class, polarity), source and target parties, the
        intensity (the category's default when missing) and the reason each
        rejected row is rejected. ``source`` and ``target`` name the columns
        ``party`` reads. Returns the kept row positions and their mapped
        columns, or None when no row is kept."""
        T = self._tables
        day = _factor_map(c[date], _iso_yyyymmdd, self._cache("date"))
        idx = _factor_map(c[code], cameo_index, self._cache("cameo"), dtype=np.int64)
        src = _factor_map_multi([c[name] for name in source], party, self._cache("party"))
        reason = _first_reason({
            "bad column count": bad_width, "bad date": day == "", "unknown CAMEO code": idx < 0,
            "no PLOVER category": T.cat[idx] == "", "no source actor": src == None,  # noqa: E711
            "source not a party": src == "",
        })
        k = self._account(reason, lines, skipped)
        if k is None:
            return None
        idx = idx[k]
        tgt = _factor_map_multi([c[name][k] for name in target], party, self._cache("party"))
        tgt[tgt == None] = ""  # noqa: E711
        value = _factor_map(c[intensity][k], _to_float, self._cache("float"), dtype=np.float64)
        nan = np.isnan(value)
        if nan.any():
            value[nan] = T.default_intensity[idx[nan]]
        self.report.rows_without_target += int((tgt == "").sum())
        return k, {
            "date": day[k], "source": src[k], "target": tgt, "event_type": T.cat[idx],
            "mode": T.mode[idx], "quad_class": T.quad[idx], "intensity": value,
            "polarity": T.pol[idx], "extractor": np.full(len(k), self.format, dtype=object),
        }

    def _account(self, reason, lines, skipped):
        """Count a chunk in the report; return the kept row positions (or None)."""
        rejected = {}
        if len(skipped):
            rejected["bad column count"] = np.asarray(skipped, dtype=np.int64)
        if (reason >= 0).any():
            for i in np.unique(reason[reason >= 0]):
                r = REJECT_REASONS[i]
                sel = lines[reason == i]
                rejected[r] = np.concatenate([rejected[r], sel]) if r in rejected else sel
        keep = np.flatnonzero(reason < 0)
        self.report.count(rows=len(lines) + len(skipped), mapped=len(keep), rejected=rejected)
        return keep if len(keep) else None

    # -- ICEWS

    def _icews(self, op, layout):
        names = {c: c for c in _ICEWS_REQUIRED + _ICEWS_OPTIONAL}
        if layout.sep == "\t":
            header = list(layout.header)
            low = [h.lower() for h in header]
            positions = {}
            for c in _ICEWS_REQUIRED + _ICEWS_OPTIONAL:
                if c.lower() in low:
                    positions[c] = low.index(c.lower())
                elif c in _ICEWS_REQUIRED:
                    raise SourceError(f"{op.path}: ICEWS file without a {c!r} column")
            chunks = (
                (cols, lines, widths != len(header), [])
                for cols, lines, widths in _tab_chunks(
                    op, positions=positions, widths_ok=(len(header),), skip_header=True,
                    chunksize=self._chunksize)
            )
        else:
            usecols = _header_columns(op.path, layout.header, _ICEWS_REQUIRED + _ICEWS_OPTIONAL,
                                      {}, optional=_ICEWS_OPTIONAL)
            chunks = (
                (cols, lines, np.zeros(len(lines), dtype=bool), skipped)
                for cols, lines, skipped in _csv_chunks(op, layout, usecols=usecols,
                                                        chunksize=self._chunksize)
            )
        for cols, lines, bad, skipped in chunks:
            for c in names:
                cols.setdefault(c, np.full(len(lines), "", dtype=object))
            out = self._map_icews(cols, lines, bad, skipped)
            if out is not None:
                yield out

    def _map_icews(self, c, lines, bad_width, skipped):
        mapped = self._map_cameo(
            c, lines, bad_width, skipped, date="Event Date", code="CAMEO Code",
            cameo_index=_icews_cameo_index, party=self._tables.icews_party,
            source=("Source Name", "Source Country"), target=("Target Name", "Target Country"),
            intensity="Intensity")
        if mapped is None:
            return None
        k, columns = mapped
        story, sent = c["Story ID"][k], c["Sentence Number"][k]
        evidence = story + "/" + sent
        evidence[(story == "") & (sent == "")] = ""
        sectors = self._cache("sectors")
        s_name, t_name = c["Source Name"][k], c["Target Name"][k]
        return _frame(len(k), {
            **columns, "event_id": c["Event ID"][k],
            "doc_id": (self._name + ":") + lines[k].astype(str).astype(object),
            "source_name": s_name,
            "source_agent": _agent(s_name, _factor_map(c["Source Sectors"][k], _sectors, sectors)),
            "target_name": t_name,
            "target_agent": _agent(t_name, _factor_map(c["Target Sectors"][k], _sectors, sectors)),
            "evidence": evidence, "weight": np.ones(len(k), dtype=np.int64),
        })

    # -- graphkit events.csv

    def _events(self, op, layout):
        header = tuple(layout.header or ())
        n = len(EVENT_COLUMNS)
        if header[:n] != EVENT_COLUMNS or header[n:] not in ((), ("weight",)):
            diff = next((f"{a!r} where {b!r} was expected" for a, b in zip(header, EVENT_COLUMNS)
                         if a != b), "a different number of columns")
            raise SourceError(f"{op.path}: not a graphkit events.csv header ({diff})")
        usecols = {c: c for c in header}
        for cols, lines, skipped in _csv_chunks(op, layout, usecols=usecols,
                                                chunksize=self._chunksize, strip=False):
            out = self._map_events(cols, lines, skipped)
            if out is not None:
                yield out

    def _map_events(self, c, lines, skipped):
        if self._layout.excel:      # graphkit's --excel form: cells back to their values
            c = {k: _factor_map(v, unguard_cell, self._cache("unguard")) for k, v in c.items()}
        for col in _ONE_LINE_COLUMNS:
            c[col] = _factor_map(c[col], clean_field, self._cache("field"))
        date_raw = c["date"]
        date = _factor_map(date_raw, _iso_yyyymmdd, self._cache("date"))
        intensity = _factor_map(c["intensity"], _to_intensity, self._cache("intensity"),
                                dtype=np.float64)
        bad_number = np.zeros(len(lines), dtype=bool)
        positions = {}
        for col in ("sentence_id", "char_start", "char_end"):
            positions[col] = _factor_map(c[col], _to_position, self._cache("position"),
                                         dtype=np.int64)
            bad_number |= positions[col] < 0
        ids = c["event_id"]
        seen = self._cache("ids")
        duplicate = np.zeros(len(lines), dtype=bool)
        for i, eid in enumerate(ids.tolist()):
            if eid in seen:
                duplicate[i] = True
            elif eid:
                seen[eid] = True
        reason = _first_reason({
            "bad date": (date_raw != "") & (date == ""),
            "unknown event type": ~np.isin(c["event_type"], list(CATEGORIES)),
            "no source actor": c["source"] == "",
            "no event_id": ids == "",
            "duplicate event_id": duplicate,
            "bad intensity": np.isnan(intensity) & (c["intensity"] != ""),
            "bad number": bad_number,
        })
        k = self._account(reason, lines, skipped)
        if k is None:
            return None
        rows = pd.DataFrame({col: c[col][k] for col in EVENT_COLUMNS}, dtype=object)
        rows["date"] = date[k]
        for col, values in positions.items():
            rows[col] = values[k]
        rows["intensity"] = intensity[k]
        for col in ("evidence", "speaker"):
            rows[col] = [clean_text(v) for v in rows[col].tolist()]
        ev = events_frame(rows)
        # quad class and polarity follow from the (possibly hand-edited) category and mode
        pair = [c["event_type"][k], c["mode"][k]]
        ev["quad_class"] = _factor_map_multi(pair, lambda t: quad_class(*t),
                                             self._cache("quad"), dtype=np.int64)
        ev["polarity"] = _factor_map_multi(pair, lambda t: default_polarity(*t),
                                           self._cache("pol"), dtype=np.int64)
        ev.loc[ev["negated"], "polarity"] = 0        # as the extractor codes negated events
        no_int = c["intensity"][k] == ""
        if no_int.any():
            ev.loc[no_int, "intensity"] = [CATEGORIES[t][2] for t in ev.loc[no_int, "event_type"]]
        ev.loc[ev["extractor"] == "", "extractor"] = "events"
        ev["weight"] = (_factor_map(c["weight"][k], _to_weight, self._cache("weight"),
                                    dtype=np.int64)
                        if "weight" in c else np.ones(len(k), dtype=np.int64))
        self.report.rows_without_target += int((ev["target"] == "").sum())
        return ev


#: ``events.csv`` columns that hold one line of text (ids, names, codes).
_ONE_LINE_COLUMNS = ("event_id", "doc_id", "date", "source", "source_name", "source_agent",
                     "target", "target_name", "target_agent", "event_type", "mode", "issue",
                     "negated", "modality", "extractor")


def _to_intensity(s: str) -> float:
    """A hand-edited intensity: a finite number within :data:`INTENSITY_RANGE`
    (NaN otherwise; an empty cell is handled by the caller)."""
    v = _to_float(s)
    lo, hi = INTENSITY_RANGE
    return v if lo <= v <= hi else float("nan")


def _to_position(s: str) -> int:
    """A sentence number or character offset: a whole number in 0..MAX_POSITION
    (0 when empty, -1 when not such a number)."""
    s = s.strip()
    if not s:
        return 0
    if len(s) > 20:
        return -1
    try:
        v = float(s)
    except ValueError:
        return -1
    if not (0 <= v <= MAX_POSITION) or v != int(v):
        return -1
    return int(v)


def _types(key: tuple) -> str:
    return " ".join(" ".join(key).split())


def _icews_cameo_index(code: str) -> int:
    return _tables().cameo_index(code, zero_pad=True)


def _sectors(s: str) -> str:
    return ";".join(p.strip() for p in s.split(",") if p.strip())


def _header_columns(path, header, wanted, aliases, optional=()) -> dict:
    """Map wanted column names to the header's own spelling (case-insensitive)."""
    low = {h.lower(): h for h in header}
    out = {}
    for w in wanted:
        for cand in aliases.get(w.lower(), (w.lower(),)):
            if cand in low:
                out[w] = low[cand]
                break
        else:
            if w not in optional:
                raise SourceError(f"{path}: no {w!r} column in the header")
    return out


def read_events(path, *, format=None, chunksize=200_000, report=None,
                block: tuple | None = None) -> EventReader:
    """Stream the events of a GDELT, ICEWS or graphkit events file.

    Parameters
    ----------
    path : str or Path
        The event file (``.zip`` with one member allowed).
    format : {"gdelt2", "gdelt1", "icews", "events"}, optional
        Skip detection (:func:`detect_format`) and read the file as this format.
    chunksize : int
        Lines read per chunk; memory stays bounded by one chunk.
    report : ImportReport, optional
        Counts to add to (several files can share one); a new one otherwise.
        Also available as the ``report`` attribute of the returned iterator.
    block : tuple, optional
        Read only ``(start, stop, first_line)`` of a GDELT file, one of
        :func:`split_blocks` (line numbers stay those of the whole file).

    Returns
    -------
    EventReader
        An iterator of DataFrames with exactly ``EVENT_COLUMNS`` plus ``weight``.

    Raises
    ------
    SourceError
        The file cannot be read, its format is not recognised, or its header
        lacks a needed column.

    Examples
    --------
    One GDELT 2.0 row (61 tab-separated fields): Russia consults NATO.

    >>> import tempfile, pathlib
    >>> row = [""] * 61
    >>> row[0], row[1] = "1001", "20130423"
    >>> row[5:8] = ["RUSGOV", "RUSSIA", "RUS"]
    >>> row[12] = "GOV"
    >>> row[15], row[16], row[18] = "IGOWSTNAT", "NATO", "NAT"
    >>> row[26], row[30], row[31] = "040", "1.0", "6"
    >>> row[60] = "http://example.org/a"
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "20130423.export.CSV"
    >>> _ = p.write_text("\\t".join(row) + "\\n")
    >>> reader = read_events(p)
    >>> df = next(reader)
    >>> df[["source", "target", "event_type", "quad_class", "weight"]].values.tolist()
    [['RUS', 'NATO', 'CONSULT', 1, 6]]
    >>> df.loc[0, "source_agent"], df.loc[0, "extractor"]
    ('RUSSIA (GOV)', 'gdelt2')
    >>> reader.report.rows_read, reader.report.rows_mapped
    (1, 1)
    """
    path = Path(path)
    if chunksize is None or int(chunksize) < 1:
        raise ValueError("chunksize must be a positive number of lines")
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown event file format {format!r}; expected one of {FORMATS}")
    if not path.exists():
        raise SourceError(f"cannot read event file {path}: no such file")
    if not path.is_file():
        raise SourceError(f"cannot read event file {path}: not a file")
    layout = _sniff(path)
    if format is None:
        if layout is None:
            raise SourceError(f"{path}: not a recognised event file (GDELT 1.0/2.0, ICEWS "
                              "or graphkit events.csv)")
    elif layout is None or layout.format != format:
        layout = _forced_layout(path, format, layout)
    if block is not None and (layout.format not in _GDELT_WIDTHS or layout.sep != "\t"
                              or layout.header is not None or path.suffix.lower() == ".zip"):
        raise ValueError(f"{path}: only a tab-separated GDELT file without a header is read "
                         "in blocks")
    report = report if report is not None else ImportReport()
    return EventReader(path, layout, int(chunksize), report, block)


def _forced_layout(path: Path, fmt: str, sniffed: _Layout | None) -> _Layout:
    """The layout to use when the caller names a format the sniffer did not see."""
    if sniffed is not None:
        if fmt in ("gdelt1", "gdelt2") and sniffed.format in ("gdelt1", "gdelt2"):
            return _Layout(fmt, sniffed.sep, sniffed.header, sniffed.rownames)
        if fmt == "events" or sniffed.header is not None:
            return _Layout(fmt, sniffed.sep, sniffed.header, sniffed.rownames)
    with _Opened(path) as op:
        first = op.stream.readline().decode("utf-8", errors="replace").lstrip("\ufeff")
    first = first.rstrip("\r\n")
    if fmt in ("gdelt1", "gdelt2"):
        return _Layout(fmt, "\t", None)
    sep = "\t" if "\t" in first else ","
    header = tuple(h.strip() for h in next(csv.reader([first], delimiter=sep), []))
    return _Layout(fmt, sep, header)

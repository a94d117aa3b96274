"""Score an event extractor against a PLOVER gold standard, sentence by sentence.

The gold file is the OEDA PLOVER "gold standard records" JSON array (one
sentence per record, one event per record). Each sentence is extracted as its
own document and the SET of gold tuples is compared with the SET of predicted
tuples at five levels, micro-averaged over all sentences:

=====  ==============================================================
level  what must match
=====  ==============================================================
a      undirected dyad ``{source, target}``
b      directed dyad ``(source, target)``
c      directed dyad and PLOVER category
d      category accuracy on the directed dyads found at level b
e      directed dyad and quad class (1-4)
=====  ==============================================================

Actors are compared on their country part (:func:`actor_key`), so ``RUSGOV``,
``RUS`` and the graphkit group ``SYR-REB``'s country are comparable, and
international organisations by their graphkit id (``NATO``, ``UN``, ``EU``).
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import SourceError
from .io import atomic_write_text, read_regular_file
from .model import CATEGORIES, Document, quad_class

__all__ = [
    "LEVELS",
    "TARGETS",
    "CATEGORY_ALIASES",
    "ERROR_BUCKETS",
    "GoldRecord",
    "Score",
    "EvalResult",
    "parse_gold",
    "load_gold",
    "actor_key",
    "evaluate",
    "write_json",
    "run_eval",
]

#: Scoring levels: key -> description.
LEVELS = {
    "a": "undirected dyad",
    "b": "directed dyad",
    "c": "directed dyad + category",
    "d": "category accuracy on found dyads",
    "e": "directed dyad + quad class",
}

#: Targets: level -> minimum value (F1 for a, b, c; accuracy for d).
TARGETS = {"a": 0.85, "b": 0.75, "c": 0.60, "d": 0.75}

#: Older PLOVER event names -> (current category, mode).
CATEGORY_ALIASES = {
    "DEMAND": ("REQUEST", "demand"),
    "DISAPPROVE": ("ACCUSE", ""),
    "INVESTIGATE": ("ACCUSE", ""),
    "FIGHT": ("ASSAULT", ""),
    "YIELD": ("CONCEDE", ""),
}

#: Error buckets counted per sentence (see :func:`evaluate`), in report order.
ERROR_BUCKETS = (
    "no_event",
    "wrong_source",
    "wrong_target",
    "reversed",
    "wrong_dyad",
    "extra_events",
    "wrong_category",
)

# Organisation mentions in the gold file carry the bare code IGO/NGO/IMG; the
# actor text says which one. Patterns are tried in order (case-insensitive).
_GOLD_ORG_TEXT = (
    (r"\bnato\b", "NATO"),
    (r"\bosce\b", "OSCE"),
    (r"\biaea\b|international atomic energy", "IAEA"),
    (r"arab league", "ARAB-LEAGUE"),
    (r"asia-pacific economic|\bapec\b", "APEC"),
    (r"european (?:community|common market|union)|\beu\b", "EU"),
    (r"\bred cross\b", "ICRC"),
    (r"\bred crescent\b", "IFRC"),
    (r"\bamnesty\b", "AMNESTY"),
    (r"\bal[- ]?qa'?e?i?da\b", "AQ"),
    (r"international labou?r", "ILO"),
    (r"kofi annan", "UN"),
    (r"\bu\.?n\.?(?=\W|$)|united nations|security council", "UN"),
)
_BARE_ORG_CODES = {"IGO", "NGO", "IMG", ""}

# CAMEO-style country codes used in the gold file that are not ISO 3166 alpha-3.
_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

# The UN system: CAMEO codes all of it as UNO, so its bodies compare as "UN".
_UN_SYSTEM = frozenset({
    "UN", "UNSC", "UNGA", "UNHRC", "OHCHR", "UNHCR", "UNICEF", "WFP", "UNDP", "UNESCO",
    "UNRWA", "OCHA", "UNODC", "UNFCCC", "FAO", "ILO", "WHO", "UNAMA", "UNIFIL", "UNDOF",
    "MONUSCO", "UNMISS", "MINUSCA", "MINUSMA", "UNMIK", "UNFICYP", "ICJ",
})


# ---------------------------------------------------------------------------
# Gold records


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence and its gold events.

    ``events`` holds ``(source, target, category)`` tuples with gold actor
    codes (compare them through :func:`actor_key`); a missing target is ``""``.
    A compound reciprocal record (``SRC/TAR``) holds both directions.
    ``label`` is the event name as written in the gold file, ``mode`` is
    ``"demand"`` for a demand and ``skipped`` says why a record is not scored
    (an unknown event name), empty otherwise.
    """

    id: str
    text: str
    date: str
    events: list = field(default_factory=list)
    mode: str = ""
    label: str = ""
    reciprocal: bool = False
    skipped: str = ""


def parse_gold(data, *, where: str = "gold") -> list[GoldRecord]:
    """Gold records from an already-parsed PLOVER gold JSON array.

    The header record (event ``DOCUMENT``) is dropped. Old event names are
    mapped through :data:`CATEGORY_ALIASES`; a name that is neither a current
    category nor an alias gives a record with ``skipped`` set and no events.

    Parameters
    ----------
    data : list of dict
        The decoded JSON array.
    where : str, optional (default="gold")
        Name used in error messages.

    Returns
    -------
    list of GoldRecord

    Raises
    ------
    SourceError
        If ``data`` is not a list of records with ``id``, ``text`` and ``event``.

    Examples
    --------
    >>> recs = parse_gold([
    ...     {"id": "g1", "date": "2000-01-01", "event": "DEMAND",
    ...      "text": "Russia demanded that NATO halt its expansion.",
    ...      "source": [{"actorText": "Russia", "code": "RUS"}],
    ...      "target": [{"actorText": "NATO", "code": "IGO"}],
    ...      "textInfo": {"markup": "(SRC: Russia) (EVT: demanded) that (TAR: NATO) ..."}},
    ...     {"id": "g2", "date": "2000-01-01", "event": "AGREE",
    ...      "text": "Jordan and Britain agreed to hold exercises.",
    ...      "source": [{"code": "JOR"}, {"code": "GBR"}], "target": "",
    ...      "textInfo": {"markup": "(SRC/TAR: Jordan) and (SRC/TAR: Britain) ..."}},
    ... ])
    >>> recs[0].events, recs[0].mode
    ([('RUS', 'NATO', 'REQUEST')], 'demand')
    >>> recs[1].events, recs[1].reciprocal
    ([('JOR', 'GBR', 'AGREE'), ('GBR', 'JOR', 'AGREE')], True)
    """
    if not isinstance(data, list):
        raise SourceError(f"{where}: expected a JSON array of records, got {type(data).__name__}")
    out = []
    for n, rec in enumerate(data):
        if not isinstance(rec, dict):
            raise SourceError(f"{where}: record {n} is a {type(rec).__name__}, not an object")
        label = rec.get("event")
        if label == "DOCUMENT":
            continue
        for key in ("id", "text", "event"):
            if not isinstance(rec.get(key), str) or not rec[key].strip():
                raise SourceError(f"{where}: record {n} has no {key!r} string")
        rid = rec["id"]
        label = label.strip().upper()
        sources = _gold_actors(rec.get("source"), where, rid)
        targets = _gold_actors(rec.get("target"), where, rid)
        date = rec.get("date") if isinstance(rec.get("date"), str) else ""
        if label in CATEGORIES:
            category = label
            mode = "demand" if rec.get("mode") == "demand" else ""
        elif label in CATEGORY_ALIASES:
            category, mode = CATEGORY_ALIASES[label]
        else:
            out.append(GoldRecord(rid, rec["text"], date, [], "", label,
                                  skipped=f"unknown event name {label!r}"))
            continue
        markup = rec.get("textInfo", {}).get("markup", "") if isinstance(
            rec.get("textInfo"), dict) else ""
        reciprocal = "SRC/TAR" in (markup if isinstance(markup, str) else "") or (
            len(sources) > 1 and sorted(sources) == sorted(targets))
        if reciprocal:
            actors = sources if sorted(sources) == sorted(targets) else sources + targets
            pairs = [(actors[i], actors[j]) for i, j in
                     itertools.permutations(range(len(actors)), 2)]
        else:
            pairs = list(itertools.product(sources or [""], targets or [""]))
        events = list(dict.fromkeys((s, t, category) for s, t in pairs))
        out.append(GoldRecord(rid, rec["text"], date, events, mode, label, reciprocal))
    return out


def load_gold(path) -> list[GoldRecord]:
    """Read a PLOVER gold-standard JSON file (see :func:`parse_gold`).

    Parameters
    ----------
    path : str or Path
        The gold file, e.g. ``PLOVER_GSR_CAMEO.txt``.

    Returns
    -------
    list of GoldRecord

    Raises
    ------
    SourceError
        If the file is missing, is not JSON, or has the wrong shape.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "gold.json"
    >>> _ = p.write_text(json.dumps([{"id": "h", "event": "DOCUMENT"},
    ...     {"id": "g1", "date": "2000-01-01", "event": "FIGHT", "text": "...",
    ...      "source": [{"code": "ISRMIL"}], "target": [{"code": "LBN"}]}]))
    >>> [(r.id, r.events) for r in load_gold(p)]
    [('g1', [('ISRMIL', 'LBN', 'ASSAULT')])]
    >>> load_gold(p.with_name("nope.json"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.errors.SourceError: gold file not found: .../nope.json
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(f"gold file not found: {path}")
    try:     # a regular file only: a FIFO or /dev/zero would block or never end
        text = read_regular_file(path, what="gold file").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot read gold file {path}: not valid UTF-8 (byte {exc.start})"
                          ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"gold file {path} is not JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise SourceError(f"gold file {path}: JSON nested too deeply") from None
    except ValueError as exc:       # an integer of more than 4,300 digits
        raise SourceError(f"gold file {path}: {exc}") from None
    return parse_gold(data, where=str(path))


def _gold_actors(value, where: str, rid: str) -> list[str]:
    """Gold actor codes of one side; None, "" or a bare string count as no actor."""
    if not isinstance(value, list):
        return []
    codes = []
    for a in value:
        if not isinstance(a, dict):
            raise SourceError(f"{where}: record {rid}: actors must be objects with a 'code'")
        code = a.get("code")
        if not isinstance(code, (str, type(None))):
            raise SourceError(f"{where}: record {rid}: an actor 'code' must be a string")
        code = (code or "").strip().upper()
        if code in _BARE_ORG_CODES:
            text = a.get("actorText")
            code = _org_from_text(text if isinstance(text, str) else "") or code
        if code:
            codes.append(code)
    return codes


def _org_from_text(text: str) -> str:
    for pattern, pid in _GOLD_ORG_TEXT:
        if re.search(pattern, text, re.I):
            return pid
    return ""


# ---------------------------------------------------------------------------
# Actor keys


def actor_key(code: str, registry=None) -> str:
    """The key two actors are compared on: the country part, or an organisation id.

    A graphkit party id maps through the registry: a state to itself, an
    organisation to its id (UN bodies such as ``UNSC`` to ``UN``, as CAMEO
    codes them all ``UNO``), a group to its country when it has one
    (``SYR-REB`` -> ``SYR``). A CAMEO-like code maps on its first three
    letters (``RUSGOV`` -> ``RUS``), through the CAMEO table for non-ISO codes
    (``ROM`` -> ``ROU``) and organisation codes (``UNO``/``IGOUNO`` -> ``UN``,
    ``NAT``/``IGONAT`` -> ``NATO``). An empty code is the empty actor ``""``.

    Parameters
    ----------
    code : str
        A graphkit party id or a CAMEO-like actor code.
    registry : Registry, optional
        Actor registry; the package registry by default.

    Returns
    -------
    str

    Examples
    --------
    >>> [actor_key(c) for c in ("RUSGOV", "USAMIL", "SYR-REB", "NATO", "IGOUNO", "NAT", "")]
    ['RUS', 'USA', 'SYR', 'NATO', 'UN', 'NATO', '']
    >>> actor_key("UNSC"), actor_key("ROMGOV"), actor_key("JAP")
    ('UN', 'ROU', 'JPN')
    """
    code = (code or "").strip()
    if not code:
        return ""
    reg = registry if registry is not None else _default_registry()
    actor = reg.party(code) or reg.party(code.upper())
    if actor is not None:
        return _party_key(actor, reg)
    up = code.upper()
    cameo = _cameo_codes()
    if cameo.get(up):
        return _id_key(cameo[up], reg)
    if len(up) >= 6 and up[:3] in ("IGO", "NGO") and cameo.get(up[3:6]):
        return _id_key(cameo[up[3:6]], reg)
    m = re.match(r"[A-Z]{3}", up)
    if m:
        head = _CODE_FIXES.get(m.group(), m.group())
        return _id_key(cameo.get(head) or head, reg)
    return up


def _party_key(actor, reg) -> str:
    if actor.kind == "state":
        return actor.id
    if actor.kind in ("igo", "ngo"):
        return "UN" if actor.id in _UN_SYSTEM else actor.id
    if actor.country and actor.country != actor.id:
        return _id_key(actor.country, reg)
    return actor.id


def _id_key(pid: str, reg) -> str:
    actor = reg.party(pid)
    return pid if actor is None else _party_key(actor, reg)


@functools.lru_cache(maxsize=1)
def _default_registry():
    from .actors import load_registry
    return load_registry()


@functools.lru_cache(maxsize=1)
def _cameo_codes() -> dict:
    """CAMEO actor code -> graphkit party id (empty for regions)."""
    text = resources.files("graphkit").joinpath("data", "cameo_countries.csv").read_text(
        encoding="utf-8")
    return {row["code"].strip().upper(): (row.get("party") or "").strip()
            for row in csv.DictReader(io.StringIO(text))}


# ---------------------------------------------------------------------------
# Scores


@dataclass
class Score:
    """True positives, false positives and false negatives, with P/R/F1.

    A ratio with a zero denominator is 0.0.

    Examples
    --------
    >>> s = Score(tp=3, fp=1, fn=2)
    >>> s.precision, round(s.recall, 2), round(s.f1, 3)
    (0.75, 0.6, 0.667)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        """Add one sentence's comparison of gold and predicted tuple sets."""
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        """Counts and rounded ratios."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class EvalResult:
    """Scores of one extractor on one gold set (see :func:`evaluate`).

    Attributes
    ----------
    extractor : str
        Name of the extractor.
    n_records : int
        Sentences scored.
    scores : dict
        Level (``a``, ``b``, ``c``, ``e``) -> :class:`Score`.
    found, correct : int
        Level d: directed dyads found, and how many of them have a right category.
    per_category : dict
        Category -> :class:`Score` at level c.
    confusion : Counter
        ``(gold category, predicted category)`` -> count, over found dyads
        whose category is wrong.
    buckets : Counter
        Error bucket -> number of sentences (see :data:`ERROR_BUCKETS`).
    relabelled, skipped : Counter
        Gold event names mapped to a current category (``"DEMAND -> REQUEST"``),
        and unknown names whose records were skipped.
    details : list of dict
        Per sentence: id, text, gold label, gold and predicted tuples, errors.
    """

    extractor: str = ""
    n_records: int = 0
    scores: dict = field(default_factory=lambda: {k: Score() for k in "abce"})
    found: int = 0
    correct: int = 0
    per_category: dict = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    buckets: Counter = field(default_factory=Counter)
    relabelled: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    details: list = field(default_factory=list)

    @property
    def category_accuracy(self) -> float:
        """Level d: share of found directed dyads with a right category."""
        return self.correct / self.found if self.found else 0.0

    def value(self, level: str) -> float:
        """The headline figure of a level: F1 for a, b, c, e; accuracy for d."""
        if level == "d":
            return self.category_accuracy
        return self.scores[level].f1

    def targets(self) -> dict:
        """Level -> (target, value, met) for every level with a target."""
        return {lv: (t, self.value(lv), self.value(lv) >= t) for lv, t in TARGETS.items()}

    def to_dict(self) -> dict:
        """A JSON-serialisable summary with a deterministic order.

        Examples
        --------
        >>> d = EvalResult(extractor="x").to_dict()
        >>> list(d)[:4], d["levels"]["b"]["f1"]
        (['extractor', 'records', 'relabelled', 'skipped'], 0.0)
        """
        levels = {}
        for lv, name in LEVELS.items():
            if lv == "d":
                levels[lv] = {"name": name, "found": self.found, "correct": self.correct,
                              "accuracy": round(self.category_accuracy, 4)}
            else:
                levels[lv] = {"name": name, **self.scores[lv].to_dict()}
        return {
            "extractor": self.extractor,
            "records": self.n_records,
            "relabelled": dict(sorted(self.relabelled.items())),
            "skipped": dict(sorted(self.skipped.items())),
            "levels": levels,
            "targets": {lv: {"target": t, "value": round(v, 4), "met": met}
                        for lv, (t, v, met) in self.targets().items()},
            "per_category": {c: s.to_dict() for c, s in self._categories()},
            "confusion": [{"gold": g, "predicted": p, "count": n}
                          for (g, p), n in self._confusions()],
            "error_buckets": {b: self.buckets.get(b, 0) for b in ERROR_BUCKETS},
            "details": self.details,
        }

    def format_table(self, *, confusions: int = 10) -> str:
        """A plain-text report: levels, targets, categories, confusions, error buckets.

        Examples
        --------
        >>> print(EvalResult(extractor="x").format_table().splitlines()[0])
        Evaluation of x on 0 sentences (micro-averaged)
        """
        lines = [f"Evaluation of {self.extractor} on {self.n_records} sentences (micro-averaged)"]
        if self.relabelled:
            lines.append("gold names relabelled: " + ", ".join(
                f"{k} ({n})" for k, n in sorted(self.relabelled.items())))
        if self.skipped:
            lines.append("gold records skipped: " + ", ".join(
                f"{k} ({n})" for k, n in sorted(self.skipped.items())))
        lines += ["", f"{'level':<40} {'P':>6} {'R':>6} {'F1':>6} {'target':>8}  status"]
        targets = self.targets()
        for lv, name in LEVELS.items():
            label = f"({lv}) {name}"
            if lv == "d":
                cells = f"{f'{self.correct}/{self.found} found':>13} {self.category_accuracy:>6.3f}"
            else:
                s = self.scores[lv]
                cells = f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            if lv in targets:
                t, _, met = targets[lv]
                tail = f"{t:>8.2f}  {'met' if met else 'not met'}"
            else:
                tail = ""
            lines.append(f"{label:<40} {cells} {tail}".rstrip())
        lines += ["", f"{'category (level c)':<20} {'gold':>5} {'pred':>5} "
                      f"{'P':>6} {'R':>6} {'F1':>6}"]
        for cat, s in self._categories():
            lines.append(f"{cat:<20} {s.tp + s.fn:>5} {s.tp + s.fp:>5} "
                         f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
        lines += ["", "category confusions on right directed dyads (gold -> predicted):"]
        top = self._confusions()[:confusions]
        lines += [f"  {g:<12} -> {p:<12} {n:>4}" for (g, p), n in top] or ["  none"]
        lines += ["", "error buckets (sentences):"]
        lines += [f"  {b:<16} {self.buckets.get(b, 0):>4}" for b in ERROR_BUCKETS]
        return "\n".join(lines)

    def _categories(self):
        return [(c, self.per_category[c]) for c in CATEGORIES if c in self.per_category]

    def _confusions(self):
        return sorted(self.confusion.items(), key=lambda kv: (-kv[1], kv[0]))


# ---------------------------------------------------------------------------
# Evaluation


def evaluate(records, extractor, *, registry=None) -> EvalResult:
    """Run ``extractor`` on every gold sentence and score it.

    Each record's text is extracted as its own :class:`~graphkit.model.Document`
    (``doc_id`` = record id, ``date`` = record date). For each sentence the
    SET of gold tuples is compared with the SET of predicted tuples at every
    level (see the module docstring): ``tp = |gold & pred|``,
    ``fp = |pred - gold|``, ``fn = |gold - pred|``; precision, recall and F1
    come from the counts summed over all sentences (micro-average).

    Predicted events with ``negated=True`` count as predictions like any
    other: the gold codes negated events too rarely to matter, and dropping
    them would hide trigger errors. Every category a sentence predicts counts,
    so a sentence coded with one gold event is penalised for each extra
    category it yields.

    Error buckets (per sentence; a sentence may fall in several):
    ``no_event`` (nothing predicted); for a gold directed dyad not found,
    ``reversed`` (its reverse was predicted), ``wrong_source`` (a prediction
    has its target but another source), ``wrong_target`` (its source but
    another target), ``wrong_dyad`` (neither actor predicted);
    ``extra_events`` (a predicted dyad not in the gold and not explained by
    the buckets above); ``wrong_category`` (a found dyad with no right category).

    Parameters
    ----------
    records : iterable of GoldRecord
        Gold sentences; records with ``skipped`` set are counted, not scored.
    extractor : Extractor or str
        An object with ``extract(Document)``, or a registered back-end name.
    registry : Registry, optional
        Registry for :func:`actor_key`; the extractor's own when it has one.

    Returns
    -------
    EvalResult

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> class Fake:
    ...     name = "fake"
    ...     def extract(self, doc):
    ...         ev = NS(source="RUS", target="USA", event_type="ACCUSE", mode="",
    ...                 quad_class=3, negated=False, trigger="accused")
    ...         return NS(events=[ev])
    >>> gold = [GoldRecord("g1", "Russia accused the US.", "2000-01-01",
    ...                    [("RUSGOV", "USA", "ACCUSE")]),
    ...         GoldRecord("g2", "The US accused Russia.", "2000-01-01",
    ...                    [("USA", "RUS", "ACCUSE")])]
    >>> res = evaluate(gold, Fake())
    >>> res.scores["a"].f1, res.scores["b"].f1, res.buckets["reversed"]
    (1.0, 0.5, 1)
    """
    if isinstance(extractor, str):
        from .actors import load_registry
        from .extract import get_extractor
        registry = registry if registry is not None else load_registry()
        extractor = get_extractor(extractor, registry=registry)
    if registry is None:
        registry = getattr(extractor, "registry", None)
    result = EvalResult(extractor=str(getattr(extractor, "name", type(extractor).__name__)))
    keys: dict = {}

    def key(code):
        if code not in keys:
            keys[code] = actor_key(code, registry)
        return keys[code]

    for rec in records:
        if rec.label and rec.events and rec.label != rec.events[0][2]:
            result.relabelled[f"{rec.label} -> {rec.events[0][2]}"] += 1
        if rec.skipped:
            result.skipped[rec.label or "?"] += 1
            continue
        gold = {(key(s), key(t), c, quad_class(c, rec.mode)) for s, t, c in rec.events}
        extraction = extractor.extract(Document(rec.id, rec.text, rec.date))
        pred_events = sorted(
            ((key(e.source), key(e.target), e.event_type, e.mode, int(e.quad_class),
              bool(e.negated), getattr(e, "trigger", "")) for e in extraction.events),
        )
        pred = {(s, t, c, q) for s, t, c, _m, q, _n, _tr in pred_events}
        errors = _score_sentence(result, gold, pred)
        result.n_records += 1
        result.details.append({
            "id": rec.id,
            "text": rec.text,
            "label": rec.label,
            "gold": [list(g) for g in sorted(gold)],
            "predicted": [{"source": s, "target": t, "category": c, "mode": m,
                           "quad_class": q, "negated": n, "trigger": tr}
                          for s, t, c, m, q, n, tr in dict.fromkeys(pred_events)],
            "errors": errors,
        })
    return result


def _score_sentence(result: EvalResult, gold: set, pred: set) -> list[str]:
    """Add one sentence to ``result``; return its error buckets."""
    undirected = lambda tuples: {tuple(sorted((s, t))) for s, t, *_ in tuples}  # noqa: E731
    g_b, p_b = {(s, t) for s, t, *_ in gold}, {(s, t) for s, t, *_ in pred}
    result.scores["a"].add(undirected(gold), undirected(pred))
    result.scores["b"].add(g_b, p_b)
    g_c, p_c = {(s, t, c) for s, t, c, _ in gold}, {(s, t, c) for s, t, c, _ in pred}
    result.scores["c"].add(g_c, p_c)
    result.scores["e"].add({(s, t, q) for s, t, _, q in gold}, {(s, t, q) for s, t, _, q in pred})
    for cat in sorted({c for *_, c in g_c} | {c for *_, c in p_c}):
        result.per_category.setdefault(cat, Score()).add(
            {x for x in g_c if x[2] == cat}, {x for x in p_c if x[2] == cat})

    errors = []
    for dyad in sorted(g_b & p_b):
        gc = {c for s, t, c in g_c if (s, t) == dyad}
        pc = {c for s, t, c in p_c if (s, t) == dyad}
        result.found += 1
        if gc & pc:
            result.correct += 1
        else:
            errors.append("wrong_category")
            for g in sorted(gc):
                for p in sorted(pc):
                    result.confusion[(g, p)] += 1
    if not pred:
        errors.append("no_event")
    else:
        explained = set()
        for s, t in sorted(g_b - p_b):
            if (t, s) in p_b:
                errors.append("reversed")
                explained.add((t, s))
                continue
            same_t = {d for d in p_b - g_b if d[1] == t}
            same_s = {d for d in p_b - g_b if d[0] == s}
            if same_t:
                errors.append("wrong_source")
            if same_s:
                errors.append("wrong_target")
            if not same_t and not same_s:
                errors.append("wrong_dyad")
            explained |= same_t | same_s
        if (p_b - g_b) - explained:
            errors.append("extra_events")
    errors = sorted(set(errors), key=ERROR_BUCKETS.index)
    result.buckets.update(errors)
    return errors


# ---------------------------------------------------------------------------
# Output and convenience


def write_json(result: EvalResult, path) -> Path:
    """Write ``result.to_dict()`` as indented JSON, atomically; return the path.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> p = write_json(EvalResult(extractor="x"), pathlib.Path(tempfile.mkdtemp()) / "e.json")
    >>> json.loads(p.read_text())["records"]
    0
    """
    text = json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
    return atomic_write_text(path, text)


def run_eval(gold_path, *, extractor: str = "rules.v1", actor_files=()) -> EvalResult:
    """Load a gold file and score a registered extractor on it.

    Parameters
    ----------
    gold_path : str or Path
        PLOVER gold-standard JSON file.
    extractor : str, optional (default="rules.v1")
        Registered extractor name.
    actor_files : sequence of path, optional
        Users' actor CSVs added to the registry.

    Returns
    -------
    EvalResult

    Raises
    ------
    SourceError
        If the gold file cannot be read.
    ExtractionError
        If no extractor has that name.
    """
    from .actors import load_registry
    from .extract import get_extractor
    records = load_gold(gold_path)
    registry = load_registry(tuple(actor_files))
    return evaluate(records, get_extractor(extractor, registry=registry), registry=registry)

"""The whole job: inputs -> events -> graphs -> analysis -> outputs.

:func:`run` is what ``graphkit run`` calls; notebooks and scripts call it too.

Start-up: this module imports only what reading and extraction need. pandas,
networkx, the analysis, the page and the writers are imported where they are
first used, so a run with worker processes starts them before the main
process spends its time importing those (the workers never need them).
"""

from __future__ import annotations

import collections
import operator
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .actors import Registry, load_registry
from .corrections import Corrections
from .dedupe import SentenceFilter
from .errors import GraphkitError, SourceError
from .extract import get_extractor
from .model import EVENT_COLUMNS, Document
from .safe import clean_field, clean_text
from .sources import (DOCUMENT_SUFFIXES, SkipLog, check_date_pattern, iter_documents,
                      load_metadata, printable)

if TYPE_CHECKING:       # pragma: no cover - annotations only
    import networkx as nx
    import pandas as pd

    from .spool import EventSpool

__all__ = ["RunOptions", "RunResult", "run", "extract_events", "load_output", "output_tables",
           "OUTPUT_FILES"]

#: Columns of ``documents.csv`` (extra ``--metadata`` columns follow them).
DOCUMENT_COLUMNS = ("doc_id", "title", "date", "date_source", "url", "sentences", "events",
                    "repeated", "repeats_of")

#: Files written by :func:`run`, in the order they are reported.
OUTPUT_FILES = ("events.csv", "actors.csv", "agents.csv", "dyads.csv", "stances.csv",
                "documents.csv", "graph.graphml", "graph.gexf", "graph.html", "report.md")

_BATCH = 8              # documents per task: small, so that workers finish together
#: a document of more text than this is extracted in parts of this size, in the
#: process that writes the outputs, so that its events need not all be held at once
_PART_CHARS = 1 << 20
_CHUNK_ROWS = 5_000      # stance rows are compacted into frames of this many rows
#: Events whose evidence sentences the page embeds (every event keeps its
#: counts, dates and categories; see spool.text_sample for which get text).
PAGE_EVIDENCE = 20_000


@dataclass
class RunResult:
    """Counts, tables and file paths of one run.

    ``events`` is the full events table. A run that wrote its outputs streamed
    the events to ``events.csv`` and analysed a slim copy without the long
    texts (``analysed_events``); ``events`` then reads the file back on first
    use.
    """

    documents: int = 0
    sentences: int = 0
    #: documents with sentences of more than 250 tokens, cut into pieces: doc_id -> count
    capped: dict = field(default_factory=dict)
    analysed_events: pd.DataFrame = field(default_factory=lambda: _graph().events_frame())
    actors: pd.DataFrame = field(default_factory=lambda: _pandas().DataFrame())
    dyads: pd.DataFrame = field(default_factory=lambda: _pandas().DataFrame())
    graph: nx.DiGraph = field(default_factory=lambda: _networkx().DiGraph())
    tables: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    #: events whose sentence gave events in an earlier document, and their documents
    repeated: int = 0
    repeated_documents: int = 0
    #: documents left out by ``since``/``until``: (dated outside, undated)
    outside_window: tuple = (0, 0)
    imports: dict = field(default_factory=dict)
    #: Wall seconds per stage: setup, read (reading documents, within extract),
    #: extract, aggregate, analyse, write, and ``write:<writer>`` per writer
    #: (writers in a forked process overlap the others).
    stages: dict = field(default_factory=dict)
    #: CPU seconds per stage: of the main process, and of its own process for a
    #: writer (worker processes are not counted).
    stage_cpu: dict = field(default_factory=dict)
    stances: pd.DataFrame = field(default_factory=lambda: _pandas().DataFrame())
    full_graph: nx.DiGraph = field(default_factory=lambda: _networkx().DiGraph())
    seconds: float = 0.0
    #: Party id -> name variants of the officials who served it (searched on the page).
    search_names: dict = field(default_factory=dict)
    #: What ``--corrections`` did, one row per correction (None without a file).
    corrections: pd.DataFrame | None = None

    events_file: Path | None = None
    _full_events: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def parties(self) -> int:
        """Parties that take part in at least one event (agreements not included)."""
        return self.graph.number_of_nodes()

    @property
    def agreements(self) -> int:
        """Named agreements parties took a stance on (nodes of ``full_graph``)."""
        return sum(1 for _, k in self.full_graph.nodes(data="kind") if k == "agreement")

    @property
    def events(self) -> pd.DataFrame:
        """Every event with every ``events.csv`` column (read back from the
        written file when the run streamed its events)."""
        if self._full_events is None:
            if self.events_file is None:
                return self.analysed_events
            import pandas as pd

            from .eventfiles import read_events
            from .graph import events_frame
            frames = list(read_events(self.events_file, format="events"))
            self._full_events = (events_frame(pd.concat(frames, ignore_index=True))
                                 if frames else events_frame())
        return self._full_events


def _pandas():
    import pandas
    return pandas


def _networkx():
    import networkx
    return networkx


def _graph():
    from . import graph
    return graph


# ---------------------------------------------------------------------------
# extraction and event files (serial, over processes, or on Dask)
#
# A run is a stream of tasks in input order: batches of documents to extract,
# then event files to read. A _Runner does them in this process, on a pool of
# forked worker processes or on a Dask cluster, and yields the results in the
# same order whatever the mode, so every output is the same.

_worker_state: dict = {}


def _init_worker(extractor_name: str, actor_files: tuple, registry: Registry | None = None
                 ) -> None:
    """Set what this process extracts with; the extractor is built on first use."""
    _worker_state.clear()
    _worker_state.update(name=extractor_name, files=tuple(actor_files), registry=registry)


def _init_pool_worker(extractor_name: str, actor_files: tuple,
                      registry: Registry | None = None) -> None:
    """Initialise a worker process of the pool.

    A forked worker inherits the command line's SIGTERM handler, which raises
    KeyboardInterrupt; ``Pool.terminate`` then may leave a worker stuck in its
    clean-up and the run waiting for it forever. Workers take the default SIGTERM
    (end at once) and ignore Ctrl-C, which the main process handles.

    A forked worker also inherits the extractor (and its registry) that the
    main process built before starting the pool, so a large ``--actors``
    registry is built once, not once per worker; only a worker that inherits
    nothing (the ``spawn`` start method) builds its own.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if (_worker_state.get("name"), _worker_state.get("files")) != (extractor_name,
                                                                   tuple(actor_files)):
        _init_worker(extractor_name, actor_files, registry)


def _extractor():
    state = _worker_state
    if "extractor" not in state:
        registry = state.get("registry") or load_registry(state["files"])
        state["extractor"] = get_extractor(state["name"], registry=registry)
    return state["extractor"]


def _extract_batch(docs: list) -> list:
    """``(sentences, event_rows, mentions, agents, stances)`` per document (not
    the document itself: the caller has it, and its text need not travel back)."""
    extractor = _extractor()
    return [_result_rows(extractor.extract(doc)) for doc in docs]


def _extract_parts(doc: Document) -> Iterator[tuple]:
    """The tuples of :func:`_extract_batch` for one huge document, part by part
    (an extractor without ``parts`` gives one)."""
    extractor = _extractor()
    parts = getattr(extractor, "parts", None)
    if parts is None:
        yield _result_rows(extractor.extract(doc))
        return
    for res in parts(doc, size=_PART_CHARS):
        yield _result_rows(res)


def _result_rows(res) -> tuple:
    # (each row is Event.row() and its trigger, read by one C call per event)
    return (res.sentences, [dict(zip(_ROW_FIELDS, _row_values(e))) for e in res.events],
            res.mentions, res.agents, [asdict(st) for st in getattr(res, "stances", [])],
            getattr(res, "capped", 0))


_ROW_FIELDS = (*EVENT_COLUMNS, "trigger")
_row_values = operator.attrgetter(*_ROW_FIELDS)


def _documents_of(task: tuple, value) -> Iterator[tuple]:
    """``(doc, parts)`` for each document of a task and its result: ``parts`` are
    the tuples of :func:`_extract_batch`, one per document of a batch, and
    possibly several (made as they are taken) for a huge document."""
    if task[0] == "doc":
        yield task[1], value
    else:
        for doc, r in zip(task[1], value):
            yield doc, (r,)


def _read_event_file(path: Path, kind: str | None, prepare: bool,
                     window: tuple = (None, None), block: tuple | None = None) -> tuple:
    """Read one event file (or one ``block`` of it, see
    :func:`graphkit.eventfiles.split_blocks`): ``(path, format, chunks, report,
    error)``, the chunks ready for :meth:`graphkit.spool.EventSpool.add_chunks`
    (with ``prepare``, also their ``events.csv`` lines, Parquet row groups,
    dyad sums and slim copies: most of the work a run does with imported
    events), only the events dated within ``window`` (since, until) when it is
    given."""
    from .eventfiles import ImportReport, read_events
    from .spool import frame_chunks

    since, until = window
    if since or until:
        from .query import window_mask
    report = ImportReport()
    try:
        reader = read_events(path, format=None if kind == "auto" else kind, report=report,
                             block=block)
        chunks = []
        for frame in reader:
            frame = frame.drop(columns=["weight"], errors="ignore")
            if since or until:
                frame = frame[window_mask(frame["date"], since=since, until=until)]
            chunks += frame_chunks(frame, prepare=prepare)
    except SourceError as exc:
        return path, kind, [], report, str(exc)
    return path, reader.format, chunks, report, None


def _do_task(task: tuple):
    """Run one task: ``("docs", batch)``, ``("doc", document)`` (a huge one: an
    iterator of its parts' results, see :func:`_extract_parts`) or ``("file",
    path, kind, prepare, window, block, last)``."""
    if task[0] == "docs":
        return _extract_batch(task[1])
    if task[0] == "doc":
        return _extract_parts(task[1])
    if task[0] == "none":       # (a huge document's place in a pool's queue)
        return None
    return _read_event_file(*task[1:6])


def _dask_task(task: tuple, extractor_name: str, actor_files: tuple) -> tuple:
    """Run a task on a Dask worker; the extractor is built once per process."""
    if _worker_state.get("name") != extractor_name or _worker_state.get("files") != actor_files:
        _init_worker(extractor_name, actor_files)
    return _do_task(task)


def _batches(docs: Iterable, size: int) -> Iterator[tuple]:
    """``("docs", batch)`` tasks of ``size`` documents, and ``("doc", document)``
    for a document of more than ``_PART_CHARS`` characters of text."""
    batch = []
    for d in docs:
        if len(d.text) > _PART_CHARS:
            if batch:
                yield ("docs", batch)
                batch = []
            yield ("doc", d)
            continue
        batch.append(d)
        if len(batch) >= size:
            yield ("docs", batch)
            batch = []
    if batch:
        yield ("docs", batch)


def _tasks(docs: Iterable, event_files=(), prepare: bool = True,
           window: tuple = (None, None), parts: int = 1) -> Iterator[tuple]:
    """Batches of documents (a huge document alone), then event files: a large
    GDELT file in up to ``parts`` blocks (the last block of a file says so)."""
    yield from _batches(docs, _BATCH)
    for path, kind in event_files:
        blocks = _blocks(path, parts)
        for i, block in enumerate(blocks):
            yield ("file", path, kind, prepare, window, block, i == len(blocks) - 1)


def _blocks(path, parts: int) -> list:
    if parts < 2:
        return [None]
    from .eventfiles import split_blocks
    try:
        return split_blocks(path, parts)
    except (OSError, SourceError):
        return [None]       # read (and reported) whole


class _Runner:
    """Runs tasks in this process, on ``workers`` forked processes or on Dask,
    yielding results in task order. Worker processes (or the Dask cluster)
    start when the runner is made, so they get going while the caller imports
    what it needs next; :meth:`close` ends them."""

    def __init__(self, *, extractor: str = "rules.v1", actor_files: tuple = (),
                 workers: int = 1, registry: Registry | None = None, dask: str | None = None,
                 documents: bool = True):
        self.extractor, self.actor_files = extractor, tuple(actor_files)
        self.pool = self.client = self.cluster = None
        #: processes (or Dask workers) doing tasks at the same time
        self.processes = max(1, workers)
        if dask:
            from .dask_backend import dask_client
            self.client, self.cluster = dask_client(dask)
            self.processes = max(1, len(self.client.scheduler_info().get("workers", ())))
            return
        _init_worker(extractor, self.actor_files, registry)
        if workers > 1:
            import multiprocessing
            method = "fork" if sys.platform != "win32" else "spawn"
            if method == "fork" and documents:
                _extractor()        # built once here; the forked workers inherit it
            self.pool = multiprocessing.get_context(method).Pool(
                workers, initializer=_init_pool_worker,
                initargs=(extractor, self.actor_files, registry))

    def map(self, tasks: Iterable[tuple], *, window: int = 8) -> Iterator[tuple]:
        """``(task, result)`` per task, in task order.

        A huge document (a ``"doc"`` task) is extracted here, in this process,
        part by part as the caller takes its result (an iterator), so its events
        never travel whole from a worker; the workers go on with later tasks.
        """
        if self.pool is not None:
            sent = collections.deque()      # the pool's feeder thread appends, we pop

            def feed():
                for task in tasks:
                    sent.append(task)
                    yield task if task[0] != "doc" else ("none",)
            for result in self.pool.imap(_do_task, feed()):
                task = sent.popleft()
                yield task, _do_task(task) if task[0] == "doc" else result
        elif self.client is not None:
            pending = collections.deque()
            for task in tasks:
                if task[0] == "doc":
                    while pending:
                        done, fut = pending.popleft()
                        yield done, fut.result()
                    yield task, _dask_task(task, self.extractor, self.actor_files)
                    continue
                pending.append((task, self.client.submit(_dask_task, task, self.extractor,
                                                         self.actor_files, pure=False)))
                if len(pending) >= window:
                    task, fut = pending.popleft()
                    yield task, fut.result()
            for task, fut in pending:
                yield task, fut.result()
        else:
            for task in tasks:
                yield task, _do_task(task)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def extract_events(docs: Iterable[Document], *, extractor: str = "rules.v1",
                   actor_files: tuple = (), workers: int = 1, progress: bool | int = False,
                   registry: Registry | None = None, dask: str | None = None
                   ) -> Iterator[tuple]:
    """Run an extractor over documents; yield ``(doc, sentences, event_rows,
    mentions, agents, stances)`` per document, in input order.

    ``progress`` shows a progress bar (tqdm) on stderr: ``True`` counts
    documents, a number is the expected total (for the bar and its ETA).

    With ``workers > 1`` documents go to worker processes in batches; with
    ``dask`` (a scheduler address such as ``tcp://host:8786``, or ``"local"``
    for a ``LocalCluster``) batches become Dask tasks. Either way the order of
    results, and so every output, is the same as with one worker.
    """
    runner = _Runner(extractor=extractor, actor_files=actor_files, workers=workers,
                     registry=registry, dask=dask)
    bar = _progress_bar(progress)
    try:
        for task, value in runner.map(_tasks(docs)):
            for doc, parts in _documents_of(task, value):
                if bar is not None:
                    bar.update()
                yield (doc, *_joined(parts))
    finally:
        runner.close()
        if bar is not None:
            bar.close()


def _joined(parts: Iterable[tuple]) -> tuple:
    """One document's parts (see :func:`_extract_parts`) as one result."""
    sentences, rows, mentions, agents, stances = 0, [], {}, {}, []
    for n, ev_rows, ment, ags, sts, _capped in parts:
        sentences += n
        rows += ev_rows
        stances += sts
        _add_counts(mentions, ment)
        _add_counts(agents, ags)
    return sentences, rows, mentions, agents, stances


def _add_counts(total: dict, counts: dict) -> None:
    for k, v in counts.items():
        total[k] = total.get(k, 0) + v


def _progress_bar(progress: bool | int):
    """A tqdm bar over documents on stderr, or None; a whole number is the total."""
    if progress is False or progress is None:
        return None
    from tqdm import tqdm

    total = progress if not isinstance(progress, bool) and progress > 0 else None
    return tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr, leave=False,
                dynamic_ncols=True)


def _document_total(inputs, exclude_globs, taken) -> int | None:
    """How many documents the inputs hold, when every file is one document
    (JSONL and CSV files hold an unknown number: None)."""
    from .sources import find_files

    n = 0
    for p in inputs:
        for f, _id in find_files(p, exclude_globs=exclude_globs):
            if f.suffix.lower() in (".jsonl", ".csv"):
                return None
            n += Path(os.path.realpath(f)) not in taken
    return n


# ---------------------------------------------------------------------------
# the job

FORMATS = ("auto", "text", "gdelt", "gdelt1", "gdelt2", "icews", "events")
_EVENT_SUFFIXES = (".csv", ".tsv", ".tab", ".zip", ".txt")


def _split_inputs(inputs, fmt: str, exclude_globs=(), exclude=frozenset()):
    """Separate event files (GDELT, ICEWS, events.csv) from documents; files
    whose resolved path is in ``exclude`` and files named twice are left out."""
    from functools import partial

    from .sources import find_files

    find = partial(find_files, exclude_globs=exclude_globs)

    if fmt == "text":
        return [], list(inputs)
    event_files, doc_inputs = [], []
    seen = set(exclude)

    def first_time(f) -> bool:
        real = Path(os.path.realpath(f))
        if real in seen:
            return False
        seen.add(real)
        return True

    for p in inputs:
        if fmt != "auto":
            files = find(p, suffixes=_EVENT_SUFFIXES + (".csv",))
            event_files.extend((f, "gdelt2" if fmt == "gdelt" else fmt) for f, _ in files
                               if first_time(f))
            continue
        if os.path.isfile(p):
            kind = _sniff(p) if p.suffix.lower() in _EVENT_SUFFIXES else None
            if kind and first_time(p):
                event_files.append((p, kind))
            elif not kind:
                doc_inputs.append(p)
            continue
        files = find(p, suffixes=_EVENT_SUFFIXES)
        detected = [(f, _sniff(f)) for f, _ in files
                    if f.suffix.lower() in (".csv", ".tsv", ".tab", ".zip")
                    and Path(os.path.realpath(f)) not in seen]
        if any(k for _, k in detected):
            event_files.extend((f, k) for f, k in detected if k and first_time(f))
        doc_inputs.append(p)
    return event_files, doc_inputs


def _sniff(path) -> str | None:
    """The event-file format of a regular file, or None (documents, pipes, unreadable)."""
    from .eventfiles import detect_format

    if not os.path.isfile(path):
        return None
    try:
        return detect_format(path)
    except (SourceError, OSError):
        return None     # read (and reported) later as a document, if it is one


@dataclass(frozen=True)
class RunOptions:
    """Every option of :func:`run`, validated once, before any input is read.

    The command line builds one from its flags; ``run(inputs, out, workers=2)``
    builds one from keyword arguments.

    Parameters
    ----------
    actor_files : tuple of path-like, optional
        User CSVs with extra parties, aliases or officials.
    text_column : str, optional (default="text")
        Column holding the text in CSV inputs.
    extractor : str, optional (default="rules.v1")
        Extractor back-end name.
    workers : int, optional (default=1)
        Worker processes for extraction.
    dask : str, optional
        Run extraction on a Dask cluster: a scheduler address or ``"local"``.
    fmt : str, optional (default="auto")
        ``auto`` detects GDELT/ICEWS/events.csv files among the inputs and reads
        the rest as documents; ``text`` reads everything as documents; ``gdelt``
        (2.0), ``gdelt1``, ``icews`` or ``events`` read every input as that
        kind of event file.
    strict : bool, optional (default=False)
        Treat any skipped file or record as an error (nothing is written).
    title : str, optional
        Corpus name shown in the page and report (default: the first input's name).
    progress : bool, optional (default=False)
        Show a progress bar (tqdm) with the number of documents, and their total
        and an ETA when every input file is one document.
    echo_skips : bool, optional (default=False)
        Print each skipped file or record on stderr as it is skipped.
    seed : int, optional (default=0)
        Seed for communities, blocs and the page layout.
    max_nodes : int, optional (default=300)
        Parties shown at first on the page (the rest are reachable by filters).
    page_evidence : int, optional (default=20000)
        Events whose evidence sentences the page embeds (all events keep their
        counts, dates and categories on the page; events.csv has every text).
    metadata : path-like, optional
        A CSV of document metadata (``path`` or ``id``, ``date``, ``title``,
        ``url`` and any extra columns, kept in ``documents.csv``); its dates win
        over every other (see :func:`graphkit.sources.iter_documents`).
    date_pattern : str, optional
        A regular expression with named groups ``year`` (``month``, ``day``)
        that finds a document's date in its file path.
    exclude : tuple of str, optional
        Shell patterns of file or folder names (or relative paths) not to read.
    excel : bool, optional (default=False)
        Write every CSV in the spreadsheet form (a byte order mark; cells that
        Excel would run as formulas behind a ``'``): see
        :func:`graphkit.export.write_table`. ``graphkit analyze`` and
        ``export`` read both forms.
    dedupe : bool, optional (default=False)
        Count a sentence repeated in several documents (syndicated copies) once:
        drop the events of its later copies. Without it they are kept and
        flagged in ``documents.csv`` (``repeated``, ``repeats_of``). A sentence
        repeated within a document always counts once.
    since, until : str, optional
        Keep only documents (and imported events) dated in this window: a day
        (``2022-02-24``), a month or a year. Undated documents are left out.
    corrections : path-like, optional
        A corrections CSV downloaded from the page (:mod:`graphkit.corrections`):
        its events are dropped or edited as they are extracted, and report.md
        says what was applied and what did not match.

    Raises
    ------
    GraphkitError
        If an option is out of range (see :meth:`validate`).

    Examples
    --------
    >>> RunOptions(workers=2).workers
    2
    >>> RunOptions(fmt="pdf").validate()
    Traceback (most recent call last):
    ...
    graphkit.errors.GraphkitError: unknown format 'pdf' (known: auto, text, gdelt, gdelt1, gdelt2, icews, events)
    """

    actor_files: tuple = ()
    text_column: str = "text"
    extractor: str = "rules.v1"
    workers: int = 1
    dask: str | None = None
    fmt: str = "auto"
    strict: bool = False
    title: str | None = None
    progress: bool = False
    echo_skips: bool = False
    seed: int = 0
    max_nodes: int = 300
    page_evidence: int = PAGE_EVIDENCE
    metadata: str | os.PathLike | None = None
    date_pattern: str | None = None
    exclude: tuple = ()
    excel: bool = False
    dedupe: bool = False
    since: str | None = None
    until: str | None = None
    corrections: str | Path | None = None

    def __post_init__(self):
        object.__setattr__(self, "actor_files", tuple(self.actor_files))
        object.__setattr__(self, "exclude", tuple(self.exclude))

    def validate(self) -> "RunOptions":
        """Check every option; return self, or raise :class:`GraphkitError`."""
        if self.fmt not in FORMATS:
            raise GraphkitError(f"unknown format {self.fmt!r} (known: {', '.join(FORMATS)})")
        for name in ("workers", "max_nodes", "page_evidence"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise GraphkitError(f"{name} must be a whole number >= 0, not {value!r}")
        if self.max_nodes < 1:
            raise GraphkitError("max_nodes must be at least 1")
        if self.title is not None and not clean_field(self.title):
            raise GraphkitError("the title is empty")
        if not str(self.text_column).strip():
            raise GraphkitError("the text column name is empty")
        if self.date_pattern is not None:
            check_date_pattern(self.date_pattern)
        from .sources import window_bound

        lo, hi = window_bound(self.since, "since"), window_bound(self.until, "until")
        if lo and hi and lo > hi:
            raise GraphkitError(f"--since {self.since} is after --until {self.until}")
        if self.metadata is not None and not os.path.isfile(self.metadata):
            raise SourceError(f"no such metadata file: {_short(self.metadata)}")
        if self.corrections is not None:
            Corrections.read(self.corrections)
        return self


def run(inputs: Iterable, out_dir=None, options: RunOptions | None = None,
        **kwargs) -> RunResult:
    """Extract events from documents and write every output.

    Parameters
    ----------
    inputs : iterable of path-like
        Files or folders (recursive) of ``.txt``/``.md``/``.html``/``.jsonl``/``.csv``,
        or event files (GDELT, ICEWS, graphkit's own ``events.csv``).
    out_dir : path-like, optional
        Output folder (created if needed). Nothing is written when None.
    options : RunOptions, optional
        The run's options (defaults when None).
    **kwargs
        Fields of :class:`RunOptions` (``workers=2``, ``title="..."``) that
        replace those of ``options``.

    Returns
    -------
    RunResult

    Raises
    ------
    SourceError
        If an input does not exist or nothing readable was found.
    GraphkitError
        If an option is invalid (checked before any input is read).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Russia and NATO held talks in Brussels.")
    >>> res = run([d], d / "out")
    >>> res.documents, len(res.events), sorted(res.graph.nodes)
    (1, 2, ['NATO', 'RUS'])
    """
    try:
        opts = replace(options or RunOptions(), **kwargs)
    except TypeError as exc:
        raise GraphkitError(f"unknown run option: {exc}") from None
    opts.validate()
    t0 = time.perf_counter()
    clock = _Clock(t0)
    inputs = [Path(p) for p in inputs]
    if not inputs:
        raise SourceError("no input given")
    for p in inputs:
        if not os.path.exists(p):
            raise SourceError(f"no such file or folder: {_short(p)}")
    registry = load_registry(opts.actor_files)
    fixes = Corrections.read(opts.corrections) if opts.corrections is not None else None
    skipped = SkipLog(echo=opts.echo_skips)
    metadata = load_metadata(opts.metadata) if opts.metadata is not None else None
    outputs = _previous_outputs(inputs, out_dir)
    event_files, doc_inputs = _split_inputs(inputs, opts.fmt, opts.exclude, exclude=outputs)
    # files already read as events are not documents too
    taken = {Path(p).resolve() for p, _ in event_files} if opts.fmt == "auto" else set()
    docs = clock.timed_iter("read", iter_documents(
        doc_inputs, text_column=opts.text_column, skipped=skipped, exclude=taken | outputs,
        exclude_globs=opts.exclude, metadata=metadata, date_pattern=opts.date_pattern))
    if event_files:     # built before worker processes fork, so that they share them
        from .eventfiles import load_tables
        load_tables()
    outside = [0, 0]            # documents left out by the window: dated, undated
    if opts.since or opts.until:
        from .sources import window_bound

        docs = _in_window(docs, window_bound(opts.since, "since"),
                          window_bound(opts.until, "until"), outside)

    # Workers start now; the imports below happen while they extract. Events
    # stream into the staging folder of the outputs as they come; only a slim
    # copy (no long texts) stays in memory. See graphkit/spool.py.
    runner = _Runner(extractor=opts.extractor, actor_files=opts.actor_files,
                     workers=opts.workers, registry=registry, dask=opts.dask,
                     documents=bool(doc_inputs))
    made = _missing_folders(out_dir) if out_dir is not None else []
    stage = spool = None
    done = False
    try:
        import importlib

        import pandas as pd

        for name in ("analysis", "export", "render", "report"):     # while workers extract
            importlib.import_module(f"{__package__}.{name}")
        from .graph import stances_frame
        from .spool import EventSpool

        stage = _new_stage(out_dir) if out_dir is not None else None
        if runner.client is not None:       # dyads summed on the cluster
            from .dask_backend import ClusterDyads
            spool = EventSpool(stage, dyads=ClusterDyads(runner.client))
        else:
            spool = EventSpool(stage)
        doc_rows, stance_chunks, stance_rows = [], [], []
        mentions: dict = {}
        agents: dict = {}
        imports: dict = {}
        sentences = 0
        capped: dict = {}       # doc_id -> sentences cut by the token cap
        repeated = SentenceFilter(across=opts.dedupe)
        bar = _progress_bar(opts.progress and (
            _document_total(doc_inputs, opts.exclude, taken | outputs) or True))
        clock.lap("setup")
        block = None            # what earlier blocks of a file read
        for task, value in runner.map(_tasks(docs, event_files,
                                             prepare=stage is not None and fixes is None,
                                             window=(opts.since, opts.until),
                                             parts=runner.processes)):
            if task[0] == "file":
                if block is not None:
                    _path, fmt0, chunks0, report0, error0 = block
                    report0.merge(value[3])
                    value = (value[0], fmt0, chunks0 + value[2], report0, error0 or value[4])
                block = None if task[-1] else value
                if block is not None:
                    continue
                path, fmt, chunks, report, error = value
                if error is not None:
                    skipped.add(path, error)
                    continue
                imports[str(path)] = report
                if opts.strict:
                    _check_strict(path, fmt, report)
                if fixes is not None:       # edited rows (the chunks are not prepared)
                    chunks = [c._replace(events=fixed, rows=len(fixed)) for c in chunks
                              for fixed in [fixes.apply_frame(c.events, name_of=registry.name)]]
                spool.add_chunks(chunks)
                continue
            for doc, parts in _documents_of(task, value):
                seen = repeated.document(doc.doc_id)
                doc_sentences = doc_events = 0
                for n_sent, ev_rows, ment, ags, sts, n_cut in parts:  # (a huge
                    doc_sentences += n_sent                   # document's parts as they come)
                    if n_cut:
                        capped[doc.doc_id] = capped.get(doc.doc_id, 0) + n_cut
                    ev_rows, sts = seen.filter(ev_rows, sts)
                    if fixes is not None:
                        ev_rows = fixes.apply_rows(ev_rows, name_of=registry.name)
                    spool.add_rows(ev_rows)
                    doc_events += len(ev_rows)
                    stance_rows.extend(sts)
                    if len(stance_rows) >= _CHUNK_ROWS:
                        stance_chunks.append(stances_frame(stance_rows))
                        stance_rows = []
                    _add_counts(mentions, ment)
                    _add_counts(agents, ags)
                sentences += doc_sentences
                repeats = seen.repeats()
                doc_rows.append((doc.doc_id, doc.title, doc.date, doc.date_source, doc.url,
                                 doc_sentences, doc_events, repeats.repeated,
                                 repeats.first_seen) + tuple(v for _k, v in doc.meta))
                if bar is not None:
                    bar.update()
        if bar is not None:
            bar.close()
        if not doc_rows and not imports:
            where = ", ".join(str(p) for p in inputs)
            reasons = "; ".join(f"{p}: {r}" for p, r in skipped.items[:3])
            raise SourceError(f"no readable documents in {where}"
                              + (f" ({reasons})" if reasons else ""))
        clock.lap("extract")
        events = spool.finish()
        dyads = spool.dyads.table()
        runner.close()
        triggers = events.pop("trigger")
        stance_chunks.append(stances_frame(stance_rows))
        stances = (pd.concat(stance_chunks, ignore_index=True) if len(stance_chunks) > 1
                   else stance_chunks[0])
        documents = pd.DataFrame(doc_rows, columns=list(DOCUMENT_COLUMNS) + (
            [c for c in metadata.extra_columns] if metadata is not None else []))
        clock.lap("aggregate")
        result = build_outputs(events, documents, registry=registry, mentions=mentions,
                               agents=agents, seed=opts.seed, stances=stances, dyads=dyads)
        clock.lap("analyse")
        result.documents = len(doc_rows)
        result.outside_window = tuple(outside)
        result.repeated = int(documents["repeated"].sum())
        result.repeated_documents = int((documents["repeated"] > 0).sum())
        result.sentences = sentences
        result.capped = capped
        result.skipped = list(skipped.items)
        result.excluded = list(skipped.excluded)
        result.imports = imports
        if fixes is not None:
            result.corrections = fixes.outcomes()
        if opts.strict and skipped.items:
            where, reason = skipped.items[0]
            raise SourceError(f"{len(skipped.items)} skipped (--strict); first: {where}: {reason}")
        if out_dir is not None:
            name = clean_field(opts.title or _default_title(inputs)) or "graphkit"
            result.files = write_outputs(result, out_dir, documents=documents, title=name,
                                         triggers=triggers, max_nodes=opts.max_nodes,
                                         seed=opts.seed, page_evidence=opts.page_evidence,
                                         excel=opts.excel,
                                         processes=_writer_processes(opts.workers, len(events)),
                                         _stage=stage, _spool=spool, _clock=clock)
            result.events_file = result.files["events.csv"]
            clock.lap("write")
        else:
            result._full_events = events
        done = True
    finally:
        runner.close()
        if spool is not None:
            spool.close()
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
        if not done:            # a failed run leaves no folder it made behind
            for folder in made:
                try:
                    folder.rmdir()
                except OSError:
                    break
    result.seconds = time.perf_counter() - t0
    result.stages, result.stage_cpu = clock.stages, clock.cpu
    return result


class _Clock:
    """Wall and CPU seconds per stage of a run (laps), and within an iterator."""

    def __init__(self, start: float):
        self.stages: dict = {}
        self.cpu: dict = {}
        self._last, self._last_cpu = start, time.process_time()

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.stages[name] = round(self.stages.get(name, 0.0) + wall, 4)
        self.cpu[name] = round(self.cpu.get(name, 0.0) + cpu, 4)

    def lap(self, name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        self.add(name, now - self._last, cpu - self._last_cpu)
        self._last, self._last_cpu = now, cpu

    def timed_iter(self, name: str, items: Iterable) -> Iterator:
        it = iter(items)
        while True:
            t, c = time.perf_counter(), time.process_time()
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                self.add(name, time.perf_counter() - t, time.process_time() - c)
            yield item


def _check_strict(path, fmt: str, report) -> None:
    """With ``--strict``, a malformed row of an event file (bad column count,
    date, intensity, number, a duplicate id) is an error."""
    from .eventfiles import MALFORMED_REASONS

    bad = report.malformed(fmt)
    if bad:
        reason = next(r for r in sorted(report.rejected)
                      if fmt == "events" or r in MALFORMED_REASONS)
        line = (report.examples.get(reason) or ["?"])[0]
        raise SourceError(f"{printable(path)}: {bad} malformed rows (--strict); "
                          f"first: line {line}: {reason}")


def _in_window(docs, lo, hi, outside: list):
    """The documents dated from ``lo`` to ``hi``; ``outside`` counts the others
    (dated outside, undated)."""
    for doc in docs:
        if not doc.date:
            outside[1] += 1
        elif (lo and doc.date < lo) or (hi and doc.date > hi):
            outside[0] += 1
        else:
            yield doc


def _missing_folders(out_dir) -> list:
    """The folders that creating ``out_dir`` would make, deepest first."""
    missing = []
    p = Path(out_dir).absolute()
    while not p.exists() and p != p.parent:
        missing.append(p)
        p = p.parent
    return missing


def _previous_outputs(inputs, out_dir) -> set:
    """Resolved paths of the files under ``out_dir`` when it lies inside an input
    folder (``graphkit run . -o output``): a run never reads its own outputs
    back as input. A file named directly on the command line is still read.

    Raises
    ------
    GraphkitError
        If ``out_dir`` is one of the input folders (its outputs and its
        documents could not be told apart).
    """
    if out_dir is None:
        return set()
    from .sources import find_files

    out = Path(os.path.realpath(out_dir))
    folders = [Path(os.path.realpath(p)) for p in inputs if os.path.isdir(p)]
    if out in folders:
        raise GraphkitError(f"the output folder {printable(out_dir)} is also an input folder; "
                            f"write the outputs elsewhere (e.g. -o {printable(out_dir)}/output)")
    if not out.is_dir() or not any(out.is_relative_to(f) for f in folders):
        return set()
    named = {Path(os.path.realpath(p)) for p in inputs if os.path.isfile(p)}
    return {Path(os.path.realpath(f)) for f, _ in find_files(out, suffixes=(
        *_EVENT_SUFFIXES, *DOCUMENT_SUFFIXES))} - named


def _short(path, limit: int = 200) -> str:
    text = str(path)
    return text if len(text) <= limit else text[:limit] + "..."


def _default_title(inputs) -> str:
    p = inputs[0].resolve()
    return p.stem if p.is_file() else p.name


def actors_table(registry: Registry, events: pd.DataFrame, mentions: dict) -> pd.DataFrame:
    """Known facts about every party that is mentioned or takes part in an event."""
    import pandas as pd

    ids = sorted(set(mentions) | set(events["source"]) | set(events["target"]) - {""})
    rows = []
    for pid in ids:
        a = registry.party(pid)
        if a is None and "-" in pid:        # sector groups such as SYR-REB
            base = registry.party(pid.split("-")[0])
            kind, name = "group", registry.name(pid)
            country, region = pid.split("-")[0], base.region if base else ""
        elif a is None:
            kind, name, country, region = "unknown", pid, "", ""
        else:
            kind, name, country, region = a.kind, a.name, a.country, a.region
        rows.append({"id": pid, "name": name, "kind": kind, "country": country,
                     "region": region, "mentions": int(mentions.get(pid, 0))})
    return pd.DataFrame(rows, columns=["id", "name", "kind", "country", "region", "mentions"])


def official_names(registry: Registry, parties) -> dict:
    """Every name variant of every official (full names, spellings, surnames) of each
    of ``parties``, as written in the registry: what the page's search looks through
    besides the parties' own aliases ("Zelenskyy" finds Ukraine).

    Examples
    --------
    >>> names = official_names(load_registry(), ["UKR"])
    >>> "Zelenskyy" in names["UKR"], "Volodymyr Zelenskyy" in names["UKR"]
    (True, True)
    """
    wanted = set(parties)
    people = {person: {t.party for t in terms} & wanted
              for person, terms in registry.terms.items()}
    people = {person: found for person, found in people.items() if found}
    variants: dict = {person: {person} for person in people}
    for key, person in registry.people.items():
        if person in people:
            variants[person].add(_detokenize(key))
    for key, names in registry.surnames.items():
        for person in names:
            if person in people:
                variants[person].add(_detokenize(key))
    out: dict = {}
    for person, found in people.items():
        for party in found:
            out.setdefault(party, set()).update(variants[person])
    return out


_SPACE_BEFORE = re.compile(r" ([.,)'\u2019])")
_SPACE_AROUND = re.compile(r"([('\u2019-]) | (-)")


def _detokenize(tokens) -> str:
    """Tokens back to text: no space before ``. , ) '`` or around a hyphen."""
    return _SPACE_AROUND.sub(r"\1\2", _SPACE_BEFORE.sub(r"\1", " ".join(tokens)))


def build_outputs(events: pd.DataFrame, documents: pd.DataFrame | None = None, *,
                  registry: Registry | None = None, mentions: dict | None = None,
                  agents: dict | None = None, seed: int = 0,
                  stances: pd.DataFrame | None = None,
                  dyads: pd.DataFrame | None = None) -> RunResult:
    """Graphs and tables from an events table (no extraction, nothing written).

    ``result.graph`` is the dyad graph of the events (what the analysis runs
    on); ``result.full_graph`` adds named agreements as nodes of kind
    ``agreement`` for the page and GraphML.
    """
    import pandas as pd

    from . import analysis, report
    from .graph import _plain, build_dyad_graph, dyad_table, stances_frame, with_agreements

    registry = registry if registry is not None else load_registry()
    mentions = mentions or {}
    known = actors_table(registry, events, mentions)
    if dyads is None:           # run() passes the dyads it merged while streaming
        dyads = dyad_table(events)
    D = build_dyad_graph(events, known, dyads=dyads)
    tables = analysis.analyze(events, actors=known, seed=seed, graph=D) if len(events) else {}
    cent = tables.get("centrality")
    actors = known.copy()
    # one count per party everywhere (report, actors.csv, GraphML, page): report.party_counts
    counts = report.party_counts(events)
    for n in D.nodes:
        D.nodes[n]["events"] = int(counts.at[n, "events"]) if n in counts.index else 0
    actors["events"] = actors["id"].map(counts["events"]).fillna(0).astype("int64")
    degree = {n: len((set(D.predecessors(n)) | set(D.successors(n))) - {n}) for n in D.nodes}
    actors["degree"] = actors["id"].map(degree).fillna(0).astype("int64")
    actors["cooperation"] = actors["id"].map(counts["cooperative"]).fillna(0).astype("int64")
    actors["conflict"] = actors["id"].map(counts["conflictual"]).fillna(0).astype("int64")
    if cent is not None and len(cent):
        c = cent.set_index("id")
        for col in ("community", "bloc", "pagerank", "betweenness"):
            if col in c.columns:
                actors[col] = actors["id"].map(c[col])
        actors["community"] = actors["community"].fillna(-1).astype("int64")
        actors["bloc"] = actors["bloc"].fillna(-1).astype("int64")
        for col in ("pagerank", "betweenness"):
            actors[col] = actors[col].fillna(0.0).round(6)
        for col in ("community", "pagerank", "betweenness"):   # one dict per column
            if col in c.columns:
                values = dict(zip(c.index.tolist(), c[col].tolist()))
                for n in D.nodes:
                    if n in values:
                        D.nodes[n][col] = _plain(values[n])
    else:
        actors["community"] = -1
    # search aliases and the officials who acted for each party
    people: dict = {}
    for (name, party), _n in (agents or {}).items():
        people.setdefault(party, set()).add(name)
    for n in D.nodes:
        names = set(registry.aliases.get(n, ())) | people.get(n, set())
        D.nodes[n]["aliases"] = ";".join(sorted(names))
    agent_rows = [{"agent": name, "party": party, "party_name": registry.name(party),
                   "mentions": cnt} for (name, party), cnt in sorted((agents or {}).items())]
    stances = stances if stances is not None else stances_frame()
    result = RunResult(analysed_events=events, actors=actors, dyads=dyads, graph=D, tables=tables,
                       stances=stances, full_graph=with_agreements(D, stances),
                       search_names=official_names(registry, D.nodes))
    result.agents = pd.DataFrame(agent_rows, columns=["agent", "party", "party_name", "mentions"])
    return result


# ---------------------------------------------------------------------------
# writing the outputs: staged, written concurrently, swapped in as one set
#
# Every output is written into a hidden staging folder inside the output
# folder. Once all are complete they replace the previous set: the previous
# files are first hard-linked into a backup folder with a journal of what is
# being replaced, then the new ones are renamed over them. If that fails or is
# interrupted part-way, the previous set is put back; if the process is killed
# outright, the next run into that folder puts it back (the journal says what
# to undo) and removes the staging folders that run left behind.

_STAGE_PREFIX = ".graphkit-staging-"
_BACKUP_PREFIX = ".graphkit-previous-"
_JOURNAL = "swap.json"
_SWAPPED = "swapped"
#: Outputs a run writes only sometimes; a run that does not write them removes old ones.
_OPTIONAL_FILES = ("skipped.csv", "events.parquet", "dyads.parquet")
#: From this many events, a run writes its outputs with two processes (when the
#: machine has two cores) even with one worker: below it, forking costs more
#: than the files take to write.
CONCURRENT_WRITES_FROM = 10_000
_FILE_ORDER = ("events.csv", "events.parquet", "actors.csv", "agents.csv", "dyads.csv",
               "documents.csv", "dyads.parquet", "stances.csv", "graph.graphml", "graph.gexf",
               "graph.html", "report.md", "skipped.csv")


def _writer_processes(workers: int, events: int) -> int:
    """Processes that write a run's outputs: as many as its workers, and two for
    a large run on a machine with two cores or more.

    Examples
    --------
    >>> _writer_processes(3, 10), _writer_processes(1, 10)
    (3, 1)
    """
    if workers > 1:
        return workers
    return 2 if events >= CONCURRENT_WRITES_FROM and (os.cpu_count() or 1) >= 2 else 1


def _new_stage(out_dir) -> Path:
    """A hidden staging folder inside ``out_dir`` (created if needed), after
    undoing what a killed run left there."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise GraphkitError(f"output path {out} exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        _recover(out)
        return Path(tempfile.mkdtemp(prefix=f"{_STAGE_PREFIX}{os.getpid()}-", dir=out))
    except OSError as exc:
        raise GraphkitError(f"cannot create output folder {out}: {exc.strerror}") from None


def _recover(out: Path) -> None:
    """Put back the previous outputs a killed run was replacing, and remove the
    staging and backup folders of runs that are no longer running."""
    for entry in sorted(out.iterdir()):
        prefix = next((p for p in (_STAGE_PREFIX, _BACKUP_PREFIX)
                       if entry.name.startswith(p)), None)
        if prefix is None or not entry.is_dir() or _running(entry.name[len(prefix):]):
            continue
        if prefix == _BACKUP_PREFIX and not (entry / _SWAPPED).exists():
            _roll_back(out, entry)
        shutil.rmtree(entry, ignore_errors=True)


def _running(suffix: str) -> bool:
    """Whether the process that made a staging or backup folder still runs
    (its id starts the folder name's suffix)."""
    pid = suffix.split("-", 1)[0]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    if sys.platform == "win32":     # os.kill(pid, 0) is no probe there
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _swap(out: Path, staged: dict) -> dict:
    """Rename the staged files into ``out`` as one set; return ``{name: path}``.

    Raises whatever stopped it (OSError, KeyboardInterrupt) after putting the
    previous set back.
    """
    import json

    for name in staged:
        if (out / name).is_dir():
            raise GraphkitError(f"cannot write {out / name}: a folder is in the way")
    old = [n for n in dict.fromkeys([*staged, *_OPTIONAL_FILES])
           if os.path.lexists(out / n)]
    backup = Path(tempfile.mkdtemp(prefix=f"{_BACKUP_PREFIX}{os.getpid()}-", dir=out))
    try:
        (backup / _JOURNAL).write_text(json.dumps({"new": list(staged), "old": old}),
                                       encoding="utf-8")
        for name in old:
            try:
                os.link(out / name, backup / name, follow_symlinks=False)
            except OSError:
                shutil.copy2(out / name, backup / name, follow_symlinks=False)
        for name, path in staged.items():
            os.replace(path, out / name)
        for name in _OPTIONAL_FILES:
            if name not in staged and os.path.lexists(out / name):
                os.unlink(out / name)
        (backup / _SWAPPED).touch()
    except BaseException:
        _roll_back(out, backup)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    return {name: out / name for name in staged}


def _roll_back(out: Path, backup: Path) -> None:
    """Undo a swap from its backup folder and journal, then remove the folder."""
    import json

    try:
        journal = json.loads((backup / _JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal = {"new": [], "old": []}       # killed before the journal: nothing changed
    for name in journal["new"]:
        if name not in journal["old"] and os.path.lexists(out / name):
            os.unlink(out / name)
    for name in journal["old"]:
        saved = backup / name
        if os.path.lexists(saved) and not (os.path.lexists(out / name)
                                           and os.path.samestat(os.lstat(saved),
                                                                os.lstat(out / name))):
            os.replace(saved, out / name)
    shutil.rmtree(backup, ignore_errors=True)


def write_outputs(result: RunResult, out_dir, *, documents: pd.DataFrame, title: str,
                  triggers=None, max_nodes: int = 300, seed: int = 0,
                  page_evidence: int = PAGE_EVIDENCE, excel: bool = False, processes: int = 1,
                  _stage: Path | None = None, _spool: EventSpool | None = None,
                  _clock: _Clock | None = None) -> dict:
    """Write every output file of a run; return ``{file name: path}``.

    All files are first written into a hidden staging folder inside
    ``out_dir`` and replace the previous outputs as one set only once every
    one of them is complete, so a run that fails or is interrupted (Ctrl-C,
    SIGTERM, a crash, a full disk) leaves the previous outputs as they were.
    With ``processes > 1`` independent files are written by forked processes
    at the same time (same bytes). (:func:`run` streams ``events.csv`` into
    the staging folder during extraction and passes it in.) With ``excel``,
    every CSV is written in the spreadsheet form (see
    :func:`graphkit.export.write_table`).
    """
    out = Path(out_dir)
    stage = _stage if _stage is not None else _new_stage(out)
    try:
        staged = _write_staged(result, stage, documents=documents, title=title,
                               triggers=triggers, max_nodes=max_nodes, seed=seed,
                               page_evidence=page_evidence, spool=_spool, processes=processes,
                               clock=_clock)
        if excel:
            from .export import write_excel_csv
            for name, path in staged.items():
                if name.endswith(".csv"):
                    write_excel_csv(path, path)
        return _swap(out, staged)
    except OSError as exc:
        raise GraphkitError(f"cannot write outputs in {out}: {exc.strerror or exc}") from None
    finally:
        if _stage is None:
            shutil.rmtree(stage, ignore_errors=True)


def _write_staged(result: RunResult, out: Path, *, documents, title, triggers, max_nodes,
                  seed, page_evidence=PAGE_EVIDENCE, spool=None, processes: int = 1,
                  clock: _Clock | None = None) -> dict:
    import pandas as pd

    from . import render, report
    from .export import (_gephi_tables, write_events_csv, write_gexf, write_graphml,
                         write_parquet, write_table)
    from .io import atomic_write_text

    events = result.analysed_events
    streamed = spool is not None and spool.folder == out
    try:        # Parquet copies when pyarrow is installed (pip install -e ".[parquet]")
        import pyarrow  # noqa: F401
        parquet = True
    except ImportError:
        parquet = False

    def tables():
        files = {} if streamed else {"events.csv": write_events_csv(events, out / "events.csv")}
        for name, table in (("actors.csv", result.actors), ("agents.csv", result.agents),
                            ("dyads.csv", result.dyads), ("documents.csv", documents)):
            files[name] = write_table(table, out / name)
        files["stances.csv"] = write_table(result.stances.assign(
            negated=result.stances["negated"].map(lambda v: "true" if bool(v) else "false")),
            out / "stances.csv")
        if result.skipped or result.excluded:
            rows = ([(w, "rule", r) for w, r in result.excluded]
                    + [(w, "unreadable", r) for w, r in result.skipped])
            skipped = pd.DataFrame(rows, columns=["path", "kind", "reason"])
            files["skipped.csv"] = write_table(skipped, out / "skipped.csv")
        return files

    def parquet_copies():
        files = {}
        if streamed:
            files["events.csv"] = spool.csv_path
            if spool.parquet_path is not None:
                files["events.parquet"] = spool.parquet_path
        elif parquet:
            files["events.parquet"] = write_parquet(events[list(EVENT_COLUMNS)],
                                                    out / "events.parquet")
        if parquet:
            files["dyads.parquet"] = write_parquet(result.dyads, out / "dyads.parquet")
        return files

    shared = {}     # GraphML and GEXF written by one process share their tables

    def gephi_tables():
        if "tables" not in shared:
            shared["tables"] = _gephi_tables(result.full_graph)
        return shared["tables"]

    def graphml():
        return {"graph.graphml": write_graphml(result.full_graph, out / "graph.graphml",
                                               _tables=gephi_tables())}

    def gexf():
        return {"graph.gexf": write_gexf(result.full_graph, out / "graph.gexf", events=events,
                                         _tables=gephi_tables())}

    def page():
        page_events = _page_events(events, triggers, page_evidence, spool if streamed else None)
        return {"graph.html": render.write_html(
            out / "graph.html", result.full_graph, page_events, title=title,
            documents=documents, max_nodes=max_nodes, seed=seed,
            evidence_sampled=len(events) > page_evidence, search_names=result.search_names)}

    def summary():
        mentioned_only = int((result.actors["events"] == 0).sum()) if len(result.actors) else 0
        md = report.report_markdown(events, result.graph, result.tables, title=title,
                                    documents=documents, agreements=result.agreements,
                                    mentioned_only=mentioned_only,
                                    corrections=result.corrections)
        return {"report.md": atomic_write_text(out / "report.md", md)}

    # The page is the largest job; Parquet stays in this process (pyarrow's
    # threads and fork do not mix).
    groups = [[page, parquet_copies], [gexf, graphml, tables, summary]]
    if processes >= 3:
        groups[1:] = [[gexf], [graphml, tables, summary]]
    files, times = _run_writers(groups if processes > 1 else [sum(groups, [])])
    if clock is not None:
        for name, (wall, cpu) in times.items():
            clock.add(f"write:{name}", wall, cpu)
    return {name: files[name] for name in _FILE_ORDER if name in files}


def _run_writers(groups: list) -> tuple[dict, dict]:
    """Run groups of writer functions, the first here and each other one in a
    forked process at the same time; return the files they wrote and the
    (wall, CPU) seconds each writer took."""
    children = []
    if len(groups) > 1:
        import multiprocessing
        if "fork" not in multiprocessing.get_all_start_methods():
            groups = [sum(groups, [])]
    try:
        if len(groups) > 1:
            ctx = multiprocessing.get_context("fork")
            for group in groups[1:]:
                receive, send = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_writer_process, args=(group, send), daemon=True)
                proc.start()
                send.close()
                children.append((proc, receive))
        files, times = _run_group(groups[0])
        for proc, receive in children:
            try:
                written, took, error = receive.recv()
            except EOFError:
                written, took, error = {}, {}, (
                    False, f"a writer process ended with code {proc.exitcode}")
            proc.join()
            if error is not None:
                expected, message = error
                raise (GraphkitError if expected else RuntimeError)(message)
            files.update(written)
            times.update(took)
        return files, times
    finally:
        for proc, _receive in children:
            if proc.is_alive():
                proc.terminate()
            proc.join()


def _writer_process(group: list, send) -> None:
    """Body of a forked writer process: run the writers, send back what they
    wrote or why they failed."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        send.send((*_run_group(group), None))
    except GraphkitError as exc:
        send.send(({}, {}, (True, str(exc))))
    except OSError as exc:
        send.send(({}, {}, (True, f"cannot write outputs: {exc.strerror or exc}")))
    except BaseException:       # a bug: its traceback, in the main process
        import traceback
        send.send(({}, {}, (False, "a writer process failed:\n" + traceback.format_exc())))
    finally:
        send.close()


def _run_group(group: list) -> tuple[dict, dict]:
    """Run writer functions one after the other: the files written, and the
    (wall, CPU) seconds each took."""
    files, times = {}, {}
    for write in group:
        t, c = time.perf_counter(), time.process_time()
        files.update(write())
        times[write.__name__] = (time.perf_counter() - t, time.process_time() - c)
    return files, times


#: Columns that identify a group of events the page may show as one row.
_MERGE_KEYS = ["source", "source_name", "target", "target_name", "event_type", "mode",
               "quad_class", "intensity", "polarity", "issue", "negated", "modality", "date"]


def _page_events(events: pd.DataFrame, triggers, limit: int, spool: EventSpool | None
                 ) -> pd.DataFrame:
    """The events for the page, with an ``n`` column (events per row).

    :func:`graphkit.spool.text_sample` picks ``limit`` events that keep their
    sentences (and trigger marks), one row each. Every other event is counted
    in a row per distinct (parties, category, polarity, intensity, issue,
    negation, modality, date) with ``n`` events and no text, so the page's
    filters and timelines still count every event while its size grows with
    the variety of the events rather than their number.
    """
    import numpy as np
    import pandas as pd

    from .graph import events_frame
    from .spool import TEXT_COLUMNS, text_sample

    n = len(events)
    keep = text_sample(events, limit)
    if spool is not None:           # texts were streamed to disk: read back the sample
        texts = spool.texts(keep)
    else:
        texts = events[list(TEXT_COLUMNS)].iloc[keep].set_axis(keep)
    sample = events.iloc[keep].copy()
    for col in TEXT_COLUMNS:
        sample[col] = texts[col].to_numpy(dtype=object)
    trig = np.asarray(triggers, dtype=object) if triggers is not None and len(
        triggers) == n else np.full(n, "", dtype=object)
    sample["trigger"] = trig[keep]
    sample["n"] = 1
    if len(keep) == n:
        return sample.reset_index(drop=True)
    rest = np.ones(n, dtype=bool)
    rest[keep] = False
    rest = np.flatnonzero(rest)
    # one integer code per distinct combination of the merge keys, built
    # column by column (small integer arrays, no wide group-by)
    code = np.zeros(len(rest), dtype="int64")
    for col in _MERGE_KEYS:
        values, _ = pd.factorize(events[col].to_numpy()[rest], sort=True)
        code = pd.factorize(code * (int(values.max(initial=0)) + 1) + values, sort=True)[0]
    groups, first, counts = np.unique(code, return_index=True, return_counts=True)
    merged = events.iloc[rest[first]][_MERGE_KEYS].reset_index(drop=True)
    merged = events_frame(merged).assign(trigger="", n=counts)
    return pd.concat([sample, merged], ignore_index=True)


def load_output(path, *, actor_files: Iterable = (), since=None, until=None
                ) -> tuple[RunResult, pd.DataFrame]:
    """Rebuild graphs and tables from an output folder (or an ``events.csv``)
    without extracting again; return the result and the documents table.

    Reads ``events.csv`` (rows that are malformed are rejected and counted, as
    in :func:`graphkit.eventfiles.read_events`) and, when present beside it,
    ``documents.csv``, ``actors.csv`` (mention counts), ``agents.csv`` (the
    officials who acted for each party) and ``stances.csv``, in the plain or the
    ``--excel`` form. With the same ``actor_files`` as the run, the graph is the
    one :func:`run` wrote. ``since`` and ``until`` keep the events of a date
    window (see :func:`graphkit.query.date_window`).

    Raises
    ------
    SourceError
        If there is no readable ``events.csv``, or a table beside it cannot be
        read (not UTF-8, not CSV, a needed column missing).
    """
    import pandas as pd

    from .eventfiles import read_events
    from .graph import events_frame, stances_frame

    p = Path(path)
    events_path = p / "events.csv" if p.is_dir() else p
    if not events_path.is_file():
        raise SourceError(f"no events.csv in {printable(p)}")
    reader = read_events(events_path, format="events")
    frames = [c.drop(columns=["weight"], errors="ignore") for c in reader]
    events = events_frame(pd.concat(frames, ignore_index=True)) if frames else events_frame()
    if since is not None or until is not None:
        from .query import date_window

        events = date_window(events, since=since, until=until)
    folder = events_path.parent
    documents = _side_table(folder / "documents.csv", ("doc_id",))
    actors = _side_table(folder / "actors.csv", ("id",))
    mentions = ({} if actors is None or "mentions" not in actors else
                dict(zip(actors["id"], _counts(actors["mentions"]))))
    agents_table = _side_table(folder / "agents.csv", ("agent", "party"))
    agents = {}
    if agents_table is not None:
        counts = (_counts(agents_table["mentions"]) if "mentions" in agents_table
                  else [1] * len(agents_table))
        for name, party, n in zip(agents_table["agent"], agents_table["party"], counts):
            if name and party:
                agents[(name, party)] = agents.get((name, party), 0) + n
    stances_table = _side_table(folder / "stances.csv", ("actor", "issue"))
    stances = stances_frame(stances_table) if stances_table is not None else None
    registry = load_registry(tuple(actor_files))
    result = build_outputs(events, documents, registry=registry, mentions=mentions,
                           agents=agents, stances=stances)
    result.imports = {str(events_path): reader.report}
    return result, documents


def _side_table(path: Path, required: tuple) -> pd.DataFrame | None:
    """A table written beside ``events.csv``, its cells cleaned; None when absent."""
    from .export import read_table

    if not path.is_file():
        return None
    table = read_table(path, required=required, what=f"{path.name} (fix or remove it)")
    return table.apply(lambda s: s.map(clean_text)) if len(table) else table


def _counts(values) -> list:
    """Whole non-negative counts from text ("12"); anything else 0."""
    import numpy as np
    import pandas as pd

    v = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce").to_numpy(
        dtype="float64")
    ok = np.isfinite(v) & (v >= 0) & (v <= 2.0**53)
    return np.where(ok, np.trunc(np.where(ok, v, 0.0)), 0.0).astype("int64").tolist()


def output_tables(result: RunResult, documents: pd.DataFrame | None = None) -> dict:
    """The tables of a run as DataFrames, named as their CSV files (without
    ``.csv``): events, actors, agents, dyads, documents (when known), stances.
    ``negated`` is ``true``/``false`` as in the files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Russia and NATO held talks in Brussels.")
    >>> list(output_tables(run([d])))
    ['events', 'actors', 'agents', 'dyads', 'stances']
    """
    def flag(s):
        return s.map(lambda v: "true" if bool(v) else "false")

    events = result.events
    tables = {"events": events[list(EVENT_COLUMNS)].assign(negated=flag(events["negated"])),
              "actors": result.actors, "agents": result.agents, "dyads": result.dyads}
    if documents is not None:
        tables["documents"] = documents
    tables["stances"] = result.stances.assign(negated=flag(result.stances["negated"]))
    return tables

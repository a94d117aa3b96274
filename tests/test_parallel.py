"""Serial, multi-process and Dask extraction give byte-identical outputs."""


import pytest

from graphkit.pipeline import run
from tests.conftest import SEED_DIR

FILES = ("events.csv", "dyads.csv", "actors.csv", "agents.csv", "documents.csv", "stances.csv",
         "graph.graphml", "graph.gexf", "graph.html", "report.md")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    seed = next(SEED_DIR.glob("*.txt")).read_text(encoding="utf-8")
    sentences = [
        "Japan and the Philippines held talks in Manila.",
        "Germany announced new sanctions on Russia.",
        "Moscow accused Washington of interference.",
        "Britain and France imposed sanctions on Syria.",
    ]
    for i in range(70):     # enough documents for several batches
        (d / f"doc{i:03d}.txt").write_text(seed if i % 10 == 0 else sentences[i % 4],
                                           encoding="utf-8")
    return d


def _outputs(corpus, out, **kw):
    res = run([corpus], out, **kw)
    assert set(FILES) <= set(res.files)
    return {name: (out / name).read_bytes() for name in FILES}


def test_two_workers_match_serial(corpus, tmp_path):
    serial = _outputs(corpus, tmp_path / "serial")
    parallel = _outputs(corpus, tmp_path / "par", workers=2)
    assert serial == parallel


def test_dask_local_matches_serial(corpus, tmp_path):
    pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    serial = _outputs(corpus, tmp_path / "serial")
    on_dask = _outputs(corpus, tmp_path / "dask", dask="local")
    assert serial == on_dask


def test_unreachable_scheduler_is_a_clear_error(corpus, tmp_path):
    pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    from graphkit.errors import GraphkitError
    with pytest.raises(GraphkitError, match="Dask scheduler"):
        run([corpus], tmp_path / "x", dask="tcp://127.0.0.1:9")


def test_streaming_events_in_chunks_changes_nothing(corpus, tmp_path, monkeypatch):
    import graphkit.pipeline as pipeline
    import graphkit.spool as spool
    whole = _outputs(corpus, tmp_path / "whole")
    monkeypatch.setattr(pipeline, "_CHUNK_ROWS", 7)
    monkeypatch.setattr(spool, "CHUNK_ROWS", 7)
    chunked = _outputs(corpus, tmp_path / "chunked")
    assert whole == chunked
    if (tmp_path / "whole" / "events.parquet").exists():      # many row groups, same table
        pd = pytest.importorskip("pandas")
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "whole" / "events.parquet"),
                                      pd.read_parquet(tmp_path / "chunked" / "events.parquet"))


def test_a_streamed_run_keeps_every_text_on_disk_and_a_sample_on_the_page(corpus, tmp_path):
    import json
    import re

    res = run([corpus], tmp_path / "out", page_evidence=5)
    slim = res.analysed_events
    assert len(slim) > 5 and (slim["evidence"] == "").all()      # analysed without texts
    full = res.events                                              # read back from events.csv
    assert len(full) == len(slim) and (full["evidence"] != "").all()
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="graphkit-data">(.*?)</script>',
                                page, re.S).group(1))
    counts = data["meta"]["counts"]
    assert counts["evidence_sampled"] and counts["with_text"] <= 5
    rows = data["events"]
    stance = data["meta"]["stance_category"]            # stances on agreements: not events
    events = [k for k, c in enumerate(rows["cat"]) if c != stance]
    assert counts["events"] == sum(rows["n"][k] for k in events) == len(slim)   # all counted
    assert len(events) < len(slim)                               # like events share a row
    # per pair and category, the page counts what events.csv has
    names = data["nodes"]["id"]
    page_counts = {}
    for s, t, c, k in ((rows[f][k] for f in ("s", "t", "cat", "n")) for k in events):
        key = (names[s], names[t] if t >= 0 else "", data["meta"]["categories"][c])
        page_counts[key] = page_counts.get(key, 0) + k
    assert page_counts == full.groupby(["source", "target", "event_type"]).size().to_dict()
    # the sample spreads over relations: no two texts for a pair while another has none
    pairs = list(zip(data["events"]["s"], data["events"]["t"]))
    with_text = [p for p, t in zip(pairs, data["events"]["text"]) if t]
    assert len(set(with_text)) == min(5, len(set(pairs)))


def test_pool_workers_end_on_sigterm_whatever_handler_the_caller_set():
    # the command line turns SIGTERM into KeyboardInterrupt; a forked worker that
    # kept that handler could hang in its clean-up when the pool is terminated
    import multiprocessing
    import signal

    from graphkit import pipeline

    old = signal.signal(signal.SIGTERM, lambda *a: None)
    try:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(1, initializer=pipeline._init_pool_worker,
                      initargs=("rules.v1", ())) as pool:
            assert pool.apply(signal.getsignal, (signal.SIGTERM,)) == signal.SIG_DFL
            assert pool.apply(signal.getsignal, (signal.SIGINT,)) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, old)


def test_three_writer_processes_write_the_same_bytes(corpus, tmp_path):
    assert _outputs(corpus, tmp_path / "serial") == _outputs(corpus, tmp_path / "w3", workers=3)


def test_a_failing_writer_process_is_a_clear_error_and_changes_nothing(corpus, tmp_path,
                                                                       monkeypatch):
    import graphkit.export
    from graphkit.errors import ExportError, GraphkitError

    out = tmp_path / "out"
    before = _outputs(corpus, out)

    def broken(*args, **kwargs):
        raise ExportError("cannot write graph.gexf: disk on fire")

    # the writer process is forked, so it writes GEXF with this function
    monkeypatch.setattr(graphkit.export, "write_gexf", broken)
    with pytest.raises(GraphkitError, match="disk on fire"):
        run([corpus], out, workers=2)
    assert {name: (out / name).read_bytes() for name in FILES} == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


@pytest.fixture(scope="module")
def event_files(tmp_path_factory):
    """Several GDELT, ICEWS and events.csv files (copies of the fixtures), one broken."""
    from tests.conftest import ROOT
    fixtures = ROOT / "tests" / "fixtures" / "eventfiles"
    d = tmp_path_factory.mktemp("eventfiles")
    for i in range(4):
        for name in ("gdelt2_sample.export.CSV", "icews_sample.tab", "events.csv"):
            (d / f"{i}_{name}").write_bytes((fixtures / name).read_bytes())
    # a zip whose start reads as GDELT and whose end is corrupt (CRC error)
    import io
    import zipfile
    data = (fixtures / "gdelt2_sample.export.CSV").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("x.export.CSV", data * (1 + (1 << 17) // len(data)))
    raw = bytearray(buf.getvalue())
    raw[len(raw) // 2] ^= 0xFF
    (d / "9_broken.export.CSV.zip").write_bytes(bytes(raw))
    return d


@pytest.mark.parametrize("mode", [dict(workers=2), dict(dask="local")])
def test_event_files_read_in_parallel_give_the_same_outputs(event_files, tmp_path, mode):
    if "dask" in mode:
        pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    serial = run([event_files], tmp_path / "serial")
    parallel = run([event_files], tmp_path / "parallel", **mode)
    names = ("events.csv", "dyads.csv", "actors.csv", "graph.graphml", "graph.gexf",
             "skipped.csv")
    for name in names:
        assert (tmp_path / "serial" / name).read_bytes() == (
            tmp_path / "parallel" / name).read_bytes(), name
    assert len(serial.imports) == 12
    assert {p: r.as_dict() for p, r in serial.imports.items()} == {
        p: r.as_dict() for p, r in parallel.imports.items()}
    for report in parallel.imports.values():        # every row accounted for
        d = report.as_dict()
        assert d["rows_read"] == d["rows_mapped"] + sum(d["rejected"].values())
    assert [p for p, _ in parallel.skipped] == [str(event_files / "9_broken.export.CSV.zip")]


def test_on_dask_the_dyads_are_summed_on_the_cluster(event_files, corpus, tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed", reason="dask.distributed is not installed")
    from graphkit.graph import DyadAccumulator

    serial = run([event_files, corpus], tmp_path / "serial")

    def not_here(self, events):
        raise AssertionError("dyads summed in the client")

    monkeypatch.setattr(DyadAccumulator, "add", not_here)   # the client's copy only
    on_dask = run([event_files, corpus], tmp_path / "dask", dask="local")
    assert len(on_dask.dyads) > 10
    for name in ("dyads.csv", "events.csv", "actors.csv"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "dask" / name
                                                              ).read_bytes(), name
    assert serial.dyads.equals(on_dask.dyads)


def test_a_large_gdelt_file_is_read_in_blocks_by_the_workers(tmp_path, monkeypatch):
    import graphkit.eventfiles as eventfiles
    from tests.test_eventfiles import _big_gdelt

    path = _big_gdelt(tmp_path)
    monkeypatch.setattr(eventfiles, "BLOCK_BYTES", path.stat().st_size // 7)
    assert len(eventfiles.split_blocks(path, 2)) == 2
    serial = run([path], tmp_path / "serial")
    blocks = run([path], tmp_path / "blocks", workers=2)
    for name in ("events.csv", "dyads.csv", "actors.csv", "graph.graphml", "graph.gexf"):
        assert (tmp_path / "serial" / name).read_bytes() == (tmp_path / "blocks" / name
                                                              ).read_bytes(), name
    assert [r.as_dict() for r in serial.imports.values()] == [
        r.as_dict() for r in blocks.imports.values()]

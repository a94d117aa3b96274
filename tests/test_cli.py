"""The command line: exit codes, messages, summary."""

from click.testing import CliRunner

from graphkit.cli import cli
from tests.conftest import SEED_DIR


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_run_on_seed_prints_summary_and_files(tmp_path):
    res = invoke("run", str(SEED_DIR), "-o", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    assert "1 documents" in res.output and "events" in res.output and "parties" in res.output
    for name in ("events.csv", "graph.graphml", "graph.html", "report.md"):
        assert name in res.output
        assert (tmp_path / "out" / name).exists()


def test_missing_path_exits_1_with_one_line(tmp_path):
    res = invoke("run", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert res.exit_code == 1
    assert "no such file or folder" in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1


def test_empty_folder_exits_1(tmp_path):
    (tmp_path / "empty").mkdir()
    res = invoke("run", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert res.exit_code == 1 and "no readable documents" in res.output


def test_binary_or_invalid_utf8_file_alone_exits_1(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9 and \xfa not utf8 \xc3")
    res = invoke("run", str(bad), "-o", str(tmp_path / "out"))
    assert res.exit_code == 1 and "UTF-8" in res.output and "Traceback" not in res.output
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02")
    res = invoke("run", str(binary), "-o", str(tmp_path / "out"))
    assert res.exit_code == 1 and "binary" in res.output


def test_bad_file_among_good_ones_is_skipped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Russia and NATO held talks in Brussels.")
    (src / "bad.txt").write_bytes(b"\x00binary")
    res = invoke("run", str(src), "-o", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    assert "skipped 1" in res.output and "bad.txt" in res.output
    assert (tmp_path / "out" / "skipped.csv").read_text().count("bad.txt") == 1


def test_bad_option_exits_2(tmp_path):
    res = invoke("run", str(SEED_DIR), "--workers", "-3")
    assert res.exit_code == 2
    res = invoke("run", str(SEED_DIR), "--no-such-option")
    assert res.exit_code == 2


def test_unknown_extractor_exits_1(tmp_path):
    res = invoke("run", str(SEED_DIR), "-o", str(tmp_path), "--extractor", "nope")
    assert res.exit_code == 1 and "unknown extractor" in res.output


def test_version_and_help():
    assert invoke("--version").output.startswith("graphkit, version")
    assert "Example" in invoke("run", "-h").output


def test_python_dash_m(tmp_path):
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "graphkit", "--version"], capture_output=True,
                         text=True)
    assert out.returncode == 0 and "graphkit" in out.stdout


def test_analyze_and_export_without_extracting_again(tmp_path):
    out = tmp_path / "out"
    assert invoke("run", str(SEED_DIR), "-o", str(out), "-q").exit_code == 0
    res = invoke("analyze", str(out))
    assert res.exit_code == 0, res.output
    assert "top_cooperative" in res.output and (out / "analysis" / "centrality.csv").exists()
    res = invoke("export", str(out), "-f", "gexf", "-f", "json", "-o", str(tmp_path / "ex"))
    assert res.exit_code == 0, res.output
    import networkx as nx
    G = nx.read_gexf(tmp_path / "ex" / "graph.gexf")
    H = nx.read_graphml(out / "graph.graphml")
    assert set(G.nodes) == set(H.nodes) and set(G.edges) == set(H.edges)


def test_analyze_missing_folder_is_one_line(tmp_path):
    res = invoke("analyze", str(tmp_path))
    assert res.exit_code == 1 and "no events.csv" in res.output


def test_events_csv_round_trips_through_run(tmp_path):
    out = tmp_path / "out"
    invoke("run", str(SEED_DIR), "-o", str(out), "-q")
    again = tmp_path / "again"
    res = invoke("run", str(out / "events.csv"), "-o", str(again))
    assert res.exit_code == 0, res.output
    assert (out / "dyads.csv").read_bytes() == (again / "dyads.csv").read_bytes()


def test_gdelt_file_auto_detected(tmp_path):
    from tests.conftest import ROOT
    sample = ROOT / "tests" / "fixtures" / "eventfiles" / "gdelt2_sample.export.CSV"
    res = invoke("run", str(sample), "-o", str(tmp_path / "g"))
    assert res.exit_code == 0, res.output
    assert "rows read" in res.output and "mapped" in res.output


def test_strict_turns_skips_into_an_error_and_writes_nothing(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Russia and NATO held talks in Brussels.")
    (src / "bad.txt").write_bytes(b"\x00binary")
    out = tmp_path / "out"
    res = invoke("run", str(src), "-o", str(out), "--strict")
    assert res.exit_code == 1 and "--strict" in res.output and "bad.txt" in res.output
    assert not (out / "events.csv").exists()


def test_every_command_is_documented_with_an_example():
    for name, command in cli.commands.items():
        out = invoke(name, "--help").output
        assert command.help and "Example:" in out, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name} has no help"
    readme = (__import__("tests.conftest").conftest.ROOT / "README.md").read_text()
    for name in cli.commands:
        assert f"graphkit {name}" in readme, f"README does not mention graphkit {name}"


def test_run_reports_rule_skips_and_documents_csv_says_where_dates_came_from(tmp_path):
    import csv

    src = tmp_path / "in"
    (src / "drafts").mkdir(parents=True)
    (src / "LICENSE.txt").write_text("Permission is hereby granted to Russia and NATO.")
    (src / "drafts" / "x.txt").write_text("Russia and NATO held talks.")
    (src / "USA_76_2021.txt").write_text("Russia and NATO held talks in Brussels.")
    (src / "b.txt").write_text("MOSCOW, 3 March 2022 - Russia and NATO held talks.")
    meta = tmp_path / "meta.csv"
    meta.write_text("path,speaker\nUSA_76_2021.txt,Biden\n")
    res = invoke("run", str(src), "-o", str(tmp_path / "out"), "--exclude", "drafts",
                 "--metadata", str(meta), "--strict")
    assert res.exit_code == 0, res.output
    assert ("skipped 2 by rule (excluded by --exclude drafts 1, licence file 1), listed in"
            in res.output)
    rows = list(csv.DictReader((tmp_path / "out" / "skipped.csv").open()))
    assert sorted((r["kind"], r["reason"]) for r in rows) == [
        ("rule", "excluded by --exclude drafts"), ("rule", "licence file")]
    docs = {r["doc_id"]: r for r in csv.DictReader((tmp_path / "out" / "documents.csv").open())}
    assert (docs["USA_76_2021.txt"]["date"], docs["USA_76_2021.txt"]["date_source"],
            docs["USA_76_2021.txt"]["speaker"]) == ("2021-01-01", "file name (year)", "Biden")
    assert (docs["b.txt"]["date"], docs["b.txt"]["date_source"]) == ("2022-03-03", "dateline")


def test_bad_date_pattern_or_missing_metadata_is_one_line(tmp_path):
    res = invoke("run", str(SEED_DIR), "-o", str(tmp_path / "out"), "--date-pattern", "(\\d{4})")
    assert res.exit_code == 1 and "named group" in res.output
    assert len(res.output.strip().splitlines()) == 1
    res = invoke("run", str(SEED_DIR), "-o", str(tmp_path / "out"), "--metadata", "nope.csv")
    assert res.exit_code == 1 and "no such metadata file" in res.output


def test_repeated_sentences_count_once_within_and_are_flagged_across_documents(tmp_path):
    import csv

    src = tmp_path / "in"
    src.mkdir()
    title = "Russia and NATO held talks in Brussels."
    (src / "a.txt").write_text(f"{title}\n\n{title}\n\nFrance met Germany in Paris.")
    (src / "b.txt").write_text("France met Germany in Paris.\n\nItaly met Spain in Rome.")

    def events_per_doc(*extra):
        res = invoke("run", str(src), "-o", str(tmp_path / "out"), *extra)
        assert res.exit_code == 0, res.output
        rows = list(csv.DictReader((tmp_path / "out" / "documents.csv").open()))
        return res.output, {r["doc_id"]: (int(r["events"]), int(r["repeated"]), r["repeats_of"])
                            for r in rows}

    out, docs = events_per_doc()
    assert docs == {"a.txt": (3, 0, ""), "b.txt": (2, 1, "a.txt")}
    assert ("1 events in 1 documents come from sentences of earlier documents "
            "(syndicated copies?); --dedupe counts them once") in out
    out, docs = events_per_doc("--dedupe")
    assert docs == {"a.txt": (3, 0, ""), "b.txt": (1, 1, "a.txt")}
    assert "--dedupe dropped them" in out


def test_seed_title_repeated_in_the_body_gives_its_events_once(seed_result):
    ev = seed_result.events
    title = "Lavrov, Kerry to talk Syria at Russia-NATO Council"
    assert sorted(ev.loc[ev["evidence"] == title, "sentence_id"].astype(int).unique()) == [0]


def test_failed_run_leaves_no_output_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    res = invoke("run", str(tmp_path / "empty"), "-o", str(tmp_path / "out" / "deep"))
    assert res.exit_code == 1
    assert not (tmp_path / "out").exists()
    (tmp_path / "kept").mkdir()
    res = invoke("run", str(tmp_path / "empty"), "-o", str(tmp_path / "kept"))
    assert res.exit_code == 1 and (tmp_path / "kept").is_dir()   # it was there before

"""Questions from the command line: pair, party, compare, --since/--until, ranked analyze,
the progress bar."""

import csv
import io

import pytest
from click.testing import CliRunner

from graphkit.cli import cli
from graphkit.errors import GraphkitError
from graphkit.pipeline import load_output, run
from graphkit.query import date_window, pair_report

DOCS = {
    "2022-01-10-a.txt": "Russia and Ukraine held talks in Minsk.\n",
    "2022-03-01-b.txt": "Russia attacked Ukraine.\n\nThe United States imposed sanctions on Russia.\n",
    "2022-03-29-c.txt": ("The United States sent weapons to Ukraine.\n\n"
                         "Russia and Ukraine held talks in Istanbul.\n"),
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    root = tmp_path_factory.mktemp("query")
    (root / "in").mkdir()
    for name, text in DOCS.items():
        (root / "in" / name).write_text(text)
    run([root / "in"], root / "out")
    return root / "out"


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_pair_counts_timeline_and_evidence(out):
    res = invoke("pair", out, "RUS", "Ukraine")
    assert res.exit_code == 0, res.output
    text = res.output
    assert text.startswith("Russia and Ukraine\n")
    assert "5 events, from 2022-01-10 to 2022-03-29: 3 from Russia, 2 from Ukraine" in text
    counts = text.split("== Counts ==")[1].split("== Timeline ==")[0]
    assert [ln.split() for ln in counts.splitlines() if ln.startswith(("CONSULT", "ASSAULT"))] \
        == [["CONSULT", "2", "2", "4", "4"], ["ASSAULT", "1", "0", "1", "1"]]
    timeline = text.split("== Timeline ==")[1].split("== Evidence ==")[0]
    assert [ln.split() for ln in timeline.splitlines() if ln.startswith("2022")] == [
        ["2022-01", "2", "2", "0"], ["2022-03", "3", "2", "1"]]
    assert "2022-03-01  RUS → UKR  ASSAULT (asserted)  2022-03-01-b.txt\n    Russia attacked Ukraine." \
        in text


def test_pair_csv_is_the_evidence_and_md_is_markdown(out):
    res = invoke("pair", out, "RUS", "UKR", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [(r["date"], r["source"], r["event_type"]) for r in rows] == [
        ("2022-01-10", "RUS", "CONSULT"), ("2022-01-10", "UKR", "CONSULT"),
        ("2022-03-01", "RUS", "ASSAULT"), ("2022-03-29", "RUS", "CONSULT"),
        ("2022-03-29", "UKR", "CONSULT")]
    md = invoke("pair", out, "RUS", "UKR", "--format", "md").output
    assert md.startswith("# Russia and Ukraine") and "| category | RUS → UKR |" in md


def test_pair_with_a_date_window(out):
    res = invoke("pair", out, "RUS", "UKR", "--since", "2022-02", "--until", "2022-03-15",
                 "--format", "csv")
    assert [r["date"] for r in csv.DictReader(io.StringIO(res.output))] == ["2022-03-01"]


def test_unknown_party_suggests_and_exits_1(out):
    res = invoke("pair", out, "Rusia", "UKR")
    assert res.exit_code == 1
    assert res.output.startswith("Error: no party 'Rusia' in these events; did you mean "
                                 "RUS (Russia)")
    assert len(res.output.strip().splitlines()) == 1


def test_party_partners_rivals_standing_timeline(out):
    res = invoke("party", out, "UKR")
    assert res.exit_code == 0, res.output
    text = res.output
    assert text.startswith("Ukraine (UKR)\n")
    assert "Ukraine ranks 1 of 3 parties by events (6 events with 2 partners" in text
    partners = text.split("== Partners ==")[1].split("== Rivals ==")[0]
    rivals = text.split("== Rivals ==")[1].split("== Timeline ==")[0]
    def ids(section):
        return [ln.split()[0] for ln in section.splitlines() if ln[:3].isupper()]
    assert ids(partners) == ["RUS", "USA"] and ids(rivals) == ["RUS"]
    assert "2022-03" in text.split("== Timeline ==")[1]


def test_compare_split_and_two_folders(out, tmp_path):
    res = invoke("compare", out, "--split", "2022-02-24", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = {(r["source"], r["target"]): r for r in csv.DictReader(io.StringIO(res.output))}
    assert rows[("RUS", "UKR")]["status"] == "sign_changed"
    assert (rows[("USA", "RUS")]["status"], rows[("USA", "RUS")]["events_b"]) == ("appeared", "1")
    assert ("UKR", "RUS") not in rows                      # cooperative before and after
    early = tmp_path / "early"
    assert invoke("export", out, "-f", "csv", "-o", early, "--until", "2022-02").exit_code == 0
    res = invoke("compare", early, out)
    assert "== Appeared ==" in res.output and "United States → Ukraine" in res.output
    assert invoke("compare", out).exit_code == 2           # neither a folder nor --split


def test_run_since_until_leaves_out_documents(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in DOCS.items():
        (src / name).write_text(text)
    (src / "undated.txt").write_text("France met Germany.")
    res = invoke("run", src, "-o", tmp_path / "out", "--since", "2022-03")
    assert res.exit_code == 0, res.output
    assert res.output.startswith("2 documents")
    assert "2 documents left out by --since/--until (1 dated outside, 1 undated)" in res.output
    res = invoke("run", src, "-o", tmp_path / "out", "--since", "2022-04", "--until", "2022-03")
    assert res.exit_code == 1 and "is after" in res.output


def test_analyze_ranks_centrality_by_events_and_takes_a_window(out, tmp_path):
    res = invoke("analyze", out, "-o", tmp_path / "a")
    assert res.exit_code == 0, res.output
    table = res.output.split("== centrality ==")[1].split("==")[0].strip().splitlines()
    assert table[0].split()[:2] == ["rank", "id"]
    ranked = [ln.split() for ln in table[1:]]
    strength = table[0].split().index("strength")
    assert [int(r[strength]) for r in ranked] == [6, 6, 2]     # by events, ties by PageRank
    assert ranked[-1][1] == "USA"
    res = invoke("analyze", out, "-o", tmp_path / "b", "--until", "2022-01-31")
    table = res.output.split("== centrality ==")[1].split("==")[0].strip().splitlines()
    assert [ln.split()[1] for ln in table[1:]] == ["RUS", "UKR"]


def test_date_window_rejects_bad_dates():
    with pytest.raises(GraphkitError, match="--until must be a date"):
        date_window([], until="March")


def test_pair_report_library_api(out):
    result, _docs = load_output(out)
    ans = pair_report(result.events, result.graph, "USA", "RUS")
    assert ans.table("Counts")[["category", "total"]].values.tolist() == [["SANCTION", 1]]


def test_progress_bar_with_total_on_stderr(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in DOCS.items():
        (src / name).write_text(text)
    run([src], tmp_path / "out", progress=True)
    err = capsys.readouterr().err
    assert "extracting" in err and "/3 " in err           # the total is known
    run([src], tmp_path / "out", progress=False)
    assert capsys.readouterr().err == ""

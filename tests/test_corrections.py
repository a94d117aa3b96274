"""Corrections from the page applied by `graphkit run --corrections FILE`; stable event ids."""

import csv
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from graphkit.cli import cli
from graphkit.corrections import COLUMNS, Corrections
from graphkit.errors import SourceError
from graphkit.pipeline import run

from conftest import SEED_DIR

SEED_ID = "000_7d77c12b89888fdd.txt"


def events_of(out):
    return pd.read_csv(out / "events.csv", dtype=str, keep_default_na=False)


def write_corrections(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in COLUMNS})
    return path


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("first")
    run([SEED_DIR], out)
    return out


def test_event_ids_are_stable_across_runs_workers_and_other_documents(first_run, tmp_path):
    ids = events_of(first_run)["event_id"].tolist()
    assert ids and len(set(ids)) == len(ids)
    assert all(i.startswith(SEED_ID + "#") for i in ids)
    again = tmp_path / "again"
    run([SEED_DIR], again, workers=2)
    assert events_of(again)["event_id"].tolist() == ids
    # another document in the folder leaves the seed's ids as they were
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_DIR / SEED_ID, corpus / SEED_ID)
    (corpus / "000_aaa.txt").write_text("Russia and China held talks in Beijing on Monday.\n",
                                        encoding="utf-8")
    run([corpus], tmp_path / "more")
    more = events_of(tmp_path / "more")["event_id"]
    assert more[more.str.startswith(SEED_ID)].tolist() == ids
    assert more.str.startswith("000_aaa.txt#").any()


def test_run_drops_and_edits_events_and_reports_what_matched(first_run, tmp_path):
    ev = events_of(first_run).set_index("event_id")
    drop, recat, retarget, stale = (f"{SEED_ID}#{k}" for k in ("7.1", "19.1", "44.3", "44.4"))
    assert ev.loc[drop, ["event_type", "source", "target"]].tolist() == ["CONSULT", "RUS", "USA"]
    fixes = write_corrections(tmp_path / "fix.csv", [
        dict(event_id=drop, action="drop", orig_event_type="CONSULT", orig_source="RUS",
             orig_target="USA"),
        dict(event_id=recat, action="edit", event_type="ACCUSE", source="RUS", target="NATO",
             orig_event_type="REQUEST", orig_source="RUS", orig_target="NATO"),
        dict(event_id=retarget, action="edit", event_type="AID", source="USA", target="AFG",
             orig_event_type="AID", orig_source="RUS", orig_target="AFG"),
        # recorded as something the event is not (the extractor changed since)
        dict(event_id=stale, action="drop", orig_event_type="ASSAULT", orig_source="NATO",
             orig_target="AFG"),
        dict(event_id=f"{SEED_ID}#999.1", action="drop"),
    ])
    out = tmp_path / "out"
    result = run([SEED_DIR], out, corrections=fixes)
    after = events_of(out).set_index("event_id")
    assert drop not in after.index and len(after) == len(ev) - 1
    assert after.loc[recat, ["event_type", "quad_class", "polarity", "intensity"]].tolist() == [
        "ACCUSE", "3", "-1", "-3.0"]
    assert after.loc[recat, "evidence"] == ev.loc[recat, "evidence"]
    assert after.loc[retarget, ["source", "source_name", "source_agent", "target"]].tolist() == [
        "USA", "United States", "", "AFG"]
    assert after.loc[stale].tolist() == ev.loc[stale].tolist()      # not touched
    outcome = dict(zip(result.corrections["event_id"], result.corrections["outcome"]))
    assert outcome == {drop: "applied", recat: "applied", retarget: "applied",
                       stale: "not matched", f"{SEED_ID}#999.1": "not matched"}
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Corrections" in report
    assert "Corrections from the page: 3 of 5 applied (1 event dropped, 2 edited)." in report
    assert "the event now reads AID NATO \u2192 AFG" in report
    assert "no event with this id in this run" in report
    # the dyads and the report follow the corrected events
    dyads = pd.read_csv(out / "dyads.csv", dtype={"events": int})
    before = pd.read_csv(first_run / "dyads.csv", dtype={"events": int})
    pair = lambda d, s, t: int(d[(d.source == s) & (d.target == t)]["events"].sum())  # noqa: E731
    assert pair(dyads, "RUS", "USA") == pair(before, "RUS", "USA") - 1
    assert pair(dyads, "USA", "AFG") == pair(before, "USA", "AFG") + 1
    assert pair(dyads, "RUS", "AFG") == pair(before, "RUS", "AFG") - 1


def test_a_changed_event_is_found_again_in_its_sentence():
    fixes = Corrections.from_text(
        "event_id,action,orig_event_type,orig_source,orig_target\n"
        "d#4.1,drop,ACCUSE,RUS,UKR\n")
    rows = [dict(event_id="d#4.1", event_type="CONSULT", source="RUS", target="UKR"),
            dict(event_id="d#4.2", event_type="ACCUSE", source="RUS", target="UKR")]
    assert [r["event_id"] for r in fixes.apply_rows(rows)] == ["d#4.1"]
    assert fixes.outcomes()["note"].iloc[0].startswith("applied to d#4.2")


def test_cells_neutralised_for_spreadsheets_are_read_back():
    fixes = Corrections.from_text("event_id,action\n'-x#1.1,drop\n")
    assert [c.event_id for c in fixes.items] == ["-x#1.1"]


@pytest.mark.parametrize("text, message", [
    ("id,what\nx,drop\n", "not a corrections file (no event_id, action column)"),
    ("event_id,action\nx#1.1,remove\n", "line 2: unknown action 'remove'"),
    ("event_id,action,event_type\nx#1.1,edit,HUG\n", "line 2: unknown event category 'HUG'"),
    ("event_id,action\nx#1.1,edit\n", "line 2: an edit needs a new event_type, source or target"),
    ("event_id,action\nx#1.1,drop\nx#1.1,drop\n", "line 3: event x#1.1 is already corrected on line 2"),
    ("event_id,action\n,drop\n", "line 2: no event_id"),
])
def test_bad_corrections_files(text, message):
    with pytest.raises(SourceError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Corrections.from_text(text, path="fix.csv")


def test_cli_applies_corrections_and_says_so(tmp_path):
    fixes = write_corrections(tmp_path / "fix.csv", [dict(event_id=f"{SEED_ID}#7.1", action="drop")])
    res = CliRunner().invoke(cli, ["run", str(SEED_DIR), "-o", str(tmp_path / "o"),
                                   "--corrections", str(fixes)])
    assert res.exit_code == 0, res.output
    assert "corrections: 1 of 1 applied (report.md lists them)" in res.output


def test_cli_bad_corrections_file_is_one_line_error(tmp_path):
    res = CliRunner().invoke(cli, ["run", str(SEED_DIR), "-o", str(tmp_path / "o"),
                                   "--corrections", str(tmp_path / "missing.csv")])
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        f"Error: corrections file not found: {tmp_path / 'missing.csv'}"]
    assert not (tmp_path / "o").exists()


def test_corrections_apply_to_imported_event_files(first_run, tmp_path):
    drop, edit = f"{SEED_ID}#7.1", f"{SEED_ID}#19.1"
    fixes = write_corrections(tmp_path / "fix.csv", [
        dict(event_id=drop, action="drop"), dict(event_id=edit, action="edit", event_type="ACCUSE")])
    result = run([first_run / "events.csv"], tmp_path / "out", fmt="events", corrections=fixes)
    after = events_of(tmp_path / "out").set_index("event_id")
    assert drop not in after.index and after.loc[edit, "event_type"] == "ACCUSE"
    assert len(after) == len(events_of(first_run)) - 1
    assert result.corrections["outcome"].tolist() == ["applied", "applied"]

"""Tests for graphkit.eventfiles: GDELT 1.0/2.0, ICEWS and events.csv import."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from graphkit import eventfiles
from graphkit.errors import GraphkitError, SourceError
from graphkit.eventfiles import (
    FORMATS,
    GDELT2_COLUMNS,
    REJECT_REASONS,
    ImportReport,
    cameo_actor_table,
    cameo_event_table,
    detect_format,
    read_events,
)
from graphkit.graph import events_frame
from graphkit.model import CATEGORIES, EVENT_COLUMNS, default_polarity, quad_class
from tests.conftest import SHARED_DATA

FIXTURES = Path(__file__).parent / "fixtures" / "eventfiles"
GDELT2 = FIXTURES / "gdelt2_sample.export.CSV"
GDELT2_ZIP = FIXTURES / "gdelt2_sample.export.CSV.zip"
GDELT1 = FIXTURES / "gdelt1_mixed.csv"
GDELT1_R = FIXTURES / "gdelt1_r_export.csv"
ICEWS = FIXTURES / "icews_sample.tab"
EVENTS = FIXTURES / "events.csv"

SHARED = SHARED_DATA / "gdelt"
REAL_SAMPLES = {
    "gdelt2_export_20180326044500/20180326044500.export.CSV": ("gdelt2", 1540),
    "gdelt2_export_20191024143000/20191024143000.export.CSV": ("gdelt2", 2111),
    "gdelt1_daily_sample_20160728/events.csv": ("gdelt1", 710),
    "gdelt1_georgia_filtered_2013/april13.csv": ("gdelt1", 3542),
}
OUT_COLUMNS = list(EVENT_COLUMNS) + ["weight"]


def read_all(path, **kw):
    reader = read_events(path, **kw)
    chunks = list(reader)
    df = pd.concat(chunks, ignore_index=True) if chunks else None
    return df, reader.report


def check_invariant(report: ImportReport):
    assert report.rows_read == report.rows_mapped + sum(report.rejected.values())
    assert set(report.rejected) <= set(REJECT_REASONS)
    for reason, lines in report.examples.items():
        assert 0 < len(lines) <= 20
        assert len(lines) <= report.rejected[reason]


def gdelt2_line(**values) -> str:
    row = dict.fromkeys(GDELT2_COLUMNS, "")
    row.update(values)
    return "\t".join(row[c] for c in GDELT2_COLUMNS)


# --------------------------------------------------------------------------- tables


def test_cameo_table_categories_are_graphkit_categories():
    t = cameo_event_table()
    assert list(t.columns) == ["cameo", "category", "mode", "context", "label"]
    assert t["cameo"].is_unique
    assert set(t["category"]) - {""} <= set(CATEGORIES)
    roots = {f"{i:02d}" for i in range(1, 21)}
    assert roots <= set(t["cameo"])
    # every category is reachable, and every code is 2-4 digits
    assert set(t["category"]) - {""} == set(CATEGORIES)
    assert t["cameo"].str.fullmatch(r"\d{2,4}").all()


@pytest.mark.parametrize("code, category, mode, quad, polarity", [
    ("040", "CONSULT", "", 1, 1),
    ("042", "CONSULT", "visit", 1, 1),
    ("0233", "REQUEST", "appeal", 1, 1),
    ("1041", "REQUEST", "demand", 3, -1),       # DEMAND -> REQUEST (demand)
    ("10", "REQUEST", "demand", 3, -1),
    ("090", "ACCUSE", "investigate", 3, -1),    # INVESTIGATE -> ACCUSE
    ("111", "ACCUSE", "disapprove", 3, -1),     # DISAPPROVE -> ACCUSE
    ("193", "ASSAULT", "firearms", 4, -1),      # FIGHT -> ASSAULT
    ("163", "COERCE", "restrict", 4, -1),
    ("0874", "RETREAT", "disarm", 2, 1),
    ("08", "CONCEDE", "", 2, 1),
    ("019", "SUPPORT", "", 1, 1),
    ("010", "", "", 0, 0),                      # public statement: no category
])
def test_cameo_mapping(code, category, mode, quad, polarity):
    row = cameo_event_table().set_index("cameo").loc[code]
    assert (row["category"], row["mode"]) == (category, mode)
    if category:
        assert quad_class(category, mode) == quad
        assert default_polarity(category, mode) == polarity


def test_cameo_fallback_to_root_codes():
    t = eventfiles._tables()
    known = t.cameo_index("0874")
    assert known >= 0 and t.cat[known] == "RETREAT"
    # an unlisted 4-digit code falls back to its 3-digit base, then its 2-digit root
    assert t.cat[t.cameo_index("0429")] == "CONSULT"
    assert t.cat[t.cameo_index("1999")] == "ASSAULT"
    assert t.cameo_index("999") == -1
    assert t.cameo_index("") == -1
    # ICEWS codes may have lost their leading zero
    assert t.cat[t.cameo_index("42", zero_pad=True)] == "CONSULT"
    assert t.mode[t.cameo_index("42", zero_pad=True)] == "visit"
    assert t.cat[t.cameo_index("311", zero_pad=True)] == "AGREE"
    assert t.cat[t.cameo_index("111", zero_pad=True)] == "ACCUSE"


def test_actor_table():
    t = cameo_actor_table()
    assert list(t.columns) == ["code", "party", "kind", "name"]
    assert t["code"].is_unique
    assert set(t["kind"]) == {"state", "historical", "region", "igo", "group", "ngo"}
    assert (t.loc[t["kind"] == "region", "party"] == "").all()
    parties = t.set_index("code")["party"]
    assert parties["USA"] == "USA" and parties["ROM"] == "ROU" and parties["TMP"] == "TLS"
    assert parties["KSV"] == "XKX" and parties["WSB"] == "PSE"
    for code, party in {"UNO": "UN", "NAT": "NATO", "EEC": "EU", "AFU": "AU",
                        "ARL": "ARAB-LEAGUE", "OPC": "OPEC", "IAE": "IAEA", "WTO": "WTO",
                        "HMS": "HAMAS", "TAL": "TALIBAN"}.items():
        assert parties[code] == party
    for region in ("AFR", "EUR", "WST", "MEA", "SAF"):
        assert parties[region] == ""


@pytest.mark.parametrize("key, party", [
    (("RUSGOV", "RUS", ""), "RUS"),
    (("IGOWSTNAT", "WST", "NAT"), "NATO"),
    (("IGOAFRAFU", "AFR", ""), "AU"),              # no known-group code: read the actor code
    (("IGOUNODEVWBK", "", "UNO"), "WB"),           # the most specific organisation
    (("IGOUNOREFHCR", "", "UNO"), "UNHCR"),
    (("IGOUNODEV", "", "UNO"), "UN"),
    (("IGOEUREEC", "EUR", "EEC"), "EU"),
    (("AFGINSTAL", "AFG", "TAL"), "TALIBAN"),       # a known group wins over its country
    (("ISRGOVLKD", "ISR", "LKD"), "ISR"),           # unknown group: the country
    (("EUR", "EUR", ""), ""),                       # region
    (("GOV", "", ""), ""),                          # a sector without a country
    (("kur", "", ""), ""),                          # ethnic group
    (("", "", ""), None),                           # no actor
])
def test_gdelt_party(key, party):
    assert eventfiles._tables().gdelt_party(key) == party


@pytest.mark.parametrize("key, party", [
    (("Sergey Lavrov", "Russian Federation"), "RUS"),
    (("United Nations", ""), "UN"),
    (("Hamas", "Occupied Palestinian Territory"), "HAMAS"),
    (("Citizen (Kenya)", "Kenya"), "KEN"),
    (("Russia", ""), "RUS"),
    (("Government (Côte d’Ivoire)", "Côte d’Ivoire"), "CIV"),
    (("The Gambia", ""), "GMB"),
    (("Atlantis", "Atlantis"), ""),
    (("", ""), None),
])
def test_icews_party(key, party):
    assert eventfiles._tables().icews_party(key) == party


def test_party_ids_follow_the_registry():
    """Organisation and group ids from CAMEO codes and ICEWS names are the
    actor registry's ids, where the registry tables exist."""
    data = Path(eventfiles.__file__).parent / "data"
    ids = set()
    for name in ("organisations.csv", "groups.csv", "states.csv"):
        if (data / name).is_file():
            ids |= set(pd.read_csv(data / name, dtype=str, keep_default_na=False)["id"])
    if not ids:
        pytest.skip("no actor registry tables in graphkit/data")
    t = cameo_actor_table()
    for code in ("UNO", "NAT", "EEC", "AFU", "ARL", "OPC", "IAE", "WBK", "HMS", "HEZ", "TAL",
                 "ALQ", "ISI", "KID", "HCR", "USA", "RUS", "PSE"):
        assert t.set_index("code").loc[code, "party"] in ids, code
    tables = eventfiles._tables()
    for name in ("UN Security Council", "World Bank", "Al Qaeda", "Islamic State"):
        assert tables.icews_party((name, "")) in ids, name


def test_states_csv_extends_icews_names(tmp_path, monkeypatch):
    (tmp_path / "states.csv").write_text(
        "id,name,official_name,aliases\nXKX,Kosova,Republic of Kosovo,Kosovë;Kosovo Republic\n")
    real = eventfiles._data_path

    def fake(name):
        return tmp_path / name if name == "states.csv" else real(name)

    monkeypatch.setattr(eventfiles, "_data_path", fake)
    tables = eventfiles._Tables()
    assert tables.icews_party(("Someone", "Kosova")) == "XKX"
    assert tables.icews_party(("Someone", "Kosove")) == "XKX"  # accents folded
    assert tables.icews_party(("Someone", "Russian Federation")) == "RUS"


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize("path, fmt", [
    (GDELT2, "gdelt2"), (GDELT2_ZIP, "gdelt2"), (GDELT1, "gdelt1"), (GDELT1_R, "gdelt1"),
    (ICEWS, "icews"), (EVENTS, "events"),
])
def test_detect_format_fixtures(path, fmt):
    assert detect_format(path) == fmt
    assert detect_format(str(path)) == fmt


def test_detect_format_variants(tmp_path):
    # a GDELT 1.0 backfile (57 columns) alone, with .tab / .txt / .tsv extensions
    row57 = "\t".join(["123", "19820102"] + [""] * 55)
    for ext in ("tab", "txt", "tsv"):
        p = tmp_path / f"backfile.{ext}"
        p.write_text(row57 + "\n")
        assert detect_format(p) == "gdelt1"
    # a tab header of lower-case GDELT names
    p = tmp_path / "with_header.csv"
    p.write_text("\t".join(c.lower() for c in GDELT2_COLUMNS) + "\n" + gdelt2_line(
        GLOBALEVENTID="1", SQLDATE="20130423") + "\n")
    assert detect_format(p) == "gdelt2"
    # an events.csv with a weight column (read_events output written back)
    p = tmp_path / "weighted.csv"
    p.write_text(",".join(EVENT_COLUMNS) + ",weight\n")
    assert detect_format(p) == "events"
    # things that are not event files
    for name, text in [("notes.txt", "hello world\n"), ("empty.csv", ""),
                       ("other.csv", "a,b,c\n1,2,3\n"), ("wide.tsv", "\t".join("x" * 30) + "\n"),
                       ("w30.tsv", "\t".join(["1"] * 30) + "\n")]:
        (tmp_path / name).write_text(text)
        assert detect_format(tmp_path / name) is None, name
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02")
    assert detect_format(tmp_path / "blob.bin") is None


def test_detect_format_unreadable(tmp_path):
    with pytest.raises(SourceError, match="missing.csv"):
        detect_format(tmp_path / "missing.csv")
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(SourceError, match="broken.zip"):
        detect_format(bad)
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as zf:
        zf.writestr("a.CSV", "x")
        zf.writestr("b.CSV", "y")
    with pytest.raises(SourceError, match="one member"):
        detect_format(two)


# --------------------------------------------------------------------------- GDELT 2.0


def test_gdelt2_fixture():
    df, rep = read_all(GDELT2)
    assert list(df.columns) == OUT_COLUMNS
    check_invariant(rep)
    assert (rep.rows_read, rep.rows_mapped) == (11, 5)
    assert rep.rejected == {"bad column count": 1, "bad date": 1, "unknown CAMEO code": 1,
                            "no PLOVER category": 1, "no source actor": 1,
                            "source not a party": 1}
    assert rep.examples == {"no source actor": [4], "no PLOVER category": [5],
                            "source not a party": [6], "unknown CAMEO code": [7],
                            "bad date": [8], "bad column count": [11]}
    assert rep.rows_without_target == 1
    rows = df.set_index("event_id")
    assert rows.loc["1001", ["source", "target", "event_type", "quad_class", "polarity",
                             "intensity", "weight", "date"]].tolist() == [
        "RUS", "NATO", "CONSULT", 1, 1, 1.0, 6, "2013-04-23"]
    assert rows.loc["1001", "source_agent"] == "RUSSIA (GOV)"
    assert rows.loc["1001", "doc_id"] == rows.loc["1001", "evidence"] == "http://example.org/nrc"
    assert rows.loc["1002", ["source", "target", "event_type", "mode"]].tolist() == [
        "AU", "UN", "REQUEST", "appeal"]
    assert rows.loc["1003", ["event_type", "mode", "quad_class", "polarity"]].tolist() == [
        "REQUEST", "demand", 3, -1]
    # a row with a source but no party as target is kept, target empty
    assert rows.loc["1009", ["source", "target", "target_name", "target_agent"]].tolist() == [
        "TALIBAN", "", "VILLAGER", "VILLAGER (CVL)"]
    # missing Goldstein -> the category's default intensity; bad NumMentions -> weight 1
    assert rows.loc["1009", "intensity"] == CATEGORIES["ASSAULT"][2]
    assert rows.loc["1009", "weight"] == 1
    assert rows.loc["1010", ["source", "target"]].tolist() == ["ROU", "WB"]
    # constant columns
    assert (df["sentence_id"] == 0).all() and (df["char_start"] == 0).all()
    assert (df["char_end"] == 0).all() and (~df["negated"]).all()
    assert (df[["issue", "modality", "speaker"]] == "").all().all()
    assert (df["extractor"] == "gdelt2").all()
    assert set(df["event_type"]) <= set(CATEGORIES)


def test_output_dtypes_match_events_frame():
    df, _ = read_all(GDELT2)
    for col in ("sentence_id", "quad_class", "polarity", "char_start", "char_end", "weight"):
        assert df[col].dtype == np.int64, col
    assert df["intensity"].dtype == np.float64 and df["negated"].dtype == bool
    # events_frame (the contract's coercion) leaves every value as it is
    ref = events_frame(df[list(EVENT_COLUMNS)])
    pd.testing.assert_frame_equal(ref.astype(object), df[list(EVENT_COLUMNS)].astype(object))


def test_gdelt2_zip_same_as_plain():
    a, ra = read_all(GDELT2)
    b, rb = read_all(GDELT2_ZIP)
    pd.testing.assert_frame_equal(a, b)
    assert ra == rb


@pytest.mark.parametrize("chunksize", [1, 2, 3, 7, 1000])
def test_chunking_does_not_change_results(chunksize):
    for path in (GDELT2, GDELT1, GDELT1_R, ICEWS, EVENTS):
        whole, r1 = read_all(path)
        reader = read_events(path, chunksize=chunksize)
        chunks = list(reader)
        assert all(len(c) <= chunksize for c in chunks)
        pd.testing.assert_frame_equal(whole, pd.concat(chunks, ignore_index=True))
        assert r1 == reader.report


def test_gdelt2_crlf_blank_lines_and_odd_widths(tmp_path):
    good = gdelt2_line(GLOBALEVENTID="1", SQLDATE="20130423", Actor1Code="USA",
                       Actor1Name="UNITED STATES", Actor1CountryCode="USA", EventCode="042",
                       GoldsteinScale="1.9", NumMentions="2", SOURCEURL="http://x/1")
    no_url = gdelt2_line(GLOBALEVENTID="2", SQLDATE="20130423", Actor1Code="USA",
                         Actor1Name="UNITED STATES", Actor1CountryCode="USA", EventCode="042")
    lines = [good, "", good + "\textra", good[: good.rfind("\t")], no_url, good]
    p = tmp_path / "crlf.export.CSV"
    p.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    for chunksize in (1, 2, 100):
        df, rep = read_all(p, chunksize=chunksize)
        check_invariant(rep)
        assert rep.rows_read == 5  # the blank line is not a row
        assert rep.rejected == {"bad column count": 2}
        assert rep.examples == {"bad column count": [3, 4]}
        assert df["evidence"].tolist() == ["http://x/1", "", "http://x/1"]  # no stray \r
        assert df["doc_id"].tolist() == ["http://x/1", "crlf.export.CSV:5", "http://x/1"]


def test_gdelt2_no_final_newline_and_large_file(tmp_path):
    good = gdelt2_line(GLOBALEVENTID="7", SQLDATE="20130423", Actor1Code="FRA",
                       Actor1Name="FRANCE", Actor1CountryCode="FRA", EventCode="057",
                       SOURCEURL="http://x/7")
    p = tmp_path / "many.export.CSV"
    p.write_text("\n".join([good] * 2500))
    df, rep = read_all(p, chunksize=1000)
    assert (rep.rows_read, rep.rows_mapped) == (2500, 2500)
    assert (df["event_type"] == "SUPPORT").all()


@pytest.mark.parametrize("seekable", [True, False])
@pytest.mark.parametrize("seed", range(4))
def test_line_blocks_split_exactly(seekable, seed):
    rng = random.Random(seed)
    lines = [b"x" * rng.choice([0, 1, 5, 50, 3000, 70000]) + b"\n" for _ in range(300)]
    if seed % 2:
        lines[-1] = lines[-1].rstrip(b"\n") or b"end"  # no final newline
    data = b"".join(lines)
    nlines = rng.choice([1, 7, 64, 1000])
    got = []
    for block, end, n in eventfiles._line_blocks(io.BytesIO(data), nlines, seekable):
        part = block[:end]
        assert 0 < n <= nlines
        assert part.count(b"\n") + (0 if part.endswith(b"\n") else 1) == n
        got.append(part)
    assert b"".join(got) == data


def test_zip_of_many_rows_same_as_plain(tmp_path):
    good = gdelt2_line(GLOBALEVENTID="7", SQLDATE="20130423", Actor1Code="FRA",
                       Actor1Name="FRANCE", Actor1CountryCode="FRA", EventCode="057",
                       SOURCEURL="http://x/7")
    text = "\n".join([good] * 3000 + [good[:40]] + [good] * 10) + "\n"
    (tmp_path / "many.export.CSV").write_text(text)
    with zipfile.ZipFile(tmp_path / "many.export.CSV.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("many.export.CSV", text)
    plain, r1 = read_all(tmp_path / "many.export.CSV", chunksize=700)
    zipped, r2 = read_all(tmp_path / "many.export.CSV.zip", chunksize=700)
    pd.testing.assert_frame_equal(plain, zipped)
    assert r1 == r2
    assert r1.rejected == {"bad column count": 1} and r1.examples["bad column count"] == [3001]


def test_force_wrong_format_rejects_rows():
    df, rep = read_all(GDELT1, format="gdelt2")
    check_invariant(rep)
    assert df is None
    assert rep.rejected == {"bad column count": 5}


# --------------------------------------------------------------------------- GDELT 1.0


def test_gdelt1_mixed_widths():
    df, rep = read_all(GDELT1)
    check_invariant(rep)
    assert (rep.rows_read, rep.rows_mapped) == (5, 4)
    assert rep.rejected == {"bad column count": 1}
    assert rep.examples == {"bad column count": [6]}
    rows = df.set_index("event_id")
    # 58-column daily rows keep their URL; 57-column backfile rows get file:line
    assert rows.loc["2001", "doc_id"] == "http://example.org/g1"
    assert rows.loc["3001", "doc_id"] == "gdelt1_mixed.csv:4"
    assert rows.loc["3002", "doc_id"] == "gdelt1_mixed.csv:5"
    assert rows.loc["3001", "evidence"] == ""
    assert rows.loc["2002", ["source", "target", "event_type", "mode"]].tolist() == [
        "NATO", "RUS", "ACCUSE", "disapprove"]
    assert rows.loc["3002", ["source", "target", "date"]].tolist() == ["SUN", "USA", "1982-01-03"]
    assert (df["extractor"] == "gdelt1").all()


def test_gdelt1_r_export():
    df, rep = read_all(GDELT1_R)
    check_invariant(rep)
    assert (rep.rows_read, rep.rows_mapped) == (5, 2)
    assert rep.rejected == {"no PLOVER category": 1, "source not a party": 1,
                            "bad column count": 1}
    assert rep.examples == {"no PLOVER category": [3], "source not a party": [4],
                            "bad column count": [6]}
    first = df.iloc[0]
    # row names dropped, NA read as empty, padded codes and names stripped
    assert first["event_id"] == "253472894"
    assert (first["source"], first["source_name"], first["target"]) == ("GEO", "GEORGIA", "ARM")
    assert (first["event_type"], first["mode"], first["intensity"]) == ("CONSULT", "visit", 2.8)
    assert first["target_agent"] == "ARMENIA"


def test_gdelt_csv_header_missing_column(tmp_path):
    p = tmp_path / "partial.csv"
    p.write_text('"GLOBALEVENTID","SQLDATE","Actor1Code"\n"1",20130101,"USA"\n')
    assert detect_format(p) == "gdelt1"
    with pytest.raises(SourceError, match="partial.csv"):
        list(read_events(p))


# --------------------------------------------------------------------------- ICEWS


def test_icews_fixture():
    df, rep = read_all(ICEWS)
    check_invariant(rep)
    assert (rep.rows_read, rep.rows_mapped) == (10, 4)
    assert rep.rejected == {"bad date": 1, "unknown CAMEO code": 1, "no source actor": 1,
                            "source not a party": 1, "no PLOVER category": 1,
                            "bad column count": 1}
    assert rep.examples["bad date"] == [6] and rep.examples["bad column count"] == [11]
    rows = df.set_index("event_id")
    r = rows.loc["926685"]
    assert (r["source"], r["target"], r["event_type"], r["date"]) == (
        "RUS", "NATO", "CONSULT", "2013-04-23")
    assert r["source_agent"] == "Sergey Lavrov (Foreign Ministry;Government)"
    assert (r["doc_id"], r["evidence"], r["extractor"]) == (
        "icews_sample.tab:2", "28235806/1", "icews")
    assert rows.loc["926686", ["source", "target", "event_type", "mode"]].tolist() == [
        "UN", "SYR", "CONSULT", "visit"]  # "42" read as 042
    assert rows.loc["926687", ["source", "event_type", "quad_class", "polarity",
                               "intensity"]].tolist() == ["HAMAS", "REQUEST", 3, -1, -5.0]
    assert rows.loc["926688", "target"] == ""
    assert (df["weight"] == 1).all()


def test_icews_comma_separated(tmp_path):
    import csv as _csv
    rows = [ln.split("\t") for ln in ICEWS.read_text().splitlines()]
    buf = io.StringIO()
    _csv.writer(buf, lineterminator="\n").writerows(rows[:-1])  # without the truncated row
    p = tmp_path / "icews.csv"
    p.write_text(buf.getvalue())
    assert detect_format(p) == "icews"
    df, rep = read_all(p)
    ref, _ = read_all(ICEWS)
    check_invariant(rep)
    assert rep.rows_read == 9
    cols = ["event_id", "source", "target", "event_type", "mode", "intensity", "evidence"]
    pd.testing.assert_frame_equal(df[cols], ref[cols])


def test_icews_missing_column(tmp_path):
    p = tmp_path / "icews.tab"
    p.write_text("Event ID\tEvent Date\tSource Name\tCAMEO Code\n1\t2013-01-01\tx\t040\n")
    assert detect_format(p) == "icews"
    with pytest.raises(SourceError, match="Source Country"):
        list(read_events(p))


# --------------------------------------------------------------------------- events.csv


def test_events_fixture():
    df, rep = read_all(EVENTS)
    check_invariant(rep)
    assert (rep.rows_read, rep.rows_mapped) == (6, 3)
    assert rep.rejected == {"unknown event type": 1, "no source actor": 1, "bad date": 1}
    rows = df.set_index("event_id")
    assert rows.loc["e1", "evidence"] == 'Lavrov said: "we met, and talked", in Brussels.'
    assert rows.loc["e1", "extractor"] == "rules"
    # hand-edited category: quad class and default intensity follow it; the event is
    # negated, so its polarity is 0, as the extractor codes negated events
    assert rows.loc["e2", ["event_type", "quad_class", "polarity", "intensity",
                           "negated"]].tolist() == ["ACCUSE", 3, 0, -3.0, True]
    assert rows.loc["e6", ["target", "date", "extractor"]].tolist() == ["", "", "events"]
    assert rows.loc["e6", "evidence"] == "an event without target\nspanning two lines"
    assert rep.rows_without_target == 1


def test_events_round_trip(tmp_path):
    ev = events_frame([
        dict(event_id="a", doc_id="d.txt", date="2013-04-23", sentence_id=2, source="RUS",
             source_name="Russia", target="NATO", target_name="NATO", event_type="REQUEST",
             mode="demand", quad_class=3, intensity=-4.5, polarity=0, negated=True,
             modality="future", speaker="Lavrov", evidence="x, \"y\"", char_start=3,
             char_end=9, extractor="rules", issue="missile defence"),
        dict(event_id="b", doc_id="d.txt", date="", source="USA", event_type="AID",
             quad_class=2, intensity=7.0, polarity=1, extractor="rules"),
    ])
    p = tmp_path / "events.csv"
    ev.to_csv(p, index=False)
    df, rep = read_all(p)
    assert rep.rows_mapped == 2
    pd.testing.assert_frame_equal(df[list(EVENT_COLUMNS)], ev)
    assert df["weight"].tolist() == [1, 1]
    # with a weight column (read_events output written back)
    df.assign(weight=[5, 2]).to_csv(tmp_path / "w.csv", index=False)
    again, _ = read_all(tmp_path / "w.csv")
    assert again["weight"].tolist() == [5, 2]


def test_events_bad_header(tmp_path):
    p = tmp_path / "events.csv"
    header = list(EVENT_COLUMNS)
    header[4], header[5] = header[5], header[4]
    p.write_text(",".join(header) + "\n")
    assert detect_format(p) is None
    with pytest.raises(SourceError, match="events.csv"):
        read_events(p)
    with pytest.raises(SourceError, match="source_name"):
        list(read_events(p, format="events"))


# --------------------------------------------------------------------------- API and errors


def test_report_shared_between_files():
    report = ImportReport()
    for path in (GDELT2, GDELT1, ICEWS):
        reader = read_events(path, report=report)
        assert reader.report is report
        for _ in reader:
            pass
    check_invariant(report)
    assert report.rows_read == 11 + 5 + 10
    assert report.rows_mapped == 5 + 4 + 4


def test_report_examples_capped(tmp_path):
    line = gdelt2_line(GLOBALEVENTID="1", SQLDATE="20130423", EventCode="042",
                       SOURCEURL="http://x")
    p = tmp_path / "noactor.export.CSV"
    p.write_text("\n".join([line] * 45) + "\n")
    _, rep = read_all(p, chunksize=10)
    assert rep.rejected == {"no source actor": 45}
    assert rep.examples["no source actor"] == list(range(1, 21))
    assert rep.as_dict()["rows_read"] == 45
    assert "45 rejected" in rep.summary()


def test_read_events_errors(tmp_path):
    with pytest.raises(SourceError, match="nothing.CSV"):
        read_events(tmp_path / "nothing.CSV")
    with pytest.raises(SourceError, match="not a file"):
        read_events(tmp_path)
    (tmp_path / "notes.txt").write_text("hello\n")
    with pytest.raises(SourceError, match="notes.txt"):
        read_events(tmp_path / "notes.txt")
    with pytest.raises(ValueError):
        read_events(GDELT2, format="acled")
    with pytest.raises(ValueError):
        read_events(GDELT2, chunksize=0)
    assert issubclass(SourceError, GraphkitError)
    assert set(FORMATS) == {"gdelt2", "gdelt1", "icews", "events"}


def test_source_error_message_is_one_line(tmp_path):
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"PK\x03\x04 garbage")
    with pytest.raises(SourceError) as info:
        read_events(bad)
    assert "\n" not in str(info.value) and "broken.zip" in str(info.value)


def test_empty_and_header_only_files(tmp_path):
    p = tmp_path / "events.csv"
    p.write_text(",".join(EVENT_COLUMNS) + "\n")
    df, rep = read_all(p)
    assert df is None and rep.rows_read == 0
    p = tmp_path / "empty.export.CSV"
    p.write_text("")
    df, rep = read_all(p, format="gdelt2")
    assert df is None and rep.rows_read == 0


def test_reader_streams_and_closes():
    reader = read_events(GDELT2, chunksize=2)
    first = next(reader)
    assert len(first) <= 2
    reader.close()
    with pytest.raises(StopIteration):
        next(reader)


# --------------------------------------------------------------------------- real samples


@pytest.mark.parametrize("relpath", sorted(REAL_SAMPLES))
def test_real_gdelt_samples(relpath):
    path = SHARED / relpath
    if not path.is_file():
        pytest.skip(f"shared GDELT sample not available: {path} (needs ../shared/data)")
    fmt, lines = REAL_SAMPLES[relpath]
    assert detect_format(path) == fmt
    df, rep = read_all(path, chunksize=500)
    check_invariant(rep)
    assert rep.rows_read == lines
    assert len(df) == rep.rows_mapped > 0
    assert list(df.columns) == OUT_COLUMNS
    assert set(df["event_type"]) <= set(CATEGORIES)
    assert (df["source"] != "").all()
    assert df["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert (df["extractor"] == fmt).all()
    assert (df["weight"] >= 1).all()
    expected_quad = [quad_class(c, m) for c, m in zip(df["event_type"], df["mode"])]
    assert df["quad_class"].tolist() == expected_quad
    assert "bad column count" not in rep.rejected


# --------------------------------------------------------------------------- blocks


def _big_gdelt(tmp_path, copies=60):
    """A GDELT 2.0 file of many copies of the fixture's rows, some without a
    SOURCEURL (their doc_id is the file name and line number), one blank line."""
    lines = GDELT2.read_text(encoding="utf-8").splitlines()
    rows = []
    for k in range(copies):
        for i, line in enumerate(lines):
            fields = line.split("\t")
            fields[0] = f"{k}{i:03d}"
            if (k + i) % 7 == 0:
                fields[-1] = ""
            rows.append("\t".join(fields))
    rows.insert(len(rows) // 3, "")
    path = tmp_path / "big.export.CSV"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_gdelt_file_read_in_blocks_reads_as_whole(tmp_path):
    from graphkit.eventfiles import split_blocks

    path = _big_gdelt(tmp_path)
    blocks = split_blocks(path, 5, min_bytes=path.stat().st_size // 9)
    assert len(blocks) == 5 and blocks[0][:1] == (0,) and blocks[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in zip(blocks, blocks[1:]))
    data = path.read_bytes()
    assert all(data[start - 1:start] == b"\n" for start, _, _ in blocks[1:])
    assert [first for _, _, first in blocks] == [
        data[:start].count(b"\n") + 1 for start, _, _ in blocks]
    whole, report = read_all(path, chunksize=50)
    parts, merged = [], ImportReport()
    for block in blocks:
        df, rep = read_all(path, chunksize=50, block=block)
        parts.append(df)
        merged.merge(rep)
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), whole)
    assert merged.as_dict() == report.as_dict()
    check_invariant(merged)
    assert whole["doc_id"].str.startswith("big.export.CSV:").any()       # line numbers too


def test_only_a_plain_gdelt_file_is_split(tmp_path):
    from graphkit.eventfiles import split_blocks

    assert split_blocks(GDELT2, 4, min_bytes=10) != [None]
    for path in (GDELT2_ZIP, ICEWS, EVENTS, GDELT1_R):
        assert split_blocks(path, 4, min_bytes=10) == [None]
    assert split_blocks(GDELT2, 4) == [None]              # too small to be worth it
    with pytest.raises(ValueError, match="blocks"):
        read_events(ICEWS, block=(0, 10, 1))

"""Reading documents: formats, metadata, dates, and bad files."""

import json

import pytest

from graphkit.errors import SourceError
from graphkit.sources import SkipLog, find_date, iter_documents, parse_front_matter


def docs(path, **kw):
    log = SkipLog()
    return list(iter_documents([path], skipped=log, **kw)), log


def test_folder_recursive_with_relative_ids(tmp_path):
    (tmp_path / "2022-01").mkdir()
    (tmp_path / "2022-01" / "readout.md").write_text("---\ndate: 2022-01-05\n---\nText.")
    (tmp_path / "a.txt").write_text("Other text.")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    got, log = docs(tmp_path)
    assert [d.doc_id for d in got] == ["2022-01/readout.md", "a.txt"]
    assert got[0].date == "2022-01-05" and not log.items


def test_front_matter_fields(tmp_path):
    (tmp_path / "r.md").write_text('---\ntitle: "Readout: call"\ndate: 2021-03-04\n'
                                   "source_url: https://example.org/x\n---\nBody text.\n")
    (d,), _ = docs(tmp_path)
    assert (d.title, d.date, d.url) == ("Readout: call", "2021-03-04", "https://example.org/x")
    assert d.text.strip() == "Body text."


def test_malformed_front_matter_is_kept_as_text():
    meta, body = parse_front_matter("---\n: bad : yaml [\n---\nBody")
    assert meta == {} and body.startswith("---")


def test_jsonl_records_and_broken_line(tmp_path):
    lines = [json.dumps({"id": "n1", "text": "One.", "date": "2020-01-02", "url": "u"}),
             "{broken", json.dumps({"id": "n2", "text": "Two."})]
    (tmp_path / "news.jsonl").write_text("\n".join(lines))
    got, log = docs(tmp_path)
    assert [d.doc_id for d in got] == ["n1", "n2"]
    assert got[0].date == "2020-01-02"
    assert len(log.items) == 1 and "news.jsonl:2" in log.items[0][0]


def test_csv_text_column_option_and_missing_column(tmp_path):
    (tmp_path / "a.csv").write_text("id,body\nx1,Hello there.\n")
    got, log = docs(tmp_path, text_column="body")
    assert [d.doc_id for d in got] == ["x1"]
    got, log = docs(tmp_path)
    assert got == [] and "no 'text' column" in log.items[0][1]


def test_bad_files_are_skipped_and_reported(tmp_path):
    (tmp_path / "good.txt").write_text("Russia met NATO.")
    (tmp_path / "bin.txt").write_bytes(b"abc\x00def")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n")
    got, log = docs(tmp_path)
    assert [d.doc_id for d in got] == ["good.txt"]
    reasons = dict((p.rsplit("/", 1)[-1], r) for p, r in log.items)
    assert "binary" in reasons["bin.txt"]
    assert "UTF-8" in reasons["latin.txt"]
    assert "empty" in reasons["empty.txt"]


def test_utf16_with_bom_is_read(tmp_path):
    (tmp_path / "u.txt").write_bytes("Russia met NATO.".encode("utf-16"))
    (d,), _ = docs(tmp_path)
    assert d.text == "Russia met NATO."


def test_html_is_stripped(tmp_path):
    (tmp_path / "p.html").write_text("<html><head><title>T</title><script>alert(1)</script>"
                                     "</head><body><p>Russia met NATO.</p></body></html>")
    (d,), _ = docs(tmp_path)
    assert d.title == "T" and "alert" not in d.text and "Russia met NATO." in d.text


def test_missing_path_is_an_error():
    with pytest.raises(SourceError, match="no such file"):
        list(iter_documents(["/no/such/place"]))


@pytest.mark.parametrize("text,expected", [
    ("Published 23-04-2013, 13:52", "2013-04-23"),
    ("April 23, 2013 — Moscow", "2013-04-23"),
    ("Posted on 5 March 2022", "2022-03-05"),
    ("2019-10-24 report", "2019-10-24"),
    ("no date", ""),
    ("Published 31-02-2013", ""),
])
def test_find_date(text, expected):
    assert find_date(text) == expected

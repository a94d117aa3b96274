"""Reading documents: formats, metadata, dates, and bad files."""

import json

import pytest

from graphkit.errors import SourceError
from graphkit.sources import (SkipLog, check_date_pattern, date_from_name, find_date,
                              iter_documents, load_metadata, parse_front_matter)


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


# ---------------------------------------------------------------------------
# where dates come from (issue 18): metadata, own fields, file name, dateline; never the body

def one_doc(tmp_path, name, text, **kw):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    got, log = docs(tmp_path, **kw)
    assert len(got) == 1, log.items
    return got[0]


def test_a_date_in_the_body_is_never_the_documents_date(tmp_path):
    body = ("On behalf of my country I congratulate the President.\n"
            "My term of office will end on 20 March 2025, and on 29 September 1729 ...\n")
    d = one_doc(tmp_path, "speech.txt", body)
    assert (d.date, d.date_source) == ("", "")


def test_year_in_the_file_name_dates_a_un_speech(tmp_path):
    d = one_doc(tmp_path, "Session 72 - 2017/BHS_72_2017.txt",
                "Published 1 March 2015\nMy term of office will end on 20 March 2025.\n")
    assert (d.date, d.date_source) == ("2017-01-01", "file name (year)")


@pytest.mark.parametrize("name,expected", [
    ("2021-01-23-readout-of-a-call.md", ("2021-01-23", "day")),
    ("news_20220224.txt", ("2022-02-24", "day")),
    ("2022-01/readout.md", ("2022-01-01", "month")),
    ("000_7d77c12b89888fdd.txt", ("", "")),
    ("7d2013ab.txt", ("", "")),
    ("report_2010_2024.txt", ("", "")),          # two years: ambiguous
    ("2023/2021-05-06 call.md", ("2021-05-06", "day")),
])
def test_date_from_name(name, expected):
    assert date_from_name(name) == expected


def test_dateline_at_the_top_is_used_when_nothing_else_dates_it(tmp_path):
    d = one_doc(tmp_path, "a.txt", "Title\n\nWASHINGTON, March 3, 2022 - The President spoke.\n")
    assert (d.date, d.date_source) == ("2022-03-03", "dateline")


def test_front_matter_date_wins_over_file_name_and_dateline(tmp_path):
    d = one_doc(tmp_path, "2020-01-01-x.md",
                "---\ndate: '2021-01-23'\n---\nPublished 5 May 2019\nText.\n")
    assert (d.date, d.date_source) == ("2021-01-23", "front matter")


def test_metadata_table_wins_and_keeps_extra_columns(tmp_path):
    src = tmp_path / "in"
    (src / "speeches").mkdir(parents=True)
    (src / "speeches" / "BHS_72_2017.txt").write_text("The Bahamas spoke.")
    (src / "2021-01-23-x.md").write_text("---\ndate: 2021-01-23\n---\nText.")
    meta = tmp_path / "docs.csv"
    meta.write_text("path,date,title,speaker_country\n"
                    "speeches/BHS_72_2017.txt,2017-09-22,Bahamas at the UN,BHS\n"
                    "2021-01-23-x.md,,,USA\n")
    got, _ = docs(src, metadata=load_metadata(meta))
    by_id = {d.doc_id: d for d in got}
    bhs = by_id["speeches/BHS_72_2017.txt"]
    assert (bhs.date, bhs.date_source, bhs.title) == ("2017-09-22", "metadata", "Bahamas at the UN")
    assert bhs.meta == (("speaker_country", "BHS"),)
    md = by_id["2021-01-23-x.md"]
    assert (md.date, md.date_source, md.meta) == ("2021-01-23", "front matter",
                                                  (("speaker_country", "USA"),))


def test_metadata_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "docs.csv"
    bad.write_text("path,date\na.txt,2017-09-22\nb.txt,tomorrow\n")
    with pytest.raises(SourceError, match=r"docs.csv:3: cannot read the date 'tomorrow'"):
        load_metadata(bad)
    bad.write_text("name,date\na.txt,2017\n")
    with pytest.raises(SourceError, match="needs a path, doc_id or id column"):
        load_metadata(bad)


def test_date_pattern_reads_other_layouts(tmp_path):
    d = one_doc(tmp_path, "speech-of-17-03-2014.txt", "Text.",
                date_pattern=r"(?P<day>\d\d)-(?P<month>\d\d)-(?P<year>\d{4})")
    assert (d.date, d.date_source) == ("2014-03-17", "file name")
    with pytest.raises(SourceError, match="named group"):
        check_date_pattern(r"\d{4}")
    with pytest.raises(SourceError, match="not a valid regular expression"):
        check_date_pattern(r"(?P<year>\d{4}")


def test_jsonl_record_date_and_no_file_name_date_for_records(tmp_path):
    (tmp_path / "2020-05-05.jsonl").write_text(
        json.dumps({"id": "a", "text": "One.", "date": "2021-02-03T10:00:00Z"}) + "\n"
        + json.dumps({"id": "b", "text": "Two."}) + "\n")
    got, _ = docs(tmp_path)
    assert [(d.date, d.date_source) for d in got] == [("2021-02-03", "record"), ("", "")]


# ---------------------------------------------------------------------------
# files that are not documents

def test_licence_readme_changelog_and_hidden_files_are_skipped_by_rule(tmp_path):
    for name in ("LICENSE.txt", "README_origin.txt", "CHANGELOG.md", ".draft.txt",
                 "readout.md", "licensed-goods.txt"):
        (tmp_path / name).write_text("Russia and NATO held talks.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("Russia met NATO.")
    got, log = docs(tmp_path)
    assert sorted(d.doc_id for d in got) == ["licensed-goods.txt", "readout.md"]
    reasons = {p.rsplit("/", 1)[-1]: r for p, r in log.excluded}
    assert reasons == {"LICENSE.txt": "licence file", "README_origin.txt": "readme file",
                       "CHANGELOG.md": "changelog file", ".draft.txt": "hidden file",
                       ".git": "hidden folder"}
    assert log.items == []          # not problems: nothing unreadable


def test_a_file_named_directly_is_read_whatever_its_name(tmp_path):
    (tmp_path / "README.md").write_text("Russia and NATO held talks.")
    got, _ = docs(tmp_path / "README.md")
    assert [d.doc_id for d in got] == ["README.md"]


def test_exclude_globs_match_names_and_relative_paths(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text("Draft.")
    (tmp_path / "b.txt").write_text("Final.")
    (tmp_path / "c.csv").write_text("id,text\n1,Table.\n")
    got, log = docs(tmp_path, exclude_globs=["drafts", "*.csv"])
    assert [d.doc_id for d in got] == ["b.txt"]
    assert sorted(r for _p, r in log.excluded) == ["excluded by --exclude *.csv",
                                                   "excluded by --exclude drafts"]


def test_shared_corpora_documents_and_dates(shared_data):
    """Done-when of issue 18: the readouts are 1,063 documents (LICENSE.txt is not one),
    and every UN speech carries its year (events take their document's date)."""
    corpora = shared_data / "corpora"
    log = SkipLog()
    readouts = list(iter_documents([corpora / "whitehouse_readouts_2021_2023"], skipped=log))
    assert len(readouts) == 1063 and not log.items
    assert [r for _p, r in log.excluded] == ["licence file"]
    assert all(d.date_source == "front matter" for d in readouts)
    log = SkipLog()
    speeches = list(iter_documents([corpora / "un_general_debate_2010_2024"], skipped=log))
    assert [r for _p, r in log.excluded] == ["readme file"]
    years = [d.doc_id.rsplit("_", 1)[-1][:4] for d in speeches]
    assert len(speeches) == 2903
    assert all(d.date[:4] == y for d, y in zip(speeches, years))


# ---------------------------------------------------------------------------
# Markdown and front matter read by real parsers

def test_markdown_links_become_their_text_and_list_items_their_own_sentences(tmp_path, ex):
    body = ("---\ndate: 2022-03-01\n---\n"
            "President Biden [spoke](https://whitehouse.us19.list-manage.com/track/click?u=1)\n"
            "today with [Chancellor Scholz](https://x.org/a \"title\") of Germany.\n\n"
            "The leaders discussed:\n\n"
            "- Russia's military build-up on Ukraine's borders\n"
            "- NATO's eastern flank\n"
            "- support for Ukraine\n\n"
            "![a photo](https://x.org/p.jpg)\n\n\\###\n")
    d = one_doc(tmp_path, "r.md", body)
    assert "http" not in d.text and "](" not in d.text and "###" not in d.text
    assert "President Biden spoke today with Chancellor Scholz of Germany." in d.text
    from graphkit.extract.text import split_sentences
    sentences = [d.text[a:b] for a, b in split_sentences(d.text)]
    assert sentences[-3:] == ["Russia's military build-up on Ukraine's borders",
                              "NATO's eastern flank", "support for Ukraine"]
    assert all("](" not in e.evidence for e in ex.extract(d).events)


def test_front_matter_is_yaml(tmp_path):
    text = ('---\ntags: [a, b]\ndate: 2021-01-23\nmodified_time: 2021-01-23 19:22:35-05:00\n'
            'title: "Readout of a Call with Prime Minister Johnson of the United\\\n'
            '  \\ Kingdom"\nnested: {x: 1}\n---\nBody.\n')
    meta, body = parse_front_matter(text)
    assert meta == {"tags": "a; b", "date": "2021-01-23",
                    "modified_time": "2021-01-23T19:22:35-05:00",
                    "title": "Readout of a Call with Prime Minister Johnson of the United Kingdom"}
    assert body == "Body.\n"


def test_front_matter_aliases_and_bad_yaml_are_text():
    bomb = "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n---\nBody"
    assert parse_front_matter(bomb) == ({}, bomb)
    assert parse_front_matter("---\n- a list\n---\nBody")[0] == {}
    assert parse_front_matter("---\ndate: 2021-02-30\n---\nBody")[0] == {}


# ---------------------------------------------------------------------------
# PDF and Word, read by pypdf and python-docx (the docs extra)

def make_pdf(text: str, *, compress: bool) -> bytes:
    """A one-page PDF whose content stream shows ``text`` (optionally Flate-compressed)."""
    import zlib

    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    extra = b""
    if compress:
        content, extra = zlib.compress(content), b" /Filter /FlateDecode"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("compress", [False, True])
def test_pdf_text_is_read_not_its_operators(tmp_path, compress):
    pytest.importorskip("pypdf")
    (tmp_path / "a.pdf").write_bytes(make_pdf("Russia and NATO held talks in Brussels.",
                                              compress=compress))
    (d,), log = docs(tmp_path)
    assert "Russia and NATO held talks in Brussels." in d.text
    assert "Tf" not in d.text and "BT" not in d.text and not log.items


def test_docx_is_read_and_a_fake_docx_is_reported(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.core_properties.title = "Talks"
    document.add_paragraph("Russia and NATO held talks in Brussels.")
    document.add_paragraph("France welcomed the talks.")
    document.save(tmp_path / "real.docx")
    (tmp_path / "fake.docx").write_text("Russia attacked NATO.")
    got, log = docs(tmp_path)
    assert [(d.doc_id, d.title) for d in got] == [("real.docx", "Talks")]
    assert got[0].text == "Russia and NATO held talks in Brussels.\n\nFrance welcomed the talks."
    assert log.items == [(str(tmp_path / "fake.docx"), "not a Word file (a .docx is a zip "
                          "archive; an old .doc or a renamed text file is not read)")]


def test_without_the_docs_extra_pdf_and_docx_are_skipped_with_one_line(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pypdf", None)      # import fails as if not installed
    monkeypatch.setitem(sys.modules, "docx", None)
    (tmp_path / "a.pdf").write_bytes(make_pdf("Russia met NATO.", compress=True))
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04 not really")
    got, log = docs(tmp_path)
    assert got == []
    assert [r for _p, r in log.items] == [
        "reading PDF needs the docs extra: pip install 'graphkit[docs]'",
        "reading Word files needs the docs extra: pip install 'graphkit[docs]'"]

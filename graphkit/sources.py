"""Read documents: text and Markdown files (with front matter), JSONL and CSV.

Documents are streamed one at a time. A file that cannot be read is reported in
a :class:`SkipLog` and skipped; the rest of the input is still read.
"""

from __future__ import annotations

import csv
import html
import json
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date as _date
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .errors import SourceError
from .model import Document

__all__ = [
    "TEXT_SUFFIXES",
    "DOCUMENT_SUFFIXES",
    "SkipLog",
    "find_files",
    "iter_documents",
    "read_document_file",
    "parse_front_matter",
    "find_date",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".jsonl", ".csv")


@dataclass
class SkipLog:
    """What was skipped and why: a list of ``(path, reason)`` pairs.

    Examples
    --------
    >>> log = SkipLog()
    >>> log.add("a.txt", "binary file")
    >>> log.items
    [('a.txt', 'binary file')]
    """

    items: list = field(default_factory=list)
    echo: bool = False

    def add(self, where, reason: str) -> None:
        self.items.append((str(where), reason))
        if self.echo:
            print(f"skipped {where}: {reason}", file=sys.stderr)

    def __len__(self) -> int:
        return len(self.items)


def find_files(path, *, suffixes=DOCUMENT_SUFFIXES) -> list[tuple[Path, str]]:
    """Files to read under ``path`` with their document ids, sorted.

    A file given directly has its own name as id; files in a folder have their
    path relative to that folder (POSIX separators). Symbolic links to folders
    are not followed, so link loops cannot hang the walk. Hidden files and
    folders are ignored.

    Raises
    ------
    SourceError
        If ``path`` does not exist.
    """
    p = Path(path)
    if not p.exists():
        raise SourceError(f"no such file or folder: {path}")
    if p.is_file():
        return [(p, p.name)]
    out = []
    for root, dirs, files in os.walk(p, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            f = Path(root) / name
            if f.suffix.lower() in suffixes:
                out.append((f, f.relative_to(p).as_posix()))
    out.sort(key=lambda t: t[1])
    return out


def iter_documents(paths: Iterable, *, text_column: str = "text", skipped: SkipLog | None = None,
                   exclude=frozenset()) -> Iterator[Document]:
    """Yield every document under ``paths`` (files or folders, recursive).

    Parameters
    ----------
    paths : iterable of path-like
        Files or folders of ``.txt``/``.md``/``.html``/``.jsonl``/``.csv``.
    text_column : str, optional (default="text")
        Column holding the text in CSV files.
    skipped : SkipLog, optional
        Receives every file or record that could not be read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.md").write_text("---\\ndate: 2013-04-23\\ntitle: T\\n---\\nRussia met NATO.\\n")
    >>> [(x.doc_id, x.date, x.title) for x in iter_documents([d])]
    [('a.md', '2013-04-23', 'T')]
    """
    skipped = skipped if skipped is not None else SkipLog()
    seen: dict[str, int] = {}
    for path in paths:
        for f, doc_id in find_files(path):
            if exclude and f.resolve() in exclude:
                continue
            try:
                for doc in read_document_file(f, doc_id=doc_id, text_column=text_column,
                                              skipped=skipped):
                    n = seen.get(doc.doc_id, 0)
                    seen[doc.doc_id] = n + 1
                    if n:  # two inputs gave the same id: keep both, distinguishably
                        doc = Document(f"{f.name}:{doc.doc_id}#{n}", doc.text, doc.date,
                                       doc.title, doc.url)
                    yield doc
            except SourceError as exc:
                skipped.add(f, str(exc))


def read_document_file(path, *, doc_id: str | None = None, text_column: str = "text",
                       skipped: SkipLog | None = None) -> Iterator[Document]:
    """Documents in one file (one for text files, one per record for JSONL/CSV).

    Raises
    ------
    SourceError
        If the file cannot be read, is binary, or is not valid UTF-8.
    """
    path = Path(path)
    doc_id = doc_id or path.name
    suffix = path.suffix.lower()
    text = _read_text(path)
    if suffix == ".jsonl":
        yield from _jsonl_documents(text, path, skipped)
    elif suffix == ".csv":
        yield from _csv_documents(text, path, text_column, skipped)
    else:
        meta, body = parse_front_matter(text)
        if suffix in HTML_SUFFIXES:
            title, body = _html_to_text(body)
            meta.setdefault("title", title)
        if not body.strip():
            raise SourceError("empty document")
        yield _make_document(doc_id, body, meta)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise SourceError("is a folder") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError("invalid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_FM = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse_front_matter(text: str) -> tuple[dict, str]:
    """Split YAML-style front matter (simple ``key: value`` lines) from a text.

    Malformed front matter is kept as text. Values may be quoted.

    Examples
    --------
    >>> parse_front_matter('---\\ntitle: "A: B"\\ndate: 2021-01-02\\n---\\nBody')
    ({'title': 'A: B', 'date': '2021-01-02'}, 'Body')
    >>> parse_front_matter("No front matter")
    ({}, 'No front matter')
    """
    m = _FM.match(text)
    if not m:
        return {}, text
    raw: dict = {}
    last = None
    for line in m.group(1).split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith((" ", "\t")) and last is not None:   # folded continuation
            raw[last] += "\n" + line.strip()
            continue
        if line.startswith("-"):
            continue
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            return {}, text
        last = key.strip().lower()
        raw[last] = value.strip()
    return {k: _yaml_scalar(v) for k, v in raw.items()}, text[m.end():]


_YAML_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_YAML_SIMPLE = {"_": "\u00a0", "n": " ", "t": " ", "N": "\u0085", "L": "\u2028",
                "P": "\u2029", "0": "", "a": "", "b": "", "e": "", "f": "", "r": "", "v": ""}


def _yaml_unescape(m: re.Match) -> str:
    code = m.group(1)
    if len(code) > 1 and code[0] in "xuU":
        try:
            return chr(int(code[1:], 16))
        except ValueError:
            return code
    return _YAML_SIMPLE.get(code, code)


def _yaml_scalar(value: str) -> str:
    """A plain, single- or double-quoted YAML scalar, folded over lines."""
    if value.startswith('"') and value.endswith('"') and len(value) >= 2:
        inner = value[1:-1]
        inner = re.sub(r"\\\n\s*", "", inner)          # escaped line break: join
        inner = re.sub(r"\s*\n\s*", " ", inner)
        return _YAML_ESCAPE.sub(_yaml_unescape, inner)
    if value.startswith("'") and value.endswith("'") and len(value) >= 2:
        return re.sub(r"\s*\n\s*", " ", value[1:-1]).replace("''", "'")
    return re.sub(r"\s*\n\s*", " ", value)


def _make_document(doc_id: str, text: str, meta: dict) -> Document:
    date = _normalise_date(str(meta.get("date", "") or "")) or find_date(text)
    url = str(meta.get("source_url") or meta.get("url") or "")
    return Document(doc_id=str(doc_id), text=text, date=date,
                    title=str(meta.get("title", "") or ""), url=url)


def _jsonl_documents(text: str, path: Path, skipped: SkipLog | None) -> Iterator[Document]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            _skip(skipped, f"{path}:{lineno}", f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            _skip(skipped, f"{path}:{lineno}", "record has no 'text' string")
            continue
        rid = rec.get("id", rec.get("doc_id"))
        rid = str(rid) if rid not in (None, "") else f"{path.name}:{lineno}"
        yield _make_document(rid, rec["text"], rec)


def _csv_documents(text: str, path: Path, text_column: str, skipped: SkipLog | None
                   ) -> Iterator[Document]:
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(text.splitlines(keepends=True))
    if reader.fieldnames is None or text_column not in reader.fieldnames:
        cols = ", ".join(reader.fieldnames or []) or "none"
        raise SourceError(f"no {text_column!r} column (columns: {cols}); use --text-column")
    for n, rec in enumerate(reader, 1):
        body = rec.get(text_column) or ""
        if not body.strip():
            _skip(skipped, f"{path}:{n + 1}", "empty text")
            continue
        rid = rec.get("id") or rec.get("doc_id") or f"{path.name}:{n}"
        yield _make_document(rid, body, {k.lower(): v for k, v in rec.items() if k})


def _skip(skipped, where, reason):
    if skipped is not None:
        skipped.add(where, reason)


class _TextExtractor(HTMLParser):
    _DROP = {"script", "style", "noscript", "template", "svg", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
              "article", "blockquote", "pre", "header", "footer", "ul", "ol", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.title, self._drop, self._in_title = [], "", 0, False

    def handle_starttag(self, tag, attrs):
        if tag in self._DROP:
            self._drop += 1
        if tag == "title":
            self._in_title = True
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self._DROP and self._drop:
            self._drop -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif not self._drop:
            self.parts.append(data)


def _html_to_text(text: str) -> tuple[str, str]:
    p = _TextExtractor()
    p.feed(text)
    p.close()
    body = "".join(p.parts)
    body = re.sub(r"[ \t]+", " ", body)
    body = re.sub(r"\n\s*\n\s*", "\n\n", body)
    return html.unescape(p.title).strip(), body.strip()


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b"), ("d", "m", "y")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? " + _MON + r",? (\d{4})\b"), ("d", "M", "y")),
    (re.compile(r"\b" + _MON + r" (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b"), ("M", "d", "y")),
]
_DATE_CUE = re.compile(r"\b(?:published|posted|updated|dated?|released)\b", re.I)


def find_date(text: str, *, head: int = 1500) -> str:
    """The document date found near the top of a text, as ``YYYY-MM-DD``, or ``""``.

    A date after a cue word ("Published", "Posted", "Updated", "Date") wins;
    otherwise the first complete date in the first ``head`` characters.

    Examples
    --------
    >>> find_date("Lavrov, Kerry to talk\\nPublished 23-04-2013, 13:52\\nText")
    '2013-04-23'
    >>> find_date("WASHINGTON, March 3, 2022 - The President spoke")
    '2022-03-03'
    >>> find_date("no date here")
    ''
    """
    top = text[:head]
    candidates = []
    for rx, order in _DATE_PATTERNS:
        for m in rx.finditer(top):
            iso = _to_iso(dict(zip(order, m.groups())))
            if iso:
                before = top[max(0, m.start() - 40):m.start()]
                cued = bool(_DATE_CUE.search(before))
                candidates.append((0 if cued else 1, m.start(), iso))
    return min(candidates)[2] if candidates else ""


def _to_iso(parts: dict) -> str:
    try:
        month = _MONTHS[parts["M"].lower().rstrip(".")] if "M" in parts else int(parts["m"])
        return _date(int(parts["y"]), month, int(parts["d"])).isoformat()
    except (KeyError, ValueError):
        return ""


def _normalise_date(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return _to_iso({"y": m.group(1), "m": m.group(2), "d": m.group(3)})
    return find_date(value)

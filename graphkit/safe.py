"""Text that every writer can hold, and cells a spreadsheet cannot run.

Untrusted strings (document text, titles, ``--actors`` names, hand-edited
``events.csv`` fields, GDELT columns) pass through :func:`clean_text` or
:func:`clean_field` on their way in, so GraphML, GEXF, CSV, JSON and HTML
writers never meet a character they cannot write. :func:`excel_cell` and
:func:`excel_csv` give the spreadsheet form of a CSV (``--excel``), and
:func:`unguard_cell` reads it back.
"""

from __future__ import annotations

import csv
import io
import math
import re
from typing import Iterable, Iterator

__all__ = ["clean_text", "clean_field", "excel_cell", "unguard_cell", "excel_csv",
           "EXCEL_BOM"]

# Controls XML 1.0 forbids (all below U+0020 but tab, line feed and carriage return),
# DEL, lone surrogates (undecodable bytes, "\ud800" escapes) and the non-characters
# U+FFFE / U+FFFF.
_BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"[\t\n\r]+")

#: Byte order mark written at the start of a ``--excel`` CSV (Excel reads the file as UTF-8).
EXCEL_BOM = "\ufeff"
# First characters a spreadsheet reads as the start of a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _replace(m: re.Match) -> str:
    c = m.group()
    if c == "\x00":
        return ""
    return " " if c < "\x80" else "\ufffd"


def clean_text(text) -> str:
    """``text`` with what no writer can hold removed: NUL dropped, other control
    characters made spaces, lone surrogates and U+FFFE/U+FFFF made U+FFFD, and
    ``\\r\\n`` or a bare ``\\r`` made ``\\n``. Tabs and line feeds stay.

    Examples
    --------
    >>> clean_text("a\\x00b\\x07c\\r\\nd\\re\\ufffe")
    'ab c\\nd\\ne\\ufffd'
    """
    text = text if isinstance(text, str) else str(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BAD_TEXT.sub(_replace, text)


def clean_field(value) -> str:
    """A one-line field (an id, a name, a title, a URL): :func:`clean_text`, then
    every run of tabs and line breaks made one space, and outer spaces stripped.

    Examples
    --------
    >>> clean_field(" Russia\\r\\n\\tFederation\\x0b")
    'Russia Federation'
    >>> clean_field(None)
    ''
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _BREAKS.sub(" ", clean_text(value)).strip()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def excel_cell(value: str) -> str:
    """A CSV cell as a spreadsheet should see it (OWASP's CSV-injection advice):
    a text cell that begins with ``= + - @``, a tab or a carriage return gets a
    leading ``'`` so that it is shown as text and never run as a formula.

    A number (``-3.5``) is left alone. A cell that already begins with ``'``
    gets one more, so :func:`unguard_cell` gives back exactly the original.

    Examples
    --------
    >>> excel_cell('=HYPERLINK("http://evil.example")'), excel_cell("-2+3"), excel_cell("-3.5")
    ('\\'=HYPERLINK("http://evil.example")', "'-2+3", '-3.5')
    >>> excel_cell("'quoted'"), excel_cell("Russia")
    ("''quoted'", 'Russia')
    """
    if value and (value[0] == "'" or (value[0] in _FORMULA_START and not _is_number(value))):
        return "'" + value
    return value


def unguard_cell(value: str) -> str:
    """The original of an :func:`excel_cell` cell.

    Examples
    --------
    >>> unguard_cell(excel_cell("=1+2")), unguard_cell(excel_cell("'x")), unguard_cell("x")
    ('=1+2', "'x", 'x')
    """
    return value[1:] if value[:1] == "'" else value


def excel_csv(lines: Iterable[str], *, bom: bool = True) -> Iterator[str]:
    """The ``--excel`` form of CSV text, line by line: every cell through
    :func:`excel_cell`, and a byte order mark first (when ``bom``), so Excel
    reads UTF-8 and shows formulas as text. Memory stays one row.

    Parameters
    ----------
    lines : iterable of str
        CSV text, e.g. an open file; each item one physical line with its
        line end (a quoted cell may span lines).
    bom : bool, optional (default=True)
        Start with ``\\ufeff``.

    Examples
    --------
    >>> "".join(excel_csv(["name,n\\n", "=1+2,-3\\n", '"a\\nb",4\\n']))
    '\\ufeffname,n\\n\\'=1+2,-3\\n"a\\nb",4\\n'
    """
    if bom:
        yield EXCEL_BOM
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in csv.reader(lines):
        writer.writerow([excel_cell(c) for c in row])
        yield out.getvalue()
        out.seek(0)
        out.truncate()

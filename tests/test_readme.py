"""The README's figures and sessions agree with the code and the data (issue 18).

Each check names what to change in the README when it fails; the figures come from
the package data and from running the commands the README shows.
"""

import csv
import re
from importlib import resources

import pytest
from click.testing import CliRunner

from graphkit.cli import cli
from tests.conftest import ROOT, SEED_DIR

README = (ROOT / "README.md").read_text(encoding="utf-8")


def rows(name):
    text = resources.files("graphkit").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader([ln for ln in text.splitlines() if not ln.startswith("#")]))


def number(text):
    return int(text.replace(",", ""))


def figures(pattern):
    found = [number(m.group(1)) for m in re.finditer(pattern, README)]
    assert found, f"README no longer says {pattern!r}; update this test"
    return found


def session(command):
    """The output lines the README shows after ``$ command``, up to the next prompt."""
    block = README.split(f"$ {command}\n", 1)
    assert len(block) == 2, f"README has no session '$ {command}'"
    out = []
    for line in block[1].splitlines():
        if line.startswith(("$ ", "```")) or line.strip() == "...":
            break
        out.append(line)
    return out


def without_time(line):
    return re.sub(r" in \d+\.\d+ s$", " in _ s", line)


@pytest.mark.parametrize("name,pattern", [
    ("officials.csv", r"(\d[\d,]*)\s+date-bounded\s+office\s+terms"),
    ("officials.csv", r"(\d[\d,]*)\s+office\s+terms"),
    ("groups.csv", r"(\d[\d,]*)\s+non-state\s+groups"),
    ("organisations.csv", r"(\d[\d,]*)\s+international\s+organisations"),
    ("triggers.csv", r"(\d[\d,]*)-pattern\s+trigger\s+lexicon"),
    ("triggers.csv", r"now\s+(\d[\d,]*)\s+patterns"),
])
def test_package_data_counts(name, pattern):
    assert set(figures(pattern)) == {len(rows(name))}, \
        f"README: {pattern} should say {len(rows(name)):,} ({name} rows)"


def test_none_readings_count():
    none = sum(1 for r in rows("triggers.csv") if r["category"] == "NONE")
    assert figures(r"patterns,\s+(\d+)\s+of\s+them\s+NONE") == [none]


def test_seed_session_is_what_the_command_prints(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(SEED_DIR)
    res = CliRunner().invoke(cli, ["run", "seeds/", "-o", "output/"])
    assert res.exit_code == 0, res.output
    got = [without_time(ln) for ln in res.output.splitlines()]
    shown = [without_time(ln) for ln in session("graphkit run seeds/ -o output/")]
    assert shown == got, "README 'A real session' differs from graphkit run seeds/ -o output/"


def test_gdelt_session_uses_a_real_path_and_its_output(shared_data, tmp_path):
    cmd = next(ln[2:] for ln in README.splitlines()
               if ln.startswith("$ graphkit run ") and "export.CSV" in ln)
    args = cmd.split()[2:]
    path = ROOT / args[0]
    assert path.is_file(), f"README's GDELT example reads {args[0]}, which does not exist"
    res = CliRunner().invoke(cli, ["run", str(path), "-o", str(tmp_path / "g")])
    assert res.exit_code == 0, res.output
    got = [without_time(ln.replace(str(path), args[0])) for ln in res.output.splitlines()]
    shown = [without_time(ln) for ln in session(cmd)]
    assert shown == got[:len(shown)]


def test_notebook_iframe_is_shown_through_ipython_display():
    from graphkit.render import notebook_iframe

    assert isinstance(notebook_iframe("<p>x</p>"), str)       # a string: wrap it to show it
    calls = re.findall(r"[\w.]*notebook_iframe\([^)]*\)\)?", README)
    assert calls and all(
        re.search(r"HTML\((graphkit\.)?(render\.)?notebook_iframe\(", README[
            max(0, README.index(c) - 30):README.index(c) + len(c)]) for c in calls), \
        "README must show notebook_iframe wrapped in IPython.display.HTML(...)"

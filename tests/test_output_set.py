"""The outputs of a run replace the previous ones as one set (issue 19, item 6).

A run writes every file into a staging folder first; the previous set stays in
place until the new one is complete and is put back if the swap fails, is
interrupted, or the process is killed part-way (the next run puts it back).
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit.pipeline as pipeline
from graphkit.errors import GraphkitError, SourceError
from graphkit.pipeline import run

OLD = "Russia and NATO held talks in Brussels. Germany criticized Iran.\n"
NEW = "China and Japan signed an agreement in Tokyo. France imposed sanctions on Syria.\n"


def _files(out: Path) -> dict:
    """Every visible output file's bytes; hidden entries listed by name."""
    return {p.name: (p.read_bytes() if p.is_file() else "<folder>")
            for p in sorted(out.iterdir())}


def _hidden(out: Path) -> list:
    return sorted(p.name for p in out.iterdir() if p.name.startswith("."))


def _run_finding_nothing(out: Path, tmp_path: Path) -> None:
    """A run into ``out`` that fails (nothing to read) after preparing its staging folder."""
    empty = tmp_path / "empty"
    empty.mkdir(exist_ok=True)
    with pytest.raises(SourceError):
        run([empty], out)


@pytest.fixture
def two_sets(tmp_path):
    """An output folder holding the outputs of OLD, and a corpus now holding NEW."""
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text(OLD, encoding="utf-8")
    run([corpus], out)
    (corpus / "a.txt").write_text(NEW, encoding="utf-8")
    return corpus, out, _files(out)


def test_ctrl_c_inside_the_rename_loop_keeps_the_previous_set(two_sets, monkeypatch):
    corpus, out, before = two_sets
    real = os.replace
    calls = []

    def interrupted(src, dst, *a, **kw):
        if Path(dst).parent == out and pipeline._STAGE_PREFIX in str(src):
            calls.append(Path(dst).name)
            if len(calls) == 4:
                raise KeyboardInterrupt
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run([corpus], out)
    monkeypatch.undo()
    assert len(calls) == 4              # three new files were already in place
    assert _files(out) == before
    assert _hidden(out) == []


def test_a_folder_in_the_way_changes_nothing(two_sets):
    corpus, out, _before = two_sets
    (out / "report.md").unlink()
    (out / "report.md").mkdir()
    before = _files(out)
    with pytest.raises(GraphkitError, match="report.md"):
        run([corpus], out)
    assert _files(out) == before
    assert _hidden(out) == []


def test_a_failed_rename_puts_back_every_file_including_removed_ones(two_sets, monkeypatch):
    corpus, out, before = two_sets
    (out / "skipped.csv").write_text("path,reason\nx,y\n")      # an old optional output
    before = _files(out)
    real = os.replace

    def disk_full_at_report(src, dst, *a, **kw):
        if Path(dst) == out / "report.md":
            raise OSError(28, "No space left on device")
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", disk_full_at_report)
    with pytest.raises(GraphkitError, match="No space left on device"):
        run([corpus], out)
    monkeypatch.undo()
    assert _files(out) == before
    assert _hidden(out) == []


KILLER = """
import os, signal, sys
from pathlib import Path
import graphkit.pipeline as pipeline
out = Path(sys.argv[2])
real, calls = os.replace, []
def replace(src, dst, *a, **kw):
    if Path(dst).parent == out and pipeline._STAGE_PREFIX in str(src):
        calls.append(dst)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst, *a, **kw)
os.replace = replace
pipeline.run([sys.argv[1]], out)
"""


def test_the_next_run_puts_back_the_set_a_killed_run_was_replacing(two_sets, tmp_path):
    corpus, out, before = two_sets
    proc = subprocess.run([sys.executable, "-c", KILLER, str(corpus), str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    left = _hidden(out)
    assert any(n.startswith(pipeline._BACKUP_PREFIX) for n in left)
    assert any(n.startswith(pipeline._STAGE_PREFIX) for n in left)
    assert _files(out) != before                # killed half-way: two sets mixed
    # the next run into the folder (here one that finds nothing to read) first
    # puts the previous set back and removes what the killed run left
    _run_finding_nothing(out, tmp_path)
    assert _files(out) == before
    assert _hidden(out) == []


def test_a_killed_run_that_had_finished_swapping_is_not_undone(two_sets, tmp_path):
    corpus, out, _before = two_sets
    run([corpus], out)
    after = _files(out)
    # what a run killed after its swap, before removing its backup, leaves behind
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    backup = out / f"{pipeline._BACKUP_PREFIX}{dead}-x1"
    backup.mkdir()
    (backup / "report.md").write_text("old report")
    (backup / pipeline._JOURNAL).write_text('{"new": ["report.md"], "old": ["report.md"]}')
    (backup / pipeline._SWAPPED).touch()
    stage = out / f"{pipeline._STAGE_PREFIX}{dead}-x2"
    stage.mkdir()
    (stage / "events.csv").write_text("partial")
    _run_finding_nothing(out, tmp_path)
    assert _files(out) == after
    assert _hidden(out) == []


def test_folders_of_a_run_still_running_are_left_alone(two_sets, tmp_path):
    _corpus, out, before = two_sets
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stage = out / f"{pipeline._STAGE_PREFIX}{sleeper.pid}-x"
        stage.mkdir()
        _run_finding_nothing(out, tmp_path)
        assert _hidden(out) == [stage.name]
        assert _files(out) == before | {stage.name: "<folder>"}
    finally:
        sleeper.kill()
        sleeper.wait()

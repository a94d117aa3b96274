"""The ``graphkit`` command line: thin click commands over the library."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from pathlib import Path

import click

from . import __version__
from .errors import GraphkitError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _window(command):
    """--since and --until, given to the command as ``since`` and ``until``."""
    command = click.option("--until", default=None, metavar="DATE",
                           help="Only events dated up to DATE (YYYY-MM-DD, YYYY-MM or YYYY).")(
        command)
    return click.option("--since", default=None, metavar="DATE",
                        help="Only events dated from DATE (YYYY-MM-DD, YYYY-MM or YYYY).")(
        command)


def _answer_format(command):
    return click.option("--format", "fmt", default="text", show_default=True,
                        type=click.Choice(["text", "md", "csv"]),
                        help="text tables, Markdown, or CSV of the main table.")(command)


def _actors_option(command):
    return click.option("--actors", "actor_files", multiple=True,
                        type=click.Path(path_type=Path),
                        help="The run's CSV of extra parties/aliases or officials (repeatable).")(
        command)


def _sigterm(signum, frame):  # pragma: no cover - signal handler
    raise KeyboardInterrupt


@contextlib.contextmanager
def _errors():
    """Library errors -> one line on stderr and exit code 1; Ctrl-C or SIGTERM ->
    exit 130, after the staging files are cleaned up and previous outputs kept."""
    try:
        signal.signal(signal.SIGTERM, _sigterm)
    except ValueError:      # not in the main thread (e.g. some test runners)
        pass
    try:
        yield
    except GraphkitError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        click.echo("interrupted; previous outputs are left as they were", err=True)
        sys.exit(130)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="graphkit")
def cli():
    """graphkit: who does what to whom in diplomatic text, as a graph.

    Run `graphkit run seeds/` to extract events from the seed article and write
    events.csv, actors.csv, dyads.csv, graph.graphml, graph.html and report.md.
    """


@cli.command("run", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", default="output", show_default=True,
              type=click.Path(path_type=Path), help="Output folder.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(path_type=Path),
              help="CSV of extra parties/aliases or officials (repeatable).")
@click.option("--text-column", default="text", show_default=True,
              help="Column holding the text in CSV inputs.")
@click.option("--extractor", default="rules.v1", show_default=True,
              help="Extraction back-end.")
@click.option("-j", "--workers", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: all cores for 200+ files, else 1; 0 = all).")
@click.option("--dask", default=None, metavar="SCHEDULER",
              help="Extract on a Dask cluster: tcp://host:8786, or 'local'.")
@click.option("--title", default=None, help="Corpus name for the page and report.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=300, show_default=True,
              help="Parties shown at first on the page; filters bring in the rest.")
@click.option("--page-evidence", type=click.IntRange(min=0), default=20_000, show_default=True,
              help="Events whose sentences the page embeds (events.csv has them all).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed for communities, blocs and layout.")
@click.option("--corrections", type=click.Path(path_type=Path), default=None,
              help="Corrections CSV downloaded from the page: drop or edit those events.")
@click.option("-f", "--format", "fmt", default="auto", show_default=True,
              type=click.Choice(["auto", "text", "gdelt", "gdelt1", "gdelt2", "icews", "events"]),
              help="Input kind: documents (text), event files, or auto-detect.")
@click.option("--metadata", type=click.Path(path_type=Path), default=None,
              help="CSV of document metadata: path or id, date, title, url, extra columns.")
@click.option("--date-pattern", default=None, metavar="REGEX",
              help="Regex with (?P<year>..) [(?P<month>..) (?P<day>..)] for dates in file paths.")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Do not read files or folders matching GLOB (repeatable).")
@click.option("--dedupe", is_flag=True,
              help="Count a sentence repeated in several documents once (syndicated copies).")
@click.option("--strict", is_flag=True, help="Any skipped file or record is an error.")
@click.option("--excel", is_flag=True,
              help="Write the CSV files for spreadsheets: UTF-8 with BOM, formula cells as text.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@_window
def run_cmd(paths, out_dir, actor_files, text_column, extractor, workers, dask, title,
            max_nodes, page_evidence, seed, corrections, fmt, metadata, date_pattern, exclude,
            dedupe, strict, excel, quiet, since, until):
    """Extract events from documents and write the graph, tables and page.

    PATHS are files or folders (searched recursively) of .txt, .md, .html,
    .jsonl or .csv documents, or event files (GDELT 1.0/2.0 exports, ICEWS,
    graphkit's own events.csv), which are detected or named with --format.

    \b
    Example:
        graphkit run seeds/ -o output/
        graphkit run --format gdelt 20191024143000.export.CSV -o gdelt_out/
        graphkit run speeches/ --exclude 'drafts/*' --date-pattern '_(?P<year>[0-9]{4})[.]txt$'
        graphkit run seeds/ -o output/ --corrections seed-corrections.csv
    """
    from .pipeline import RunOptions, run
    from .sources import find_files, skip_summary

    with _errors():
        options = RunOptions(actor_files=actor_files, text_column=text_column,
                             extractor=extractor, workers=workers or 1, title=title,
                             progress=not quiet and sys.stderr.isatty(), seed=seed,
                             max_nodes=max_nodes, echo_skips=not quiet, fmt=fmt, dask=dask,
                             strict=strict, page_evidence=page_evidence, metadata=metadata,
                             date_pattern=date_pattern, exclude=exclude,
                             dedupe=dedupe, since=since, until=until,
                             excel=excel, corrections=corrections).validate()
        if workers is None:
            n_files = sum(len(find_files(p, exclude_globs=exclude)) for p in paths
                          if os.path.exists(p))
            workers = (os.cpu_count() or 1) if n_files >= 200 else 1
        elif workers == 0:
            workers = os.cpu_count() or 1
        result = run(paths, out_dir, options, workers=workers)
    if quiet:
        return
    agreements = f", {result.agreements} agreements" if result.agreements else ""
    click.echo(f"{result.documents} documents, {result.sentences} sentences, "
               f"{len(result.analysed_events)} events, {result.parties} parties, "
               f"{len(result.dyads)} dyads{agreements} in {result.seconds:.2f} s")
    for path, report in result.imports.items():
        click.echo(f"{path}: {report.summary()}")
    if result.repeated:
        click.echo(f"{result.repeated} events in {result.repeated_documents} documents come from "
                   f"sentences of earlier documents (syndicated copies?); "
                   + ("--dedupe dropped them" if dedupe else "--dedupe counts them once")
                   + " (documents.csv: repeated, repeats_of)")
    if result.capped:
        docs = sorted(result.capped)
        click.echo(f"note: {sum(result.capped.values())} sentences of more than 250 tokens "
                   f"were cut at a comma or after 250 tokens, in {len(docs)} documents "
                   f"({', '.join(docs[:3])}{', ...' if len(docs) > 3 else ''}): a sentence that "
                   "long is rarely prose, and the rules' work on one grows faster than its length")
    dated, undated = result.outside_window
    if dated or undated:
        click.echo(f"{dated + undated} documents left out by --since/--until "
                   f"({dated} dated outside, {undated} undated)")
    if result.corrections is not None:
        done = int((result.corrections["outcome"] == "applied").sum())
        click.echo(f"corrections: {done} of {len(result.corrections)} applied "
                   "(report.md lists them)")
    if result.skipped or result.excluded:
        click.echo(skip_summary(result.skipped, result.excluded,
                                result.files.get("skipped.csv", "skipped.csv")))
    for name, path in result.files.items():
        click.echo(f"  {name:<14} {path}")



@cli.command("eval", context_settings=CONTEXT)
@click.argument("gold", required=False, type=click.Path(path_type=Path))
@click.option("--suite", is_flag=True,
              help="Run the capability suite instead (GOLD, if given, is a suite YAML file).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the suite's drawn parties and wordings.")
@click.option("--out", "out_path", type=click.Path(path_type=Path), default=None,
              help="Also write the figures as JSON.")
@click.option("--extractor", default="rules.v1", show_default=True, help="Extraction back-end.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(path_type=Path),
              help="CSV of extra parties/aliases or officials (repeatable).")
def eval_cmd(gold, suite, seed, out_path, extractor, actor_files):
    """Score the extractor on a PLOVER gold-standard file, or on the capability suite.

    Prints precision, recall and F1 for undirected and directed dyads, dyad +
    category, category accuracy and quad class, per category, and a confusion
    summary. With --suite, prints the pass rates of the CheckList-style capability
    suite per capability and test type (MFT, INV, DIR) and failing cases; the exit
    code is 0 whatever the rates.

    \b
    Example:
        graphkit eval ../shared/data/eval/plover_gsr/PLOVER_GSR_CAMEO.txt --out eval.json
        graphkit eval --suite --out suite.json
    """
    if gold is None and not suite:
        raise click.UsageError("give a GOLD file, or --suite")
    with _errors():
        if suite:
            from .suite import run_suite, write_json
            result = run_suite(gold, extractor=extractor, seed=seed, actor_files=actor_files)
        else:
            from .evaluate import run_eval, write_json
            result = run_eval(gold, extractor=extractor, actor_files=actor_files)
        click.echo(result.format_table())
        if out_path is not None:
            click.echo(f"wrote {write_json(result, out_path)}")



@cli.command("analyze", context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for the tables (default: SOURCE/analysis).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed for communities and blocs.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows in the top-pair tables.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(path_type=Path),
              help="The run's CSV of extra parties/aliases or officials (repeatable).")
@click.option("--excel", is_flag=True,
              help="Write the tables for spreadsheets: UTF-8 with BOM, formula cells as text.")
@_window
def analyze_cmd(source, out_dir, seed, top, actor_files, excel, since, until):
    """Analyse an output folder (or an events.csv) again and print the key tables.

    Writes centrality, communities, blocs and balance, strongest cooperative,
    conflictual and mixed pairs, issues and the monthly timeline as CSV files,
    and prints the key tables ranked by importance (parties by events, then
    PageRank).

    \b
    Example:
        graphkit analyze output/
    """
    import pandas as pd

    from .analysis import analyze, write_tables
    from .export import write_excel_csv
    from .pipeline import load_output

    from .query import ranked_centrality

    with _errors():
        result, _docs = load_output(source, actor_files=actor_files, since=since, until=until)
        tables = analyze(result.events, actors=result.actors, seed=seed, top=top,
                         graph=result.graph)
        shown = dict(tables, centrality=ranked_centrality(result.graph, tables["centrality"])
                     if "centrality" in tables else None)
        target = out_dir or ((source if source.is_dir() else source.parent) / "analysis")
        paths = write_tables(tables, target)
        for path in paths if excel else ():
            write_excel_csv(path, path)
    with pd.option_context("display.width", 120, "display.max_columns", 12,
                           "display.max_colwidth", 40):
        for name in ("summary", "centrality", "top_cooperative", "top_conflictual",
                     "most_mixed", "balance"):
            table = shown.get(name)
            if table is not None and len(table):
                click.echo(f"\n== {name} ==")
                click.echo(table.head(top).to_string(index=False))
    click.echo(f"\nwrote {len(paths)} tables to {target}")


@cli.command("export", context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-f", "--format", "formats", multiple=True, required=True,
              type=click.Choice(["graphml", "gexf", "json", "csv", "parquet", "xlsx"]),
              help="Output format (repeatable); xlsx: tables.xlsx, one sheet per table.")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder to write to (default: SOURCE).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(path_type=Path),
              help="The run's CSV of extra parties/aliases or officials (repeatable).")
@click.option("--excel", is_flag=True,
              help="CSV files for spreadsheets: UTF-8 with BOM, formula cells as text.")
@_window
def export_cmd(source, formats, out_dir, actor_files, excel, since, until):
    """Write the graph of an output folder in other formats, without extracting again.

    Give the run's --actors files again to get the same graph as the run.

    \b
    Example:
        graphkit export output/ -f gexf -f json
        graphkit export output/ -f xlsx
    """
    from .export import write_events_csv, write_gexf, write_graphml, write_json
    from .export import write_parquet, write_table, write_xlsx
    from .pipeline import load_output, output_tables

    with _errors():
        result, docs = load_output(source, actor_files=actor_files, since=since, until=until)
        target = Path(out_dir or (source if source.is_dir() else source.parent))
        written = []
        for fmt in formats:
            if fmt == "graphml":
                written.append(write_graphml(result.full_graph, target / "graph.graphml"))
            elif fmt == "gexf":
                written.append(write_gexf(result.full_graph, target / "graph.gexf",
                                          events=result.events))
            elif fmt == "json":
                written.append(write_json(result.full_graph, target / "graph.json"))
            elif fmt == "csv":
                written.append(write_events_csv(result.events, target / "events.csv",
                                                excel=excel))
                written.append(write_table(result.dyads, target / "dyads.csv", excel=excel))
            elif fmt == "parquet":
                written.append(write_parquet(result.events.assign(
                    negated=result.events["negated"].astype(bool)), target / "events.parquet"))
                written.append(write_parquet(result.dyads, target / "dyads.parquet"))
            elif fmt == "xlsx":
                written.append(write_xlsx(output_tables(result, docs), target / "tables.xlsx"))
    for path in written:
        click.echo(f"  {path}")


@cli.command("pair", context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("party_a")
@click.argument("party_b")
@_answer_format
@_window
@_actors_option
def pair_cmd(source, party_a, party_b, fmt, since, until, actor_files):
    """One relation: counts by category and modality, its timeline by month, and
    its evidence sentences with document and date.

    SOURCE is an output folder (or its events.csv); parties are ids or names.

    \b
    Example:
        graphkit pair output/ RUS UKR
        graphkit pair output/ Russia Ukraine --since 2022-02-24 --format csv > rus_ukr.csv
    """
    from .pipeline import load_output
    from .query import pair_report

    with _errors():
        result, _docs = load_output(source, actor_files=actor_files, since=since, until=until)
        text = pair_report(result.events, result.graph, party_a, party_b).render(fmt)
    click.echo(text, nl=False)


@cli.command("party", context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("party")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows in the partner and rival tables.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for communities.")
@_answer_format
@_window
@_actors_option
def party_cmd(source, party, top, seed, fmt, since, until, actor_files):
    """One party: partners, rivals, centrality, community and events by month.

    \b
    Example:
        graphkit party output/ RUS
        graphkit party output/ China --format md
    """
    from .pipeline import load_output
    from .query import party_report

    with _errors():
        result, _docs = load_output(source, actor_files=actor_files, since=since, until=until)
        cent = result.tables.get("centrality") if seed == 0 else None
        text = party_report(result.events, result.graph, party, cent=cent, seed=seed,
                            top=top).render(fmt)
    click.echo(text, nl=False)


@cli.command("compare", context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("other", required=False, type=click.Path(path_type=Path))
@click.option("--split", "split_date", default=None, metavar="DATE",
              help="Compare the events before DATE with those from DATE on.")
@_answer_format
@_window
@_actors_option
def compare_cmd(source, other, split_date, fmt, since, until, actor_files):
    """Relations that appeared, disappeared or changed sign, with their event counts:
    before and after a date in one output folder, or between two folders.

    \b
    Example:
        graphkit compare output/ --split 2022-02-24
        graphkit compare run_2021/ run_2022/
    """
    from .pipeline import load_output
    from .query import compare_report

    if (other is None) == (split_date is None):
        raise click.UsageError("give either a second output folder or --split DATE")
    with _errors():
        first, _docs = load_output(source, actor_files=actor_files, since=since, until=until)
        if other is None:
            answer = compare_report(first.events, D=first.graph, split_date=split_date,
                                    labels=(f"before {split_date}", f"from {split_date}"))
        else:
            import networkx as nx

            second, _docs = load_output(other, actor_files=actor_files, since=since,
                                        until=until)
            names = nx.compose(first.graph, second.graph)
            answer = compare_report(first.events, second.events, D=names,
                                    labels=(str(source), str(other)))
    click.echo(answer.render(fmt), nl=False)


def main():  # pragma: no cover - console entry point
    cli(prog_name="graphkit")

"""The command line: parse options, call the library, print. Nothing else lives here.

Exit codes: 0 success; 1 some inputs were skipped (the rest was built);
2 bad usage or nothing could be built.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from govkg.errors import GovkgError
from govkg.ontology.namespaces import ENTITY_TYPES

EXIT_SKIPPED = 1
EXIT_FAILED = 2


def _err(console: Console, message: str) -> None:
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
@click.option("-v", "--verbose", is_flag=True, help="Log what the pipeline does.")
def main(verbose: bool) -> None:
    """govkg: knowledge graphs from Chinese local-government work reports."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.trig, graph.ttl and graph.html.")
@click.option("--no-html", is_flag=True, help="Skip the network page.")
def build(paths: tuple[Path, ...], out_dir: Path, no_html: bool) -> None:
    """Build the knowledge graph of the reports in PATHS (files or folders of .txt/.html)."""
    from govkg.export import get_exporter
    from govkg.pipeline import build as run_build

    out, err = Console(), Console(stderr=True)
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("build", total=None)

        def progress(n: int) -> None:
            if n < 0:
                bar.update(task, total=-n)
            else:
                bar.update(task, completed=n)

        result = run_build(paths, progress=progress)
    for e in result.errors:
        _err(err, str(e))
    if not result.facts:
        _err(err, "no document could be read; nothing written")
        sys.exit(EXIT_FAILED)
    try:
        for name, fmt in (("graph.trig", "trig"), ("graph.ttl", "ttl"), ("graph.html", "html")):
            if fmt == "html" and no_html:
                continue
            get_exporter(fmt)(result.dataset, out_dir / name)
    except (GovkgError, OSError) as exc:
        _err(err, f"{out_dir}: cannot write output ({exc})")
        sys.exit(EXIT_FAILED)
    _summary(out, result, out_dir)
    if result.errors:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--gold", "gold_dirs", required=True, multiple=True, type=click.Path(path_type=Path),
              help="Folder of gold annotation *.json files (repeat to pool several).")
def evaluate(graph: Path, gold_dirs: tuple[Path, ...]) -> None:
    """Score GRAPH (a build folder or RDF file) against gold annotations: per-type P/R/F1 and link recall."""
    from govkg.evaluate import evaluate as run_evaluate
    from govkg.graph.load import load_graph

    try:
        report = run_evaluate(load_graph(graph), *gold_dirs)
    except GovkgError as exc:
        _err(Console(stderr=True), str(exc))
        sys.exit(EXIT_FAILED)
    click.echo(report.table())


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--to", "fmt", required=True, metavar="FORMAT",
              help="Output format: csv, gexf, graphml, html, jsonld, neo4j, nq, nt, trig, ttl.")
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path),
              help="Output file (a folder for neo4j and csv).")
def export(graph: Path, fmt: str, out_path: Path) -> None:
    """Export GRAPH (a build folder or RDF file) to another format, e.g. --to neo4j --out neo4j/."""
    from govkg.export import get_exporter
    from govkg.graph.load import load_graph

    err = Console(stderr=True)
    try:
        writer = get_exporter(fmt)
        writer(load_graph(graph), out_path)
    except (GovkgError, OSError) as exc:
        _err(err, str(exc))
        sys.exit(EXIT_FAILED)
    click.echo(f"{fmt} → {out_path}")


def _summary(console: Console, result, out_dir: Path) -> None:
    counts = result.entity_counts()
    n_rel = sum(len(f.relations) for f in result.facts)
    table = Table(title=f"govkg build → {out_dir}", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents read", str(len(result.facts)))
    if result.errors:
        table.add_row("documents skipped", str(len(result.errors)), style="red")
    for t in ENTITY_TYPES:
        table.add_row(f"  {t}", str(counts.get(t, 0)))
    table.add_row("relations", str(n_rel))
    table.add_row("triples", str(sum(1 for _ in result.dataset.quads((None, None, None, None)))))
    table.add_row("time", f"{result.seconds:.1f} s")
    console.print(table)


if __name__ == "__main__":  # pragma: no cover
    main()

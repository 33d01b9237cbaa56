"""The command line: parse options, call the library, print. Nothing else lives here.

Exit codes: 0 success; 1 some inputs were skipped (the rest was built), or
`validate` found violations; 2 bad usage, nothing could be built, or a server refused a push;
130 interrupted (Ctrl-C), as a shell reports a command that SIGINT ended.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from govkg.errors import GovkgError
from govkg.ontology.namespaces import ENTITY_TYPES
from govkg.pieces import MAX_DOC_MB

EXIT_SKIPPED = 1
EXIT_INVALID = 1  # validate: the graph breaks a SHACL rule
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT


MIN_CONFIDENCE = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
    help="Leave out entities the learned decision is less sure of than this (0-1), with their mentions and "
         "relations; entities with no confidence stay.")


def _err(console: Console, message: str) -> None:
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)


def _warn(console: Console, message: str) -> None:
    console.print(f"[bold yellow]warning:[/] {escape(message)}", highlight=False, soft_wrap=True)


class _Commands(click.Group):
    """The command group; Ctrl-C is one line and exit code 130 (click's own answer is "Aborted!" and 1, the
    code of a build that skipped inputs)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _err(Console(stderr=True), "interrupted")
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
@click.option("-v", "--verbose", is_flag=True, help="Log what the pipeline does.")
def main(verbose: bool) -> None:
    """govkg: knowledge graphs from Chinese local-government work reports."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


def _quiet_dask() -> None:
    """Dask's own log lines only with -v (from warnings on): a build tells what went wrong in its own words, one
    line for each document lost. Dask sets its loggers' levels when it is imported, so it is imported first."""
    import distributed  # noqa: F401

    verbose = logging.getLogger().getEffectiveLevel() <= logging.INFO
    level = logging.WARNING if verbose else logging.CRITICAL
    for name in ["distributed", *logging.root.manager.loggerDict]:  # some of Dask's have levels of their own
        if name == "distributed" or name.startswith("distributed."):
            logging.getLogger(name).setLevel(level)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for graph.trig, graph.ttl and graph.html; an earlier build there is updated.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Keep an on-disk Oxigraph store of the graph here as well (query, export and serve read "
                   "it); building again updates it.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: all cores].")
@click.option("--no-html", is_flag=True, help="Skip the network page.")
@click.option("--curation", "curation_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Curation file of decisions to apply [default: curation.tsv in --out, when there is one].")
@MIN_CONFIDENCE
@click.option("--max-doc-mb", type=click.FloatRange(min=0, min_open=True), default=MAX_DOC_MB, show_default=True,
              help="Skip (as a bad input) any file larger than this many MB (10^6 bytes); below it, long documents "
                   "are read in bounded pieces.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run the per-document step on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT; "
                   "workers need govkg installed, not the files), or on a Dask cluster of N processes started here "
                   "(local:N). The files are the same as a local build's.")
@click.option("--source-paths", type=click.Choice(["relative", "none"]), default="relative", show_default=True,
              help="What each document's govkg:sourcePath holds: its path below the folder holding the PATH it was "
                   "found through (reports/2023/x.txt for PATH .../reports; a file given directly: its name), or "
                   "none. Never an absolute path.")
def build(paths: tuple[Path, ...], out_dir: Path, store_dir: Path | None, jobs: int | None, no_html: bool,
          curation_file: Path | None, min_confidence: float, max_doc_mb: float, scheduler: str | None,
          source_paths: str) -> None:
    """Build the knowledge graph of the reports in PATHS (files or folders of .txt/.html).

    Incremental: documents unchanged since the last build into --out are not
    read again, changed ones are rebuilt, deleted ones removed (the record of
    the build is kept in --out's .govkg/ folder). The decisions of the
    curation file (see govkg review) are applied; when they change, every
    document is built again.

    No output holds an absolute path (see --source-paths); the record in
    .govkg/ does (to read the files again) and is not for publishing.
    """
    from govkg.pipeline import build as run_build
    from govkg.pipeline import default_jobs

    out, err = Console(), Console(stderr=True)
    if scheduler is not None and jobs is not None:
        _err(err, "--jobs and --scheduler exclude each other: the cluster's workers do the work")
        sys.exit(EXIT_FAILED)
    if scheduler is not None:
        _quiet_dask()
    # redrawn after each document, not by a thread of its own: with no other thread running, the
    # build may fork its workers (see govkg.pipeline.iter_outputs)
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), console=err, transient=True, auto_refresh=False) as bar:
        task = bar.add_task("build", total=None, rate="")
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            rate = done / max(time.perf_counter() - started, 1e-9)
            bar.update(task, completed=done, total=total, rate=f"{rate:.1f} docs/s" if done else "")
            bar.refresh()

        try:
            result = run_build(paths, out_dir, jobs=jobs or default_jobs(), store_dir=store_dir, html=not no_html,
                               progress=progress, curation_file=curation_file, min_confidence=min_confidence,
                               max_doc_mb=max_doc_mb, scheduler=scheduler, source_paths=source_paths)
        except GovkgError as exc:
            bar.stop()
            _err(err, str(exc))
            sys.exit(EXIT_FAILED)
    for w in result.warnings:
        _warn(err, w)
    for e in result.errors:
        _err(err, str(e))
    if result.stats is None:
        _err(err, "no document could be read; nothing written")
        sys.exit(EXIT_FAILED)
    if result.stats.page_dropped:
        from govkg.graph.merge import PAGE_MAX_ENTITIES

        _warn(err, f"{out_dir / 'graph.html'}: not written: {result.stats.page_dropped:,} entities are more than a page "
                   f"can show (at most {PAGE_MAX_ENTITIES:,}); use govkg serve, or govkg export --to html with "
                   "--region, --type or --ego")
    if result.stats.page_removed:
        _warn(err, f"{out_dir / 'graph.html'}: removed: it showed the graph before this build; build without "
                   "--no-html to make the page again")
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
@click.option("--docs", "doc_dirs", required=True, multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of input documents (repeatable); each gold file names one of them.")
@click.option("--gold", "gold_dirs", required=True, multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder of gold annotation *.json files (repeatable).")
@click.option("--judged", "judged_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="An audit sheet of entities judged by a reader (scripts/audit.py; repeatable): more examples.")
@click.option("--corpus", "corpus_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder the judged sheets' documents are named relative to (repeatable).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model [default: the one the package ships, decide/data/model.json].")
@click.option("--c", "c", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Inverse regularisation strength [default: govkg.decide.train.C].")
@click.option("--leave-one-out", "estimate", is_flag=True,
              help="Also score the rules alone and each document built by a model fitted on the others.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 unless the model file holds exactly this model.")
def train(doc_dirs: tuple[Path, ...], gold_dirs: tuple[Path, ...], judged_files: tuple[Path, ...],
          corpus_dirs: tuple[Path, ...], out_path: Path | None, c: float | None, estimate: bool, check: bool) -> None:
    """Train the learned decision (keep, retype or reject each candidate entity) from gold annotations.

    Needs scikit-learn (pip install 'govkg[train]'); building with the model does not.
    """
    from collections import Counter

    from govkg.decide.model import model_path
    from govkg.decide.train import C, read_judgements
    from govkg.decide.train import train as run_train
    from govkg.fileio import atomic_write

    err = Console(stderr=True)
    try:
        judged = [j for f in judged_files for j in read_judgements(f, corpus_dirs)]
        result = run_train(doc_dirs, gold_dirs, judged=judged, c=c or C, estimate=estimate)
    except GovkgError as exc:
        _err(err, str(exc))
        sys.exit(EXIT_FAILED)
    counts = Counter(r.label for r in result.examples)
    click.echo(f"{len(result.documents)} documents, {len(result.examples)} candidates: "
               + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
               + (f"; {result.judged_missing} judged entities no longer proposed" if judged_files else ""))
    if result.rules_only is not None and result.held_out is not None:
        click.echo("rules alone:\n" + result.rules_only.table())
        click.echo("each document decided by the model fitted on the others:\n" + result.held_out.table())
    target = out_path or model_path()
    text = result.model.to_json()
    if check:
        same = target.is_file() and target.read_text(encoding="utf-8") == text
        click.echo(f"{target}: {'the same model' if same else 'differs from this model'}")
        sys.exit(0 if same else EXIT_SKIPPED)
    with atomic_write(target) as f:
        f.write(text)
    click.echo(f"model ({len(result.model.weights)} features, classes {', '.join(result.model.classes)}) → {target}")


@main.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("query_text", metavar="QUERY", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query, bound as a string (repeatable), e.g. --param region=沿滩区.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Aligned table, SPARQL CSV or SPARQL JSON results.")
@click.option("--list", "list_queries", is_flag=True, help="List the ready-made queries and exit.")
def query(graph: Path | None, query_text: str | None, params: tuple[str, ...], fmt: str, list_queries: bool) -> None:
    """Run QUERY on GRAPH (a store folder, a build folder or an RDF file).

    QUERY is the name of a ready-made query (see --list), a .rq file or SPARQL text.
    """
    from govkg.graph.store import uses_named_graphs
    from govkg.query import format_result, open_graph, ready_queries, resolve_query, run_query

    err = Console(stderr=True)
    if list_queries:
        ready = ready_queries()
        width = max(map(len, ready), default=0)
        for name, spec in ready.items():
            args = " ".join(f"--param {p.name}=…" if p.required else f"[--param {p.name}=…]" for p in spec.params)
            click.echo(f"{name:<{width}}  {spec.description}" + (f"  ({args})" if args else ""))
        return
    if graph is None or query_text is None:
        _err(err, "give GRAPH and QUERY (or --list for the ready-made queries)")
        sys.exit(EXIT_FAILED)
    values: dict[str, str] = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            _err(err, f"--param {p!r}: expected NAME=VALUE")
            sys.exit(EXIT_FAILED)
        values[name.strip()] = value
    try:
        spec = resolve_query(query_text)
        with open_graph(graph, named_graphs=uses_named_graphs(spec.text)) as ds:
            result = run_query(ds, spec, values)
        text = format_result(result, fmt)
    except GovkgError as exc:
        _err(err, str(exc))
        sys.exit(EXIT_FAILED)
    click.echo(text, nl=not text.endswith("\n"))
    if fmt == "table" and result.boolean is None:
        err.print(f"{len(result.rows)} rows", highlight=False)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--to", "fmt", required=True, metavar="FORMAT",
              help="Output format: csv, cypher, gexf, graphml, html, jsonld, neo4j, nq, nt, trig, ttl.")
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path),
              help="Output file (a folder for neo4j and csv).")
@click.option("--region", help="html only: this region, everything located in it, and what they link to.")
@click.option("--type", "types", metavar="TYPES", help="html only: these entity types, e.g. Enterprise,Project.")
@click.option("--ego", metavar="NAME", help="html only: the entities within --depth links of NAME (a name or IRI).")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True, help="Link distance for --ego.")
@click.option("--max-nodes", type=click.IntRange(min=1), help="html only: keep the N best-connected entities.")
@click.option("--context", "context_url", metavar="URL",
              help="jsonld only: name the context by this URL (where you publish the context file written beside "
                   "the data) instead of putting it inline.")
@click.option("--dialect", type=click.Choice(["neo4j", "falkordb"]),
              help="cypher only: the engine the script is for (default neo4j).")
@MIN_CONFIDENCE
def export(graph: Path, fmt: str, out_path: Path, region: str | None, types: str | None, ego: str | None,
           depth: int, max_nodes: int | None, context_url: str | None, dialect: str | None,
           min_confidence: float) -> None:
    """Export GRAPH (a build folder or RDF file) to another format, e.g. --to neo4j --out neo4j/."""
    from govkg.export import get_exporter
    from govkg.export.subgraph import Selection
    from govkg.graph.quads import GraphSource

    err = Console(stderr=True)
    try:
        writer = get_exporter(fmt)
        selection = Selection(region=region, types=Selection.parse_types(types), ego=ego, depth=depth,
                              max_nodes=max_nodes)
        if selection and fmt != "html":
            raise GovkgError("--region, --type, --ego and --max-nodes only apply to --to html")
        if dialect and fmt != "cypher":
            raise GovkgError("--dialect only applies to --to cypher")
        options: dict[str, object] = {"selection": selection} if selection else {}
        if dialect:
            options["dialect"] = dialect
        if context_url is not None:
            if fmt != "jsonld":
                raise GovkgError("--context only applies to --to jsonld")
            options["context_url"] = context_url
        writer(GraphSource.of(graph, min_confidence), out_path, **options)
    except (GovkgError, OSError) as exc:
        _err(err, str(exc))
        sys.exit(EXIT_FAILED)
    click.echo(f"{fmt} → {out_path}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--examples", default=3, show_default=True, help="Example nodes shown per broken rule.")
def validate(graph: Path, examples: int) -> None:
    """Check GRAPH (a build folder or RDF file) against the SHACL shapes; exit 1 when a rule is broken."""
    from govkg.graph.quads import GraphSource
    from govkg.validate import validate_source

    try:
        report = validate_source(GraphSource.of(graph))
    except GovkgError as exc:
        _err(Console(stderr=True), str(exc))
        sys.exit(EXIT_FAILED)
    click.echo(report.text(examples))
    if not report.conforms:
        sys.exit(EXIT_INVALID)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, envvar="GOVKG_SPARQL_ENDPOINT", show_envvar=True,
              help="Graph Store URL (Virtuoso: http://HOST:PORT/sparql-graph-crud-auth), "
                   "or the update URL with --protocol update (Virtuoso: /sparql-auth).")
@click.option("--user", envvar="GOVKG_SPARQL_USER", show_envvar=True, help="User name (no auth without it).")
@click.option("--password", envvar="GOVKG_SPARQL_PASSWORD", show_envvar=True, help="Password.")
@click.option("--auth", type=click.Choice(["digest", "basic"]), default="digest", show_default=True,
              help="HTTP authentication scheme.")
@click.option("--protocol", type=click.Choice(["graph-store", "update"]), default="graph-store",
              show_default=True, help="SPARQL 1.1 Graph Store PUT, or SPARQL Update DROP + INSERT DATA.")
@click.option("--timeout", type=float, default=60.0, show_default=True,
              help="Seconds each request may take in all: connecting, sending, waiting for and reading the answer.")
def push(graph: Path, endpoint: str, user: str | None, password: str | None, auth: str, protocol: str,
         timeout: float) -> None:
    """Upload each document graph of GRAPH to a SPARQL server, replacing the server's copy of it."""
    from govkg.graph.load import load_graph
    from govkg.push import push_dataset

    err = Console(stderr=True)

    def progress(pushed, n: int, total: int) -> None:
        err.print(f"[{n}/{total}] {pushed.graph}  {pushed.triples} triples  {pushed.seconds:.1f} s",
                  markup=False, highlight=False, soft_wrap=True)

    try:
        done = push_dataset(load_graph(graph), endpoint, user=user, password=password, auth=auth,
                            protocol=protocol, timeout=timeout, progress=progress)
    except GovkgError as exc:
        _err(err, str(exc))
        sys.exit(EXIT_FAILED)
    click.echo(f"pushed {len(done)} graphs, {sum(p.triples for p in done):,} triples → {endpoint}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds a SPARQL query may run.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Rows (or triples) of the longest SPARQL answer; a longer one is refused (413).")
@click.option("--allow-service", is_flag=True,
              help="Run SPARQL SERVICE clauses, which make this server send requests to the addresses a query "
                   "names (refused by default: any web page you visit can send queries to this server).")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="Also answer requests addressed to NAME (repeatable), e.g. a name of this machine when "
                   "listening on 0.0.0.0; other Host headers are refused against DNS rebinding.")
@click.option("--workers", type=click.IntRange(min=1), default=5, show_default=True,
              help="SPARQL query worker processes. While a query waits for one, at most N-1 queries that have "
                   "run past 0.5 s go on (the newest other is stopped: 503 busy), so slow queries cannot starve "
                   "short ones.")
@click.option("--request-timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds a client has to send its whole request (a slower body gets 408, slower headers a "
                   "closed connection), and that sending an answer may wait for the client to read it.")
@MIN_CONFIDENCE
def serve(graph: Path, host: str, port: int, timeout: float, max_rows: int, allow_service: bool,
          allowed_hosts: tuple[str, ...], workers: int, request_timeout: float, min_confidence: float) -> None:
    """Browse GRAPH (a build folder, RDF file or store folder) in a local web app with a /sparql endpoint.

    The endpoint is read-only and makes no outgoing requests unless --allow-service is given.
    """
    from govkg.serve.app import Explorer, make_app_server

    err = Console(stderr=True)
    try:
        app = Explorer(graph, timeout=timeout, min_confidence=min_confidence, allow_service=allow_service,
                       max_rows=max_rows, allowed_hosts=allowed_hosts, workers=workers)
    except GovkgError as exc:
        _err(err, str(exc))
        sys.exit(EXIT_FAILED)
    try:
        server = make_app_server(app, host, port, request_timeout=request_timeout)
    except OSError as exc:
        app.close()
        _err(err, f"cannot listen on {host}:{port} ({exc})")
        sys.exit(EXIT_FAILED)
    click.echo(f"govkg serve: http://{host}:{server.server_port}/  (SPARQL: /sparql; Ctrl-C stops)")
    if allow_service:
        err.print("[bold yellow]warning:[/] --allow-service: SPARQL SERVICE clauses make this server send requests "
                  "to any address a query names", highlight=False, soft_wrap=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.close()


@main.command()
@click.argument("out_dir", metavar="OUT", type=click.Path(file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Uncertain entities, and probable duplicates, shown at most.")
@click.option("--type", "types", metavar="TYPES", help="Only these entity types, e.g. Enterprise,Project.")
@click.option("--decide", "decisions", multiple=True, metavar="DECISION",
              help="Record a decision instead of listing (repeatable), e.g. --decide 'reject Project 危房改造'; "
                   "accept|reject TYPE NAME, retype TYPE NAME NEWTYPE, rename TYPE NAME NEWNAME, merge TYPE NAME INTO.")
@click.option("-i", "--interactive", is_flag=True, help="Prompt for a decision on each item shown.")
@click.option("--curation", "curation_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Curation file to read and add to [default: OUT/curation.tsv].")
def review(out_dir: Path, limit: int, types: str | None, decisions: tuple[str, ...], interactive: bool,
           curation_file: Path | None) -> None:
    """List the least certain entities and the probable duplicates of the build in OUT, with their evidence.

    Decisions (--decide, or --interactive) go to the curation file, one per
    line, sorted; the next govkg build OUT applies them and records them on
    the entities (govkg:curation).
    """
    from govkg.curation import DEFAULT_NAME, Curation, add_decisions, parse_decision, read_curation
    from govkg.review import Reasons, duplicates, load_entities, uncertain
    from govkg.review.session import ask, duplicate_text, entity_text

    err = Console(stderr=True)
    path = curation_file or out_dir / DEFAULT_NAME
    try:
        wanted = _entity_types(types)
        entities = load_entities(out_dir)
        curation = read_curation(path) if path.is_file() else Curation()
        if decisions:
            known = {e.subject for e in entities} | {d.subject for d in curation.decisions}
            taken = []
            for text in decisions:
                try:
                    d = parse_decision(text)
                except ValueError as exc:
                    raise GovkgError(f"--decide {text!r}: {exc}") from None
                if d.subject not in known:
                    raise GovkgError(f"--decide {text!r}: no {d.type} named {d.label} in {out_dir} "
                                     "(govkg review lists the names)")
                taken.append(d)
            _recorded(add_decisions(path, taken), path)
            return
        pending = sum(1 for d in curation.decisions if d.verb != "accept" and d.subject in {e.subject for e in entities})
        if pending:
            err.print(f"{pending} decisions of {path} are not in this build yet: run govkg build again",
                      markup=False, highlight=False)
        shown = uncertain(entities, curation, types=wanted, limit=limit)
        why = Reasons(out_dir)
        pairs = duplicates(entities, curation, types=wanted, limit=limit)
        if interactive:
            click.echo(f"Least certain entities ({len(shown)}), then probable duplicates ({len(pairs)}); "
                       f"decisions go to {path}")
            _recorded(add_decisions(path, ask(shown, pairs, explain=why)), path)
            return
        click.echo(f"Least certain entities ({len(shown)}):")
        for n, e in enumerate(shown, 1):
            click.echo(entity_text(n, e, why(e)))
        click.echo(f"\nProbable duplicates ({len(pairs)}):")
        for n, p in enumerate(pairs, 1):
            click.echo(duplicate_text(n, p))
    except GovkgError as exc:
        _err(err, str(exc))
        sys.exit(EXIT_FAILED)


def _entity_types(text: str | None) -> tuple[str, ...]:
    """``--type`` as entity type names; GovkgError for an unknown one."""
    out = []
    for word in filter(None, (w.strip() for w in (text or "").split(","))):
        match = [t for t in ENTITY_TYPES if t.lower() == word.lower()]
        if not match:
            raise GovkgError(f"--type {word!r}: unknown type; expected one of {', '.join(ENTITY_TYPES)}")
        out.append(match[0])
    return tuple(out)


def _recorded(done, path: Path) -> None:
    for d, old in done:
        click.echo(f"{d.text()}" + (f"  (replaces: {old.text()})" if old and old != d else "") + f"  → {path}")
    if done:
        click.echo("govkg build applies them to the next build.")


def _summary(console: Console, result, out_dir: Path) -> None:
    stats = result.stats
    table = Table(title=f"govkg build → {out_dir}", show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents read", str(result.documents))
    if result.unchanged:
        table.add_row("  unchanged since last build", str(result.unchanged))
    if result.removed:
        table.add_row("  removed (no longer in input)", str(result.removed))
    if result.errors:
        table.add_row("documents skipped", str(len(result.errors)), style="red")
    for t in ENTITY_TYPES:
        table.add_row(f"  {t}", str(stats.entities.get(t, 0)))
    table.add_row("relations", str(stats.relations))
    table.add_row("triples", str(stats.triples))
    speed = result.chars / result.seconds / 1000 if result.seconds else 0.0
    table.add_row("time", f"{result.seconds:.1f} s ({speed:.0f} k chars/s)" if result.added else
                  f"{result.seconds:.1f} s (nothing to build)")
    console.print(table)


if __name__ == "__main__":  # pragma: no cover
    main()

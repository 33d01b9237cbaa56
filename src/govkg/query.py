"""SPARQL over a govkg graph: ready-made queries with safe parameters, and result formats.

A query is the name of a ready-made query (``ontology/queries/NAME.rq``), a
path to a ``.rq`` file, or SPARQL text. A query file starts with comment
lines: the first is its description, and ``# param NAME: text`` (or
``# param NAME (optional): text``) declares a parameter. A parameter's value is
a plain string literal (or, declared ``(optional, decimal)``, a number from 0
to 1 bound as ``xsd:decimal``, 0 when not given), handed to the engine as a bound value (rdflib
``initBindings``, Oxigraph substitutions), never pasted into the query text;
so quotes, backslashes or braces in a value cannot change the query.
Oxigraph only substitutes variables that the query projects, so a query
``SELECT``s each of its parameters; for declared parameters those columns
(which only repeat the value given) are left out of the result.

>>> from rdflib import Dataset, Literal, URIRef
>>> from rdflib.namespace import RDFS
>>> ds = Dataset(default_union=True)
>>> _ = ds.graph(URIRef("https://example.org/doc")).add((URIRef("https://example.org/r"), RDFS.label, Literal("沿滩区")))
>>> q = "# Things named so.\\n# param name: a label\\nSELECT ?name ?x WHERE { ?x ?p ?l FILTER(STR(?l) = ?name) }"
>>> result = run_query(ds, q, {"name": '沿滩区"} #'})
>>> result.columns, len(result.rows)
(('x',), 0)
>>> to_csv(run_query(ds, q, {"name": "沿滩区"})).splitlines()
['x', 'https://example.org/r']
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

from rdflib import BNode, Dataset, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.term import Node

from govkg.errors import GovkgError

FORMATS: tuple[str, ...] = ("table", "csv", "json")
"""Output formats of :func:`format_result`."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PARAM = re.compile(r"#\s*param\s+([A-Za-z_]\w*)\s*(?:\(\s*(optional)\s*(?:,\s*(decimal)\s*)?\))?\s*:\s*(.*)")
_NAME = re.compile(r"[A-Za-z0-9_][\w.-]*")
_POSITION = re.compile(r"(?:error at |line:?\s*)(\d+)[:,]\s*(?:col:?\s*)?(\d+)")
_SERVICE = re.compile("service", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s{}()<>\"'#,;]*")
DECIMAL_DIGITS = 18
"""Digits after the point of a decimal parameter, at most (Oxigraph's decimals hold no more)."""


class QueryError(GovkgError):
    """A query that cannot be found, parsed or run, or a bad parameter.

    >>> str(QueryError("unknown query name 'x'"))
    "unknown query name 'x'"
    """


class ServiceRefused(QueryError):
    """A query with a ``SERVICE`` clause (which makes the engine send HTTP requests) where those are not allowed."""


class ResultTooLarge(QueryError):
    """An answer with more rows (or triples) than the caller takes."""


@dataclass(frozen=True, slots=True)
class Param:
    """A parameter a query file declares."""

    name: str
    description: str
    required: bool = True
    decimal: bool = False  # a number from 0 to 1 (a confidence), bound as xsd:decimal


@dataclass(frozen=True, slots=True)
class QuerySpec:
    """A query's text and what its leading comments declare."""

    name: str
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()


@dataclass(frozen=True, slots=True)
class QueryResult:
    """Rows of a SELECT (or CONSTRUCT/DESCRIBE: subject, predicate, object), or an ASK answer.

    ``rows`` hold rdflib terms, ``None`` where a variable is unbound.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]
    boolean: bool | None = None


def parse_spec(text: str, name: str = "query") -> QuerySpec:
    """The description and parameters declared by the leading ``#`` comment lines of ``text``.

    >>> spec = parse_spec("# Regions.\\n# param region (optional): a name\\n# param c (optional, decimal): x\\nSELECT * {}")
    >>> spec.description, spec.params[0]
    ('Regions.', Param(name='region', description='a name', required=False, decimal=False))
    >>> spec.params[1].decimal
    True
    """
    description = ""
    params: list[Param] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _PARAM.fullmatch(line)
        if m:
            params.append(Param(m.group(1), m.group(4).strip(), required=not m.group(2), decimal=bool(m.group(3))))
        elif not description:
            description = line.lstrip("#").strip()
    return QuerySpec(name, text, description, tuple(params))


def ready_queries() -> dict[str, QuerySpec]:
    """The ready-made queries shipped in ``govkg/ontology/queries``, by name (sorted).

    >>> "region-hierarchy" in ready_queries()
    True
    """
    folder = resources.files("govkg.ontology").joinpath("queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_spec(entry.read_text(encoding="utf-8"), name)
    return found


def resolve_query(query: str) -> QuerySpec:
    """A ready-made query's name, a path to a ``.rq`` file, or SPARQL text, as a :class:`QuerySpec`.

    >>> resolve_query("SELECT * WHERE { ?s ?p ?o }").name
    'query'
    >>> resolve_query("evidence").params[0].name
    'entity'
    """
    ready = ready_queries()
    if query in ready:
        return ready[query]
    path = Path(query)
    if query.endswith(".rq") or (_NAME.fullmatch(query) and path.is_file()):
        try:
            return parse_spec(path.read_text(encoding="utf-8"), path.stem)
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query file ({exc.__class__.__name__}: {exc})") from None
    if _NAME.fullmatch(query):
        raise QueryError(f"unknown query name {query!r}; ready-made queries: {', '.join(ready)}")
    return parse_spec(query)


def bindings_for(spec: QuerySpec, params: Mapping[str, str]) -> dict[Variable, Literal]:
    """Each parameter as a bound plain literal, checked against what ``spec`` declares.

    A query that declares no parameter takes any (each binds the variable of
    its name); otherwise unknown names and missing required ones are errors,
    and a missing optional one is the empty string.

    >>> bindings_for(parse_spec("SELECT ?x {}"), {"x": 'a"}'})
    {rdflib.term.Variable('x'): rdflib.term.Literal('a"}')}
    """
    for name in params:
        if not re.fullmatch(r"[A-Za-z_]\w*", name, flags=re.ASCII):  # Oxigraph refuses some of Unicode's \w (A²)
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
    if not spec.params:
        return {Variable(k): Literal(v) for k, v in params.items()}
    declared = {p.name: p for p in spec.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise QueryError(f"query {spec.name} has no parameter {unknown[0]!r}; it takes: {_param_names(spec)}")
    missing = [p.name for p in spec.params if p.required and p.name not in params]
    if missing:
        raise QueryError(f"query {spec.name} needs --param {missing[0]}=VALUE ({declared[missing[0]].description})")
    return {Variable(p.name): _decimal(p, params.get(p.name)) if p.decimal else Literal(params.get(p.name, ""))
            for p in spec.params}


def _decimal(param: Param, value: str | None) -> Literal:
    """A decimal parameter's value, 0 when not given (or blank), with at most 18 digits after the point (Oxigraph's
    decimals have no more: a longer one compares with nothing) and written without an exponent (which
    ``xsd:decimal`` has not: ``"1E-7"^^xsd:decimal`` is ill-typed).

    >>> _decimal(Param("c", "", False, True), "0.75")
    rdflib.term.Literal('0.75', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    >>> str(_decimal(Param("c", "", False, True), "1E-7")), str(_decimal(Param("c", "", False, True), "0.500"))
    ('0.0000001', '0.5')
    """
    text = (value or "").strip() or "0"  # blank is not given
    try:
        number = Decimal(text).normalize()
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or not 0 <= number <= 1:
        raise QueryError(f"--param {param.name}={value}: expected a number from 0 to 1")
    if number.as_tuple().exponent < -DECIMAL_DIGITS:
        raise QueryError(f"--param {param.name}={value}: at most {DECIMAL_DIGITS} digits after the point")
    return Literal(format(number, "f"), datatype=XSD.decimal)


def run_query(dataset: Dataset, query: str | QuerySpec, params: Mapping[str, str] | None = None, *,
              max_rows: int | None = None, allow_service: bool = True) -> QueryResult:
    """Run ``query`` on ``dataset`` with ``params`` bound; rows as rdflib terms.

    ``dataset`` is any rdflib Dataset: in memory (rdflib's engine) or opened
    with :mod:`govkg.graph.store` (Oxigraph's engine). Raises :class:`QueryError`
    for a malformed query (with its line and column) or one that cannot run;
    :class:`ResultTooLarge` when the answer has more than ``max_rows`` rows or
    triples (a SELECT's rows are read no further than that); and, unless
    ``allow_service``, :class:`ServiceRefused` before running a query that
    holds a ``SERVICE`` clause (see :func:`refuse_service`).
    """
    spec = query if isinstance(query, QuerySpec) else resolve_query(query)
    bindings = bindings_for(spec, params or {})
    if not allow_service:
        refuse_service(spec, {prefix: str(ns) for prefix, ns in dataset.namespaces()})
    try:
        result = dataset.query(spec.text, initBindings=bindings)
        if result.type == "ASK":
            return QueryResult((), (), bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            if max_rows is not None and len(result.graph) > max_rows:
                raise ResultTooLarge(f"the answer has more than {max_rows:,} triples")
            triples = sorted(result.graph, key=lambda t: tuple(map(str, t)))
            return QueryResult(("subject", "predicate", "object"), tuple(tuple(t) for t in triples))
        columns = [str(v) for v in result.vars or ()]
        rows = [tuple(row) for row in itertools.islice(result, None if max_rows is None else max_rows + 1)]
        if max_rows is not None and len(rows) > max_rows:
            raise ResultTooLarge(f"the answer has more than {max_rows:,} rows")
    except QueryError:
        raise
    except SyntaxError as exc:  # Oxigraph's parser
        raise QueryError(_syntax_message(spec, exc.msg if exc.msg else str(exc))) from None
    except Exception as exc:  # rdflib's parser (pyparsing) and either engine at run time
        if exc.__class__.__name__ in ("ParseException", "ParseSyntaxException"):
            raise QueryError(_syntax_message(spec, str(exc))) from None
        raise QueryError(f"query {spec.name} cannot run: {_first_line(exc)}") from None
    hide = {p.name for p in spec.params}
    keep = [i for i, c in enumerate(columns) if c not in hide]
    return QueryResult(tuple(columns[i] for i in keep),
                       tuple(tuple(_plain(row[i]) for i in keep) for row in rows))


def refuse_service(spec: QuerySpec, prefixes: Mapping[str, str] | None = None) -> None:
    """Raise :class:`ServiceRefused` when Oxigraph would read a ``SERVICE`` clause in ``spec``.

    Oxigraph runs a ``SERVICE`` clause by sending the query to the address it
    names. To tell the keyword from the same letters in a name, string, IRI or
    comment, the query is parsed (by Oxigraph, on an empty store, with
    ``prefixes`` declared as the dataset declares them) with every "service",
    in any case and anywhere, spelt "servicx": that text parses unless one of
    them was the keyword, and then the query is refused. The query itself is
    never handed to the engine here (even parsing an ``ASK`` runs it). When the
    renamed text is malformed away from those words, :class:`QueryError` says
    where, as for any malformed query.

    >>> refuse_service(parse_spec('SELECT ?service WHERE { ?service ?p "Service" } # no SERVICE here'))
    >>> refuse_service(parse_spec("SELECT * WHERE { service <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"))
    Traceback (most recent call last):
    ...
    govkg.query.ServiceRefused: SPARQL query (query) has a SERVICE clause at line 1, column 18, which would send requests to another server
    """
    words = list(_SERVICE.finditer(spec.text))
    if not words:
        return
    probe = _SERVICE.sub(lambda m: m.group()[:-1] + ("X" if m.group()[-1] == "E" else "x"), spec.text)
    import pyoxigraph

    try:
        pyoxigraph.Store().query(probe, prefixes=dict(prefixes or {}))
    except SyntaxError as exc:
        at = _offset(probe, exc.msg if exc.msg else str(exc))
        # Oxigraph stops just after the renamed keyword, or after a name glued to it (servicxe:x)
        near = [m for m in words if at is None or m.start() <= at <= _TOKEN.match(probe, m.end()).end() + 2]
        if not near:
            raise QueryError(_syntax_message(spec, exc.msg if exc.msg else str(exc))) from None
        line = spec.text.count("\n", 0, near[0].start()) + 1
        column = near[0].start() - (spec.text.rfind("\n", 0, near[0].start()) + 1) + 1
        raise ServiceRefused(f"SPARQL query ({spec.name}) has a SERVICE clause at line {line}, column {column}, "
                             "which would send requests to another server") from None
    except Exception:  # an empty store answers any query that parses; nothing else is expected here
        return


def _offset(text: str, message: str) -> int | None:
    """The character offset into ``text`` of a parser's ``line:column`` position in ``message``."""
    m = _POSITION.search(_first_line(message))
    if not m:
        return None
    line, column = int(m.group(1)), int(m.group(2))
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    return starts[line - 1] + column - 1 if 0 < line <= len(starts) else None


@contextmanager
def open_graph(path: Path | str, *, named_graphs: bool = True) -> Iterator[Dataset]:
    """The graph at ``path`` as a Dataset to query, released on exit.

    ``path`` is a store folder (``govkg build --store``; preferred when a folder
    is both; queried where it lies), a build output folder or an RDF file
    (parsed into memory). Every source runs on Oxigraph with the union of the
    document graphs as default graph, so all give the same rows. A build
    folder's document graphs are loaded only with ``named_graphs`` (queries
    that name no graph run faster without them; see :mod:`govkg.graph.store`);
    :func:`govkg.graph.store.uses_named_graphs` tells whether a query needs them.
    """
    from govkg.graph.store import close_store, is_store, load_memory_store, open_store

    ds = open_store(path) if is_store(path) else load_memory_store(path, named_graphs=named_graphs)
    try:
        yield ds
    finally:
        close_store(ds)


def format_result(result: QueryResult, fmt: str) -> str:
    """``result`` as an aligned table, SPARQL CSV or SPARQL JSON text."""
    writers = {"table": to_table, "csv": to_csv, "json": to_json}
    if fmt not in writers:
        raise QueryError(f"unknown output format {fmt!r}; known: {', '.join(FORMATS)}")
    return writers[fmt](result)


def to_table(result: QueryResult) -> str:
    """Columns padded to the display width of their widest cell (CJK characters count two).

    >>> print(to_table(QueryResult(("区", "n"), ((Literal("沿滩区"), Literal(1)),))))
    区      n
    ──────  ─
    沿滩区  1
    """
    from rich.cells import cell_len

    if result.boolean is not None:
        return "yes" if result.boolean else "no"
    header = list(result.columns)
    body = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([cell_len(header[i])] + [cell_len(r[i]) for r in body]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(header), line(["─" * w for w in widths])] + [line(r) for r in body])


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV results: a header of variable names, plain values, empty when unbound.

    >>> to_csv(QueryResult(("a", "b"), ((Literal("x,y"), None),)))
    'a,b\\r\\n"x,y",\\r\\n'
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return out.getvalue()
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if v is None else f"_:{v}" if isinstance(v, BNode) else str(v) for v in row])
    return out.getvalue()


def to_json(result: QueryResult) -> str:
    """SPARQL 1.1 JSON results (``head``/``results.bindings``, or ``boolean`` for ASK).

    >>> to_json(QueryResult(("x",), ((Literal("区", lang="zh"),),)))
    '{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "区", "xml:lang": "zh"}}]}}'
    """
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [{c: _json_term(v) for c, v in zip(result.columns, row) if v is not None} for row in result.rows]
    return json.dumps({"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}, ensure_ascii=False)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return " ".join(str(term).split()) if isinstance(term, Literal) else str(term)


def _plain(term: Node | None) -> Node | None:
    """``"x"^^xsd:string`` (as Oxigraph gives it) and ``"x"`` are one literal in RDF 1.1."""
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) == _XSD_STRING:
        return Literal(str(term))
    return term


def _syntax_message(spec: QuerySpec, message: str) -> str:
    first = _first_line(message)
    m = _POSITION.search(first)
    if not m:
        return f"malformed SPARQL query ({spec.name}): {first}"
    line, column = int(m.group(1)), int(m.group(2))
    detail = re.sub(r"\s*\(at char \d+\),?\s*\(line:\d+, col:\d+\)", "", first)
    detail = re.sub(r"^error at \d+:\d+:\s*", "", detail).strip()
    lines = spec.text.splitlines()
    near = lines[line - 1][max(column - 1, 0):].strip()[:30] if 0 < line <= len(lines) else ""
    where = f" near {near!r}" if near else ""
    return f"malformed SPARQL query ({spec.name}) at line {line}, column {column}{where}: {detail}"


def _param_names(spec: QuerySpec) -> str:
    return ", ".join(p.name + ("" if p.required else " (optional)") for p in spec.params) or "(none)"


def _first_line(value: object) -> str:
    text = str(value).strip()
    return text.splitlines()[0] if text else value.__class__.__name__

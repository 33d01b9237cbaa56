"""The read-only SPARQL 1.1 Protocol endpoint: request parsing, result formats, a query deadline.

Queries run in worker processes (:mod:`govkg.serve.pool`), several at a time,
so that a query that passes its deadline can be stopped by ending its process
(answered 503; a new worker takes its place in the background) and one slow
query does not hold up the others: while a query waits for a worker, at most
``workers - 1`` queries that have run past :data:`LONG_AFTER` seconds go on,
the newest of any more is stopped and answered 503 "busy", so short queries
are not starved by slow ones (see :class:`QueryRunner`). SPARQL Update is refused (403 for an ``update``
request, 400 for update text sent as a query, which the query parser
rejects), and the graph is opened read-only or copied into memory.

The endpoint makes no outgoing requests: a query with a ``SERVICE`` clause is
refused with 403 before it runs (:func:`govkg.query.refuse_service`), and the
workers cannot open an internet socket at all (:mod:`govkg.serve.sandbox`),
unless the server was started with ``allow_service``. Query text over
:data:`MAX_QUERY_BYTES` is refused with 413 (a request body over
:data:`MAX_BODY_BYTES` is not even parsed), and so is an answer of more than
``max_rows`` rows or triples (a SELECT's rows are read no further than that).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs

from govkg.errors import GovkgError

log = logging.getLogger(__name__)

RESULT_TYPES: Mapping[str, str] = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "xml": "application/sparql-results+xml",
}
"""Result format name -> media type of SELECT and ASK answers."""

_ALIASES = {"application/sparql-results+json": "json", "application/json": "json", "text/csv": "csv",
            "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml"}
_GRAPH_TYPE = "application/n-triples"

MAX_QUERY_BYTES = 256 * 1024
"""The longest query text (UTF-8 bytes) the endpoint takes."""

MAX_BODY_BYTES = 4 * MAX_QUERY_BYTES
"""The longest request body read (a form percent-encodes a query to up to three times its size)."""

MAX_ROWS = 100_000
"""Rows (or triples) of the longest answer, unless the server is told otherwise."""

WORKERS = 5
"""Query worker processes of a server, unless told otherwise (``govkg serve --workers``)."""

LONG_AFTER = 0.5
"""Seconds after which a running query counts as long (see :class:`QueryRunner`)."""

SERVICE_HINT = ("this endpoint makes no outgoing requests, so SERVICE clauses are refused "
                "(start govkg serve with --allow-service to allow them)")


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, media type and body."""

    status: int
    content_type: str
    body: bytes
    filename: str | None = None  # sent as a file of this name (Content-Disposition: attachment)

    @classmethod
    def text(cls, status: int, message: str) -> Answer:
        """A plain-text answer (an error message)."""
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def negotiate(accept: str | None, fmt: str | None) -> str | None:
    """The result format asked for: the ``format`` parameter, else the best ``Accept`` type, else json.

    ``None`` when only unsupported types are acceptable.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", None)
    'json'
    >>> negotiate("application/json", "csv"), negotiate(None, None), negotiate("image/png", None)
    ('csv', 'json', None)
    """
    if fmt:
        fmt = fmt.strip().lower()
        return fmt if fmt in RESULT_TYPES else _ALIASES.get(fmt)
    if not accept:
        return "json"
    choices = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        q = 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        media = bits[0].lower()
        if media in ("*/*", "application/*"):
            name = "json"
        else:
            name = _ALIASES.get(media)
        if name and q > 0:
            choices.append((-q, i, name))
    return min(choices)[2] if choices else None


class Request(NamedTuple):
    """A SPARQL Protocol request as the endpoint reads it.

    ``params`` are the values of ``param.NAME`` fields, bound to the query's
    variables as plain literals (the query's ``# param`` comments say which it
    takes, see :func:`govkg.query.bindings_for`); ``download`` asks for the
    answer as a file (``Content-Disposition: attachment``).
    """

    query: str | None
    fmt: str | None
    params: dict[str, str]
    download: bool
    error: Answer | None


def parse_request(method: str, query_string: str, content_type: str, body: bytes) -> Request:
    """The query text, format, parameters and download wish of a SPARQL Protocol request, or its error answer.

    >>> r = parse_request("GET", "query=ASK%7B%7D&format=csv&param.region=%E6%B2%99", "", b"")
    >>> r.query, r.fmt, r.params, r.download, r.error
    ('ASK{}', 'csv', {'region': '沙'}, False, None)
    """
    params = parse_qs(query_string, keep_blank_values=True)
    media = content_type.split(";")[0].strip().lower()
    if method == "POST":
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            for key, value in form.items():
                params.setdefault(key, []).extend(value)
        elif media == "application/sparql-query":
            params.setdefault("query", []).append(body.decode("utf-8", "replace"))
        elif media == "application/sparql-update":
            return _refused(Answer.text(403, "this endpoint is read-only: SPARQL Update is refused"))
        else:
            return _refused(Answer.text(415, f"unsupported content type {media or '(none)'}; "
                                             "send application/sparql-query or a form"))
    elif method not in ("GET", "HEAD"):
        return _refused(Answer.text(405, "use GET or POST"))
    if "update" in params:
        return _refused(Answer.text(403, "this endpoint is read-only: SPARQL Update is refused"))
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        return _refused(Answer.text(400, "give exactly one non-empty query parameter"))
    if len(queries[0].encode("utf-8")) > MAX_QUERY_BYTES:
        return _refused(too_long(len(queries[0].encode("utf-8"))))
    bound = {key[len("param."):]: values[-1] for key, values in params.items() if key.startswith("param.")}
    download = (params.get("download") or [""])[-1] not in ("", "0", "false")
    return Request(queries[0], (params.get("format") or [None])[0], bound, download, None)


def _refused(answer: Answer) -> Request:
    return Request(None, None, {}, False, answer)


def too_long(size: int, what: str = "query") -> Answer:
    """The 413 answer to a query (or request body) of ``size`` bytes, over the limit."""
    limit = MAX_QUERY_BYTES if what == "query" else MAX_BODY_BYTES
    return Answer.text(413, f"the {what} is {size:,} bytes long; this endpoint takes a {what} of at most "
                            f"{limit:,} bytes")


class QueryRunner:
    """Runs queries in a pool of worker processes (:mod:`govkg.serve.pool`), each query with a deadline.

    A query waits for a free worker, the longest-waiting first, at most ``timeout``
    seconds and only behind :data:`~govkg.serve.pool.MAX_WAITING` others (else 503
    busy). A query still running after :data:`LONG_AFTER` seconds is *long*.
    While a query waits, at most ``workers - 1`` long queries run: when every
    worker is taken and all of them run long queries, or one more than that
    becomes long, the newest long query is stopped and answered 503 busy, so
    the waiting query gets its worker within about :data:`LONG_AFTER` seconds
    however many slow queries are sent. A query still running at ``timeout`` is
    stopped and answered 503. A stopped query's worker is killed and replaced
    in the background (in milliseconds).

    >>> runner = QueryRunner("/nonexistent", timeout=0, workers=3)
    >>> runner.timeout, runner.long_limit
    (0, 2)
    """

    def __init__(self, source: Path | str, *, timeout: float = 10.0, start_timeout: float = 120.0,
                 allow_service: bool = False, max_rows: int = MAX_ROWS, workers: int = WORKERS) -> None:
        from govkg.serve.pool import WorkerPool

        self.source = str(source)
        self.timeout = timeout
        self.workers = workers
        self._pool = WorkerPool(self.source, size=workers, run="govkg.serve.sparql:run_formatted",
                                run_options={"allow_service": allow_service, "max_rows": max_rows},
                                allow_service=allow_service, start_timeout=start_timeout)
        self.long_limit = self._pool.long_limit

    @property
    def sandboxed(self) -> bool | None:
        """Whether the workers run without network (known once they started)."""
        return self._pool.sandboxed

    def start(self) -> None:
        """Start the workers in the background (else the first query starts them)."""
        self._pool.start()

    def status(self) -> dict[str, int]:
        """Workers alive, free, running long queries, and queries waiting for one."""
        return self._pool.status()

    def pids(self) -> tuple[int | None, list[int]]:
        """The process ids of the process the workers are forked from and of the workers."""
        return self._pool.pids()

    def answer(self, query: str, fmt: str, params: Mapping[str, str] | None = None) -> Answer:
        """Run ``query`` with ``params`` bound and format its result (``fmt``: a :data:`RESULT_TYPES` name)."""
        from govkg.graph.store import uses_named_graphs

        needs_full = uses_named_graphs(query)
        try:
            worker = self._pool.take(needs_full, self.timeout)
        except GovkgError as exc:
            return Answer.text(500, str(exc))
        if worker is None:
            return Answer.text(503, f"busy: all {self.workers} query workers stayed taken, or too many queries "
                                    "were waiting for one; try again later")
        long = False
        try:
            worker.conn.send((query, fmt, dict(params or {})))
            done = worker.conn.poll(min(LONG_AFTER, self.timeout))
            if not done and self.timeout > LONG_AFTER:
                long = True
                self._pool.begin_long(worker)
                done = worker.conn.poll(self.timeout - LONG_AFTER)
            if not done:
                log.warning("query passed its %.1f s deadline; its worker is replaced", self.timeout)
                self._pool.discard(worker)
                return Answer.text(503, f"the query did not finish within {self.timeout:g} s and was stopped")
            kind, *rest = worker.conn.recv()
        except (EOFError, OSError):
            self._pool.discard(worker)
            if worker.stopped_busy:
                return Answer.text(503, f"busy: too many long queries (over {self.long_limit} ran past "
                                        f"{LONG_AFTER:g} s while others waited); this one was stopped, "
                                        "try again later")
            return Answer.text(500, "the query worker stopped")
        finally:
            if long:
                self._pool.end_long(worker)
        worker.full = worker.full or (needs_full and kind == "ok")
        self._pool.give_back(worker)
        if kind == "ok":
            content_type, body = rest
            return Answer(200, content_type, body)
        status, message = rest
        return Answer.text(status, message)

    def close(self) -> None:
        """End the workers."""
        self._pool.close()


def run_formatted(ds: Any, query: str, fmt: str, params: Mapping[str, str] | None = None,
                  allow_service: bool = False, max_rows: int = MAX_ROWS) -> tuple[Any, ...]:
    """What a worker answers: ``("ok", media type, body)`` or ``("error", status, message)``."""
    from govkg.query import QueryError, ResultTooLarge, ServiceRefused, parse_spec, run_query, to_csv, to_json

    spec = parse_spec(query)
    missing = [p for p in spec.params if p.required and p.name not in (params or {})]
    if missing:
        return ("error", 400, f"the query needs the parameter {missing[0].name} ({missing[0].description}): "
                              f"send it as param.{missing[0].name}=VALUE")
    try:
        result = run_query(ds, spec, params, max_rows=max_rows, allow_service=allow_service)
    except ServiceRefused as exc:
        return ("error", 403, f"{exc}; {SERVICE_HINT}")
    except ResultTooLarge as exc:
        return ("error", 413, f"{exc}, the most this endpoint returns: add LIMIT (and OFFSET for the next page), "
                              "or start govkg serve with a larger --max-rows")
    except QueryError as exc:
        return ("error", 400, str(exc))
    if result.columns == ("subject", "predicate", "object") and result.boolean is None and _is_graph(query):
        lines = "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in result.rows)
        return ("ok", _GRAPH_TYPE, lines.encode("utf-8"))
    if fmt == "csv":
        return ("ok", RESULT_TYPES["csv"] + "; charset=utf-8", to_csv(result).encode("utf-8"))
    if fmt == "xml":
        return ("ok", RESULT_TYPES["xml"], _to_xml(result))
    return ("ok", RESULT_TYPES["json"], to_json(result).encode("utf-8"))


def _is_graph(query: str) -> bool:
    """Whether ``query`` is a CONSTRUCT or DESCRIBE (its answer is RDF, not a table)."""
    import re

    text = re.sub(r"#[^\n]*", "", query)
    text = re.sub(r"(?is)\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", "", text)
    return bool(re.match(r"\s*(CONSTRUCT|DESCRIBE)\b", text, flags=re.IGNORECASE))


def _to_xml(result: Any) -> bytes:
    """SPARQL Query Results XML."""
    from xml.etree import ElementTree as ET

    from rdflib import BNode, Literal, URIRef

    ns = "http://www.w3.org/2005/sparql-results#"
    root = ET.Element("sparql", xmlns=ns)
    head = ET.SubElement(root, "head")
    if result.boolean is not None:
        ET.SubElement(root, "boolean").text = "true" if result.boolean else "false"
    else:
        for c in result.columns:
            ET.SubElement(head, "variable", name=c)
        rows = ET.SubElement(root, "results")
        for row in result.rows:
            r = ET.SubElement(rows, "result")
            for c, v in zip(result.columns, row):
                if v is None:
                    continue
                b = ET.SubElement(r, "binding", name=c)
                if isinstance(v, URIRef):
                    ET.SubElement(b, "uri").text = str(v)
                elif isinstance(v, BNode):
                    ET.SubElement(b, "bnode").text = str(v)
                else:
                    attrs = {}
                    if isinstance(v, Literal) and v.language:
                        attrs["xml:lang"] = v.language
                    elif isinstance(v, Literal) and v.datatype:
                        attrs["datatype"] = str(v.datatype)
                    ET.SubElement(b, "literal", attrs).text = str(v)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)

"""The read-only SPARQL 1.1 Protocol endpoint: request parsing, result formats, a query deadline.

Queries run in a separate worker process that opens the graph itself, so a
query that passes its deadline is stopped by ending that process (the next
query starts a fresh one) and answered with 503. SPARQL Update is refused
(403 for an ``update`` request, 400 for update text sent as a query, which the
query parser rejects), and the graph is opened read-only or copied into memory.

The endpoint makes no outgoing requests: a query with a ``SERVICE`` clause is
refused with 403 before it runs (:func:`govkg.query.refuse_service`), and the
worker cannot open an internet socket at all (:mod:`govkg.serve.sandbox`),
unless the server was started with ``allow_service``. Query text over
:data:`MAX_QUERY_BYTES` is refused with 413 (a request body over
:data:`MAX_BODY_BYTES` is not even parsed), and so is an answer of more than
``max_rows`` rows or triples (a SELECT's rows are read no further than that).
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
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

SERVICE_HINT = ("this endpoint makes no outgoing requests, so SERVICE clauses are refused "
                "(start govkg serve with --allow-service to allow them)")


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, media type and body."""

    status: int
    content_type: str
    body: bytes

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


def parse_request(method: str, query_string: str, content_type: str, body: bytes) -> tuple[str | None, str | None, Answer | None]:
    """(query text, format parameter, error answer) of a SPARQL Protocol request."""
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
            return None, None, Answer.text(403, "this endpoint is read-only: SPARQL Update is refused")
        else:
            return None, None, Answer.text(415, f"unsupported content type {media or '(none)'}; "
                                                "send application/sparql-query or a form")
    elif method not in ("GET", "HEAD"):
        return None, None, Answer.text(405, "use GET or POST")
    if "update" in params:
        return None, None, Answer.text(403, "this endpoint is read-only: SPARQL Update is refused")
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        return None, None, Answer.text(400, "give exactly one non-empty query parameter")
    if len(queries[0].encode("utf-8")) > MAX_QUERY_BYTES:
        return None, None, too_long(len(queries[0].encode("utf-8")))
    fmt = (params.get("format") or [None])[0]
    return queries[0], fmt, None


def too_long(size: int, what: str = "query") -> Answer:
    """The 413 answer to a query (or request body) of ``size`` bytes, over the limit."""
    limit = MAX_QUERY_BYTES if what == "query" else MAX_BODY_BYTES
    return Answer.text(413, f"the {what} is {size:,} bytes long; this endpoint takes a {what} of at most "
                            f"{limit:,} bytes")


class QueryRunner:
    """Runs queries in a worker process with a deadline; one query at a time.

    >>> QueryRunner("/nonexistent", timeout=0).timeout
    0
    """

    def __init__(self, source: Path | str, *, timeout: float = 10.0, start_timeout: float = 120.0,
                 allow_service: bool = False, max_rows: int = MAX_ROWS) -> None:
        self.source = str(source)
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.allow_service = allow_service
        self.max_rows = max_rows
        self.sandboxed: bool | None = None  # whether the worker runs without network (known once it started)
        self._lock = threading.Lock()
        self._proc: Any = None
        self._conn: Any = None

    def answer(self, query: str, fmt: str) -> Answer:
        """Run ``query`` and format its result (``fmt``: a :data:`RESULT_TYPES` name)."""
        if not self._lock.acquire(timeout=self.timeout):
            return Answer.text(503, f"the endpoint is busy; try again (deadline {self.timeout:g} s)")
        try:
            try:
                self._ensure_worker()
            except GovkgError as exc:
                return Answer.text(500, str(exc))
            self._conn.send((query, fmt))
            if not self._conn.poll(self.timeout):
                log.warning("query passed its %.1f s deadline; restarting the worker", self.timeout)
                self._stop()
                return Answer.text(503, f"the query did not finish within {self.timeout:g} s and was stopped")
            try:
                kind, *rest = self._conn.recv()
            except (EOFError, OSError):
                self._stop()
                return Answer.text(500, "the query worker stopped")
            if kind == "ok":
                content_type, body = rest
                return Answer(200, content_type, body)
            status, message = rest
            return Answer.text(status, message)
        finally:
            self._lock.release()

    def close(self) -> None:
        """End the worker process."""
        with self._lock:
            self._stop()

    def _ensure_worker(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self._stop()
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(theirs, self.source, self.allow_service, self.max_rows),
                           daemon=True, name="govkg-sparql")
        proc.start()
        theirs.close()
        if not ours.poll(self.start_timeout):
            proc.kill()
            raise GovkgError("the query worker did not start")
        try:
            kind, message = ours.recv()
        except EOFError:
            raise GovkgError("the query worker could not start") from None
        if kind != "ready":
            proc.join(5)
            raise GovkgError(f"the query worker cannot open the graph: {message}")
        self.sandboxed = message == "sandboxed"
        if not self.allow_service and not self.sandboxed:
            log.warning("the query worker runs with network access (no seccomp here); "
                        "SERVICE clauses are still refused before they run")
        self._proc, self._conn = proc, ours

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(10)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None


def _worker(conn: Any, source: str, allow_service: bool = False, max_rows: int = MAX_ROWS) -> None:
    """Worker process: open the graph, then answer ``(query, fmt)`` messages until the pipe closes.

    Unless ``allow_service``, the network is forbidden first (before the store starts threads of its own).
    A build folder's document graphs are loaded with the first query that names a graph.
    """
    from contextlib import ExitStack

    from govkg.graph.store import uses_named_graphs
    from govkg.query import open_graph
    from govkg.serve.sandbox import forbid_network

    sandboxed = not allow_service and forbid_network()
    with ExitStack() as stack:
        try:
            plain = stack.enter_context(open_graph(source, named_graphs=False))
        except GovkgError as exc:
            conn.send(("error", str(exc)))
            return
        conn.send(("ready", "sandboxed" if sandboxed else ""))
        full = None
        while True:
            try:
                query, fmt = conn.recv()
            except EOFError:
                return
            ds = plain
            if uses_named_graphs(query):
                try:
                    full = full or stack.enter_context(open_graph(source, named_graphs=True))
                except GovkgError as exc:
                    conn.send(("error", 500, str(exc)))
                    continue
                ds = full
            conn.send(_run(ds, query, fmt, allow_service, max_rows))


def _run(ds: Any, query: str, fmt: str, allow_service: bool = False, max_rows: int = MAX_ROWS) -> tuple[Any, ...]:
    from govkg.query import QueryError, ResultTooLarge, ServiceRefused, parse_spec, run_query, to_csv, to_json

    try:
        result = run_query(ds, parse_spec(query), max_rows=max_rows, allow_service=allow_service)
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

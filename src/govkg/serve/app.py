"""The local web app: search, entity pages, neighbourhood networks and ``/sparql``.

A WSGI application (standard library only) served by a threading
``wsgiref`` server (:mod:`govkg.serve.httpd`) bound to 127.0.0.1 unless told otherwise. Pages are Jinja2
templates with autoescaping; nothing is loaded from outside the server.

Routes: ``/`` and ``/search?q=`` (labels and aliases, simplified or
traditional), ``/entity?id=IRI``, ``/network?id=IRI&depth=N`` (the explorer
page restricted to the entity's neighbourhood), ``/sparql`` (SPARQL 1.1
Protocol, read-only, with a deadline, no ``SERVICE``, size limits: see
:mod:`govkg.serve.sparql`), ``/query`` (the SPARQL workbench: an editor, the
ready-made queries with fields for their parameters, results as a sortable
table with entity links, CSV and JSON downloads; ``?name=QUERY`` opens a
ready-made query, ``?query=TEXT`` any text) and ``/static/...``.

Every request must be addressed to the address the server listens on, and
``/sparql`` answers no request another site's page sends (see
:mod:`govkg.serve.guard`); no answer carries CORS headers.

Every connection has a deadline for its request and for each write of its
answer (:mod:`govkg.serve.httpd`); a request body that does not arrive in time
gets 408.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import logging
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote
from wsgiref.simple_server import WSGIServer

from govkg.query import open_graph
from govkg.serve.guard import HostGuard
from govkg.serve.httpd import REQUEST_TIMEOUT, make_server
from govkg.serve.sparql import (
    MAX_BODY_BYTES,
    MAX_ROWS,
    WORKERS,
    Answer,
    QueryRunner,
    negotiate,
    parse_request,
    too_long,
)

log = logging.getLogger(__name__)

MAX_RESULTS = 100
"""Search hits shown."""

MAX_NETWORK_NODES = 400
"""Neighbourhood views keep at most this many nodes (the best connected)."""

_STATIC = {"app.css": "text/css; charset=utf-8", "workbench.js": "text/javascript; charset=utf-8"}
_FIRST_QUERY = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

# entities of each type
SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type ORDER BY DESC(?n)
"""
_DRAIN_BYTES = 64 * 1024 * 1024  # a longer refused body is not read to its end (the client sees the connection close)


class Explorer:
    """The state of the app: the graph, its network data, a search index, the query runner."""

    def __init__(self, source: Path | str, *, timeout: float = 10.0, min_confidence: float = 0.0,
                 allow_service: bool = False, max_rows: int = MAX_ROWS, allowed_hosts: tuple[str, ...] = (),
                 workers: int = WORKERS) -> None:
        from govkg.export.html import network_data
        from govkg.export.subgraph import network
        from govkg.graph.confidence import unsure_entities
        from govkg.text.script import ScriptFolder

        self._stack = ExitStack()
        self.source = Path(source)
        self.dataset = self._stack.enter_context(open_graph(source, named_graphs=False))
        self.runner = QueryRunner(source, timeout=timeout, allow_service=allow_service, max_rows=max_rows,
                                  workers=workers)
        self._stack.callback(self.runner.close)
        try:
            self.runner.start()  # the query workers load the graph while this process makes the pages' data
            # the pages leave out unsure entities; /sparql answers over the whole graph (filter on govkg:confidence)
            self.data = network_data(self.dataset, leave_out=unsure_entities(self.dataset, min_confidence))
            self.graph = network(self.data)
        except BaseException:
            self._stack.close()
            raise
        self.by_id = {n["id"]: n for n in self.data["nodes"]}
        self.fold = ScriptFolder().fold
        self.index = [(n, [self.fold(x).lower() for x in [n["label"], *n["aliases"]]]) for n in self.data["nodes"]]
        self._templates = _environment()
        self.allowed_hosts = allowed_hosts
        self.guard: HostGuard | None = None  # set by listen_on (make_app_server): until then nothing is answered

    def listen_on(self, host: str, port: int) -> None:
        """Answer requests addressed to ``host``:``port`` (and the names :class:`HostGuard` adds)."""
        self.guard = HostGuard.listening(host, port, self.allowed_hosts)

    def close(self) -> None:
        """Release the graph and end the query worker."""
        self._stack.close()

    def search(self, text: str) -> list[dict[str, Any]]:
        """Nodes whose label or alias contains ``text`` (folded to simplified): exact, prefix, then inside."""
        q = self.fold(text.strip()).lower()
        if not q:
            return []
        hits = []
        for node, names in self.index:
            ranks = [(0 if name == q else 2 if name.startswith(q) else 4) + (i > 0)
                     for i, name in enumerate(names) if q in name]
            if ranks:
                hits.append((min(ranks), -node["degree"], node["id"], node))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[:MAX_RESULTS]]

    # --- WSGI -----------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        try:
            answer = self._refusal(path, environ) or self._route(path, environ)
        except Exception:  # a bug must answer 500, not drop the connection
            log.exception("error answering %s", path)
            answer = Answer.text(500, "internal error")
        headers = [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body))),
                   ("X-Content-Type-Options", "nosniff")]
        if answer.filename:
            headers.append(("Content-Disposition", f'attachment; filename="{answer.filename}"'))
        if answer.content_type.startswith("text/html"):
            headers.append(("Content-Security-Policy",
                            "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                            "style-src 'self' 'unsafe-inline'; img-src 'self' data:"))
        start_response(f"{answer.status} {_REASONS.get(answer.status, 'Error')}", headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else answer.body]

    def _refusal(self, path: str, environ: dict[str, Any]) -> Answer | None:
        """The answer to a request not addressed to this server, or sent to /sparql by another site's page."""
        if self.guard is None:
            return Answer.text(503, "the server has not said where it listens")
        host = environ.get("HTTP_HOST")
        if not self.guard.allows(host):
            return Answer.text(403, f"Host {host or '(none)'} is not the address this server listens on "
                                    f"(port {self.guard.port}); requests to other names are refused against "
                                    "DNS rebinding (govkg serve --allow-host NAME allows one)")
        if path == "/sparql" and not self.guard.same_site(environ):
            return Answer.text(403, "requests sent by pages of other sites are refused")
        return None

    def _route(self, path: str, environ: dict[str, Any]) -> Answer:
        params = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if path == "/sparql":
            return self._sparql(environ)
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return Answer.text(405, "use GET")
        if path in ("/", "/search"):
            q = params.get("q", "")
            return self._page("search.html.j2", q=q, hits=self.search(q) if q else [],
                              counts=self.data["legend"], total=len(self.data["nodes"]))
        if path == "/query":
            return self._workbench(params)
        if path == "/entity":
            return self._entity(params.get("id", ""))
        if path == "/network":
            return self._network(params.get("id", ""), params.get("depth", "1"))
        if path.startswith("/static/") and path[len("/static/"):] in _STATIC:
            name = path[len("/static/"):]
            body = importlib.resources.files("govkg.serve").joinpath(f"static/{name}").read_bytes()
            return Answer(200, _STATIC[name], body)
        return Answer.text(404, "not found")

    def _page(self, template: str, status: int = 200, **values: Any) -> Answer:
        html = self._templates.get_template(template).render(source=self.source.name, **values)
        return Answer(status, "text/html; charset=utf-8", html.encode("utf-8"))

    def _workbench(self, params: dict[str, str]) -> Answer:
        """The SPARQL workbench: an editor, the ready-made queries with their parameters, a result table."""
        from govkg.query import ready_queries

        ready = [{"name": spec.name, "description": spec.description, "text": spec.text,
                  "params": [{"name": p.name, "description": p.description, "required": p.required}
                             for p in spec.params]}
                 for spec in ready_queries().values()]
        chosen = params.get("name", "")
        text = params.get("query") or next((r["text"] for r in ready if r["name"] == chosen), "")
        return self._page("query.html.j2", ready=ready, chosen=chosen, text=text or _FIRST_QUERY,
                          timeout=self.runner.timeout)

    def _entity(self, iri: str) -> Answer:
        from govkg.serve.facts import entity_facts, region_indicators

        facts = entity_facts(self.dataset, iri) if iri in self.by_id else None  # a left-out entity is not shown
        if facts is None:
            return self._page("missing.html.j2", status=404, iri=iri)
        node = self.by_id.get(iri)
        indicators = region_indicators(self.dataset, iri) if "Region" in facts.types else ()
        return self._page("entity.html.j2", facts=facts, node=node, type_zh=_type_zh(), indicators=indicators)

    def _network(self, iri: str, depth_text: str) -> Answer:
        from govkg.export.html import render_html
        from govkg.export.subgraph import Selection, select

        node = self.by_id.get(iri)
        if node is None:
            return self._page("missing.html.j2", status=404, iri=iri)
        try:
            depth = max(0, min(int(depth_text), 4))
        except ValueError:
            return Answer.text(400, "depth must be a whole number")
        part = select(self.data, Selection(ego=iri, depth=depth, max_nodes=MAX_NETWORK_NODES), graph=self.graph)
        html = render_html(part, title=f"{node['label']} · {depth} 度关系网络", entity_link="/entity?id=")
        return Answer(200, "text/html; charset=utf-8", html.encode("utf-8"))

    def _sparql(self, environ: dict[str, Any]) -> Answer:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        stream = environ["wsgi.input"]
        if length > MAX_BODY_BYTES:
            if environ.get("HTTP_EXPECT", "").lower() != "100-continue":  # else the client waits to be told to send
                try:
                    _drain(stream, min(length, _DRAIN_BYTES))  # so that a client still sending reads the answer
                except TimeoutError:  # refused all the same
                    pass
            return too_long(length, "request body")
        try:
            body = stream.read(length) if length > 0 else b""
        except TimeoutError:
            return Answer.text(408, f"the request body ({length:,} bytes announced) did not arrive within "
                                    f"{environ.get('govkg.request_timeout', REQUEST_TIMEOUT):g} s; send it at once")
        request = parse_request(environ.get("REQUEST_METHOD", "GET"), environ.get("QUERY_STRING", ""),
                                environ.get("CONTENT_TYPE", ""), body)
        if request.error is not None:
            return request.error
        chosen = negotiate(environ.get("HTTP_ACCEPT"), request.fmt)
        if chosen is None:
            return Answer.text(406, "results come as application/sparql-results+json, "
                                    "application/sparql-results+xml or text/csv")
        answer = self.runner.answer(request.query, chosen, request.params)
        if request.download and answer.status == 200:
            extension = "nt" if answer.content_type.startswith("application/n-triples") else chosen
            answer = dataclasses.replace(answer, filename=f"govkg-result.{extension}")
        return answer


def make_app_server(app: Explorer, host: str = "127.0.0.1", port: int = 8000, *,
                    request_timeout: float = REQUEST_TIMEOUT) -> WSGIServer:
    """A threading HTTP server for ``app`` (``port=0``: any free port; see ``server.server_port``).

    Each connection must deliver its request within ``request_timeout`` seconds (see :mod:`govkg.serve.httpd`).
    """
    server = make_server(host, port, app, request_timeout=request_timeout)
    app.listen_on(host, server.server_port)
    return server


def _drain(stream: Any, length: int) -> None:
    """Read and drop ``length`` bytes of a request body, so that the client gets the answer."""
    while length > 0:
        chunk = stream.read(min(length, 1 << 16))
        if not chunk:
            return
        length -= len(chunk)


def entity_url(iri: str) -> str:
    """The path of an entity's page.

    >>> entity_url("https://w3id.org/govkg/id/region/511111")
    '/entity?id=https%3A%2F%2Fw3id.org%2Fgovkg%2Fid%2Fregion%2F511111'
    """
    return "/entity?id=" + quote(iri, safe="")


def _type_zh() -> dict[str, str]:
    from govkg.export.html import TYPE_NAMES_ZH

    return dict(TYPE_NAMES_ZH)


def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("govkg.serve", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    env.filters["entity_url"] = entity_url
    env.filters["network_url"] = lambda iri, depth=1: f"/network?id={quote(iri, safe='')}&depth={depth}"
    return env


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
            406: "Not Acceptable", 408: "Request Timeout", 413: "Content Too Large", 415: "Unsupported Media Type",
            500: "Internal Server Error", 503: "Service Unavailable"}

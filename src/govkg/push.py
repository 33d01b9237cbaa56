"""Upload each document's named graph to a SPARQL 1.1 server, replacing what the server had.

Two protocols, both idempotent (pushing twice leaves one copy of each graph):

``graph-store``
    SPARQL 1.1 Graph Store HTTP Protocol: one ``PUT ENDPOINT?graph=IRI`` per
    graph with an N-Triples body; the server swaps the graph in one request.
    Virtuoso: ``http://HOST:PORT/sparql-graph-crud-auth`` (digest auth).
``update``
    SPARQL 1.1 Update: ``DROP SILENT GRAPH <g>`` with the first ``INSERT DATA``
    chunk, then the remaining chunks (500 triples each by default: Virtuoso 7.2
    rejects an ``INSERT DATA`` of about 2,000 triples as too long). Not atomic:
    a failure midway leaves part of that graph on the server until the next push.
    Virtuoso: ``http://HOST:PORT/sparql-auth``.

Credentials come from the caller (the CLI reads options or the environment);
nothing here knows a host or a password. Every failure is an
:class:`~govkg.errors.OutputError` with a one-line message.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from govkg.errors import GovkgError, OutputError

log = logging.getLogger(__name__)

PROTOCOLS = ("graph-store", "update")
AUTH_SCHEMES = ("digest", "basic")
CONNECT_TIMEOUT = 10.0
TRIES = 4  # Virtuoso under load now and then drops a connection inside its answer, twice running seen in CI
RETRY_PAUSE = 0.5  # seconds before the second try; doubled before each next


@dataclass(frozen=True)
class PushedGraph:
    """One graph sent: its IRI, how many triples, how long it took."""

    graph: str
    triples: int
    seconds: float


def named_graphs(ds: Dataset) -> list[Graph]:
    """The non-empty named graphs of ``ds``, sorted by IRI (the default graph is left out)."""
    graphs = [g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]
    return sorted(graphs, key=lambda g: str(g.identifier))


def push_dataset(
    ds: Dataset,
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    auth: str = "digest",
    protocol: str = "graph-store",
    chunk_size: int = 500,
    timeout: float = 60.0,
    progress: Callable[[PushedGraph, int, int], None] | None = None,
) -> list[PushedGraph]:
    """Replace, on the server at ``endpoint``, every named graph of ``ds`` by its local content.

    ``progress(pushed, n, total)`` is called after each graph. Raises
    :class:`GovkgError` when ``ds`` has no named graph, :class:`OutputError` when
    the server cannot be reached or refuses a request.
    """
    if protocol not in PROTOCOLS:
        raise GovkgError(f"unknown protocol {protocol!r} (known: {', '.join(PROTOCOLS)})")
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise OutputError(f"{endpoint}: not an endpoint URL (give http://HOST:PORT/PATH)")
    graphs = named_graphs(ds)
    if not graphs:
        raise GovkgError("the graph has no named graphs to push (give a build folder or a .trig file)")
    session = _session(user, password, auth)
    send = _put_graph if protocol == "graph-store" else _update_graph
    done = []
    try:
        if user and auth == "digest":
            first = _graph_url(endpoint, graphs[0]) if protocol == "graph-store" else endpoint
            _authenticate(session, first, endpoint, timeout=timeout)
        for n, g in enumerate(graphs, 1):
            start = time.perf_counter()
            send(session, endpoint, g, chunk_size=chunk_size, timeout=timeout)
            pushed = PushedGraph(str(g.identifier), len(g), time.perf_counter() - start)
            log.info("pushed %s (%d triples)", pushed.graph, pushed.triples)
            done.append(pushed)
            if progress is not None:
                progress(pushed, n, len(graphs))
    finally:
        session.close()
    return done


def _session(user: str | None, password: str | None, auth: str):
    import requests
    from requests.auth import HTTPBasicAuth, HTTPDigestAuth

    if auth not in AUTH_SCHEMES:
        raise GovkgError(f"unknown auth scheme {auth!r} (known: {', '.join(AUTH_SCHEMES)})")
    session = requests.Session()
    if user:
        cls = HTTPDigestAuth if auth == "digest" else HTTPBasicAuth
        session.auth = cls(user, password or "")
    return session


def _ntriples(g: Graph) -> bytes:
    return g.serialize(format="nt", encoding="utf-8")


_UNAUTHORIZED = "401 Unauthorized (check --user/--password and --auth digest|basic)"


def _graph_url(endpoint: str, g: Graph) -> str:
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}graph={quote(str(g.identifier), safe='')}"


def _authenticate(session, url: str, endpoint: str, *, timeout: float) -> None:
    """Take the server's digest challenge with a request without a body (HEAD).

    The session then signs every later request at once. Without it the first
    upload goes out unsigned, and a server that answers 401 before reading the
    body (Virtuoso) may close the connection while the body is still being
    sent: the client then sees a reset connection instead of the 401.
    """
    response = _request(session, "HEAD", url, endpoint, timeout=timeout)
    if response.status_code == 401:
        raise OutputError(f"{endpoint}: {_UNAUTHORIZED}")


def _put_graph(session, endpoint: str, g: Graph, *, chunk_size: int, timeout: float) -> None:
    url = _graph_url(endpoint, g)
    _send(session, "PUT", url, endpoint, data=_ntriples(g),
          headers={"Content-Type": "application/n-triples; charset=utf-8"}, timeout=timeout)


def _update_graph(session, endpoint: str, g: Graph, *, chunk_size: int, timeout: float) -> None:
    iri = _iri(str(g.identifier))
    for i, chunk in enumerate(_chunks(_ntriples(g).decode("utf-8"), chunk_size)):
        head = f"DROP SILENT GRAPH {iri} ;\n" if i == 0 else ""
        update = f"{head}INSERT DATA {{ GRAPH {iri} {{\n{chunk}}} }}"
        _send(session, "POST", endpoint, endpoint, data=update.encode("utf-8"),
              headers={"Content-Type": "application/sparql-update; charset=utf-8"}, timeout=timeout)


def _chunks(nt: str, size: int) -> Iterator[str]:
    lines = [line for line in nt.splitlines(keepends=True) if line.strip()]
    for i in range(0, len(lines), max(1, size)):
        yield "".join(lines[i:i + size])


def _iri(iri: str) -> str:
    if re.search(r'[\s<>"{}|^`\\]', iri):
        raise GovkgError(f"graph name is not a valid IRI: {iri!r}")
    return f"<{iri}>"


class _Dropped(OutputError):
    """The server closed the connection inside its answer (Virtuoso now and then, under load)."""


def _send(session, method: str, url: str, endpoint: str, *, timeout: float, **kwargs) -> None:
    """One request, sent again (up to ``TRIES`` times in all, after a pause that doubles) when the server drops
    the connection inside its answer: every request a push makes may be repeated (a graph's PUT replaces it; an
    update's first chunk drops the graph, and inserting triples a graph holds changes nothing), so each may take
    ``TRIES`` times ``timeout`` at worst."""
    for attempt in range(TRIES):
        try:
            response = _request(session, method, url, endpoint, timeout=timeout, **kwargs)
            break
        except _Dropped:
            if attempt == TRIES - 1:
                raise
            time.sleep(RETRY_PAUSE * 2 ** attempt)
    if response.status_code == 401:
        raise OutputError(f"{endpoint}: {_UNAUTHORIZED}")
    if response.status_code >= 400:
        message = server_message(response.text)
        tail = f": {message}" if message else ""
        raise OutputError(f"{endpoint}: server answered {response.status_code} {response.reason}{tail}")


def _request(session, method: str, url: str, endpoint: str, *, timeout: float, data: bytes | None = None, **kwargs):
    """``session.request``, over in ``timeout`` seconds at most, with what can go wrong on the way as an
    :class:`OutputError`.

    ``timeout`` is a deadline for the whole request (connecting, sending the body, waiting for and
    reading the answer), not for each read: a server that trickles its answer a byte at a time
    cannot hold the push longer. The request runs in a thread of its own; at the deadline the
    session is closed and the message says whether the body was still being sent.
    """
    import requests

    body = _Body(data) if data is not None else None
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["response"] = session.request(method, url, data=body,
                                                  timeout=(min(CONNECT_TIMEOUT, timeout), timeout), **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="govkg-push-request", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        stage = "sending the request" if body is not None and not body.sent else "waiting for the answer"
        session.close()  # the abandoned request ends when its socket does; nothing waits for it
        raise OutputError(f"{endpoint}: timed out after {timeout:g} s while {stage}")
    error = outcome.get("error")
    if error is None:
        return outcome["response"]
    try:
        raise error
    except requests.exceptions.ConnectTimeout:
        raise OutputError(f"{endpoint}: cannot connect (no answer within {min(CONNECT_TIMEOUT, timeout):g} s)") from None
    except requests.exceptions.Timeout:
        raise OutputError(f"{endpoint}: no answer within {timeout:g} s (is it the right endpoint for "
                          f"this protocol? Virtuoso: /sparql-graph-crud-auth for graph-store, "
                          f"/sparql-auth for update)") from None
    except requests.exceptions.ConnectionError as exc:
        raise OutputError(f"{endpoint}: cannot connect ({_reason(exc)})") from None
    except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema) as exc:
        raise OutputError(f"{endpoint}: not a usable endpoint URL ({exc})") from None
    except requests.exceptions.ChunkedEncodingError as exc:
        raise _Dropped(f"{endpoint}: the server closed the connection inside its answer ({_reason(exc)})") from None
    except requests.exceptions.RequestException as exc:
        raise OutputError(f"{endpoint}: request failed ({_reason(exc)})") from None


class _Body(io.BytesIO):
    """A request body that knows whether it has been sent to the end (requests rewinds it to resend)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self._size = len(data)

    @property
    def sent(self) -> bool:
        return self.tell() >= self._size


def _reason(exc: Exception) -> str:
    text = str(exc)
    m = re.search(r"\[Errno -?\d+\] [^'\")]+", text)
    return m.group(0) if m else (text.splitlines()[0][:200] if text else exc.__class__.__name__)


def server_message(body: str, limit: int = 300) -> str:
    """The useful line of an error page: Virtuoso's ``<xmp>`` text, else the text without tags.

    >>> server_message("<html><h1>HTTP/1.1 403 Forbidden</h1><xmp>SQ110: Permission denied</xmp></html>")
    'SQ110: Permission denied'
    >>> server_message("Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error\\n\\nSPARQL query: ...")
    'Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error'
    >>> server_message("Virtuoso 42000 Error SR186: No permission SPARQL query: define sql:big-data-const 0 DROP")
    'Virtuoso 42000 Error SR186: No permission'
    """
    m = re.search(r"<xmp>(.*?)</xmp>", body, flags=re.S | re.I)
    if m:
        text = m.group(1)
    elif "<" in body and ">" in body:
        text = re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", body, flags=re.S | re.I)
    else:
        text = body.split("\n\n", 1)[0]
    text = text.split("SPARQL query:", 1)[0]  # Virtuoso echoes the whole request after this
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

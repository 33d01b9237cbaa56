"""`govkg push` against a real Virtuoso: per-graph counts, idempotence, same query answers, errors."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from importlib import resources
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from rdflib import RDFS, Dataset, Literal, URIRef
from requests.auth import HTTPDigestAuth

from govkg.cli import main
from govkg.errors import GovkgError, OutputError
from govkg.graph.load import load_graph
from govkg.ontology.namespaces import GOVKG
from govkg.push import TRIES, named_graphs, push_dataset
from tests.virtuoso import free_port, virtuoso  # noqa: F401  (the session fixture)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DOC_BASE = "https://w3id.org/govkg/doc/"
PREFIXES = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


QINGYUAN = ROOT / "tests/data/dev/01_qingyuanqu_2020_report.txt"  # a report that gives a project's investment


@pytest.fixture(scope="module")
def seeds_trig(tmp_path_factory) -> Path:
    """graph.trig of the seeds and one report of tests/data/dev (six documents), written by the real build."""
    from govkg.pipeline import build

    out = tmp_path_factory.mktemp("push-build") / "out"
    result = build([SEEDS, QINGYUAN], out, html=False)
    assert result.documents == 6 and not result.errors
    return out / "graph.trig"


@pytest.fixture(scope="module")
def seeds(seeds_trig) -> Dataset:
    return load_graph(seeds_trig)


def server_counts(server) -> dict[str, int]:
    rows = server.select(f"""SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(STRSTARTS(STR(?g), "{DOC_BASE}")) }} GROUP BY ?g""")
    return {g: int(n) for g, n in rows}


def local_counts(ds: Dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in named_graphs(ds)}


def _key(row: tuple[str | None, ...]) -> tuple[tuple[bool, str], ...]:
    return tuple((v is not None, v or "") for v in row)


def local_rows(ds: Dataset, query: str) -> list[tuple[str | None, ...]]:
    """Rows of ``query`` run by rdflib, as lexical values, sorted."""
    return sorted((tuple(None if v is None else str(v) for v in row) for row in ds.query(query)), key=_key)


def remote_rows(server, query: str) -> list[tuple[str | None, ...]]:
    """Rows of ``query`` run by the server, as lexical values, sorted."""
    return sorted(server.select(query), key=_key)


def _push(server, ds: Dataset, **kw):
    kw.setdefault("endpoint", server.graph_store)
    return push_dataset(ds, user=server.user, password=server.password, **kw)


def test_push_uploads_each_document_graph_with_its_triples(virtuoso, seeds):
    pushed = _push(virtuoso, seeds)
    local = local_counts(seeds)
    assert len(local) == 6 and sum(local.values()) > 10000
    assert [p.graph for p in pushed] == sorted(local)
    assert {p.graph: p.triples for p in pushed} == local
    assert server_counts(virtuoso) == local


def test_push_twice_does_not_duplicate(virtuoso, seeds):
    _push(virtuoso, seeds)
    _push(virtuoso, seeds)
    assert server_counts(virtuoso) == local_counts(seeds)


def test_push_replaces_a_graph_that_shrank(virtuoso, seeds_trig):
    ds = load_graph(seeds_trig)
    _push(virtuoso, ds)
    g = named_graphs(ds)[0]
    dropped = list(g.triples((None, RDFS.label, None)))[:10]
    assert dropped
    for t in dropped:
        g.remove(t)
    _push(virtuoso, ds)
    counts = server_counts(virtuoso)
    assert counts[str(g.identifier)] == len(g) == local_counts(load_graph(seeds_trig))[str(g.identifier)] - 10
    _push(virtuoso, load_graph(seeds_trig))  # leave the full graph for the other tests


def test_push_by_sparql_update_in_chunks_replaces_too(virtuoso, seeds):
    for _ in range(2):
        _push(virtuoso, seeds, endpoint=virtuoso.sparql_auth, protocol="update", chunk_size=400)
    assert server_counts(virtuoso) == local_counts(seeds)


QUERIES = {
    "hierarchy of 沿滩区": """SELECT DISTINCT ?name ?level WHERE {
        ?r a govkg:Region ; rdfs:label "沿滩区"@zh ; govkg:locatedIn+ ?p .
        ?p rdfs:label ?name . OPTIONAL { ?p govkg:adminLevel ?level } }""",
    "entities per type": """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e a ?type . FILTER(STRSTARTS(STR(?type), STR(govkg:))) } GROUP BY ?type""",
    "relations with labels": """SELECT DISTINCT ?s ?p ?o WHERE {
        ?x ?p ?y . ?x rdfs:label ?s . ?y rdfs:label ?o .
        FILTER(?p IN (govkg:develops, govkg:carriesOut, govkg:hosts, govkg:belongsTo, govkg:proposedBy)) }""",
    "evidence of 沿滩区": """SELECT DISTINCT ?text ?start WHERE {
        ?m govkg:mentionOf ?e ; govkg:inSentence ?s . ?e rdfs:label "沿滩区"@zh .
        ?s govkg:text ?text ; govkg:startOffset ?start }""",
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_on_server_matches_local(virtuoso, seeds, name):
    _push(virtuoso, seeds)
    query = PREFIXES + QUERIES[name]
    local = local_rows(seeds, query)
    assert local, f"{name}: the seeds should give rows"
    assert remote_rows(virtuoso, query) == local


def _ready_queries() -> dict[str, str]:
    folder = resources.files("govkg.ontology").joinpath("queries")
    if not folder.is_dir():
        return {}
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".rq")}


def bind_params(text: str, params: dict[str, str]) -> str:
    """Paste the value of every declared ``# param`` of a ready-made query into its text (test only).

    A parameter not in ``params`` gets what govkg binds for it: "" for text, 0 for a decimal. Its column
    leaves every projection and GROUP BY, as govkg's answer leaves it out, and everywhere else the value
    takes the variable's place: what an engine without parameter binding runs.
    """
    declared = re.findall(r"(?m)^#\s*param\s+(\w+)\s*(\(optional(?:,\s*decimal)?\))?\s*:", text)
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            for p, flags in declared:
                value = params.get(p, "")
                literal = ("0.0" if not value else value) if "decimal" in flags else \
                    '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
                if re.search(r"\b(SELECT|GROUP\s+BY)\b", line, re.I):
                    line = re.sub(rf"\s*\?{p}\b", "", line)
                else:
                    line = re.sub(rf"\?{p}\b", lambda _: literal, line)
        lines.append(line)
    return "".join(lines)


READY_PARAMS = {
    "enterprise-projects": {"enterprise": "中昊晨光"},
    "evidence": {"entity": "沿滩区"},
    "industry-enterprises": {"industry": "纺织产业"},
    "investment-by-region-industry": {"region": "清苑区"},
    "loose-entities": {"type": "Enterprise"},
    "project-timeline": {"region": "沿滩区"},
    "region-indicators": {"region": "沿滩区"},
    "region-industries": {"region": "沿滩区"},
    "region-slogans": {"region": "沿滩区"},
}
LEFT_OUT = {
    # Virtuoso 7.2 builds ?path differently (CONCAT of an unbound ?l2 gives a string, not an error, and
    # the query's "→" comes back "?"). The region hierarchy itself is compared by QUERIES["hierarchy of 沿滩区"].
    "region-hierarchy",
}


def ready_rows(path: Path, name: str) -> list[tuple[str | None, ...]]:
    """Rows of a ready-made query as ``govkg query`` gives them (Oxigraph, values bound), sorted."""
    from govkg.query import open_graph, ready_queries, run_query

    with open_graph(path) as ds:
        result = run_query(ds, ready_queries()[name], READY_PARAMS[name])
    return sorted((tuple(None if v is None else str(v) for v in row) for row in result.rows), key=_key)


def test_every_ready_query_is_compared_or_left_out_with_a_reason():
    assert set(_ready_queries()) == set(READY_PARAMS) | LEFT_OUT


@pytest.mark.parametrize("name", sorted(set(_ready_queries()) - LEFT_OUT))
def test_ready_made_query_on_server_matches_local(virtuoso, seeds, seeds_trig, name):
    _push(virtuoso, seeds)
    local = ready_rows(seeds_trig, name)
    assert local, f"{name}: the seeds should give rows"
    assert remote_rows(virtuoso, bind_params(_ready_queries()[name], READY_PARAMS[name])) == local


def test_bind_params_pastes_values_and_drops_the_columns():
    q = ("# param region: r\n# param c (optional, decimal): c\nSELECT DISTINCT ?region ?x WHERE {\n"
         " { SELECT ?region ?x WHERE {\n  ?x ?p ?n FILTER(STR(?n) = ?region && ?k >= ?c) } } }")
    assert bind_params(q, {"region": '沿"滩'}) == (
        "# param region: r\n# param c (optional, decimal): c\nSELECT DISTINCT ?x WHERE {\n"
        ' { SELECT ?x WHERE {\n  ?x ?p ?n FILTER(STR(?n) = "沿\\"滩" && ?k >= 0.0) } } }')


def test_bind_params_drops_the_value_from_a_group_by():
    q = "# param region: r\nSELECT ?region (COUNT(?x) AS ?n) WHERE {\n  ?x ?p ?region }\nGROUP BY ?region ?p\n"
    assert bind_params(q, {"region": "沿滩"}) == (
        '# param region: r\nSELECT (COUNT(?x) AS ?n) WHERE {\n  ?x ?p "沿滩" }\nGROUP BY ?p\n')


def test_wrong_port_is_a_one_line_error(seeds):
    url = f"http://127.0.0.1:{free_port()}/sparql-graph-crud-auth"
    with pytest.raises(OutputError, match=r"cannot connect \(\[Errno 111\] Connection refused\)"):
        push_dataset(seeds, url, user="dba", password="dba")


@contextlib.contextmanager
def local_server(handle):
    """A local HTTP server on a free port that gives each connection to ``handle(conn, stop)`` in one thread;
    connections ``handle`` returns True for are kept open until the server stops. Yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    held = []

    def serve():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            if handle(conn, stop):
                held.append(conn)
            else:
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql-graph-crud"
    finally:
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        listener.close()


def stalling_server(*, read_request: bool):
    """A local HTTP server that answers nothing useful: it trickles one byte of an answer every 0.2 s
    for 8 s (``read_request``), or accepts the connection and never reads what is sent. Yields its URL."""

    def handle(conn, stop):
        if not read_request:
            return True  # the client's body fills the socket buffers and its sending stalls
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
        for _ in range(40):  # 8 s at most, then the connection is closed: a client without a deadline fails too
            if stop.is_set():
                break
            try:
                conn.sendall(b"x")
            except OSError:
                break
            stop.wait(0.2)
        return False

    return local_server(handle)


def test_timeout_is_a_deadline_for_a_trickled_answer(seeds):
    """Each read gets a byte within the timeout, yet the request as a whole is stopped at it."""
    with stalling_server(read_request=True) as url:
        start = time.monotonic()
        with pytest.raises(OutputError, match=r"timed out after 1\.5 s while waiting for the answer"):
            push_dataset(seeds, url, timeout=1.5)
        assert time.monotonic() - start < 4


def test_timeout_is_a_deadline_for_a_stalled_upload():
    """A server that never reads the body: the message says the request was still being sent."""
    big = Dataset()
    g = big.graph(URIRef("https://example.org/g"))
    for i in range(3_000):
        g.add((URIRef(f"https://example.org/e{i}"), RDFS.label, Literal("沿滩区高新技术产业园区" * 400)))
    with stalling_server(read_request=False) as url:
        start = time.monotonic()
        with pytest.raises(OutputError, match=r"timed out after 1\.5 s while sending the request"):
            push_dataset(big, url, timeout=1.5)
        assert time.monotonic() - start < 4


@contextlib.contextmanager
def dropping_server(drops: int):
    """A local HTTP server whose first ``drops`` answers end inside their body (it promises 100 bytes, sends 5
    and closes the connection); later requests get 201 Created. Yields its URL and the list of request lines."""
    seen: list[str] = []

    def handle(conn, stop):
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
        while len(body) < length:
            body += conn.recv(65536)
        seen.append(head.split(b"\r\n")[0].decode())
        if len(seen) <= drops:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nabcde")
        else:
            conn.sendall(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        return False

    with local_server(handle) as url:
        yield url, seen


def test_an_answer_the_server_cuts_short_is_asked_for_again(seeds, monkeypatch):
    monkeypatch.setattr("govkg.push.RETRY_PAUSE", 0.01)
    graphs = len(named_graphs(seeds))
    with dropping_server(drops=TRIES - 1) as (url, seen):
        push_dataset(seeds, url, timeout=5)
    assert len(seen) == graphs + TRIES - 1 and len(set(seen[:TRIES])) == 1  # the first PUT TRIES times, then one each
    with dropping_server(drops=10**6) as (url, seen), \
            pytest.raises(OutputError, match=r"closed the connection inside its answer"):
        push_dataset(seeds, url, timeout=5)
    assert len(seen) == TRIES  # again, not forever


def test_wrong_password_is_401(virtuoso, seeds):
    with pytest.raises(OutputError, match="401 Unauthorized"):
        push_dataset(seeds, virtuoso.graph_store, user="dba", password="not-the-password")


def test_a_large_first_upload_is_signed_so_a_wrong_password_is_a_401_not_a_reset(virtuoso):
    """Virtuoso answers an unsigned upload 401 before reading it, and may reset a connection still sending."""
    name = "https://w3id.org/govkg/doc/large"
    ds = Dataset()
    g = ds.graph(URIRef(name))
    for i in range(40_000):
        g.add((URIRef(f"{name}/sentence/{i}"), GOVKG.text, Literal("句子" * 40, lang="zh")))
    for _ in range(3):
        with pytest.raises(OutputError, match="401 Unauthorized"):
            push_dataset(ds, virtuoso.graph_store, user=virtuoso.user, password="not-the-password")
    try:
        [pushed] = push_dataset(ds, virtuoso.graph_store, user=virtuoso.user, password=virtuoso.password)
        assert pushed.triples == 40_000
        assert virtuoso.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}") == [("40000",)]
    finally:  # the other tests count the server's graphs
        requests.delete(f"{virtuoso.graph_store}?graph={name}", auth=HTTPDigestAuth(virtuoso.user, virtuoso.password),
                        timeout=60).raise_for_status()


def test_server_refusal_carries_the_server_message(virtuoso, seeds):
    anonymous = virtuoso.graph_store.replace("-auth", "")
    with pytest.raises(OutputError, match=r"403 Forbidden: .*Permission denied"):
        push_dataset(seeds, anonymous)


def test_a_graph_without_named_graphs_is_refused(tmp_path):
    path = tmp_path / "plain.ttl"
    path.write_text('<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "甲"@zh .\n',
                    encoding="utf-8")
    with pytest.raises(GovkgError, match="no named graphs"):
        push_dataset(load_graph(path), "http://127.0.0.1:1/sparql")


def test_not_an_url_is_refused(seeds):
    with pytest.raises(OutputError, match="not an endpoint URL"):
        push_dataset(seeds, "localhost:8890")


def test_cli_push_reports_each_graph(virtuoso, seeds_trig, seeds):
    runner = CliRunner()
    result = runner.invoke(main, ["push", str(seeds_trig), "--endpoint", virtuoso.graph_store, "--user", "dba"],
                           env={"GOVKG_SPARQL_PASSWORD": virtuoso.password})
    assert result.exit_code == 0, result.output
    assert "pushed 6 graphs" in result.stdout
    assert len(re.findall(r"(?m)^\[\d/6\] https://w3id.org/govkg/doc/", result.stderr)) == 6
    assert server_counts(virtuoso) == local_counts(seeds)


@pytest.mark.parametrize("args, message", [
    (["--endpoint", "http://127.0.0.1:{port}/sparql-graph-crud-auth"], "cannot connect"),
    (["--endpoint", "{graph_store}", "--user", "dba", "--password", "wrong"], "401 Unauthorized"),
    (["--endpoint", "{graph_store}", "--user", "dba", "--password", "wrong", "--auth", "basic"], "401"),
])
def test_cli_push_errors_exit_2_with_one_line(virtuoso, seeds_trig, args, message):
    args = [a.format(port=free_port(), graph_store=virtuoso.graph_store) for a in args]
    result = CliRunner().invoke(main, ["push", str(seeds_trig), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_local_rows_see_literals_as_text(seeds):
    rows = local_rows(seeds, PREFIXES + 'SELECT ?l WHERE { ?r rdfs:label ?l FILTER(?l = "沿滩区"@zh) }')
    assert rows == [("沿滩区",)]
    assert Literal("沿滩区", lang="zh") in set(seeds.objects(None, RDFS.label))
    assert URIRef(DOC_BASE) not in {g.identifier for g in named_graphs(seeds)}

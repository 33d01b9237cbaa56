"""Tests of `govkg serve` (govkg.serve): a real server on a free local port, real HTTP requests."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.serve.sparql import negotiate
from tests.listener import ROW, listening

ROOT = Path(__file__).resolve().parents[1]
SHAWAN = "https://w3id.org/govkg/id/region/511111"
COUNT_TYPES = ("PREFIX govkg: <https://w3id.org/govkg/ontology#> "
               "SELECT ?n WHERE { { SELECT (COUNT(?e) AS ?n) WHERE { ?e a govkg:Enterprise } } }")


@pytest.fixture(scope="module")
def seeds_dir(seeds_out) -> Path:
    return seeds_out


@pytest.fixture(scope="module")
def base(seeds_dir: Path, serving) -> Iterator[str]:
    with serving(seeds_dir, timeout=3.0) as url:
        yield url


@pytest.fixture(scope="module")
def enterprises(seeds_dir: Path) -> str:
    """What COUNT_TYPES answers on the seeds, counted by rdflib from the build's merged graph."""
    from rdflib import RDF, Graph

    from govkg.ontology.namespaces import GOVKG

    n = len(set(Graph().parse(seeds_dir / "graph.ttl").subjects(RDF.type, GOVKG.Enterprise)))
    assert n > 10
    return str(n)


def get(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(status, content type, body) of a request; HTTP errors are answers too."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


def q(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def test_binds_to_localhost_by_default() -> None:
    serve = main.commands["serve"]
    assert next(p for p in serve.params if p.name == "host").default == "127.0.0.1"
    assert "--port" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_search_folds_traditional_and_finds_aliases(base: str) -> None:
    status, ctype, body = get(f"{base}/search?q={q('沙灣區')}")
    assert status == 200 and ctype.startswith("text/html")
    assert f'href="/entity?id={q(SHAWAN)}">沙湾区</a>' in body
    status, _, body = get(f"{base}/search?q={q('不存在的名字')}")
    assert status == 200 and "没有找到" in body


def test_entity_page_lists_every_fact(base: str) -> None:
    status, _, body = get(f"{base}/entity?id={q(SHAWAN)}")
    assert status == 200
    assert '<h1 id="label">沙湾区</h1>' in body
    assert "地区 Region" in body and '<td class="admin-code">511111</td>' in body
    assert "沙灣區" in body  # an alias
    assert 'data-relation="develops"' in body and "不锈钢</a>" in body  # a relation out, linked
    assert 'data-direction="in"' in body  # and relations in
    assert "樂山市沙灣區" in body  # evidence sentences (as written, traditional)
    assert "——《乐山市沙湾区" in body  # with their document titles
    assert f'/network?id={q(SHAWAN)}&amp;depth=1' in body


def test_unknown_entity_is_404(base: str) -> None:
    assert get(f"{base}/entity?id={q('https://w3id.org/govkg/id/region/nope')}")[0] == 404
    assert get(f"{base}/network?id=nope")[0] == 404
    assert get(f"{base}/nothing-here")[0] == 404


@pytest.mark.parametrize("query", ["id=a%20b", "id=a+b", "id=", "", "id=%00", "id=%ZZ", "id=%E4%B8", "id=%0A%0D",
                                   "id=" + "x" * 10_000, "id=a&id=b", "id=<script>"])
def test_odd_entity_ids_are_404_not_500(base: str, query: str) -> None:
    """Issue 19: /entity?id=a%20b answered 500. An id no entity has is the 'not found' page, for the network too."""
    for page in ("entity", "network"):
        status, ctype, body = get(f"{base}/{page}?{query}")
        assert status == 404 and ctype.startswith("text/html"), (page, query, status)
        assert "<script>" not in body


def test_network_view_is_the_ego_graph(base: str) -> None:
    status, _, body = get(f"{base}/network?id={q(SHAWAN)}&depth=1")
    assert status == 200
    start = body.index(">", body.index('id="govkg-data"')) + 1
    payload = json.loads(body[start:body.index("</script>", start)])
    ids = {n["id"] for n in payload["nodes"]}
    assert SHAWAN in ids and 5 < len(ids) < 100
    assert payload["entity_link"] == "/entity?id="
    assert 'src="http' not in body and "<script src" not in body and "<link" not in body


def test_sparql_get_json(base: str, enterprises: str) -> None:
    status, ctype, body = get(f"{base}/sparql?query={q(COUNT_TYPES)}",
                              headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and ctype == "application/sparql-results+json"
    result = json.loads(body)
    assert result["head"]["vars"] == ["n"]
    assert result["results"]["bindings"][0]["n"]["value"] == enterprises


def test_sparql_post_query_csv(base: str, enterprises: str) -> None:
    status, ctype, body = get(f"{base}/sparql", data=COUNT_TYPES.encode("utf-8"),
                              headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and ctype.startswith("text/csv")
    assert list(csv.reader(io.StringIO(body))) == [["n"], [enterprises]]


def test_sparql_post_form_with_format_param(base: str) -> None:
    query = f"SELECT ?label WHERE {{ <{SHAWAN}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    form = urllib.parse.urlencode({"query": query, "format": "csv"}).encode()
    status, ctype, body = get(f"{base}/sparql", data=form,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and ctype.startswith("text/csv")
    assert body.splitlines() == ["label", "沙湾区"]
    status, ctype, body = get(f"{base}/sparql?query={q('ASK { ?s ?p ?o }')}&format=xml")
    assert status == 200 and "<boolean>true</boolean>" in body


def test_sparql_update_is_refused_and_changes_nothing(base: str, enterprises: str) -> None:
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    form = urllib.parse.urlencode({"update": update}).encode()
    assert get(f"{base}/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert get(f"{base}/sparql", data=update.encode(), headers={"Content-Type": "application/sparql-update"})[0] == 403
    assert get(f"{base}/sparql?query={q(update)}")[0] == 400
    assert get(f"{base}/sparql?query={q('DROP ALL')}")[0] == 400
    status, _, body = get(f"{base}/sparql?query={q('ASK { <urn:x> ?p ?o }')}")
    assert status == 200 and json.loads(body)["boolean"] is False
    assert json.loads(get(f"{base}/sparql?query={q(COUNT_TYPES)}")[2])["results"]["bindings"][0]["n"]["value"] == enterprises


def test_sparql_bad_requests(base: str) -> None:
    assert get(f"{base}/sparql")[0] == 400
    assert get(f"{base}/sparql?query={q('SELECT WHERE {')}")[0] == 400
    assert get(f"{base}/sparql?query={q('ASK {}')}", headers={"Accept": "image/png"})[0] == 406
    assert get(f"{base}/sparql", data=b"x", headers={"Content-Type": "text/plain"})[0] == 415


def test_sparql_deadline_answers_503_and_the_next_query_works(base: str) -> None:
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = get(f"{base}/sparql?query={q(endless)}")
    assert status == 503 and "3 s" in body
    assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200


@pytest.mark.parametrize(("accept", "fmt", "expected"), [
    ("application/sparql-results+json", None, "json"),
    ("text/csv", None, "csv"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", None, "xml"),
    ("*/*", None, "json"),
    (None, "csv", "csv"),
    ("text/csv", "json", "json"),
    ("image/png", None, None),
])
def test_negotiate(accept: str | None, fmt: str | None, expected: str | None) -> None:
    assert negotiate(accept, fmt) == expected


def test_serve_reports_a_missing_graph() -> None:
    result = CliRunner().invoke(main, ["serve", "/nonexistent/graph.trig", "--port", "0"])
    assert result.exit_code == 2
    assert "nonexistent" in result.stderr


# --- no outgoing requests, Host header, cross-site requests, size limits ---------------------------------------

@pytest.fixture
def listener():
    """Another server the machine can reach: ``listener.requests`` lists what reached it, ``listener.url``."""
    with listening() as server:
        yield server


def service_queries(url: str) -> list[str]:
    """SERVICE clauses in the forms Oxigraph runs (checked in test_allowed_service_reaches_the_other_server)."""
    host = url.rsplit("/", 1)[0] + "/"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?x ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?x ?p ?o }} }}",
        f"PREFIX e: <{host}>\nSELECT * WHERE {{\n  # a comment\n  SERVICE e:sparql {{ ?x ?p ?o }}\n}}",
        f"BASE <{host}> SELECT * WHERE {{ SERVICE <sparql> {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?x ?p ?o }} }}",
        f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{ SerVice <{url}> {{ ?x ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <\\u0068ttp://{url[len('http://'):]}> {{ ?x ?p ?o }} }}",
    ]


def test_service_is_refused_and_no_request_leaves(base: str, listener) -> None:
    for query in service_queries(listener.url):
        for status, _, body in (get(f"{base}/sparql?query={q(query)}"),
                                get(f"{base}/sparql", data=query.encode("utf-8"),
                                    headers={"Content-Type": "application/sparql-query"})):
            assert status == 403, (query, body)
            assert "has a SERVICE clause at line" in body and "--allow-service" in body
    assert listener.requests == []


def test_the_word_service_elsewhere_is_no_service_clause(base: str) -> None:
    query = ('PREFIX service: <https://example.org/service#>\n'
             'SELECT ?service WHERE { BIND("SERVICE <http://127.0.0.1:9/> {}" AS ?service) '
             'FILTER(?service != service:x) }  # SERVICE')
    status, _, body = get(f"{base}/sparql?query={q(query)}&format=csv")
    assert status == 200 and body.splitlines() == ["service", "SERVICE <http://127.0.0.1:9/> {}"]
    status, _, body = get(f"{base}/sparql?query={q('SELECT * WHERE { servicx <x> {} }')}")
    assert status == 400 and "malformed SPARQL query" in body and "SERVICE" not in body


def test_the_query_worker_cannot_open_internet_sockets(listener) -> None:
    """The second wall: in a process that called forbid_network, even Oxigraph's SERVICE cannot connect."""
    import subprocess
    import sys

    probe = f"""
import socket, pyoxigraph
from govkg.serve.sandbox import forbid_network
assert forbid_network()
for family in (socket.AF_INET, socket.AF_INET6):
    try:
        socket.socket(family)
    except PermissionError:
        pass
    else:
        raise SystemExit("an internet socket opened")
a, b = socket.socketpair()  # what multiprocessing's pipes need still works
a.send(b"x"); assert b.recv(1) == b"x"
try:
    list(pyoxigraph.Store().query("SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?x ?p ?o }} }}"))
except OSError as exc:
    print("refused:", exc)
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("refused:")
    assert listener.requests == []


def test_the_endpoint_worker_runs_sandboxed_unless_service_is_allowed(seeds_dir: Path) -> None:
    from govkg.serve.sparql import QueryRunner

    for allow_service in (False, True):
        runner = QueryRunner(seeds_dir, timeout=30, allow_service=allow_service)
        try:
            assert runner.answer("ASK { ?s ?p ?o }", "json").status == 200
            assert runner.sandboxed is not allow_service  # Linux x86-64 or arm64, as CI
        finally:
            runner.close()


def test_allowed_service_reaches_the_other_server(seeds_dir: Path, serving, listener) -> None:
    """With allow_service the same queries run: so what stops them by default is the refusal, nothing else."""
    with serving(seeds_dir, timeout=10.0, allow_service=True) as url:
        for query in service_queries(listener.url):
            before = len(listener.requests)
            status, _, body = get(f"{url}/sparql?query={q(query)}")
            assert status == 200, (query, body)
            assert len(listener.requests) > before, query
        status, _, body = get(f"{url}/sparql?query={q(service_queries(listener.url)[0])}")
        assert ROW in body


def test_serve_cli_refuses_service_unless_allowed(seeds_dir: Path, listener) -> None:
    """`govkg serve` as a user starts it: refused by default, run with --allow-service (and warned about)."""
    import subprocess
    import sys

    query = service_queries(listener.url)[0]
    for flags, expected in (([], 403), (["--allow-service"], 200)):
        proc = subprocess.Popen([sys.executable, "-m", "govkg.cli", "serve", str(seeds_dir), "--port", "0", *flags],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stdout.readline()
            assert line.startswith("govkg serve: http://127.0.0.1:"), line + proc.stderr.read()
            url = line.split()[2].rstrip("/")
            status, _, body = get(f"{url}/sparql?query={q(query)}")
            assert status == expected, body
        finally:
            proc.terminate()
            _, stderr = proc.communicate(timeout=30)
        assert ("--allow-service: SPARQL SERVICE clauses" in stderr) == bool(flags)
    assert len(listener.requests) == 1


def raw(base: str, method: str, path: str, headers: dict[str, str], body: bytes | None = None):
    """(status, headers, body) of a request sent with exactly these headers (``Host`` included, or none)."""
    import http.client

    parsed = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read().decode("utf-8")
    finally:
        conn.close()


def test_requests_to_other_host_names_are_refused(base: str) -> None:
    port = urllib.parse.urlsplit(base).port
    ask = "/sparql?query=" + q("ASK { ?s ?p ?o }")
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
        assert raw(base, "GET", "/", {"Host": host})[0] == 200, host
        assert raw(base, "GET", ask, {"Host": host})[0] == 200, host
    for host in (f"rebind.example:{port}", "rebind.example", f"127.0.0.1:{port + 1}", f"127.0.0.1:{port}@evil",
                 f"localhost.:{port}", ""):
        for path in ("/", ask, f"/entity?id={q(SHAWAN)}"):
            status, _, body = raw(base, "GET", path, {"Host": host} if host else {})
            assert status == 403, (host, path)
            assert "DNS rebinding" in body and "沙湾区" not in body


def test_no_cors_and_requests_of_other_sites_refused(base: str) -> None:
    port = urllib.parse.urlsplit(base).port
    host = {"Host": f"127.0.0.1:{port}"}
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    post = {**host, "Content-Type": "application/x-www-form-urlencoded"}
    answers = [raw(base, "GET", "/", {**host, "Origin": "https://evil.example"}),
               raw(base, "OPTIONS", "/sparql", {**host, "Origin": "https://evil.example",
                                                 "Access-Control-Request-Method": "POST"})]
    for origin in ("https://evil.example", "http://localhost:1", "null", f"http://127.0.0.1:{port}.evil.example"):
        answers.append(raw(base, "POST", "/sparql", {**post, "Origin": origin}, form))
        assert answers[-1][0] == 403 and "other sites" in answers[-1][2], origin
    for site in ("cross-site", "same-site"):  # an <img> or link of another page: no Origin header
        answers.append(raw(base, "GET", "/sparql?query=" + q("ASK {}"), {**host, "Sec-Fetch-Site": site}))
        assert answers[-1][0] == 403
    assert answers[1][0] == 403  # a CORS preflight gets no permission (nor would it from this server's pages: 405)
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):  # the app's own pages
        answers.append(raw(base, "POST", "/sparql", {**post, "Origin": origin, "Sec-Fetch-Site": "same-origin"}, form))
        assert answers[-1][0] == 200
    answers.append(raw(base, "GET", "/sparql?query=" + q("ASK {}"), {**host, "Sec-Fetch-Site": "none"}))  # typed in
    assert answers[-1][0] == 200
    for status, headers, _ in answers:
        assert not any(name.lower().startswith("access-control-") for name in headers), headers


def test_query_text_over_the_limit_is_413(base: str) -> None:
    from govkg.serve.sparql import MAX_BODY_BYTES, MAX_QUERY_BYTES

    padding = "# " + "x" * 1000 + "\n"
    fits = padding * (MAX_QUERY_BYTES // len(padding) - 1) + "ASK {}"
    status, _, body = get(f"{base}/sparql", data=fits.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["boolean"] is True
    over = padding * (MAX_QUERY_BYTES // len(padding) + 1) + "ASK {}"
    status, _, body = get(f"{base}/sparql", data=over.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and f"at most {MAX_QUERY_BYTES:,} bytes" in body
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    text = "ASK {} # " + "中" * (MAX_QUERY_BYTES // 3 - 10)  # under the limit, three times over it percent-encoded
    form = urllib.parse.urlencode({"query": text}).encode()
    assert len(text.encode()) < MAX_QUERY_BYTES < len(form) < MAX_BODY_BYTES
    assert get(f"{base}/sparql", data=form, headers=form_type)[0] == 200
    form = urllib.parse.urlencode({"query": "中" * (MAX_BODY_BYTES // 9 + 1)}).encode()  # 9 bytes a character
    status, _, body = get(f"{base}/sparql", data=form, headers=form_type)
    assert status == 413 and "request body" in body
    long_url = f"{base}/sparql?query={q('ASK {} #' + 'x' * 70_000)}"  # over the HTTP server's 64 KB request line
    assert get(long_url)[0] == 414
    assert get(f"{base}/sparql?query={q('ASK {}')}")[0] == 200  # and the server goes on


@pytest.fixture(scope="module")
def strict(seeds_dir: Path, serving) -> Iterator[str]:
    """govkg serve of the seeds with answers of at most 50 rows, also answering the name kg.lan."""
    with serving(seeds_dir, timeout=5.0, max_rows=50, allowed_hosts=("kg.lan",)) as url:
        yield url


def test_answers_over_max_rows_are_413(strict: str) -> None:
    status, _, body = get(f"{strict}/sparql?query={q('SELECT * WHERE { ?s ?p ?o }')}")
    assert status == 413 and "more than 50 rows" in body and "LIMIT" in body
    status, _, body = get(f"{strict}/sparql?query={q('SELECT * WHERE { ?s ?p ?o } LIMIT 50')}&format=csv")
    assert status == 200 and len(body.splitlines()) == 51
    status, _, body = get(f"{strict}/sparql?query={q('CONSTRUCT WHERE { ?s ?p ?o }')}")
    assert status == 413 and "more than 50 triples" in body
    endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # billions of rows: refused at row 51, long before the deadline
    status, _, body = get(f"{strict}/sparql?query={q(endless)}")
    assert status == 413


def test_allowed_host_names_are_answered(strict: str) -> None:
    port = urllib.parse.urlsplit(strict).port
    assert raw(strict, "GET", "/", {"Host": f"kg.lan:{port}"})[0] == 200
    assert raw(strict, "GET", "/", {"Host": f"KG.LAN:{port}"})[0] == 200
    assert raw(strict, "GET", "/", {"Host": f"other.lan:{port}"})[0] == 403


def test_serve_limits_default_as_documented() -> None:
    from govkg.serve.sparql import MAX_ROWS

    serve = main.commands["serve"]
    options = {p.name: p for p in serve.params}
    assert options["max_rows"].default == MAX_ROWS
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "--allow-service" in help_text and "--allow-host" in help_text


@pytest.mark.parametrize("path", ["/static/../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
                                  "/static/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/static//etc/passwd",
                                  "/static/app.css/../../serve/app.py", "/static/../app.py", "/../../etc/passwd"])
def test_paths_outside_the_app_are_404(base: str, path: str) -> None:
    port = urllib.parse.urlsplit(base).port
    status, _, body = raw(base, "GET", path, {"Host": f"127.0.0.1:{port}"})
    assert status == 404 and "root:" not in body and "import" not in body


def test_a_hundred_requests_at_once_are_all_answered(base: str, enterprises: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    urls = [f"{base}/sparql?query={q(COUNT_TYPES)}", f"{base}/search?q={q('沙湾')}", f"{base}/entity?id={q(SHAWAN)}",
            f"{base}/static/app.css"] * 25
    with ThreadPoolExecutor(max_workers=100) as pool:
        answers = list(pool.map(get, urls))
    assert [status for status, _, _ in answers] == [200] * 100
    assert all(json.loads(body)["results"]["bindings"][0]["n"]["value"] == enterprises
               for _, _, body in answers[::4])


def test_workbench_page_offers_every_ready_query_with_its_parameters(base: str) -> None:
    from govkg.query import ready_queries

    status, ctype, body = get(base + "/query?name=region-industries")
    assert status == 200 and ctype.startswith("text/html")
    ready = json.loads(body.split('<script type="application/json" id="ready-queries">', 1)[1].split("</script>")[0])
    assert [r["name"] for r in ready] == list(ready_queries())
    industries = next(r for r in ready if r["name"] == "region-industries")
    assert [(p["name"], p["required"]) for p in industries["params"]] == [("region", True), ("min_confidence", False)]
    assert '<option value="region-industries" selected>' in body
    assert "Industries developed in a region" in body.split("<textarea", 1)[1]  # the chosen query is in the editor
    assert '<script src="/static/workbench.js"></script>' in body
    status, ctype, script = get(base + "/static/workbench.js")
    assert status == 200 and ctype.startswith("text/javascript") and "innerHTML" not in script


def test_workbench_page_escapes_query_text_given_in_the_address(base: str) -> None:
    hostile = "</textarea><script>alert(1)</script>"
    status, _, body = get(base + "/query?query=" + q(hostile))
    assert status == 200
    assert "<script>alert(1)" not in body and "&lt;/textarea&gt;&lt;script&gt;alert(1)" in body


def test_sparql_binds_form_parameters_of_a_ready_query(base: str) -> None:
    text = (ROOT / "src/govkg/ontology/queries/region-industries.rq").read_text(encoding="utf-8")
    form = {"query": text, "format": "csv", "param.region": "沙湾区"}
    status, ctype, body = get(base + "/sparql", data=urllib.parse.urlencode(form).encode(),
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    rows = list(csv.DictReader(io.StringIO(body)))
    assert status == 200 and ctype.startswith("text/csv")
    assert {"不锈钢", "中医药"} <= {r["industry"] for r in rows}
    form["param.region"] = '沙湾区" } UNION { ?x ?y ?z'  # a value is a literal, never query text
    status, _, body = get(base + "/sparql", data=urllib.parse.urlencode(form).encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and body.splitlines() == ["industry,place,park"]
    del form["param.region"]
    status, _, body = get(base + "/sparql", data=urllib.parse.urlencode(form).encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and body.startswith("the query needs the parameter region (") and "param.region=" in body


def test_sparql_download_is_an_attachment(base: str) -> None:
    req = urllib.request.Request(f"{base}/sparql?query={q(COUNT_TYPES)}&format=csv&download=1")
    with urllib.request.urlopen(req, timeout=60) as resp:
        assert resp.headers["Content-Disposition"] == 'attachment; filename="govkg-result.csv"'
    with urllib.request.urlopen(f"{base}/sparql?query={q(COUNT_TYPES)}&format=csv", timeout=60) as resp:
        assert resp.headers["Content-Disposition"] is None


YANTAN = "https://w3id.org/govkg/id/region/510311"


def test_region_page_shows_its_indicators_actual_beside_target(base: str) -> None:
    status, _, body = get(base + "/entity?id=" + q(YANTAN))
    assert status == 200 and '<div id="indicators"' in body
    budget = body.split('data-indicator="一般公共预算收入"', 1)[1].split("</section>", 1)[0]
    assert 'data-measure="growth"' in budget  # seed 001 gives growth rates only
    assert "<tr><td>2022</td><td></td><td>20.9%</td><td></td><td></td></tr>" in budget
    assert "<tr><td>2023</td><td></td><td></td><td></td><td>12%</td></tr>" in budget
    assert budget.count('<rect class="actual"') == 1 and budget.count('<rect class="target"') == 1
    _, _, hits = get(base + "/search?q=" + q("不锈钢"))
    industry = hits.split('<ol class="hits" id="hits">', 1)[1].split('href="', 1)[1].split('"', 1)[0]
    status, _, page = get(base + industry.replace("&amp;", "&"))
    assert status == 200 and "Industry" in page and '<div id="indicators"' not in page  # only regions have them


def test_indicator_chart_scales_values_and_draws_a_fall_below_the_line() -> None:
    from rdflib import XSD, Dataset, Literal, Namespace, URIRef
    from rdflib.namespace import PROV, RDF, SKOS

    from govkg.ontology.namespaces import GOVKG
    from govkg.serve.facts import CHART_HEIGHT, region_indicators

    dim = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
    measure = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
    attribute = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
    ds, region = Dataset(), URIRef("https://w3id.org/govkg/id/region/130608")
    gdp, exports = URIRef("https://w3id.org/govkg/id/indicator/gdp"), URIRef("https://w3id.org/govkg/id/indicator/x")
    ds.add((gdp, SKOS.prefLabel, Literal("地区生产总值", lang="zh")))
    ds.add((exports, SKOS.prefLabel, Literal("进出口总额", lang="zh")))
    old, new = URIRef("urn:doc:2023"), URIRef("urn:doc:2024")
    ds.add((old, GOVKG.year, Literal("2023", datatype=XSD.gYear)))
    ds.add((new, GOVKG.year, Literal("2024", datatype=XSD.gYear)))
    for n, (ind, year, kind, value, growth, doc) in enumerate([
            (gdp, "2022", GOVKG.Actual, "10000000000", None, old),
            (gdp, "2023", GOVKG.Actual, "19000000000", None, old),  # a preliminary figure ...
            (gdp, "2023", GOVKG.Actual, "20000000000", None, new),  # ... the later report's wins
            (gdp, "2024", GOVKG.Target, "21000000000", "5", new),
            (exports, "2023", GOVKG.Actual, None, "-4", new),
            (exports, "2024", GOVKG.Target, None, "6", new)]):
        o = URIRef(f"urn:o{n}")
        for p, v in [(dim.refArea, region), (dim.refPeriod, Literal(year, datatype=XSD.gYear)),
                     (GOVKG.indicator, ind), (GOVKG.observationKind, kind), (PROV.wasDerivedFrom, doc),
                     (RDF.type, URIRef("http://purl.org/linked-data/cube#Observation"))]:
            ds.add((o, p, v))
        if value:
            ds.add((o, measure.obsValue, Literal(value, datatype=XSD.decimal)))
            ds.add((o, attribute.unitMeasure, Literal("CNY")))
        if growth:
            ds.add((o, GOVKG.growthRate, Literal(growth, datatype=XSD.decimal)))
    gdp_series, export_series = region_indicators(ds, str(region))
    assert (gdp_series.name, gdp_series.measure, gdp_series.unit) == ("地区生产总值", "value", "亿元")
    assert gdp_series.rows == ((2022, "100亿元", "", "", ""), (2023, "200亿元", "", "", ""),
                               (2024, "", "", "210亿元", "5%"))
    heights = [b.height for b in gdp_series.bars]
    assert heights == [round(CHART_HEIGHT * 100 / 210, 1), round(CHART_HEIGHT * 200 / 210, 1), CHART_HEIGHT]
    assert [b.kind for b in gdp_series.bars] == ["actual", "actual", "target"]
    assert export_series.measure == "growth" and export_series.unit == "%"
    fall, rise = export_series.bars
    assert fall.y == export_series.zero and rise.y + rise.height == export_series.zero  # -4 % below, 6 % above
    assert fall.title == "2023 实际 -4%" and rise.title == "2024 目标 6%"

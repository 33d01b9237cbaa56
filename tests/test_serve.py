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

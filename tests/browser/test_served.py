"""The `govkg serve` app in headless Chromium: search, entity page, neighbourhood network, /sparql."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from rdflib import RDF, Graph

from govkg.ontology.namespaces import GOVKG

SHAWAN = "https://w3id.org/govkg/id/region/511111"
COUNT = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a <https://w3id.org/govkg/ontology#Enterprise> }"


def test_search_then_entity_page_shows_the_facts(page, served: str) -> None:
    tab, _ = page
    tab.goto(served + "/")
    tab.fill('input[name="q"]', "沙灣區")
    tab.press('input[name="q"]', "Enter")
    tab.click("#hits a >> text=沙湾区")
    assert tab.inner_text("#label") == "沙湾区"
    facts = tab.inner_text("#facts")
    assert "511111" in facts and "Region" in facts and "沙灣區" in facts
    assert tab.locator("#relations > li").count() >= 10
    assert tab.locator("#evidence li").count() >= 3
    tab.click('#relations li[data-relation="develops"] a >> nth=0')  # to a neighbour's page
    assert tab.url != served + "/entity?id=" + quote(SHAWAN, safe="")
    assert "Industry" in tab.inner_text("#facts")  # the develops link leads to an industry


def test_neighbourhood_network_is_served_locally_and_drawn(page, served: str) -> None:
    tab, _ = page
    tab.goto(f"{served}/network?id={quote(SHAWAN, safe='')}&depth=1")
    tab.wait_for_function("window.govkgReady !== undefined", timeout=60_000)
    n = tab.evaluate("govkgExplorer.nodes.length")
    assert 5 < n < 100
    tab.evaluate(f"govkgExplorer.focus('{SHAWAN}')")
    link = tab.locator("#details a")
    assert link.inner_text() == "实体页面"
    link.click()
    assert tab.inner_text("#label") == "沙湾区"


def _fetch(tab: Any, url: str, init: dict) -> dict:
    return tab.evaluate(
        """async ([url, init]) => { const r = await fetch(url, init);
           return {status: r.status, type: r.headers.get('content-type'), body: await r.text()}; }""",
        [url, init],
    )


def test_sparql_endpoint_answers_a_browser_client(page, served: str, seeds_build: Path) -> None:
    tab, watch = page
    n = str(len(set(Graph().parse(seeds_build / "graph.ttl").subjects(RDF.type, GOVKG.Enterprise))))
    tab.goto(served + "/")
    json_answer = _fetch(tab, "/sparql?query=" + quote(COUNT, safe=""),
                         {"headers": {"Accept": "application/sparql-results+json"}})
    assert json_answer["status"] == 200 and json_answer["type"] == "application/sparql-results+json"
    assert f'"value": "{n}"' in json_answer["body"]
    csv_answer = _fetch(tab, "/sparql", {"method": "POST", "body": COUNT,
                                         "headers": {"Content-Type": "application/sparql-query", "Accept": "text/csv"}})
    assert csv_answer["status"] == 200 and csv_answer["body"].splitlines() == ["n", n]
    update = _fetch(tab, "/sparql", {"method": "POST", "body": "update=" + quote("DROP ALL"),
                                     "headers": {"Content-Type": "application/x-www-form-urlencoded"}})
    assert update["status"] == 403
    assert len(watch.errors) == 1 and "403" in watch.errors[0]  # Chromium logs the refused update
    watch.errors.clear()


ATTACK_PAGE = """<!doctype html><meta charset="utf-8"><title>another site</title>
<script>
async function attack(target, query) {
  const out = {};
  try {  // a CORS read of the endpoint's answer
    const r = await fetch(target + "/sparql?query=" + encodeURIComponent("ASK { ?s ?p ?o }"));
    out.read = "status " + r.status;
  } catch (e) { out.read = "blocked"; }
  // a blind POST, as a form would send it: the browser sends it, the page cannot see the answer
  await fetch(target + "/sparql", {method: "POST", mode: "no-cors", body: new URLSearchParams({query: query})});
  return out;
}
</script>"""


def test_pages_of_other_sites_cannot_use_the_endpoint(browser, served: str, caplog) -> None:
    """A page of another origin (a second local server: localhost, another port) can neither read an answer
    (no CORS headers) nor make the endpoint run a query, let alone a SERVICE call to a third server."""
    import http.server
    import logging
    import threading

    requests: list[str] = []

    class Site(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the base class's name
            requests.append(self.path)
            body = ATTACK_PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    caplog.set_level(logging.INFO, logger="govkg.serve")
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(f"http://localhost:{site.server_port}/attack.html")
        service = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{site.server_port}/sparql> {{ ?s ?p ?o }} }}"
        out = tab.evaluate("([target, query]) => attack(target, query)", [served, service])
    finally:
        context.close()
        site.shutdown()
        site.server_close()
    assert out == {"read": "blocked"}
    assert "/sparql" not in requests and "/attack.html" in requests  # the SERVICE call never left
    answered = [r.getMessage() for r in caplog.records if "/sparql" in r.getMessage()]
    assert len(answered) == 2 and all('" 403 ' in line for line in answered), answered


REGIONS = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?region ?label WHERE { ?region a govkg:Region ; rdfs:label ?label } ORDER BY ?region"""


def _run(tab: Any, query: str | None = None) -> None:
    if query is not None:
        tab.fill("#editor", query)
    tab.evaluate("document.getElementById('status').dataset.state = ''")
    tab.click("#run")
    tab.wait_for_selector('#status[data-state="done"], #status[data-state="error"]', timeout=30_000)


def _column(tab: Any, i: int) -> list[str]:
    return tab.eval_on_selector_all(f"#results tbody tr td:nth-child({i})", "cells => cells.map(c => c.textContent)")


def test_workbench_runs_a_ready_query_sorts_and_downloads_csv(page, served: str) -> None:
    tab, _ = page
    tab.goto(served + "/query")
    tab.wait_for_selector("#workbench[data-ready]")
    tab.select_option("#ready", "region-industries")
    assert tab.inner_text("#description").startswith("Industries developed in a region")
    assert "SELECT" in tab.input_value("#editor")
    assert tab.locator("#params input").count() == 2  # region, min_confidence
    tab.fill('input[name="param.region"]', "沙湾区")
    _run(tab)
    industries = _column(tab, 1)
    assert {"不锈钢", "中医药", "钒钛"} <= set(industries)
    tab.click("#results th >> text=industry")
    assert tab.get_attribute("#results th >> nth=0", "aria-sort") == "ascending"
    ascending = _column(tab, 1)
    assert ascending == tab.evaluate("xs => xs.slice().sort(new Intl.Collator('zh', {numeric: true}).compare)",
                                     industries)
    tab.click("#results th >> text=industry")
    assert _column(tab, 1) == ascending[::-1]
    with tab.expect_download() as download:
        tab.click("#download-csv")
    assert download.value.suggested_filename == "region-industries.csv"
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "industry,place,park" and len(lines) == len(industries) + 1


def test_workbench_links_entities_and_reports_errors_with_their_place(page, served: str) -> None:
    tab, watch = page
    tab.goto(served + "/query")
    tab.wait_for_selector("#workbench[data-ready]")
    _run(tab, REGIONS)
    shawan = tab.locator(f'#results a[title="{SHAWAN}"]')
    assert shawan.inner_text() == "region/511111"
    _run(tab, "SELECT * WHERE {\n  ?s ?p\n")
    error = tab.inner_text("#error")
    assert "line 3, column 1" in error and error.startswith("400 ")
    assert len(watch.errors) == 1 and "400" in watch.errors[0]  # Chromium logs the refused query
    watch.errors.clear()
    assert tab.evaluate("document.getElementById('editor').selectionStart") == len("SELECT * WHERE {\n  ?s ?p\n")
    _run(tab, REGIONS)
    assert not tab.is_visible("#error")
    tab.click(f'#results a[title="{SHAWAN}"]')
    assert tab.inner_text("#label") == "沙湾区"


def test_workbench_shows_hostile_text_as_text(page, served: str) -> None:
    tab, watch = page
    hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    tab.goto(served + "/query")
    tab.wait_for_selector("#workbench[data-ready]")
    _run(tab, "SELECT ?x WHERE { BIND(" + json.dumps(hostile) + " AS ?x) }")
    assert _column(tab, 1) == [hostile]
    assert tab.locator("#results img, #results script").count() == 0
    assert watch.dialogs == []


def test_workbench_says_when_a_query_ran_out_of_time(page, seeds_build: Path, serving) -> None:
    tab, watch = page
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with serving(seeds_build, timeout=1.0) as url:
        tab.goto(url + "/query")
        tab.wait_for_selector("#workbench[data-ready]")
        _run(tab, slow)
        assert tab.inner_text("#error") == "503 the query did not finish within 1 s and was stopped"
    assert len(watch.errors) == 1 and "503" in watch.errors[0]
    watch.errors.clear()

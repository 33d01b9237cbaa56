"""The `govkg serve` app in headless Chromium: search, entity page, neighbourhood network, /sparql."""

from __future__ import annotations

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

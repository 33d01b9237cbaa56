"""The network page in headless Chromium: drawing, search, filters, escaping, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from govkg.export.html import write_html
from govkg.ontology.namespaces import ENTITY, GOVKG

SHAWAN = "https://w3id.org/govkg/id/region/511111"
HOSTILE = "<img src=x onerror=alert(1)>"

NON_BLANK = """() => {
  const c = document.querySelector('#network canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < px.length; i += 4) { if (px[i + 3] > 0 && (px[i] < 240 || px[i + 1] < 240 || px[i + 2] < 240)) n++; }
  return n;
}"""


def entity_counts(build: Path) -> tuple[int, int]:
    """(nodes, slogans) of a build, counted by rdflib from its merged graph: what the page must show (the
    entities, and the divisions above their regions that no document names, drawn as regions)."""
    g = Graph().parse(build / "graph.ttl")
    entities = {s for t in ("Region", "Industry", "Project", "Enterprise", "Park", "Slogan", "Division")
                for s in g.subjects(RDF.type, GOVKG[t])}
    slogans = set(g.subjects(RDF.type, GOVKG.Slogan))
    assert len(entities) > 100 and len(slogans) > 50
    return len(entities), len(slogans)


def open_page(tab: Any, path: Path) -> None:
    tab.goto(path.as_uri())
    tab.wait_for_function("window.govkgReady !== undefined", timeout=60_000)


def test_seeds_page_draws_the_graph(page, seeds_build: Path) -> None:
    tab, _ = page
    open_page(tab, seeds_build / "graph.html")
    total, _ = entity_counts(seeds_build)
    assert tab.evaluate("govkgExplorer.nodes.length") == total
    assert tab.evaluate("govkgExplorer.visibleIds().length") == total
    assert tab.evaluate("Object.keys(govkgExplorer.network.body.nodes).length") >= total
    assert tab.evaluate(NON_BLANK) > 2000  # coloured dots and grey edges on the canvas


def test_search_in_traditional_script_focuses_the_node(page, seeds_build: Path) -> None:
    tab, _ = page
    open_page(tab, seeds_build / "graph.html")
    tab.fill("#search", "沙灣區")
    assert tab.locator("#results li").first.inner_text().startswith("沙湾区")
    tab.press("#search", "Enter")
    assert tab.evaluate("govkgExplorer.network.getSelectedNodes()") == [SHAWAN]
    details = tab.inner_text("#details")
    assert "沙湾区" in details and "Region" in details and "沙灣區" in details  # label, type, alias
    assert "来源文档" in details and "证据句" in details and "樂山市沙灣區" in details


def test_type_checkbox_hides_that_type(page, seeds_build: Path) -> None:
    tab, _ = page
    open_page(tab, seeds_build / "graph.html")
    total, slogans = entity_counts(seeds_build)
    tab.uncheck('#legend input[data-type="Slogan"]')
    visible = tab.evaluate("govkgExplorer.visibleIds()")
    types = tab.evaluate("govkgExplorer.visibleIds().map(id => govkgExplorer.nodes.get(id).type)")
    assert len(visible) == total - slogans and "Slogan" not in types
    drawn = tab.evaluate("govkgExplorer.network.body.nodeIndices")
    assert len(drawn) == total - slogans
    tab.check('#legend input[data-type="Slogan"]')
    assert len(tab.evaluate("govkgExplorer.visibleIds()")) == total


def test_document_filter_keeps_that_documents_entities(page, seeds_build: Path) -> None:
    tab, _ = page
    open_page(tab, seeds_build / "graph.html")
    total, _ = entity_counts(seeds_build)
    options = tab.locator("#doc-filter option")
    assert options.count() == 6  # "all" and five documents
    tab.select_option("#doc-filter", "0")
    docs = tab.evaluate("govkgExplorer.visibleIds().map(id => govkgExplorer.nodes.get(id).docs)")
    assert 0 < len(docs) < total and all(0 in d for d in docs)
    tab.select_option("#doc-filter", "")
    assert len(tab.evaluate("govkgExplorer.visibleIds()")) == total


def test_hovering_a_node_shows_its_details(page, seeds_build: Path) -> None:
    tab, _ = page
    open_page(tab, seeds_build / "graph.html")
    tab.evaluate(f"govkgExplorer.network.moveTo({{position: govkgExplorer.network.getPosition('{SHAWAN}'), scale: 1.5}})")
    box = tab.locator("#network canvas").bounding_box()
    spot = tab.evaluate(f"govkgExplorer.network.canvasToDOM(govkgExplorer.network.getPosition('{SHAWAN}'))")
    tab.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
    tab.wait_for_function("document.querySelector('#details h2') && document.querySelector('#details h2').textContent === '沙湾区'")


def _hostile_graph() -> Graph:
    g = Graph()
    ent, region = ENTITY["enterprise/evil"], ENTITY["region/440300"]
    doc, sent = URIRef("https://w3id.org/govkg/doc/evil"), URIRef("https://w3id.org/govkg/doc/evil/s0")
    g.add((ent, RDF.type, GOVKG.Enterprise))
    g.add((ent, RDFS.label, Literal(HOSTILE, lang="zh")))
    g.add((ent, SKOS.altLabel, Literal("<script>alert(2)</script>", lang="zh")))
    g.add((region, RDF.type, GOVKG.Region))
    g.add((region, RDFS.label, Literal("深圳市", lang="zh")))
    g.add((ent, GOVKG.locatedIn, region))
    g.add((doc, RDFS.label, Literal("<b onmouseover=alert(3)>报告</b>", lang="zh")))
    g.add((sent, GOVKG.text, Literal(f"{HOSTILE}公司落户深圳市。", lang="zh")))
    g.add((sent, GOVKG.inDocument, doc))
    g.add((URIRef(f"{sent}/m0"), GOVKG.mentionOf, ent))
    g.add((URIRef(f"{sent}/m0"), GOVKG.inSentence, sent))
    return g


def test_hostile_names_show_as_text_and_run_nothing(page, tmp_path: Path) -> None:
    tab, watch = page
    write_html(_hostile_graph(), tmp_path / "evil.html", title=HOSTILE)
    open_page(tab, tmp_path / "evil.html")
    assert tab.title() == HOSTILE
    tab.fill("#search", "img src")
    assert tab.locator("#results li").first.inner_text().startswith(HOSTILE)
    tab.press("#search", "Enter")
    details = tab.inner_text("#details")
    assert HOSTILE in details and "<script>alert(2)</script>" in details
    assert "<b onmouseover=alert(3)>报告</b>" in details
    assert tab.evaluate("document.querySelectorAll('img, b, #details script').length") == 0
    assert watch.dialogs == []


def _visible(tab: Any) -> list[dict]:
    return tab.evaluate("govkgExplorer.visibleIds().map(id => govkgExplorer.nodes.get(id))")


def test_region_year_and_confidence_filters_and_the_address_keeps_them(page, seeds_build: Path) -> None:
    tab, watch = page
    open_page(tab, seeds_build / "graph.html")
    total, _ = entity_counts(seeds_build)
    tab.fill("#region-filter", "沙湾区")
    tab.dispatch_event("#region-filter", "change")
    shawan = {n["label"] for n in _visible(tab)}
    assert {"沙湾区", "不锈钢", "钒钛"} <= shawan and "沿滩区" not in shawan and len(shawan) < total / 2
    assert "region=" + SHAWAN.replace(":", "%3A").replace("/", "%2F") in tab.evaluate("location.hash")
    tab.fill("#region-filter", "")
    tab.dispatch_event("#region-filter", "change")
    assert len(_visible(tab)) == total

    years = tab.evaluate("Array.from(document.querySelectorAll('#year-filter option')).map(o => o.value)")
    assert years == ["", "2022", "2023", "2024"]  # the years the five seeds speak for
    tab.select_option("#year-filter", "2023")
    docs = tab.evaluate("govkgExplorer.visibleIds().map(id => govkgExplorer.nodes.get(id).docs)")
    year_docs = tab.evaluate("JSON.parse(document.getElementById('govkg-data').textContent).documents"
                             ".map((d, i) => d.year === 2023 ? i : -1).filter(i => i >= 0)")
    assert 0 < len(docs) < total and all(set(d) & set(year_docs) for d in docs)

    tab.evaluate("const c = document.getElementById('confidence-filter'); c.value = '0.9';"
                 "c.dispatchEvent(new Event('input'))")
    sure = _visible(tab)
    assert 0 < len(sure) < len(docs) and all(n["confidence"] is None or n["confidence"] >= 0.9 for n in sure)
    assert tab.inner_text("#confidence-value") == "0.9"

    address = tab.url
    assert "year=2023" in address and "confidence=0.9" in address
    tab.goto("about:blank")
    tab.goto(address)  # a shared view opens as it was
    tab.wait_for_function("window.govkgReady !== undefined", timeout=60_000)
    assert sorted(n["id"] for n in _visible(tab)) == sorted(n["id"] for n in sure)
    assert tab.input_value("#year-filter") == "2023" and tab.input_value("#confidence-filter") == "0.9"


def test_focus_in_the_address_opens_on_that_entity(page, seeds_build: Path) -> None:
    tab, _ = page
    from urllib.parse import quote

    tab.goto((seeds_build / "graph.html").as_uri() + "#types=Region&focus=" + quote(SHAWAN, safe=""))
    tab.wait_for_function("window.govkgReady !== undefined", timeout=60_000)
    assert tab.evaluate("govkgExplorer.network.getSelectedNodes()") == [SHAWAN]
    assert {n["type"] for n in _visible(tab)} == {"Region"}
    assert not tab.is_checked('#legend input[data-type="Industry"]')
    assert "沙湾区" in tab.inner_text("#details")


def test_every_relation_says_where_it_comes_from(page, seeds_build: Path) -> None:
    """An edge's details give the sentence that states it, or the division table or rule it is derived from."""
    tab, _ = page
    open_page(tab, seeds_build / "graph.html")
    data = tab.evaluate("JSON.parse(document.getElementById('govkg-data').textContent)")
    stated = [e for e in data["edges"] if "sentence" in e]
    derived = [e for e in data["edges"] if "sentence" not in e]
    assert stated and derived and all(e["source"] for e in derived)  # never neither
    assert {e["source"] for e in derived} >= {"region.hierarchy"} and any("cpca" in e["source"] for e in derived)
    for edge, head, text in [(stated[0], "证据句", data["sentences"][stated[0]["sentence"]]),
                             (derived[0], "来源", "由 " + derived[0]["source"] + " 推得")]:
        tab.evaluate("id => govkgExplorer.network.body.emitter.emit('hoverEdge', {edge: id})", edge["id"])
        details = tab.inner_text("#details")
        assert head in details and text in details
    tab.evaluate(f"govkgExplorer.focus('{SHAWAN}')")
    titles = tab.eval_on_selector_all(".tip-relations li", "items => items.map(i => i.title)")
    assert titles and all(t.startswith(("证据句：", "来源：")) for t in titles)

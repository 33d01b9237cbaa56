"""How fast the network page opens at 1k, 5k and 20k nodes (about 2.5 edges per node).

For each size: build a synthetic graph (entities of all six types, each
mentioned in a sentence of one of 20 documents, random relations), write
``graph.html`` with :func:`govkg.export.html.write_html`, open it in headless
Chromium (Playwright, /usr/bin/chromium) and measure the time from navigation
start until the network is drawn and interactive (the page sets
``window.govkgReady`` at its first drawing after the layout settled), then how
long a search-and-focus takes. Prints a table; never passes or fails on time.

    .venv/bin/python benchmarks/explorer.py [--sizes 1000,5000,20000] [--runs 3]
    .venv/bin/python benchmarks/explorer.py --screenshot docs/explorer.png   # the seeds' page, 1000x650
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from govkg.ontology.namespaces import ENTITY, ENTITY_TYPES, GOVKG

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
RELATIONS = ("locatedIn", "develops", "carriesOut", "hosts", "belongsTo", "relatedTo")


def synthetic_graph(n: int, edges_per_node: float = 2.5, seed: int = 7) -> Graph:
    """``n`` entities and ``round(n * edges_per_node)`` random relations, with provenance."""
    rnd = random.Random(seed)
    g = Graph()
    docs = [URIRef(f"https://w3id.org/govkg/doc/d{i:02d}") for i in range(20)]
    for i, doc in enumerate(docs):
        g.add((doc, RDF.type, GOVKG.Document))
        g.add((doc, RDFS.label, Literal(f"第{i}号政府工作报告", lang="zh")))
    ents = []
    for i in range(n):
        kind = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        e = ENTITY[f"{kind.lower()}/x{i:06d}"]
        ents.append(e)
        g.add((e, RDF.type, GOVKG[kind]))
        g.add((e, RDFS.label, Literal(f"实体{i}号{kind}", lang="zh")))
        sent = URIRef(f"{docs[i % 20]}/s{i}")
        mention = URIRef(f"{sent}/m0")
        g.add((mention, GOVKG.mentionOf, e))
        g.add((mention, GOVKG.inSentence, sent))
        g.add((sent, GOVKG.text, Literal(f"推动实体{i}号{kind}高质量发展，加快项目建设。", lang="zh")))
        g.add((sent, GOVKG.inDocument, docs[i % 20]))
    for _ in range(round(n * edges_per_node)):
        s, o = rnd.choice(ents), rnd.choice(ents)
        if s != o:
            g.add((s, GOVKG[rnd.choice(RELATIONS)], o))
    return g


def measure(page: Path, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds to ready, and to search + focus one node, for each run (a fresh browser page)."""
    from playwright.sync_api import sync_playwright

    ready, focus = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for _ in range(runs):
                tab = browser.new_page(viewport={"width": 1400, "height": 900})
                tab.goto(page.as_uri())
                tab.wait_for_function("window.govkgReady !== undefined", timeout=300_000, polling=50)
                ready.append(tab.evaluate("window.govkgReady"))
                start = time.perf_counter()
                tab.evaluate("govkgExplorer.focus(govkgExplorer.search('实体1号Industry')[0].id)")
                tab.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                focus.append((time.perf_counter() - start) * 1000)
                tab.close()
        finally:
            browser.close()
    return ready, focus


def screenshot(out: Path) -> None:
    """Build the seeds, open their page, search 沙灣區 and save a 1000x650 PNG to ``out``."""
    from playwright.sync_api import sync_playwright

    from govkg.export.html import write_html
    from govkg.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        write_html(build([Path(__file__).resolve().parents[1] / "seeds"]).dataset, page, title="govkg 种子报告")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            tab = browser.new_page(viewport={"width": 1000, "height": 650})
            tab.goto(page.as_uri())
            tab.wait_for_function("window.govkgReady !== undefined", timeout=120_000)
            tab.fill("#search", "沙灣區")
            tab.press("#search", "Enter")
            tab.evaluate("govkgExplorer.network.moveTo({scale: 0.9, position: govkgExplorer.network.getPosition("
                         "govkgExplorer.network.getSelectedNodes()[0])})")
            tab.wait_for_timeout(800)
            out.parent.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(out))
            browser.close()
    try:
        from PIL import Image
    except ImportError:
        return
    Image.open(out).convert("RGB").quantize(colors=128).save(out, optimize=True)


def main() -> None:
    from govkg.export.html import write_html

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="Only save a screenshot of the seeds' page here.")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            g = synthetic_graph(n)
            page = Path(tmp) / f"graph-{n}.html"
            start = time.perf_counter()
            write_html(g, page)
            write_s = time.perf_counter() - start
            n_edges = sum(1 for _, p, _ in g if str(p).rsplit("#", 1)[-1] in RELATIONS)
            ready, focus = measure(page, args.runs)
            rows.append((n, n_edges, write_s, page.stat().st_size / 1e6, statistics.median(ready),
                         statistics.median(focus)))
    print(f"{'nodes':>7} {'edges':>7} {'write s':>8} {'page MB':>8} {'ready ms':>9} {'focus ms':>9}")
    for n, e, w, mb, r, f in rows:
        print(f"{n:>7} {e:>7} {w:>8.1f} {mb:>8.1f} {r:>9.0f} {f:>9.0f}")
    print(f"(median of {args.runs} page loads; ready = navigation start to first drawing, "
          "headless Chromium, software rendering)")


if __name__ == "__main__":
    main()

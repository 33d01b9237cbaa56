"""How fast the network page opens, and its overview reacts, at 1k, 5k and 20k nodes (about 2.5 edges per node).

Two shapes of synthetic graph, each entity mentioned in a sentence of one of
20 documents: ``random`` (entities of all six types, random relations: no
region hierarchy, so the overview groups everything into communities) and
``regional`` (regions with real division codes, province > prefecture >
county, the other entities located in or related to one of them, a few in
two provinces, some relations between them, a few linked to nothing: the
shape of a build of government reports). ``--page`` adds pages already
written (the scale build's graph.html).

For each page: write it with :func:`govkg.export.html.write_html`, open it in
headless Chromium (Playwright, /usr/bin/chromium) and measure the time from
navigation start until the network is drawn and interactive (the page sets
``window.govkgReady`` at its first drawing after the layout settled) and how
many nodes are drawn then. On pages with an overview (from
``OVERVIEW_NODE_LIMIT`` entities), in the page: opening the biggest
top-level region group as a click does (from the call to the second frame
after it), then its biggest child group, a search for an entity inside a
closed group and its focus, and the switch to the map layout. Medians of
``--runs`` fresh page loads. Prints a table; never passes or fails on time.

    .venv/bin/python benchmarks/explorer.py [--sizes 1000,5000,20000] [--shapes regional,random] [--runs 3]
    .venv/bin/python benchmarks/explorer.py --sizes '' --page /tmp/scale16/graph.html
    .venv/bin/python benchmarks/explorer.py --screenshot docs/explorer.png   # the seeds' page, 1000x650
    .venv/bin/python benchmarks/explorer.py --overview-shots /tmp/scale16/graph.html   # docs/overview*.png
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


def regional_graph(n: int, seed: int = 7) -> Graph:
    """About ``n`` entities shaped like a build of local government reports (see the module's doc)."""
    from govkg.extractors.gazetteer import load_gazetteer

    rnd = random.Random(seed)
    gaz = load_gazetteer()
    g = Graph()
    docs = [URIRef(f"https://w3id.org/govkg/doc/d{i:02d}") for i in range(20)]
    for i, doc in enumerate(docs):
        g.add((doc, RDF.type, GOVKG.Document))
        g.add((doc, RDFS.label, Literal(f"第{i}号政府工作报告", lang="zh")))
    counties = sorted(c for c, d in gaz.divisions.items() if d.level == "county" and d.parent)
    chosen = sorted(rnd.sample(counties, max(10, n // 40)))
    regions: dict[str, URIRef] = {}
    count = 0

    def mention(e: URIRef, label: str) -> None:
        nonlocal count
        count += 1
        doc = docs[count % 20]
        sent = URIRef(f"{doc}/s{count}")
        g.add((URIRef(f"{sent}/m0"), GOVKG.mentionOf, e))
        g.add((URIRef(f"{sent}/m0"), GOVKG.inSentence, sent))
        g.add((sent, GOVKG.text, Literal(f"推动{label}高质量发展，加快项目建设。", lang="zh")))
        g.add((sent, GOVKG.inDocument, doc))

    for code in chosen:
        chain = [code, *gaz.ancestors(code)]
        for below, here in zip([None, *chain], chain):
            if here not in regions:
                regions[here] = ENTITY[f"region/{here}"]
                g.add((regions[here], RDF.type, GOVKG.Region))
                g.add((regions[here], RDFS.label, Literal(gaz.get(here).name, lang="zh")))
                mention(regions[here], gaz.get(here).name)
            if below is not None:
                g.add((regions[below], GOVKG.locatedIn, regions[here]))
    places = sorted(regions)
    weights = [1.0 / (1 + k) ** 0.8 for k in range(len(places))]  # a few places hold much, as in real builds
    rnd.shuffle(weights)
    link = {"Industry": GOVKG.develops, "Project": GOVKG.locatedIn, "Enterprise": GOVKG.relatedTo,
            "Park": GOVKG.locatedIn, "Slogan": GOVKG.relatedTo}
    others = []
    kinds = [k for k in ENTITY_TYPES if k != "Region"]
    for i in range(max(0, n - len(regions))):
        kind = kinds[i % len(kinds)]
        e = ENTITY[f"{kind.lower()}/y{i:06d}"]
        label = f"实体{i}号{kind}"
        g.add((e, RDF.type, GOVKG[kind]))
        g.add((e, RDFS.label, Literal(label, lang="zh")))
        mention(e, label)
        if rnd.random() < 0.01:
            continue  # linked to nothing
        others.append(e)
        homes = rnd.choices(places, weights, k=2 if rnd.random() < 0.08 else 1)
        for code in homes:
            if kind == "Industry":
                g.add((regions[code], link[kind], e))
            else:
                g.add((e, link[kind], regions[code]))
    edges = sum(1 for _, p, _ in g if str(p).rsplit("#", 1)[-1] in RELATIONS)
    for _ in range(max(0, round(n * 2.5) - edges)):
        s, o = rnd.choice(others), rnd.choice(others)
        if s != o:
            g.add((s, GOVKG[rnd.choice(RELATIONS)], o))
    return g


OVERVIEW_STEPS = """async () => {
  const x = govkgExplorer, frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const time = async (f) => { const t = performance.now(); f(); await frames(); return performance.now() - t; };
  const top = x.groups.map((g, k) => [g, k]).filter(([g]) => g.parent < 0);
  const regions = top.filter(([g]) => g.code);
  const [province, k] = (regions.length ? regions : top).reduce((a, b) => (b[0].count > a[0].count ? b : a));
  const out = {drawn: x.network.body.nodeIndices.length, province: province.label + " " + province.count};
  out.open = await time(() => x.open(x.groupId(k)));
  out.opened_drawn = x.network.body.nodeIndices.length;
  const inner = x.groups.map((g, j) => [g, j]).filter(([g]) => g.parent === k);
  if (inner.length) {
    const [child, j] = inner.reduce((a, b) => (b[0].count > a[0].count ? b : a));
    out.child = child.label + " " + child.count;
    out.open_child = await time(() => x.open(x.groupId(j)));
  }
  x.collapseTo(0);
  await frames();
  const other = top.filter(([g, j]) => j !== k && g.top.length).pop() || top[0];
  const deep = other[0].top[other[0].top.length - 1];
  const label = JSON.parse(document.getElementById("govkg-data").textContent).nodes[deep].label;
  out.focus = await time(() => x.focus(x.search(label)[0].id));
  out.map = await time(() => x.setMode("map"));
  return out;
}"""


def measure(page: Path, runs: int) -> list[dict[str, float]]:
    """For each run (a fresh browser page): ms to ready, nodes drawn, and the overview's or search's timings."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            for _ in range(runs):
                tab = browser.new_page(viewport={"width": 1400, "height": 900})
                tab.goto(page.as_uri())
                tab.wait_for_function("window.govkgReady !== undefined", timeout=300_000, polling=50)
                row = {"ready": tab.evaluate("window.govkgReady")}
                if tab.evaluate("!!window.govkgExplorer.groups"):
                    row.update(tab.evaluate(OVERVIEW_STEPS))
                else:
                    row["drawn"] = tab.evaluate("govkgExplorer.network.body.nodeIndices.length")
                    start = time.perf_counter()
                    tab.evaluate("govkgExplorer.focus(govkgExplorer.search(JSON.parse(document.getElementById("
                                 "'govkg-data').textContent).nodes[1].label)[0].id)")
                    tab.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
                    row["focus"] = (time.perf_counter() - start) * 1000
                rows.append(row)
                tab.close()
        finally:
            browser.close()
    return rows


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
    _quantize(out)


def overview_shots(page: Path, out_dir: Path) -> None:
    """Screenshots (1200x750) of a big page's overview in the network and the map layout."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 750})
        tab.goto(page.as_uri())
        tab.wait_for_function("window.govkgReady !== undefined", timeout=120_000)
        shots = [("overview.png", None), ("overview-map.png", "map")]
        for name, mode in shots:
            if mode:
                tab.evaluate(f"govkgExplorer.setMode('{mode}')")
            tab.wait_for_timeout(500)
            tab.screenshot(path=str(out_dir / name))
            _quantize(out_dir / name)
        browser.close()


def _quantize(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    Image.open(path).convert("RGB").quantize(colors=128).save(path, optimize=True)


def main() -> None:
    from govkg.export.html import write_html

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--shapes", default="regional,random")
    parser.add_argument("--page", type=Path, action="append", default=[], help="Also measure this page as it is.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="Only save a screenshot of the seeds' page here.")
    parser.add_argument("--overview-shots", type=Path, metavar="PAGE",
                        help="Only save docs/overview.png and docs/overview-map.png of this page.")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
        return
    if args.overview_shots:
        overview_shots(args.overview_shots, Path(__file__).resolve().parents[1] / "docs")
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for shape in (s for s in args.shapes.split(",") if s):
            for n in (int(s) for s in args.sizes.split(",") if s):
                g = synthetic_graph(n) if shape == "random" else regional_graph(n)
                page = Path(tmp) / f"graph-{shape}-{n}.html"
                start = time.perf_counter()
                write_html(g, page)
                write_s = time.perf_counter() - start
                n_nodes = len({s for s, p, _ in g if p == RDF.type and str(_).rsplit("#", 1)[-1] in ENTITY_TYPES})
                n_edges = sum(1 for _, p, _ in g if str(p).rsplit("#", 1)[-1] in RELATIONS)
                rows.append((f"{shape} {n_nodes}", n_edges, f"{write_s:.1f}", page.stat().st_size / 1e6,
                             measure(page, args.runs)))
        for page in args.page:
            rows.append((page.name, "", "", page.stat().st_size / 1e6, measure(page, args.runs)))
    print(f"{'graph':>16} {'edges':>6} {'write s':>7} {'MB':>5} {'ready ms':>8} {'drawn':>5} {'open ms':>7} "
          f"{'child ms':>8} {'focus ms':>8} {'map ms':>6}  opened")
    for name, edges, write_s, mb, runs in rows:
        def med(key: str) -> str:
            values = [r[key] for r in runs if key in r]
            return f"{statistics.median(values):.0f}" if values else "-"
        opened = f"{runs[0].get('province', '')} ({runs[0].get('opened_drawn', '')} drawn); {runs[0].get('child', '')}"
        print(f"{name:>16} {edges:>6} {write_s:>7} {mb:>5.1f} {med('ready'):>8} {med('drawn'):>5} {med('open'):>7} "
              f"{med('open_child'):>8} {med('focus'):>8} {med('map'):>6}  {opened if 'province' in runs[0] else ''}")
    print(f"(median of {args.runs} page loads in headless Chromium, software rendering; ready = navigation start "
          "to first drawing; open = a click's work on the biggest top-level region group until the second frame "
          "after it; child = then its biggest child group; focus = search + focus of an entity in a closed group; "
          "map = switch to the map layout)")


if __name__ == "__main__":
    main()

"""GEXF 1.3 and GraphML: read back by networkx and by an independent GEXF reader (graphology-gexf)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from lxml import etree

from govkg.export import get_exporter
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS

from govkg.export.gexf import (
    GEXF_NS, VIZ_NS, XSI_NS, degrees, gexf_bytes, node_size, positions, write_gexf, write_graphml, xml_text,
)
from govkg.export.html import PALETTE
from govkg.export.project import project
from govkg.ontology.namespaces import ENTITY, GOVKG

from .conftest import HOSTILE_NAMES

GEXF_13_SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"


# What GEXF 1.3's schema (gexf.xsd, viz.xsd) allows on the elements we write. No package ships the XSD,
# so the structure is checked here: the attributes each element may carry and those it must.
_ALLOWED = {
    "node": {"id", "label", "pid", "start", "end", "startopen", "endopen"},
    "edge": {"id", "kind", "type", "label", "source", "target", "weight", "start", "end", "startopen", "endopen"},
    "attvalue": {"for", "value", "start", "end", "startopen", "endopen"},
    "attribute": {"id", "title", "type"},
    "color": {"r", "g", "b", "a"},
    "size": {"value"},
    "position": {"x", "y", "z"},
    "spell": {"start", "end", "startopen", "endopen"},
    "graph": {"defaultedgetype", "mode", "timeformat", "timerepresentation", "idtype"},
}
_REQUIRED = {"node": {"id"}, "edge": {"id", "source", "target"}, "attvalue": {"for", "value"},
             "attribute": {"id", "title", "type"}, "color": {"r", "g", "b"}, "size": {"value"},
             "position": {"x", "y"}, "spell": {"start", "end"}, "graph": {"mode"}}
_ATTR_TYPES = {"integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI",
               "listinteger", "listlong", "listdouble", "listfloat", "listboolean", "listbyte", "listshort",
               "listchar", "listbigdecimal", "listbiginteger", "byte", "short", "char", "bigdecimal", "biginteger"}


def gexf_13_problems(data: bytes) -> list[str]:
    """What keeps ``data`` from being a GEXF 1.3 document: namespaces, version, and the structure of what we write.

    Checked: the xsi namespace and schema location (networkx 1.3's mistake), each element in the GEXF or viz
    namespace, the attributes of nodes, edges, values and viz elements against the 1.3 schema, unique node and
    edge ids, edges between declared nodes, values only for declared attributes, numbers where numbers belong.
    """
    root = etree.fromstring(data)
    problems = []
    if root.tag != f"{{{GEXF_NS}}}gexf":
        problems.append(f"root is {root.tag}")
    if root.get("version") != "1.3":
        problems.append(f"version {root.get('version')}")
    if root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation") != GEXF_13_SCHEMA_LOCATION:
        problems.append(f"xsi namespace or schemaLocation wrong: {root.attrib}")
    declared: dict[str, set[str]] = {"node": set(), "edge": set()}
    for decl in root.iter(f"{{{GEXF_NS}}}attributes"):
        for attr in decl:
            declared[decl.get("class")].add(attr.get("id"))
            if attr.get("type") not in _ATTR_TYPES:
                problems.append(f"attribute type {attr.get('type')}")
    node_ids: set[str] = set()
    edge_ids: set[str] = set()
    for el in root.iter():
        qname = etree.QName(el)
        if qname.namespace not in (GEXF_NS, VIZ_NS):
            problems.append(f"element in namespace {qname.namespace}")
            continue
        name = qname.localname
        if (qname.namespace == VIZ_NS) != (name in {"color", "size", "position"}):
            problems.append(f"{name} in namespace {qname.namespace}")
        if name not in _ALLOWED:
            continue
        attrs = set(el.attrib)
        if attrs - _ALLOWED[name] or _REQUIRED[name] - attrs:
            problems.append(f"{name} with attributes {sorted(attrs)}")
        if name in ("position", "size"):
            for key in attrs:
                try:
                    float(el.get(key))
                except ValueError:
                    problems.append(f"{name} {key}={el.get(key)!r} is not a number")
        elif name == "node":
            if el.get("id") in node_ids:
                problems.append(f"duplicate node id {el.get('id')}")
            node_ids.add(el.get("id"))
        elif name == "edge":
            if el.get("id") in edge_ids:
                problems.append(f"duplicate edge id {el.get('id')}")
            edge_ids.add(el.get("id"))
        elif name == "attvalue":
            owner = etree.QName(el.getparent().getparent()).localname
            if el.get("for") not in declared.get(owner, ()):
                problems.append(f"value for undeclared {owner} attribute {el.get('for')}")
    for edge in root.iter(f"{{{GEXF_NS}}}edge"):
        if not {edge.get("source"), edge.get("target")} <= node_ids:
            problems.append(f"edge {edge.get('id')} to an undeclared node")
    return problems


@pytest.fixture(scope="module")
def hostile_files(hostile_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("gexf")
    write_gexf(hostile_graph, out / "g.gexf")
    write_graphml(hostile_graph, out / "g.graphml")
    return out


def test_gexf_is_declared_as_gexf_13(hostile_files):
    assert gexf_13_problems((hostile_files / "g.gexf").read_bytes()) == []
    assert XSI_NS == "http://www.w3.org/2001/XMLSchema-instance"


def test_the_declaration_check_catches_networkx_13_output(tmp_path):
    g = nx.DiGraph([("a", "b")])
    nx.write_gexf(g, tmp_path / "nx.gexf", version="1.3")
    assert gexf_13_problems((tmp_path / "nx.gexf").read_bytes())  # networkx's wrong xsi namespace


def test_the_structure_check_catches_what_gexf_13_forbids(hostile_files):
    data = (hostile_files / "g.gexf").read_bytes()
    assert gexf_13_problems(data) == []
    for good, bad in (('z="0.0"', 'z="left"'), (' kind="', ' colour="'), ('id="e1"', 'id="e0"'),
                      ('<attvalue for="type"', '<attvalue for="kind"')):
        assert good.encode() in data, good
        assert gexf_13_problems(data.replace(good.encode(), bad.encode(), 1)), bad


def test_gexf_reads_back_with_networkx(hostile_graph, hostile_files):
    p = project(hostile_graph)
    g = nx.read_gexf(hostile_files / "g.gexf")
    assert g.number_of_nodes() == len(p.nodes) and g.number_of_edges() == len(p.edges)
    degree = degrees(p)
    for n in p.nodes:
        data = g.nodes[n.id]
        assert data["label"] == n.label and data["type"] == n.type
        assert json.loads(data["aliases"]) == list(n.aliases)
        assert json.loads(data["documents"]) == list(n.documents)
        colour = data["viz"]["color"]
        assert "#{:02X}{:02X}{:02X}".format(colour["r"], colour["g"], colour["b"]) == PALETTE[n.type]
        assert data["viz"]["size"] == node_size(degree[n.id])
    labels = {g.nodes[v]["label"] for v in g}
    aliases = {a for v in g for a in json.loads(g.nodes[v]["aliases"])}
    assert set(HOSTILE_NAMES) - {xml_text(h) for h in HOSTILE_NAMES} == set()  # no control characters
    for name in HOSTILE_NAMES:
        # XML normalises a lone CR to LF on reading unless escaped; lxml escapes it
        assert name in labels or name in aliases, name
    relations = sorted(d["relation"] for _, _, d in g.edges(data=True))
    assert relations == sorted(e.type for e in p.edges)
    assert all(d["label"] == d["relation"] for _, _, d in g.edges(data=True))
    where = positions(p)
    assert {v: (d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for v, d in g.nodes(data=True)} == where


def two_relations_between_one_pair() -> Graph:
    """Three regions; 南山区 is both located in and part of 深圳市: two relations, one node pair."""
    g = Graph()
    names = {"440305": "南山区", "440300": "深圳市", "440000": "广东省"}
    for code, label in names.items():
        g.add((ENTITY[f"region/{code}"], RDF.type, GOVKG.Region))
        g.add((ENTITY[f"region/{code}"], RDFS.label, Literal(label, lang="zh")))
    g.add((ENTITY["region/440305"], GOVKG.locatedIn, ENTITY["region/440300"]))
    g.add((ENTITY["region/440300"], GOVKG.hasPart, ENTITY["region/440305"]))  # the other way: a different pair
    g.add((ENTITY["region/440305"], GOVKG.hasPart, ENTITY["region/440300"]))  # nonsense, but a second relation
    g.add((ENTITY["region/440300"], GOVKG.locatedIn, ENTITY["region/440000"]))
    return g


def test_several_relations_between_one_pair_stay_separate_edges_with_their_kind(tmp_path, node_tool):
    graph = two_relations_between_one_pair()
    write_gexf(graph, tmp_path / "pair.gexf")
    data = (tmp_path / "pair.gexf").read_bytes()
    assert gexf_13_problems(data) == []
    g = nx.read_gexf(tmp_path / "pair.gexf")
    assert isinstance(g, nx.MultiDiGraph) and g.number_of_edges() == 4
    nanshan, shenzhen = str(ENTITY["region/440305"]), str(ENTITY["region/440300"])
    between = g.get_edge_data(nanshan, shenzhen)
    assert len(between) == 2 and len({d["id"] for d in between.values()}) == 2
    assert sorted(d["relation"] for d in between.values()) == ["hasPart", "locatedIn"]
    assert all(d["label"] == d["relation"] for d in between.values())
    root = etree.fromstring(data)
    kinds = sorted((e.get("source"), e.get("target"), e.get("kind"), e.get("label"))
                   for e in root.iter(f"{{{GEXF_NS}}}edge"))
    assert [k for k in kinds if k[:2] == (nanshan, shenzhen)] == [
        (nanshan, shenzhen, "hasPart", "hasPart"), (nanshan, shenzhen, "locatedIn", "locatedIn")]
    rc, [read] = node_tool("read-gexf.js", str(tmp_path / "pair.gexf"))
    assert rc == 0 and read["size"] == 4
    assert sorted(a["kind"] for s, t, a in read["edges"] if (s, t) == (nanshan, shenzhen)) == ["hasPart", "locatedIn"]


def test_every_node_sits_where_the_network_page_draws_it(seeds_out, seeds_graph, tmp_path):
    page = (seeds_out / "graph.html").read_text(encoding="utf-8")
    start = page.index(">", page.index('<script type="application/json" id="govkg-data">')) + 1
    drawn = {n["id"]: (n["x"], n["y"]) for n in json.loads(page[start:page.index("</script>", start)])["nodes"]}
    write_gexf(seeds_graph, tmp_path / "s.gexf")
    g = nx.read_gexf(tmp_path / "s.gexf")
    placed = {v: (d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for v, d in g.nodes(data=True)}
    assert len(placed) == g.number_of_nodes() == len(drawn) > 100
    assert placed == {v: (x, -y) for v, (x, y) in drawn.items()}  # Gephi's y grows upwards, the page's down
    assert len(set(placed.values())) > 0.9 * len(placed)  # a layout, not a heap
    assert positions(project(seeds_graph)) == placed


def test_several_relations_between_one_pair_in_the_seeds(seeds_graph, tmp_path):
    write_gexf(seeds_graph, tmp_path / "s.gexf")
    root = etree.fromstring((tmp_path / "s.gexf").read_bytes())
    by_pair: dict[tuple[str, str], list[str]] = {}
    for e in root.iter(f"{{{GEXF_NS}}}edge"):
        assert e.get("kind") == e.get("label") and e.get("kind")
        by_pair.setdefault((e.get("source"), e.get("target")), []).append(e.get("kind"))
    assert all(len(kinds) == len(set(kinds)) for kinds in by_pair.values())
    g = nx.read_gexf(tmp_path / "s.gexf")
    assert g.number_of_edges() == len(project(seeds_graph).edges)


def test_gexf_reads_back_with_graphology(hostile_graph, hostile_files, node_tool):
    rc, [data] = node_tool("read-gexf.js", str(hostile_files / "g.gexf"))
    p = project(hostile_graph)
    assert rc == 0 and data["directed"]
    assert data["order"] == len(p.nodes) and data["size"] == len(p.edges)
    for n in p.nodes:
        attrs = data["nodes"][n.id]
        assert attrs["label"] == n.label and attrs["type"] == n.type
        assert list(attrs["aliases"]) == list(n.aliases)
        assert attrs["color"].replace(" ", "") == "rgb({},{},{})".format(*(int(PALETTE[n.type][i:i + 2], 16)
                                                                         for i in (1, 3, 5)))
    where = positions(p)
    assert {v: (a["x"], a["y"]) for v, a in data["nodes"].items()} == where
    assert sorted((s, t, a["kind"], a["label"]) for s, t, a in data["edges"]) == sorted(
        (e.source, e.target, e.type, e.type) for e in p.edges)


def test_graphology_rejects_a_broken_file(tmp_path, node_tool):
    (tmp_path / "bad.gexf").write_text("<gexf xmlns='http://gexf.net/1.3'/>", encoding="utf-8")
    rc, _ = node_tool("read-gexf.js", str(tmp_path / "bad.gexf"))
    assert rc == 1


def test_graphml_reads_back_with_networkx(hostile_graph, hostile_files):
    p = project(hostile_graph)
    g = nx.read_graphml(hostile_files / "g.graphml", force_multigraph=True)
    assert g.number_of_nodes() == len(p.nodes) and g.number_of_edges() == len(p.edges)
    for n in p.nodes:
        data = g.nodes[n.id]
        assert (data["label"], data["type"], data["color"]) == (n.label, n.type, PALETTE[n.type])
        assert json.loads(data["aliases"]) == list(n.aliases)
        assert data.get("definition", "") == n.definition
    evidence = {(s, t, d["relation"]): d["evidence"] for s, t, d in g.edges(data=True)}
    assert evidence == {(e.source, e.target, e.type): e.first_evidence for e in p.edges}


def test_seeds_round_trip(seeds_graph, tmp_path):
    p = project(seeds_graph)
    write_gexf(seeds_graph, tmp_path / "s.gexf")
    write_graphml(seeds_graph, tmp_path / "s.graphml")
    assert gexf_13_problems((tmp_path / "s.gexf").read_bytes()) == []
    for g in (nx.read_gexf(tmp_path / "s.gexf"), nx.read_graphml(tmp_path / "s.graphml", force_multigraph=True)):
        assert (g.number_of_nodes(), g.number_of_edges()) == (len(p.nodes), len(p.edges))


def test_xml_text_replaces_what_xml_cannot_hold(tmp_path):
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, RDFS

    from govkg.ontology.namespaces import ENTITY, GOVKG

    g = Graph()
    g.add((ENTITY["park/p"], RDF.type, GOVKG.Park))
    g.add((ENTITY["park/p"], RDFS.label, Literal("园\x00区\x1b", lang="zh")))
    write_gexf(g, tmp_path / "c.gexf")
    write_graphml(g, tmp_path / "c.graphml")
    assert nx.read_gexf(tmp_path / "c.gexf").nodes[str(ENTITY["park/p"])]["label"] == "园\ufffd区\ufffd"
    assert nx.read_graphml(tmp_path / "c.graphml").nodes[str(ENTITY["park/p"])]["label"] == "园\ufffd区\ufffd"


def test_deterministic_and_registered(hostile_graph, tmp_path):
    assert gexf_bytes(project(hostile_graph)) == gexf_bytes(project(hostile_graph))
    write_graphml(hostile_graph, tmp_path / "a.graphml")
    write_graphml(hostile_graph, tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert get_exporter("gexf") is write_gexf and get_exporter("graphml") is write_graphml


def test_entities_and_relations_carry_their_years_for_gephis_timeline(seeds_graph, tmp_path):
    """Each entity's years are the years its documents speak for and its milestones' years; a relation's, its
    documents'; consecutive years make one spell; the graph is dynamic with date time."""
    write_gexf(seeds_graph, tmp_path / "s.gexf")
    data = (tmp_path / "s.gexf").read_bytes()
    assert gexf_13_problems(data) == []
    graph = etree.fromstring(data).find(f"{{{GEXF_NS}}}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("timerepresentation")) == ("dynamic", "date",
                                                                                            "interval")
    g = nx.read_gexf(tmp_path / "s.gexf")
    spells = {v: d.get("spells") for v, d in g.nodes(data=True)}
    assert all(spells.values())  # every seed speaks for a year
    years = {s for v in spells.values() for s in v}
    assert {start[:4] for start, _ in years} >= {"2022", "2023", "2024"}
    assert all(start.endswith("-01-01") and end.endswith("-12-31") and start[:4] <= end[:4] for start, end in years)
    by_label = {d["label"]: v for v, d in g.nodes(data=True)}
    # under construction in 2022 (reported by the 2023 report), and planned on in 2023: one spell of two years
    assert spells[by_label["中昊晨光一期"]] == [("2022-01-01", "2023-12-31")]
    assert spells[by_label["沿滩区"]] == [("2023-01-01", "2023-12-31")]
    assert all(d.get("spells") for _, _, d in g.edges(data=True) if d.get("relation") != "locatedIn")


def test_a_graph_without_years_stays_static(hostile_graph, tmp_path):
    write_gexf(hostile_graph, tmp_path / "h.gexf")
    graph = etree.fromstring((tmp_path / "h.gexf").read_bytes()).find(f"{{{GEXF_NS}}}graph")
    assert graph.get("mode") == "static" and graph.get("timeformat") is None
    assert not list(graph.iter(f"{{{GEXF_NS}}}spells"))

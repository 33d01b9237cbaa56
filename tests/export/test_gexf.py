"""GEXF 1.3 and GraphML: read back by networkx and by an independent GEXF reader (graphology-gexf)."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from lxml import etree

from govkg.export import get_exporter
from govkg.export.gexf import (
    GEXF_NS, VIZ_NS, XSI_NS, degrees, gexf_bytes, node_size, write_gexf, write_graphml, xml_text,
)
from govkg.export.html import PALETTE
from govkg.export.project import project

from .conftest import HOSTILE_NAMES

GEXF_13_SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"


def gexf_13_problems(data: bytes) -> list[str]:
    """What keeps ``data`` from being a well-declared GEXF 1.3 document (namespaces, version)."""
    root = etree.fromstring(data)
    problems = []
    if root.tag != f"{{{GEXF_NS}}}gexf":
        problems.append(f"root is {root.tag}")
    if root.get("version") != "1.3":
        problems.append(f"version {root.get('version')}")
    if root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation") != GEXF_13_SCHEMA_LOCATION:
        problems.append(f"xsi namespace or schemaLocation wrong: {root.attrib}")
    for el in root.iter():
        ns = etree.QName(el).namespace
        if ns not in (GEXF_NS, VIZ_NS):
            problems.append(f"element in namespace {ns}")
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
    assert sorted((s, t) for s, t, _ in data["edges"]) == sorted((e.source, e.target) for e in p.edges)


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

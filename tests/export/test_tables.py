"""CSV tables nodes.csv and edges.csv: parse back to the projection, hostile names intact."""

from __future__ import annotations

import csv
import json

import pytest

from govkg.errors import OutputError
from govkg.export import get_exporter
from govkg.export.project import project
from govkg.export.tables import EDGE_COLUMNS, NODE_COLUMNS, write_csv

from .conftest import HOSTILE_NAMES


def read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_parse_back(hostile_graph, tmp_path):
    write_csv(hostile_graph, tmp_path)
    p = project(hostile_graph)
    nodes, edges = read(tmp_path / "nodes.csv"), read(tmp_path / "edges.csv")
    assert list(nodes[0]) == list(NODE_COLUMNS) and list(edges[0]) == list(EDGE_COLUMNS)
    assert [(r["id"], r["type"], r["label"], tuple(json.loads(r["aliases"])), tuple(json.loads(r["documents"])),
             r["definition"], r["adminCode"]) for r in nodes] == \
        [(n.id, n.type, n.label, n.aliases, n.documents, n.definition, n.admin_code) for n in p.nodes]
    assert [(r["source"], r["target"], r["type"], r["evidence"], tuple(json.loads(r["documents"])))
            for r in edges] == [(e.source, e.target, e.type, e.first_evidence, e.documents) for e in p.edges]
    names = {r["label"] for r in nodes} | {a for r in nodes for a in json.loads(r["aliases"])}
    assert set(HOSTILE_NAMES) <= names
    assert not (tmp_path / "nodes.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_seeds_counts(seeds_graph, tmp_path):
    write_csv(seeds_graph, tmp_path)
    p = project(seeds_graph)
    assert len(read(tmp_path / "nodes.csv")) == len(p.nodes) > 100
    assert len(read(tmp_path / "edges.csv")) == len(p.edges) > 100
    ids = {r["id"] for r in read(tmp_path / "nodes.csv")}
    assert all(r["source"] in ids and r["target"] in ids for r in read(tmp_path / "edges.csv"))


def test_refuses_a_file_and_is_registered(hostile_graph, tmp_path):
    (tmp_path / "x").write_text("")
    with pytest.raises(OutputError):
        write_csv(hostile_graph, tmp_path / "x")
    assert get_exporter("csv") is write_csv


def test_every_exported_edge_has_evidence_or_a_source(seeds_graph, tmp_path):
    """Links the gazetteer or a rule derived carry what they come from; no edge has an empty evidence field."""
    edges = project(seeds_graph).edges
    derived = [e for e in edges if not e.evidence]
    assert derived, "the seeds have parent links no sentence states"
    assert all(e.derived_from and e.first_evidence.startswith("derived from ") for e in derived)
    assert {e.type for e in derived} == {"locatedIn"}
    sources = {s for e in derived for s in e.derived_from}
    assert "region.hierarchy" in sources and any(s.startswith("cpca ") for s in sources)
    assert all(e.first_evidence == e.evidence[0] for e in edges if e.evidence)

    write_csv(seeds_graph, tmp_path)
    with open(tmp_path / "edges.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(edges) and all(r["evidence"] for r in rows)
    for fmt, name in (("gexf", "g.gexf"), ("graphml", "g.graphml"), ("neo4j", "neo4j")):
        get_exporter(fmt)(seeds_graph, tmp_path / name)
    import networkx as nx

    for graph in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert graph.number_of_edges() == len(edges)
        assert all(data.get("evidence") for _, _, data in graph.edges(data=True))
    for path in (tmp_path / "neo4j").glob("relationships_*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            assert all(r["evidence"] for r in csv.DictReader(fh)), path.name

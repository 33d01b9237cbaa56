"""Cypher for FalkorDB: the script loaded as it is into a real FalkorDB, counted against SPARQL on the same graph."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS

from govkg.cli import main
from govkg.errors import GovkgError
from govkg.export import get_exporter
from govkg.export.cypher import DIALECTS, FALKORDB, cypher_script, falkordb_string, write_cypher
from govkg.export.neo4j import write_neo4j
from govkg.export.project import Projection, project, relation_type
from govkg.ontology.namespaces import DIVISION, ENTITY, ENTITY_TYPES, GOVKG, RELATIONS
from tests.falkordb_server import falkordb, run_script, scalar  # noqa: F401  (the session fixture)

from .conftest import HOSTILE_NAMES, ROOT, missing

SCALE = ROOT.parent / "shared" / "corpus" / "scale"
SLICE = 20
"""Scale-corpus reports built for the count comparison."""

ODD_NAMES = (
    "unit\u001fseparator", "semi;colon|pipe", "back\\slash\\", "quote'\"both", "\\u001f written out",
    "crlf\r\nend", "form\ffeed\u000bvtab\u001cfs", "line\u2028sep", "🀄 非BMP", "nul\x00byte",
)
"""Names beside :data:`HOSTILE_NAMES` that a FalkorDB literal must carry: separators, escapes written out, NUL."""


def stored(name: str) -> str:
    """What FalkorDB can hold of ``name``: its strings end at NUL, so NUL becomes U+FFFD."""
    return name.replace("\x00", "\ufffd")


def odd_graph() -> Graph:
    """One park per odd name (as label and alias), each located in the region of the next: relations with odd ids."""
    g = Graph()
    names = (*HOSTILE_NAMES, *ODD_NAMES)
    parks = [ENTITY[f"park/p{i}"] for i in range(len(names))]
    for i, (park, name) in enumerate(zip(parks, names)):
        g.add((park, RDF.type, GOVKG.Park))
        g.add((park, RDFS.label, Literal(name, lang="zh")))
        g.add((park, SKOS.altLabel, Literal(names[-1 - i], lang="zh")))
        g.add((park, GOVKG.hosts, parks[(i + 1) % len(parks)]))
    return g


def load(server, name: str, script: str):
    graph = server.graph(name)
    run_script(graph, script)
    return graph


def graph_rows(graph) -> tuple[dict, set]:
    """Nodes (id -> properties with the label) and relationships as FalkorDB holds them."""
    nodes = {}
    for labels, props in graph.query("MATCH (n) RETURN labels(n), properties(n)").result_set:
        nodes[props["id"]] = {**props, ":label": labels}
    edges = set()
    for a, t, b, evidence, docs in graph.query(
            "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, r.evidence, r.documents").result_set:
        edges.add((a, t, b, evidence, tuple(docs)))
    return nodes, edges


def assert_same_as_projection(graph, p: Projection) -> None:
    nodes, edges = graph_rows(graph)
    assert set(nodes) == {stored(n.id) for n in p.nodes}
    for n in p.nodes:
        got = nodes[stored(n.id)]
        assert got[":label"] == [n.type]
        assert got["label"] == stored(n.label)
        assert got["aliases"] == [stored(a) for a in n.aliases]
        assert got["documents"] == [stored(d) for d in n.documents]
        assert got.get("definition", "") == stored(n.definition)
        assert got.get("adminCode", "") == n.admin_code
    assert edges == {(stored(e.source), relation_type(e.type), stored(e.target), stored(e.first_evidence),
                      tuple(stored(d) for d in e.documents)) for e in p.edges}


@pytest.mark.parametrize("name", HOSTILE_NAMES + ODD_NAMES)
def test_a_falkordb_literal_reads_back_as_the_name(falkordb, name):
    assert scalar(falkordb.graph("literal"), f"RETURN {falkordb_string(name)}") == stored(name)


def test_the_neo4j_escapes_would_not_do_for_falkordb(falkordb):
    """Why FalkorDB is a dialect of its own: it refuses Neo4j's constraint and reads \\u001f as six characters."""
    from govkg.export.cypher import cypher_string

    with pytest.raises(Exception, match="(?i)invalid input|constraint"):
        falkordb.graph("neo4j").query("CREATE CONSTRAINT govkg_region_id IF NOT EXISTS FOR (n:Region) "
                                      "REQUIRE n.id IS UNIQUE")
    separated = "a\u001fb"
    assert scalar(falkordb.graph("neo4j"), "RETURN " + cypher_string(separated)) == "a\\u001fb"


def test_hostile_graph_loads_and_every_value_round_trips(falkordb, hostile_graph):
    p = project(hostile_graph)
    graph = load(falkordb, "hostile", cypher_script(p, FALKORDB))
    assert_same_as_projection(graph, p)


def test_odd_names_with_separators_control_characters_and_nul_round_trip(falkordb, tmp_path):
    g = odd_graph()
    write_cypher(g, tmp_path / "odd.cypher", dialect="falkordb")
    text = (tmp_path / "odd.cypher").read_text(encoding="utf-8")
    graph = load(falkordb, "odd", text)
    p = project(g)
    assert_same_as_projection(graph, p)
    labels = {row[0] for row in graph.query("MATCH (n:Park) RETURN n.label").result_set}
    assert labels == {stored(name) for name in (*HOSTILE_NAMES, *ODD_NAMES)}
    assert scalar(graph, "MATCH ()-[r:HOSTS]->() RETURN count(r)") == len(HOSTILE_NAMES) + len(ODD_NAMES)


def test_script_makes_indexes_first_and_speaks_no_neo4j(falkordb, hostile_graph):
    text = cypher_script(project(hostile_graph), FALKORDB)
    statements = [line for line in text.split("\n") if line.strip() and not line.startswith("//")]
    indexes = [s for s in statements if s.startswith("CREATE INDEX")]
    assert statements[:len(ENTITY_TYPES)] == indexes == [f"CREATE INDEX FOR (n:{k}) ON (n.id);" for k in ENTITY_TYPES]
    # the rows as the parameter $rows: FalkorDB parses a parameter list ~100 times faster than a literal one
    assert all(s.startswith("CYPHER rows=[") and "] UNWIND $rows AS row " in s and s.endswith(";")
               for s in statements[len(indexes):])
    for neo4j_only in ("CONSTRAINT", "IS UNIQUE", "IF NOT EXISTS", "REQUIRE", "apoc.", "EXISTS {", "datetime("):
        assert neo4j_only not in text
    assert "\r" not in text and "\\u" not in text
    graph = load(falkordb, "indexes", text)
    indexed = {row[0] for row in graph.query("CALL db.indexes() YIELD label, properties RETURN label, properties")
               .result_set if row[1] == ["id"]}
    assert indexed == set(ENTITY_TYPES)


def test_data_statements_run_twice_add_nothing(falkordb, hostile_graph):
    text = cypher_script(project(hostile_graph), FALKORDB)
    graph = load(falkordb, "twice", text)
    before = graph_rows(graph)
    run_script(graph, "\n".join(line for line in text.split("\n") if not line.startswith("CREATE INDEX")))
    assert graph_rows(graph) == before


def test_neo4j_dialect_is_the_neo4j_folders_script(hostile_graph, tmp_path):
    write_cypher(hostile_graph, tmp_path / "n.cypher")
    write_neo4j(hostile_graph, tmp_path / "neo4j")
    assert (tmp_path / "n.cypher").read_bytes() == (tmp_path / "neo4j" / "import.cypher").read_bytes()
    with pytest.raises(GovkgError, match="falkordb, neo4j"):
        write_cypher(hostile_graph, tmp_path / "x.cypher", dialect="memgraph")
    assert get_exporter("cypher") is write_cypher


# --- the same counts as SPARQL on the built graph ----------------------------------------------------------------

def sparql_counts(build: Path) -> dict[str, int]:
    """Entities, entity-to-entity relations and two-relation paths in ``build``'s graph.ttl, counted by Oxigraph."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.bulk_load(path=str(build / "graph.ttl"), format=RdfFormat.TURTLE)
    types = " ".join(f"<{GOVKG[k]}>" for k in (*ENTITY_TYPES, DIVISION))  # a Division is a Region node there
    relations = " ".join(f"<{GOVKG[r]}>" for r in RELATIONS)

    def edges(s: str, p: str, o: str) -> str:
        return (f"{{ SELECT DISTINCT ?{s} ?{p} ?{o} WHERE {{ VALUES ?{p} {{ {relations} }} ?{s} ?{p} ?{o} . "
                f"?{s} a ?{s}_t . ?{o} a ?{o}_t . VALUES ?{s}_t {{ {types} }} VALUES ?{o}_t {{ {types} }} }} }}")

    queries = {
        "nodes": f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?t {{ {types} }} ?s a ?t FILTER(isIRI(?s)) }}",
        "edges": f"SELECT (COUNT(*) AS ?n) WHERE {{ {edges('s', 'p', 'o')} }}",
        # a path (a)-[r1]->(b)-[r2]->(c): Cypher never uses one relationship twice in a path
        "two_hop": f"SELECT (COUNT(*) AS ?n) WHERE {{ {edges('a', 'p', 'b')} {edges('b', 'q', 'c')} "
                   f"FILTER(!(?a = ?b && ?b = ?c && ?p = ?q)) }}",
    }
    return {key: int(next(iter(store.query(q)))["n"].value) for key, q in queries.items()}


def falkordb_counts(graph) -> dict[str, int]:
    """Nodes, relationships and two-relationship paths in FalkorDB.

    The relationships are counted by what the paths hold: FalkorDB's ``count(*)`` over a pattern counts two
    relationships between the same two nodes once (its issue 248; on the seeds ``MATCH (a)-[r]->(b) RETURN
    count(*)`` gives 574 for 580 relationships, and the two-hop ``count(*)`` 4,748 for 5,024 paths).
    """
    return {
        "nodes": scalar(graph, "MATCH (n) RETURN count(n)"),
        "edges": scalar(graph, "MATCH ()-[r]->() RETURN count(r)"),
        "two_hop": scalar(graph, "MATCH (a)-[r1]->(b)-[r2]->(c) RETURN count([id(r1), id(r2)])"),
    }


def export_and_load(server, build: Path, name: str, tmp_path: Path):
    script = tmp_path / f"{name}.cypher"
    result = CliRunner().invoke(main, ["export", str(build), "--to", "cypher", "--dialect", "falkordb",
                                       "--out", str(script)])
    assert result.exit_code == 0, result.output + result.stderr
    return load(server, name, script.read_text(encoding="utf-8"))


def test_seeds_counts_equal_sparql(falkordb, seeds_out, tmp_path):
    graph = export_and_load(falkordb, seeds_out, "seeds", tmp_path)
    counts = falkordb_counts(graph)
    assert counts == sparql_counts(seeds_out)
    assert counts["nodes"] > 100 and counts["edges"] > 100 and counts["two_hop"] > 100


@pytest.fixture(scope="module")
def scale_slice(tmp_path_factory) -> Path:
    """A build of the first :data:`SLICE` scale-corpus reports (in path order)."""
    if not SCALE.is_dir():
        missing(f"the scale corpus is not at {SCALE}")
    files = sorted(SCALE.rglob("*.txt"))[:SLICE]
    assert len(files) == SLICE
    out = tmp_path_factory.mktemp("scale-slice") / "out"
    result = CliRunner().invoke(main, ["build", *map(str, files), "--out", str(out), "--no-html",
                                       "--jobs", str(min(2, os.cpu_count() or 1))])
    assert result.exit_code == 0, result.output + result.stderr
    return out


def test_scale_slice_counts_equal_sparql(falkordb, scale_slice, tmp_path):
    started = time.perf_counter()
    graph = export_and_load(falkordb, scale_slice, "scale", tmp_path)
    counts = falkordb_counts(graph)
    assert counts == sparql_counts(scale_slice), f"exported and loaded in {time.perf_counter() - started:.1f} s"
    assert counts["nodes"] > 500 and counts["edges"] > 500 and counts["two_hop"] > 500
    assert_same_as_projection(graph, project(_load(scale_slice)))


def _load(build: Path):
    from govkg.graph.load import load_graph

    return load_graph(build)


def test_cli_dialect_choices_are_the_dialects_and_apply_to_cypher_only(seeds_out, tmp_path):
    option = next(p for p in main.commands["export"].params if p.name == "dialect")
    assert set(option.type.choices) == set(DIALECTS)
    result = CliRunner().invoke(main, ["export", str(seeds_out), "--to", "gexf", "--dialect", "falkordb",
                                       "--out", str(tmp_path / "g.gexf")])
    assert result.exit_code == 2 and "--dialect only applies to --to cypher" in result.stderr
    assert not (tmp_path / "g.gexf").exists()

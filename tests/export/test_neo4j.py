"""The Neo4j export: Cypher checked by Neo4j's own parser, CSVs loaded into a real graph database."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from rdflib import Dataset

from govkg.errors import OutputError
from govkg.export import get_exporter
from govkg.export.neo4j import (
    BATCH_SIZE, NODE_HEADER, REL_HEADER, array_delimiter, cypher_script, cypher_string, write_neo4j,
)
from govkg.export.project import project, relation_type
from govkg.export.rdf import union_graph
from govkg.ontology.namespaces import ENTITY_TYPES, RELATIONS

from .conftest import HOSTILE_NAMES, missing

ALLOWED_KEYWORDS = {"AS", "CONSTRAINT", "CREATE", "EXISTS", "FOR", "IF", "IS", "MATCH", "MERGE", "NOT",
                    "REQUIRE", "SET", "UNIQUE", "UNWIND"}
_CYPHER_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_SIMPLE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def decode_cypher_string(token: str) -> str:
    """A Cypher string literal token (as the parser saw it) back to its value."""
    assert token[0] == token[-1] and token[0] in "'\""
    def repl(m: re.Match[str]) -> str:
        esc = m.group(1)
        if esc[0] in "uU" and len(esc) > 1:
            return chr(int(esc[1:], 16))
        return _SIMPLE[esc]
    return _CYPHER_ESCAPE.sub(repl, token[1:-1])


@pytest.fixture(scope="module")
def hostile_export(hostile_graph, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("neo4j") / "export"
    write_neo4j(hostile_graph, out)
    return out


def test_cypher_string_escapes_everything_that_could_end_the_literal():
    assert cypher_string("a'b") == r"'a\'b'"
    assert cypher_string("a\\'") == r"'a\\\''"
    assert cypher_string("x\ny\u0001") == r"'x\ny\u0001'"
    assert decode_cypher_string(cypher_string(HOSTILE_NAMES[0])) == HOSTILE_NAMES[0]


def test_hostile_cypher_passes_neo4j_parser_and_stays_strings(hostile_graph, hostile_export, node_tool):
    rc, [result] = node_tool("lint.js", "--tokens", str(hostile_export / "import.cypher"))
    assert rc == 0 and result["errors"] == [], result["errors"]
    # nothing outside the literals is a keyword we did not write
    assert set(result["keywords"]) <= ALLOWED_KEYWORDS, result["keywords"]
    p = project(hostile_graph)
    pairs = {(e.type, e.source, e.target) for e in p.edges}
    rel_batches = len({(t, next(n.type for n in p.nodes if n.id == s), next(n.type for n in p.nodes if n.id == o))
                       for t, s, o in pairs})
    node_batches = len({n.type for n in p.nodes})
    assert result["statements"] == len(ENTITY_TYPES) + node_batches + rel_batches
    values = {decode_cypher_string(tok) for tok in result["strings"]}
    for n in p.nodes:
        assert {n.id, n.label, *n.aliases, *n.documents} <= values
        if n.definition:
            assert n.definition in values
    for name in HOSTILE_NAMES:
        assert name in values
    assert {e.first_evidence for e in p.edges} <= values


def test_broken_cypher_is_reported(node_tool):
    rc, [result] = node_tool("lint.js", "-", stdin="MATCH (n:Region) RETURN m;")
    assert rc == 1 and "not defined" in result["errors"][0]["message"]
    naive = "UNWIND [{label: '%s'}] AS row MERGE (n:Region {id: row.label});" % HOSTILE_NAMES[1]
    rc, [result] = node_tool("lint.js", "--tokens", "-", stdin=naive)
    assert rc == 1 or not set(result["keywords"]) <= ALLOWED_KEYWORDS


def test_small_batches_still_parse(hostile_graph, node_tool):
    text = cypher_script(project(hostile_graph), batch_size=1)
    rc, [result] = node_tool("lint.js", "--tokens", "-", stdin=text)
    assert rc == 0 and result["errors"] == []
    assert result["statements"] == len(ENTITY_TYPES) + len(project(hostile_graph).nodes) + len(project(hostile_graph).edges)


def test_seeds_cypher_passes_neo4j_parser(seeds_graph, tmp_path, node_tool):
    write_neo4j(seeds_graph, tmp_path)
    text = (tmp_path / "import.cypher").read_text(encoding="utf-8")
    assert text.count("CREATE CONSTRAINT") == len(ENTITY_TYPES)
    batches = re.findall(r"^UNWIND \[\n(.*?)\n\] AS row$", text, flags=re.S | re.M)
    sizes = [len(b.split("\n")) for b in batches]  # one row per line: no raw newline inside a value
    p = project(seeds_graph)
    assert max(sizes) <= BATCH_SIZE and sum(sizes) == len(p.nodes) + len(p.edges)
    rc, [result] = node_tool("lint.js", str(tmp_path / "import.cypher"))
    assert rc == 0 and result["errors"] == [], result["errors"][:3]


def test_csv_files_headers_and_encoding(hostile_export):
    for kind in ENTITY_TYPES:
        raw = (hostile_export / f"nodes_{kind}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        assert raw.decode("utf-8").split("\n", 1)[0] == ",".join(NODE_HEADER)
    for name in RELATIONS:
        text = (hostile_export / f"relationships_{relation_type(name)}.csv").read_text(encoding="utf-8")
        assert text.split("\n", 1)[0] == ",".join(REL_HEADER)
    script = (hostile_export / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and "--multiline-fields=true" in script


def test_csv_round_trip_keeps_hostile_values(hostile_graph, hostile_export):
    p = project(hostile_graph)
    delim = array_delimiter(p)
    assert delim != ";"  # a hostile alias holds ';': another delimiter, named in import.sh
    script = (hostile_export / "import.sh").read_text(encoding="utf-8")
    assert f"--array-delimiter='{delim}'" in script or f"--array-delimiter=U+{ord(delim):04X}" in script
    back = {}
    for kind in ENTITY_TYPES:
        with open(hostile_export / f"nodes_{kind}.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                assert row[":LABEL"] == kind
                back[row["id:ID"]] = (kind, row["label"], tuple(row["aliases:string[]"].split(delim))
                                      if row["aliases:string[]"] else (), row["definition"], row["adminCode"])
    assert back == {n.id: (n.type, n.label, n.aliases, n.definition, n.admin_code) for n in p.nodes}


def test_an_alias_holding_every_usual_delimiter_gets_another_one(hostile_graph, tmp_path):
    """Issue 19: one alias holding ';', '|' and U+001F made the whole export fail. The delimiter is then a
    private-use character, named in import.sh as U+E000, and every alias comes back whole."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    ds = Dataset()
    ds.parse(data=hostile_graph.serialize(format="trig"), format="trig")
    subject = URIRef(project(hostile_graph).nodes[0].id)
    graph = next(g for _, _, _, g in ds.quads((subject, None, None, None)))
    ds.graph(graph).add((subject, SKOS.altLabel, Literal("甲;乙|丙\u001f丁")))
    write_neo4j(ds, tmp_path / "export")
    p = project(ds)
    assert array_delimiter(p) == "\ue000"
    assert "--array-delimiter=U+E000 " in (tmp_path / "export" / "import.sh").read_text(encoding="utf-8")
    back = {}
    for kind in ENTITY_TYPES:
        with open(tmp_path / "export" / f"nodes_{kind}.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                back[row["id:ID"]] = tuple(row["aliases:string[]"].split("\ue000")) if row["aliases:string[]"] else ()
    assert back == {n.id: n.aliases for n in p.nodes}
    assert "甲;乙|丙\u001f丁" in back[str(subject)]


def test_write_is_deterministic(hostile_graph, tmp_path):
    write_neo4j(hostile_graph, tmp_path / "a")
    write_neo4j(hostile_graph, tmp_path / "b")
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_registered_and_refuses_a_file(hostile_graph, tmp_path):
    assert get_exporter("neo4j") is write_neo4j
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(OutputError):
        write_neo4j(hostile_graph, target)


# --- a real embedded graph database: ladybug (the maintained fork of kuzu) -----------------------

def _ladybug():
    try:
        import ladybug
    except ImportError:
        missing("ladybug is not installed (pip install ladybug)")
    return ladybug


def load_into_ladybug(folder: Path, db_path: Path):
    """Create one node table per label and one rel table per type, then COPY the neo4j-admin CSVs.

    A rel table gets the (start label, end label) pairs its CSV holds (read with the csv
    module); each pair is copied with a LOAD FROM subquery that matches both ends.
    """
    lb = _ladybug()
    conn = lb.Connection(lb.Database(str(db_path)))
    label_of: dict[str, str] = {}
    for kind in ENTITY_TYPES:
        conn.execute(f"CREATE NODE TABLE {kind}(id STRING, label STRING, aliases STRING, definition STRING, "
                     "adminCode STRING, documents STRING, lbl STRING, PRIMARY KEY(id))")
        csv_path = folder / f"nodes_{kind}.csv"
        with open(csv_path, encoding="utf-8", newline="") as fh:
            ids = [row[0] for row in list(csv.reader(fh))[1:]]
        label_of.update(dict.fromkeys(ids, kind))
        if ids:
            conn.execute(f"COPY {kind} FROM '{csv_path.as_posix()}' (HEADER=true, PARALLEL=false)")
    for name in RELATIONS:
        rel = relation_type(name)
        csv_path = folder / f"relationships_{rel}.csv"
        with open(csv_path, encoding="utf-8", newline="") as fh:
            pairs = sorted({(label_of[r[0]], label_of[r[1]]) for r in list(csv.reader(fh))[1:]})
        conn.execute(f"CREATE REL TABLE {rel}(" + ", ".join(f"FROM {a} TO {b}" for a, b in pairs or [("Region", "Region")])
                     + ", type STRING, evidence STRING, documents STRING)")
        for a, b in pairs:
            conn.execute(
                f"COPY {rel} FROM (LOAD WITH HEADERS (s STRING, t STRING, type STRING, evidence STRING, "
                f"documents STRING) FROM '{csv_path.as_posix()}' (HEADER=true, PARALLEL=false) "
                f"WITH * MATCH (x:{a} {{id: s}}), (y:{b} {{id: t}}) "
                f"RETURN s, t, type, evidence, documents)" + (f" (from='{a}', to='{b}')" if len(pairs) > 1 else "")
            )
    return conn


def rows(conn, query: str) -> list[tuple]:
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(tuple("" if v is None else v for v in result.get_next()))
    return sorted(out)


def _count(conn, query: str) -> int:
    return rows(conn, query)[0][0]


TWO_HOP = [
    ("MATCH (r:Region)-[:DEVELOPS]->(i:Industry)<-[:BELONGS_TO]-(e:Enterprise) RETURN DISTINCT r.id, e.id",
     "SELECT DISTINCT ?r ?e WHERE { ?r a govkg:Region ; govkg:develops ?i . ?i a govkg:Industry . "
     "?e a govkg:Enterprise ; govkg:belongsTo ?i . }"),
    ("MATCH (e:Enterprise)-[:CARRIES_OUT]->(p:Project)-[:LOCATED_IN]->(r:Region) RETURN DISTINCT e.id, r.id",
     "SELECT DISTINCT ?e ?r WHERE { ?e a govkg:Enterprise ; govkg:carriesOut ?p . ?p a govkg:Project ; "
     "govkg:locatedIn ?r . ?r a govkg:Region . }"),
]


def _check_database(graph: Dataset, folder: Path, db_path: Path) -> tuple[int, object]:
    conn = load_into_ladybug(folder, db_path)
    p = project(graph)
    for kind in ENTITY_TYPES:
        assert _count(conn, f"MATCH (n:{kind}) RETURN count(n)") == len(p.nodes_of(kind))
    for name in RELATIONS:
        assert _count(conn, f"MATCH ()-[r:{relation_type(name)}]->() RETURN count(r)") == len(p.edges_of(name))
    found = 0
    for cypher, sparql in TWO_HOP:
        expected = sorted((str(a), str(b)) for a, b in union_graph(graph).query(
            "PREFIX govkg: <https://w3id.org/govkg/ontology#> " + sparql))
        assert rows(conn, cypher) == expected
        found += len(expected)
    return found, conn


def test_hostile_csvs_load_into_ladybug(hostile_graph, hostile_export, tmp_path):
    found, conn = _check_database(hostile_graph, hostile_export, tmp_path / "db")
    assert found == 3  # 2 + 1 rows: both queries find some
    p = project(hostile_graph)
    delim = array_delimiter(p)
    got = {r[0]: (r[1], tuple(r[2].split(delim)) if r[2] else (), r[3])
           for kind in ENTITY_TYPES
           for r in rows(conn, f"MATCH (n:{kind}) RETURN n.id, n.label, n.aliases, n.definition")}
    assert got == {n.id: (n.label, n.aliases, n.definition) for n in p.nodes}
    evidence = rows(conn, "MATCH ()-[r:DEVELOPS]->() RETURN r.evidence")
    assert evidence == [(p.edges_of("develops")[0].first_evidence,)]


def test_seeds_csvs_load_into_ladybug(seeds_graph, tmp_path):
    write_neo4j(seeds_graph, tmp_path / "export")
    found, _ = _check_database(seeds_graph, tmp_path / "export", tmp_path / "db")
    assert found > 0

"""`govkg query` end to end on the seeds: ready-made queries, safe parameters, formats, errors, store vs file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from govkg.cli import main
from govkg.graph.load import load_graph
from govkg.ontology.namespaces import GOVKG
from govkg.query import QueryError, bindings_for, parse_spec, ready_queries, resolve_query, run_query, to_table

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

HOSTILE = [
    '沿滩区"',
    "沿滩区\\",
    "沿滩区}",
    '"} UNION { ?r ?p ?o } #',
    "' } ; DROP ALL ; #",
    '\\"\\u0022 }',
    "沿滩区\n} SELECT * WHERE { ?s ?p ?o",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds built once into a folder (graph.trig) and a store."""
    root = tmp_path_factory.mktemp("q")
    out, store = root / "out", root / "store"
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--store", str(store), "--no-html"])
    assert result.exit_code == 0, result.output
    return out, store


def query(graph: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["query", str(graph), *args])
    return result.exit_code, result.stdout, result.stderr


def rows(graph: Path, name: str, /, **params: str) -> list[dict[str, str]]:
    """Rows of a query as dicts (from --format json), unbound columns left out."""
    args = [name, "--format", "json"] + [f"--param={k}={v}" for k, v in params.items()]
    code, out, err = query(graph, *args)
    assert code == 0, err
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


# --- ready-made queries on the seeds ---------------------------------------------------------

def test_list_names_every_ready_query_with_its_description():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    ready = ready_queries()
    assert len(lines) == len(ready) >= 6
    for line, (name, spec) in zip(lines, ready.items()):
        assert line.startswith(name) and spec.description and spec.description in line


def test_every_ready_query_declares_a_description_and_projects_its_parameters():
    for name, spec in ready_queries().items():
        assert spec.description.endswith("."), name
        select = next(line for line in spec.text.splitlines() if line.startswith("SELECT"))
        for p in spec.params:
            assert f"?{p.name} " in select, (name, p.name)  # Oxigraph only substitutes projected variables


P = ("PREFIX govkg: <https://w3id.org/govkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
     "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")


def plain(graph: Path, sparql: str) -> list[dict[str, str]]:
    """Rows of a plain SPARQL query (the independent check of a ready-made one)."""
    code, out, err = query(graph, P + sparql, "--format", "json")
    assert code == 0, err
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


def test_region_industries_include_sub_regions_and_parks(built):
    out, _ = built
    found = rows(out, "region-industries", region="沿滩区")
    assert found and all(set(r) >= {"industry", "place"} for r in found)
    direct = plain(out, "SELECT DISTINCT ?i WHERE { ?r rdfs:label '沿滩区'@zh ; govkg:develops ?x . "
                        "?x rdfs:label ?i }")
    assert direct and {d["i"] for d in direct} <= {r["industry"] for r in found}
    assert any(r["place"] != "沿滩区" for r in found)  # from a sub-region (town)
    assert any("park" in r for r in found)  # hosted by a park located in the region
    # a province reaches down to its counties' industries
    assert {r["industry"] for r in found} <= {r["industry"] for r in rows(out, "region-industries", region="四川省")}


def test_industry_enterprises_and_their_projects(built):
    out, _ = built
    pairs = plain(out, "SELECT DISTINCT ?i ?e ?p WHERE { ?ei govkg:belongsTo ?ii ; rdfs:label ?e ; "
                       "govkg:carriesOut ?pi . ?ii rdfs:label ?i . ?pi rdfs:label ?p } ORDER BY ?i ?e ?p LIMIT 1")
    assert pairs, "the seeds have no enterprise of an industry with a project"
    found = rows(out, "industry-enterprises", industry=pairs[0]["i"])
    assert {"enterprise": pairs[0]["e"], "project": pairs[0]["p"]} in found
    assert rows(out, "industry-enterprises", industry="没有这个产业") == []


def test_enterprise_projects_with_regions(built):
    out, _ = built
    found = rows(out, "enterprise-projects", enterprise="中昊晨光")
    assert {"project": "中昊晨光一期", "place": "沿滩区", "park": "川南新材料化工园区"} in found
    assert all("project" in r for r in found)


def test_region_slogans_with_definition_and_parts(built):
    out, _ = built
    found = rows(out, "region-slogans", region="沿滩区")
    five = [r for r in found if r["slogan"] == "1+5片区"]
    assert five and all("沿滩高新技术产业园区" in r["definition"] for r in five)
    parts = {r.get("part") for r in five} - {None}
    assert "仙市镇" in parts and len(parts) >= 2  # the glossary's parts the graph holds as entities
    # a prefecture gets the slogans of its counties too
    assert {r["slogan"] for r in found} <= {r["slogan"] for r in rows(out, "region-slogans", region="自贡市")}


def test_region_hierarchy_chain(built):
    out, _ = built
    everything = rows(out, "region-hierarchy")
    assert {"name": "沿滩区", "level": "county", "path": "沿滩区 → 自贡市 → 四川省"} in everything
    around = rows(out, "region-hierarchy", region="沿滩区")
    names = {r["name"] for r in around}
    assert {"沿滩区", "自贡市", "四川省"} <= names  # itself and its parents
    assert "沙湾区" not in names and len(around) < len(everything)
    assert all("沿滩区" in r["path"] or r["name"] in {"自贡市", "四川省"} for r in around)


def test_evidence_sentences_name_the_entity(built):
    out, _ = built
    found = rows(out, "evidence", entity="沿滩区")
    assert found and all(r["label"] == "沿滩区" and r["type"] == "Region" for r in found)
    assert any("沿滩区" in r["sentence"] for r in found)
    assert all(r["document"] for r in found)


def test_sentences_are_about_exactly_what_their_mentions_and_statements_say(built):
    """govkg:about (what the evidence query follows) equals the mentions and statements it stands for."""
    out, _ = built
    ds = load_graph(out)
    derived = {(s, e) for m, e in ds.subject_objects(GOVKG.mentionOf) for s in ds.objects(m, GOVKG.inSentence)}
    for st in ds.subjects(RDF.type, RDF.Statement):
        for s in ds.objects(st, GOVKG.evidence):
            derived |= {(s, e) for p in (RDF.subject, RDF.object) for e in ds.objects(st, p)}
    about = set(ds.subject_objects(GOVKG.about))
    assert len(about) > 100 and about == derived


def test_loose_entities_are_those_no_relation_reaches(built):
    """Counted against rdflib: entities of each type that no entity relation has at either end (links to
    itself aside); the type parameter keeps one row."""
    out, _ = built
    ds = load_graph(out)
    relations = [GOVKG[p] for p in ("locatedIn", "develops", "carriesOut", "hosts", "belongsTo", "proposedBy",
                                    "hasPart", "relatedTo")]
    linked = {n for p in relations for s, o in ds.subject_objects(p) if s != o for n in (s, o)}
    expected = {}
    for kind in ("Region", "Industry", "Project", "Enterprise", "Park", "Slogan"):
        nodes = set(ds.subjects(RDF.type, GOVKG[kind]))
        if nodes:
            expected[kind] = (len(nodes), len(nodes - linked))
    found = rows(out, "loose-entities")
    assert {r["class"]: (int(r["entities"]), int(r["loose"])) for r in found} == expected
    assert all(float(r["percent"]) == round(1000 * int(r["loose"]) / int(r["entities"])) / 10 for r in found)
    assert [r["class"] for r in rows(out, "loose-entities", type="Slogan")] == ["Slogan"]
    assert rows(out, "loose-entities", type="Slogan'") == []


def test_parameters_match_alt_labels(built):
    out, _ = built
    found = rows(out, "evidence", entity="沙灣區")  # the traditional form is an altLabel
    assert found and {r["label"] for r in found} == {"沙湾区"}


# --- parameters are data -----------------------------------------------------------------------

@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values_neither_break_nor_widen_the_query(built, value):
    out, _ = built
    code, stdout, stderr = query(out, "region-industries", "--param", f"region={value}", "--format", "json")
    assert code == 0, stderr
    assert json.loads(stdout)["results"]["bindings"] == []


def test_a_label_full_of_sparql_syntax_is_matched_exactly(tmp_path):
    odd = 'x"} UNION { ?s ?p ?o } \\ #区'
    ds = Dataset()
    g = ds.graph(URIRef("https://w3id.org/govkg/doc/t"))
    region, parent = URIRef("https://w3id.org/govkg/id/region/odd"), URIRef("https://w3id.org/govkg/id/region/p")
    for node, label in ((region, odd), (parent, "上级")):
        g.add((node, RDF.type, GOVKG.Region))
        g.add((node, RDFS.label, Literal(label, lang="zh")))
    g.add((region, GOVKG.locatedIn, parent))
    path = tmp_path / "odd.trig"
    path.write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    found = rows(path, "region-hierarchy", region=odd)
    assert {r["name"] for r in found} == {odd, "上级"}
    assert {"name": odd, "path": f"{odd} → 上级"} in found


def test_rdflib_engine_binds_parameters_too():
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("https://example.org/doc"))
    g.add((URIRef("https://example.org/r"), SKOS.altLabel, Literal('a"}b', lang="zh")))
    q = "# Named.\n# param name: a name\nSELECT ?name ?x WHERE { ?x ?p ?l FILTER(STR(?l) = ?name) }"
    assert [r[0] for r in run_query(ds, q, {"name": 'a"}b'}).rows] == [URIRef("https://example.org/r")]
    assert run_query(ds, q, {"name": 'a"} '}).rows == ()


def test_parameter_checks():
    spec = resolve_query("region-hierarchy")
    assert bindings_for(spec, {})  # optional: bound to ""
    with pytest.raises(QueryError, match="no parameter 'town'"):
        bindings_for(spec, {"town": "x"})
    with pytest.raises(QueryError, match="needs --param region="):
        bindings_for(resolve_query("region-industries"), {})
    with pytest.raises(QueryError, match="bad parameter name"):
        bindings_for(parse_spec("SELECT * {}"), {"a b": "x"})


def test_cli_parameter_errors_exit_2(built):
    out, _ = built
    for args in (["region-industries"], ["region-industries", "--param", "regionx"],
                 ["region-industries", "--param", "town=x"]):
        code, _, err = query(out, *args)
        assert code == 2 and err.startswith("error:") and len(err.strip().splitlines()) == 1


# --- queries from text and files; errors ---------------------------------------------------

@pytest.mark.parametrize("text, line, column", [
    ("SELECT ?x WHERE { ?x ?y }", 1, 26),
    ('SELECT ?x\nWHERE { ?x ?y ?z . FILTER(?x = "a) }', 2, 37),
    ("SELEC ?x WHERE { ?x ?y ?z }", 1, 1),
])
def test_malformed_query_one_line_error_with_position(built, text, line, column):
    out, _ = built
    code, stdout, stderr = query(out, text)
    assert code == 2 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert f"line {line}, column {column}" in stderr and "malformed SPARQL query" in stderr


def test_unknown_name_and_missing_graph(built, tmp_path):
    out, _ = built
    code, _, err = query(out, "no-such-query")
    assert code == 2 and "unknown query name" in err and "region-hierarchy" in err
    code, _, err = query(tmp_path / "nothing", "region-hierarchy")
    assert code == 2 and "no such graph file" in err


def test_query_file_with_declared_parameter(built, tmp_path):
    out, _ = built
    rq = tmp_path / "named.rq"
    rq.write_text("# Things with this label.\n# param name: a label\n"
                  "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                  "SELECT DISTINCT ?name ?x WHERE { ?x rdfs:label ?l FILTER(STR(?l) = ?name) }\n", encoding="utf-8")
    found = rows(out, str(rq), name="自贡市")
    assert found == [{"x": "https://w3id.org/govkg/id/region/510300"}]


def test_ask_and_construct(built):
    out, _ = built
    code, stdout, _ = query(out, "ASK { ?s a <https://w3id.org/govkg/ontology#Region> }")
    assert code == 0 and stdout.strip() == "yes"
    code, stdout, _ = query(out, "ASK { ?s a <https://w3id.org/govkg/ontology#Region> }", "--format", "json")
    assert json.loads(stdout) == {"head": {}, "boolean": True}
    code, stdout, _ = query(out, "CONSTRUCT { ?r <urn:p> ?l } WHERE { ?r <http://www.w3.org/2000/01/rdf-schema#label> "
                                 "?l FILTER(STR(?l) = '自贡市') }", "--format", "csv")
    assert code == 0 and stdout.splitlines()[0] == "subject,predicate,object" and "urn:p" in stdout


# --- formats ------------------------------------------------------------------------------------

def test_csv_and_json_parse_back_to_the_same_rows(built):
    out, _ = built
    _, as_csv, _ = query(out, "region-slogans", "--param", "region=沿滩区", "--format", "csv")
    _, as_json, _ = query(out, "region-slogans", "--param", "region=沿滩区", "--format", "json")
    table = list(csv.reader(io.StringIO(as_csv, newline="")))
    data = json.loads(as_json)
    assert table[0] == data["head"]["vars"] == ["slogan", "proposedBy", "definition", "part"]
    from_json = [[b.get(v, {}).get("value", "") for v in data["head"]["vars"]] for b in data["results"]["bindings"]]
    assert table[1:] == from_json and len(from_json) > 1
    assert all(b["slogan"]["type"] == "literal" and b["slogan"]["xml:lang"] == "zh" for b in data["results"]["bindings"])


def test_table_aligns_wide_characters(built):
    from rich.cells import cell_len

    out, _ = built
    code, stdout, stderr = query(out, "region-hierarchy", "--param", "region=沿滩区")
    assert code == 0 and "rows" in stderr
    lines = stdout.rstrip("\n").splitlines()
    starts = {lines[0].index("level")}
    for line in lines[2:]:
        level = line.split()[1]
        starts.add(cell_len(line[: line.index(level)]))
    assert len(starts) == 1 and cell_len(lines[0][: lines[0].index("level")]) == starts.pop()


def test_table_of_no_rows_is_a_header():
    from govkg.query import QueryResult

    assert to_table(QueryResult(("a", "区域"), ())).splitlines() == ["a  区域", "─  ────"]


# --- store and file give the same answers ---------------------------------------------------

PARAMS = {
    "region-industries": {"region": "沿滩区"},
    "industry-enterprises": {"industry": "纺织"},
    "enterprise-projects": {"enterprise": "中昊晨光"},
    "region-slogans": {"region": "沿滩区"},
    "region-hierarchy": {},
    "evidence": {"entity": "沿滩区"},
    "loose-entities": {},
    "region-indicators": {"region": "沿滩区"},
    "project-timeline": {"region": "沿滩区"},
    "investment-by-region-industry": {},
}
NONE_IN_SEEDS = {"investment-by-region-industry"}  # no seed names one project's investment: test_number_queries.py


def test_params_table_covers_every_ready_query():
    assert set(PARAMS) == set(ready_queries())


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_store_and_trig_file_give_the_same_rows(built, name):
    out, store = built
    from_file = rows(out / "graph.trig", name, **PARAMS[name])
    from_store = rows(store, name, **PARAMS[name])
    assert from_file == from_store and (from_file or name in NONE_IN_SEEDS)


def test_store_written_by_the_library_answers_like_the_file(built, tmp_path):
    from govkg.graph.store import write_store

    out, _ = built
    write_store(load_graph(out), tmp_path / "lib-store")
    for name, params in PARAMS.items():
        assert rows(tmp_path / "lib-store", name, **params) == rows(out, name, **params), name


def test_building_twice_into_the_store_gives_the_same_graph(built, tmp_path):
    from govkg.graph.store import named_quads, open_store, close_store

    _, store = built

    def quads():
        ds = open_store(store)
        try:
            return named_quads(ds)
        finally:
            close_store(ds)

    def facts(quads):  # builtWith names the code version, which may change between two builds
        return [q for q in quads if q[1] != GOVKG.builtWith]

    before = quads()
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(tmp_path / "again"), "--store", str(store),
                                       "--no-html"])
    assert result.exit_code == 0, result.output
    after = quads()
    assert len(after) == len(before) > 1000 and facts(after) == facts(before)
    assert len(after) == len(list(load_graph(tmp_path / "again").quads((None, None, None, None))))


def _small_store(tmp_path: Path) -> Dataset:
    """Six labels in an on-disk store, queried with Oxigraph as govkg serve queries it."""
    from govkg.graph.store import open_store, write_store

    ds = Dataset()
    g = ds.graph(URIRef("https://example.org/doc"))
    for i in range(6):
        g.add((URIRef(f"https://example.org/e{i}"), RDFS.label, Literal(f"名{i}")))
    write_store(ds, tmp_path / "store")
    return open_store(tmp_path / "store")


def test_max_rows_refuses_longer_answers(tmp_path):
    from govkg.graph.store import close_store
    from govkg.query import ResultTooLarge

    ds = _small_store(tmp_path)
    try:
        assert len(run_query(ds, "SELECT * WHERE { ?s ?p ?o }", max_rows=6).rows) == 6
        with pytest.raises(ResultTooLarge, match="more than 5 rows"):
            run_query(ds, "SELECT * WHERE { ?s ?p ?o }", max_rows=5)
        with pytest.raises(ResultTooLarge, match="more than 5 triples"):
            run_query(ds, "CONSTRUCT WHERE { ?s ?p ?o }", max_rows=5)
        # 10^18 rows if read to the end: the limit stops reading at row 6
        endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?p ?q ?r }"
        with pytest.raises(ResultTooLarge):
            run_query(ds, endless, max_rows=5)
    finally:
        close_store(ds)


@pytest.mark.parametrize(("text", "refused"), [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", True),
    ("SELECT * WHERE {\n ?a ?b ?c .\n  sErViCe SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", True),
    ("PREFIX s: <http://127.0.0.1:9/> ASK { OPTIONAL { SERVICE s:x { ?s ?p ?o } } }", True),
    ("SELECT * WHERE { ?a ?b 1SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", True),  # glued to a number
    ("SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }", True),
    ('SELECT ?service WHERE { ?service ?p "SERVICE <http://127.0.0.1:9/> {}" }', False),
    ("PREFIX service: <https://example.org/service#> SELECT * WHERE { ?s service:SERVICE ?o } # SERVICE", False),
    ("SELECT * WHERE { ?s <http://example.org/service> '''\nSERVICE <http://x/> { }\n''' }", False),
])
def test_refuse_service_tells_the_keyword_from_the_word(tmp_path, text, refused):
    from govkg.graph.store import close_store
    from govkg.query import ServiceRefused, refuse_service

    refuse = pytest.raises(ServiceRefused, match="has a SERVICE clause at line") if refused else _nothing()
    with refuse:
        refuse_service(parse_spec(text))
    ds = _small_store(tmp_path)
    try:
        with pytest.raises(ServiceRefused) if refused else _nothing():
            run_query(ds, text, allow_service=False)
    finally:
        close_store(ds)


def test_a_malformed_query_with_the_word_service_is_reported_as_malformed():
    from govkg.query import ServiceRefused, refuse_service

    with pytest.raises(QueryError, match=r"malformed SPARQL query \(query\) at line 1, column 4\d") as caught:
        refuse_service(parse_spec('SELECT * WHERE { ?s ?p "service" } garbage garbage'))
    assert not isinstance(caught.value, ServiceRefused)


def _nothing():
    import contextlib

    return contextlib.nullcontext()

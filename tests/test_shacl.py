"""The streamed SHACL check (govkg.shacl, govkg validate) gives exactly what pySHACL gives.

A fault of every shape of ``shapes.ttl`` is injected into a small valid graph
(and into the seeds' graph); the graph is written as TriG, and the records of
:func:`validate_source` reading the file must equal those of pySHACL
(:func:`validate_graph`) on the same graph loaded into rdflib.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, QB, SH

from govkg.cli import main
from govkg.graph.load import load_graph
from govkg.graph.quads import GraphSource
from govkg.graph.rdf import bind_prefixes
from govkg.ontology.namespaces import GOVKG, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE
from govkg.shacl import Unsupported, parse_shapes
from govkg.validate import shapes_graph, validate_graph, validate_source
from tests.test_validate import CASES, CHEM, DOC, M, PARK, PROJECT, YANTAN, _set, mini

SCHEMA = "https://schema.org/"
X = "https://example.org/"


def _dec(v: str) -> Literal:
    return Literal(v, datatype=XSD.decimal)


def _observation(g, name: str, **values) -> URIRef:
    obs = URIRef(X + name)
    g.add((obs, RDF.type, QB.Observation))
    for p, o in values.items():
        g.add((obs, {"area": SDMX_DIMENSION.refArea, "period": SDMX_DIMENSION.refPeriod,
                     "value": SDMX_MEASURE.obsValue, "unit": SDMX_ATTRIBUTE.unitMeasure,
                     "kind": GOVKG.observationKind, "growth": GOVKG.growthRate, "data": QB.dataSet,
                     "indicator": GOVKG.indicator, "evidence": GOVKG.evidence}[p], o))
    return obs


def _investment(g) -> None:
    inv = URIRef(X + "inv")
    g.add((PARK, GOVKG.investment, inv))
    g.add((inv, URIRef(SCHEMA + "value"), _dec("0")))
    g.add((inv, URIRef(SCHEMA + "value"), Literal("12")))
    g.add((inv, URIRef(SCHEMA + "currency"), Literal("EUR")))


def _milestone(g) -> None:
    ms = URIRef(X + "ms")
    g.add((PROJECT, GOVKG.milestone, ms))
    g.add((ms, GOVKG.stage, GOVKG.Signed))
    g.add((ms, GOVKG.stage, URIRef(X + "Dreaming")))
    g.add((ms, GOVKG.year, Literal("2023", datatype=XSD.gYear)))
    g.add((ms, GOVKG.year, Literal("2024")))
    g.add((ms, GOVKG.planned, Literal("yes")))
    g.add((URIRef(X + "ms2"), RDF.type, GOVKG.Milestone))


def _numbers(g) -> None:
    _observation(g, "o1", area=YANTAN)
    _observation(g, "o2", area=CHEM, period=Literal("2023"), value=_dec("-1"), unit=Literal("EUR"),
                 kind=URIRef(X + "Guess"), growth=Literal("fast"), data=URIRef(X + "ds"),
                 indicator=URIRef(X + "gdp"), evidence=URIRef(M + "s0"))
    g.add((URIRef(X + "gdp"), RDF.type, GOVKG.Indicator))
    g.add((URIRef(X + "gdp"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("GDP", lang="en")))
    g.add((URIRef(X + "stage"), RDF.type, GOVKG.Stage))


def _derivation(g) -> None:
    st = URIRef(M + "st0")
    g.remove((st, GOVKG.evidence, None))
    g.add((st, PROV.wasDerivedFrom, URIRef(X + "table")))
    g.add((URIRef(X + "table"), RDF.type, URIRef(SCHEMA + "Dataset")))
    g.add((URIRef(X + "rule"), RDF.type, GOVKG.Rule))
    g.add((URIRef(X + "rule"), RDFS.label, Literal("")))
    g.add((URIRef(X + "table2"), RDF.type, URIRef(SCHEMA + "Dataset")))
    g.add((URIRef(X + "table2"), URIRef(SCHEMA + "version"), Literal("1")))
    g.add((URIRef(X + "table2"), URIRef(SCHEMA + "version"), Literal("2")))


def _document(g) -> None:
    g.add((DOC, GOVKG.year, Literal("2023")))
    g.add((DOC, GOVKG.year, Literal("2024", datatype=XSD.gYear)))
    g.add((DOC, GOVKG.region, CHEM))


MORE: list[tuple[str, object]] = [
    ("confidence out of range and as text", lambda g: (g.add((CHEM, GOVKG.confidence, _dec("1.5"))),
                                                       g.add((PARK, GOVKG.confidence, Literal("high"))),
                                                       g.add((YANTAN, GOVKG.confidence, _dec("0.5"))))),
    ("curation that is no decision", lambda g: (g.add((CHEM, GOVKG.curation, Literal("oops"))),
                                                g.add((PARK, GOVKG.curation, Literal("accept 高新区"))),
                                                g.add((YANTAN, GOVKG.curation, URIRef(X + "c"))))),
    ("statement without a source", lambda g: g.remove((URIRef(M + "st0"), GOVKG.evidence, None))),
    ("statement derived from a table without label or version", _derivation),
    ("document with two years and an industry as region", _document),
    ("observations with every part wrong", _numbers),
    ("investment of a park, zero, in euros", _investment),
    ("milestone with two stages and years", _milestone),
    ("mention in a literal sentence", lambda g: _set(g, URIRef(M + "m1"), GOVKG.inSentence, Literal("s0"))),
    ("about a literal", lambda g: g.add((URIRef(M + "s0"), GOVKG.about, Literal("沿滩区")))),
    ("ill-typed offset", lambda g: _set(g, URIRef(M + "m2"), GOVKG.startOffset, Literal("abc", datatype=XSD.integer))),
    ("a second document naming the entities", lambda g: _second_document(g)),
]


def _second_document(g: Graph) -> None:
    """Another named graph (in the store of ``g``): an entity with one label in each graph has two in the union."""
    other = Graph(store=g.store, identifier=URIRef("https://w3id.org/govkg/doc/d2"))
    other.add((PARK, RDF.type, GOVKG.Park))
    other.add((PARK, RDFS.label, Literal("高新园", lang="zh")))
    other.add((CHEM, RDF.type, GOVKG.Industry))
    other.add((CHEM, RDFS.label, Literal("化工产业", lang="zh")))


FAULTS = [(name, mutate) for name, mutate, *_ in CASES] + MORE


def _compare(ds: Dataset, tmp_path: Path) -> set[str]:
    """The shapes broken in ``ds``; asserts pySHACL and the streamed check give the same records.

    Written with govkg's prefixes, as govkg's files are (a path is named by the prefixes of the data: rdflib
    makes up ``ns1:`` for an undeclared one; the streamed check names it by govkg's).
    """
    bind_prefixes(ds)
    path = tmp_path / "graph.trig"
    path.write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    old = validate_graph(load_graph(path))
    new = validate_source(GraphSource.of(path))
    assert new.violations == old.violations
    assert new.triples == old.triples
    return {v.shape for v in old.violations}


@pytest.mark.parametrize("name, mutate", FAULTS, ids=[f[0] for f in FAULTS])
def test_each_fault_is_found_as_pyshacl_finds_it(name, mutate, tmp_path):
    ds = mini()
    mutate(ds.graph(DOC))
    assert _compare(ds, tmp_path), f"{name}: no violation at all"


def test_the_faults_break_every_shape(tmp_path):
    ds = mini()
    broken: set[str] = set()
    for _, mutate in FAULTS:
        ds = mini()
        mutate(ds.graph(DOC))
        path = tmp_path / "g.trig"
        path.write_bytes(ds.serialize(format="trig", encoding="utf-8"))
        broken |= {v.shape for v in validate_source(GraphSource.of(path)).violations}
    shapes = shapes_graph()
    every = {str(s).rsplit("#", 1)[-1] for s in shapes.subjects(RDF.type, SH.NodeShape)}
    assert broken == every


def test_the_seeds_graph_with_every_fault_at_once(seeds_out, tmp_path):
    ds = load_graph(seeds_out)
    g = ds.graph(DOC)
    for _, mutate in MORE:
        mutate(g)
    entity = next(ds.subjects(RDF.type, GOVKG.Industry))
    for graph in list(ds.graphs()):
        graph.remove((entity, RDFS.label, None))
    assert len(_compare(ds, tmp_path)) > 10


def test_the_seeds_build_folder_and_store_validate_as_before(seeds_out, tmp_path):
    from govkg.graph.store import write_store

    old = validate_graph(load_graph(seeds_out))
    write_store(load_graph(seeds_out), tmp_path / "store")
    for source in (GraphSource.of(seeds_out), GraphSource.of(tmp_path / "store")):
        new = validate_source(source)
        assert (new.violations, new.triples) == (old.violations, old.triples)


def test_a_shape_using_an_unknown_feature_falls_back_to_pyshacl(tmp_path):
    shapes = shapes_graph()
    shapes.add((URIRef(X + "S"), RDF.type, SH.NodeShape))
    shapes.add((URIRef(X + "S"), SH.targetClass, GOVKG.Park))
    shapes.add((URIRef(X + "S"), SH.closed, Literal(True)))
    shapes.add((URIRef(X + "S"), SH.message, Literal("closed")))
    with pytest.raises(Unsupported):
        parse_shapes(shapes)
    path = tmp_path / "g.trig"
    path.write_bytes(mini().serialize(format="trig", encoding="utf-8"))
    found = {v.shape for v in validate_source(GraphSource.of(path), shapes).violations}
    assert found == {v.shape for v in validate_graph(load_graph(path), shapes).violations} == {"S"}


def test_cli_validate_reads_the_store(seeds_out, tmp_path):
    from govkg.graph.store import write_store

    write_store(load_graph(seeds_out), tmp_path / "store")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("valid:")

"""SHACL validation: the seeds' graph conforms; each hand-made violation is named in the report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import SH

from govkg.cli import main
from govkg.export import get_exporter
from govkg.graph.load import load_graph
from govkg.ontology.namespaces import ENTITY, GOVKG
from govkg.validate import ValidationReport, Violation, shapes_graph, validate_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

MINI = """
@prefix govkg: <https://w3id.org/govkg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://w3id.org/govkg/id/> .
@prefix d: <https://w3id.org/govkg/doc/d1/> .

<https://w3id.org/govkg/doc/d1> {
  <https://w3id.org/govkg/doc/d1> a govkg:Document ; rdfs:label "报告"@zh .
  d:s0 a govkg:Sentence ; govkg:text "沿滩区发展化工产业。"@zh ; govkg:inDocument <https://w3id.org/govkg/doc/d1> ;
      govkg:startOffset 0 ; govkg:endOffset 10 .
  id:region\\/510300 a govkg:Region ; rdfs:label "自贡市"@zh ; govkg:adminCode "510300" .
  id:region\\/510311 a govkg:Region ; rdfs:label "沿滩区"@zh ; govkg:adminCode "510311" ;
      govkg:locatedIn id:region\\/510300 ; govkg:develops id:industry\\/化工 .
  id:industry\\/化工 a govkg:Industry ; rdfs:label "化工产业"@zh .
  id:enterprise\\/晨光 a govkg:Enterprise ; rdfs:label "晨光公司"@zh ;
      govkg:carriesOut id:project\\/新材料 ; govkg:belongsTo id:industry\\/化工 .
  id:project\\/新材料 a govkg:Project ; rdfs:label "新材料项目"@zh ; govkg:locatedIn id:region\\/510311 .
  id:park\\/高新区 a govkg:Park ; rdfs:label "高新区"@zh ; govkg:hosts id:enterprise\\/晨光 .
  id:slogan\\/两区 a govkg:Slogan ; rdfs:label "两区"@zh ; govkg:proposedBy id:region\\/510311 ;
      govkg:hasPart id:park\\/高新区 .
  d:m1 a govkg:Mention ; govkg:mentionOf id:region\\/510311 ; govkg:inSentence d:s0 ; govkg:startOffset 0 ; govkg:endOffset 3 .
  d:m2 a govkg:Mention ; govkg:mentionOf id:industry\\/化工 ; govkg:inSentence d:s0 ; govkg:startOffset 5 ; govkg:endOffset 9 .
  d:m3 a govkg:Mention ; govkg:mentionOf id:enterprise\\/晨光 ; govkg:inSentence d:s0 ; govkg:startOffset 0 ; govkg:endOffset 2 .
  d:m4 a govkg:Mention ; govkg:mentionOf id:project\\/新材料 ; govkg:inSentence d:s0 ; govkg:startOffset 0 ; govkg:endOffset 2 .
  d:m5 a govkg:Mention ; govkg:mentionOf id:park\\/高新区 ; govkg:inSentence d:s0 ; govkg:startOffset 0 ; govkg:endOffset 2 .
  d:m6 a govkg:Mention ; govkg:mentionOf id:slogan\\/两区 ; govkg:inSentence d:s0 ; govkg:startOffset 0 ; govkg:endOffset 2 .
  d:st0 a rdf:Statement ; rdf:subject id:region\\/510311 ; rdf:predicate govkg:develops ;
      rdf:object id:industry\\/化工 ; govkg:evidence d:s0 .
}
"""

DOC = URIRef("https://w3id.org/govkg/doc/d1")
M = "https://w3id.org/govkg/doc/d1/"
YANTAN, ZIGONG = ENTITY["region/510311"], ENTITY["region/510300"]
CHEM, CHENGUANG = ENTITY["industry/化工"], ENTITY["enterprise/晨光"]
PROJECT, PARK, SLOGAN = ENTITY["project/新材料"], ENTITY["park/高新区"], ENTITY["slogan/两区"]


def mini() -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(data=MINI, format="trig")
    return ds


def shapes_of(report: ValidationReport, severity: str = "Violation") -> set[tuple[str, str]]:
    return {(v.shape, v.focus) for v in report.violations if v.severity == severity}


@pytest.fixture(scope="module")
def seeds_trig(seeds_out) -> Path:
    return seeds_out / "graph.trig"


def test_the_mini_graph_is_valid():
    report = validate_graph(mini())
    assert report.conforms, report.text()
    assert report.violations == ()
    assert report.triples == len(mini())


def _set(g, s, p, o):
    g.remove((s, p, None))
    if o is not None:
        g.add((s, p, o))


Mutation = Callable[[Dataset], None]
CASES: list[tuple[str, Mutation, str, URIRef]] = [
    ("entity without label", lambda g: _set(g, CHEM, RDFS.label, None), "EntityLabelCount", CHEM),
    ("entity with two labels", lambda g: g.add((PARK, RDFS.label, Literal("园区", lang="zh"))),
     "EntityLabelCount", PARK),
    ("label without language", lambda g: _set(g, PARK, RDFS.label, Literal("高新区")), "EntityLabelForm", PARK),
    ("label in English", lambda g: _set(g, PARK, RDFS.label, Literal("Hi-tech zone", lang="en")),
     "EntityLabelForm", PARK),
    ("empty label", lambda g: _set(g, PARK, RDFS.label, Literal("", lang="zh")), "EntityLabelForm", PARK),
    ("develops pointing to a Project", lambda g: g.add((YANTAN, GOVKG.develops, PROJECT)), "DevelopsObject", PROJECT),
    ("develops from a Park", lambda g: g.add((PARK, GOVKG.develops, CHEM)), "DevelopsSubject", PARK),
    ("locatedIn an Industry", lambda g: g.add((PROJECT, GOVKG.locatedIn, CHEM)), "LocatedInObject", CHEM),
    ("carriesOut an Industry", lambda g: g.add((CHENGUANG, GOVKG.carriesOut, CHEM)), "CarriesOutObject", CHEM),
    ("carriesOut from a Region", lambda g: g.add((YANTAN, GOVKG.carriesOut, PROJECT)), "CarriesOutSubject", YANTAN),
    ("hosts from a Region", lambda g: g.add((YANTAN, GOVKG.hosts, CHENGUANG)), "HostsSubject", YANTAN),
    ("belongsTo from a Project", lambda g: g.add((PROJECT, GOVKG.belongsTo, CHEM)), "BelongsToSubject", PROJECT),
    ("belongsTo a Park", lambda g: g.add((CHENGUANG, GOVKG.belongsTo, PARK)), "BelongsToObject", PARK),
    ("proposedBy from a Park", lambda g: g.add((PARK, GOVKG.proposedBy, YANTAN)), "ProposedBySubject", PARK),
    ("proposedBy an Industry", lambda g: g.add((SLOGAN, GOVKG.proposedBy, CHEM)), "ProposedByObject", CHEM),
    ("hasPart from a Park", lambda g: g.add((PARK, GOVKG.hasPart, CHEM)), "HasPartSubject", PARK),
    ("relation to an untyped node", lambda g: g.add((YANTAN, GOVKG.relatedTo, ENTITY["x/y"])),
     "EntityTyped", ENTITY["x/y"]),
    ("entity with two types", lambda g: g.add((CHEM, RDF.type, GOVKG.Project)), "EntityTyped", CHEM),
    ("region that is an industry too", lambda g: g.add((YANTAN, RDF.type, GOVKG.Industry)), "EntityTyped", YANTAN),
    ("division that is an industry too", lambda g: (_set(g, ZIGONG, RDF.type, GOVKG.Division),
                                                    g.add((ZIGONG, RDF.type, GOVKG.Industry))), "EntityTyped", ZIGONG),
    ("mention without sentence", lambda g: _set(g, URIRef(M + "m2"), GOVKG.inSentence, None),
     "MentionSentence", URIRef(M + "m2")),
    ("untyped mention without sentence", lambda g: (_set(g, URIRef(M + "m2"), GOVKG.inSentence, None),
                                                    _set(g, URIRef(M + "m2"), RDF.type, None)),
     "MentionSentence", URIRef(M + "m2")),
    ("mention without offset", lambda g: _set(g, URIRef(M + "m3"), GOVKG.endOffset, None),
     "MentionOffsets", URIRef(M + "m3")),
    ("mention with a text offset", lambda g: _set(g, URIRef(M + "m3"), GOVKG.startOffset, Literal("0")),
     "MentionOffsets", URIRef(M + "m3")),
    ("mention naming nothing", lambda g: _set(g, URIRef(M + "m6"), GOVKG.mentionOf, None),
     "MentionEntity", URIRef(M + "m6")),
    ("entity without mention", lambda g: g.remove((URIRef(M + "m4"), None, None)), "EntityProvenance", PROJECT),
    ("region without mention or code", lambda g: _set(g, ZIGONG, GOVKG.adminCode, None),
     "RegionProvenance", ZIGONG),
    ("division without code", lambda g: (_set(g, ZIGONG, RDF.type, GOVKG.Division), _set(g, ZIGONG, GOVKG.adminCode, None)),
     "DivisionCode", ZIGONG),
    ("sentence without text", lambda g: _set(g, URIRef(M + "s0"), GOVKG.text, None), "SentenceText", URIRef(M + "s0")),
    ("sentence without document", lambda g: _set(g, URIRef(M + "s0"), GOVKG.inDocument, None),
     "SentenceDocument", URIRef(M + "s0")),
    ("sentence in a non-document", lambda g: _set(g, DOC, RDF.type, None), "SentenceDocument", URIRef(M + "s0")),
]


@pytest.mark.parametrize("name, mutate, shape, focus", CASES, ids=[c[0] for c in CASES])
def test_each_broken_rule_is_named_with_its_node(name, mutate, shape, focus):
    ds = mini()
    mutate(ds.graph(DOC))
    report = validate_graph(ds)
    assert not report.conforms
    assert (shape, str(focus)) in shapes_of(report)


@pytest.mark.parametrize("name, mutate", [
    ("region with code and no mention", lambda g: g.remove((URIRef(M + "m1"), None, None))),
    # the document names 沿滩区 but not 自贡市: a Division the county lies in
    ("county in a division the document does not name", lambda g: _set(g, ZIGONG, RDF.type, GOVKG.Division)),
    # another document names 自贡市: in the union of the graphs it is a Region and a Division
    ("division named by another document", lambda g: g.add((ZIGONG, RDF.type, GOVKG.Division))),
    ("label tagged zh-Hant", lambda g: _set(g, PARK, RDFS.label, Literal("高新區", lang="zh-Hant"))),
    ("hosts a project", lambda g: g.add((PARK, GOVKG.hosts, PROJECT))),
    ("hasPart naming a region", lambda g: g.add((SLOGAN, GOVKG.hasPart, YANTAN))),
    ("a second altLabel-like name", lambda g: g.add((PARK, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
                                                     Literal("园区", lang="zh")))),
], ids=lambda x: x if isinstance(x, str) else "")
def test_near_misses_stay_valid(name, mutate):
    ds = mini()
    mutate(ds.graph(DOC))
    report = validate_graph(ds)
    assert report.conforms, report.text()


PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
SDO_DATASET = URIRef("https://schema.org/Dataset")
TABLE = ENTITY["dataset/cpca-0.5.5"]


def _derived_from_table(g) -> None:
    g.add((TABLE, RDF.type, SDO_DATASET))
    g.add((TABLE, RDFS.label, Literal("cpca 0.5.5 resources/adcodes.csv")))
    g.add((TABLE, URIRef("https://schema.org/version"), Literal("0.5.5")))
    g.add((URIRef(M + "st0"), PROV_DERIVED, TABLE))


def _derived_from_rule(g) -> None:
    g.add((GOVKG.HierarchyRule, RDF.type, GOVKG.Rule))
    g.add((GOVKG.HierarchyRule, RDFS.label, Literal("region.hierarchy")))
    g.add((URIRef(M + "st0"), PROV_DERIVED, GOVKG.HierarchyRule))


@pytest.mark.parametrize("name, mutate, shape, focus", [
    ("derived from its document only", lambda g: g.add((URIRef(M + "st0"), PROV_DERIVED, DOC)),
     "StatementSource", URIRef(M + "st0")),
    ("derived from an untyped node", lambda g: g.add((URIRef(M + "st0"), PROV_DERIVED, ENTITY["dataset/x"])),
     "StatementSource", URIRef(M + "st0")),
    ("derived from a table without version",
     lambda g: (_derived_from_table(g), _set(g, TABLE, URIRef("https://schema.org/version"), None)),
     "DatasetVersion", TABLE),
    ("derived from a rule without label",
     lambda g: (_derived_from_rule(g), _set(g, GOVKG.HierarchyRule, RDFS.label, None)),
     "DerivationSource", GOVKG.HierarchyRule),
], ids=lambda x: x if isinstance(x, str) else "")
def test_a_statement_without_evidence_needs_a_table_or_rule(name, mutate, shape, focus):
    ds = mini()
    _set(ds.graph(DOC), URIRef(M + "st0"), GOVKG.evidence, None)
    mutate(ds.graph(DOC))
    report = validate_graph(ds)
    assert not report.conforms
    assert (shape, str(focus)) in shapes_of(report)


@pytest.mark.parametrize("mutate", [_derived_from_table, _derived_from_rule], ids=["table", "rule"])
def test_a_statement_derived_from_a_table_or_rule_needs_no_sentence(mutate):
    ds = mini()
    _set(ds.graph(DOC), URIRef(M + "st0"), GOVKG.evidence, None)
    mutate(ds.graph(DOC))
    report = validate_graph(ds)
    assert report.conforms and not report.violations, report.text()


def test_plain_pyshacl_conforms_on_the_seeds_build(seeds_out):
    """The shapes as a user runs them: the pyshacl command, no ontology, no inference, warnings not allowed."""
    import shutil
    import subprocess
    import sys

    command = shutil.which("pyshacl", path=str(Path(sys.executable).parent)) or shutil.which("pyshacl")
    assert command, "pyshacl's command is installed with the package"
    shapes = ROOT / "src" / "govkg" / "ontology" / "shapes.ttl"
    for name in ("graph.ttl", "graph.trig"):
        done = subprocess.run([command, "-s", str(shapes), str(seeds_out / name)], capture_output=True, text=True,
                              timeout=300)
        assert "Conforms: True" in done.stdout, (name, done.stdout[:2000])
        assert done.returncode == 0


def test_graphs_are_validated_as_their_union():
    """A mention in one document's graph gives provenance to an entity typed in another's."""
    ds = mini()
    other = ds.graph(URIRef("https://w3id.org/govkg/doc/d2"))
    ds.graph(DOC).remove((URIRef(M + "m4"), None, None))
    other.add((URIRef(M + "m9"), GOVKG.mentionOf, PROJECT))
    other.add((URIRef(M + "m9"), GOVKG.inSentence, URIRef(M + "s0")))
    other.add((URIRef(M + "m9"), GOVKG.startOffset, Literal(1)))
    other.add((URIRef(M + "m9"), GOVKG.endOffset, Literal(2)))
    assert validate_graph(ds).conforms
    assert ds.default_union is True


def test_a_dataset_without_default_union_is_still_validated_whole_and_left_as_it_was():
    ds = Dataset()
    ds.parse(data=MINI, format="trig")
    report = validate_graph(ds)
    assert report.conforms and report.triples == len(mini())
    assert ds.default_union is False


def test_every_shape_has_a_message():
    shapes = shapes_graph()
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 20
    for ns in node_shapes:
        props = list(shapes.objects(ns, SH.property))
        assert shapes.value(ns, SH.message) or props, ns
        for ps in props:
            assert shapes.value(ps, SH.message), (ns, ps)


def test_report_groups_count_and_show_a_few_labelled_examples():
    ds = mini()
    g = ds.graph(DOC)
    for n in range(5):
        e = ENTITY[f"industry/空{n}"]
        g.add((e, RDF.type, GOVKG.Industry))
        g.add((e, RDFS.label, Literal(f"空产业{n}", lang="zh")))
    report = validate_graph(ds)
    [group] = report.groups(examples=2)
    assert (group.shape, group.count, len(group.examples)) == ("EntityProvenance", 5, 2)
    assert group.examples[0].label == "空产业0"
    text = report.text(examples=2)
    assert text.startswith("invalid:")
    assert "Violation × 5  [EntityProvenance]" in text
    assert "「空产业0」" in text and "… and 3 more" in text


def test_violations_sort_violations_before_warnings():
    report = ValidationReport((Violation("Warning", "B", "w", "x"), Violation("Violation", "A", "v", "y")))
    assert [g.severity for g in report.groups()] == ["Violation", "Warning"]
    assert not report.conforms


def test_the_seeds_graph_validates(seeds_trig):
    report = validate_graph(load_graph(seeds_trig))
    assert report.conforms, report.text()
    assert report.triples > 10000
    assert report.seconds < 30


def test_the_seeds_graph_with_injected_faults_names_each(seeds_trig, tmp_path):
    ds = load_graph(seeds_trig)
    g = next(g for g in ds.graphs() if len(g))
    entity = next(g.subjects(RDF.type, GOVKG.Industry))
    project = next(ds.subjects(RDF.type, GOVKG.Project))
    region = next(ds.subjects(GOVKG.develops, None))
    mention = next(g.subjects(GOVKG.inSentence, None))
    for graph in ds.graphs():
        graph.remove((entity, RDFS.label, None))
        graph.remove((mention, GOVKG.inSentence, None))
    g.add((region, GOVKG.develops, project))
    broken = tmp_path / "broken.trig"
    get_exporter("trig")(ds, broken)

    found = shapes_of(validate_graph(load_graph(broken)))
    assert ("EntityLabelCount", str(entity)) in found
    assert ("DevelopsObject", str(project)) in found
    assert ("MentionSentence", str(mention)) in found

    result = CliRunner().invoke(main, ["validate", str(broken)])
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("invalid:")
    for shape in ("[EntityLabelCount]", "[DevelopsObject]", "[MentionSentence]"):
        assert shape in result.stdout
    assert "govkg:develops must point to an Industry" in result.stdout
    assert str(project) in result.stdout


def test_cli_validate_seeds_exit_0(seeds_trig):
    result = CliRunner().invoke(main, ["validate", str(seeds_trig.parent)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("valid:")
    assert " 0 violations" in result.stdout


def test_cli_validate_missing_graph_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such graph file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_broken_shapes_are_a_govkg_error():
    from rdflib import Graph

    from govkg.errors import GovkgError

    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:minCount "x" ] .""", format="turtle")
    with pytest.raises(GovkgError, match="SHACL shapes cannot be run"):
        validate_graph(Graph().parse(data="<urn:a> a <urn:C> .", format="turtle"), shapes)

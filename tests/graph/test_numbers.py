"""Numbers and time as RDF: Data Cube observations, investments, milestones, the document's year and region;
and their SHACL shapes (a built graph conforms, each broken node is named)."""

from dataclasses import replace
from decimal import Decimal

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import QB, RDF, SDO, SKOS, XSD

from govkg.graph.rdf import document_graph, trig_text
from govkg.model import (Amount, DocFacts, Document, EntityInfo, EntityRef, Investment, Mention, Milestone, Observation,
                         Sentence)
from govkg.ontology.namespaces import GOVKG, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE
from govkg.validate import validate_graph

REGION = EntityRef("Region", "510311")
PROJECT = EntityRef("Project", "卧龙湖大桥")
TEXT = "全区地区生产总值完成81.2亿元，增长6.5%。投资3.3亿元的卧龙湖大桥建成通车。"
ID = Namespace("https://w3id.org/govkg/id/")


def facts(doc_id: str = "r2023", year: int = 2023) -> DocFacts:
    doc = Document(doc_id, f"{doc_id}.txt", TEXT, TEXT, ((0, len(TEXT)),), "h", "2023年沿滩区政府工作报告", "2023-01-08")
    s0, s1 = Sentence(0, 0, 23, TEXT[:23]), Sentence(1, 23, len(TEXT), TEXT[23:])
    bridge = TEXT.index("卧龙湖大桥")
    mentions = (Mention(REGION, "沿滩区", -1, -1, -1, "region.declared"),
                Mention(PROJECT, "卧龙湖大桥", bridge, bridge + 5, 1, "project.head"))
    entities = {REGION: EntityInfo(REGION, "沿滩区", set(), None, {"adminCode": "510311"}),
                PROJECT: EntityInfo(PROJECT, "卧龙湖大桥")}
    obs = Observation(REGION, "GDP", year - 1, "actual", Amount("8120000000"), "6.5", (0,), "indicator.clause")
    target = Observation(REGION, "RetailSales", year, "target", None, "-3.2", (0,), "indicator.clause")
    inv = Investment(PROJECT, Amount("330000000"), 1, bridge, bridge + 5, "project.investment")
    ms = Milestone(PROJECT, "竣工", year - 1, False, 1, bridge, bridge + 5, "project.milestone")
    return DocFacts(doc, (s0, s1), mentions, (), entities, year=year, region=REGION, observations=(obs, target),
                    investments=(inv,), milestones=(ms,))


def build_dataset(all_facts) -> Dataset:
    """The document graphs as one dataset read as their union."""
    ds = Dataset(default_union=True)
    ds.parse(data=trig_text(document_graph(f) for f in all_facts), format="trig")
    return ds


def test_observation_in_the_data_cube_vocabulary():
    ds = build_dataset([facts()])
    (o,) = [o for o in ds.subjects(RDF.type, QB.Observation) if (o, GOVKG.growthRate, Literal(Decimal("6.5"))) in ds]
    assert ds.value(o, SDMX_DIMENSION.refArea) == ID["region/510311"]
    assert ds.value(o, SDMX_DIMENSION.refPeriod) == Literal("2022", datatype=XSD.gYear)
    assert ds.value(o, GOVKG.indicator) == ID["indicator/GDP"]
    assert ds.value(o, GOVKG.observationKind) == GOVKG.Actual
    assert ds.value(o, SDMX_MEASURE.obsValue).toPython() == Decimal("8120000000")
    assert ds.value(o, SDMX_ATTRIBUTE.unitMeasure) == Literal("CNY")
    assert ds.value(o, QB.dataSet) == ID["dataset/indicators"]
    sentence = ds.value(o, GOVKG.evidence)
    assert str(ds.value(sentence, GOVKG.text)).startswith("全区地区生产总值")
    # the concepts it points to are named in the same graph
    assert ds.value(ID["indicator/GDP"], SKOS.prefLabel) == Literal("地区生产总值", lang="zh")
    assert ds.value(GOVKG.Actual, SKOS.prefLabel) == Literal("实际", lang="zh")


def test_a_growth_without_value_and_a_negative_target():
    ds = build_dataset([facts()])
    (o,) = [o for o in ds.subjects(GOVKG.indicator, ID["indicator/RetailSales"])]
    assert ds.value(o, GOVKG.observationKind) == GOVKG.Target
    assert ds.value(o, GOVKG.growthRate).toPython() == Decimal("-3.2")
    assert ds.value(o, SDMX_MEASURE.obsValue) is None and ds.value(o, SDMX_ATTRIBUTE.unitMeasure) is None


def test_investment_and_milestone_on_the_project():
    ds = build_dataset([facts()])
    project = ID["project/" + "%E5%8D%A7%E9%BE%99%E6%B9%96%E5%A4%A7%E6%A1%A5"]
    inv = ds.value(project, GOVKG.investment)
    assert (inv, RDF.type, SDO.MonetaryAmount) in ds
    assert ds.value(inv, SDO.value).toPython() == Decimal("330000000") and ds.value(inv, SDO.currency) == Literal("CNY")
    ms = ds.value(project, GOVKG.milestone)
    assert ds.value(ms, GOVKG.stage) == GOVKG.Completed
    assert ds.value(GOVKG.Completed, SKOS.prefLabel) == Literal("竣工", lang="zh")
    assert ds.value(ms, GOVKG.year) == Literal("2022", datatype=XSD.gYear)
    assert ds.value(ms, GOVKG.planned).toPython() is False
    assert "建成通车" in str(ds.value(ds.value(ms, GOVKG.evidence), GOVKG.text))


def test_document_year_and_region():
    ds = build_dataset([facts()])
    doc = URIRef("https://w3id.org/govkg/doc/r2023")
    assert ds.value(doc, GOVKG.year) == Literal("2023", datatype=XSD.gYear)
    assert ds.value(doc, GOVKG.region) == ID["region/510311"]


def test_two_years_reports_line_up_on_one_project_and_one_series():
    """The same project in two reports is one node with both milestones; the region's observations form one series."""
    a, b = facts("r2023", 2023), facts("r2024", 2024)
    ds = build_dataset([a, b])
    project = ID["project/" + "%E5%8D%A7%E9%BE%99%E6%B9%96%E5%A4%A7%E6%A1%A5"]
    years = sorted(str(ds.value(m, GOVKG.year)) for m in ds.objects(project, GOVKG.milestone))
    assert years == ["2022", "2023"]
    gdp = ds.subjects(GOVKG.indicator, ID["indicator/GDP"])
    series = sorted(str(ds.value(o, SDMX_DIMENSION.refPeriod)) for o in gdp
                    if ds.value(o, SDMX_DIMENSION.refArea) == ID["region/510311"])
    assert series == ["2022", "2023"]


def test_numbers_of_an_entity_left_out_are_left_out():
    """A project the curation or the confidence removed takes its investment and milestones with it."""
    f = facts()
    f = replace(f, entities={REGION: f.entities[REGION]})
    ds = build_dataset([f])
    assert not list(ds.subjects(RDF.type, SDO.MonetaryAmount)) and not list(ds.subjects(GOVKG.stage, None))


def test_same_facts_same_bytes():
    assert document_graph(facts()).block == document_graph(facts()).block


# ---------------------------------------------------------------- shapes

OBS = URIRef("https://w3id.org/govkg/doc/r2023/observation/0-GDP-2022-actual")
INV = URIRef("https://w3id.org/govkg/doc/r2023/investment/32-37")
MS = URIRef("https://w3id.org/govkg/doc/r2023/milestone/32-37-Completed-2022")


def graph() -> Dataset:
    return build_dataset([facts()])


def broken(change) -> set[tuple[str, str]]:
    ds = graph()
    g = ds.graph(URIRef("https://w3id.org/govkg/doc/r2023"))
    change(g)
    return {(v.shape, v.message) for v in validate_graph(ds).violations if v.severity == "Violation"}


def test_a_built_graph_with_numbers_conforms():
    report = validate_graph(graph())
    assert report.conforms, report.text()


def test_an_observation_without_region_or_with_two_years_is_named():
    found = broken(lambda g: g.remove((OBS, SDMX_DIMENSION.refArea, None)))
    assert ("Observation", "an observation has exactly one sdmx-dimension:refArea, a Region") in found
    found = broken(lambda g: g.add((OBS, SDMX_DIMENSION.refPeriod, Literal("2021", datatype=XSD.gYear))))
    assert ("Observation", "an observation has exactly one sdmx-dimension:refPeriod, an xsd:gYear") in found


def test_a_kind_a_unit_and_an_empty_observation_are_checked():
    found = broken(lambda g: g.set((OBS, GOVKG.observationKind, GOVKG.Started)))
    assert any(shape == "Observation" and "Actual or govkg:Target" in msg for shape, msg in found)
    found = broken(lambda g: g.set((OBS, SDMX_ATTRIBUTE.unitMeasure, Literal("EUR"))))
    assert any(shape == "ObservationUnit" for shape, _ in found)

    def empty(g):
        for p in (URIRef("http://purl.org/linked-data/sdmx/2009/measure#obsValue"), GOVKG.growthRate):
            g.remove((OBS, p, None))
    assert ("Observation", "an observation has a value, a growth rate or both") in broken(empty)


def test_investment_and_milestone_shapes():
    found = broken(lambda g: g.set((INV, SDO.currency, Literal("元"))))
    assert any(shape == "Investment" and "currency" in msg for shape, msg in found)
    found = broken(lambda g: g.remove((MS, GOVKG.stage, None)))
    assert ("Milestone", "a milestone has exactly one govkg:stage of the six") in found
    found = broken(lambda g: g.set((MS, GOVKG.planned, Literal("yes"))))
    assert any(shape == "Milestone" and "planned" in msg for shape, msg in found)

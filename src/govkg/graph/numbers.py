"""Numbers and time of one document → statements: its year and region, indicator observations, project facts.

Shapes (``doc`` is the document's IRI; observation, investment and milestone
nodes are the document's own, so each keeps the sentence it comes from)::

    doc  govkg:year "2024"^^xsd:gYear ;  govkg:region <region> .
    <obs> a qb:Observation ; qb:dataSet <…/id/dataset/indicators> ;
          sdmx-dimension:refArea <region> ; sdmx-dimension:refPeriod "2023"^^xsd:gYear ;
          govkg:indicator <…/id/indicator/GDP> ; govkg:observationKind govkg:Actual ;
          sdmx-measure:obsValue "8120000000"^^xsd:decimal ; sdmx-attribute:unitMeasure "CNY" ;
          govkg:growthRate "6.5"^^xsd:decimal ; govkg:evidence <sentence> .
    <project> govkg:investment [ a schema:MonetaryAmount ; schema:value … ; schema:currency "CNY" ] ;
              govkg:milestone [ a govkg:Milestone ; govkg:stage govkg:Started ; govkg:year … ;
                                govkg:planned false ; govkg:evidence <sentence> ] .

The concepts these point to (the indicator, the stage, the kind, the data
set) are described in every document graph that uses them, as shared nodes
(united across documents like entities), so each named graph reads on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from rdflib import URIRef
from rdflib.namespace import PROV, QB, RDF, SDO, SKOS

from govkg.graph.iri import (INDICATOR_DATASET, doc_iri_text, entity_iri_text, indicator_iri_text,
                             investment_iri_text, milestone_iri_text, observation_iri_text, sentence_iri_text)
from govkg.graph.turtle import Pair, integer, iri, literal
from govkg.model import DocFacts
from govkg.ontology.namespaces import GOVKG, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE

KIND_LABELS = {"actual": ("Actual", "实际"), "target": ("Target", "目标")}


@lru_cache(maxsize=1)
def _terms() -> dict[str, str]:
    from govkg.graph.rdf import pname

    terms: dict[str, URIRef] = {
        "type": RDF.type, "label": SKOS.prefLabel, "notation": SKOS.notation, "derived": PROV.wasDerivedFrom,
        "Observation": QB.Observation, "dataSet": QB.dataSet, "DataSet": QB.DataSet, "structure": QB.structure,
        "refArea": SDMX_DIMENSION.refArea, "refPeriod": SDMX_DIMENSION.refPeriod, "obsValue": SDMX_MEASURE.obsValue,
        "unit": SDMX_ATTRIBUTE.unitMeasure, "Money": SDO.MonetaryAmount, "value": SDO.value,
        "currency": SDO.currency,
    }
    for name in ("indicator", "observationKind", "growthRate", "investment", "milestone", "stage", "year",
                 "planned", "region", "evidence", "rule", "Indicator", "IndicatorStructure", "ObservationKind",
                 "Milestone", "Stage"):
        terms[name] = GOVKG[name]
    return {name: pname(term) for name, term in terms.items()}


def _year(year: int) -> str:
    return literal(f"{year:04d}", datatype="xsd:gYear")


def _decimal(value: str) -> str:
    return literal(value, datatype="xsd:decimal")


def _concept(local: str) -> str:
    return iri(str(GOVKG[local]))


def document_pairs(facts: DocFacts) -> list[Pair]:
    """The year the document speaks for and its region (when that region is one of its entities)."""
    t = _terms()
    pairs = []
    if facts.year is not None:
        pairs.append((t["year"], _year(facts.year)))
    if facts.region is not None and facts.region in facts.entities:
        pairs.append((t["region"], iri(entity_iri_text(facts.region))))
    return pairs


def number_statements(facts: DocFacts, evidence: set[int]) -> Iterator[tuple[str, list[Pair]]]:
    """The statements of the document's observations, investments and milestones, and of the concepts they use.

    ``evidence`` gets the number of each sentence they point to, so those are
    written with the document's other sentences (``govkg:about`` stays what
    mentions and relation statements say).
    """
    from govkg.extractors.project_facts import stage_concepts

    t = _terms()
    doc_id = facts.document.doc_id
    d = iri(doc_iri_text(doc_id))
    pairs = document_pairs(facts)
    if pairs:
        yield d, pairs
    used_indicators: set[str] = set()
    used_kinds: set[str] = set()
    for o in facts.observations:
        if o.region not in facts.entities:
            continue
        region = iri(entity_iri_text(o.region))
        kind = KIND_LABELS[o.kind][0]
        pairs = [(t["type"], t["Observation"]), (t["dataSet"], iri(INDICATOR_DATASET)),
                 (t["refArea"], region), (t["refPeriod"], _year(o.year)),
                 (t["indicator"], iri(indicator_iri_text(o.indicator))), (t["observationKind"], _concept(kind))]
        if o.value is not None:
            pairs += [(t["obsValue"], _decimal(o.value.value)), (t["unit"], literal(o.value.currency))]
        if o.growth is not None:
            pairs.append((t["growthRate"], _decimal(o.growth)))
        for i in o.sentences:
            pairs.append((t["evidence"], iri(sentence_iri_text(doc_id, i))))
            evidence.add(i)
        pairs += [(t["rule"], literal(o.rule)), (t["derived"], d)]
        used_indicators.add(o.indicator)
        used_kinds.add(o.kind)
        yield iri(observation_iri_text(doc_id, o.sentences[0], o.indicator, o.year, o.kind)), pairs

    for inv in facts.investments:
        if inv.project not in facts.entities:
            continue
        project = iri(entity_iri_text(inv.project))
        node = iri(investment_iri_text(doc_id, inv.start, inv.end))
        yield project, [(t["investment"], node)]
        evidence.add(inv.sentence)
        yield node, [(t["type"], t["Money"]), (t["value"], _decimal(inv.amount.value)),
                     (t["currency"], literal(inv.amount.currency)),
                     (t["evidence"], iri(sentence_iri_text(doc_id, inv.sentence))),
                     (t["rule"], literal(inv.rule)), (t["derived"], d)]

    concepts = stage_concepts()
    used_stages: set[str] = set()
    for ms in facts.milestones:
        if ms.project not in facts.entities:
            continue
        project = iri(entity_iri_text(ms.project))
        concept = concepts[ms.stage]
        node = iri(milestone_iri_text(doc_id, ms.start, ms.end, concept, ms.year))
        yield project, [(t["milestone"], node)]
        evidence.add(ms.sentence)
        pairs = [(t["type"], t["Milestone"]), (t["stage"], _concept(concept))]
        if ms.year is not None:
            pairs.append((t["year"], _year(ms.year)))
        pairs += [(t["planned"], "true" if ms.planned else "false"),
                  (t["evidence"], iri(sentence_iri_text(doc_id, ms.sentence))),
                  (t["rule"], literal(ms.rule)), (t["derived"], d)]
        used_stages.add(ms.stage)
        yield node, pairs

    yield from _concepts(used_indicators, used_kinds, used_stages)


def _concepts(indicators: set[str], kinds: set[str], stages: set[str]) -> Iterator[tuple[str, list[Pair]]]:
    """What the concepts used are called, so a document graph names them on its own."""
    from govkg.extractors.indicator import indicator_labels
    from govkg.extractors.project_facts import stage_concepts

    t = _terms()
    if indicators:
        yield iri(INDICATOR_DATASET), [(t["type"], t["DataSet"]), (t["structure"], _concept("IndicatorStructure"))]
    labels = indicator_labels()
    for code in sorted(indicators):
        yield iri(indicator_iri_text(code)), [(t["type"], t["Indicator"]), (t["label"], literal(labels[code], "zh")),
                                              (t["notation"], literal(code))]
    for kind in sorted(kinds):
        local, label = KIND_LABELS[kind]
        yield _concept(local), [(t["type"], t["ObservationKind"]), (t["label"], literal(label, "zh"))]
    concepts = stage_concepts()
    order = {stage: n for n, stage in enumerate(concepts, 1)}
    for stage in sorted(stages):
        yield _concept(concepts[stage]), [(t["type"], t["Stage"]), (t["label"], literal(stage, "zh")),
                                          (t["notation"], integer(order[stage]))]

"""The one govkg namespace. A closed namespace: a typo in a term fails at once.

>>> str(GOVKG.Region)
'https://w3id.org/govkg/ontology#Region'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_BASE = "https://w3id.org/govkg/ontology#"
ENTITY_BASE = "https://w3id.org/govkg/id/"
DOC_BASE = "https://w3id.org/govkg/doc/"
ENTITY = Namespace(ENTITY_BASE)


class GOVKG(DefinedNamespace):
    """Terms of ``govkg.ttl``."""

    _NS = Namespace(ONTOLOGY_BASE)
    _fail = True

    # classes
    Region: URIRef
    Division: URIRef
    Industry: URIRef
    Project: URIRef
    Enterprise: URIRef
    Park: URIRef
    Slogan: URIRef
    Document: URIRef
    Sentence: URIRef
    Mention: URIRef
    # relations between entities
    locatedIn: URIRef
    develops: URIRef
    carriesOut: URIRef
    hosts: URIRef
    belongsTo: URIRef
    proposedBy: URIRef
    hasPart: URIRef
    relatedTo: URIRef
    # provenance
    mentionOf: URIRef
    inSentence: URIRef
    inDocument: URIRef
    evidence: URIRef
    about: URIRef
    startOffset: URIRef
    endOffset: URIRef
    surface: URIRef
    rule: URIRef
    text: URIRef
    sourcePath: URIRef
    contentHash: URIRef
    builtWith: URIRef
    Rule: URIRef
    HierarchyRule: URIRef
    TownPatternRule: URIRef
    # data
    adminCode: URIRef
    confidence: URIRef
    adminLevel: URIRef
    definition: URIRef
    curation: URIRef
    # numbers and time: indicator observations (W3C Data Cube), project investments and milestones
    Indicator: URIRef
    IndicatorStructure: URIRef
    ObservationKind: URIRef
    Actual: URIRef
    Target: URIRef
    Milestone: URIRef
    Stage: URIRef
    Planning: URIRef
    Signed: URIRef
    Started: URIRef
    UnderConstruction: URIRef
    Completed: URIRef
    InProduction: URIRef
    indicator: URIRef
    observationKind: URIRef
    growthRate: URIRef
    investment: URIRef
    milestone: URIRef
    stage: URIRef
    year: URIRef
    planned: URIRef
    region: URIRef


class SDMX_DIMENSION(DefinedNamespace):
    """The SDMX dimensions the Data Cube observations use."""

    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/dimension#")
    _fail = True

    refArea: URIRef
    refPeriod: URIRef


class SDMX_MEASURE(DefinedNamespace):
    """The SDMX measure of an observation's value."""

    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
    _fail = True

    obsValue: URIRef


class SDMX_ATTRIBUTE(DefinedNamespace):
    """The SDMX attribute of an observation's unit (the currency of a sum of money)."""

    _NS = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
    _fail = True

    unitMeasure: URIRef


ENTITY_TYPES: tuple[str, ...] = ("Region", "Industry", "Project", "Enterprise", "Park", "Slogan")
"""The six entity classes, in display order."""

DIVISION = "Division"
"""The class of a division above a region the document names that the document does not name itself: shown,
exported and queried as a Region (its kind is ``Region``), but no entity of that document."""


def type_kinds() -> dict[str, str]:
    """Class IRI -> the kind of node it makes: each entity class its own name, and Division a Region."""
    kinds = {ONTOLOGY_BASE + name: name for name in ENTITY_TYPES}
    kinds[ONTOLOGY_BASE + DIVISION] = "Region"
    return kinds

RELATIONS: tuple[str, ...] = (
    "locatedIn", "develops", "carriesOut", "hosts", "belongsTo", "proposedBy", "hasPart", "relatedTo",
)
"""Object properties between entities."""


PREFIXES: dict[str, str] = {
    "govkg": ONTOLOGY_BASE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "qb": "http://purl.org/linked-data/cube#",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "sdmx-measure": "http://purl.org/linked-data/sdmx/2009/measure#",
    "sdmx-attribute": "http://purl.org/linked-data/sdmx/2009/attribute#",
    "schema": "https://schema.org/",
}
"""Prefixes every serialisation binds (rdflib and Oxigraph writers alike)."""

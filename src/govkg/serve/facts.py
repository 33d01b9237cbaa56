"""Everything the graph says about one entity, for its page, read with parameterised SPARQL.

The entity IRI is handed to the engine as a bound value (``initBindings``),
never pasted into the query text. Queries live in ``serve/queries/*.rq``.
"""

from __future__ import annotations

import importlib.resources
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS, SKOS

from govkg.ontology.namespaces import ENTITY_TYPES, GOVKG

_LABELLED = {RDFS.label: "label", SKOS.altLabel: "alias", SKOS.definition: "definition",
             GOVKG.definition: "definition", GOVKG.adminCode: "admin_code"}


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation of the entity: ``direction`` is ``out`` (entity → other) or ``in``."""

    direction: str
    name: str
    other: str
    other_label: str
    evidence: tuple[tuple[str, str], ...] = ()  # (sentence, document title)


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """The facts of one entity, each list sorted."""

    iri: str
    types: tuple[str, ...]
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    definitions: tuple[str, ...]
    admin_codes: tuple[str, ...]
    other: tuple[tuple[str, str], ...]  # (property IRI, value) of the remaining literals
    relations: tuple[Relation, ...]
    evidence: tuple[tuple[str, str], ...] = field(default=())  # (sentence, document title)

    @property
    def label(self) -> str:
        """The first label, else the IRI."""
        return self.labels[0] if self.labels else self.iri


def read_query(name: str) -> str:
    """The text of ``serve/queries/NAME.rq``."""
    return importlib.resources.files("govkg.serve").joinpath(f"queries/{name}.rq").read_text(encoding="utf-8")


def entity_facts(dataset: Any, iri: str) -> EntityFacts | None:
    """The facts of entity ``iri`` in ``dataset``, or ``None`` when it has no entity type there."""
    entity = URIRef(iri)
    bind = {Variable("entity"): entity}
    type_names = {GOVKG[name]: name for name in ENTITY_TYPES}
    values: dict[str, set[str]] = defaultdict(set)
    types: set[str] = set()
    other: set[tuple[str, str]] = set()
    for row in dataset.query(read_query("entity-properties"), initBindings=bind):
        p, o = row[1], row[2]
        if p == RDF.type:
            if o in type_names:
                types.add(type_names[o])
        elif p in _LABELLED and isinstance(o, Literal):
            values[_LABELLED[p]].add(str(o))
        elif isinstance(o, Literal):
            other.add((str(p), str(o)))
    if not types:
        return None
    relations: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in dataset.query(read_query("entity-relations"), initBindings=bind):
        _, direction, rel, target, target_label, text, title = row
        key = (str(direction), str(rel).rsplit("#", 1)[-1], str(target))
        entry = relations.setdefault(key, {"labels": set(), "evidence": set()})
        if target_label is not None:
            entry["labels"].add(str(target_label))
        if text is not None:
            entry["evidence"].add((str(text), "" if title is None else str(title)))
    evidence = {}
    for row in dataset.query(read_query("entity-evidence"), initBindings=bind):
        _, sent, text, doc, title, start = row
        key = (str(doc or ""), int(start.toPython()) if start is not None else 0, str(sent))
        evidence[key] = (str(text), "" if title is None else str(title))
    labels = sorted(values["label"])
    order = {name: i for i, name in enumerate(ENTITY_TYPES)}
    return EntityFacts(
        iri=iri,
        types=tuple(sorted(types, key=order.__getitem__)),
        labels=tuple(labels),
        aliases=tuple(sorted(values["alias"] - set(labels))),
        definitions=tuple(sorted(values["definition"])),
        admin_codes=tuple(sorted(values["admin_code"])),
        other=tuple(sorted(other)),
        relations=tuple(
            Relation(d, name, target, min(entry["labels"], default=target.rsplit("/", 1)[-1]),
                     tuple(sorted(entry["evidence"])))
            for (d, name, target), entry in sorted(relations.items(), key=lambda kv: (kv[0][0] != "out", kv[0]))
        ),
        evidence=tuple(evidence[k] for k in sorted(evidence)),
    )

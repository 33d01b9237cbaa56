"""The data of the network page: nodes, edges, documents and legend, gathered by one builder.

A :class:`NetworkBuilder` is fed facts one at a time, from an RDF graph
(:func:`govkg.export.html.network_data`) or straight from a build as each
document's facts arrive (:class:`govkg.graph.output.BuildOutput`), and keeps
only what the page shows: per entity its labels, aliases, definitions, the
documents that name it and its best evidence sentences. Both ways give the
same page for the same graph.

>>> b = NetworkBuilder()
>>> b.add_node("https://w3id.org/govkg/id/region/sz", "Region", [("深圳市", "zh")])
>>> b.add_evidence("https://w3id.org/govkg/id/region/sz", "urn:doc/s/2", "深圳市发展。", "urn:doc")
>>> b.add_document("urn:doc", "报告")
>>> node = b.data()["nodes"][0]
>>> node["label"], node["docs"], node["evidence"]
('深圳市', [0], [{'text': '深圳市发展。', 'document': '报告'}])
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from govkg.ontology.namespaces import DIVISION, ENTITY_TYPES

PALETTE: Mapping[str, str] = MappingProxyType({
    "Region": "#0072B2",
    "Industry": "#E69F00",
    "Project": "#009E73",
    "Enterprise": "#D55E00",
    "Park": "#CC79A7",
    "Slogan": "#56B4E9",
})
"""Entity type -> node colour (Okabe-Ito colours, distinguishable with colour-blindness)."""

TYPE_NAMES_ZH: Mapping[str, str] = MappingProxyType({
    "Region": "地区", "Industry": "产业", "Project": "项目",
    "Enterprise": "企业", "Park": "园区", "Slogan": "口号",
})
"""Entity type -> Chinese name shown in the legend and tooltips."""

MAX_EVIDENCE = 2
"""Evidence sentences shown per node."""

_ORDER = {name: i for i, name in enumerate((*ENTITY_TYPES, DIVISION))}
"""Display order of node types; a node with types from two documents shows the first. A node that is only a
Division (a division above the regions the documents name, which none of them names) shows as a Region but is
no entity: no type's count includes it."""


class _Node:
    __slots__ = ("types", "labels", "aliases", "definitions", "docs", "evidence", "confidence")

    def __init__(self) -> None:
        self.types: set[str] = set()
        self.labels: set[tuple[str, str]] = set()  # (text, language)
        self.aliases: set[str] | None = None  # most entities have none: made on the first
        self.definitions: set[str] | None = None
        self.docs: set[str] = set()
        self.evidence: dict[str, tuple[str, str]] = {}  # text -> (sentence IRI, document IRI), the least IRI
        self.confidence: float | None = None  # the highest a document gives it


class NetworkBuilder:
    """Collects the page's facts; :meth:`data` returns the page data (see :func:`govkg.export.html.network_data`)."""

    def __init__(self) -> None:
        self._nodes: dict[str, _Node] = {}
        # (from, relation, to) -> [least sentence IRI stating it or None, its text, least source it is derived from]
        self._edges: dict[tuple[str, str, str], list[Any]] = {}
        self._titles: dict[str, set[tuple[str, str]]] = {}
        self._years: dict[str, int] = {}

    def _node(self, iri: str) -> _Node:
        node = self._nodes.get(iri)
        if node is None:
            node = self._nodes[iri] = _Node()
        return node

    def add_node(self, iri: str, kind: str, labels: Iterable[tuple[str, str]] = (), aliases: Iterable[str] = (),
                 definitions: Iterable[str] = ()) -> None:
        """An entity of type ``kind`` (one of the six classes, or a Division) with labels as (text, language) pairs."""
        node = self._node(iri)
        node.types.add(kind)
        node.labels.update(labels)
        if aliases:
            node.aliases = set(aliases) if node.aliases is None else node.aliases | set(aliases)
        if definitions:
            node.definitions = set(definitions) if node.definitions is None else node.definitions | set(definitions)

    def add_evidence(self, iri: str, sentence: str, text: str, document: str | None) -> None:
        """A sentence (IRI and text) of ``document`` that mentions entity ``iri``.

        Only the :data:`MAX_EVIDENCE` sentences with distinct texts and the
        least IRIs are kept; every document counts for the node's documents.
        """
        node = self._node(iri)
        if document is not None:
            node.docs.add(document)
        if not text:
            return
        best = node.evidence.get(text)
        if best is not None and best[0] <= sentence:
            return
        node.evidence[text] = (sentence, document or "")
        if len(node.evidence) > MAX_EVIDENCE:
            worst = max(node.evidence, key=lambda t: node.evidence[t][0])
            del node.evidence[worst]

    def evidence(self, iri: str) -> list[tuple[str, str]]:
        """The (sentence IRI, text) pairs kept for entity ``iri`` so far, least IRI first."""
        node = self._nodes.get(iri)
        return sorted((sentence, text) for text, (sentence, _) in node.evidence.items()) if node else []

    def add_document(self, iri: str, title: str, language: str = "zh", year: int | None = None) -> None:
        """A document, its title (its ``rdfs:label``) and the year it speaks for (``govkg:year``), if known."""
        self._titles.setdefault(iri, set()).add((title, language))
        if year is not None:
            self._years[iri] = min(year, self._years.get(iri, year))

    def add_confidence(self, iri: str, confidence: float) -> None:
        """A confidence a document gives entity ``iri`` (the node keeps the highest)."""
        node = self._node(iri)
        node.confidence = confidence if node.confidence is None else max(node.confidence, confidence)

    def add_edge(self, source: str, relation: str, target: str, sentence: tuple[str, str] | None = None,
                 derived: str = "") -> None:
        """A relation between two entities (``relation`` is the ontology name, e.g. ``develops``), with the
        sentence (IRI, text) that states it, or the label of what it is derived from (a table, a rule).

        The page shows, per relation, the sentence with the least IRI, else the least label.
        """
        entry = self._edges.setdefault((source, relation, target), [None, "", ""])
        if sentence is not None and (entry[0] is None or sentence[0] < entry[0]):
            entry[0], entry[1] = sentence
        if derived and (not entry[2] or derived < entry[2]):
            entry[2] = derived

    def data(self) -> dict[str, Any]:
        """``{"nodes", "edges", "documents", "legend", "sentences"}``: see :func:`govkg.export.html.network_data`."""
        node_type = {iri: min(n.types, key=_ORDER.__getitem__) for iri, n in self._nodes.items() if n.types}
        edges = sorted(e for e in self._edges if e[0] in node_type and e[2] in node_type)
        sentences: dict[str, int] = {}  # the texts edges point to, each once
        for e in edges:
            if self._edges[e][0] is not None:
                sentences.setdefault(self._edges[e][1], len(sentences))
        degree: dict[str, int] = dict.fromkeys(node_type, 0)
        for s, _, o in edges:
            degree[s] += 1
            degree[o] += 1
        documents = sorted({d for iri in node_type for d in self._nodes[iri].docs})
        doc_index = {d: i for i, d in enumerate(documents)}
        titles = {d: self._title(d) for d in {doc for n in self._nodes.values() for _, doc in n.evidence.values()}}
        nodes = []
        for iri in sorted(node_type):
            n, kind = self._nodes[iri], node_type[iri]
            kind = "Region" if kind == DIVISION else kind
            label = choose_label(n.labels, iri)
            evidence = sorted(n.evidence.items(), key=lambda kv: kv[1][0])
            nodes.append({
                "id": iri,
                "label": label,
                "type": kind,
                "type_zh": TYPE_NAMES_ZH[kind],
                "color": PALETTE[kind],
                "degree": degree[iri],
                "size": node_size(degree[iri]),
                "aliases": sorted(n.aliases - {label}) if n.aliases else [],
                "definition": min(n.definitions) if n.definitions else "",
                "docs": sorted(doc_index[d] for d in n.docs),
                "confidence": None if n.confidence is None else round(n.confidence, 3),
                "evidence": [{"text": text, "document": titles[doc] if doc else ""} for text, (_, doc) in evidence],
            })
        counts = dict.fromkeys(ENTITY_TYPES, 0)
        for kind in node_type.values():
            if kind != DIVISION:
                counts[kind] += 1
        legend = [{"type": k, "type_zh": TYPE_NAMES_ZH[k], "color": PALETTE[k], "count": counts[k]}
                  for k in ENTITY_TYPES]
        return {
            "nodes": nodes,
            "edges": [{"id": f"e{i}", "from": s, "to": o, "label": name, **self._why((s, name, o), sentences)}
                      for i, (s, name, o) in enumerate(edges)],
            "sentences": list(sentences),
            "documents": [{"id": d, "title": titles.get(d) or self._title(d), "year": self._years.get(d)}
                          for d in documents],
            "legend": legend,
        }

    def _why(self, edge: tuple[str, str, str], sentences: dict[str, int]) -> dict[str, Any]:
        """Where an edge comes from: ``sentence`` (an index into the data's ``sentences``) or ``source``."""
        iri, text, derived = self._edges[edge]
        return {"sentence": sentences[text]} if iri is not None else {"source": derived}

    def node_count(self) -> int:
        """Entities (and other IRIs) seen so far."""
        return len(self._nodes)

    def entity_counts(self) -> dict[str, int]:
        """Entities per type (each entity counted once, under its first type in display order)."""
        counts = dict.fromkeys(ENTITY_TYPES, 0)
        for n in self._nodes.values():
            kind = min(n.types, key=_ORDER.__getitem__) if n.types else DIVISION
            if kind != DIVISION:
                counts[kind] += 1
        return counts

    def _title(self, doc: str) -> str:
        return choose_label(self._titles.get(doc, ()), doc)


def choose_label(labels: Iterable[tuple[str, str]], iri: str) -> str:
    """The least ``zh`` label, else the least label, else the last segment of ``iri``.

    >>> choose_label([("b", "zh"), ("a", "en"), ("c", "zh-Hant")], "urn:x")
    'b'
    >>> choose_label([], "https://w3id.org/govkg/id/park/qianhai")
    'qianhai'
    """
    usable = [(text, lang) for text, lang in labels if text.strip()]
    zh = [text for text, lang in usable if (lang or "").lower().startswith("zh")]
    chosen = zh or [text for text, _ in usable]
    if chosen:
        return min(chosen)
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def node_size(degree: int) -> float:
    """Node radius: grows with the square root of the degree, capped."""
    return round(min(48.0, 10.0 + 4.0 * math.sqrt(degree)), 2)

"""The interactive network page ``graph.html``: one self-contained, offline HTML file.

Entities become nodes (coloured by type, sized by degree) at positions
computed here (:func:`govkg.export.subgraph.layout`), entity-to-entity
relations become labelled arrows. Hovering or clicking a node shows its type,
label, aliases, documents and evidence sentences in a side panel; a search
box finds a node by name in simplified or traditional script; checkboxes
show or hide each type and a menu keeps one document's entities. The page
inlines the vis-network library that pyvis ships, so it fetches nothing from
the network. All text from the documents reaches the page as JSON data and
is put on screen with ``textContent``.

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> g = Graph()
>>> sz = URIRef("https://w3id.org/govkg/id/region/sz")
>>> _ = g.add((sz, RDF.type, GOVKG.Region))
>>> _ = g.add((sz, RDFS.label, Literal("深圳市", lang="zh")))
>>> data = network_data(g)
>>> [(n["label"], n["type"], n["color"]) for n in data["nodes"]]
[('深圳市', 'Region', '#0072B2')]
"""

from __future__ import annotations

import importlib.resources
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from rdflib import Graph, URIRef

from govkg.errors import OutputError
from govkg.export.project import GraphFacts, collect_facts
from govkg.export.subgraph import Selection, layout, select
from govkg.fileio import atomic_write
from govkg.ontology.namespaces import ENTITY_TYPES

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

PHYSICS_NODE_LIMIT = 1000
"""From this many nodes on, physics is off: the page draws the precomputed layout as it is."""

_TEMPLATE = "graph.html.j2"
_VIS_DIR = "templates/lib/vis-9.1.2"


def network_data(graph: Graph) -> dict[str, Any]:
    """The nodes, edges, documents and legend of the page, as plain sorted data.

    ``graph`` may be a Graph or a Dataset; a Dataset is read as the union of
    all its graphs. Nodes are sorted by IRI, edges by (from, predicate, to),
    documents by IRI. Returns ``{"nodes", "edges", "documents", "legend"}``
    where a node is ``{id, label, type, type_zh, color, degree, size,
    aliases, definition, docs, evidence: [{text, document}]}`` (``docs``:
    indexes into ``documents``), an edge ``{id, from, to, label}``, a document
    ``{id, title}`` and a legend entry ``{type, type_zh, color, count}`` (all
    six types, in display order).
    """
    facts = _Facts.collect(graph)
    node_type = facts.entity_types()
    edges = sorted(
        (str(s), name, str(o))
        for s, name, o in facts.relations
        if s in node_type and o in node_type
    )
    degree: dict[URIRef, int] = defaultdict(int)
    for s, _, o in edges:
        degree[URIRef(s)] += 1
        degree[URIRef(o)] += 1
    node_docs = {iri: facts.documents_of(iri) for iri in node_type}
    documents = sorted({d for docs in node_docs.values() for d in docs}, key=str)
    doc_index = {d: i for i, d in enumerate(documents)}
    nodes = []
    for iri in sorted(node_type, key=str):
        kind = node_type[iri]
        label = facts.label_of(iri)
        nodes.append({
            "id": str(iri),
            "label": label,
            "type": kind,
            "type_zh": TYPE_NAMES_ZH[kind],
            "color": PALETTE[kind],
            "degree": degree[iri],
            "size": _size(degree[iri]),
            "aliases": sorted({str(a) for a in facts.alt_labels[iri]} - {label}),
            "definition": min((str(d) for d in facts.definitions[iri]), default=""),
            "docs": sorted(doc_index[d] for d in node_docs[iri]),
            "evidence": facts.evidence_of(iri, MAX_EVIDENCE),
        })
    counts = defaultdict(int, ((k, 0) for k in ENTITY_TYPES))
    for kind in node_type.values():
        counts[kind] += 1
    legend = [
        {"type": k, "type_zh": TYPE_NAMES_ZH[k], "color": PALETTE[k], "count": counts[k]}
        for k in ENTITY_TYPES
    ]
    return {
        "nodes": nodes,
        "edges": [
            {"id": f"e{i}", "from": s, "to": o, "label": name}
            for i, (s, name, o) in enumerate(edges)
        ],
        "documents": [{"id": str(d), "title": facts.label_of(d)} for d in documents],
        "legend": legend,
    }


def write_html(graph: Graph, path: Path | str, *, title: str = "govkg",
               selection: Selection | None = None) -> None:
    """Write the interactive network page of ``graph`` (or the part ``selection`` keeps) to ``path``.

    Written atomically; the same graph always gives a byte-identical file.
    Raises :class:`~govkg.export.subgraph.SelectionError` when the selection
    names no entity, :class:`~govkg.errors.OutputError` if the file cannot be written.
    """
    data = network_data(graph)
    if selection:
        data = select(data, selection)
    html = render_html(data, title=title)
    try:
        with atomic_write(path) as fh:
            fh.write(html)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write HTML page: {exc}") from exc


def render_html(data: Mapping[str, Any], *, title: str = "govkg", entity_link: str = "") -> str:
    """The page for ``data`` (as returned by :func:`network_data`), as a string.

    ``entity_link``, when given, is a URL prefix: the details panel then links
    each node to ``entity_link + encodeURIComponent(id)`` (used by ``govkg serve``).
    """
    import jinja2  # pyvis depends on it

    nodes = list(data["nodes"])
    pos = layout((n["id"] for n in nodes), ((e["from"], e["to"]) for e in data["edges"]))
    payload = {
        "nodes": [{**n, "x": pos[n["id"]][0], "y": pos[n["id"]][1]} for n in nodes],
        "edges": list(data["edges"]),
        "documents": list(data.get("documents", ())),
        "legend": list(data["legend"]),
        "fold": fold_table(_names(nodes)),
        "options": _vis_options(len(nodes)),
        "physics": len(nodes) < PHYSICS_NODE_LIMIT,
        "entity_link": entity_link,
    }
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(_read_text("govkg", f"export/templates/{_TEMPLATE}"))
    return template.render(
        title=title,
        legend=data["legend"],
        documents=payload["documents"],
        node_count=len(nodes),
        edge_count=len(data["edges"]),
        vis_css=_safe_inline(_read_text("pyvis", f"{_VIS_DIR}/vis-network.css"), "style"),
        vis_js=_safe_inline(_read_text("pyvis", f"{_VIS_DIR}/vis-network.min.js"), "script"),
        data_json=script_json(payload),
    )


def fold_table(names: Iterable[str]) -> dict[str, str]:
    """Traditional character -> simplified, for every simplified character used in ``names``.

    The page folds what is typed in the search box with it, so 沙灣區 finds
    沙湾区. Built with the project's character-level folding
    (:class:`govkg.text.script.ScriptFolder`) over the CJK block.

    >>> table = fold_table(["沙湾区"])
    >>> table["灣"], table["區"], "沙" in table
    ('湾', '区', False)
    """
    from govkg.text.script import ScriptFolder

    used = {c for name in names for c in name if ord(c) >= 0x3400}
    if not used:
        return {}
    block = "".join(chr(cp) for cp in range(0x3400, 0xA000))
    folded = ScriptFolder().fold(block)
    return {t: s for t, s in zip(block, folded) if t != s and s in used}


def script_json(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element.

    Chinese stays readable; ``<``, ``>``, ``&`` and the JavaScript line
    separators are escaped, so no string can close the script tag.

    >>> script_json({"label": "</script>深圳"})
    '{"label":"\\\\u003c/script\\\\u003e深圳"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _names(nodes: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    for n in nodes:
        yield n["label"]
        yield from n.get("aliases", ())


def _vis_options(node_count: int) -> dict[str, Any]:
    """vis-network options: a short physics settle for small graphs, a fixed drawing for big ones."""
    small = node_count < PHYSICS_NODE_LIMIT
    return {
        "layout": {"randomSeed": 42, "improvedLayout": False},
        "nodes": {"shape": "dot", "font": {"size": 14}, "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {
            "arrows": {"to": {"enabled": small, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle"},
            "color": {"color": "#999999", "highlight": "#333333"},
            "smooth": {"enabled": small, "type": "continuous"},
            "width": 1,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not small,
                        "hideEdgesOnZoom": not small},
        "physics": {
            "enabled": small,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 120, "avoidOverlap": 0.1},
            "stabilization": {"enabled": small, "iterations": 200, "fit": True},
        },
    }


def _size(degree: int) -> float:
    """Node radius: grows with the square root of the degree, capped."""
    return round(min(48.0, 10.0 + 4.0 * math.sqrt(degree)), 2)


def _read_text(package: str, resource: str) -> str:
    """A UTF-8 data file shipped inside ``package``."""
    return importlib.resources.files(package).joinpath(resource).read_text(encoding="utf-8")


def _safe_inline(code: str, tag: str) -> str:
    """``code`` made safe to inline in a ``<tag>`` element (no closing tag, no comment opener)."""
    code = re.sub(f"</({tag})", r"<\\/\1", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")


class _Facts(GraphFacts):
    """The graph read once (see :func:`govkg.export.project.collect_facts`), with what the page asks of it."""

    @classmethod
    def collect(cls, graph: Graph) -> _Facts:
        return collect_facts(graph, cls())

    def entity_types(self) -> dict[URIRef, str]:
        """IRI entity -> its type (the first in display order if it has several)."""
        order = {name: i for i, name in enumerate(ENTITY_TYPES)}
        return {
            s: min(kinds, key=order.__getitem__)
            for s, kinds in self.types.items() if isinstance(s, URIRef)
        }

    def label_of(self, node: Any) -> str:
        """The ``zh`` label, else any label, else the last IRI segment (smallest if several)."""
        labels = [lit for lit in self.labels.get(node, ()) if str(lit).strip()]
        zh = [str(lit) for lit in labels if (lit.language or "").lower().startswith("zh")]
        chosen = zh or [str(lit) for lit in labels]
        if chosen:
            return min(chosen)
        return re.split(r"[/#]", str(node).rstrip("/#"))[-1]

    def documents_of(self, entity: Any) -> set[Any]:
        """The documents of the sentences that mention ``entity``."""
        return {d for m in self.mention_of.get(entity, ())
                for sent in self.in_sentence.get(m, ()) for d in self.in_document.get(sent, ())}

    def evidence_of(self, entity: Any, limit: int) -> list[dict[str, str]]:
        """Up to ``limit`` distinct sentences mentioning ``entity``, in IRI order."""
        sentences = sorted(
            {sent for m in self.mention_of.get(entity, ()) for sent in self.in_sentence.get(m, ())},
            key=str,
        )
        out: list[dict[str, str]] = []
        seen: set[str] = set()
        for sent in sentences:
            text = min((str(t) for t in self.text.get(sent, ())), default="")
            if not text or text in seen:
                continue
            seen.add(text)
            docs = sorted(self.in_document.get(sent, ()), key=str)
            out.append({"text": text, "document": self.label_of(docs[0]) if docs else ""})
            if len(out) == limit:
                break
        return out

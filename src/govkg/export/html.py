"""The interactive network page ``graph.html``: one self-contained, offline HTML file.

Entities become nodes (coloured by type, sized by degree) at positions
computed here (:func:`govkg.export.subgraph.layout`), entity-to-entity
relations become labelled arrows. Hovering or clicking a node shows its type,
label, aliases, documents and evidence sentences in a side panel; a search
box finds a node by name in simplified or traditional script; checkboxes
show or hide each type and a menu keeps one document's entities. From
:data:`OVERVIEW_NODE_LIMIT` entities on, the page opens on an overview
instead (:mod:`govkg.export.overview`, code in ``templates/overview.js``):
regions grouped province > prefecture > county, communities for the rest,
groups that expand in place, a network and a map layout, entities linked to
nothing behind a toggle. The page asks for the Chinese fonts of macOS,
Windows and Linux desktops (:data:`CJK_FONTS`), for its text and for the
labels vis-network draws on its canvas. The page
inlines the vis-network library that pyvis ships, so it fetches nothing from
the network. All text from the documents reaches the page as JSON data and
is put on screen with ``textContent`` (or drawn on the canvas).

>>> from rdflib import Graph, Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS
>>> from govkg.ontology.namespaces import GOVKG
>>> g = Graph()
>>> sz = URIRef("https://w3id.org/govkg/id/region/sz")
>>> _ = g.add((sz, RDF.type, GOVKG.Region))
>>> _ = g.add((sz, RDFS.label, Literal("深圳市", lang="zh")))
>>> data = network_data(g)
>>> [(n["label"], n["type"], n["color"]) for n in data["nodes"]]
[('深圳市', 'Region', '#0072B2')]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from govkg.errors import OutputError
from govkg.export.network import MAX_EVIDENCE, PALETTE, TYPE_NAMES_ZH, NetworkBuilder  # noqa: F401 - part of this module's API
from govkg.export.project import collect_facts
from govkg.export.subgraph import Selection, layout, select
from govkg.fileio import atomic_write

PHYSICS_NODE_LIMIT = 1000
"""From this many nodes on, physics is off: the page draws the precomputed layout as it is."""

OVERVIEW_NODE_LIMIT = 3000
"""From this many nodes on, the page opens on the overview (:mod:`govkg.export.overview`): groups of
entities that expand in place, in a network or a map layout."""

CJK_FONTS = ("PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Source Han Sans SC", "Noto Sans CJK SC",
             "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC", "Droid Sans Fallback")
"""Chinese fonts the page asks for, first found first: macOS's, Windows', then Linux's (Debian's fonts-noto-cjk
and fonts-wqy-microhei among them), for the page's text and the labels vis-network draws on its canvas."""

LABEL_THRESHOLD = 10
"""In the overview, vis-network draws a label from this many screen pixels of font size (less one); below that
the page draws the labels of the best-connected shown nodes itself, at a readable size."""

_TEMPLATE = "graph.html.j2"
_VIS_DIR = "templates/lib/vis-9.1.2"


def network_data(graph: Graph, *, leave_out: frozenset[URIRef] | set[URIRef] = frozenset()) -> dict[str, Any]:
    """The nodes, edges, documents and legend of the page, as plain sorted data.

    ``graph`` may be a Graph or a Dataset; a Dataset is read as the union of
    all its graphs. Nodes are sorted by IRI, edges by (from, predicate, to),
    documents by IRI. Returns ``{"nodes", "edges", "documents", "legend"}``
    where a node is ``{id, label, type, type_zh, color, degree, size,
    aliases, definition, docs, confidence, evidence: [{text, document}]}``
    (``docs``: indexes into ``documents``; ``confidence``: the highest the
    documents give, or None), an edge ``{id, from, to, label}``, a document
    ``{id, title, year}`` (``year``: the one it speaks for, or None) and a
    legend entry ``{type, type_zh, color, count}`` (all
    six types, in display order). Entities in ``leave_out`` are not shown,
    nor are their relations.
    """
    facts = collect_facts(graph)
    builder = NetworkBuilder()
    for iri, kinds in facts.types.items():
        if not isinstance(iri, URIRef) or iri in leave_out:
            continue
        for kind in kinds:
            builder.add_node(str(iri), kind, ((str(lit), lit.language or "") for lit in facts.labels.get(iri, ())),
                             (str(a) for a in facts.alt_labels.get(iri, ())),
                             (str(d) for d in facts.definitions.get(iri, ())))
        for mention in facts.mention_of.get(iri, ()):
            for sentence in facts.in_sentence.get(mention, ()):
                text = min((str(t) for t in facts.text.get(sentence, ())), default="")
                docs = sorted(facts.in_document.get(sentence, ()), key=str)
                for doc in docs or [None]:
                    builder.add_evidence(str(iri), str(sentence), text, None if doc is None else str(doc))
                    text = ""  # the sentence is evidence once, with its first document
        for value in facts.confidence.get(iri, ()):
            builder.add_confidence(str(iri), float(value))
    for doc in {d for docs in facts.in_document.values() for d in docs}:
        year = min((int(str(y)) for y in facts.years.get(doc, ()) if str(y).isdigit()), default=None)
        for lit in facts.labels.get(doc, ()):
            builder.add_document(str(doc), str(lit), lit.language or "", year)
    for s, name, o in facts.relations:
        key = (s, name, o)
        sentence = min(facts.statement_sentences.get(key, ()), key=str, default=None)
        text = min((str(t) for t in facts.text.get(sentence, ())), default="") if sentence is not None else ""
        derived = facts.derived_from(key)
        builder.add_edge(str(s), name, str(o), None if sentence is None else (str(sentence), text),
                         derived[0] if derived else "")
    return builder.data()


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
    write_network(data, path, title=title)


def prepare_page() -> None:
    """Load the libraries and files the page needs, ahead of :func:`render_html` (which needs them anyway)."""
    import jinja2  # noqa: F401 - pyvis depends on it
    import networkx  # noqa: F401 - small components are laid out by spring layout
    import numpy  # noqa: F401 - large ones by pivot MDS

    _read_text("pyvis", f"{_VIS_DIR}/vis-network.min.js")
    _read_text("pyvis", f"{_VIS_DIR}/vis-network.css")
    _read_text("govkg", f"export/templates/{_TEMPLATE}")
    _read_text("govkg", "export/templates/overview.js")
    _folds()


def write_network(data: Mapping[str, Any], path: Path | str, *, title: str = "govkg") -> None:
    """Write the page of ``data`` (as :func:`network_data` returns it) to ``path``, atomically."""
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
    big = len(nodes) >= OVERVIEW_NODE_LIMIT
    if big:  # the overview lays out what it shows
        from govkg.export.overview import overview

        groups: dict[str, Any] | None = overview(nodes, data["edges"])
        placed = nodes
    else:
        groups = None
        pos = layout((n["id"] for n in nodes), ((e["from"], e["to"]) for e in data["edges"]))
        placed = [{**n, "x": pos[n["id"]][0], "y": pos[n["id"]][1]} for n in nodes]
    payload = {
        "nodes": placed,
        "edges": list(data["edges"]),
        "documents": list(data.get("documents", ())),
        "sentences": list(data.get("sentences", ())),
        "legend": list(data["legend"]),
        "fold": fold_table(_names(nodes)),
        "options": _vis_options(len(nodes), overview=big),
        "physics": len(nodes) < PHYSICS_NODE_LIMIT,
        "entity_link": entity_link,
        "overview": groups,
        "font": font_stack("'"),
        "label_threshold": LABEL_THRESHOLD,
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
        font_css=font_stack('"'),
        overview=big,
        overview_js=_safe_inline(_read_text("govkg", "export/templates/overview.js"), "script") if big else "",
    )


def font_stack(quote: str = '"') -> str:
    """The page's font families, for CSS (``quote='"'``) or a canvas font (``"'"``: vis-network drops double quotes).

    >>> font_stack("'").startswith("'PingFang SC', 'Hiragino Sans GB'")
    True
    >>> font_stack().endswith('"Droid Sans Fallback", system-ui, sans-serif')
    True
    """
    return ", ".join(f"{quote}{name}{quote}" for name in CJK_FONTS) + ", system-ui, sans-serif"


def fold_table(names: Iterable[str]) -> dict[str, str]:
    """Traditional character -> simplified, for every simplified character used in ``names``.

    The page folds what is typed in the search box with it, so 沙灣區 finds
    沙湾区. Built with the project's character-level folding
    (:class:`govkg.text.script.ScriptFolder`) over the CJK block.

    >>> table = fold_table(["沙湾区"])
    >>> table["灣"], table["區"], "沙" in table
    ('湾', '区', False)
    """
    used = {c for name in names for c in name if ord(c) >= 0x3400}
    if not used:
        return {}
    return {t: s for t, s in _folds() if s in used}


@lru_cache(maxsize=1)
def _folds() -> tuple[tuple[str, str], ...]:
    """Every (traditional, simplified) pair the folding makes over the CJK block, in code point order."""
    from govkg.text.script import ScriptFolder

    block = "".join(chr(cp) for cp in range(0x3400, 0xA000))
    return tuple((t, s) for t, s in zip(block, ScriptFolder().fold(block)) if t != s)


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


def _vis_options(node_count: int, *, overview: bool = False) -> dict[str, Any]:
    """vis-network options: a short physics settle for small graphs, a fixed drawing for big ones."""
    small = node_count < PHYSICS_NODE_LIMIT
    return {
        "layout": {"randomSeed": 42, "improvedLayout": False},
        "nodes": {"shape": "dot", "font": {"size": 14, "face": font_stack("'")},
                  "scaling": {"label": {"drawThreshold": LABEL_THRESHOLD if overview else 6}}},
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


@lru_cache(maxsize=8)
def _read_text(package: str, resource: str) -> str:
    """A UTF-8 data file shipped inside ``package`` (found without importing the package: pyvis pulls in much)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise OutputError(f"the network page needs the {package} package: pip install {package}")
    return Path(next(iter(spec.submodule_search_locations)), resource).read_text(encoding="utf-8")


def _safe_inline(code: str, tag: str) -> str:
    """``code`` made safe to inline in a ``<tag>`` element (no closing tag, no comment opener)."""
    code = re.sub(f"</({tag})", r"<\\/\1", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")

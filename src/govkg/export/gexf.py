"""GEXF 1.3 (for Gephi) and GraphML: the entity network with its attributes.

Nodes are entities, coloured by type with the palette of the network page
(:data:`govkg.export.html.PALETTE`), sized by degree and placed where the
page places them (:func:`positions`); they carry ``type``, ``aliases``,
``documents``, ``definition`` and ``adminCode``, and their years as spells
for Gephi's timeline (the years the documents naming an entity speak for
and its milestones' years; an edge, its documents' years; the graph is then
``dynamic`` with ``date`` time). Edges are the relations:
each has its own id, its relation (``locatedIn`` …) as ``label``, as GEXF 1.3
``kind`` (so Gephi keeps two relations between one pair as two edges rather
than merging them) and as the attribute ``relation``, with ``evidence`` (the
first sentence stating it) and ``documents``. List values are JSON arrays of
strings (``["a", "b"]``), so no name can be split or merged by a separator.

The GEXF file is written with lxml rather than networkx, whose 1.3 writer
declares a wrong ``xsi`` namespace.

>>> gexf_color("#0072B2")
{'r': '0', 'g': '114', 'b': '178'}
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from rdflib import Graph

from govkg.errors import OutputError
from govkg.export.html import PALETTE
from govkg.export.project import Projection, project
from govkg.export.subgraph import layout
from govkg.fileio import atomic_write

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GEXF_SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"

NODE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("type", "string"), ("aliases", "liststring"), ("documents", "liststring"),
    ("definition", "string"), ("adminCode", "string"),
)
"""GEXF node attributes: (id and title, GEXF type)."""

EDGE_ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("relation", "string"), ("evidence", "string"), ("documents", "liststring"),
)
"""GEXF edge attributes: (id and title, GEXF type)."""

# characters XML 1.0 cannot hold, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    """``value`` with the characters XML 1.0 cannot hold replaced by U+FFFD.

    >>> xml_text("a\\x00b")
    'a\\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", value)


def json_list(values: Any) -> str:
    """A list of strings as a compact JSON array, Chinese kept readable.

    >>> json_list(["深圳", 'a"b'])
    '["深圳","a\\\\"b"]'
    """
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def node_size(degree: int) -> float:
    """Node size: grows with the square root of the degree, capped (as on the network page)."""
    return round(min(48.0, 10.0 + 4.0 * math.sqrt(degree)), 2)


def gexf_color(hex_colour: str) -> dict[str, str]:
    """``#RRGGBB`` as GEXF ``viz:color`` attributes."""
    value = hex_colour.lstrip("#")
    return {"r": str(int(value[0:2], 16)), "g": str(int(value[2:4], 16)), "b": str(int(value[4:6], 16))}


def degrees(projection: Projection) -> Counter[str]:
    """Node id -> number of edges touching it (in and out)."""
    degree: Counter[str] = Counter()
    for edge in projection.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    return degree


def positions(projection: Projection) -> dict[str, tuple[float, float]]:
    """Node id -> GEXF ``(x, y)``: the network page's layout (:func:`govkg.export.subgraph.layout`).

    The page draws these positions as they are (page pixels, y growing
    downwards); Gephi's y axis grows upwards, so y is negated here and
    Gephi shows the page's picture, not its mirror image. A page of
    :data:`~govkg.export.html.OVERVIEW_NODE_LIMIT` entities or more opens
    on groups placed by the overview's own layout (:mod:`govkg.export.overview`);
    the GEXF file always holds the entity layout, the one every smaller page
    draws (a page cut with ``--region``, ``--type``, ``--ego`` or
    ``--max-nodes`` too).

    >>> from govkg.export.project import Edge, Node
    >>> p = Projection((Node("a", "Region", "甲"), Node("b", "Region", "乙")), (Edge("a", "locatedIn", "b"),))
    >>> sorted(positions(p))
    ['a', 'b']
    """
    placed = layout((n.id for n in projection.nodes), ((e.source, e.target) for e in projection.edges))
    return {node: (float(x), -float(y) + 0.0) for node, (x, y) in placed.items()}


def gexf_bytes(projection: Projection) -> bytes:
    """The GEXF 1.3 document of ``projection`` (UTF-8, indented, deterministic)."""
    from lxml import etree

    def q(name: str, ns: str = GEXF_NS) -> str:
        return f"{{{ns}}}{name}"

    root = etree.Element(q("gexf"), nsmap={None: GEXF_NS, "viz": VIZ_NS, "xsi": XSI_NS})
    root.set(q("schemaLocation", XSI_NS), GEXF_SCHEMA_LOCATION)
    root.set("version", "1.3")
    meta = etree.SubElement(root, q("meta"))
    etree.SubElement(meta, q("creator")).text = "govkg"
    etree.SubElement(meta, q("description")).text = "Entities and relations of Chinese government work reports"
    timed = any(n.years for n in projection.nodes) or any(e.years for e in projection.edges)
    graph = etree.SubElement(root, q("graph"), {"defaultedgetype": "directed", "mode": "dynamic" if timed else "static",
                                                **({"timeformat": "date", "timerepresentation": "interval"}
                                                   if timed else {})})
    for cls, attrs in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        decl = etree.SubElement(graph, q("attributes"), {"class": cls, "mode": "static"})
        for name, kind in attrs:
            etree.SubElement(decl, q("attribute"), id=name, title=name, type=kind)
    degree = degrees(projection)
    where = positions(projection)
    nodes = etree.SubElement(graph, q("nodes"), count=str(len(projection.nodes)))
    for n in projection.nodes:
        node = etree.SubElement(nodes, q("node"), id=xml_text(n.id), label=xml_text(n.label))
        _attvalues(node, q, {"type": n.type, "aliases": json_list(n.aliases),
                             "documents": json_list(n.documents),
                             "definition": n.definition, "adminCode": n.admin_code})
        _spells(node, q, n.years)
        etree.SubElement(node, q("color", VIZ_NS), gexf_color(PALETTE[n.type]))
        etree.SubElement(node, q("size", VIZ_NS), value=repr(node_size(degree[n.id])))
        x, y = where[n.id]
        etree.SubElement(node, q("position", VIZ_NS), x=repr(x), y=repr(y), z="0.0")
    edges = etree.SubElement(graph, q("edges"), count=str(len(projection.edges)))
    for i, e in enumerate(projection.edges):
        edge = etree.SubElement(edges, q("edge"), id=f"e{i}", source=xml_text(e.source),
                                target=xml_text(e.target), label=e.type, kind=e.type)
        _attvalues(edge, q, {"relation": e.type, "evidence": e.first_evidence,
                             "documents": json_list(e.documents)})
        _spells(edge, q, e.years)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _spells(parent: Any, q: Any, years: tuple[int, ...]) -> None:
    """Gephi's timeline: one spell per year (1 January to 31 December), consecutive years as one spell."""
    from lxml import etree

    if not years:
        return  # no year: there at every time
    box = etree.SubElement(parent, q("spells"))
    runs: list[list[int]] = []
    for year in years:
        if runs and runs[-1][1] == year - 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    for first, last in runs:
        etree.SubElement(box, q("spell"), start=f"{first:04d}-01-01", end=f"{last:04d}-12-31")


def _attvalues(parent: Any, q: Any, values: dict[str, str]) -> None:
    from lxml import etree

    box = etree.SubElement(parent, q("attvalues"))
    for key, value in values.items():
        if value:
            etree.SubElement(box, q("attvalue"), {"for": key, "value": xml_text(value)})


def networkx_graph(projection: Projection) -> Any:
    """``projection`` as a networkx ``MultiDiGraph`` with GraphML-friendly (scalar) attributes."""
    import networkx as nx

    degree = degrees(projection)
    g = nx.MultiDiGraph()
    for n in projection.nodes:
        extra = {key: xml_text(value) for key, value in (("definition", n.definition), ("adminCode", n.admin_code))
                 if value}
        g.add_node(
            xml_text(n.id), label=xml_text(n.label), type=n.type, aliases=xml_text(json_list(n.aliases)),
            documents=xml_text(json_list(n.documents)), color=PALETTE[n.type],
            size=node_size(degree[n.id]), degree=degree[n.id], **extra,
        )
    for e in projection.edges:
        g.add_edge(xml_text(e.source), xml_text(e.target), key=e.type, relation=e.type,
                   evidence=xml_text(e.first_evidence), documents=xml_text(json_list(e.documents)))
    return g


def write_gexf(graph: Graph, path: Path | str) -> None:
    """Write the entity network of ``graph`` to ``path`` as GEXF 1.3, atomically."""
    _write_bytes(path, gexf_bytes(project(graph)), "GEXF")


def write_graphml(graph: Graph, path: Path | str) -> None:
    """Write the entity network of ``graph`` to ``path`` as GraphML, atomically."""
    import io

    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(networkx_graph(project(graph)), buf, encoding="utf-8", prettyprint=True)
    _write_bytes(path, buf.getvalue(), "GraphML")


def _write_bytes(path: Path | str, data: bytes, what: str) -> None:
    try:
        with atomic_write(path, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write {what}: {exc}") from exc

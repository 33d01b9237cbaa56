"""Pick part of the entity network, and lay it out, on its networkx projection.

The network is the node and edge data of :func:`govkg.export.html.network_data`
held in a networkx ``MultiDiGraph`` (node id = entity IRI, edge key = relation
name). :func:`select` keeps a region and what is located in it, some entity
types, the neighbourhood of one entity, or the best-connected nodes;
:func:`layout` gives every node a position, fast enough for 20,000 nodes.

>>> data = {"nodes": [{"id": "a", "label": "沿滩区", "type": "Region", "aliases": []},
...                   {"id": "b", "label": "盐化工", "type": "Industry", "aliases": []},
...                   {"id": "c", "label": "自贡市", "type": "Region", "aliases": []}],
...         "edges": [{"id": "e0", "from": "a", "to": "b", "label": "develops"},
...                   {"id": "e1", "from": "a", "to": "c", "label": "locatedIn"}],
...         "legend": []}
>>> [n["label"] for n in select(data, Selection(types=("Industry",)))["nodes"]]
['盐化工']
>>> [n["label"] for n in select(data, Selection(ego="沿滩區", depth=1, max_nodes=2))["nodes"]]
['沿滩区', '盐化工']
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from govkg.errors import GovkgError
from govkg.ontology.namespaces import ENTITY_TYPES

__all__ = ["Selection", "SelectionError", "find_node", "layout", "network", "select", "select_nodes"]

SPACING = 60.0
"""Average distance between neighbouring nodes of the layout, in page pixels."""

SPRING_LIMIT = 400
"""Components up to this size get a force-directed (spring) layout; bigger ones pivot MDS."""

_PIVOTS = 24


class SelectionError(GovkgError):
    """A selection that names no entity, or an unknown type or bad number.

    >>> str(SelectionError("no entity named 'x'"))
    "no entity named 'x'"
    """


@dataclass(frozen=True, slots=True)
class Selection:
    """Which part of the network to keep; every field left empty keeps everything.

    Applied in this order: ``region`` (the region, every entity located in it,
    directly or through other places, and their neighbours), ``ego`` (entities
    within ``depth`` links of it, either direction), ``types``, then
    ``max_nodes`` (the highest-degree nodes, ties by id).
    """

    region: str | None = None
    types: tuple[str, ...] = ()
    ego: str | None = None
    depth: int = 2
    max_nodes: int | None = None

    def __post_init__(self) -> None:
        unknown = [t for t in self.types if t not in ENTITY_TYPES]
        if unknown:
            raise SelectionError(f"unknown entity type {unknown[0]!r}; known: {', '.join(ENTITY_TYPES)}")
        if self.depth < 0:
            raise SelectionError(f"depth must be 0 or more, not {self.depth}")
        if self.max_nodes is not None and self.max_nodes < 1:
            raise SelectionError(f"max-nodes must be 1 or more, not {self.max_nodes}")

    def __bool__(self) -> bool:
        return bool(self.region or self.types or self.ego or self.max_nodes)

    @staticmethod
    def parse_types(text: str | None) -> tuple[str, ...]:
        """``"enterprise, Project"`` -> ``("Enterprise", "Project")`` (any letter case).

        >>> Selection.parse_types("enterprise,Project")
        ('Enterprise', 'Project')
        """
        by_lower = {t.lower(): t for t in ENTITY_TYPES}
        out = []
        for part in (text or "").split(","):
            name = part.strip()
            if not name:
                continue
            if name.lower() not in by_lower:
                raise SelectionError(f"unknown entity type {name!r}; known: {', '.join(ENTITY_TYPES)}")
            out.append(by_lower[name.lower()])
        return tuple(out)


def network(data: Mapping[str, Any]) -> Any:
    """``data`` (nodes and edges as from ``network_data``) as a networkx ``MultiDiGraph``."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for node in data["nodes"]:
        g.add_node(node["id"], **node)
    for edge in data["edges"]:
        if edge["from"] in g and edge["to"] in g:
            g.add_edge(edge["from"], edge["to"], key=edge["label"], **edge)
    return g


def find_node(g: Any, name: str, *, kind: str | None = None) -> str:
    """The id of the node called ``name`` (IRI, label or alias; traditional script folded).

    An exact label beats an alias; among several, the one with the most links
    (then the smallest id). Raises :class:`SelectionError` when none matches.
    """
    from govkg.text.script import ScriptFolder

    if name in g and (kind is None or g.nodes[name].get("type") == kind):
        return name
    fold = ScriptFolder().fold
    wanted = fold(name.strip())
    ranked = []
    for node, attrs in g.nodes(data=True):
        if kind is not None and attrs.get("type") != kind:
            continue
        if fold(attrs.get("label", "")) == wanted:
            rank = 0
        elif any(fold(a) == wanted for a in attrs.get("aliases", ())):
            rank = 1
        else:
            continue
        ranked.append((rank, -g.degree(node), node))
    if not ranked:
        what = f"{kind} " if kind else "entity "
        raise SelectionError(f"no {what}named {name!r} in the graph")
    return min(ranked)[2]


def select_nodes(g: Any, selection: Selection) -> set[str]:
    """The ids of the nodes ``selection`` keeps from ``g``."""
    keep = set(g.nodes)
    if selection.region:
        region = find_node(g, selection.region, kind="Region")
        inside = _reach(g, [region], lambda u: (s for s, _, k in g.in_edges(u, keys=True) if k == "locatedIn"))
        keep = inside | {v for u in inside for v in _neighbours(g, u)}
    if selection.ego:
        centre = find_node(g.subgraph(keep), selection.ego)
        keep = _within(g.subgraph(keep), centre, selection.depth)
    if selection.types:
        keep = {n for n in keep if g.nodes[n].get("type") in selection.types}
    if selection.max_nodes is not None and len(keep) > selection.max_nodes:
        keep = set(sorted(keep, key=lambda n: (-g.degree(n), n))[: selection.max_nodes])
    return keep


def select(data: Mapping[str, Any], selection: Selection, *, graph: Any = None) -> dict[str, Any]:
    """A copy of ``data`` with only the selected nodes, the edges between them and a recounted legend.

    ``graph`` is ``network(data)`` when the caller already has it.
    """
    if not selection:
        return dict(data)
    keep = select_nodes(network(data) if graph is None else graph, selection)
    nodes = [n for n in data["nodes"] if n["id"] in keep]
    edges = [e for e in data["edges"] if e["from"] in keep and e["to"] in keep]
    counts = {}
    for n in nodes:
        counts[n["type"]] = counts.get(n["type"], 0) + 1
    legend = [{**item, "count": counts.get(item["type"], 0)} for item in data.get("legend", ())]
    return {**data, "nodes": nodes, "edges": edges, "legend": legend}


def layout(node_ids: Iterable[str], edges: Iterable[tuple[str, str]], *, seed: int = 42) -> dict[str, tuple[float, float]]:
    """A position (page pixels, rounded to 0.1) for every node; deterministic.

    Each connected component is laid out alone (a spring layout when small,
    pivot MDS with rank spreading when large), scaled so that its area grows
    with its size, and the components are packed in rows, biggest first.

    >>> pos = layout(["a", "b", "c"], [("a", "b")])
    >>> sorted(pos) == ["a", "b", "c"] and pos["a"] != pos["b"]
    True
    """
    ids = sorted(set(node_ids))
    index = {n: i for i, n in enumerate(ids)}
    adj: list[set[int]] = [set() for _ in ids]
    for s, t in edges:
        if s in index and t in index and s != t:
            adj[index[s]].add(index[t])
            adj[index[t]].add(index[s])
    pieces = [(_component_layout(comp, adj, seed), comp) for comp in _components(adj)]
    pieces.sort(key=lambda p: (-len(p[1]), p[1][0]))
    placed: dict[str, tuple[float, float]] = {}
    total = sum(_side(len(c)) ** 2 for _, c in pieces)
    row_width = max(math.sqrt(total) * 1.2, _side(len(pieces[0][1])) if pieces else 0.0)
    x = y = row_height = 0.0
    for coords, comp in pieces:
        side = _side(len(comp))
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING, 0.0
        for i, (cx, cy) in zip(comp, coords):
            placed[ids[i]] = (round(x + cx * side, 1), round(y + cy * side, 1))
        x += side + SPACING
        row_height = max(row_height, side)
    return placed


def _side(size: int) -> float:
    return SPACING * math.sqrt(size) if size > 1 else 0.0


def _components(adj: list[set[int]]) -> list[list[int]]:
    seen = [False] * len(adj)
    out = []
    for start in range(len(adj)):
        if seen[start]:
            continue
        seen[start] = True
        comp, queue = [start], deque([start])
        while queue:
            for v in adj[queue.popleft()]:
                if not seen[v]:
                    seen[v] = True
                    comp.append(v)
                    queue.append(v)
        out.append(sorted(comp))
    return out


def _component_layout(comp: list[int], adj: list[set[int]], seed: int) -> list[tuple[float, float]]:
    """Coordinates in [0, 1]² for the nodes of one component, in ``comp`` order."""
    n = len(comp)
    if n == 1:
        return [(0.0, 0.0)]
    if n <= 3:
        return [(0.5 + 0.5 * math.cos(2 * math.pi * k / n), 0.5 + 0.5 * math.sin(2 * math.pi * k / n))
                for k in range(n)]
    if n <= SPRING_LIMIT:
        import networkx as nx

        local = {v: i for i, v in enumerate(comp)}
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from((local[u], local[v]) for u in comp for v in adj[u] if u < v)
        pos = nx.spring_layout(g, seed=seed, iterations=60)
        return _unit([tuple(pos[i]) for i in range(n)])
    return _pivot_mds(comp, adj)


def _pivot_mds(comp: list[int], adj: list[set[int]]) -> list[tuple[float, float]]:
    """Pivot MDS (Brandes & Pich): distances to a few far-apart pivots, projected to 2-D.

    Nodes of small-world graphs share distance vectors, so each axis is then
    spread by rank, which removes pile-ups while keeping the order along it.
    """
    import numpy as np

    local = {v: i for i, v in enumerate(comp)}
    nbrs = [[local[w] for w in adj[v]] for v in comp]
    n = len(comp)
    k = min(_PIVOTS, n)
    degree = np.fromiter(map(len, nbrs), dtype=np.int64, count=n)
    starts = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degree, out=starts[1:])
    targets = np.fromiter((w for ws in nbrs for w in ws), dtype=np.int64, count=int(starts[-1]))
    dist = np.empty((n, k), dtype=np.float64)
    nearest = np.full(n, np.inf)
    pivot = int(np.lexsort((np.arange(n), -degree))[0])  # the most neighbours, the least index among those
    for j in range(k):
        dist[:, j] = _bfs(starts, targets, pivot)
        nearest = np.minimum(nearest, dist[:, j])
        pivot = int(np.argmax(nearest))
    sq = dist ** 2
    centred = sq - sq.mean(axis=0) - sq.mean(axis=1, keepdims=True) + sq.mean()
    u, s, _ = np.linalg.svd(-0.5 * centred, full_matrices=False)
    coords = u[:, :2] * s[:2]
    for axis in range(2):  # a fixed sign, so the picture never flips between runs
        if coords[np.argmax(np.abs(coords[:, axis])), axis] < 0:
            coords[:, axis] *= -1
    spread = np.empty_like(coords)
    for axis in range(2):
        order = np.lexsort((np.arange(n), coords[:, axis]))
        spread[order, axis] = np.arange(n) / (n - 1)
    low = coords.min(axis=0)
    unit = (coords - low) / (float((coords.max(axis=0) - low).max()) or 1.0)  # as _unit does, in one step
    return (0.8 * spread + 0.2 * unit).tolist()


def _bfs(starts: Any, targets: Any, source: int) -> Any:
    """Hops from ``source`` to every node of a connected graph given as CSR arrays (``targets[starts[v]:starts[v + 1]]``
    are the neighbours of ``v``), one whole frontier at a time."""
    import numpy as np

    dist = np.full(len(starts) - 1, -1, dtype=np.int64)
    dist[source] = 0
    frontier = np.array([source], dtype=np.int64)
    d = 0
    while frontier.size:
        d += 1
        lo, hi = starts[frontier], starts[frontier + 1]
        counts = hi - lo
        # the neighbours of the whole frontier: each node's run of targets, one after another
        runs = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        reached = targets[runs]
        dist[reached[dist[reached] < 0]] = d
        frontier = np.flatnonzero(dist == d)
    return dist


def _unit(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """``points`` scaled into [0, 1]² (keeping the aspect ratio)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0) or 1.0
    return [((x - x0) / span, (y - y0) / span) for x, y in points]


def _reach(g: Any, start: list[str], step: Any) -> set[str]:
    seen = set(start)
    queue = deque(start)
    while queue:
        for v in step(queue.popleft()):
            if v not in seen:
                seen.add(v)
                queue.append(v)
    return seen


def _neighbours(g: Any, node: str) -> set[str]:
    return set(g.successors(node)) | set(g.predecessors(node))


def _within(g: Any, centre: str, depth: int) -> set[str]:
    dist = {centre: 0}
    queue = deque([centre])
    while queue:
        u = queue.popleft()
        if dist[u] == depth:
            continue
        for v in _neighbours(g, u):
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return set(dist)

"""The overview of a big network page: entities grouped up the region hierarchy, or into communities.

Above :data:`govkg.export.html.OVERVIEW_NODE_LIMIT` entities the page opens on
groups, not entities. Every entity has one home group:

* a region whose IRI carries a division code (``region/510311``,
  ``region/110000/中关村``) sits in the group of that code, under its
  prefecture and province as the gazetteer's parent links say;
* any other entity sits in the group of the lowest division that holds every
  coded region it links to (a project located in 沿滩区 in 沿滩区's group, an
  industry two counties of 自贡市 develop in 自贡市's); one linked to no
  region takes the lowest division of its neighbours placed so;
* what links to regions of several provinces, or to none, is grouped into
  communities (networkx Louvain, on a graph where each province stands as one
  node), "where the hierarchy says nothing";
* entities linked to nothing go in one group that the page hides until asked.

When a group has many direct members, those of one type get a group of their
own, and no group shows more than :data:`MAX_CHILDREN` children on expanding.
A group that would hold a single entity is that entity.

Positions (:mod:`govkg.export.overview_layout`): ``net`` places the top level
(spring layout of the groups, weighted by the relations between them, spread
so that no two overlap); ``geo`` places divisions on a map (longitude and
latitude of the division's seat from cpca, a province or prefecture at the
mean of its counties), in page pixels. The page lays out what an expansion
shows around the group it replaces.

>>> nodes = [{"id": "https://w3id.org/govkg/id/region/510311", "label": "沿滩区", "type": "Region", "degree": 1},
...          {"id": "https://w3id.org/govkg/id/project/p", "label": "盐化工园", "type": "Project", "degree": 1}]
>>> edges = [{"from": nodes[1]["id"], "to": nodes[0]["id"], "label": "locatedIn"}]
>>> ov = overview(nodes, edges)
>>> [(g["label"], g["kind"], g["count"]) for g in ov["groups"]]
[('四川省', 'province', 2), ('自贡市', 'prefecture', 2), ('沿滩区', 'county', 2)]
>>> ov["member"]
[2, 2]
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from govkg.export.network import PALETTE, TYPE_NAMES_ZH
from govkg.export.overview_layout import column, division_points, spread
from govkg.ontology.namespaces import ENTITY_BASE, ENTITY_TYPES

__all__ = ["MAX_CHILDREN", "group_size", "overview", "region_code"]

MAX_CHILDREN = 300
"""Most children one group shows when it expands."""

BUCKET_AFTER = 24
"""A group with more direct children than this puts each type's members in a group of its own ..."""

BUCKET_MIN = 8
"""... when the type has at least this many."""

COMMUNITY_MIN = 3
"""Communities with fewer entities than this go into one group of others."""

MAX_COMMUNITIES = 60
"""Most community groups at the top level; the smaller ones go into the group of others."""

LOUVAIN_LIMIT = 4000
"""Above this many entities to group into communities, label propagation first merges them into small
clusters and Louvain groups the clusters (Louvain alone takes 40 s on 20,000 entities linked at random,
this about 4 s; the scale build's 1,400 take 0.3 s)."""

TOP = 6
"""Best-connected entities listed per group."""

_REGION_BASE = f"{ENTITY_BASE}region/"
_CODE = re.compile(r"\d{6}|\d{5}(?!\d)")  # GB/T 2260, or the 內政部 code of a county of 台湾省
_REGION_COLOUR = PALETTE["Region"]
_GREY = "#666666"
_KIND_COLOUR = {"community": _GREY, "other": _GREY, "loose": "#999999"}


def region_code(iri: str) -> tuple[str, bool] | None:
    """The division code a region IRI carries, and whether the IRI is that division itself.

    >>> region_code("https://w3id.org/govkg/id/region/510311")
    ('510311', True)
    >>> region_code("https://w3id.org/govkg/id/region/110000%2F%E4%B8%AD%E5%85%B3%E6%9D%91")
    ('110000', False)
    >>> region_code("https://w3id.org/govkg/id/region/%E9%AB%98%E9%93%81") is None
    True
    >>> region_code("https://w3id.org/govkg/id/region/10010")  # 嘉义县, by its 內政部 code
    ('10010', True)
    """
    if not iri.startswith(_REGION_BASE):
        return None
    key = unquote(iri[len(_REGION_BASE):])
    match = _CODE.match(key)
    if not match:
        return None
    return match.group(0), key == match.group(0)


def group_size(count: int) -> float:
    """Radius of a group's node: grows with the log of the entities it holds, 15 to 60.

    >>> group_size(1), group_size(1000)
    (15.31, 45.0)
    """
    return round(min(60.0, 12.0 + 11.0 * math.log10(1 + count)), 2)


@dataclass
class _Group:
    label: str
    kind: str
    parent: int  # index in the builder's list, -1 for the top
    code: str = ""
    type: str = ""
    rep: int = -1  # the region entity the group stands for
    members: list[int] = field(default_factory=list)
    children: list[int] = field(default_factory=list)
    order: tuple = ()


def overview(nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]], *,
             gazetteer: Any = None, positions: Mapping[str, tuple[float, float]] | None = None) -> dict[str, Any]:
    """The groups of the overview of ``nodes`` and ``edges`` (as the page data has them).

    Returns ``{"groups", "member", "geo", "net", "loose", "loose_count"}``:
    ``groups`` parents first, each ``{label, kind, parent, code, type, rep,
    count, types, top, size, color, net, geo}`` (``kind`` one of province,
    prefecture, county, type, part, community, other, loose; ``types``
    counts in :data:`ENTITY_TYPES` order; ``top`` the best-connected entities'
    indexes; ``net`` only at the top level, ``geo`` for divisions and the top
    level's other groups); ``member[i]`` the group of node ``i`` (-1: top
    level); ``geo`` and ``net`` ``[index, x, y]`` for the entities with a map
    position or at the top level; ``loose`` the group of the entities linked
    to nothing (-1 if none), which hold ``loose_count`` entities.
    ``gazetteer`` and ``positions`` default to the packaged tables.
    """
    from govkg.extractors.gazetteer import division_positions, load_gazetteer

    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    points = positions if positions is not None else division_positions()
    index = {node["id"]: i for i, node in enumerate(nodes)}
    adj: list[set[int]] = [set() for _ in nodes]
    for edge in edges:
        a, b = index.get(edge["from"]), index.get(edge["to"])
        if a is not None and b is not None and a != b:
            adj[a].add(b)
            adj[b].add(a)
    degree = [len(a) for a in adj]
    homes, own = _homes(nodes, adj, gaz)

    groups: list[_Group] = []
    by_code: dict[str, int] = {}
    member = [-1] * len(nodes)
    loose_members = [i for i in range(len(nodes)) if not adj[i]]
    remainder = [i for i in range(len(nodes)) if adj[i] and not homes[i]]
    for i, chain in enumerate(homes):
        if not chain or not adj[i]:
            continue
        parent = -1
        for code in chain:
            if code not in by_code:
                div = gaz.divisions.get(code)
                by_code[code] = len(groups)
                groups.append(_Group(div.name if div else code, div.level if div else "county", parent, code=code,
                                     order=(0, code)))
                if parent >= 0:
                    groups[parent].children.append(by_code[code])
            parent = by_code[code]
        member[i] = parent
        if own[i] == chain[-1]:
            groups[parent].rep = i
    for g in groups:
        if g.rep >= 0:
            g.label = nodes[g.rep]["label"]
    for rank, community in enumerate(_communities(remainder, adj, homes)):
        tops = sorted(community, key=lambda i: (-degree[i], nodes[i]["id"]))[:2]
        for i in community:
            member[i] = len(groups)
        groups.append(_Group("、".join(nodes[i]["label"] for i in tops) + " 等", "community", -1, order=(1, rank)))
    others = [i for i in remainder if member[i] < 0]
    for kind, label, held, order in (("other", "其他实体", others, (2, 0)), ("loose", "无关系实体", loose_members, (3, 0))):
        if held:
            for i in held:
                member[i] = len(groups)
            groups.append(_Group(label, kind, -1, order=order))
    for i, g in enumerate(member):
        if g >= 0:
            groups[g].members.append(i)
    for g in range(len(groups)):  # the groups made so far; _split splits the ones it makes itself
        _split(groups, g, nodes, degree)
    for g, group in enumerate(groups):
        for i in group.members:
            member[i] = g
    return _finish(groups, member, nodes, adj, degree, gaz, points)


def _homes(nodes: Sequence[Mapping[str, Any]], adj: list[set[int]], gaz: Any) -> tuple[list[tuple[str, ...] | None], list[str]]:
    """Each node's chain of division codes, province first (``()``: spans provinces; ``None``: no region),
    and the code each region node is itself (``""`` if none)."""
    homes: list[tuple[str, ...] | None] = [None] * len(nodes)
    own = [""] * len(nodes)
    for i, node in enumerate(nodes):
        if node.get("type") == "Region":
            found = region_code(node["id"])
            if found:
                homes[i] = _chain(found[0], gaz)
                if found[1]:
                    own[i] = found[0]
    coded = [h is not None for h in homes]
    for step in range(3):  # coded regions first, then twice from the entities placed by them
        placed = {}
        for i, home in enumerate(homes):
            if home is not None:
                continue
            chains = [homes[j] for j in adj[i] if (coded[j] if step == 0 else homes[j])]
            if chains:
                placed[i] = _common(chains)
        for i, chain in placed.items():
            homes[i] = chain
    return homes, own


def _chain(code: str, gaz: Any) -> tuple[str, ...]:
    if code in gaz.divisions:
        return tuple(reversed(gaz.ancestors(code))) + (code,)
    above = [c for c in (code[:2] + "0000", code[:4] + "00") if c != code and c in gaz.divisions]
    return tuple(dict.fromkeys(above)) + (code,)


def _common(chains: list[tuple[str, ...]]) -> tuple[str, ...]:
    first = chains[0]
    n = len(first)
    for chain in chains[1:]:
        n = min(n, len(chain))
        for k in range(n):
            if chain[k] != first[k]:
                n = k
                break
    return first[:n]


def _communities(remainder: list[int], adj: list[set[int]], homes: list[tuple[str, ...] | None]) -> list[list[int]]:
    """The remainder's communities that get a group of their own, biggest first."""
    import networkx as nx

    if not remainder:
        return []
    inside = set(remainder)
    provinces = sorted({h[0] for h in homes if h})
    hub = {p: len(adj) + k for k, p in enumerate(provinces)}
    weights: dict[tuple[int, int], int] = {}
    for i in remainder:
        for j in adj[i]:
            if j in inside:
                if i < j:
                    weights[i, j] = weights.get((i, j), 0) + 1
            elif homes[j]:
                key = (i, hub[homes[j][0]])
                weights[key] = weights.get(key, 0) + 1
    g = nx.Graph()
    g.add_nodes_from(sorted(inside) + sorted(hub.values()))
    g.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    if len(remainder) <= LOUVAIN_LIMIT:
        parts = nx.community.louvain_communities(g, weight="weight", seed=42)
    else:
        parts = _coarse_communities(g, inside)
    found = sorted((sorted(i for i in part if i in inside) for part in parts), key=lambda c: (-len(c), c[:1]))
    return [c for c in found if len(c) >= COMMUNITY_MIN][:MAX_COMMUNITIES]


def _coarse_communities(g: Any, inside: set[int]) -> list[set[int]]:
    """Label propagation over the entities alone (a province would join everything it touches) into small
    clusters, then Louvain over the graph of the clusters and the provinces."""
    import networkx as nx

    current = nx.Graph()  # a copy, not a subgraph view: views make label propagation four times slower
    current.add_nodes_from(sorted(inside))
    current.add_edges_from((a, b, w) for a, b, w in g.edges(data=True) if a in inside and b in inside)
    clusters = sorted((sorted(c) for c in nx.community.label_propagation_communities(current)), key=lambda c: c[0])
    clusters += [[v] for v in sorted(set(g) - inside)]
    parts = nx.community.louvain_communities(_quotient(g, clusters), weight="weight", seed=42)
    return [{v for k in part for v in clusters[k]} for part in parts]


def _quotient(g: Any, clusters: list[list[int]]) -> Any:
    """The graph of ``clusters`` (numbered in order), the weight of an edge the sum of those between them."""
    import networkx as nx

    label = {v: k for k, cluster in enumerate(clusters) for v in cluster}
    weights: dict[tuple[int, int], float] = {}
    for a, b, w in g.edges(data="weight", default=1):
        la, lb = sorted((label[a], label[b]))
        if la != lb:
            weights[la, lb] = weights.get((la, lb), 0) + w
    q = nx.Graph()
    q.add_nodes_from(range(len(clusters)))
    q.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return q


def _split(groups: list[_Group], g: int, nodes: Sequence[Mapping[str, Any]], degree: list[int]) -> None:
    """Put a crowded group's members of one type in groups of their own, and long lists in parts."""
    group = groups[g]
    group.members.sort(key=lambda i: (-degree[i], nodes[i]["id"]))
    made = []
    if len(group.members) + len(group.children) > BUCKET_AFTER:
        by_type: dict[str, list[int]] = {}
        for i in group.members:
            if i != group.rep:
                by_type.setdefault(nodes[i]["type"], []).append(i)
        kinds = [t for t in ENTITY_TYPES if len(by_type.get(t, ())) >= BUCKET_MIN]
        if len(by_type) > 1 or group.children:  # one type only: a type group would repeat this one
            for rank, kind in enumerate(kinds):
                made.append(len(groups))
                groups.append(_Group(f"{group.label} · {TYPE_NAMES_ZH[kind]}", "type", g, type=kind,
                                     members=by_type[kind], order=(5, rank)))
            moved = {i for k in made for i in groups[k].members}
            group.members = [i for i in group.members if i not in moved]
            group.children.extend(made)
    for k in [g, *made]:
        _parts(groups, k)


def _parts(groups: list[_Group], g: int) -> None:
    """Members of a group with too many children go into parts of :data:`MAX_CHILDREN`, best-connected first."""
    group = groups[g]
    if len(group.members) + len(group.children) <= MAX_CHILDREN:
        return
    rest = [i for i in group.members if i != group.rep]
    n = math.ceil(len(rest) / MAX_CHILDREN)
    for k in range(n):
        group.children.append(len(groups))
        groups.append(_Group(f"{group.label} {k + 1}/{n}", "part", g, type=group.type,
                             members=rest[k * MAX_CHILDREN:(k + 1) * MAX_CHILDREN], order=(6, k)))
    group.members = [i for i in group.members if i == group.rep]


def _finish(groups: list[_Group], member: list[int], nodes: Sequence[Mapping[str, Any]], adj: list[set[int]],
            degree: list[int], gaz: Any, points: Mapping[str, tuple[float, float]]) -> dict[str, Any]:
    """Drop groups of one entity, number the groups parents first, count, place."""
    count = [0] * len(groups)
    for g in member:
        while g >= 0:
            count[g] += 1
            g = groups[g].parent
    alive = [g for g in range(len(groups)) if count[g] > 1]  # a group of one entity is that entity

    def home(g: int) -> int:
        while g >= 0 and count[g] <= 1:
            g = groups[g].parent
        return g

    member = [home(g) for g in member]
    children: dict[int, list[int]] = {}
    for g in alive:
        children.setdefault(groups[g].parent, []).append(g)
    number: dict[int, int] = {}
    ordered: list[int] = []
    stack = sorted(children.get(-1, []), key=lambda g: groups[g].order, reverse=True)
    while stack:
        g = stack.pop()
        number[g] = len(ordered)
        ordered.append(g)
        stack.extend(sorted(children.get(g, []), key=lambda c: groups[c].order, reverse=True))
    member = [number.get(g, -1) if g >= 0 else -1 for g in member]
    parent = [number.get(groups[g].parent, -1) for g in ordered]
    types = [[0] * len(ENTITY_TYPES) for _ in ordered]
    tops: list[list[int]] = [[] for _ in ordered]
    slot = {t: k for k, t in enumerate(ENTITY_TYPES)}
    for i in sorted(range(len(nodes)), key=lambda i: (-degree[i], nodes[i]["id"])):
        g = member[i]
        while g >= 0:
            types[g][slot[nodes[i]["type"]]] += 1
            if len(tops[g]) < TOP:
                tops[g].append(i)
            g = parent[g]
    centres = division_points(gaz, points)
    out = []
    for k, g in enumerate(ordered):
        group = groups[g]
        total = sum(types[k])
        border = PALETTE[group.type] if group.type else _KIND_COLOUR.get(group.kind, _REGION_COLOUR)
        geo = centres.get(group.code) if group.code else None
        out.append({
            "label": group.label, "kind": group.kind, "parent": parent[k], "code": group.code, "type": group.type,
            "rep": group.rep if group.rep >= 0 and member[group.rep] == k else -1,
            "count": total, "types": types[k], "top": tops[k], "size": group_size(total),
            "color": {"border": border, "background": _tint(border)},
            "net": None, "geo": list(geo) if geo else None,
        })
    loose = next((k for k, g in enumerate(out) if g["kind"] == "loose" and g["parent"] < 0), -1)
    top_nodes = [i for i, g in enumerate(member) if g < 0]
    net = _top_layout(out, top_nodes, member, adj, nodes)
    for k, xy in net.items():
        if k >= 0:
            out[k]["net"] = list(xy)
    geo_nodes = []
    for i, node in enumerate(nodes):
        found = region_code(node["id"]) if node.get("type") == "Region" else None
        if found and found[1] and found[0] in centres:
            geo_nodes.append([i, *centres[found[0]]])
    spots = column()  # the top level's groups and entities that are no division: a column east of the map
    for g in out:
        if g["parent"] < 0 and g["geo"] is None:
            g["geo"] = list(next(spots))
    placed = {row[0] for row in geo_nodes}
    geo_nodes += [[i, *next(spots)] for i in top_nodes if i not in placed]
    return {
        "groups": out,
        "member": member,
        "geo": geo_nodes,
        "net": [[i, *net[-1 - i]] for i in top_nodes],
        "loose": loose,
        "loose_count": out[loose]["count"] if loose >= 0 else 0,
    }


def _top_layout(groups: list[dict[str, Any]], top_nodes: list[int], member: list[int], adj: list[set[int]],
                nodes: Sequence[Mapping[str, Any]]) -> dict[int, tuple[float, float]]:
    """Network positions of the top level (group ``k`` as ``k``, entity ``i`` as ``-1 - i``)."""
    top_of_group = []
    for k, g in enumerate(groups):
        top_of_group.append(k if g["parent"] < 0 else top_of_group[g["parent"]])
    items = [k for k, g in enumerate(groups) if g["parent"] < 0] + [-1 - i for i in top_nodes]
    if not items:
        return {}

    def top(i: int) -> int:
        return top_of_group[member[i]] if member[i] >= 0 else -1 - i

    weights: dict[tuple[int, int], int] = {}
    for i, near in enumerate(adj):
        a = top(i)
        for j in near:
            b = top(j)
            if a < b:
                weights[a, b] = weights.get((a, b), 0) + 1
    radius = {v: (groups[v]["size"] if v >= 0 else nodes[-1 - v]["size"]) + 24.0 for v in items}
    return spread(items, weights, radius)


def _tint(colour: str, amount: float = 0.78) -> str:
    """``colour`` mixed with white.

    >>> _tint("#000000", 0.5)
    '#808080'
    """
    rgb = [int(colour[k:k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)

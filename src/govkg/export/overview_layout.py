"""Where the overview's nodes go: divisions on a map, the top level in a network layout.

Map positions are page pixels of a plate carrée around 104°E 35°N (y grows
southwards), :data:`MAP_SCALE` pixels a degree of latitude; a division sits at
its seat's longitude and latitude as cpca ships them, a province or
prefecture at the mean of its counties. The network layout of the top level
is a weighted spring layout, drawn in so that no node drifts far, then spread
until no two discs overlap.

>>> map_point(104.0, 35.0)
(0.0, 0.0)
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["MAP_SCALE", "column", "division_points", "map_point", "spread"]

MAP_SCALE = 160.0
"""Page pixels per degree of latitude on the map (longitude: times cos 35°)."""


def map_point(lon: float, lat: float) -> tuple[float, float]:
    """Page position of a longitude and latitude (plate carrée around 104°E 35°N; y grows southwards).

    >>> map_point(104.0, 35.0)
    (0.0, 0.0)
    >>> map_point(116.4, 39.9)[1] < map_point(113.3, 23.1)[1]  # 北京 above 广州
    True
    """
    x = (lon - 104.0) * MAP_SCALE * math.cos(math.radians(35.0))
    return round(x, 1) + 0.0, round((35.0 - lat) * MAP_SCALE, 1) + 0.0


def division_points(gaz: Any, points: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Map position of every division: a county at its seat, a province or prefecture at the mean of its counties."""
    sums: dict[str, list[float]] = {}
    for code, div in gaz.divisions.items():
        if div.level != "county" or code not in points:
            continue
        lon, lat = points[code]
        for up in gaz.ancestors(code):
            acc = sums.setdefault(up, [0.0, 0.0, 0])
            acc[0] += lon
            acc[1] += lat
            acc[2] += 1
    out = {}
    for code in gaz.divisions:
        if code in sums:
            lon, lat, n = sums[code]
            out[code] = map_point(lon / n, lat / n)
        elif code in points:
            out[code] = map_point(*points[code])
    for code in gaz.divisions:  # a division without a point of its own sits at its parent's
        if code not in out:
            for up in gaz.ancestors(code):
                if up in out:
                    out[code] = out[up]
                    break
    return out


def spread(items: list[int], weights: Mapping[tuple[int, int], float], radii: Mapping[int, float]) -> dict[int, tuple[float, float]]:
    """Positions of ``items`` (pairs linked ``weights`` times pull together), no two closer than their radii.

    >>> pos = spread([0, 1, 2], {(0, 1): 5}, {0: 20.0, 1: 20.0, 2: 20.0})
    >>> all(math.dist(pos[a], pos[b]) >= 40 for a in pos for b in pos if a != b)
    True
    """
    import networkx as nx
    import numpy as np

    if not items:
        return {}
    g = nx.Graph()
    g.add_nodes_from(sorted(items))
    g.add_weighted_edges_from((a, b, math.log1p(w)) for (a, b), w in sorted(weights.items()) if a != b)
    order = sorted(items)
    if len(order) == 1:
        return {order[0]: (0.0, 0.0)}
    pos = nx.spring_layout(g, seed=42, iterations=100, weight="weight")
    xy = np.array([pos[v] for v in order], dtype=float)
    radius = np.array([radii[v] for v in order], dtype=float)
    xy = (xy - xy.mean(axis=0)) * radius.sum() * 0.6
    dist = np.sqrt((xy ** 2).sum(axis=1))
    reach = 1.2 * float(np.quantile(dist, 0.9)) + 1e-9  # the weakly linked ones drift far in a spring layout
    xy *= np.minimum(1.0, reach / np.maximum(dist, 1e-9))[:, None]
    for _ in range(200):  # push overlapping pairs apart, half each
        d = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((d ** 2).sum(axis=2)) + np.eye(len(order))
        need = radius[:, None] + radius[None, :]
        overlap = np.clip(need - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if overlap.max() < 0.5:
            break
        xy += ((d / dist[:, :, None]) * overlap[:, :, None] * 0.5).sum(axis=1)
    return {v: (round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for v, (x, y) in zip(order, xy)}


def column() -> Iterator[tuple[float, float]]:
    """Spots in columns from 138°E, 52°N southwards (the Pacific: east of every division)."""
    x0, y0 = map_point(138.0, 52.0)
    step = 150.0
    k = 0
    while True:
        yield round(x0 + step * (k // 12), 1), round(y0 + step * (k % 12), 1)
        k += 1

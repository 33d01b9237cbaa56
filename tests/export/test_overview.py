"""Tests of the overview's groups and positions (govkg.export.overview)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections import Counter
from functools import lru_cache

import pytest

from govkg.export import overview as ov
from govkg.export.network import NetworkBuilder
from govkg.extractors.gazetteer import load_gazetteer

BASE = "https://w3id.org/govkg/id/"


@lru_cache(maxsize=1)
def _gaz():
    return load_gazetteer()


class Net:
    """A small page network: regions by division code, other entities by key, relations."""

    def __init__(self) -> None:
        self.b = NetworkBuilder()

    def region(self, code: str, label: str | None = None) -> str:
        iri = f"{BASE}region/{code}"
        self.b.add_node(iri, "Region", [(label or _gaz().get(code).name, "zh")])
        return iri

    def entity(self, kind: str, key: str, label: str | None = None) -> str:
        iri = f"{BASE}{kind.lower()}/{key}"
        self.b.add_node(iri, kind, [(label or key, "zh")])
        return iri

    def link(self, s: str, rel: str, o: str) -> None:
        self.b.add_edge(s, rel, o)

    def overview(self) -> tuple[dict, dict]:
        data = self.b.data()
        return data, ov.overview(data["nodes"], data["edges"], gazetteer=_gaz())


def _group(result: dict, label: str) -> int:
    found = [k for k, g in enumerate(result["groups"]) if g["label"] == label]
    assert len(found) == 1, (label, [g["label"] for g in result["groups"]])
    return found[0]


def _member(data: dict, result: dict, iri: str) -> int:
    return result["member"][[n["id"] for n in data["nodes"]].index(iri)]


def _zigong() -> Net:
    net = Net()
    sc, zg, yt, zlj = (net.region(c) for c in ("510000", "510300", "510311", "510302"))
    net.link(zg, "locatedIn", sc)
    net.link(yt, "locatedIn", zg)
    net.link(zlj, "locatedIn", zg)
    for i in range(3):
        net.link(net.entity("Project", f"p{i}", f"沿滩项目{i}"), "locatedIn", yt)
    net.link(net.entity("Project", "q", "自流井项目"), "locatedIn", zlj)
    return net


def test_regions_group_up_the_division_hierarchy() -> None:
    data, result = _zigong().overview()
    groups = result["groups"]
    sc, zg, yt = _group(result, "四川省"), _group(result, "自贡市"), _group(result, "沿滩区")
    assert [groups[k]["kind"] for k in (sc, zg, yt)] == ["province", "prefecture", "county"]
    assert groups[sc]["parent"] == -1 and groups[zg]["parent"] == sc and groups[yt]["parent"] == zg
    assert groups[sc]["count"] == 8 and groups[yt]["count"] == 4  # 沿滩区 and its three projects
    assert groups[yt]["types"] == [1, 0, 3, 0, 0, 0]
    assert _member(data, result, f"{BASE}project/p0") == yt
    assert groups[yt]["rep"] == [n["id"] for n in data["nodes"]].index(f"{BASE}region/510311")
    assert all(g["parent"] < k for k, g in enumerate(groups))  # parents first: the page relies on it


def test_groups_of_one_entity_are_that_entity() -> None:
    net = _zigong()
    daan = net.region("510304")  # 大安区, in 自贡市 and holding nothing else: no group of its own
    net.link(daan, "locatedIn", f"{BASE}region/510300")
    data, result = net.overview()
    labels = [g["label"] for g in result["groups"]]
    assert "自流井区" in labels and "大安区" not in labels  # 自流井区 holds its project
    assert _member(data, result, daan) == _group(result, "自贡市")
    assert all(g["count"] > 1 for g in result["groups"])


def test_an_entity_sits_at_the_lowest_division_holding_all_its_regions() -> None:
    net = _zigong()
    salt = net.entity("Industry", "盐化工")
    net.link(f"{BASE}region/510311", "develops", salt)
    net.link(f"{BASE}region/510302", "develops", salt)
    firm = net.entity("Enterprise", "盐业公司")  # no region of its own: placed by its industry
    net.link(firm, "belongsTo", salt)
    data, result = net.overview()
    assert _member(data, result, salt) == _group(result, "自贡市")
    assert _member(data, result, firm) == _group(result, "自贡市")


def _two_cliques(net: Net, size: int) -> tuple[list[str], list[str]]:
    """Two cliques of industries, each developed by 南山区 and 沿滩区 (two provinces)."""
    cliques = []
    for name in ("芯片", "食品"):
        members = [net.entity("Industry", f"{name}{i}") for i in range(size)]
        for i, x in enumerate(members):
            net.link(f"{BASE}region/440305", "develops", x)
            net.link(f"{BASE}region/510311", "develops", x)
            for y in members[i + 1:]:
                net.link(x, "relatedTo", y)
        cliques.append(members)
    return cliques[0], cliques[1]


def test_what_spans_provinces_goes_into_communities() -> None:
    net = _zigong()
    net.link(net.region("440305"), "locatedIn", net.region("440300"))
    chips, foods = _two_cliques(net, 6)
    data, result = net.overview()
    homes = [{_member(data, result, x) for x in clique} for clique in (chips, foods)]
    assert all(len(h) == 1 for h in homes) and homes[0] != homes[1]
    for home, name in zip(homes, ("芯片", "食品")):
        group = result["groups"][home.pop()]
        assert group["kind"] == "community" and group["parent"] == -1 and group["count"] == 6
        assert group["label"].startswith(name) and group["label"].endswith(" 等")


def test_entities_linked_to_nothing_wait_in_the_loose_group() -> None:
    net = _zigong()
    loose = [net.entity("Slogan", f"s{i}", f"口号{i}") for i in range(5)]
    data, result = net.overview()
    assert result["loose_count"] == 5
    k = result["loose"]
    assert result["groups"][k]["kind"] == "loose" and result["groups"][k]["parent"] == -1
    assert {_member(data, result, s) for s in loose} == {k}
    bare = Net()
    for code in ("510300", "510311", "440305"):
        bare.region(code)  # regions with a code but no relation: linked to nothing all the same
    _, result = bare.overview()
    assert result["loose_count"] == 3 and [g["kind"] for g in result["groups"]] == ["loose"]


def test_crowded_groups_split_by_type_and_no_group_shows_too_many_children() -> None:
    net = Net()
    county = net.region("440305")
    for i in range(700):
        net.link(net.entity("Slogan", f"s{i:03d}", f"口号{i}"), "relatedTo", county)
    for i in range(30):
        net.link(net.entity("Project", f"p{i:02d}", f"项目{i}"), "locatedIn", county)
    data, result = net.overview()
    groups = result["groups"]
    shown = Counter(g["parent"] for g in groups) + Counter(result["member"])
    assert max(count for k, count in shown.items() if k >= 0) <= ov.MAX_CHILDREN
    slogans = _group(result, "南山区 · 口号")
    assert groups[slogans]["kind"] == "type" and groups[slogans]["count"] == 700
    parts = [g for g in groups if g["parent"] == slogans]
    assert [g["label"] for g in parts] == ["南山区 · 口号 1/3", "南山区 · 口号 2/3", "南山区 · 口号 3/3"]
    assert [g["count"] for g in parts] == [300, 300, 100] and all(g["kind"] == "part" for g in parts)
    assert groups[_group(result, "南山区 · 项目")]["count"] == 30
    assert _member(data, result, county) == _group(result, "南山区")  # the region stays beside its type groups


def test_map_positions_put_places_where_they_are() -> None:
    net = Net()
    places = {code: net.region(code) for code in ("110105", "440106", "310115", "510107")}
    for code, iri in places.items():
        for i in range(2):
            net.link(net.entity("Project", f"{code}-{i}"), "locatedIn", iri)
    data, result = net.overview()
    geo = {g["label"]: g["geo"] for g in result["groups"] if g["code"]}
    assert geo["北京市"][1] < geo["广东省"][1]  # north is up
    assert geo["上海市"][0] > geo["四川省"][0]  # east is right
    index = [n["id"] for n in data["nodes"]]
    point = {row[0]: row[1:] for row in result["geo"]}
    assert point[index.index(places["110105"])] == geo["朝阳区"]
    east = max(x for x, _ in geo.values())
    assert all(g["geo"][0] > east for g in result["groups"] if g["parent"] < 0 and not g["code"])


def test_the_top_level_layout_keeps_groups_apart() -> None:
    net = Net()
    for code in ("110105", "440106", "310115", "510107", "130602", "320102"):
        county = net.region(code)
        for i in range(3):
            net.link(net.entity("Project", f"{code}-{i}"), "locatedIn", county)
    data, result = net.overview()
    top = [g for g in result["groups"] if g["parent"] < 0]
    assert len(top) == 6 and all(g["net"] is not None for g in top)
    for a in top:
        for b in top:
            if a is not b:
                assert math.dist(a["net"], b["net"]) >= a["size"] + b["size"]
    assert all(g["net"] is None for g in result["groups"] if g["parent"] >= 0)


def test_many_entities_to_group_are_clustered_before_louvain(monkeypatch: pytest.MonkeyPatch) -> None:
    net = Net()
    net.region("440305")
    net.region("510311")
    chips, foods = _two_cliques(net, 8)
    data = net.b.data()
    monkeypatch.setattr(ov, "LOUVAIN_LIMIT", 10)
    result = ov.overview(data["nodes"], data["edges"], gazetteer=_gaz())
    homes = [{_member(data, result, x) for x in clique} for clique in (chips, foods)]
    assert all(len(h) == 1 for h in homes) and homes[0] != homes[1]
    assert {result["groups"][h.pop()]["kind"] for h in homes} == {"community"}


_DETERMINISM = """
import json, sys
sys.path.insert(0, {tests!r})
from export.test_overview import Net
net = Net()
for code in ("440305", "510311", "110105"):
    county = net.region(code)
    for i in range(40):
        e = net.entity("Slogan", code + str(i), "口号" + str(i % 7))
        net.link(e, "relatedTo", county)
        if i % 3 == 0:
            net.link(e, "relatedTo", net.region("440305"))
print(json.dumps(net.overview()[1], sort_keys=True))
"""


def test_same_network_gives_the_same_overview_whatever_the_hash_seed() -> None:
    tests = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    runs = [subprocess.run([sys.executable, "-c", _DETERMINISM.format(tests=tests)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] and json.loads(runs[0])["groups"]

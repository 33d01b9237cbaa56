"""Tests of subgraph selection and layout (govkg.export.subgraph), and `govkg export --to html` options."""

from __future__ import annotations

import json
import math
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.export.subgraph import Selection, SelectionError, find_node, layout, network, select, select_nodes


def _data() -> dict:
    """沿滩区 (with a town in it) in 自贡市; an enterprise and project there; an unrelated region."""
    nodes = [
        ("zg", "自贡市", "Region", []), ("yt", "沿滩区", "Region", ["沿灘區"]), ("town", "邓关街道", "Region", []),
        ("salt", "盐化工产业", "Industry", []), ("ent", "鸿鹤化工", "Enterprise", []),
        ("proj", "新材料项目", "Project", []), ("far", "沙湾区", "Region", ["沙灣區"]),
        ("steel", "不锈钢产业", "Industry", []), ("park", "沿滩高新区", "Park", []),
    ]
    edges = [
        ("yt", "locatedIn", "zg"), ("town", "locatedIn", "yt"), ("yt", "develops", "salt"),
        ("ent", "carriesOut", "proj"), ("proj", "locatedIn", "town"), ("far", "develops", "steel"),
        ("park", "locatedIn", "yt"), ("park", "hosts", "ent"), ("far", "locatedIn", "zg"),
    ]
    return {
        "nodes": [{"id": i, "label": lab, "type": t, "aliases": a} for i, lab, t, a in nodes],
        "edges": [{"id": f"e{k}", "from": s, "to": o, "label": r} for k, (s, r, o) in enumerate(edges)],
        "legend": [{"type": t, "count": 0} for t in ("Region", "Industry", "Project", "Enterprise", "Park", "Slogan")],
    }


def _ids(selection: Selection) -> set[str]:
    return {n["id"] for n in select(_data(), selection)["nodes"]}


def test_region_keeps_what_is_located_in_it_and_their_links() -> None:
    # located in 沿滩区: the town, the park, and (through the town) the project; plus their neighbours
    assert _ids(Selection(region="沿滩区")) == {"yt", "town", "park", "proj", "salt", "zg", "ent"}
    assert "far" not in _ids(Selection(region="沿灘區"))  # traditional input folds


def test_region_must_be_a_region() -> None:
    with pytest.raises(SelectionError, match="no Region named"):
        select(_data(), Selection(region="盐化工产业"))


def test_types_and_legend_recount() -> None:
    part = select(_data(), Selection(types=("Enterprise", "Project")))
    assert {n["id"] for n in part["nodes"]} == {"ent", "proj"}
    assert [(e["from"], e["to"]) for e in part["edges"]] == [("ent", "proj")]
    counts = {item["type"]: item["count"] for item in part["legend"]}
    assert counts["Enterprise"] == 1 and counts["Project"] == 1 and counts["Region"] == 0


@pytest.mark.parametrize(("depth", "expected"), [
    (0, {"ent"}),
    (1, {"ent", "proj", "park"}),
    (2, {"ent", "proj", "park", "town", "yt"}),
])
def test_ego_depth(depth: int, expected: set[str]) -> None:
    assert _ids(Selection(ego="鸿鹤化工", depth=depth)) == expected


def test_max_nodes_keeps_the_best_connected() -> None:
    g = network(_data())
    kept = select_nodes(g, Selection(max_nodes=2))
    assert kept == {"yt", "ent"}  # 沿滩区 has 4 links; six nodes have 2, the smallest id wins
    assert len(_ids(Selection(max_nodes=5))) == 5


def test_selections_combine_in_order() -> None:
    assert _ids(Selection(region="沿滩区", types=("Region",))) == {"yt", "town", "zg"}
    assert _ids(Selection(ego="沿滩区", depth=1, types=("Park", "Industry"))) == {"park", "salt"}


def test_find_node_prefers_labels_then_degree_and_accepts_iris() -> None:
    g = network(_data())
    assert find_node(g, "沙灣區") == "far"
    assert find_node(g, "far") == "far"
    with pytest.raises(SelectionError):
        find_node(g, "不存在")


@pytest.mark.parametrize("bad", [{"types": ("Company",)}, {"depth": -1}, {"max_nodes": 0}])
def test_bad_selections_raise(bad: dict) -> None:
    with pytest.raises(SelectionError):
        Selection(**bad)


def test_parse_types() -> None:
    assert Selection.parse_types(" enterprise , PROJECT,") == ("Enterprise", "Project")
    assert Selection.parse_types(None) == ()
    with pytest.raises(SelectionError, match="known: Region"):
        Selection.parse_types("Company")


def test_empty_selection_keeps_everything() -> None:
    assert not Selection() and Selection(depth=3).depth == 3
    assert select(_data(), Selection()) == _data()


# --- layout -------------------------------------------------------------------------------


def _random_graph(n: int, seed: int = 3) -> tuple[list[str], list[tuple[str, str]]]:
    rnd = random.Random(seed)
    ids = [f"n{i:05d}" for i in range(n)]
    return ids, [(rnd.choice(ids), rnd.choice(ids)) for _ in range(int(2.5 * n))]


def test_layout_places_every_node_apart_and_deterministically() -> None:
    ids, edges = _random_graph(600)
    pos = layout(ids, edges)
    assert sorted(pos) == ids
    assert len(set(pos.values())) == len(ids)
    assert layout(reversed(ids), reversed(edges)) == pos


def test_layout_keeps_components_apart() -> None:
    pos = layout(["a", "b", "c", "d"], [("a", "b"), ("c", "d")])
    ab = math.dist(pos["a"], pos["b"])
    assert 0 < ab < math.dist(pos["a"], pos["c"]) + ab
    assert min(math.dist(pos[x], pos[y]) for x in "ab" for y in "cd") > 0


def test_layout_puts_neighbours_closer_than_strangers() -> None:
    ids, edges = _random_graph(3000)
    pos = layout(ids, edges)
    linked = [math.dist(pos[s], pos[t]) for s, t in edges if s != t]
    rnd = random.Random(5)
    strangers = [math.dist(pos[rnd.choice(ids)], pos[rnd.choice(ids)]) for _ in range(len(linked))]
    assert sum(linked) / len(linked) < 0.8 * sum(strangers) / len(strangers)


def test_layout_of_20k_nodes_is_quick() -> None:
    ids, edges = _random_graph(20_000)
    start = time.perf_counter()
    pos = layout(ids, edges)
    assert len(pos) == 20_000
    assert time.perf_counter() - start < 20  # about 0.4 s here; a quadratic step would take minutes


# --- the CLI options ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_trig(seeds_out) -> Path:
    return seeds_out / "graph.trig"


def _payload(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    start = html.index(">", html.index('id="govkg-data"')) + 1
    return json.loads(html[start:html.index("</script>", start)])


def test_export_html_region_option(seeds_trig: Path, tmp_path: Path) -> None:
    out = tmp_path / "yt.html"
    result = CliRunner().invoke(main, ["export", str(seeds_trig), "--to", "html", "--out", str(out),
                                       "--region", "沿滩区", "--type", "Region,Enterprise,Project"])
    assert result.exit_code == 0, result.output
    payload = _payload(out)
    labels = {n["label"] for n in payload["nodes"]}
    assert "沿滩区" in labels and "沙湾区" not in labels
    assert {n["type"] for n in payload["nodes"]} <= {"Region", "Enterprise", "Project"}
    assert 3 < len(labels) < 406


def test_export_html_ego_and_max_nodes(seeds_trig: Path, tmp_path: Path) -> None:
    out = tmp_path / "ego.html"
    result = CliRunner().invoke(main, ["export", str(seeds_trig), "--to", "html", "--out", str(out),
                                       "--ego", "沙灣區", "--depth", "1", "--max-nodes", "10"])
    assert result.exit_code == 0, result.output
    nodes = _payload(out)["nodes"]
    assert len(nodes) == 10 and "沙湾区" in {n["label"] for n in nodes}


@pytest.mark.parametrize(("args", "message"), [
    (["--to", "html", "--ego", "不存在的实体"], "no entity named"),
    (["--to", "html", "--type", "Company"], "unknown entity type"),
    (["--to", "ttl", "--type", "Region"], "only apply to --to html"),
])
def test_export_selection_errors_exit_2(seeds_trig: Path, tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["export", str(seeds_trig), "--out", str(tmp_path / "x"), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "x").exists()

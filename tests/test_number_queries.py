"""The ready-made queries of numbers and time, and the tidy observations table, on a build of a seed and a dev report.

Seed 001 (沿滩区, 2023) and dev report 01 (清苑区, 2020, which gives one
project's investment) are built into a folder and a store; each query gives
the same rows from both.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "seeds" / "001_b22b28e224b33268.txt", ROOT / "tests" / "data" / "dev" / "01_qingyuanqu_2020_report.txt"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("numbers")
    out, store = root / "out", root / "store"
    result = CliRunner().invoke(main, ["build", *map(str, DOCS), "--out", str(out), "--store", str(store), "--no-html"])
    assert result.exit_code == 0, result.output
    return out, store


def rows(graph: Path, query: str, /, **params: str) -> list[dict[str, str]]:
    args = ["query", str(graph), query, "--format", "json"] + [f"--param={k}={v}" for k, v in params.items()]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(result.stdout)["results"]["bindings"]]


@pytest.mark.parametrize("name, params", [
    ("region-indicators", {"region": "清苑区"}),
    ("region-indicators", {"region": "清苑区", "indicator": "地区生产总值"}),
    ("project-timeline", {"region": "保定市"}),
    ("investment-by-region-industry", {}),
])
def test_folder_and_store_give_the_same_rows(built, name, params):
    out, store = built
    from_file = rows(out, name, **params)
    assert from_file and from_file == rows(store, name, **params)


def test_region_indicators_put_actual_beside_target(built):
    out, _ = built
    gdp = {r["year"]: r for r in rows(out, "region-indicators", region="清苑区", indicator="地区生产总值")}
    assert gdp["2019"]["actual"] == "14190000000" and gdp["2019"]["actualGrowth"] == "7.5"
    assert gdp["2019"]["unit"] == "CNY" and gdp["2019"]["target"] == gdp["2019"]["targetGrowth"] == ""
    assert gdp["2020"]["targetGrowth"] == "7" and gdp["2020"]["actual"] == ""
    assert {r["name"] for r in rows(out, "region-indicators", region="沿滩区")} >= {"固定资产投资", "社会消费品零售总额"}


def test_project_timeline_orders_stages_and_filters_by_region(built):
    out, _ = built
    timeline = rows(out, "project-timeline", region="清苑区")
    assert timeline and {r["place"] for r in timeline} == {"清苑区"}
    keys = [(r["project"], r.get("year", "")) for r in timeline]
    assert keys == sorted(keys)
    hospital = [r for r in timeline if r["project"] == "区人民医院新院区"]
    assert {(r["stage"], r["year"], r["planned"]) for r in hospital} >= {("开工", "2020", "true")}
    assert rows(out, "project-timeline", name="区人民医院新院区") == hospital
    assert not rows(out, "project-timeline", region="米易县")


def test_investment_by_region_and_industry(built):
    out, _ = built
    found = rows(out, "investment-by-region-industry", region="清苑区")
    assert found and all(r["place"] == "清苑区" and r["currency"] == "CNY" for r in found)
    assert sum(float(r["investment"]) for r in found) >= 330000000
    assert not rows(out, "investment-by-region-industry", region="米易县")


def test_csv_export_writes_a_tidy_observations_table(built, tmp_path):
    out, _ = built
    result = CliRunner().invoke(main, ["export", str(out), "--to", "csv", "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "csv" / "observations.csv").read_text(encoding="utf-8")
    table = list(csv.DictReader(io.StringIO(text)))
    assert list(table[0]) == ["region", "code", "indicator", "year", "kind", "value", "unit", "growth", "document",
                              "evidence"]
    gdp = [r for r in table if r["region"] == "清苑区" and r["indicator"] == "地区生产总值" and r["year"] == "2019"]
    assert len(gdp) == 1 and gdp[0]["value"] == "14190000000" and gdp[0]["growth"] == "7.5"
    assert gdp[0]["kind"] == "actual" and gdp[0]["code"] == "130608" and gdp[0]["unit"] == "CNY"
    assert table == sorted(table, key=lambda r: (r["region"], r["indicator"], r["year"], r["kind"], r["document"]))

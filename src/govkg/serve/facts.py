"""Everything the graph says about one entity, for its page, read with parameterised SPARQL.

The entity IRI is handed to the engine as a bound value (``initBindings``),
never pasted into the query text. Queries live in ``serve/queries/*.rq``.
"""

from __future__ import annotations

import importlib.resources
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS, SKOS

from govkg.ontology.namespaces import ENTITY_TYPES, GOVKG, type_kinds

_LABELLED = {RDFS.label: "label", SKOS.altLabel: "alias", SKOS.definition: "definition",
             GOVKG.definition: "definition", GOVKG.adminCode: "admin_code"}


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation of the entity: ``direction`` is ``out`` (entity → other) or ``in``."""

    direction: str
    name: str
    other: str
    other_label: str
    evidence: tuple[tuple[str, str], ...] = ()  # (sentence, document title)


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """The facts of one entity, each list sorted."""

    iri: str
    types: tuple[str, ...]
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    definitions: tuple[str, ...]
    admin_codes: tuple[str, ...]
    other: tuple[tuple[str, str], ...]  # (property IRI, value) of the remaining literals
    relations: tuple[Relation, ...]
    evidence: tuple[tuple[str, str], ...] = field(default=())  # (sentence, document title)

    @property
    def label(self) -> str:
        """The first label, else the IRI."""
        return self.labels[0] if self.labels else self.iri


def read_query(name: str) -> str:
    """The text of ``serve/queries/NAME.rq``."""
    return importlib.resources.files("govkg.serve").joinpath(f"queries/{name}.rq").read_text(encoding="utf-8")


def entity_facts(dataset: Any, iri: str) -> EntityFacts | None:
    """The facts of entity ``iri`` in ``dataset``, or ``None`` when it has no entity type there."""
    entity = URIRef(iri)
    bind = {Variable("entity"): entity}
    type_names = {URIRef(k): v for k, v in type_kinds().items()}  # a Division shows as a Region
    values: dict[str, set[str]] = defaultdict(set)
    types: set[str] = set()
    other: set[tuple[str, str]] = set()
    for row in dataset.query(read_query("entity-properties"), initBindings=bind):
        p, o = row[1], row[2]
        if p == RDF.type:
            if o in type_names:
                types.add(type_names[o])
        elif p in _LABELLED and isinstance(o, Literal):
            values[_LABELLED[p]].add(str(o))
        elif isinstance(o, Literal):
            other.add((str(p), str(o)))
    if not types:
        return None
    relations: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in dataset.query(read_query("entity-relations"), initBindings=bind):
        _, direction, rel, target, target_label, text, title = row
        key = (str(direction), str(rel).rsplit("#", 1)[-1], str(target))
        entry = relations.setdefault(key, {"labels": set(), "evidence": set()})
        if target_label is not None:
            entry["labels"].add(str(target_label))
        if text is not None:
            entry["evidence"].add((str(text), "" if title is None else str(title)))
    evidence = {}
    for row in dataset.query(read_query("entity-evidence"), initBindings=bind):
        _, sent, text, doc, title, start = row
        key = (str(doc or ""), int(start.toPython()) if start is not None else 0, str(sent))
        evidence[key] = (str(text), "" if title is None else str(title))
    labels = sorted(values["label"])
    order = {name: i for i, name in enumerate(ENTITY_TYPES)}
    return EntityFacts(
        iri=iri,
        types=tuple(sorted(types, key=order.__getitem__)),
        labels=tuple(labels),
        aliases=tuple(sorted(values["alias"] - set(labels))),
        definitions=tuple(sorted(values["definition"])),
        admin_codes=tuple(sorted(values["admin_code"])),
        other=tuple(sorted(other)),
        relations=tuple(
            Relation(d, name, target, min(entry["labels"], default=target.rsplit("/", 1)[-1]),
                     tuple(sorted(entry["evidence"])))
            for (d, name, target), entry in sorted(relations.items(), key=lambda kv: (kv[0][0] != "out", kv[0]))
        ),
        evidence=tuple(evidence[k] for k in sorted(evidence)),
    )


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of an indicator chart, in the chart's pixels."""

    x: float
    y: float
    width: float
    height: float
    kind: str  # actual or target
    title: str  # what a reader's pointer shows: year, kind, figure


@dataclass(frozen=True, slots=True)
class IndicatorSeries:
    """One indicator of a region year by year, actual beside target, with its chart.

    ``measure`` says what the chart draws: the figures (``value``, in
    ``unit``) when the documents give any, else the growth rates (``growth``,
    percent). ``rows``: (year, actual, actual growth, target, target growth)
    as display text; a year two documents give different figures for shows
    the later document's.
    """

    name: str
    measure: str
    unit: str
    rows: tuple[tuple[int, str, str, str, str], ...]
    bars: tuple[Bar, ...]
    years: tuple[tuple[float, int], ...]  # (x of the label, year)
    zero: float  # y of the zero line
    width: int
    height: int


CHART_HEIGHT = 110
"""Pixels of a chart's drawing area (plus room for the year labels)."""

_BAR, _GAP, _PAD = 14, 12, 4
_SCALES = ((1e8, "亿"), (1e4, "万"), (1, ""))
_CURRENCY = {"CNY": "元", "USD": "美元"}


def region_indicators(dataset: Any, iri: str) -> tuple[IndicatorSeries, ...]:
    """The indicator series of region ``iri`` (none when the documents give it no indicator)."""
    figures: dict[tuple[str, int, str], tuple[int, float | None, str, float | None]] = {}
    for row in dataset.query(read_query("entity-indicators"), initBindings={Variable("entity"): URIRef(iri)}):
        _, name, period, kind, value, unit, growth, doc, doc_year = row
        try:
            year = int(str(period)[:4])
        except ValueError:
            continue
        key = (str(name), year, "actual" if str(kind).endswith("Actual") else "target")
        said = (int(str(doc_year)[:4]) if doc_year is not None and str(doc_year)[:4].isdigit() else 0,
                None if value is None else float(value), "" if unit is None else str(unit),
                None if growth is None else float(growth))
        if key not in figures or _rank(said) > _rank(figures[key]):  # the later document's figure, then the larger
            figures[key] = said
    series = []
    for name in sorted({k[0] for k in figures}):
        points = {(year, kind): f for (n, year, kind), f in figures.items() if n == name}
        series.append(_series(name, points))
    return tuple(series)


def _rank(said: tuple[int, float | None, str, float | None]) -> tuple[int, float, float]:
    low = float("-inf")
    return said[0], low if said[1] is None else said[1], low if said[3] is None else said[3]


def _series(name: str, points: dict[tuple[int, str], tuple[int, float | None, str, float | None]]) -> IndicatorSeries:
    years = sorted({year for year, _ in points})
    values = [f[1] for f in points.values() if f[1] is not None]
    measure = "value" if values else "growth"
    currency = next((f[2] for f in points.values() if f[1] is not None), "")
    scale, prefix = next((s for s in _SCALES if values and max(abs(v) for v in values) >= s[0]), (1, ""))
    unit = prefix + _CURRENCY.get(currency, currency) if measure == "value" else "%"

    def number(f: tuple[int, float | None, str, float | None] | None) -> float | None:
        if f is None:
            return None
        return None if (f[1] if measure == "value" else f[3]) is None else (f[1] / scale if measure == "value"
                                                                             else f[3])

    def text(value: float | None, suffix: str) -> str:
        return "" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".") + suffix

    rows = []
    for year in years:
        a, t = points.get((year, "actual")), points.get((year, "target"))
        rows.append((year,
                     text(None if a is None or a[1] is None else a[1] / scale, unit if measure == "value" else ""),
                     text(None if a is None else a[3], "%"),
                     text(None if t is None or t[1] is None else t[1] / scale, unit if measure == "value" else ""),
                     text(None if t is None else t[3], "%")))
    drawn = [v for year in years for kind in ("actual", "target")
             if (v := number(points.get((year, kind)))) is not None]
    top, bottom = max([0.0, *drawn]), min([0.0, *drawn])
    span = (top - bottom) or 1.0
    zero = round(_PAD + CHART_HEIGHT * top / span, 1)
    bars, labels = [], []
    for i, year in enumerate(years):
        left = _GAP + i * (2 * _BAR + _GAP)
        labels.append((left + _BAR, year))
        for j, kind in enumerate(("actual", "target")):
            v = number(points.get((year, kind)))
            if v is None:
                continue
            height = max(CHART_HEIGHT * abs(v) / span, 1.0)
            height = round(height, 1)
            bars.append(Bar(left + j * _BAR, round(zero - height, 1) if v >= 0 else zero, _BAR - 2, height, kind,
                            f"{year} {'实际' if kind == 'actual' else '目标'} {text(v, unit)}"))
    width = _GAP + len(years) * (2 * _BAR + _GAP)
    return IndicatorSeries(name, measure, unit, tuple(rows), tuple(bars), tuple(labels), zero, width,
                           _PAD + CHART_HEIGHT + 18)

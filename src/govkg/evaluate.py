"""Score a graph against gold annotations (the format of the project's gold JSON files).

The matching rules are those of the gold guidelines: names are compared after
NFKC, character-level traditional→simplified folding and removal of quotation
marks and white space. Strict scores need equal names (label or alias on either
side); lenient ones also accept containment covering at least 60% of the longer
name. A predicted entity matching only an optional gold entity counts neither
way. Links are unordered gold pairs; a link is found when the two entities are
neighbours in the graph, directly or through one node that is not an entity
(a relation's statement node).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from govkg.errors import InputError
from govkg.export.rdf import union_graph
from govkg.ontology.namespaces import ENTITY_TYPES, GOVKG
from govkg.text.script import ScriptFolder

_QUOTES = re.compile(r"[“”‘’\"'「」『』《》\s]")


class Normaliser:
    """The names' comparison form."""

    def __init__(self) -> None:
        self._fold = ScriptFolder().fold

    def __call__(self, name: str) -> str:
        return _QUOTES.sub("", self._fold(unicodedata.normalize("NFKC", str(name)))).lower()


@dataclass
class GoldEntity:
    names: set[str]
    optional: bool = True


@dataclass
class Gold:
    entities: dict[str, dict[str, GoldEntity]] = field(default_factory=lambda: {t: {} for t in ENTITY_TYPES})
    links: set[frozenset[str]] = field(default_factory=set)


@dataclass(frozen=True)
class TypeScore:
    gold: int
    pred: int
    tp: int
    fp: int
    matched: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    strict: dict[str, TypeScore]
    lenient: dict[str, TypeScore]
    links_found: int
    links_total: int

    def micro(self, mode: str = "strict") -> tuple[float, float, float]:
        rows = getattr(self, mode).values()
        total = TypeScore(sum(r.gold for r in rows), sum(r.pred for r in rows), sum(r.tp for r in rows),
                          sum(r.fp for r in rows), sum(r.matched for r in rows))
        return total.precision, total.recall, total.f1

    @property
    def link_recall(self) -> float:
        return self.links_found / self.links_total if self.links_total else 0.0

    def table(self) -> str:
        """The per-type table, as printed by ``govkg evaluate``."""
        lines = [f"{'type':<11}{'gold':>5}{'pred':>6}  strict P/R/F1      lenient P/R/F1"]
        for t in ENTITY_TYPES:
            s, le = self.strict[t], self.lenient[t]
            lines.append(f"{t:<11}{s.gold:>5}{s.pred:>6}  {s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}    "
                         f"{le.precision:.2f}/{le.recall:.2f}/{le.f1:.2f}")
        ps, rs, fs = self.micro("strict")
        pl, rl, fl = self.micro("lenient")
        lines.append(f"micro strict P={ps:.2f} R={rs:.2f} F1={fs:.2f}; lenient P={pl:.2f} R={rl:.2f} F1={fl:.2f}; "
                     f"links {self.links_found}/{self.links_total} recall={self.link_recall:.2f}")
        return "\n".join(lines)


def load_gold(folders: tuple[Path, ...], norm: Normaliser) -> Gold:
    """Pool every ``*.json`` gold file of ``folders``."""
    files = []
    for folder in folders:
        found = sorted(Path(folder).glob("*.json"))
        if not found:
            raise InputError(folder, "no gold *.json files")
        files.extend(found)
    gold = Gold()
    for f in files:
        read_gold_file(f, norm, gold)
    return gold


def read_gold_file(path: Path, norm: Normaliser, gold: Gold | None = None) -> Gold:
    """Add the entities and links of one gold file to ``gold`` (a new one when None), names normalised."""
    gold = gold if gold is not None else Gold()
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for e in doc["entities"]:
            key = norm(e["label"])
            item = gold.entities[e["type"]].setdefault(key, GoldEntity({key}))
            item.names.update(norm(a) for a in e.get("aliases", []))
            item.optional = item.optional and bool(e.get("optional", False))
        for a, b in doc.get("links", []):
            gold.links.add(frozenset((norm(a), norm(b))))
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(path, f"not a gold annotation file ({exc.__class__.__name__}: {exc})") from None
    return gold


def predicted(graph: Graph, norm: Normaliser) -> dict[str, dict[object, set[str]]]:
    """type -> {entity node: its normalised names}."""
    out: dict[str, dict[object, set[str]]] = {t: {} for t in ENTITY_TYPES}
    for t in ENTITY_TYPES:
        for node in set(graph.subjects(RDF.type, GOVKG[t])):
            names = {norm(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(node, p)}
            names.discard("")
            if names:
                out[t][node] = names
    return out


def _lenient(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and len(short) / len(long_) >= 0.6


def _score(pred: dict[object, set[str]], gold: dict[str, GoldEntity], lenient: bool) -> TypeScore:
    eq = _lenient if lenient else str.__eq__
    matched: set[str] = set()
    tp = fp = 0
    for names in pred.values():
        hit = None
        for key, item in gold.items():
            if any(eq(n, g) for n in names for g in item.names):
                hit = key
                if not item.optional:
                    break
        if hit is None:
            fp += 1
        elif not gold[hit].optional:
            tp += 1
            matched.add(hit)
    n_gold = sum(1 for i in gold.values() if not i.optional)
    return TypeScore(n_gold, len(pred), tp, fp, len(matched))


def _links(graph: Graph, pred, gold: Gold) -> int:
    aliases = {k: i.names for t in gold.entities.values() for k, i in t.items()}
    typed = {n for t in pred.values() for n in t}
    near: dict[object, set] = {}
    for s, p, o in graph:
        if p != RDF.type and not isinstance(o, Literal):
            near.setdefault(s, set()).add(o)
            near.setdefault(o, set()).add(s)
    all_pred = [(n, names) for t in pred.values() for n, names in t.items()]

    def nodes(name: str) -> set:
        return {n for alias in aliases.get(name, {name}) for n, names in all_pred
                if any(_lenient(alias, x) for x in names)}

    def reach(n) -> set:
        out = set(near.get(n, ()))
        for m in list(out):
            if m not in typed:
                out |= near.get(m, set())
        return out

    found = 0
    for pair in gold.links:
        a, b = tuple(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
        bs = nodes(b)
        if any(bs & reach(an) for an in nodes(a)):
            found += 1
    return found


def evaluate(graph: Graph, *gold_dirs: Path) -> Report:
    """Score ``graph`` (a Graph or a Dataset, read as the union) against the gold files in ``gold_dirs``."""
    norm = Normaliser()
    gold = load_gold(gold_dirs, norm)
    union = union_graph(graph)
    pred = predicted(union, norm)
    strict = {t: _score(pred[t], gold.entities[t], False) for t in ENTITY_TYPES}
    lenient = {t: _score(pred[t], gold.entities[t], True) for t in ENTITY_TYPES}
    return Report(strict, lenient, _links(union, pred, gold), len(gold.links))

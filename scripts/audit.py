"""Precision audit of a build: draw a random sample of entities per type, judge it by hand, score it.

Draw::

    python scripts/audit.py draw BUILD_DIR --per-type 40 --seed 2026 \\
        --exclude tests/data/judged/*.tsv --out docs/audit/NAME.tsv

reads ``BUILD_DIR/graph.ttl``, sorts the entities of each type by IRI, samples
``--per-type`` of them with ``random.Random(seed)`` (types in the fixed order of
``TYPES``, one generator for all) and writes one TSV row per entity: ``type,
label, iri, confidence, document, evidence, verdict, note``. The evidence is the
first sentence (in natural IRI order: document, then sentence number) that is
``govkg:about`` the entity, one that names it if there is one; the document is that sentence's source path (or
label). Entities whose (type, label) appear in an ``--exclude`` TSV are left out
before sampling, so a later audit never re-judges the training sample. The same
build, seed and exclusions give a byte-identical file.

Judge: fill ``verdict`` with ``ok``, ``wrong`` or ``type:OtherType`` (a real
entity of another type: wrong for precision) and say why in ``note``.

Score::

    python scripts/audit.py score docs/audit/NAME.tsv

prints per type the rows judged, the correct ones, the share and its 95 %
Wilson interval.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

TYPES = ("Region", "Industry", "Project", "Enterprise", "Park", "Slogan")
COLUMNS = ("type", "label", "iri", "confidence", "document", "evidence", "verdict", "note")
_PREFIXES = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_ENTITIES = _PREFIXES + """SELECT ?e ?t ?l ?c WHERE {
  VALUES ?t { %s }
  ?e a ?t .
  OPTIONAL { ?e rdfs:label ?l }
  OPTIONAL { ?e govkg:confidence ?c }
}""" % " ".join(f"govkg:{t}" for t in TYPES)
_EVIDENCE = _PREFIXES + """SELECT DISTINCT ?e ?s ?text ?path ?dl ?m WHERE {
  VALUES ?e { %s }
  ?s govkg:about ?e ; govkg:text ?text .
  OPTIONAL { ?m govkg:mentionOf ?e ; govkg:inSentence ?s }
  OPTIONAL { ?s govkg:inDocument ?d . OPTIONAL { ?d govkg:sourcePath ?path } OPTIONAL { ?d rdfs:label ?dl } }
}"""
_GOVKG = "https://w3id.org/govkg/ontology#"


class AuditError(Exception):
    """Bad input: the message names the file and the problem."""


@dataclass(frozen=True)
class Row:
    """One sampled entity and its verdict (empty until judged)."""

    type: str
    label: str
    iri: str
    confidence: str = ""
    document: str = ""
    evidence: str = ""
    verdict: str = ""
    note: str = ""


@dataclass(frozen=True)
class Score:
    """Precision of one type: ``correct`` of ``judged`` rows, with its 95 % Wilson interval."""

    type: str
    judged: int
    correct: int

    @property
    def share(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.correct, self.judged)


def natural_key(text: str) -> tuple:
    """Sort key that orders runs of digits by value: ``natural_key("s/2") < natural_key("s/10")``."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def wilson(correct: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of ``correct`` successes in ``n`` trials.

    >>> [round(x, 3) for x in wilson(36, 40)]
    [0.769, 0.96]
    """
    if n == 0:
        return (0.0, 1.0)
    p = correct / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denom = 1 + z * z / n
    return (max(0.0, (centre - spread) / denom), min(1.0, (centre + spread) / denom))


def load_graph(build_dir: Path):
    """The build's ``graph.ttl`` in an rdflib graph backed by Oxigraph (ten times faster to load)."""
    import rdflib

    path = build_dir / "graph.ttl"
    if not path.is_file():
        raise AuditError(f"{path}: no such file (is {build_dir} a govkg build folder?)")
    graph = rdflib.Graph(store="Oxigraph")
    try:
        graph.parse(path, format="ox-turtle")
    except (SyntaxError, ValueError) as exc:
        raise AuditError(f"{path}: not readable Turtle ({exc})") from exc
    return graph


def entities(graph) -> list[Row]:
    """Every typed entity (type, label, IRI, confidence), sorted by type order then IRI."""
    found: dict[str, Row] = {}
    for e, t, label, conf in graph.query(_ENTITIES):
        iri, kind = str(e), str(t).removeprefix(_GOVKG)
        row = found.get(iri, Row(type=kind, label="", iri=iri))
        if label is not None and (not row.label or _label_rank(label) < _label_rank(row.label)):
            row = replace(row, label=label)
        if conf is not None and not row.confidence:
            row = replace(row, confidence=str(conf))
        found[iri] = row
    rows = [replace(r, label=str(r.label)) for r in found.values()]
    return sorted(rows, key=lambda r: (TYPES.index(r.type), natural_key(r.iri)))


def _label_rank(label) -> tuple:
    """Prefer a plain ``@zh`` label, then the smallest text."""
    return (getattr(label, "language", None) != "zh", str(label))


def draw(rows: Sequence[Row], per_type: int, seed: int, exclude: set[tuple[str, str]] = frozenset()) -> list[Row]:
    """``per_type`` rows of each type, drawn with ``random.Random(seed)`` from rows not in ``exclude``."""
    rng = random.Random(seed)
    sample: list[Row] = []
    for kind in TYPES:
        pool = sorted((r for r in rows if r.type == kind and (r.type, r.label) not in exclude),
                      key=lambda r: natural_key(r.iri))
        picked = rng.sample(pool, min(per_type, len(pool)))
        sample.extend(sorted(picked, key=lambda r: natural_key(r.iri)))
    return sample


def with_evidence(graph, rows: Sequence[Row]) -> list[Row]:
    """``rows`` with the first sentence about each entity and that sentence's document.

    A sentence that names the entity (holds a mention of it) comes before one
    that only states a relation of it; among those, the first in natural IRI order.
    """
    if not rows:
        return []
    values = " ".join(f"<{r.iri}>" for r in rows)
    first: dict[str, tuple[tuple, str, str]] = {}
    for e, s, text, path, doc_label, mention in graph.query(_EVIDENCE % values):
        key = (mention is None, natural_key(str(s)))
        if str(e) not in first or key < first[str(e)][0]:
            first[str(e)] = (key, _one_line(str(text)), str(path or doc_label or ""))
    out = []
    for r in rows:
        _, text, doc = first.get(r.iri, ((), "", ""))
        out.append(replace(r, evidence=text, document=doc))
    return out


def _relative(document: str, corpus: Path) -> str:
    """``document`` relative to ``corpus`` when it lies inside it (so a sheet reads the same on every machine).

    A build names a document by its path from the folder it was given, that folder's name first
    (``scale/…`` for a build of ``../shared/corpus/scale``), or by a path from the working directory.

    >>> _relative("scale/a/b.txt", Path("../shared/corpus/scale")), _relative("other/b.txt", Path("/x/scale"))
    ('a/b.txt', 'other/b.txt')
    """
    for path in (Path(document), corpus.parent / document):
        try:
            return str(path.resolve().relative_to(corpus.resolve()))
        except ValueError:
            continue
    return document


def _one_line(text: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", text)


def read_tsv(path: Path) -> list[Row]:
    """The rows of an audit TSV (header ``COLUMNS``)."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = [c for c in ("type", "label", "verdict") if c not in (reader.fieldnames or ())]
            if missing:
                raise AuditError(f"{path}: not an audit TSV (missing column {', '.join(missing)})")
            return [Row(**{c: (rec.get(c) or "").strip() for c in COLUMNS}) for rec in reader]
    except OSError as exc:
        raise AuditError(f"{path}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise AuditError(f"{path}: not UTF-8 text") from exc


def write_tsv(rows: Iterable[Row], path: Path) -> None:
    """Write ``rows`` as an audit TSV (UTF-8, ``\\n`` line ends), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(_one_line(getattr(r, c)) for c in COLUMNS) + "\n")
    tmp.replace(path)


def check_verdict(verdict: str) -> bool:
    """Whether ``verdict`` is empty (not judged), ``ok``, ``wrong`` or ``type:`` a known type."""
    return verdict in ("", "ok", "wrong") or (verdict.startswith("type:") and verdict[5:] in TYPES)


def score(rows: Sequence[Row], source: str = "") -> list[Score]:
    """Per type (in ``TYPES`` order, then a ``total``): judged rows and those judged ``ok``."""
    for i, r in enumerate(rows, start=2):
        if not check_verdict(r.verdict):
            raise AuditError(f"{source}:{i}: unknown verdict {r.verdict!r} (ok, wrong or type:OtherType)")
    scores = []
    for kind in TYPES:
        judged = [r for r in rows if r.type == kind and r.verdict]
        if judged or any(r.type == kind for r in rows):
            scores.append(Score(kind, len(judged), sum(r.verdict == "ok" for r in judged)))
    scores.append(Score("total", sum(s.judged for s in scores), sum(s.correct for s in scores)))
    return scores


def format_scores(scores: Sequence[Score]) -> str:
    """A plain-text table of ``scores``."""
    lines = [f"{'type':<11}{'judged':>7}{'correct':>9}{'%':>7}  95% Wilson"]
    for s in scores:
        lo, hi = s.interval
        lines.append(f"{s.type:<11}{s.judged:>7}{s.correct:>9}{100 * s.share:>6.1f}%  {100 * lo:.1f}-{100 * hi:.1f}%")
    return "\n".join(lines)


def _excluded(paths: Iterable[Path]) -> set[tuple[str, str]]:
    return {(r.type, r.label) for p in paths for r in read_tsv(p)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="draw a sample of entities per type from a build")
    d.add_argument("build_dir", type=Path)
    d.add_argument("--per-type", type=int, default=40)
    d.add_argument("--seed", type=int, default=2026)
    d.add_argument("--exclude", type=Path, nargs="*", default=[], help="audit TSVs whose entities to skip")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--corpus", type=Path, help="name documents relative to this folder (as govkg train --corpus reads them)")
    s = sub.add_parser("score", help="precision per type of a judged sample")
    s.add_argument("tsv", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "draw":
            exclude = _excluded(args.exclude)
            graph = load_graph(args.build_dir)
            sample = with_evidence(graph, draw(entities(graph), args.per_type, args.seed, exclude))
            if args.corpus:
                sample = [replace(r, document=_relative(r.document, args.corpus)) for r in sample]
            write_tsv(sample, args.out)
            print(f"{len(sample)} rows -> {args.out}")
        else:
            print(format_scores(score(read_tsv(args.tsv), str(args.tsv))))
    except AuditError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

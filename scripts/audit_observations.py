"""Precision audit of a build's indicator observations: draw a random sample, judge it by hand, score it.

Draw::

    python scripts/audit_observations.py draw BUILD_DIR --n 40 --seed 2026 --corpus ../shared/corpus/scale \\
        --out docs/audit/NAME.tsv

reads ``BUILD_DIR/graph.ttl``, sorts the observations (``qb:Observation``) by
IRI, samples ``--n`` of them with ``random.Random(seed)`` and writes one TSV row
each: ``iri, document, doc_year, region, indicator, year, kind, value, unit,
growth, evidence, verdict, note``. ``doc_year`` is the year the build gave the
document (``govkg:year``); ``evidence`` is the first evidence sentence. The same
build and seed give a byte-identical file.

Judge: read the sentence (and the document around it, for the section it lies
in) and fill ``verdict`` with ``ok`` when region, indicator, year, kind, value
and growth are all what the text says, else ``wrong`` with the reason in ``note``.

Score::

    python scripts/audit_observations.py score docs/audit/NAME.tsv

prints the rows judged, the correct ones, the share and its 95 % Wilson interval.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from pathlib import Path

COLUMNS = ("iri", "document", "doc_year", "region", "indicator", "year", "kind", "value", "unit", "growth",
           "evidence", "verdict", "note")
_QUERY = """PREFIX govkg: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
SELECT ?o ?path ?docyear ?region ?indicator ?year ?kind ?value ?unit ?growth ?s ?text WHERE {
  ?o a qb:Observation ; sdmx-dimension:refArea ?r ; sdmx-dimension:refPeriod ?year ;
     govkg:indicator ?i ; govkg:observationKind ?k ; govkg:evidence ?s ; prov:wasDerivedFrom ?d .
  ?r rdfs:label ?region . ?i skos:prefLabel ?indicator . ?s govkg:text ?text .
  BIND(STRAFTER(STR(?k), "#") AS ?kind)
  OPTIONAL { ?d govkg:sourcePath ?path }
  OPTIONAL { ?d govkg:year ?docyear }
  OPTIONAL { ?o sdmx-measure:obsValue ?value ; sdmx-attribute:unitMeasure ?unit }
  OPTIONAL { ?o govkg:growthRate ?growth }
}"""


def _clean(text: object) -> str:
    return "" if text is None else " ".join(str(text).split())


def draw(build: Path, n: int, seed: int, corpus: Path | None, out: Path) -> int:
    from rdflib import Graph

    g = Graph()
    g.parse(build / "graph.ttl", format="turtle")
    rows: dict[str, tuple] = {}
    for r in g.query(_QUERY):
        key = str(r.o)
        sentence = (int(str(r.s).rsplit("/", 1)[-1]), _clean(r.text))
        if key in rows and rows[key][0] <= sentence:
            continue
        path = str(r.path or "")
        if corpus is not None and path:
            try:
                path = str(Path(path).resolve().relative_to(corpus.resolve()))
            except ValueError:
                pass
        rows[key] = (sentence, (key, path, _clean(r.docyear), _clean(r.region), _clean(r.indicator),
                                _clean(r.year), _clean(r.kind), _clean(r.value), _clean(r.unit), _clean(r.growth)))
    keys = sorted(rows)
    picked = sorted(random.Random(seed).sample(keys, min(n, len(keys))))
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(COLUMNS)
        for key in picked:
            (_, text), fields = rows[key]
            w.writerow((*fields, text, "", ""))
    print(f"{len(picked)} of {len(keys)} observations written to {out}")
    return 0


def wilson(ok: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson interval of ``ok`` successes in ``n``."""
    if n == 0:
        return 0.0, 1.0
    p = ok / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def score(sheet: Path) -> int:
    with sheet.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))
    judged = [r for r in rows if r["verdict"] in ("ok", "wrong")]
    ok = sum(r["verdict"] == "ok" for r in judged)
    lo, hi = wilson(ok, len(judged))
    share = ok / len(judged) if judged else 0.0
    print(f"observations judged {len(judged)} of {len(rows)}: {ok} right = {share:.1%} "
          f"(95 % interval {lo:.1%}-{hi:.1%})")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("build", type=Path)
    d.add_argument("--n", type=int, default=40)
    d.add_argument("--seed", type=int, default=2026)
    d.add_argument("--corpus", type=Path)
    d.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("sheet", type=Path)
    args = parser.parse_args(argv)
    if args.command == "draw":
        return draw(args.build, args.n, args.seed, args.corpus, args.out)
    return score(args.sheet)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""scripts/audit.py: the draw is reproducible, exclusions hold, the score adds up."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from govkg.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
audit = sys.modules.setdefault("audit", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(audit)

HEADER = "\t".join(audit.COLUMNS)
ONT = "https://w3id.org/govkg/ontology#"
TINY_TTL = f"""@prefix govkg: <{ONT}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:doc> a govkg:Document ; rdfs:label "报告" ; govkg:sourcePath "in/报告.txt" .
<urn:e/park> a govkg:Park ; rdfs:label "银岭产业园"@zh ; govkg:confidence 0.75 .
<urn:e/slogan> a govkg:Slogan ; rdfs:label "两区一城"@zh .
<urn:doc/sentence/2> govkg:text "园区\\t承载力提升。" ; govkg:inDocument <urn:doc> ;
    govkg:about <urn:e/park>, <urn:e/slogan> .
<urn:doc/sentence/10> govkg:text "建设银岭产业园。" ; govkg:inDocument <urn:doc> ; govkg:about <urn:e/park> .
<urn:doc/sentence/30> govkg:text "“两区一城”。" ; govkg:inDocument <urn:doc> ; govkg:about <urn:e/slogan> .
<urn:doc/mention/1> govkg:mentionOf <urn:e/park> ; govkg:inSentence <urn:doc/sentence/10> .
<urn:doc/mention/2> govkg:mentionOf <urn:e/slogan> ; govkg:inSentence <urn:doc/sentence/30> .
<urn:doc/mention/3> govkg:mentionOf <urn:e/slogan> ; govkg:inSentence <urn:doc/sentence/2> .
"""


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    """A build of the smallest seed document."""
    src = tmp_path_factory.mktemp("seed") / "in"
    src.mkdir()
    shutil.copy(ROOT / "seeds" / "000_247f5b625e04f3c0.txt", src)
    out = src.parent / "out"
    result = build([src], out, html=False)
    assert result.documents == 1 and not result.errors
    return out


def draw(build_dir: Path, out: Path, *extra: str) -> list:
    assert audit.main(["draw", str(build_dir), "--out", str(out), *extra]) == 0
    return audit.read_tsv(out)


def test_draw_is_reproducible_and_follows_the_seed(seed_build, tmp_path):
    first = draw(seed_build, tmp_path / "a.tsv", "--per-type", "3", "--seed", "2026")
    draw(seed_build, tmp_path / "b.tsv", "--per-type", "3", "--seed", "2026")
    other = draw(seed_build, tmp_path / "c.tsv", "--per-type", "3", "--seed", "7")
    everything = draw(seed_build, tmp_path / "all.tsv", "--per-type", "1000")
    assert (tmp_path / "a.tsv").read_bytes() == (tmp_path / "b.tsv").read_bytes()
    assert (tmp_path / "a.tsv").read_text(encoding="utf-8").split("\n", 1)[0] == HEADER
    assert [r.iri for r in first] != [r.iri for r in other]
    for kind in audit.TYPES:  # 3 of each type, or all of a type with fewer
        assert sum(r.type == kind for r in first) == min(3, sum(r.type == kind for r in everything))
    assert len(first) > 3 * 3
    assert all(r.label and r.evidence and r.document.endswith(".txt") and not r.verdict for r in first)


def test_exclude_skips_judged_entities(seed_build, tmp_path):
    everything = draw(seed_build, tmp_path / "all.tsv", "--per-type", "1000")
    first = draw(seed_build, tmp_path / "a.tsv", "--per-type", "3")
    rest = draw(seed_build, tmp_path / "b.tsv", "--per-type", "1000", "--exclude", str(tmp_path / "a.tsv"))
    taken = {(r.type, r.label) for r in first}
    assert not taken & {(r.type, r.label) for r in rest}
    assert len(rest) == len(everything) - len(first)


def test_draw_pure_function_excludes_before_sampling():
    rows = [audit.Row("Park", f"园{i}", f"urn:p/{i}") for i in range(12)]
    exclude = {("Park", "园0"), ("Park", "园11")}
    picked = audit.draw(rows, 20, seed=1, exclude=exclude)
    assert [r.label for r in picked] == [f"园{i}" for i in range(1, 11)]  # all left, in natural IRI order
    assert audit.draw(rows, 4, seed=1) == audit.draw(list(reversed(rows)), 4, seed=1)


def test_evidence_prefers_a_sentence_that_names_the_entity(tmp_path):
    (tmp_path / "graph.ttl").write_text(TINY_TTL, encoding="utf-8")
    graph = audit.load_graph(tmp_path)
    rows = audit.with_evidence(graph, audit.entities(graph))
    assert [(r.type, r.label, r.confidence) for r in rows] == [("Park", "银岭产业园", "0.75"), ("Slogan", "两区一城", "")]
    park, slogan = rows
    assert park.evidence == "建设银岭产业园。"  # sentence/2 is about it but does not name it
    assert slogan.evidence == "园区 承载力提升。"  # sentence/2 before sentence/10, tab made a space
    assert park.document == "in/报告.txt"


@pytest.mark.parametrize("a, b", [
    ("doc/sentence/2", "doc/sentence/10"),
    ("doc/sentence/9", "doc/sentence/10"),
    ("a/sentence/30", "b/sentence/1"),
])
def test_natural_key_orders_numbers_by_value(a, b):
    assert audit.natural_key(a) < audit.natural_key(b)


@pytest.mark.parametrize("correct, n, low, high", [
    (36, 40, 0.769, 0.960),
    (40, 40, 0.912, 1.0),
    (0, 10, 0.0, 0.278),
    (0, 0, 0.0, 1.0),
])
def test_wilson_interval(correct, n, low, high):
    lo, hi = audit.wilson(correct, n)
    assert (round(lo, 3), round(hi, 3)) == (low, high)


def write_judged(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = [HEADER] + ["\t".join((t, label, f"urn:{i}", "", "d.txt", "句。", verdict, ""))
                        for i, (t, label, verdict) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_score_counts_ok_only_and_skips_unjudged(tmp_path):
    tsv = write_judged(tmp_path / "j.tsv", [
        ("Region", "沙湾区", "ok"), ("Region", "乐山市", "ok"), ("Region", "全区", "wrong"), ("Region", "沙湾", "ok"),
        ("Park", "银岭产业园", "ok"), ("Park", "园区", "wrong"), ("Park", "沙湾钒钛项目", "type:Project"),
        ("Park", "川南园区", ""),
    ])
    scores = {s.type: s for s in audit.score(audit.read_tsv(tsv))}
    assert list(scores) == ["Region", "Park", "total"]
    assert (scores["Region"].judged, scores["Region"].correct, scores["Region"].share) == (4, 3, 0.75)
    assert (scores["Park"].judged, scores["Park"].correct) == (3, 1)
    assert (scores["total"].judged, scores["total"].correct) == (7, 4)


def test_score_command_prints_a_row_per_type(tmp_path, capsys):
    tsv = write_judged(tmp_path / "j.tsv", [("Slogan", "两区一城", "ok"), ("Slogan", "笼子", "wrong")])
    assert audit.main(["score", str(tsv)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["Slogan", "2", "1", "50.0%", "9.5-90.5%"]
    assert lines[2].split()[:3] == ["total", "2", "1"]


@pytest.mark.parametrize("verdict", ["OK", "type:Company", "maybe"])
def test_unknown_verdict_is_one_line_naming_the_file(tmp_path, capsys, verdict):
    tsv = write_judged(tmp_path / "j.tsv", [("Region", "沙湾区", "ok"), ("Region", "全区", verdict)])
    assert audit.main(["score", str(tsv)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{tsv}:3" in err and repr(verdict) in err


def test_missing_build_is_one_line(tmp_path, capsys):
    assert audit.main(["draw", str(tmp_path / "nowhere"), "--out", str(tmp_path / "x.tsv")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "graph.ttl" in err and not (tmp_path / "x.tsv").exists()


def test_not_an_audit_tsv_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text("a\tb\n1\t2\n", encoding="utf-8")
    assert audit.main(["score", str(bad)]) == 1
    assert "missing column" in capsys.readouterr().err

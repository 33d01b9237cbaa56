"""govkg review: what it lists, the decisions it records, and builds that apply them (end to end)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from govkg.cli import main
from govkg.curation import Curation
from govkg.graph.iri import entity_iri
from govkg.model import EntityRef
from govkg.ontology.namespaces import GOVKG
from govkg.review import ReviewEntity, duplicates
from govkg.review.duplicates import Named, find_pairs

REGIONS = {"自贡市", "自贡", "沿滩区", "沿滩", "北京", "广西", "易县"}


@pytest.mark.parametrize("a, b, sign", [
    ("中化蓝天公司", "中化蓝天集团", "core"),          # company suffixes
    ("中国中化", "中国中化股份有限公司", "core"),
    ("沿滩食品产业园", "食品产业园", "core"),          # a region on one side only
    ("自贡市沿滩食品产业园", "沿滩食品产业园", "core"),
    ("老蛮桥水库扩建工程", "老蛮桥水库改扩建工程", "edit"),
    ("中昊晨光", "中吴晨光", "edit"),
    ("两区一城", "两区一城战略", "contains"),
    ("北京数据集团", "广西数据集团", None),            # two regions' companies
    ("清苑新城一期", "清苑新城二期", None),            # a numeral is another name, not a slip
    ("工业强区", "工业强县", None),                    # so is an administrative level
    ("米会高速", "米盐路", None),
    ("甲", "甲乙", None),                              # one character is too short to hold
])
def test_pairs_are_found_by_their_sign(a, b, sign):
    pairs = find_pairs([Named("1", "Project", a), Named("2", "Project", b)], REGIONS)
    assert [p.sign for p in pairs] == ([sign] if sign else [])


def test_only_entities_of_one_type_pair():
    assert find_pairs([Named("1", "Project", "中化蓝天公司"), Named("2", "Enterprise", "中化蓝天集团")], REGIONS) == []


def _entity(iri: str, label: str, docs: set[str], sentences: set[tuple[str, int]], type_: str = "Project"):
    return ReviewEntity(iri, type_, label, 1.0, len(docs), len(sentences), (), frozenset(docs), frozenset(sentences))


def test_names_one_sentence_gives_side_by_side_are_not_duplicates():
    a = _entity("a", "米会高速公路", {"d"}, {("d", 0)})
    b = _entity("b", "米盐高速公路", {"d"}, {("d", 0)})
    c = _entity("c", "米盐高速公路段", {"e"}, {("e", 0)})
    found = duplicates([a, b, c], Curation())
    assert [(d.drop.iri, d.keep.iri) for d in found] == [("b", "c")]


# --- end to end ---------------------------------------------------------------------------------

DOC_A = """自贡市沿滩区2023年政府工作报告
过去一年，沿滩区大力发展化工新材料产业，中化蓝天公司在沿滩高新技术产业园区建成投产。
全力推进老蛮桥水库扩建工程，加快仙市古镇提升工程，“两区一城”建设成效明显。
"""
DOC_B = """自贡市沿滩区2024年政府工作报告
今年，沿滩区将持续壮大化工新材料产业，支持中化蓝天集团扩大产能。
推动老蛮桥水库改扩建工程开工，深入实施“两区一城”战略。
"""
FILES = ("graph.trig", "graph.ttl")


@pytest.fixture
def built(tmp_path):
    """Two reports and their build folder: (docs folder, out folder, run)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DOC_A, encoding="utf-8")
    (docs / "b.txt").write_text(DOC_B, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(main, [str(a) for a in args], input=input)

    result = run("build", docs, "--out", out, "--no-html", "-j", "1")
    assert result.exit_code == 0, result.output
    return docs, out, run


def _graph(out) -> Graph:
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def _entity_of(type_: str, label: str) -> URIRef:
    return entity_iri(EntityRef(type_, label))


def _times(out) -> dict[str, int]:
    return {name: (out / name).stat().st_mtime_ns for name in FILES}


def test_review_lists_uncertain_entities_and_duplicates_with_evidence(built):
    _, out, run = built
    result = run("review", out, "--type", "Project,Enterprise")
    assert result.exit_code == 0, result.output
    text = result.output
    shown = re.findall(r"(?m)^\d+\. (\w+) (\S+)  confidence (\d\.\d{3})  (\d+) documents?, (\d+) mentions?$", text)
    assert ("Project", "仙市古镇提升工程") in {(t, name) for t, name, *_ in shown}
    confidences = [float(c) for *_, c, _, _ in shown]
    assert confidences == sorted(confidences) and all(0 < c <= 1 for c in confidences)  # least certain first
    assert "全力推进老蛮桥水库扩建工程，加快【仙市古镇提升工程】" in text
    assert "Enterprise 中化蓝天集团 → 中化蓝天公司  (same name without 公司 / 集团)" in text
    assert "老蛮桥水库扩建工程 → 老蛮桥水库改扩建工程  (one character apart)" in text
    assert {t for t, *_ in shown} == {"Project", "Enterprise"}  # --type


def test_decide_rebuild_and_the_decisions_hold_also_in_an_incremental_build(built):
    docs, out, run = built
    result = run("review", out, "--decide", "reject Project 仙市古镇提升工程",
                 "--decide", "merge Project 老蛮桥水库扩建工程 老蛮桥水库改扩建工程",
                 "--decide", "accept Enterprise 中化蓝天公司")
    assert result.exit_code == 0, result.output
    lines = [x for x in (out / "curation.tsv").read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    assert lines == ["accept\tEnterprise\t中化蓝天公司", "merge\tProject\t老蛮桥水库扩建工程\t老蛮桥水库改扩建工程",
                     "reject\tProject\t仙市古镇提升工程"]

    def holds() -> None:
        g = _graph(out)
        assert (None, GOVKG.mentionOf, _entity_of("Project", "仙市古镇提升工程")) not in g
        assert (_entity_of("Project", "仙市古镇提升工程"), None, None) not in g
        merged = _entity_of("Project", "老蛮桥水库改扩建工程")
        assert len(list(g.subjects(GOVKG.mentionOf, merged))) == 2  # both documents' mentions
        assert (merged, GOVKG.curation, Literal("merge Project 老蛮桥水库扩建工程 老蛮桥水库改扩建工程")) in g
        assert (_entity_of("Enterprise", "中化蓝天公司"), GOVKG.curation, Literal("accept Enterprise 中化蓝天公司")) in g

    assert run("build", docs, "--out", out, "--no-html", "-j", "1").exit_code == 0
    holds()
    before = _times(out)
    again = run("build", docs, "--out", out, "--no-html", "-j", "1")  # nothing changed: nothing written
    assert again.exit_code == 0 and "nothing to build" in again.output
    assert _times(out) == before
    # one document changed: only it is read again, and the decisions still hold
    (docs / "a.txt").write_text(DOC_A + "加快仙市古镇提升工程收尾。\n", encoding="utf-8")
    result = run("build", docs, "--out", out, "--no-html", "-j", "1")
    assert result.exit_code == 0 and "unchanged since last build" in result.output
    holds()
    # decided entities are not listed again
    listed = run("review", out).output
    assert "Project 仙市古镇提升工程 " not in listed and "老蛮桥水库扩建工程 →" not in listed
    assert "Enterprise 中化蓝天公司 " not in listed and "Project 老蛮桥水库改扩建工程 " in listed


def test_a_changed_curation_file_rebuilds_and_undoing_it_restores_the_clean_build(built):
    docs, out, run = built
    clean = {name: (out / name).read_bytes() for name in FILES}
    run("review", out, "--decide", "retype Project 仙市古镇提升工程 Slogan")
    assert run("build", docs, "--out", out, "--no-html", "-j", "1").exit_code == 0
    g = _graph(out)
    assert (_entity_of("Slogan", "仙市古镇提升工程"), GOVKG.curation, Literal("retype Project 仙市古镇提升工程 Slogan")) in g
    (out / "curation.tsv").write_text("# nothing decided\n", encoding="utf-8")
    assert run("build", docs, "--out", out, "--no-html", "-j", "1").exit_code == 0
    assert {name: (out / name).read_bytes() for name in FILES} == clean


def test_a_malformed_curation_line_is_one_clear_error_and_nothing_is_written(built):
    docs, out, run = built
    before = _times(out)
    (out / "curation.tsv").write_text("reject\tProject\t仙市古镇提升工程\nreject Projcet 甲\n", encoding="utf-8")
    result = run("build", docs, "--out", out, "--no-html", "-j", "1")
    assert result.exit_code == 2
    assert f"{out / 'curation.tsv'}, line 2: unknown type 'Projcet'" in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert _times(out) == before


def test_build_takes_another_curation_file(built, tmp_path):
    docs, out, run = built
    other = tmp_path / "mine.tsv"
    other.write_text("reject\tProject\t仙市古镇提升工程\n", encoding="utf-8")
    assert run("build", docs, "--out", out, "--no-html", "-j", "1", "--curation", other).exit_code == 0
    assert (_entity_of("Project", "仙市古镇提升工程"), None, None) not in _graph(out)
    assert run("build", docs, "--out", out, "--curation", tmp_path / "missing.tsv").exit_code == 2


@pytest.mark.parametrize("decision, problem", [
    ("reject Project 没有这个工程", "no Project named 没有这个工程"),
    ("reject Projcet 仙市古镇提升工程", "unknown type 'Projcet'"),
    ("destroy Project 仙市古镇提升工程", "unknown decision 'destroy'"),
])
def test_a_bad_decision_is_refused_and_the_file_left_alone(built, decision, problem):
    _, out, run = built
    result = run("review", out, "--decide", "accept Project 仙市古镇提升工程", "--decide", decision)
    assert result.exit_code == 2 and problem in result.output
    assert not (out / "curation.tsv").exists()


def test_review_of_a_folder_without_a_build_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["review", str(tmp_path)])
    assert result.exit_code == 2 and "no build here" in result.output


def test_interactive_review_records_what_is_typed(built):
    _, out, run = built
    listed = run("review", out, "--limit", "4", "--type", "Project,Enterprise").output
    order = re.findall(r"(?m)^\d+\. (\w+) (\S+)  confidence", listed)  # least certain first
    assert len(order) == 4, listed
    # the first rejected, the second skipped, the third renamed, the fourth retyped; then quit
    # (pairs come after the entities, so --limit 4 reaches none)
    other = {"Project": "Enterprise", "Enterprise": "Project"}
    typed = f"r\ns\nn\n改过的名字\nt\n{other[order[3][0]]}\nq\n"
    result = run("review", out, "--interactive", "--limit", "4", "--type", "Project,Enterprise", input=typed)
    assert result.exit_code == 0, result.output
    lines = [x for x in (out / "curation.tsv").read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    assert lines == sorted([f"reject\t{order[0][0]}\t{order[0][1]}", f"rename\t{order[2][0]}\t{order[2][1]}\t改过的名字",
                            f"retype\t{order[3][0]}\t{order[3][1]}\t{other[order[3][0]]}"])


def test_interactive_merge_of_a_probable_duplicate(built):
    _, out, run = built
    # no uncertain entity of a type without names to merge: Enterprise only, skip both, then merge the pair
    typed = "s\ns\nm\n中化蓝天集团\n"
    result = run("review", out, "--interactive", "--type", "Enterprise", input=typed)
    assert result.exit_code == 0, result.output
    assert "merge\tEnterprise\t中化蓝天公司\t中化蓝天集团" in (out / "curation.tsv").read_text(encoding="utf-8")

"""The curation file (parsing, writing) and its application to one document's facts."""

from __future__ import annotations

import pytest

from govkg.curation import Curation, Decision, add_decisions, parse_curation, parse_decision, read_curation
from govkg.curation.apply import apply_curation
from govkg.errors import CurationError
from govkg.model import DocFacts, Document, EntityInfo, EntityRef, Mention, Relation, Sentence


@pytest.mark.parametrize("text, expected", [
    ("reject Project 危房改造", Decision("reject", "Project", "危房改造")),
    ("reject\tProject\t危房改造", Decision("reject", "Project", "危房改造")),
    ("accept slogan “两区一城”", Decision("accept", "Slogan", "两区一城")),
    ("retype Industry 乐山市 region", Decision("retype", "Industry", "乐山市", "Region")),
    ("rename Enterprise 中化 中国中化", Decision("rename", "Enterprise", "中化", "中国中化")),
    ("merge Park 食品园 食品产业园", Decision("merge", "Park", "食品园", "食品产业园")),
    ("MERGE Park 食品园 食品产业园", Decision("merge", "Park", "食品园", "食品产业园")),
])
def test_decisions_parse(text, expected):
    assert parse_decision(text) == expected


@pytest.mark.parametrize("text, problem", [
    ("delete Project 危房改造", "unknown decision 'delete'"),
    ("reject Projcet 危房改造", "unknown type 'Projcet'"),
    ("reject Project", "reject takes 2 fields after it"),
    ("reject Project 危房 改造", "reject takes 2 fields after it"),
    ("retype Industry 乐山市", "retype takes 3 fields"),
    ("retype Industry 乐山市 Town", "unknown type 'Town'"),
    ("retype Industry 乐山市 Industry", "retype to the type it has"),
    ("rename Enterprise 中化 中化", "into itself"),
    ("merge Region 沿滩 沿滩区", "gazetteer"),
])
def test_bad_decisions_say_what_is_wrong(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_decision(text)


def test_a_bad_line_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "curation.tsv"
    path.write_text("# notes\nreject\tProject\t危房改造\n\naccept\tSlgoan\t两区一城\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"curation\.tsv, line 4: unknown type 'Slgoan'"):
        read_curation(path)


def test_two_decisions_on_one_entity_are_refused_with_both_lines():
    with pytest.raises(CurationError, match="line 3: Project 甲工程 is already decided on line 1"):
        parse_curation("reject Project 甲工程\naccept Slogan 两区\naccept Project 甲工程\n")


def test_decisions_that_go_round_in_a_circle_are_refused():
    with pytest.raises(CurationError, match="circle"):
        parse_curation("merge Park 甲园 乙园\nmerge Park 乙园 甲园\n")


def test_the_file_is_written_sorted_with_its_comments_and_comments_do_not_change_the_digest(tmp_path):
    text = "# mine\n# second\nreject\tProject\t乙工程\n# why: a slogan\naccept\tSlogan\t两区\n# end\n"
    c = parse_curation(text)
    assert c.text() == "# mine\n# second\n# why: a slogan\naccept\tSlogan\t两区\nreject\tProject\t乙工程\n# end\n"
    assert parse_curation(c.text()) == c
    assert parse_curation("reject Project 乙工程\naccept Slogan 两区").digest() == c.digest() != ""
    assert Curation().digest() == "" and parse_curation("# only notes\n").digest() == ""


def test_adding_a_decision_replaces_the_earlier_one_on_the_entity(tmp_path):
    path = tmp_path / "c.tsv"
    add_decisions(path, [parse_decision("reject Project 甲工程"), parse_decision("accept Slogan 两区")])
    done = add_decisions(path, [parse_decision("accept Project 甲工程")])
    assert done == [(Decision("accept", "Project", "甲工程"), Decision("reject", "Project", "甲工程"))]
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if not x.startswith("#")]
    assert lines == ["accept\tProject\t甲工程", "accept\tSlogan\t两区"]


def test_a_chain_of_decisions_is_followed():
    c = parse_curation("merge Park 甲园 乙园\nrename Park 乙园 丙园\naccept Park 丙园\n")
    end, followed = c.outcome("Park", "甲园")
    assert end == ("Park", "丙园")
    assert [d.verb for d in followed] == ["merge", "rename", "accept"]


# --- applying --------------------------------------------------------------------------------

TEXT = "沿滩区发展化工新材料。甲公司建设乙工程。园区有食品园和食品产业园。"


def _facts() -> DocFacts:
    """A hand-made document: a region, an industry, an enterprise carrying out a project, two parks."""
    doc = Document("d", "d.txt", TEXT, TEXT, ((0, len(TEXT)),), "h")
    sentences = (Sentence(0, 0, 11, TEXT[0:11]), Sentence(1, 11, 20, TEXT[11:20]), Sentence(2, 20, len(TEXT), TEXT[20:]))
    region, industry = EntityRef("Region", "510311"), EntityRef("Industry", "化工新材料")
    firm, project = EntityRef("Enterprise", "甲公司"), EntityRef("Project", "乙工程")
    park, park2 = EntityRef("Park", "510311:食品园"), EntityRef("Park", "510311:食品产业园")
    mentions = (
        Mention(region, "沿滩区", 0, 3, 0, "region.gazetteer", attrs=(("adminCode", "510311"),)),
        Mention(industry, "化工新材料", 5, 10, 0, "industry.head"),
        Mention(firm, "甲公司", 11, 14, 1, "enterprise.head"),
        Mention(project, "乙工程", 16, 19, 1, "project.head"),
        Mention(park, "食品园", 23, 26, 2, "park.head"),
        Mention(park2, "食品产业园", 27, 32, 2, "park.head"),
    )
    relations = (Relation(region, "develops", industry, 0, "r"), Relation(firm, "carriesOut", project, 1, "r"),
                 Relation(park, "locatedIn", region, 2, "r"))
    entities = {m.ref: EntityInfo(m.ref, m.label, attrs=dict(m.attrs) | {"confidence": "0.400"}) for m in mentions}
    return DocFacts(doc, sentences, mentions, relations, entities)


def _apply(text: str) -> DocFacts:
    return apply_curation(_facts(), parse_curation(text))


def test_no_decision_on_the_document_leaves_its_facts_as_they_are():
    facts = _facts()
    assert apply_curation(facts, parse_curation("reject Project 别的工程\n")) is facts
    assert apply_curation(facts, None) is facts


def test_reject_drops_the_entity_its_mentions_and_relations():
    facts = _apply("reject Project 乙工程\n")
    assert EntityRef("Project", "乙工程") not in facts.entities
    assert all(m.type != "Project" for m in facts.mentions)
    assert all(r.predicate != "carriesOut" for r in facts.relations)
    assert len(facts.relations) == 2 and len(facts.mentions) == 5


def test_retype_moves_the_entity_and_drops_relations_the_ontology_forbids():
    facts = _apply("retype Industry 化工新材料 Project\n")
    new = EntityRef("Project", "化工新材料")
    assert facts.entities[new].attrs["curation"] == "retype Industry 化工新材料 Project"
    assert [m.ref for m in facts.mentions if m.start == 5] == [new]
    assert all(r.predicate != "develops" for r in facts.relations)  # a region develops industries only


def test_retype_of_a_region_drops_the_region_only_attributes():
    facts = _apply("retype Region 沿滩区 Park\n")
    info = facts.entities[EntityRef("Park", "沿滩区")]
    assert "adminCode" not in info.attrs and info.attrs["confidence"] == "0.400"
    assert all(r.predicate != "locatedIn" for r in facts.relations)


@pytest.mark.parametrize("decisions, expected", [
    ("rename Industry 化工新材料 乐山市\nretype Industry 乐山市 Region\n", EntityRef("Region", "511100")),
    ("retype Industry 化工新材料 Region\n", EntityRef("Region", "化工新材料")),  # no division of that name
])
def test_retype_to_a_region_takes_its_gazetteer_code(resources, decisions, expected):
    facts = apply_curation(_facts(), parse_curation(decisions), resources)
    assert [m.ref for m in facts.mentions if m.start == 5] == [expected]
    assert "develops" not in {r.predicate for r in facts.relations}


def test_rename_keeps_the_old_name_as_an_alias_and_the_park_scope():
    facts = _apply("rename Park 食品园 食品工业园\n")
    info = facts.entities[EntityRef("Park", "510311:食品工业园")]
    assert info.label == "食品工业园" and "食品园" in info.aliases
    assert any(r.subject == info.ref and r.predicate == "locatedIn" for r in facts.relations)
    assert [m.label for m in facts.mentions if m.start == 23] == ["食品工业园"]


def test_merge_joins_the_entity_the_document_has():
    facts = _apply("merge Park 食品园 食品产业园\n")
    parks = {r: i for r, i in facts.entities.items() if r.type == "Park"}
    assert list(parks) == [EntityRef("Park", "510311:食品产业园")]
    info = parks[EntityRef("Park", "510311:食品产业园")]
    assert "食品园" in info.aliases and info.attrs["curation"] == "merge Park 食品园 食品产业园"
    assert [m.ref for m in facts.mentions if m.type == "Park"] == [info.ref, info.ref]
    # the relation of the merged park now starts from the one it joined
    assert any(r.subject == info.ref and r.predicate == "locatedIn" for r in facts.relations)


def test_accept_marks_the_entity_and_makes_its_confidence_certain():
    facts = _apply("accept Enterprise 甲公司\n")
    info = facts.entities[EntityRef("Enterprise", "甲公司")]
    assert info.attrs == {"confidence": "1", "curation": "accept Enterprise 甲公司"}
    assert facts.entities[EntityRef("Project", "乙工程")].attrs == {"confidence": "0.400"}


def test_a_merge_into_a_rejected_entity_is_rejected_too():
    facts = _apply("merge Park 食品园 食品产业园\nreject Park 食品产业园\n")
    assert not [r for r in facts.entities if r.type == "Park"]
    assert not [r for r in facts.relations if r.subject.type == "Park"]


def test_a_projects_numbers_follow_a_rename_and_go_with_a_reject():
    from dataclasses import replace

    from govkg.model import Amount, Investment, Milestone

    project = EntityRef("Project", "乙工程")
    facts = replace(_facts(), investments=(Investment(project, Amount("1000"), 1, 16, 19, "project.investment"),),
                    milestones=(Milestone(project, "开工", 2023, False, 1, 16, 19, "project.milestone"),))
    renamed = apply_curation(facts, parse_curation("rename Project 乙工程 乙大桥工程\n"))
    new = EntityRef("Project", "乙大桥工程")
    assert [f.project for f in renamed.investments + renamed.milestones] == [new, new]
    rejected = apply_curation(facts, parse_curation("reject Project 乙工程\n"))
    assert rejected.investments == () and rejected.milestones == ()
    retyped = apply_curation(facts, parse_curation("retype Project 乙工程 Park\n"))
    assert retyped.investments == () and retyped.milestones == ()

"""The learned decision: features, the linear model, keep / retype / reject, labels from gold, training."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govkg.decide import choose, decide, explain
from govkg.decide.features import Candidate, candidates
from govkg.decide.model import REJECT, Model, shipped_model
from govkg.decide.train import Example, fit, label_of
from govkg.evaluate import Gold, GoldEntity
from govkg.extractors.base import Context, Resources
from govkg.model import EntityRef, Mention

ROOT = Path(__file__).resolve().parents[2]


def mention(ctx: Context, type_: str, surface: str, rule: str = "test.rule", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = ctx.doc.norm.index(surface, start + 1)
    sentence = ctx.sentence_at(start)
    return Mention(EntityRef(type_, surface), surface, start, start + len(surface),
                   sentence.index if sentence else -1, rule)


def features_of(ctx: Context, type_: str, surface: str) -> frozenset[str]:
    m = mention(ctx, type_, surface)
    (c,) = candidates(ctx, [m])
    return c.features


@pytest.mark.parametrize("text, type_, surface, present, absent", [
    ("二是建设[12]号工程。", "Project", "[12]号工程", {"Project|marker", "Project|bracket", "Project|digit"}, set()),
    ("建设宏达化工园。", "Park", "宏达化工园", {"Park|tail1=园", "Park|head2=宏达", "type=Park"},
     {"Park|marker", "Park|digit"}),
    ("提出“两区一城”目标。", "Slogan", "两区一城", {"Slogan|quoted", "Slogan|prev=quote"}, {"Slogan|digit"}),
    ("发展钒钛、锂电产业。", "Industry", "钒钛", {"Industry|next=and", "Industry|len=2"}, {"Industry|quoted"}),
    ("10.零碳园区建设。", "Park", "10.零碳园区", {"Park|marker", "Park|where=open"}, set()),
    ("發展鋰電産業。", "Industry", "锂电产业", {"Industry|script=traditional"}, set()),
])
def test_features(make_context, text, type_, surface, present, absent):
    f = features_of(make_context(text), type_, surface)
    assert present <= f, sorted(f)
    assert not absent & f, sorted(f)


@pytest.mark.parametrize("text, type_, surface, present, absent", [
    # a governing verb or a preposition in front, a verb behind: a clause, not a name
    ("各地涌现出蓝鲸产业园。", "Park", "涌现出蓝鲸产业园", {"Park|pos1=v", "Park|posN=n"}, {"Park|pos1=nr"}),
    ("建设蓝鲸产业园。", "Park", "蓝鲸产业园", {"Park|pos1=nr", "Park|posN=n"}, {"Park|pos1=v"}),
    ("年内整修唐河堤防。", "Project", "整修唐河堤防", {"Project|pos1=v"}, set()),
    ("以惠友商贸综合体为核心。", "Project", "以惠友商贸综合体", {"Project|pos1=p"}, set()),
    # a division's name first reads as a place whatever jieba tags it (唐河 nr, 包头 v)
    ("完成唐河堤防改造。", "Project", "唐河堤防改造", {"Project|pos1=ns", "Project|posN=v"}, {"Project|pos1=v"}),
    ("包头中远防务材料有限公司投产。", "Enterprise", "包头中远防务材料有限公司", {"Enterprise|pos1=ns"},
     {"Enterprise|pos1=v"}),
])
def test_part_of_speech_features(make_context, text, type_, surface, present, absent):
    f = features_of(make_context(text), type_, surface)
    assert present <= f, sorted(f)
    assert not absent & f, sorted(f)


@pytest.mark.parametrize("surface, regions, present", [
    ("物流产业园区", 12, {"Park|df=9+", "Park|df=9+&words=common"}),
    ("物流产业园区", 3, {"Park|df=4", "Park|df=4&words=common"}),
    ("蓝鲸产业园", 0, {"Park|df=1"}),  # in no table: named by one region at most
])
def test_document_frequency_feature(make_context, surface, regions, present):
    from govkg.decide.features import document_frequency

    ctx = make_context(f"建设{surface}。")
    ctx.resources.set("decide.df", {surface: regions} if regions else {})
    try:
        f = features_of(ctx, "Park", surface)
    finally:  # the resources are shared by the session's tests
        ctx.resources.set("decide.df", document_frequency())
    assert present <= f, sorted(f)
    assert len([x for x in f if x.startswith("Park|df=") and "&" not in x]) == 1


def test_shipped_document_frequency_table_counts_regions():
    """The mined table holds names two or more regions' reports propose (kinds of park among them)."""
    from govkg.decide.features import document_frequency

    df = document_frequency()
    assert df and min(df.values()) >= 2
    assert df.get("文化产业园区", 0) >= 3


@pytest.mark.parametrize("text, surface, spread, present", [
    # every word before the head is in many regions' names: a kind
    ("打造现代智慧物流园区。", "现代智慧物流园区", {"现代": 53, "智慧": 40, "物流": 45}, "Park|spread=24+"),
    # one word no other region's names have: a proper name, however common the rest
    ("建设蓝鲸智慧物流园区。", "蓝鲸智慧物流园区", {"智慧": 40, "物流": 45}, "Park|spread=1"),
    # a region the document names is a proper part, whatever the table says (保定 is in many regions' names)
    ("建设保定物流园区。河北保定位于华北。", "保定物流园区", {"保定": 30, "物流": 45}, "Park|spread=1"),
])
def test_word_spread_feature(make_context, text, surface, spread, present):
    from govkg.decide.features import word_spread

    ctx = make_context(text)
    ctx.resources.set("decide.spread", spread)
    try:
        m = mention(ctx, "Park", surface)
        regions = [mention(ctx, "Region", "保定", nth=1)] if "河北保定" in text else []
        c = next(c for c in candidates(ctx, [m, *regions]) if c.ref.type == "Park")
    finally:  # the resources are shared by the session's tests
        ctx.resources.set("decide.spread", word_spread())
    f = c.features
    assert present in f, sorted(f)
    assert len([x for x in f if x.startswith("Park|spread=")]) == 1


def test_shipped_word_spread_table_counts_regions():
    """The mined table: words of proposed names, each in two or more regions' reports (kind words in many)."""
    from govkg.decide.features import word_spread

    spread = word_spread()
    assert spread and min(spread.values()) >= 2
    assert spread.get("物流", 0) >= 10 and spread.get("现代", 0) >= 10


def test_overlapping_candidates_see_each_other(make_context):
    ctx = make_context("建设沙湾区钒钛产业园。")
    park = mention(ctx, "Park", "沙湾区钒钛产业园")
    industry = mention(ctx, "Industry", "钒钛产业")
    region = Mention(EntityRef("Region", "511111"), "沙湾区", park.start, park.start + 3, park.sentence, "region.x")
    by_type = {c.ref.type: c.features for c in candidates(ctx, [park, industry, region])}
    assert "Park|holds=Industry" in by_type["Park"] and "Park|region_prefix" in by_type["Park"]
    assert "Industry|inside=Park" in by_type["Industry"]


def test_one_candidate_per_entity_with_all_its_rules(make_context):
    ctx = make_context("钒钛产业。发展钒钛产业。")
    ms = [mention(ctx, "Industry", "钒钛产业", "industry.head"), mention(ctx, "Industry", "钒钛产业", "industry.list", 1)]
    (c,) = candidates(ctx, ms)
    assert c.mentions == tuple(ms)
    assert {"rule=industry.head", "rule=industry.list", "Industry|mentions=2"} <= c.features


TOY = Model(("Park", "Project", "Region", REJECT), (0.0, 0.0, 0.0, 0.0), {
    "type=Park": (2.0, 0.0, 0.0, 0.0),
    "Park|marker": (-3.0, 0.0, 0.0, 3.0),
    "Park|tail2=工程": (-2.0, 4.0, 0.0, 0.0),
    "type=Region": (0.0, 3.0, 1.0, 0.0),
})


def cand(type_: str, *features: str) -> Candidate:
    return Candidate(EntityRef(type_, "x"), "x", (), frozenset((f"type={type_}", *features)))


@pytest.mark.parametrize("candidate, verdict", [
    (cand("Park"), "Park"),
    (cand("Park", "Park|marker"), REJECT),
    (cand("Park", "Park|tail2=工程"), "Project"),  # both keyed by name: retyped
    (cand("Region"), "Region"),  # the model prefers Project, but a Region is keyed by its code: kept
])
def test_choose(candidate, verdict):
    assert choose(TOY, candidate)[0] == verdict


def test_a_company_named_with_its_legal_form_is_never_rejected():
    """利天万世新能源有限公司: a model sure it is no entity still keeps it, at the low confidence it gives."""
    toy = Model(("Enterprise", REJECT), (0.0, 0.0), {"Enterprise|df=1": (-2.0, 2.0)})

    def company(label: str) -> Candidate:
        return Candidate(EntityRef("Enterprise", label), label, (), frozenset({"type=Enterprise", "Enterprise|df=1"}))

    kind, p = choose(toy, company("利天万世新能源有限公司"))
    assert kind == "Enterprise" and p < 0.5
    assert choose(toy, company("利天万世新能源"))[0] == REJECT
    assert choose(toy, company("枣业股份有限公司"))[0] == REJECT  # a short trade name may be cut from a longer one
    assert choose(toy, company("由玖兴农牧(阜平)有限公司"))[0] == REJECT  # a preposition glued on


def test_a_town_of_the_national_table_is_never_rejected():
    """扎佐街道, read in 修文县 whose towns the national table lists: kept at the model's low confidence; a town
    read by its suffix alone (no official code) is still the model's to reject."""
    toy = Model(("Region", REJECT), (0.0, 0.0), {"Region|pos1=v": (-2.0, 2.0)})

    def town(key: str, *features: str) -> Candidate:
        return Candidate(EntityRef("Region", key), key.split("/")[-1], (),
                         frozenset({"type=Region", "Region|pos1=v", *features}))

    kind, p = choose(toy, town("520123/扎佐街道", "Region|coded"))
    assert kind == "Region" and p < 0.5
    assert choose(toy, town("520123/扎佐街道"))[0] == REJECT
    assert choose(toy, town("520123", "Region|coded"))[0] == REJECT  # a county: the model decides


def test_explain_names_the_features_that_decided():
    rows = explain(TOY, cand("Park", "Park|marker"))
    assert rows[0] == ("Park|marker", 6.0)  # for rejecting, against the Park it was proposed as


def test_decide_drops_retypes_and_scores(make_context):
    ctx = make_context("建设宏达化工园、[3]产业园和引水工程。")
    ctx.resources = Resources()
    ctx.resources.get("decide.model", lambda: TOY)
    keep, junk, moved = (mention(ctx, "Park", s) for s in ("宏达化工园", "[3]产业园", "引水工程"))
    out = {m.label: m for m in decide(ctx, [keep, junk, moved])}
    assert set(out) == {"宏达化工园", "引水工程"}  # the marker rejected [3]产业园
    assert out["引水工程"].ref == EntityRef("Project", "引水工程")
    conf = dict(out["宏达化工园"].attrs)["confidence"]
    assert 0.5 < float(conf) <= 1.0 and len(conf) == 5


def test_without_a_model_every_candidate_stays(make_context):
    ctx = make_context("建设[3]产业园。")
    ctx.resources = Resources()
    ctx.resources.get("decide.model", lambda: None)
    m = mention(ctx, "Park", "[3]产业园")
    assert decide(ctx, [m]) == [m]


GOLD = Gold()
GOLD.entities["Industry"]["钒钛产业"] = GoldEntity({"钒钛产业"}, optional=False)
GOLD.entities["Project"]["某某工程"] = GoldEntity({"某某工程"}, optional=False)
GOLD.entities["Park"]["某园区"] = GoldEntity({"某园区"}, optional=True)


@pytest.mark.parametrize("type_, names, label", [
    ("Industry", {"钒钛产业"}, "Industry"),
    ("Park", {"某某工程"}, "Project"),  # the gold has it as another type: retype
    ("Park", {"某园区"}, None),  # optional in the gold: neither answer is wrong, not trained on
    ("Industry", {"主导产业"}, REJECT),
    ("Industry", {"钒钛", "钒钛产业"}, "Industry"),  # any of its names
])
def test_label_from_gold(type_, names, label):
    assert label_of(cand(type_), names, GOLD) == label


def test_fit_is_deterministic_and_learns():
    rows = [Example(f"d{i % 3}", frozenset({"type=Park", "Park|marker"} if i % 2 else {"type=Park"}),
                    REJECT if i % 2 else "Park") for i in range(40)]
    first, second = fit(rows), fit(list(rows))
    assert first.to_json() == second.to_json()
    assert Model.from_json(first.to_json()) == first
    assert choose(first, cand("Park", "Park|marker"))[0] == REJECT
    assert choose(first, cand("Park"))[0] == "Park"


def test_judged_examples_weigh_less_than_gold():
    """A judged verdict is outweighed by a gold one on the same features (the audit's rules are stricter)."""
    from govkg.decide.train import JUDGED, JUDGED_WEIGHT

    assert 0 < JUDGED_WEIGHT < 1
    same = frozenset({"type=Project", "Project|tail2=工程"})
    gold = [Example("seed", same, "Project") for _ in range(10)]
    judged = [Example(f"{JUDGED}scale.txt", same, REJECT) for _ in range(10)]
    assert choose(fit(gold + judged), cand("Project", "Project|tail2=工程"))[0] == "Project"
    # the same rows all counted as gold split evenly: the weight, not the count, decides
    even = fit(gold + [Example("seed2", same, REJECT) for _ in range(10)])
    p = even.probabilities(same)
    assert abs(p["Project"] - p[REJECT]) < 0.05


def test_shipped_model_is_the_one_training_makes():
    """scripts/train.sh --check: the model in the package is what training on the repo's gold gives, byte for byte."""
    assert shipped_model() is not None
    done = subprocess.run(["bash", str(ROOT / "scripts" / "train.sh"), "--check"], capture_output=True, text=True,
                          env={"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the same model" in done.stdout


def test_built_entities_carry_confidence(seeds_out):
    from rdflib import Graph, Literal
    from rdflib.namespace import XSD

    from govkg.ontology.namespaces import GOVKG

    g = Graph().parse(seeds_out / "graph.ttl")
    values = list(g.subject_objects(GOVKG.confidence))
    assert len(values) > 100
    assert all(isinstance(o, Literal) and o.datatype == XSD.decimal and 0 <= float(o) <= 1 for _, o in values)
    assert len({s for s, _ in values}) == len(values)  # one per entity in the merged view

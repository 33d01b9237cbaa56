"""Facts of a tiny hand-made document, shared by the graph tests."""

import pytest

from govkg.model import DocFacts, Document, EntityInfo, EntityRef, Mention, Relation, Sentence

TEXT = "沙灣區發展釩鈦産業。"
NORM = "沙湾区发展钒钛产业。"
REGION = EntityRef("Region", "511111")
INDUSTRY = EntityRef("Industry", "钒钛")


def _facts(doc_id="d1"):
    doc = Document(doc_id, f"{doc_id}.txt", TEXT, NORM, ((0, len(TEXT)),), "hash", "标题", "2022-03-01")
    sent = Sentence(0, 0, len(TEXT), NORM)
    mentions = (Mention(REGION, "沙湾区", 0, 3, 0, "region.gazetteer"),
                Mention(INDUSTRY, "钒钛产业", 5, 9, 0, "industry.head"))
    ents = {REGION: EntityInfo(REGION, "沙湾区", {"沙灣區"}, None, {"adminCode": "511111"}),
            INDUSTRY: EntityInfo(INDUSTRY, "钒钛产业", {"钒钛"})}
    rels = (Relation(REGION, "develops", INDUSTRY, 0, "relation.develops"),)
    return DocFacts(doc, (sent,), mentions, rels, ents)



@pytest.fixture
def make_facts():
    """``make_facts(doc_id="d1")`` -> DocFacts of one traditional-script sentence with a relation."""
    return _facts

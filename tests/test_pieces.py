"""Long documents built piece by piece: offsets right in the whole document, valid and deterministic graphs,
and reports of usual length untouched."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from govkg import pieces
from govkg.cli import main
from govkg.model import DocFacts, Document
from govkg.pieces import PIECE_CHARS, PLACED_FIELDS, bounds
from govkg.pipeline import InputFile, build, load_document, process_file
from govkg.text.read import read_text
from govkg.validate import validate_graph

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_b22b28e224b33268.txt"
PIECE = 5_000  # characters: seed 001 (13,431 characters) repeated 3 times is about 9 pieces


def _doc(text: str, spans: tuple[tuple[int, int], ...]) -> Document:
    return Document("d", "d.txt", text, text, spans, "h")


@pytest.mark.parametrize(("text", "spans", "size", "expected"), [
    # short: one piece, the whole text (junk around the spans included), as before pieces existed
    ("页眉\n甲乙。丙丁。\n页脚", ((3, 9),), 20, ["页眉\n甲乙。丙丁。\n页脚"]),
    # spans kept whole while they fit; the junk line between two pieces belongs to neither
    ("甲乙。丙丁。\n广告\n戊己。庚辛。", ((0, 6), (10, 16)), 8, ["甲乙。丙丁。", "戊己。庚辛。"]),
    ("甲乙。\n丙丁。\n戊己。", ((0, 3), (4, 7), (8, 11)), 8, ["甲乙。\n丙丁。", "戊己。"]),
    # a span longer than a piece: cut after the last sentence end in the second half of the window
    ("甲乙丙。丁戊己。庚辛壬癸。", ((0, 13),), 10, ["甲乙丙。丁戊己。", "庚辛壬癸。"]),
    # no sentence end there: after a clause end
    ("甲乙丙丁，戊己庚辛壬癸子丑", ((0, 13),), 6, ["甲乙丙丁，", "戊己庚辛壬癸", "子丑"]),
    # no break at all: at the limit
    ("一二三四五六七八九十", ((0, 10),), 4, ["一二三四", "五六七八", "九十"]),
])
def test_pieces_follow_paragraphs_then_sentences(text, spans, size, expected):
    doc = _doc(text, spans)
    assert [text[a:b] for a, b in bounds(doc, size)] == expected


@pytest.mark.parametrize("size", [7, 50, 333, 1000])
def test_pieces_cover_every_content_character_once_and_in_order(size):
    text = SEED.read_text(encoding="utf-8")
    from govkg.text.clean import content_spans

    doc = _doc(text, tuple(content_spans(text)))
    cut = bounds(doc, size)
    assert all(0 < b - a <= size for a, b in cut)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(cut, cut[1:]))
    covered = [i for a, b in cut for i in range(a, b)]
    content = {i for a, b in doc.spans for i in range(a, min(b, len(text)))}
    assert content <= set(covered) and len(covered) == len(set(covered))


def test_reports_of_usual_length_are_one_piece(resources):
    """Pieces never change what a real report gives: every seed and dev report is far shorter than a piece."""
    docs = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "dev").glob("*.txt"))]
    assert docs
    for path in docs:
        doc = load_document(InputFile(path, path.stem), resources)
        assert len(doc.text) < PIECE_CHARS / 2
        assert bounds(doc) == [(0, len(doc.text))]


@pytest.fixture
def long_doc(tmp_path):
    path = tmp_path / "in" / "long.txt"
    path.parent.mkdir()
    path.write_text(SEED.read_text(encoding="utf-8") * 3, encoding="utf-8")
    return path


def _mentions(trig: Path) -> list[tuple[str, int, int, str, int, int]]:
    store = ox.Store()
    store.load(path=str(trig), format=ox.RdfFormat.TRIG)
    rows = store.query("""
        PREFIX govkg: <https://w3id.org/govkg/ontology#>
        SELECT ?surface ?start ?end ?text ?s_start ?s_end WHERE { GRAPH ?g {
            ?m a govkg:Mention ; govkg:surface ?surface ; govkg:startOffset ?start ; govkg:endOffset ?end ;
               govkg:inSentence ?s .
            ?s govkg:text ?text ; govkg:startOffset ?s_start ; govkg:endOffset ?s_end } }""")
    return [(r["surface"].value, int(r["start"].value), int(r["end"].value), r["text"].value,
             int(r["s_start"].value), int(r["s_end"].value)) for r in rows]


def test_a_long_document_built_in_pieces_keeps_every_offset_right(long_doc, tmp_path, monkeypatch):
    monkeypatch.setattr(pieces, "PIECE_CHARS", PIECE)
    text = read_text(long_doc)
    assert len(bounds(_doc(text, ((0, len(text)),)))) >= 8
    result = build([long_doc], tmp_path / "out")
    assert result.added == 1 and not result.errors
    rows = _mentions(tmp_path / "out" / "graph.trig")
    assert len(rows) > 300
    for surface, start, end, sentence, s_start, s_end in rows:
        assert text[start:end] == surface
        assert text[s_start:s_end] == sentence
        assert s_start <= start < end <= s_end
    # the mentions come from the whole text, not only its first piece
    assert max(end for _, _, end, *_ in rows) > len(text) - PIECE
    ds = Dataset()
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    union = ds.graph()
    for g in ds.graphs():
        for t in g:
            union.add(t)
    assert validate_graph(union).conforms


def test_a_long_document_gives_the_same_bytes_every_time_and_on_any_number_of_workers(long_doc, tmp_path,
                                                                                       monkeypatch):
    monkeypatch.setattr(pieces, "PIECE_CHARS", PIECE)
    short = long_doc.parent / "short.txt"
    short.write_text((ROOT / "seeds" / "000_247f5b625e04f3c0.txt").read_text(encoding="utf-8"), encoding="utf-8")
    build([long_doc.parent], tmp_path / "a", jobs=1)
    build([long_doc.parent], tmp_path / "b", jobs=2)
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_joined_facts_of_the_pieces_point_into_the_whole_document(long_doc, resources, monkeypatch):
    monkeypatch.setattr(pieces, "PIECE_CHARS", PIECE)
    facts = process_file(InputFile(long_doc, "long"), resources)
    doc = facts.document
    assert [s.index for s in facts.sentences] == list(range(len(facts.sentences)))
    for s in facts.sentences:
        assert doc.norm[s.start:s.end] == s.text
    spanned = [m for m in facts.mentions if m.start >= 0]
    assert spanned
    for m in spanned:
        s = facts.sentence(m.sentence)
        assert s.start <= m.start < m.end <= s.end
    for r in facts.relations:
        assert r.subject in facts.entities and r.object in facts.entities
    # each copy of the seed names the seed's regions: the pieces of every copy found them
    whole = process_file(InputFile(SEED, "seed"), resources)
    regions = {ref for ref in whole.entities if ref.type == "Region"}
    assert regions <= set(facts.entities)


def test_the_numbers_of_the_pieces_point_into_the_whole_document(long_doc, resources, monkeypatch):
    """Observations, investments and milestones of a later piece keep their sentences and offsets right."""
    monkeypatch.setattr(pieces, "PIECE_CHARS", PIECE)
    facts = process_file(InputFile(long_doc, "long"), resources)
    assert facts.observations and facts.milestones and facts.year == 2023 and facts.region is not None
    last_piece = len(facts.document.text) - PIECE
    assert max(i for o in facts.observations for i in o.sentences) > facts.sentence(0).index
    for o in facts.observations:
        assert any(word in facts.sentence(o.sentences[0]).text for word in ("增长", "亿元", "万元"))
    for m in facts.milestones:
        s = facts.sentence(m.sentence)
        # the span names the project, or what its name is made of (无锡东恒 of 无锡东恒项目, 邓关 of 邓关幼儿园)
        named = facts.document.norm[m.start:m.end]
        assert s.start <= m.start < m.end <= s.end and len(named) >= 2 and m.project.key.startswith(named)
    assert max(m.end for m in facts.milestones) > last_piece


def test_placing_a_piece_knows_every_field_of_the_facts():
    """A field added to DocFacts (offsets, sentence numbers) must be moved to the whole document in pieces.placed."""
    assert {f.name for f in fields(DocFacts)} == PLACED_FIELDS


@pytest.fixture
def with_big(tmp_path):
    """Two reports and a 60 MB file (sparse: the build must not read it)."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ("000_247f5b625e04f3c0.txt", "002_1edfadbf7e51127a.txt"):
        (src / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    with open(src / "big.txt", "wb") as f:
        f.truncate(60_000_000)
    return src


def test_a_file_over_the_default_limit_is_one_line_and_the_rest_is_built(with_big, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(with_big), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1  # some inputs skipped, the rest built (README)
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors == [f"error: {with_big / 'big.txt'}: 60.0 MB, over the limit of {pieces.MAX_DOC_MB:g} MB for one "
                      "document (raise it with --max-doc-mb); not read"]
    assert "Traceback" not in result.output + result.stderr
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    assert sorted(str(g.identifier).rsplit("/", 1)[1] for g in ds.graphs() if "/doc/" in str(g.identifier)) == [
        "000_247f5b625e04f3c0", "002_1edfadbf7e51127a"]


def test_the_limit_is_the_users_to_set(with_big, tmp_path):
    result = CliRunner().invoke(main, ["build", str(with_big / "000_247f5b625e04f3c0.txt"), "--out",
                                       str(tmp_path / "a"), "--max-doc-mb", "0.005"])
    assert result.exit_code == 2  # nothing could be built: nothing written
    assert "over the limit of 0.005 MB for one document" in result.stderr
    assert not (tmp_path / "a").exists()
    result = CliRunner().invoke(main, ["build", str(with_big / "000_247f5b625e04f3c0.txt"), "--out",
                                       str(tmp_path / "b"), "--max-doc-mb", "0.007"])
    assert result.exit_code == 0 and (tmp_path / "b" / "graph.trig").is_file()
    result = CliRunner().invoke(main, ["build", str(with_big), "--out", str(tmp_path / "c"), "--max-doc-mb", "0"])
    assert result.exit_code == 2 and "--max-doc-mb" in result.stderr  # a bad value is bad usage

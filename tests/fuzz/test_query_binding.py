"""Property-based fuzzing of SPARQL parameter binding (govkg.query): a value never changes the query's structure.

The store holds entities whose labels are themselves hostile (quotes, braces, backslashes, SPARQL keywords,
newlines); a query that matches a label to a parameter must give exactly the entities with that label, on
both engines, whatever the value: a value that leaked into the query text would widen, narrow or break it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS

from govkg.query import DECIMAL_DIGITS, QueryError, bindings_for, parse_spec, run_query
from tests.fuzz.strategies import fuzz, param_value

LABELS = ["沙湾区", '沙湾区"', "沙湾区\\", '"} UNION { ?e ?p ?l } #', "' } ; DROP ALL ; #", "a\nb", "}", "#",
          "?name", "SERVICE <http://127.0.0.1:9/> {}", "\\u0022", "", " ", "沙湾区 ", "\x00", "<http://x/>"]
QUERY = parse_spec("# Entities labelled so.\n# param name: a label\n"
                   "SELECT ?name ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                   "FILTER(STR(?l) = ?name) } ORDER BY ?e")
CONFIDENT = parse_spec("# Entities at least this sure.\n# param c (optional, decimal): a confidence\n"
                       "SELECT ?c ?e WHERE { ?e <https://example.org/confidence> ?x FILTER(?x >= ?c) } ORDER BY ?e")


def _dataset() -> Dataset:
    ds = Dataset()
    g = ds.graph(URIRef("https://example.org/doc"))
    for i, label in enumerate(LABELS):
        e = URIRef(f"https://example.org/e{i:02d}")
        g.add((e, RDFS.label, Literal(label)))
        g.add((e, URIRef("https://example.org/confidence"), Literal(Decimal(i) / len(LABELS))))
    return ds


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def engine(request, tmp_path_factory):
    """The labelled entities on Oxigraph (a store, as serve and query open it) and in rdflib's memory."""
    if request.param == "rdflib":
        ds = _dataset()
        ds.default_union = True
        yield ds
        return
    from govkg.graph.store import close_store, open_store, write_store

    folder = tmp_path_factory.mktemp("fuzz-store") / "store"
    write_store(_dataset(), folder)
    ds = open_store(folder)
    try:
        yield ds
    finally:
        close_store(ds)


def expected(value: str) -> list[str]:
    return [f"https://example.org/e{i:02d}" for i, label in enumerate(LABELS) if label == value]


@fuzz(200)
@given(value=st.one_of(st.sampled_from(LABELS), param_value()))
@example(value='"} UNION { ?e ?p ?l } #')
@example(value="\\u0022) || true || (\\u0022")
def test_a_value_matches_exactly_the_entities_with_that_label(engine, value: str) -> None:
    result = run_query(engine, QUERY, {"name": value})
    assert result.columns == ("e",)
    assert [str(row[0]) for row in result.rows] == expected(value)


@fuzz(100)
@given(value=st.one_of(st.decimals(allow_nan=True, allow_infinity=True).map(str), param_value(),
                       st.floats().map(str)))
@example(value="1E-7")  # was bound as "1E-7"^^xsd:decimal, ill-typed: no entity matched
@example(value="0.00000000000000000001")  # 20 digits: Oxigraph matched nothing; now refused
@example(value="\r")  # blank: was refused, though an empty value is 0
def test_a_decimal_parameter_is_a_number_from_0_to_1_or_refused(engine, value: str) -> None:
    try:
        number = Decimal(value.strip() or "0")
    except InvalidOperation:
        number = None
    valid = number is not None and number.is_finite() and 0 <= number <= 1
    try:
        result = run_query(engine, CONFIDENT, {"c": value})
    except QueryError as exc:
        too_fine = valid and number.normalize().as_tuple().exponent < -DECIMAL_DIGITS
        assert (not valid and "expected a number from 0 to 1" in str(exc)) or (too_fine and "digits" in str(exc))
        return
    assert valid
    count = sum(1 for i in range(len(LABELS)) if Decimal(i) / len(LABELS) >= number)
    assert result.columns == ("e",) and len(result.rows) == count


@fuzz(100)
@given(names=st.dictionaries(st.text(max_size=8), param_value(), max_size=4))
@example(names={"A²": ""})  # Unicode's \w took it, Oxigraph refused it: "cannot run: The variable name is invalid"
@example(names={"e": ""})
def test_any_parameter_names_are_bound_or_refused(engine, names: dict[str, str]) -> None:
    """A query that declares no parameter takes any name as a variable to bind, or refuses it: nothing else."""
    query = "SELECT ?e ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    try:
        bound = bindings_for(parse_spec(query), names)
        result = run_query(engine, query, names)
    except QueryError as exc:  # a bad name; or on Oxigraph, a variable the query does not project
        assert "bad parameter name" in str(exc) or "in its SELECT projection" in str(exc), str(exc)
        return
    assert {str(v) for v in bound} == set(names)
    expected = {(f"https://example.org/e{i:02d}", label) for i, label in enumerate(LABELS)
                if "e" not in names and names.get("l", label) == label}  # ?e bound to a string matches no IRI
    assert {(str(e), str(label)) for e, label in result.rows} == expected

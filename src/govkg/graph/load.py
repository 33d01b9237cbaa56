"""Reading a graph back: a build output folder or an RDF file."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset
from rdflib.util import guess_format

from govkg.errors import InputError


def load_graph(path: Path | str) -> Dataset:
    """A build folder (its ``graph.trig``) or an RDF file, as a Dataset."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.trig"
    if not path.is_file():
        raise InputError(path, "no such graph file (give a build output folder or an RDF file)")
    fmt = guess_format(str(path)) or ("trig" if path.suffix == ".trig" else None)
    if fmt is None:
        raise InputError(path, f"unknown RDF file type {path.suffix or '(none)'}")
    ds = Dataset(default_union=True)
    try:
        ds.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        raise InputError(path, f"not valid {fmt}: {first}") from None
    return ds

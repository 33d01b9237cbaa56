"""Finding a build's inputs: the files named, and the ``.txt``/``.html``/``.htm`` files under the folders named.

A folder is walked whole, links to files and folders followed (each folder
once, so a link loop ends). What the walk cannot read is an error naming the
path and the reason, never a silent gap: a subfolder that cannot be listed
(permission denied), a link that leads nowhere. govkg's own output is never
read as input: a build folder (one holding the ``.govkg/`` record, with its
``graph.html`` and any export put inside it), a store folder (its
``GOVKG_STORE`` marker) and the folders ``skip`` names (the output and store
folders of the build that asks, which may not exist yet) are left out. A
file named twice, by any path (``seeds/x`` and ``seeds/../seeds/x``, a link
and its target), is one document, under the first path that names it.

Each input has a path the graph publishes as its source
(``govkg:sourcePath``), never an absolute one: its path relative to the
folder that holds the PATH argument it was found through, with ``/``
between folders on every system. A folder given as ``/data/reports`` gives
``reports/2023/x.txt``, a file given directly its name ``x.txt``. When two
inputs would publish the same path (a file of one name in two folders of
one name, two files of one name given directly), the PATHs they came
through take in, for all their files, as many more of their parent folders
as tell them apart (``a/reports/x.txt``, ``b/reports/x.txt``).

>>> import tempfile
>>> top = Path(tempfile.mkdtemp())
>>> for name in ("a.txt", "out/graph.html", "out/.govkg/build.sqlite", "b/c.htm", "b/d.pdf"):
...     (top / name).parent.mkdir(parents=True, exist_ok=True)
...     _ = (top / name).write_text("x")
>>> files, errors = find_inputs([top, top / "a.txt"])
>>> [str(f.path.relative_to(top)) for f in files], errors
(['a.txt', 'b/c.htm'], [])
>>> [f.shown for f in files] == [f"{top.name}/a.txt", f"{top.name}/b/c.htm"]
True
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import InputError
from govkg.graph.output import CACHE_DIR
from govkg.graph.store import MARKER as STORE_MARKER

INPUT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input: the file to read, its document's id, and ``source``, the path the graph publishes for it
    (see the module's text; "" publishes none, None its file's name)."""

    path: Path
    doc_id: str
    source: str | None = None

    @property
    def shown(self) -> str:
        """The path the graph publishes as the document's source ("": none)."""
        return self.path.name if self.source is None else self.source


def find_inputs(paths: Iterable[Path | str], skip: Iterable[Path | str | None] = ()) -> \
        tuple[list[InputFile], list[InputError]]:
    """Expand files and folders into input files (sorted, each with a unique doc id), and the errors met.

    ``skip``: folders never read (a build's ``--out`` and ``--store``); None entries are ignored.
    """
    left_out = {os.path.realpath(s) for s in skip if s is not None}
    files: list[tuple[Path, Path]] = []  # (file, the PATH argument it was found through)
    errors: list[InputError] = []
    for p in map(Path, paths):
        try:
            mode = os.stat(p).st_mode
        except OSError as exc:
            errors.append(InputError(p, _unreadable(p, exc)))
            continue
        if stat.S_ISDIR(mode):
            if os.path.realpath(p) in left_out or _is_govkg_output(p):
                errors.append(InputError(p, "is a govkg build or store folder (or this build's --out or --store); "
                                            "govkg's own output is never read as input"))
                continue
            found: list[Path] = []
            inner = len(errors)
            _walk(p, left_out, set(), found, errors)
            if not found and len(errors) == inner:
                errors.append(InputError(p, "folder holds no .txt, .html or .htm files"))
            files.extend((f, p) for f in sorted(found))
        elif p.suffix.lower() not in INPUT_SUFFIXES:
            errors.append(InputError(p, f"unsupported file type {p.suffix or '(none)'}; expected .txt, .html or .htm"))
        else:
            files.append((p, p))  # a file, or a device or pipe, which reading will tell
    first: dict[str, tuple[Path, Path]] = {}  # one document for each file, under the first path that names it
    for f, arg in files:
        first.setdefault(os.path.realpath(f), (f, arg))
    kept = list(first.values())
    out: list[InputFile] = []
    used: Counter = Counter()
    for (f, _), source in zip(kept, published_paths(kept)):
        base = _slug(f.stem)
        used[base] += 1
        out.append(InputFile(f, base if used[base] == 1 else f"{base}-{used[base]}", source))
    return out, errors


def published_paths(found: list[tuple[Path, Path]]) -> list[str]:
    """The path published for each (file, PATH argument it was found through), all distinct (see the module's text).

    >>> published_paths([(Path("/d/a/reports/x.txt"), Path("/d/a/reports")), (Path("/d/y.txt"), Path("/d/y.txt"))])
    ['reports/x.txt', 'y.txt']
    >>> published_paths([(Path("/a/reports/x.txt"), Path("/a/reports")), (Path("/b/reports/x.txt"), Path("/b/reports")),
    ...                  (Path("/b/reports/y.txt"), Path("/b/reports"))])
    ['a/reports/x.txt', 'b/reports/x.txt', 'b/reports/y.txt']
    """
    above = {arg: Path(os.path.abspath(arg)).parts[1:] for _, arg in found}  # the argument's folders, no root
    below = [f.relative_to(arg).parts if f != arg else () for f, arg in found]
    taken = dict.fromkeys(above, 1)  # how many of the argument's own folders (or its file name) are published
    while True:
        shown = ["/".join(above[arg][-taken[arg]:] + rest) for (_, arg), rest in zip(found, below)]
        count = Counter(shown)
        grow = {arg for (_, arg), s in zip(found, shown) if count[s] > 1 and taken[arg] < len(above[arg])}
        if not grow:  # all distinct (two names of one file are one input: they never get here)
            return shown
        for arg in grow:
            taken[arg] += 1


def _walk(folder: Path, left_out: set[str], seen: set[str], found: list[Path], errors: list[InputError]) -> None:
    """Add the input files under ``folder`` to ``found`` and what cannot be read to ``errors``."""
    real = os.path.realpath(folder)
    if real in seen:  # a link back up, or a second way to the same folder
        return
    seen.add(real)
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        errors.append(InputError(folder, f"cannot read the folder ({exc.strerror or exc}); its files were not built"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            mode = entry.stat().st_mode  # of what a link leads to
        except OSError as exc:
            errors.append(InputError(path, _unreadable(path, exc)))
            continue
        if stat.S_ISDIR(mode):
            if os.path.realpath(path) not in left_out and not _is_govkg_output(path):
                _walk(path, left_out, seen, found, errors)
        elif stat.S_ISREG(mode) and path.suffix.lower() in INPUT_SUFFIXES:
            found.append(path)


def _is_govkg_output(folder: Path) -> bool:
    """Whether ``folder`` is a build folder (it holds the build record's folder) or a govkg store (its marker).

    A folder that cannot be looked into is neither: listing it will say why.
    """
    return os.path.isdir(folder / CACHE_DIR) or os.path.isfile(folder / STORE_MARKER)


def _unreadable(path: Path, exc: OSError) -> str:
    """Why ``path`` cannot be read: a link that leads nowhere, no such file, or the system's reason."""
    if os.path.islink(path) and isinstance(exc, FileNotFoundError):
        return f"a link to {os.readlink(path)}, which does not exist"
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    return f"cannot read ({exc.strerror or exc})"


def _slug(stem: str) -> str:
    return re.sub(r"[\s/\\?#%]+", "_", stem).strip("_") or "document"

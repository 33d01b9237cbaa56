"""Atomic file writing: a temp file in the target folder, then a rename."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_write(path: Path | str, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temp file beside ``path``; rename it over ``path`` only on success.

    An exception inside the block removes the temp file and leaves any existing
    ``path`` untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs get the usual permissions
    try:
        kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def remove_leftovers(path: Path | str) -> int:
    """Remove the temp files :func:`atomic_write` left beside ``path`` in a process that was killed; how many.

    Only while no other process may be writing ``path`` (a build holds its folder's record).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / ".graph.trig.k2j4m1x0.tmp").write_text("half")
    >>> remove_leftovers(folder / "graph.trig"), sorted(folder.iterdir())
    (1, [])
    """
    path = Path(path)
    removed = 0
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
            removed += 1
    return removed


def write_text_atomic(path: Path | str, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    with atomic_write(path) as fh:
        fh.write(text)


def write_folder(folder: Path | str, files: dict[str, str], what: str) -> None:
    """Write text ``files`` (name -> content) into ``folder``, each atomically (UTF-8, no BOM).

    ``what`` names the export in messages. Raises :class:`~govkg.errors.OutputError`
    when ``folder`` is a file or cannot be written.
    """
    from govkg.errors import OutputError

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: the {what} export needs a folder, not a file")
    try:
        for name, text in files.items():
            with atomic_write(folder / name) as fh:
                fh.write(text)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write the {what} export: {exc}") from exc

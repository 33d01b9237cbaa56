"""The exceptions govkg raises. Only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class GovkgError(Exception):
    """Base class of every error govkg raises on purpose."""


class InputError(GovkgError):
    """An input file cannot be read or understood.

    >>> str(InputError("a.txt", "not a text file"))
    'a.txt: not a text file'
    """

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):  # picklable: workers send these back to the parent process
        return (InputError, (self.path, self.reason))


class OutputError(GovkgError):
    """An output cannot be written."""


class CurationError(GovkgError):
    """The curation file cannot be read or holds a line that is not a decision."""


class ClusterError(GovkgError):
    """The Dask cluster a build was sent to cannot be used: unreachable, no workers, or other govkg code."""

"""A linear model over binary features: one weight per feature and class, softmax over the classes.

Trained by :mod:`govkg.decide.train` (scikit-learn's multinomial logistic
regression) and shipped as ``decide/data/model.json``; applying it needs
nothing but this module. The classes are the six entity types and
:data:`REJECT`.

>>> m = Model(("Park", REJECT), (0.0, 0.0), {"type=Park": (1.0, -1.0)})
>>> round(m.probabilities({"type=Park", "unknown"})["Park"], 3)
0.881
>>> m.explain({"type=Park"}, "Park")
[('type=Park', 2.0)]
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

REJECT = "none"
"""The class of a candidate that is no entity at all."""

MODEL_FILE = "model.json"


@dataclass(frozen=True)
class Model:
    """Classes, one bias per class, and per feature one weight per class."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, features: Iterable[str]) -> list[float]:
        """Bias plus the weights of ``features``, added in sorted order (a set's order varies between
        processes, and floating-point sums with it)."""
        get = self.weights.get
        rows = [w for w in map(get, sorted(features)) if w is not None]
        # column sums from the bias on, in the same order as adding the rows one by one: the same floats
        return [sum(column) for column in zip(self.bias, *rows)]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Softmax of the class scores."""
        s = self.scores(features)
        top = max(s)
        e = [math.exp(x - top) for x in s]
        z = sum(e)
        return {c: x / z for c, x in zip(self.classes, e)}

    def explain(self, features: Iterable[str], chosen: str, against: str = REJECT, top: int = 6) -> list[tuple[str, float]]:
        """The features that weighed most for ``chosen`` over ``against`` (positive: for it), largest first."""
        i, j = self.classes.index(chosen), self.classes.index(against)
        rows = [(f, round(w[i] - w[j], 3)) for f in features if (w := self.weights.get(f)) is not None]
        rows = [r for r in rows if r[1]]
        rows.sort(key=lambda r: (-abs(r[1]), r[0]))
        return rows[:top]

    def to_json(self) -> str:
        """Canonical JSON (sorted keys, rounded weights): the same model is the same bytes."""
        data = {"classes": list(self.classes), "bias": [round(b, 4) for b in self.bias],
                "weights": {f: [round(x, 4) for x in w] for f, w in sorted(self.weights.items())}}
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        return cls(tuple(data["classes"]), tuple(data["bias"]),
                   {f: tuple(w) for f, w in data["weights"].items()})


def shipped_model() -> Model | None:
    """The model that ships with the package, or None when it has not been trained."""
    entry = resources.files("govkg.decide").joinpath("data", MODEL_FILE)
    if not entry.is_file():
        return None
    return Model.from_json(entry.read_text(encoding="utf-8"))


def model_path() -> Path:
    """Where :func:`shipped_model` reads from in a source checkout (what ``govkg train`` writes)."""
    return Path(str(resources.files("govkg.decide").joinpath("data", MODEL_FILE)))

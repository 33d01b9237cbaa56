#!/usr/bin/env bash
# Train the learned decision from every document with gold in the repo and the judged scale sample
# (tests/data/judged, documents of ../shared/corpus/scale), and write the model the package ships
# (src/govkg/decide/data/model.json); the same data gives the same file, byte for byte.
#   scripts/train.sh [--leave-one-out] [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
judged=()
for f in tests/data/judged/*.tsv; do judged+=(--judged "$f"); done
govkg train --docs seeds --docs tests/data/dev --gold tests/data/gold/seeds --gold tests/data/gold/dev \
    "${judged[@]}" --corpus ../shared/corpus/scale --out src/govkg/decide/data/model.json "$@"

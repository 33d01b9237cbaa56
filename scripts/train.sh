#!/usr/bin/env bash
# Train the learned decision from every document with gold in the repo and write the model the
# package ships (src/govkg/decide/data/model.json); the same data gives the same file, byte for byte.
#   scripts/train.sh [--leave-one-out] [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
govkg train --docs seeds --docs tests/data/dev --gold tests/data/gold/seeds --gold tests/data/gold/dev \
    --out src/govkg/decide/data/model.json "$@"

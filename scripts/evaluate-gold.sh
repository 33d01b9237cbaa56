#!/usr/bin/env bash
# Build the documents that have gold (three seeds, two dev reports) and score them:
#   scripts/evaluate-gold.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
govkg build seeds/001_b22b28e224b33268.txt seeds/003_887c7b99a7c32d83.txt seeds/004_1232a80a64beaf63.txt \
    tests/data/dev --out "$out" --no-html > /dev/null
govkg evaluate "$out" --gold tests/data/gold/seeds --gold tests/data/gold/dev

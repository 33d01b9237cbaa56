#!/usr/bin/env bash
# Build the documents that have gold (the five seeds, three dev reports) and score them (entities and links,
# then the numbers and time with ../shared/gold/score_facts.py):
#   scripts/evaluate-gold.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
govkg build seeds tests/data/dev --out "$out" --no-html > /dev/null
govkg evaluate "$out" --gold tests/data/gold/seeds --gold tests/data/gold/dev
# numbers and time (indicators, investments, milestones), when the shared scorer is there
if [ -f ../shared/gold/score_facts.py ]; then
    gold=$(mktemp -d)
    cp tests/data/gold/seeds/*.json tests/data/gold/dev/*.json "$gold"/
    python3 ../shared/gold/score_facts.py "$out/graph.trig" "$gold"
    rm -r "$gold"
fi

#!/usr/bin/env bash
# Times the edition's build against Hugo's on the same report, in one run
# (paired trials, medians). Needs Go; times the edition alone when hugo is
# not installed (Debian: apt-get install hugo). Not part of CI.
#   generator/bench/hugo-compare.sh [-runs 21] [-scale 1,10,50]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec go run ./generator/bench/compare "$@"

#!/usr/bin/env bash
# Times the score command on a synthetic year of 100,000 members and 10,000,000 entries read from CSV, with the
# JVM's default heap (docs/performance.md). Usage: scripts/benchmark-cli.sh [PRESET] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-city-direct-organs}
runs=${2:-3}
data="target/bench-data/$preset"

mvn -q -B -Pbench package
mvn -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
if [ ! -f "$data/entries.csv" ]; then
    java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" cn.vanguard.bench.SyntheticYear "$preset" 100000 100 "$data"
fi
ls -l "$data"
for run in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    java -jar target/vanguard.jar score --preset "$preset" --year 2025 --members "$data/members.csv" \
        --entries "$data/entries.csv" --assessments "$data/assessments.csv" --out "$data/results.json"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v r="$run" 'BEGIN { printf "run %d: %.1f s\n", r, e - s }'
done

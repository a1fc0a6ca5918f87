#!/usr/bin/env sh
# Evaluator benchmarks, short runs: JMH full scans (compiled predicate, hand-written Java,
# JsonPath), the DuckDB comparison and the retained heap of a loaded fleet, then the ratios.
#   bench/run-evaluator.sh [SIZE]      (default 1000000 twins)
# Numbers from a shared or small machine are noisy; compare ratios, not absolute times.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-1000000}
jar="$root/bench/target/benchmarks.jar"
out="$root/bench/target/evaluator"
mkdir -p "$out"

if [ ! -f "$jar" ] || [ -n "$(find "$root/toolkit/src/main" "$root/bench/src/main" "$root/bench/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests) || (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
fi

echo "== JMH full scan, $size twins =="
# ignoreLock: on a shared machine another user's JMH run must not stop this one.
java -Djmh.ignoreLock=true -jar "$jar" 'MatchBench' -p size="$size" -f 1 -wi 2 -w 2s -i 3 -r 2s \
  -jvmArgs "-Xms6g -Xmx6g" -rf csv -rff "$out/jmh.csv" > "$out/jmh.txt"
tail -6 "$out/jmh.txt"

score() { grep "\"$1\"" "$out/jmh.csv" | cut -d, -f5; }
compiled=$(score 'dev.hubjobs.bench.MatchBench.compiledPredicate')
hand=$(score 'dev.hubjobs.bench.MatchBench.handWrittenLambda')
engine=$(score 'dev.hubjobs.bench.MatchBench.engineColumns')
jsonpath=$(score 'dev.hubjobs.bench.MatchBench.jsonPathFilter')
awk -v c="$compiled" -v h="$hand" -v j="$jsonpath" -v e="$engine" 'BEGIN {
  printf "compiled predicate / hand-written lambda: %.2fx (goal <= 1.2x)\n", c / h
  printf "JsonPath filter / compiled predicate:     %.1fx (goal >= 10x)\n", j / c
  printf "JsonPath filter / engine column scan:     %.1fx (goal >= 10x)\n", j / e
}'

echo "== DuckDB comparison, $size twins =="
java -Xmx4g -cp "$jar" dev.hubjobs.bench.DuckDbComparison "$size" 10 | tee "$out/duckdb.txt"

echo "== Retained heap, $size twins, -Xmx1g =="
/usr/bin/time -f "peak RSS: %M KB" java -Xmx1g -cp "$jar" dev.hubjobs.bench.TwinMemory "$size" 2>&1 | tee "$out/memory.txt"

#!/usr/bin/env sh
# Full validation of a 2 KB job: hubjobs against networknt's JSON Schema validator on
# job.schema.json, in one JMH run; prints the ratio. Numbers from a shared machine are noisy, and
# one JVM's compiler may settle on a slower or faster plan than another's: three forks each.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/bench/target/benchmarks.jar"
out="$root/bench/target/validation"
mkdir -p "$out"
if [ ! -f "$jar" ] || [ -n "$(find "$root/toolkit/src/main" "$root/bench/src/main" "$root/bench/pom.xml" -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q -o -pl bench -am package -DskipTests) || (cd "$root" && mvn -B -q -pl bench -am package -DskipTests)
fi
java -Djmh.ignoreLock=true -jar "$jar" 'ValidationBenchmark' -f 3 -wi 3 -w 2s -i 4 -r 2s \
  -rf csv -rff "$out/jmh.csv" > "$out/jmh.txt"
tail -4 "$out/jmh.txt"
score() { grep "\"$1\"" "$out/jmh.csv" | cut -d, -f5; }
ours=$(score 'dev.hubjobs.bench.ValidationBenchmark.hubjobsValidator')
theirs=$(score 'dev.hubjobs.bench.ValidationBenchmark.jsonSchemaValidator')
awk -v o="$ours" -v t="$theirs" 'BEGIN {
  printf "hubjobs %.1f us/op, JSON Schema (networknt) %.1f us/op: hubjobs / schema = %.2fx (goal <= 1.0x)\n", o, t, o / t }'

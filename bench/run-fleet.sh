#!/usr/bin/env sh
# End to end, from a cold start: ./hubjobs match and a GROUP BY COUNT() query against DuckDB (JDBC,
# read_ndjson on the same file) on the fleet generator's NDJSON (seed 42), in one run, interleaved,
# each command under /usr/bin/time; prints medians, the ratios, the device-set agreement, and the
# export-devices format against NDJSON. With BIG=10000000 it also runs both commands on a fleet of
# that size (about 3.7 GB, written to bench/target/fleet and deleted afterwards).
#   bench/run-fleet.sh [TWINS] [ROUNDS]        (default 1000000 twins, 3 rounds)
# MVN_ARGS is passed to Maven (for example -Dmaven.repo.local=...). Numbers from a shared machine
# are noisy: compare the ratios of one run.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
twins=${1:-1000000}
rounds=${2:-3}
work="$root/bench/target/fleet"
mkdir -p "$work"
bench_jar="$root/bench/target/benchmarks.jar"
cli_jar="$root/cli/target/hubjobs.jar"

if [ ! -f "$bench_jar" ] || [ ! -f "$cli_jar" ] || [ -n "$(find "$root/toolkit/src/main" "$root/cli/src/main" \
    "$root/bench/src/main" -newer "$bench_jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q $MVN_ARGS -DskipTests -pl cli,bench,examples -am package)
fi
# The launcher would rebuild with its own Maven settings if sources looked newer than the jar.
export HUBJOBS_JAR="$cli_jar"

condition="tags.building = '43' AND properties.reported.battery < 20 AND properties.reported.firmware.version NIN ['2.0','2.1']"
group="SELECT tags.building, COUNT() AS n FROM devices GROUP BY tags.building"
fleet="$work/fleet-$twins.ndjson"
export_fleet="$work/export-$twins.txt"
gen() {
  java -cp "$root/examples/target/hubjobs-examples-0.1.0-SNAPSHOT.jar:$cli_jar" dev.hubjobs.examples.GenerateFleet "$1" 42 "$2"
}
[ -f "$fleet" ] || gen "$twins" "$fleet"
[ -f "$export_fleet" ] || java -cp "$bench_jar" dev.hubjobs.bench.ExportFleet "$fleet" "$export_fleet"

# timed NAME OUT COMMAND...: appends "NAME seconds peak-KB" to $work/times
timed() {
  name=$1; out=$2; shift 2
  /usr/bin/time -f "$name %e %M" -a -o "$work/times" "$@" > "$out"
}

: > "$work/times"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=1
while [ "$i" -le "$rounds" ]; do
  timed hubjobs-match "$work/hubjobs-match.txt" "$root/hubjobs" match "$condition" --fleet "$fleet"
  timed duckdb-match "$work/duckdb-match.txt" java -cp "$bench_jar" dev.hubjobs.bench.DuckDbFleet match "$fleet"
  timed hubjobs-group "$work/hubjobs-group.json" "$root/hubjobs" query "$group" --fleet "$fleet"
  timed duckdb-group "$work/duckdb-group.txt" java -cp "$bench_jar" dev.hubjobs.bench.DuckDbFleet group "$fleet"
  timed hubjobs-export "$work/hubjobs-export.txt" "$root/hubjobs" match "$condition" --fleet "$export_fleet"
  i=$((i + 1))
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median() { # median wall seconds and median peak KB of one name
  awk -v n="$1" '$1 == n { print $2, $3 }' "$work/times" | sort -n | awk '{ w[NR] = $1 } END { print w[int((NR + 1) / 2)] }'
  awk -v n="$1" '$1 == n { print $3 }' "$work/times" | sort -n | awk '{ m[NR] = $1 } END { print m[int((NR + 1) / 2)] }'
}
echo "== $twins twins, $rounds rounds, medians =="
set -- $(median hubjobs-match) $(median duckdb-match)
printf 'match:   hubjobs %.2f s %d MB, DuckDB %.2f s %d MB: wall %.2fx, peak RSS %.2fx (goal <= 0.6x, <= 0.5x)\n' \
  "$1" $(($2 / 1024)) "$3" $(($4 / 1024)) "$(echo "$1 / $3" | bc -l)" "$(echo "$2 / $4" | bc -l)"
set -- $(median hubjobs-group) $(median duckdb-group)
printf 'GROUP BY: hubjobs %.2f s %d MB, DuckDB %.2f s %d MB: wall %.2fx, peak RSS %.2fx\n' \
  "$1" $(($2 / 1024)) "$3" $(($4 / 1024)) "$(echo "$1 / $3" | bc -l)" "$(echo "$2 / $4" | bc -l)"
set -- $(median hubjobs-export) $(median hubjobs-match)
printf 'export-devices vs NDJSON (match): %.2f s vs %.2f s: %.2fx (goal <= 1.2x)\n' "$1" "$3" "$(echo "$1 / $3" | bc -l)"

# Agreement: the same device set, apart from the twins whose tag is spelled 'Building', which the
# query language's case-insensitive names find and DuckDB's exact column names do not.
grep -v ' devices$' "$work/hubjobs-match.txt" | sort > "$work/h.ids"
grep -v ' rows$' "$work/duckdb-match.txt" | sort > "$work/d.ids"
grep '"Building"' "$fleet" | sed 's/^{"deviceId":"\([^"]*\)".*/\1/' | sort > "$work/capital.ids"
both=$(comm -12 "$work/h.ids" "$work/d.ids" | wc -l)
only_h=$(comm -23 "$work/h.ids" "$work/d.ids" | wc -l)
only_h_capital=$(comm -23 "$work/h.ids" "$work/d.ids" | comm -12 - "$work/capital.ids" | wc -l)
only_d=$(comm -13 "$work/h.ids" "$work/d.ids" | wc -l)
echo "device sets: $both in both; $only_h only in hubjobs, of which $only_h_capital spell the tag 'Building'; $only_d only in DuckDB"
same_export=$(cmp -s "$work/hubjobs-match.txt" "$work/hubjobs-export.txt" && echo same || echo DIFFERENT)
echo "export-devices match output: $same_export as NDJSON's"
tr -d ' \n' < "$work/hubjobs-group.json" | sed 's/},{/}\n{/g'; echo
awk -F'\t' 'NF == 2 { printf "%s=%s ", $1, $2 } END { print "(DuckDB, exact-case building)" }' "$work/duckdb-group.txt"

if [ -n "$BIG" ]; then
  big="$work/fleet-$BIG.ndjson"
  echo "== $BIG twins =="
  df -h "$work" | tail -1
  [ -f "$big" ] || gen "$BIG" "$big"
  ls -l "$big"
  : > "$work/times"
  timed hubjobs-match "$work/big-match.txt" "$root/hubjobs" match "$condition" --fleet "$big"
  timed hubjobs-group "$work/big-group.json" "$root/hubjobs" query "$group" --fleet "$big"
  timed duckdb-match "$work/big-duckdb.txt" java -cp "$bench_jar" dev.hubjobs.bench.DuckDbFleet match "$big"
  awk '{ printf "%-14s %7.2f s  peak RSS %4d MB\n", $1, $2, $3 / 1024 }' "$work/times"
  tail -1 "$work/big-match.txt"
  rm -f "$big"
fi

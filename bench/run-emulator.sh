#!/usr/bin/env sh
# `hubjobs serve` under load, end to end, each server a real process on a fresh data directory
# that imports the fleet generator's twins (seed 42):
#  1. twin reads and patches (half each, random devices) from 50 keep-alive HTTPS clients
#     (dev.hubjobs.bench.EmulatorLoad), against `./hubjobs serve` (the JDK's HTTPS server) and then
#     against the same hub and routes behind Jetty 12 (dev.hubjobs.emulator.JettyServe, bench only):
#     requests/s, p50/p99 latency, errors, the server's RSS after the run (VmRSS, VmHWM), and the
#     ratio of the two servers;
#  2. a twin-update job over every device at --tier S3 --units 10 (500 devices/s of job time) and
#     --clock-speed CLOCK: import time, then wall time from the job request to `completed`.
#   bench/run-emulator.sh [REQUESTS]       (default 1000000 requests per server)
# DEVICES (default 100000), CLIENTS (50), PATCH (percent, 50), CLOCK (20), SERVERS ("jdk jetty"),
# STORE=memory (--in-memory instead of the SQLite file), JOB=0 (no job), MVN_ARGS (passed to Maven, for example
# -Dmaven.repo.local=...). Both servers run one after the other on the same machine, so compare
# the ratio of one run; on a shared machine the absolute figures move with the other load.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-1000000}
devices=${DEVICES:-100000}
clients=${CLIENTS:-50}
patch=${PATCH:-50}
clock=${CLOCK:-20}
servers=${SERVERS:-jdk jetty}
work="$root/bench/target/emulator"
mkdir -p "$work"
bench_jar="$root/bench/target/benchmarks.jar"
cli_jar="$root/cli/target/hubjobs.jar"
case ${STORE:-sqlite} in
  memory) store_args=--in-memory ;;
  sqlite) store_args= ;;
  *) echo "STORE must be sqlite or memory" >&2; exit 2 ;;
esac

if [ ! -f "$bench_jar" ] || [ ! -f "$cli_jar" ] || [ -n "$(find "$root/grammar/src" "$root/toolkit/src/main" \
    "$root/emulator/src/main" "$root/cli/src/main" "$root/bench/src/main" "$root/bench/pom.xml" \
    -newer "$bench_jar" -print -quit)" ] || [ -n "$(find "$root/emulator/src/main" "$root/cli/src/main" \
    -newer "$cli_jar" -print -quit)" ]; then
  (cd "$root" && mvn -B -q $MVN_ARGS -DskipTests -pl cli,bench -am package)
fi
# The launcher would rebuild with its own Maven settings if sources looked newer than the jar.
export HUBJOBS_JAR="$cli_jar"
# Jetty runs with the JVM options the launcher gives `serve` (its own case, else the default one).
serve_opts=$(sed -n 's/^ *serve) jvm_opts="\(.*\)" ;;$/\1/p' "$root/hubjobs")
[ -n "$serve_opts" ] || serve_opts=$(sed -n 's/^ *\*) jvm_opts="\(.*\)" ;;$/\1/p' "$root/hubjobs")

fleet="$work/fleet-$devices.ndjson"
[ -f "$fleet" ] || java -cp "$bench_jar" dev.hubjobs.bench.EmulatorLoad fleet "$devices" 42 "$fleet"

now() { date +%s.%N; }

# start SERVER NAME ARGS...: a fresh data directory $work/NAME, the server in the background;
# sets pid, port, key, data and started (seconds from launch to ready: JVM start and fleet import)
start() {
  server=$1; name=$2; shift 2
  data="$work/$name"
  rm -rf "$data"
  t0=$(now)
  if [ "$server" = jetty ]; then
    # shellcheck disable=SC2086
    java $serve_opts -cp "$bench_jar" dev.hubjobs.emulator.JettyServe --port 0 --location "$data" "$@" \
      > "$work/$name.out" 2> "$work/$name.err" &
  else
    "$root/hubjobs" serve --port 0 --location "$data" "$@" > "$work/$name.out" 2> "$work/$name.err" &
  fi
  pid=$!
  until grep -q '^Press Ctrl-C' "$work/$name.out" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name did not start:" >&2; cat "$work/$name.out" "$work/$name.err" >&2; exit 1
    fi
    sleep 0.1
  done
  started=$(echo "$(now) - $t0" | bc -l)
  port=$(sed -n 's/.*listening on https:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/$name.out")
  key=$(sed -n 's/.*SharedAccessKey=\([^ ;]*\).*/\1/p' "$work/$name.out" | head -1)
}

stop() {
  kill "$pid"
  wait "$pid" || true
}

rss() { # VmRSS and VmHWM of the server in MB
  awk '/^VmRSS|^VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$pid/status"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== twins: $requests requests per server, $patch% PATCH, $clients clients, $devices devices, store ${STORE:-sqlite} =="
: > "$work/results"
for server in $servers; do
  # shellcheck disable=SC2086
  start "$server" "load-$server" --fleet "$fleet" --tier S3 --units 10 $store_args
  printf '%s: ready after %.1f s (fleet import of %d devices)\n' "$server" "$started" "$devices"
  java -cp "$bench_jar" dev.hubjobs.bench.EmulatorLoad twins "$port" "$key" "$data" "$devices" "$requests" \
    "$clients" "$patch" | tee "$work/load-$server.txt" | sed "s/^/$server: /"
  echo "$server: server after the run: $(rss)"
  echo "$server $(grep '^RESULT' "$work/load-$server.txt" | cut -d' ' -f2-) $(awk '/^VmRSS|^VmHWM/ { printf "%s=%d ", $1, $2 / 1024 }' "/proc/$pid/status")" \
    >> "$work/results"
  stop
done
if grep -q '^jdk ' "$work/results" && grep -q '^jetty ' "$work/results"; then
  field() { grep "^$1 " "$work/results" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
  printf 'Jetty / JDK: requests/s %.2fx, p99 %.2fx, RSS %.2fx\n' \
    "$(echo "$(field jetty rps) / $(field jdk rps)" | bc -l)" \
    "$(echo "$(field jetty p99) / $(field jdk p99)" | bc -l)" \
    "$(echo "$(field jetty VmRSS:) / $(field jdk VmRSS:)" | bc -l)"
fi

if [ "${JOB:-1}" = 0 ]; then
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
echo "== job: scheduleUpdateTwin over $devices devices, S3 x10, clock x$clock (the throttle alone: $(echo "$devices / 500 / $clock" | bc -l | xargs printf '%.1f') s) =="
# shellcheck disable=SC2086
start jdk job --fleet "$fleet" --tier S3 --units 10 --clock-speed "$clock" $store_args
printf 'import: ready after %.1f s\n' "$started"
java -cp "$bench_jar" dev.hubjobs.bench.EmulatorLoad job "$port" "$key" "$data" "$devices" | sed 's/^/job: /'
echo "job: server after the job: $(rss)"
stop
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Wall time of 'hubjobs validate' for one job file and for 1,000, against ajv-cli validating the
# same files with a JSON schema (draft 2020-12). Prints a Markdown table on stdout.
#
#   scripts/bench-cli.sh [RUNS]        (default 10 runs per command; median reported)
#
# Needs: java 17, Maven (to build the jar once), node + npm (ajv-cli and ajv-formats are installed
# into a scratch directory). Uses hyperfine when it is installed, else a date +%s%N loop.
# BENCH_DIR=dir keeps the scratch directory (and the npm install) between runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT

"$root/hubjobs" --version >/dev/null   # builds cli/target/hubjobs.jar (and its AppCDS archive) if needed
jar="$root/cli/target/hubjobs.jar"

# --- inputs: one file and 1,000 files made from one template with varied ids and conditions ---
mkdir -p "$work/one" "$work/many"
template() {
  printf '{\n  "jobId": "firmware-%05d",\n  "type": "scheduleUpdateTwin",\n' "$1"
  printf '  "queryCondition": "tags.building = '"'"'%d'"'"' AND properties.reported.firmware != '"'"'1.%d.0'"'"'",\n' "$(( $1 % 97 ))" "$(( $1 % 13 ))"
  printf '  "updateTwin": {"etag": "*", "properties": {"desired": {"firmware": "1.%d.0", "rollout": %d}}},\n' "$(( $1 % 13 ))" "$1"
  printf '  "startTime": "2030-01-01T00:00:00Z",\n  "maxExecutionTimeInSeconds": 3600\n}\n'
}
template 0 > "$work/one/job.job.json"
if [ ! -f "$work/many/job-00999.job.json" ]; then
  for i in $(seq 0 999); do template "$i" > "$work/many/job-$(printf %05d "$i").job.json"; done
fi

# --- the peer: ajv-cli with a draft 2020-12 schema of a job request ---
if [ -f "$root/docs/job.schema.json" ]; then
  schema="$root/docs/job.schema.json"; schema_note="docs/job.schema.json"
else
  schema="$work/job.schema.json"; schema_note="interim schema written by this script (docs/job.schema.json absent)"
  cat > "$schema" <<'JSON'
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://hubjobs.dev/schema/job.schema.json",
  "type": "object",
  "required": ["jobId", "type", "queryCondition"],
  "additionalProperties": false,
  "properties": {
    "jobId": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[A-Za-z0-9-]+$"},
    "type": {"enum": ["scheduleDeviceMethod", "scheduleUpdateTwin"]},
    "queryCondition": {"type": "string", "minLength": 1, "maxLength": 8192},
    "startTime": {"type": "string", "format": "date-time"},
    "maxExecutionTimeInSeconds": {"type": "integer", "minimum": 0},
    "cloudToDeviceMethod": {
      "type": "object", "required": ["methodName"],
      "properties": {
        "methodName": {"type": "string", "minLength": 1},
        "payload": true,
        "responseTimeoutInSeconds": {"type": "integer", "minimum": 5, "maximum": 300},
        "connectTimeoutInSeconds": {"type": "integer", "minimum": 0, "maximum": 300}
      },
      "additionalProperties": false
    },
    "updateTwin": {
      "type": "object", "required": ["etag"],
      "properties": {"etag": {"const": "*"}, "tags": {"type": "object"},
                     "properties": {"type": "object", "properties": {"desired": {"type": "object"}}}}
    }
  },
  "allOf": [
    {"if": {"properties": {"type": {"const": "scheduleDeviceMethod"}}},
     "then": {"required": ["cloudToDeviceMethod"], "not": {"required": ["updateTwin"]}}},
    {"if": {"properties": {"type": {"const": "scheduleUpdateTwin"}}},
     "then": {"required": ["updateTwin"], "not": {"required": ["cloudToDeviceMethod"]}}}
  ]
}
JSON
fi
if [ ! -x "$work/node_modules/.bin/ajv" ]; then
  (cd "$work" && npm init -y >/dev/null 2>&1 && npm install --silent --no-audit --no-fund ajv-cli ajv-formats >/dev/null 2>&1)
fi
ajv="$work/node_modules/.bin/ajv"
ajv_version=$(cd "$work" && node -p 'require("ajv-cli/package.json").version + " (ajv " + require("ajv/package.json").version + ")"')

# --- variants of hubjobs: the launcher (AppCDS + C1), the jar without the archive, plain java -jar ---
mkdir -p "$work/nocds"
cp "$jar" "$work/nocds/hubjobs.jar"   # no hubjobs.jsa beside this copy: the launcher runs it without CDS

# Both tools must accept every generated file, or the comparison would time error paths.
"$root/hubjobs" validate "$work/many" >/dev/null || { echo "hubjobs rejects the generated files" >&2; exit 1; }
"$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$schema" -d "$work/many/*.job.json" >/dev/null 2>&1 \
  || { echo "ajv rejects the generated files" >&2; exit 1; }

declare -a names cmds
add() { names+=("$1"); cmds+=("$2"); }
for set in one many; do
  if [ $set = one ]; then target="$work/one/job.job.json"; ajv_data="$work/one/job.job.json"; label="1 file"
  else target="$work/many"; ajv_data="$work/many/*.job.json"; label="1,000 files"; fi
  add "$label: ./hubjobs validate (AppCDS)" "$root/hubjobs validate $target"
  add "$label: ./hubjobs validate (no CDS)" "HUBJOBS_JAR=$work/nocds/hubjobs.jar $root/hubjobs validate $target"
  add "$label: java -jar hubjobs.jar validate" "java -jar $jar validate $target"
  add "$label: ajv validate --spec=draft2020 --strict=false" "$ajv validate --spec=draft2020 --strict=false -c ajv-formats -s $schema -d '$ajv_data'"
done

measure() {  # command -> "median wall ms | mean CPU (user+sys) ms" over $runs runs, after one warm-up
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    node -p 'const r = require(process.argv[1]).results[0];
      Math.round(r.median * 1000) + " ms | " + Math.round((r.user + r.system) * 1000) + " ms"' "$work/h.json"
  else
    sh -c "$1" >/dev/null 2>&1 || true
    for _ in $(seq "$runs"); do
      s=$(date +%s%N); sh -c "$1" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
    done | sort -n | awk '{a[NR]=$1} END {print ((NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)) " ms | n/a"}'
  fi
}

tool=$(command -v hyperfine >/dev/null 2>&1 && hyperfine --version || echo "date +%s%N loop")
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
echo "$(java -version 2>&1 | head -1), node $(node --version), ajv-cli $ajv_version; $tool, median of $runs runs."
echo "ajv schema: $schema_note. Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| command | median wall time | mean CPU time (user+sys) |"
echo "|---|---:|---:|"
for i in "${!names[@]}"; do
  echo "| ${names[$i]} | $(measure "${cmds[$i]}") |"
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."

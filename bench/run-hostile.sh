#!/usr/bin/env sh
# Times `hubjobs validate` and `hubjobs validate --fix` on hostile job files at the 4 MB size
# limit, each a unit repeated in a JSON array: the documentation's JavaScript-style sample
# (unquoted keys, single quotes, placeholders: 166,600 findings, 98,000 fixes), the same on one
# line (a quarter of a million findings), empty jobs, strings of raw control characters, bare
# words as duplicate keys and values, trailing commas, duplicate keys. The goal is at most 2 s
# for each, the whole command from a cold start, on the 2-core build machine. Prints wall time
# and peak RSS (medians of RUNS runs, 3 unless set), the findings, and whether the goal is met.
#
#   bench/run-hostile.sh            # RUNS=5 bench/run-hostile.sh for steadier medians
#
# Needs /usr/bin/time (Debian package "time"). Files go to bench/target/hostile/.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
work="$root/bench/target/hostile"
mkdir -p "$work"
limit=4194304

# repeat NAME [SIZE]: [UNIT,UNIT,...] of the unit on standard input, as close under SIZE (the
# size limit unless given) as whole units go
repeat() {
  cat > "$work/unit"
  awk -v limit="${2:-$limit}" '{ unit = unit (NR > 1 ? "\n" : "") $0 } END {
    n = int((limit - 2) / (length(unit) + 2)); printf "["
    for (i = 0; i < n; i++) printf "%s%s", (i ? ",\n" : ""), unit
    print "]" }' "$work/unit" > "$work/$1.job.json"
}
docs_sample="$root/toolkit/src/test/resources/rules/HJ002/bad-docs-method-sample.job.json"
# 3.96 MB: fixed, it still fits under the limit.
repeat docs-sample 3960000 < "$docs_sample"
# The same on one line, denser: its line comments become block comments. Fixed, it would be
# larger than the limit, so --fix leaves it as it is.
sed 's|//\(.*\)$|/*\1 */|' "$docs_sample" | tr -s ' \n' ' ' | repeat docs-sample-dense
echo '{}' | repeat empty-jobs
printf '"\001\001\001\001\001\001\001\001\001\001\001"\n' | repeat control-characters
echo '{a:a,a:a,a:a}' | repeat bare-words
echo '{"jobId":"j",}' | repeat trailing-commas
echo '{"a":1,"a":1,"a":1,"a":1}' | repeat duplicate-keys

"$root/hubjobs" --version > /dev/null # builds the jar if needed, outside the timings

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-20s %-10s %8s %9s %9s  %s\n' document command wall 'peak RSS' findings 'goal (2 s)'
for doc in docs-sample docs-sample-dense empty-jobs control-characters bare-words trailing-commas duplicate-keys; do
  for command in validate fix; do
    : > "$work/times"
    i=0
    while [ $i -lt "$runs" ]; do
      cp "$work/$doc.job.json" "$work/run.job.json"
      if [ $command = fix ]; then set -- validate --fix; else set -- validate; fi
      /usr/bin/time -f '%e %M' -a -o "$work/times" "$root/hubjobs" "$@" "$work/run.job.json" \
        > "$work/report.txt" 2> /dev/null || true
      i=$((i + 1))
    done
    # (time also writes "Command exited with non-zero status 1": the files have errors)
    wall=$(awk 'NF == 2 { print $1 }' "$work/times" | median)
    rss=$(awk 'NF == 2 { print $2 }' "$work/times" | median)
    findings=$(tail -1 "$work/report.txt" | sed -n 's/^1 files, \([0-9]*\) errors, \([0-9]*\) warnings.*/\1+\2/p' | bc)
    goal=met
    [ "$(echo "$wall > 2" | bc)" = 1 ] && goal=MISSED
    printf '%-20s %-10s %6.2f s %6d MB %9s  %s\n' "$doc" "$command" "$wall" $((rss / 1024)) "$findings" "$goal"
  done
done

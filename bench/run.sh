#!/usr/bin/env bash
# Times `architect scan --format json` on generated repositories and on real folders.
#
#   bench/run.sh [--sizes "10000 100000 1000000"] [--path DIR ...] [--runs N] [--seed N]
#                [--no-baseline] [--no-build]
#
# Builds the CLI in Release once, generates each size with bench/generate.py (cached in
# /tmp/architect-bench/<size>, regenerated when the generator or seed changes), then runs each target
# once to read statistics.lines from the JSON and warm the file cache, and N more times under
# /usr/bin/time. Prints one row per target: lines, median wall seconds, lines per second, peak RSS.
# The first row is a fixed reference workload (generated 10k lines, seed 1); the last column is each
# target's median time divided by the reference's, so runs on different machines or sessions can be
# compared as ratios.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${ARCHITECT_BENCH_CACHE:-/tmp/architect-bench}"
sizes="10000 100000 1000000"
paths=()
runs=3
seed=1
baseline=1
build=1

usage() {
    local code="${1:-2}"
    if [[ "$code" == 0 ]]; then
        sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    else
        sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    fi
    exit "$code"
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) sizes="${2:?--sizes needs a value}"; shift 2 ;;
        --path) paths+=("${2:?--path needs a directory}"); shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --no-baseline) baseline=0; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) usage 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage ;;
    esac
done

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive number" >&2; exit 2; }
for p in "${paths[@]+"${paths[@]}"}"; do
    [[ -d "$p" ]] || { echo "run.sh: not a directory: $p" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time (GNU time) is required" >&2; exit 2; }

if [[ "$build" == 1 ]]; then
    echo "building src/BackendArchitect.Cli (Release)..." >&2
    dotnet build "$repo/src/BackendArchitect.Cli" -c Release -v q -nologo >&2
fi
architect="$(ls -d "$repo"/src/BackendArchitect.Cli/bin/Release/net*/architect 2>/dev/null | sort | tail -n 1)"
[[ -x "$architect" ]] || { echo "run.sh: no Release build of the CLI found; run without --no-build" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

generator_hash="$(sha256sum "$repo/bench/generate.py" | cut -c1-16)"

# Prints the directory of a generated repository of $1 lines with seed $2, generating it if needed.
generated() {
    local lines="$1" gen_seed="$2"
    local dir="$cache/$lines"
    [[ "$gen_seed" == 1 ]] || dir="$cache/$lines-seed$gen_seed"
    local stamp="generator=$generator_hash lines=$lines seed=$gen_seed"
    if [[ ! -f "$dir/.bench-stamp" || "$(cat "$dir/.bench-stamp")" != "$stamp" ]]; then
        mkdir -p "$cache"
        python3 "$repo/bench/generate.py" --lines "$lines" --out "$dir" --seed "$gen_seed" >&2
        echo "$stamp" > "$dir/.bench-stamp"
    fi
    echo "$dir"
}

# Measures one directory; prints "lines median_seconds peak_rss_kb".
measure() {
    local dir="$1" json="$work/scan.json" err="$work/stderr" timing="$work/time"
    if ! "$architect" scan "$dir" --format json --no-progress > "$json" 2> "$err"; then
        echo "run.sh: architect scan failed on $dir:" >&2
        cat "$err" >&2
        return 1
    fi
    local lines
    lines="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["statistics"]["lines"])' "$json")"
    : > "$work/times"
    for _ in $(seq "$runs"); do
        if ! /usr/bin/time -f "%e %M" -o "$timing" "$architect" scan "$dir" --format json --no-progress > /dev/null 2> "$err"; then
            echo "run.sh: architect scan failed on $dir:" >&2
            cat "$err" >&2
            return 1
        fi
        tail -n 1 "$timing" >> "$work/times"
    done
    python3 - "$lines" "$work/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[2]) if line.strip()]
wall = statistics.median(float(r[0]) for r in rows)
rss = max(int(r[1]) for r in rows)
print(sys.argv[1], f"{wall:.2f}", rss)
PY
}

rows=()
add_row() {
    local label="$1" dir="$2" result
    echo "measuring $label ($dir)..." >&2
    result="$(measure "$dir")"
    rows+=("$label $result")
}

if [[ "$baseline" == 1 ]]; then
    add_row "baseline:gen-10k" "$(generated 10000 1)"
fi
for size in $sizes; do
    [[ "$size" =~ ^[0-9]+$ ]] || { echo "run.sh: not a size in lines: $size" >&2; exit 2; }
    add_row "gen-$size" "$(generated "$size" "$seed")"
done
for p in "${paths[@]+"${paths[@]}"}"; do
    add_row "$(cd "$p" && pwd)" "$p"
done

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "architect $commit, dotnet $(dotnet --version), $(nproc) cores${cpu:+, $cpu}, $runs timed runs per target (median)"
printf '%s\n' "${rows[@]}" | python3 -c '
import sys
rows = [line.rsplit(None, 3) for line in sys.stdin if line.strip()]
base = next((float(r[2]) for r in rows if r[0].startswith("baseline:")), None)
header = ["target", "lines", "median s", "lines/s", "peak RSS MB", "time/baseline"]
table = []
for label, lines, wall, rss in rows:
    lines, wall, rss = int(lines), float(wall), int(rss)
    speed = f"{lines / wall:,.0f}" if wall > 0 else "-"
    ratio = f"{wall / base:.2f}" if base else "-"
    table.append([label, f"{lines:,}", f"{wall:.2f}", speed, f"{rss / 1024:.0f}", ratio])
widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
def fmt(r):
    return "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"
print(fmt(header))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in table:
    print(fmt(r))
'

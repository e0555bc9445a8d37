#!/usr/bin/env bash
# Times `architect` on generated repositories and real folders, per shipped form, with start-up rows
# and a side-by-side row against squawk.
#
#   bench/run.sh [--sizes "10000 100000 1000000"] [--path DIR ...] [--forms "build portable r2r aot"]
#                [--program NAME=PATH ...] [--startup] [--squawk DIR] [--review] [--runs N] [--seed N]
#                [--no-baseline] [--no-build]
#
# --forms: which builds to time. build: the Release build's apphost (the default, what a developer
# runs); portable: the framework-dependent package contents; r2r: ReadyToRun for linux-x64; aot:
# Native AOT for linux-x64 (needs clang and zlib1g-dev). Each is published once per run into
# /tmp/architect-bench/forms/<form> (skipped with --no-build, which reuses what is there).
# --program NAME=PATH times another build beside them (e.g. one of an earlier commit, to read a change
# as a ratio); programs come first, so the baseline row is measured with the first of them.
# --startup adds two rows per form: `--version`, and `db lint` of the sample's two migrations.
# --squawk DIR adds `db lint DIR` per form and one row of squawk (npm: squawk-cli) on the same files.
# --review adds, beside each --path's scan row, a row of `review` of the same folder (every rule family), so
# the review's cost reads as a ratio to the scan measured in the same run.
# Generated sizes come from bench/generate.py (cached in /tmp/architect-bench/<size>, regenerated when
# the generator or seed changes). Each target runs once to warm the file cache (and, for scans, to
# read statistics.lines from the JSON), then N more times under /usr/bin/time; the targets of one
# repetition run one after another, form by form, so machine noise hits every form alike. Prints one
# row per target and form: lines, median wall seconds, lines per second, peak RSS. The first row is a
# fixed reference workload (generated 10k lines, seed 1, first form); the last column is each row's
# median divided by the reference's, so runs on different machines or sessions compare as ratios.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${ARCHITECT_BENCH_CACHE:-/tmp/architect-bench}"
sizes="10000 100000 1000000"
paths=()
forms="build"
declare -A program
programs=""
startup=0
review=0
squawk_dir=""
runs=3
seed=1
baseline=1
build=1

usage() {
    local code="${1:-2}"
    if [[ "$code" == 0 ]]; then
        sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    else
        sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    fi
    exit "$code"
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) sizes="${2?--sizes needs a value}"; shift 2 ;;
        --path) paths+=("${2:?--path needs a directory}"); shift 2 ;;
        --forms) forms="${2:?--forms needs a value}"; shift 2 ;;
        --program)
            [[ "${2:-}" =~ ^([A-Za-z0-9_-]+)=(.+)$ ]] || { echo "run.sh: --program needs NAME=PATH" >&2; exit 2; }
            [[ -x "${BASH_REMATCH[2]}" ]] || { echo "run.sh: not a program: ${BASH_REMATCH[2]}" >&2; exit 2; }
            program[${BASH_REMATCH[1]}]="$(cd "$(dirname "${BASH_REMATCH[2]}")" && pwd)/$(basename "${BASH_REMATCH[2]}")"
            programs="$programs ${BASH_REMATCH[1]}"; shift 2 ;;
        --startup) startup=1; shift ;;
        --review) review=1; shift ;;
        --squawk) squawk_dir="${2:?--squawk needs a directory}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --no-baseline) baseline=0; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) usage 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage ;;
    esac
done

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive number" >&2; exit 2; }
for p in "${paths[@]+"${paths[@]}"}" ${squawk_dir:+"$squawk_dir"}; do
    [[ -d "$p" ]] || { echo "run.sh: not a directory: $p" >&2; exit 2; }
done
for form in $forms; do
    [[ "$form" =~ ^(build|portable|r2r|aot)$ ]] || { echo "run.sh: unknown form: $form" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time (GNU time) is required" >&2; exit 2; }

cli="$repo/src/BackendArchitect.Cli"
# Publishes one form and prints the path of its program.
publish() {
    local form="$1" out="$cache/forms/$1"
    case "$form" in
        build)
            [[ "$build" == 1 ]] && dotnet build "$cli" -c Release -v q -nologo >&2
            out="$cli/bin/Release/net10.0" ;;
        portable)
            [[ "$build" == 1 ]] && { rm -rf "$out"; dotnet publish "$cli" -c Release -v q -nologo -o "$out" >&2; } ;;
        r2r)
            [[ "$build" == 1 ]] && { rm -rf "$out"; dotnet publish "$cli" -c Release -v q -nologo -r linux-x64 -o "$out" >&2; } ;;
        aot)
            [[ "$build" == 1 ]] && { rm -rf "$out"; dotnet publish "$cli" -c Release -v q -nologo -r linux-x64 \
                -p:RuntimeIdentifiers=linux-x64 -p:PublishAot=true -p:SelfContained=true -o "$out" >&2; } ;;
    esac
    [[ -x "$out/architect" ]] || { echo "run.sh: no $form build in $out; run without --no-build" >&2; exit 2; }
    echo "$out/architect"
}

for form in $forms; do
    echo "publishing the $form form..." >&2
    program[$form]="$(publish "$form")"
done
forms="${programs# } $forms"
forms="${forms# }"

squawk=""
if [[ -n "$squawk_dir" ]]; then
    squawk="$repo/artifacts/squawk/node_modules/.bin/squawk"
    [[ -x "$squawk" ]] || npm install --silent --no-audit --no-fund --prefix "$repo/artifacts/squawk" squawk-cli@2.66.0 >/dev/null
    mapfile -t squawk_files < <(find "$squawk_dir" -maxdepth 1 -name '*.sql' | sort)
fi

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

# Targets: a label, a form, whether the exit code counts (linters exit non-zero on findings), and a command.
labels=(); target_forms=(); strict=(); commands=()
add_target() {
    labels+=("$1"); target_forms+=("$2"); strict+=("$3"); shift 3
    commands+=("$(printf '%q ' "$@")")
}

first_form="${forms%% *}"
if [[ "$baseline" == 1 ]]; then
    add_target "baseline:gen-10k" "$first_form" 1 "${program[$first_form]}" scan "$(generated 10000 1)" --format json --no-progress
fi
for size in $sizes; do
    [[ "$size" =~ ^[0-9]+$ ]] || { echo "run.sh: not a size in lines: $size" >&2; exit 2; }
    dir="$(generated "$size" "$seed")"
    for form in $forms; do add_target "gen-$size" "$form" 1 "${program[$form]}" scan "$dir" --format json --no-progress; done
done
for p in "${paths[@]+"${paths[@]}"}"; do
    for form in $forms; do add_target "$(cd "$p" && pwd)" "$form" 1 "${program[$form]}" scan "$p" --format json --no-progress; done
    if [[ "$review" == 1 ]]; then
        for form in $forms; do add_target "review:$(cd "$p" && pwd)" "$form" 1 "${program[$form]}" review "$p" --format json --no-progress; done
    fi
done
if [[ "$startup" == 1 ]]; then
    for form in $forms; do add_target "startup:--version" "$form" 1 "${program[$form]}" --version; done
    for form in $forms; do add_target "startup:db-lint-sample" "$form" 0 "${program[$form]}" db lint "$repo/samples/ShopBackend/db/migrations" --format json; done
fi
if [[ -n "$squawk_dir" ]]; then
    for form in $forms; do add_target "db-lint:$(basename "$squawk_dir")" "$form" 0 "${program[$form]}" db lint "$squawk_dir" --format json; done
    add_target "db-lint:$(basename "$squawk_dir")" "squawk" 0 "$squawk" "${squawk_files[@]}"
fi

# Runs target $1 once; appends "wall rss" to $work/times.$1 unless $2 is "warm". The wall time is read
# with nanosecond clocks around the run (GNU time's own is in hundredths, too coarse for start-up).
run_target() {
    local i="$1" timing="$work/time" out="$work/out" err="$work/err" status=0 start end
    start=$(date +%s%N)
    eval "/usr/bin/time -f '%M' -o '$timing' ${commands[$i]}" > "$out" 2> "$err" || status=$?
    end=$(date +%s%N)
    if [[ "${strict[$i]}" == 1 && "$status" != 0 ]] || [[ ! -s "$out" ]]; then
        echo "run.sh: ${labels[$i]} (${target_forms[$i]}) failed with exit code $status:" >&2
        cat "$err" >&2
        exit 1
    fi
    if [[ "$2" == warm ]]; then
        if [[ "${commands[$i]}" == *" scan "* ]]; then
            python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["statistics"]["lines"])' "$out" > "$work/lines.$i"
        else
            echo "-" > "$work/lines.$i"
        fi
    else
        echo "$(( (end - start) / 1000 ))e-6 $(tail -n 1 "$timing")" >> "$work/times.$i"
    fi
}

count=${#labels[@]}
for ((i = 0; i < count; i++)); do
    echo "warming ${labels[$i]} (${target_forms[$i]})..." >&2
    run_target "$i" warm
done
for rep in $(seq "$runs"); do
    echo "timed run $rep of $runs..." >&2
    for ((i = 0; i < count; i++)); do run_target "$i" timed; done
done

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "architect $commit, dotnet $(dotnet --version), $(nproc) cores${cpu:+, $cpu}, $runs timed runs per target (median)"
for ((i = 0; i < count; i++)); do
    echo "${labels[$i]}	${target_forms[$i]}	$(cat "$work/lines.$i")	$work/times.$i"
done | python3 -c '
import statistics, sys
rows = []
for line in sys.stdin:
    label, form, lines, times = line.rstrip("\n").split("\t")
    runs = [r.split() for r in open(times) if r.strip()]
    rows.append((label, form, lines, statistics.median(float(r[0]) for r in runs), max(int(r[1]) for r in runs)))
base = next((r[3] for r in rows if r[0].startswith("baseline:")), None)
header = ["target", "form", "lines", "median s", "lines/s", "peak RSS MB", "time/baseline"]
table = []
for label, form, lines, wall, rss in rows:
    speed = f"{int(lines) / wall:,.0f}" if lines != "-" and wall > 0 else "-"
    count = f"{int(lines):,}" if lines != "-" else "-"
    ratio = f"{wall / base:.2f}" if base else "-"
    table.append([label, form, count, f"{wall:.3f}" if wall < 1 else f"{wall:.2f}", speed, f"{rss / 1024:.0f}", ratio])
widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
def fmt(r):
    return "| " + " | ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"
print(fmt(header))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in table:
    print(fmt(r))
'

#!/usr/bin/env bash
# Times `architect db lint` against squawk (npm: squawk-cli) on the same folder of PostgreSQL
# migrations, alternating runs so machine noise hits both, and prints the medians and their ratio.
#   bench/compare-squawk.sh DIR [RUNS]
# DIR: a folder of .sql files (e.g. ory/kratos's *.postgres.up.sql files copied into one folder).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: bench/compare-squawk.sh DIR [RUNS]}"
runs="${2:-7}"

if [ ! -x artifacts/squawk/node_modules/.bin/squawk ]; then
    npm install --silent --no-audit --no-fund --prefix artifacts/squawk squawk-cli@2.66.0 >/dev/null
fi
dotnet build src/BackendArchitect.Cli -c Release -v quiet -nologo >/dev/null
architect=(dotnet src/BackendArchitect.Cli/bin/Release/net10.0/architect.dll db lint "$dir" --format json)
squawk=(artifacts/squawk/node_modules/.bin/squawk)
mapfile -t files < <(find "$dir" -maxdepth 1 -name '*.sql' | sort)

wall() { /usr/bin/time -f "%e" "$@" >/dev/null 2>/tmp/compare-squawk.time || true; tail -1 /tmp/compare-squawk.time; }
a=(); s=()
for _ in $(seq "$runs"); do
    a+=("$(wall "${architect[@]}")")
    s+=("$(wall "${squawk[@]}" "${files[@]}")")
done

python3 - "${#files[@]}" "${a[*]}" "${s[*]}" <<'PY'
import statistics, sys
files = int(sys.argv[1])
a = [float(x) for x in sys.argv[2].split()]
s = [float(x) for x in sys.argv[3].split()]
ma, ms = statistics.median(a), statistics.median(s)
print(f"{files} files, {len(a)} runs each")
print(f"architect db lint: median {ma:.2f} s  (runs: {' '.join(f'{x:.2f}' for x in a)})")
print(f"squawk:            median {ms:.2f} s  (runs: {' '.join(f'{x:.2f}' for x in s)})")
print(f"ratio architect/squawk: {ma / ms:.2f}")
PY

#!/usr/bin/env bash
# One entry point for the README's commands: `./build.sh sample` scans the bundled sample,
# `./build.sh test` installs what the tests need and runs them. Both work on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Installs Debian packages unless COMMAND is already there (as root, or through sudo).
apt_install() {
  local command="$1"; shift
  if ! ls $command >/dev/null 2>&1; then
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}

# Writes the shipped tool packages to artifacts/packages: the pointer package, one ReadyToRun package
# per RID plus the portable "any" one (one `dotnet pack`), then linux-x64 again as Native AOT, which
# replaces its ReadyToRun package. Native AOT links with clang and needs zlib's headers.
pack() {
  apt_install /usr/bin/clang clang zlib1g-dev
  rm -rf artifacts/packages artifacts/aot-pack
  # The per-RID ReadyToRun builds need the crossgen and runtime packs, which a restore without a RID leaves
  # out (PublishReadyToRun is set only per RID): on a machine whose NuGet cache lacks them the pack fails.
  dotnet restore src/BackendArchitect.Cli -p:PublishReadyToRun=true -v quiet -nologo
  dotnet pack src/BackendArchitect.Cli -c Release -v quiet -nologo
  dotnet pack src/BackendArchitect.Cli -c Release -v quiet -nologo -r linux-x64 -p:RuntimeIdentifiers=linux-x64 \
    -p:PublishAot=true -p:SelfContained=true -p:CopyOutputSymbolsToPublishDirectory=false -o artifacts/aot-pack
  mv -f artifacts/aot-pack/BackendArchitect.Tool.linux-x64.*.nupkg artifacts/packages/
  rm -rf artifacts/aot-pack
}

case "${1:-}" in
  sample)
    shift
    dotnet build src/BackendArchitect.Cli -c Release -v quiet -nologo
    dotnet src/BackendArchitect.Cli/bin/Release/net10.0/architect.dll review samples/ShopBackend "$@"
    ;;
  test)
    # The live-schema tests start a throwaway PostgreSQL cluster; Debian's package provides initdb and pg_ctl.
    apt_install '/usr/lib/postgresql/*/bin/pg_ctl' postgresql
    dotnet build BackendArchitect.slnx -c Release -v quiet -nologo
    dotnet format BackendArchitect.slnx --verify-no-changes --no-restore
    mkdir -p artifacts
    dotnet test BackendArchitect.slnx -c Release --no-build -v quiet --logger "console;verbosity=normal" | tee artifacts/test.log
    # Counted here, printed last: one plain closing line that any CI reads, "N passed, N failed".
    passed=$(sed -n 's/^ *Passed: *\([0-9]*\).*/\1/p' artifacts/test.log | tail -1)
    failed=$(sed -n 's/^ *Failed: *\([0-9]*\).*/\1/p' artifacts/test.log | tail -1)
    python3 -m unittest discover -s bench -p 'test_*.py'
    # The findings tests wrote artifacts/sample.sarif (every SQL rule fixture); the review of the sample and of
    # every review-rule fixture is written beside it. Microsoft's SARIF Multitool checks each file against the
    # schema and the spec's rules. It exits 0 even on errors, so its own SARIF output is read instead.
    architect="dotnet src/BackendArchitect.Cli/bin/Release/net10.0/architect.dll"
    $architect review samples/ShopBackend --format sarif --output artifacts/review-sample.sarif
    $architect review tests/fixtures/rules/cs --format sarif --output artifacts/review-fixtures.sarif
    npm install --silent --no-audit --no-fund --prefix artifacts/sarif-tool @microsoft/sarif-multitool@5.7.0 >/dev/null
    for sarif in artifacts/sample.sarif artifacts/review-sample.sarif artifacts/review-fixtures.sarif; do
      rm -f "$sarif.validation"
      artifacts/sarif-tool/node_modules/.bin/sarif-multitool validate "$sarif" --output "$sarif.validation"
      python3 - "$sarif.validation" "$sarif" <<'PY'
import json, sys
results = [r for run in json.load(open(sys.argv[1]))["runs"] for r in run.get("results", [])]
errors = [r for r in results if r.get("level") == "error"]
for r in errors:
    print(f"SARIF validation of {sys.argv[2]}: {r['ruleId']}: {r['message'].get('text', r['message'])}", file=sys.stderr)
print(f"SARIF validation of {sys.argv[2]}: {len(errors)} errors, {len(results) - len(errors)} warnings or notes")
sys.exit(1 if errors else 0)
PY
    done
    # Every Mermaid diagram the tool writes, for the sample and for a model large enough to be split,
    # rendered by Mermaid's own CLI in Debian's chromium (puppeteer's browser download is skipped):
    # a diagram Mermaid cannot parse fails the run.
    apt_install /usr/bin/chromium chromium
    PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 \
      npm install --silent --no-audit --no-fund --prefix artifacts/mermaid-tool @mermaid-js/mermaid-cli@11.17.0 >/dev/null
    rm -rf artifacts/mermaid
    mkdir -p artifacts/mermaid
    $architect scan samples/ShopBackend --format mermaid --no-progress --output artifacts/mermaid/sample/
    $architect scan samples/ShopBackend --format mermaid --no-progress > artifacts/mermaid/sample-stdout.mmd
    $architect scan tests/fixtures/data/large-model --format mermaid --no-progress --output artifacts/mermaid/large/
    $architect scan tests/fixtures/data/large-model --format mermaid --diagram er --no-progress > artifacts/mermaid/large-er-stdout.mmd
    $architect scan tests/fixtures/endpoints/controllers-auth --format mermaid --output artifacts/mermaid/no-entities/
    $architect db schema samples/ShopBackend --format mermaid > artifacts/mermaid/sample-schema.mmd 2>/dev/null
    # One mmdc run (a browser start is seconds) renders every diagram: it reads each mermaid block of a Markdown file.
    diagrams=(artifacts/mermaid/*.mmd artifacts/mermaid/*/*.mmd)
    for f in "${diagrams[@]}"; do printf '```mermaid\n%s\n```\n\n' "$(cat "$f")"; done > artifacts/mermaid/all.md
    no_sandbox=""
    [ "$(id -u)" -eq 0 ] && no_sandbox=', "--no-sandbox"'
    printf '{ "executablePath": "/usr/bin/chromium", "args": ["--disable-gpu"%s] }\n' "$no_sandbox" > artifacts/mermaid/puppeteer.json
    artifacts/mermaid-tool/node_modules/.bin/mmdc -q -p artifacts/mermaid/puppeteer.json -i artifacts/mermaid/all.md -o artifacts/mermaid/all.svg
    rendered=$(find artifacts/mermaid -maxdepth 1 -name 'all-*.svg' | wc -l)
    echo "Mermaid: $rendered of ${#diagrams[@]} diagrams rendered"
    [ "$rendered" -eq "${#diagrams[@]}" ]
    # The packaged tool installs as users get it (on linux-x64, the Native AOT build), and every test that
    # runs the CLI runs again against that installed program.
    pack
    rm -rf artifacts/tool
    dotnet tool install --tool-path artifacts/tool --add-source artifacts/packages BackendArchitect.Tool >/dev/null
    installed=$(find artifacts/tool/.store -type f -name architect -path '*linux-x64*')
    [ -n "$installed" ] && [ -z "$(find artifacts/tool/.store -name 'architect.dll')" ] \
      || { echo "the installed tool is not the Native AOT build" >&2; exit 1; }
    artifacts/tool/architect scan samples/ShopBackend --format json > artifacts/sample-scan.json
    echo "tool smoke test: $(grep -c '"route"' artifacts/sample-scan.json) endpoints in the sample"
    ARCHITECT_BINARY="$PWD/artifacts/tool/architect" dotnet test BackendArchitect.slnx -c Release --no-build -v quiet \
      --logger "console;verbosity=normal" | tee artifacts/test-aot.log
    aot_passed=$(sed -n 's/^ *Passed: *\([0-9]*\).*/\1/p' artifacts/test-aot.log | tail -1)
    aot_failed=$(sed -n 's/^ *Failed: *\([0-9]*\).*/\1/p' artifacts/test-aot.log | tail -1)
    echo "against the Native AOT build: ${aot_passed:-0} passed, ${aot_failed:-0} failed"
    echo "${passed:-0} passed, ${failed:-0} failed"
    ;;
  pack)
    pack
    ls artifacts/packages
    ;;
  *)
    echo "usage: ./build.sh sample|test|pack" >&2
    exit 2
    ;;
esac

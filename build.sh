#!/usr/bin/env bash
# One entry point for the README's commands: `./build.sh sample` scans the bundled sample,
# `./build.sh test` installs what the tests need and runs them. Both work on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "${1:-}" in
  sample)
    shift
    dotnet build src/BackendArchitect.Cli -c Release -v quiet -nologo
    dotnet src/BackendArchitect.Cli/bin/Release/net10.0/architect.dll scan samples/ShopBackend "$@"
    ;;
  test)
    # The live-schema tests start a throwaway PostgreSQL cluster; Debian's package provides initdb and pg_ctl.
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
      sudo_cmd=""
      [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
      $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    dotnet build BackendArchitect.slnx -c Release -v quiet -nologo
    dotnet format BackendArchitect.slnx --verify-no-changes --no-restore
    dotnet test BackendArchitect.slnx -c Release --no-build -v quiet --logger "console;verbosity=normal"
    python3 -m unittest discover -s bench -p 'test_*.py'
    # The packaged tool installs and runs as users get it.
    rm -rf artifacts/packages artifacts/tool
    dotnet pack src/BackendArchitect.Cli -c Release --no-build -v quiet -nologo
    dotnet tool install --tool-path artifacts/tool --add-source artifacts/packages BackendArchitect.Tool >/dev/null
    artifacts/tool/architect scan samples/ShopBackend --format json > artifacts/sample-scan.json
    echo "tool smoke test: $(grep -c '"route"' artifacts/sample-scan.json) endpoints in the sample"
    ;;
  *)
    echo "usage: ./build.sh sample|test" >&2
    exit 2
    ;;
esac

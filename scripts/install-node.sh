#!/usr/bin/env bash
# npm packages from the lockfile (better-sqlite3 compiles from source, ~1 min cold).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

#!/usr/bin/env bash
# Quick start: install, build and serve the portal on its embedded default — SQLite in ./data,
# the two demo jobcenters, secrets generated into ./data/secrets.json. http://localhost:3000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-node.sh
npm run -s build
echo "Demo jobcenters: postcode 00100–00499 → Jobcenter Musterstadt (Demo), 00500–00999 → Kommunales Jobcenter Beispielkreis (Demo)"
echo "Demo caseworker accounts (created at start outside production; sign in at /sachbearbeitung):"
node_modules/.bin/tsx scripts/admin.ts demo-accounts
# Demo accounts and twelve weeks of demo submissions in each empty demo jobcenter (not in production).
node_modules/.bin/tsx scripts/seed-demo.ts
exec env PORT="${PORT:-3000}" node build/server.js

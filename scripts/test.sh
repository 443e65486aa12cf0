#!/usr/bin/env bash
# Installs what the tests need and runs all of them: typecheck, unit and store tests (SQLite
# and a throw-away PostgreSQL cluster), Playwright (no-JS journeys and server behaviour over
# plain HTTP, the accessibility catalogue of every declared page in German and Arabic at 360 px,
# and a handful of browser journeys in Debian Chromium) and the page-weight budget. ADR 0018
# says what each layer proves and costs. Prints each stage's duration and the total, and ends
# with one line: "N passed, N failed, N skipped". `npm run test:full` (a release) runs every
# browser journey in every browser project with axe on every page, outside CI.
set -uo pipefail
cd "$(dirname "$0")/.."
out=.test-output
rm -rf "$out" && mkdir -p "$out"

started=$SECONDS; stage_start=$SECONDS; stage_name=""; timings=()
# Closes the running stage (recording its duration) and opens the next.
step() {
  [ -n "$stage_name" ] && timings+=("$(printf '%-56s %4d s' "$stage_name" $((SECONDS - stage_start)))")
  stage_name="$*"; stage_start=$SECONDS
  [ -n "$stage_name" ] && { echo; echo "== $*"; }
}
summary() {
  step ""
  echo; echo "== durations"
  printf '%s\n' "${timings[@]}"
  printf '%-56s %4d s\n' "total" $((SECONDS - started))
}

step "install: Debian packages"
bash scripts/install-system.sh || { echo "0 passed, 1 failed"; exit 1; }
step "install: npm packages"
bash scripts/install-node.sh || { echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; skipped=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + ${3:-0})); }

step "typecheck"
if npm run -s typecheck; then count 1 0; else count 0 1; fi

step "build"
if ! npm run -s build; then echo "build failed"; summary; echo "$passed passed, $((failed + 1)) failed"; exit 1; fi

step "PostgreSQL (throw-away cluster)"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
pg_port=$((54000 + RANDOM % 1000))
chown postgres "$pg_dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pg() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres" REQUIRE_POSTGRES=1

step "unit and store tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile="$out/unit.json"
if [ -f "$out/unit.json" ]; then
  read -r p f s < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0), r.numPendingTests + r.numTodoTests)' "$PWD/$out/unit.json")
  count "$p" "$f" "$s"
  # Named again in the summary: CI logs may show only the end of the output.
  node -e 'const r=require(process.argv[1]); for (const f of r.testResults) { if (f.status === "failed" && !f.assertionResults.some((t) => t.status === "failed")) console.log(`vitest: ${f.name}: ${(f.message||"").split("\n")[0]}`); for (const t of f.assertionResults) if (t.status === "failed") console.log(`vitest: ${f.name.split("/tests/")[1]} › ${t.fullName}: ${(t.failureMessages[0]||"").split("\n")[0].slice(0,300)}`) }' "$PWD/$out/unit.json" >> "$out/failures.txt"
else count 0 1; fi

step "Playwright: HTTP journeys, catalogue, browser journeys"
npx playwright test
if [ -f "$out/e2e.json" ]; then
  read -r p f s < <(node -e 'const s=require(process.argv[1]).stats; console.log(s.expected + s.flaky, s.unexpected, s.skipped)' "$PWD/$out/e2e.json")
  count "$p" "$f" "$s"
  node -e 'const walk=(s,path)=>{for(const x of s.suites||[])walk(x,[...path,x.title]);for(const sp of s.specs||[])for(const t of sp.tests)if(t.status==="unexpected"||t.status==="flaky")console.log(`playwright (${t.status}): [${t.projectName}] ${[...path,sp.title].filter(Boolean).join(" › ")}: ${((t.results.at(-1)||{}).error||{}).message?.split("\n")[0]?.slice(0,300)??""}`)};walk(require(process.argv[1]),[])' "$PWD/$out/e2e.json" >> "$out/failures.txt"
else count 0 1; fi

step "page-weight budget"
if npx tsx scripts/budget.ts; then count 1 0; else count 0 1; fi

summary
if [ -s "$out/failures.txt" ]; then echo; echo "== failed or flaky tests"; cat "$out/failures.txt"; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

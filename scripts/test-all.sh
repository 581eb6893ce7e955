#!/usr/bin/env bash
# The whole test suite: static checks, then every test on the embedded PGlite and again on a real
# PostgreSQL server (those that reach a database: scripts/lib/database-tests.mjs), then the browser
# tests (Chromium against a real server). Installs what the suite needs on a fresh Debian machine (hledger and ledger as oracles, PostgreSQL when no server
# answers on 127.0.0.1:5432, Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-deps.sh

ensure_debian_packages
ensure_postgres   # sets TEST_DATABASE_URL

echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx eslint . --max-warnings=0 && npx prettier --check . --log-level warn

mkdir -p test-results
status=0
echo "== tests on PGlite"
env -u DATABASE_URL npx vitest run --reporter=default --reporter=./test/support/shared-data-reporter.ts --reporter=json --outputFile=test-results/pglite.json || status=1
# Again on PostgreSQL, the files that can reach a database (pure-logic files have just run).
mapfile -t database_tests < <(node scripts/lib/database-tests.mjs)
echo "== tests on PostgreSQL ($TEST_DATABASE_URL): ${#database_tests[@]} files that reach a database"
DATABASE_URL="$TEST_DATABASE_URL" npx vitest run "${database_tests[@]}" --reporter=default --reporter=./test/support/shared-data-reporter.ts --reporter=json --outputFile=test-results/postgres.json || status=1
echo "== browser tests (Chromium; screenshots in test-results/screenshots)"
env -u DATABASE_URL npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=./test/support/shared-data-reporter.ts --reporter=json --outputFile=test-results/browser.json || status=1

node scripts/lib/summarize-tests.mjs test-results/pglite.json test-results/postgres.json test-results/browser.json || status=1
exit $status

#!/usr/bin/env bash
# Runs every test: type-check, lint, the unit and integration tests of all packages (database
# code on SQLite and on the PostgreSQL at 127.0.0.1:5432), then the browser smoke test that
# starts the portal and drives it in headless Chromium, and the production smoke test (the
# backend bundle, two instances on PostgreSQL and Redis). Sets up what it needs first.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

# Some tests read the real recorded Terraform states and Consul answers in ../shared/corpus.
# Without it they are skipped, so a plain clone passes its tests; CI (.ci/run) sets
# SI_REQUIRE_CORPUS=1, and there a missing corpus fails the run instead of skipping them.
export SI_SHARED_DIR="${SI_SHARED_DIR:-$(cd "$SI_ROOT/.." && pwd)/shared}"
if [ ! -d "$SI_SHARED_DIR/corpus" ]; then
  [ "${SI_REQUIRE_CORPUS:-}" != 1 ] || si_die "no test corpus at $SI_SHARED_DIR/corpus (the shared/ folder beside this checkout); set SI_SHARED_DIR"
  si_log "no test corpus at $SI_SHARED_DIR/corpus: the tests that read it will be skipped (set SI_SHARED_DIR to a checkout of the shared folder to run them)"
fi

# TestDatabases runs the database tests against this PostgreSQL as well as SQLite.
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"

si_log "type-checking"
# From scratch: the API reports below are read from these declarations, and an incremental
# build may order the members of inferred unions (zod enums) differently from a fresh one.
rm -rf "$SI_ROOT/dist-types"
si_yarn tsc

si_log "formatting (prettier --check; \`yarn prettier --write .\` fixes it)"
si_yarn prettier:check

si_log "linting (Backstage's ESLint rules, e.g. every import declared in its package.json)"
si_yarn backstage-cli repo lint

si_log "API reports (each package's public API as committed, no warnings)"
si_yarn test:api-reports

si_log "unit and integration tests"
CI=true si_yarn backstage-cli repo test "$@"

if [ -z "${SI_SKIP_BROWSER:-}" ]; then
  si_log "browser smoke test"
  bash "$SI_ROOT/scripts/browser.sh"
  node "$SI_ROOT/e2e/portal.smoke.mjs"
fi

# The backend as a production bundle, two instances on the PostgreSQL and Redis at 127.0.0.1
# (e2e/production/twoInstances.mjs, ~4 min). SI_SKIP_PRODUCTION=1 leaves it out.
if [ -z "${SI_SKIP_PRODUCTION:-}" ]; then
  si_log "production smoke: backend bundle, two instances on PostgreSQL and Redis"
  node "$SI_ROOT/e2e/production/twoInstances.mjs"
fi

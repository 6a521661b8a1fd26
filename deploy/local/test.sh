#!/usr/bin/env bash
# npm test: makes sure of the dependencies and the stack, checks format, lint and types, then runs the unit,
# integration and e2e tiers. Exits non-zero on any failure and ends with one "N passed, N failed" line.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
results="$VAR/test-results"
rm -rf "$results" && mkdir -p "$results"

bash deploy/local/deps.sh
bash temporal/dev-server/build.sh
bash deploy/local/fake-s3.sh
bash deploy/local/infra.sh
bash deploy/local/browser.sh

log "format, lint, types"
npm run --silent check

status=0
log "unit tests"
npx jest --config jest.config.ts --json --outputFile "$results/unit.json" || status=1

log "bringing the stack up for the integration and e2e tiers"
bash deploy/local/up.sh

log "integration tests (real PostgreSQL, NATS, Temporal)"
npx jest --config test/jest-integration.config.ts --json --outputFile "$results/integration.json" || status=1

log "e2e tests (the running stack over HTTP)"
npx jest --config test/jest-e2e.config.ts --json --outputFile "$results/e2e.json" || status=1

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const tier of ["unit", "integration", "e2e"]) {
    const file = process.argv[1] + "/" + tier + ".json";
    if (!fs.existsSync(file)) { failed += 1; console.log(tier + ": no results"); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    console.log(tier + ": " + r.numPassedTests + " passed, " + r.numFailedTests + " failed");
  }
  console.log("tests: " + passed + " passed, " + failed + " failed");
' "$results"
exit "$status"

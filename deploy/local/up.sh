#!/usr/bin/env bash
# npm run up: brings the whole local stack up — dependencies, Temporal CLI, PostgreSQL, NATS, the Temporal dev
# server, migrations, the six services and the worker — and waits until GET /health is green. Idempotent.
source "$(dirname "$0")/lib.sh"
started=$SECONDS

bash "$ROOT/deploy/local/deps.sh"
bash "$ROOT/temporal/dev-server/build.sh"
bash "$ROOT/deploy/local/infra.sh"
bash "$ROOT/temporal/dev-server/start.sh"

log "compiling (tsc)"
(cd "$ROOT" && npm run --silent build)

log "applying migrations"
for service in "${SERVICES[@]}" gateway; do
  (cd "$ROOT" && node "dist/apps/$service/src/migrate.js") || fail "migrations of $service failed"
done

log "loading reference data: holiday calendars and the default approval policy (idempotent)"
(cd "$ROOT" && node dist/apps/approval/src/seed/seed-reference.js) || fail "reference data of approval failed"

log "loading the division codes (${DIVISION_PROVINCES:-22}; idempotent)"
# shellcheck disable=SC2086
(cd "$ROOT" && node dist/apps/intake/src/divisions/load-divisions.js ${DIVISION_PROVINCES:-22}) || fail "loading divisions failed"

if [[ "${NODE_ENV:-}" != "production" ]]; then
  log "seeding the demo organisation (password: DIBAO_DEMO_PASSWORD, default dibao-demo-2026)"
  for service in intake gateway eligibility payment; do
    (cd "$ROOT" && node "dist/apps/$service/src/seed/seed-demo.js") || fail "demo seed of $service failed"
  done
fi

# Processes still running an older build are restarted; the rest are left alone.
build_stamp="$(cd "$ROOT" && find dist -path dist/console -prune -o -name '*.js' -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)"
stale=()
for name in "${SERVICES[@]}" worker gateway; do
  if pid_alive "$name" && [[ "$(cat "$RUN/$name.build" 2>/dev/null)" != "$build_stamp" ]]; then
    stale+=("$name")
  fi
done
if ((${#stale[@]})); then
  log "restarting what runs an older build: ${stale[*]}"
  for name in "${stale[@]}"; do stop_process "$name" & done
  wait
fi
# The payment service handles payrolls of a million lines within 512 MB: its heap is capped so the collector
# works before the process grows (PAYMENT_HEAP_MB).
heap_of() { [[ "$1" == payment ]] && echo "--max-old-space-size=${PAYMENT_HEAP_MB:-320}"; return 0; }
for name in "${SERVICES[@]}" worker gateway; do
  # shellcheck disable=SC2046
  start_process "$name" env METRICS_PORT="$(metrics_port_of "$name")" \
    TEMPORAL_METRICS_ADDRESS="127.0.0.1:$(metrics_port_of worker-temporal)" \
    node --enable-source-maps $(heap_of "$name") "$(entry_of "$name")"
  echo "$build_stamp" >"$RUN/$name.build"
done

log "waiting for every health check (GET http://127.0.0.1:$PORT/health)"
healthy() { curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; }
if ! wait_for 120 "health" healthy; then
  curl -sS "http://127.0.0.1:$PORT/health" || true
  echo
  fail "the stack did not become healthy within 120 s; logs are in var/log/"
fi

log "dibao is up in $((SECONDS - started)) s"
cat <<TEXT

  Staff console   http://127.0.0.1:$PORT/console/  (demo accounts: README, Try it)
  REST API        http://127.0.0.1:$PORT/api/v1
  OpenAPI docs    http://127.0.0.1:$PORT/api/docs   (JSON: /api/docs-json)
  Health          http://127.0.0.1:$PORT/health
  Temporal UI     http://127.0.0.1:$TEMPORAL_UI_PORT/namespaces/$TEMPORAL_NAMESPACE/workflows
  Metrics         http://127.0.0.1:$(metrics_port_of gateway)/metrics … :$(metrics_port_of temporal) (docs/operations.md, Metrics)
  Logs            var/log/<process>.log          Stop: npm run down

TEXT

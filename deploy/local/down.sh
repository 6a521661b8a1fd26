#!/usr/bin/env bash
# npm run down: stops what `npm run up` started (pid files under var/run) and nothing else.
source "$(dirname "$0")/lib.sh"

for name in gateway worker archive payment approval eligibility intake temporal nats; do
  stop_process "$name"
done
if [[ -f "$RUN/postgresql.started-by-up" ]]; then
  version="$(cat "$RUN/postgresql.started-by-up")"
  pg_ctlcluster --skip-systemctl-redirect "$version" main stop && log "PostgreSQL stopped"
  rm -f "$RUN/postgresql.started-by-up"
fi
log "down"

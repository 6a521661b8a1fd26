#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432) and NATS with JetStream (127.0.0.1:4222) run; starts them where
# they do not, installing the Debian packages when missing. Records what it started so `down` stops only that.
source "$(dirname "$0")/lib.sh"

if port_open 127.0.0.1 5432; then
  log "PostgreSQL already running on 127.0.0.1:5432"
else
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    log "installing PostgreSQL (Debian package postgresql)"
    apt_install postgresql
    version="$(ls /etc/postgresql | sort -V | tail -1)"
    # Local development stack: trust connections from this machine, as the project's machines do.
    sed -i 's/^\(host\s\+all\s\+all\s\+127.0.0.1\/32\s\+\)\S\+/\1trust/' "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  version="$(ls /etc/postgresql | sort -V | tail -1)"
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  echo "$version" >"$RUN/postgresql.started-by-up"
  wait_for 30 "PostgreSQL" port_open 127.0.0.1 5432 || fail "PostgreSQL did not open 127.0.0.1:5432"
fi

if port_open 127.0.0.1 4222; then
  log "NATS already running on 127.0.0.1:4222"
else
  if ! command -v nats-server >/dev/null; then
    log "installing NATS (Debian package nats-server)"
    apt_install nats-server
  fi
  mkdir -p "$VAR/nats"
  start_process nats nats-server -a 127.0.0.1 -p 4222 -js -sd "$VAR/nats"
  wait_for 30 "NATS" port_open 127.0.0.1 4222 || fail "NATS did not open 127.0.0.1:4222 (see var/log/nats.log)"
fi

# JetStream must be enabled: durable events rely on it.
if ! (cd "$ROOT" && node -e '
  const { connect } = require("nats");
  connect({ servers: "nats://127.0.0.1:4222", timeout: 3000 })
    .then(async (nc) => { await (await nc.jetstreamManager()).getAccountInfo(); await nc.close(); })
    .catch((error) => { console.error(error.message); process.exit(1); });
'); then
  fail "NATS on 127.0.0.1:4222 runs without JetStream: restart it with -js (see docs/operations.md)"
fi
log "NATS JetStream enabled"

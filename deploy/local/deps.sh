#!/usr/bin/env bash
# Installs node_modules with `npm ci` when missing or older than package-lock.json.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
stamp="node_modules/.dibao-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  log "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
else
  log "dependencies up to date"
fi

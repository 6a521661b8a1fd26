# Shared helpers for the local stack scripts. Source it; do not run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VAR="$ROOT/var"
RUN="$VAR/run"
LOGS="$VAR/log"
mkdir -p "$RUN" "$LOGS"

# Settings: .env when present, then the documented defaults of .env.example.
if [[ -f "$ROOT/.env" ]]; then
  set -a; source "$ROOT/.env"; set +a
fi
: "${DATABASE_URL:=postgresql://postgres@127.0.0.1:5432/dibao}"
: "${NATS_SERVERS:=nats://127.0.0.1:4222}"
: "${TEMPORAL_ADDRESS:=127.0.0.1:7233}"
: "${TEMPORAL_NAMESPACE:=dibao}"
: "${TEMPORAL_UI_PORT:=8233}"
: "${PORT:=3000}"
# Prometheus metrics: each process on its own port from this base (metrics_port_of).
: "${METRICS_PORT_BASE:=9460}"
: "${ARCHIVE_BLOB_DIR:=$VAR/blobs}"
export DATABASE_URL NATS_SERVERS TEMPORAL_ADDRESS TEMPORAL_NAMESPACE TEMPORAL_UI_PORT PORT ARCHIVE_BLOB_DIR METRICS_PORT_BASE

TEMPORAL_BIN="$ROOT/.tools/bin/temporal"

log() { printf '\033[1;34m[dibao]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[dibao]\033[0m %s\n' "$*" >&2; exit 1; }

# port_open HOST PORT — true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for SECONDS DESCRIPTION COMMAND... — polls COMMAND every half second.
wait_for() {
  local seconds="$1" what="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 0.5
  done
}

# pid_alive NAME — true when var/run/NAME.pid names a live process.
pid_alive() {
  local file="$RUN/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null
}

# start_process NAME COMMAND... — starts COMMAND in the background with its log and pid file, unless running.
start_process() {
  local name="$1"; shift
  if pid_alive "$name"; then
    log "$name already running (pid $(cat "$RUN/$name.pid"))"
    return 0
  fi
  (cd "$ROOT" && exec setsid "$@" >>"$LOGS/$name.log" 2>&1 < /dev/null) &
  echo $! >"$RUN/$name.pid"
  log "$name started (pid $!, log var/log/$name.log)"
}

# stop_process NAME — stops the process whose pid var/run/NAME.pid holds, then removes the file.
stop_process() {
  local name="$1" file="$RUN/$1.pid"
  [[ -f "$file" ]] || return 0
  local pid; pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    log "$name stopped"
  fi
  rm -f "$file"
}

# apt_install PACKAGE... — installs Debian packages (refreshing the lists once).
apt_install() {
  command -v apt-get >/dev/null || fail "apt-get not found: install $* by hand"
  if [[ ! -f "$RUN/.apt-updated" ]]; then apt-get update -qq && touch "$RUN/.apt-updated"; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The services and the worker, in start order, with their compiled entry points.
SERVICES=(intake eligibility approval payment archive)
entry_of() {
  case "$1" in
    gateway | intake | eligibility | approval | payment | archive) echo "dist/apps/$1/src/main.js" ;;
    worker) echo "dist/temporal/src/worker/main.js" ;;
  esac
}

# metrics_port_of NAME — the port of a process's GET /metrics in the local stack (docs/operations.md, Metrics).
metrics_port_of() {
  local offset
  case "$1" in
    gateway) offset=0 ;; intake) offset=1 ;; eligibility) offset=2 ;; approval) offset=3 ;; payment) offset=4 ;;
    archive) offset=5 ;; worker) offset=6 ;; worker-temporal) offset=7 ;; temporal) offset=8 ;;
  esac
  echo $((METRICS_PORT_BASE + offset))
}

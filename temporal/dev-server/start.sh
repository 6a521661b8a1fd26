#!/usr/bin/env bash
# Starts the Temporal dev server (frontend 7233, Web UI 8233, namespace dibao) with its SQLite file under var/,
# registering the custom search attributes the workflows use. Harmless when it already runs.
source "$(dirname "$0")/../../deploy/local/lib.sh"

host="${TEMPORAL_ADDRESS%:*}"
port="${TEMPORAL_ADDRESS##*:}"
if port_open "$host" "$port"; then
  log "Temporal already answering on $TEMPORAL_ADDRESS"
else
  mkdir -p "$VAR/temporal"
  # WAL with synchronous=NORMAL: a commit survives the process being killed (the kill tests rely on it) and waits
  # for no fsync; only an OS crash can lose the last commits. The default (rollback journal, fsync per commit)
  # held a bare three-update workflow to under 3 per second on this machine.
  # Search attributes: ids and codes only. Temporal stores them unencrypted — never names or ID numbers.
  start_process temporal "$TEMPORAL_BIN" server start-dev \
    --ip "$host" --port "$port" --ui-port "$TEMPORAL_UI_PORT" --metrics-port "$(metrics_port_of temporal)" \
    --db-filename "$VAR/temporal/dibao.sqlite" \
    --sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=NORMAL \
    --namespace "$TEMPORAL_NAMESPACE" \
    --search-attribute DivisionCode=Keyword \
    --search-attribute ApprovalStage=Keyword \
    --search-attribute ApplicationNo=Keyword \
    --search-attribute ApprovalDueDate=Datetime \
    --search-attribute ApprovalOverallDueDate=Datetime \
    --log-level warn
fi
ready() { "$TEMPORAL_BIN" operator namespace describe --address "$TEMPORAL_ADDRESS" -n "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; }
wait_for 60 "Temporal" ready || fail "Temporal did not come up on $TEMPORAL_ADDRESS (see var/log/temporal.log)"
attributes="$("$TEMPORAL_BIN" operator search-attribute list --address "$TEMPORAL_ADDRESS" -n "$TEMPORAL_NAMESPACE")"
for pair in DivisionCode=Keyword ApprovalStage=Keyword ApplicationNo=Keyword ApprovalDueDate=Datetime \
  ApprovalOverallDueDate=Datetime; do
  if ! grep -q "${pair%=*}" <<<"$attributes"; then
    "$TEMPORAL_BIN" operator search-attribute create --address "$TEMPORAL_ADDRESS" -n "$TEMPORAL_NAMESPACE" \
      --name "${pair%=*}" --type "${pair#*=}"
  fi
done
log "Temporal ready: frontend $TEMPORAL_ADDRESS, namespace $TEMPORAL_NAMESPACE, Web UI http://127.0.0.1:$TEMPORAL_UI_PORT"

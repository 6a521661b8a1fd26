#!/usr/bin/env bash
# Builds the Temporal CLI (which embeds the dev server and its Web UI) from source with `go install` into the
# git-ignored .tools/bin, unless it is there. Tries v1.5.1, then v1.5.0 and v1.4.1 if the module proxy refuses.
source "$(dirname "$0")/../../deploy/local/lib.sh"

if [[ -x "$TEMPORAL_BIN" ]]; then
  log "Temporal CLI present: $("$TEMPORAL_BIN" --version)"
  exit 0
fi
command -v go >/dev/null || fail "Go is needed to build the Temporal CLI (go install); install Go first"
mkdir -p "$ROOT/.tools/bin"
for tag in v1.5.1 v1.5.0 v1.4.1; do
  log "building the Temporal CLI $tag with go install (CGO off); the first build takes a few minutes"
  started=$SECONDS
  if CGO_ENABLED=0 GOBIN="$ROOT/.tools/bin" GOFLAGS=-mod=mod go install -v -ldflags "-s -w" \
    "github.com/temporalio/cli/cmd/temporal@$tag" 2>&1 | awk '{ n++; if (n % 25 == 0) printf "  … %d packages compiled (latest: %s)\n", n, $0; fflush() }'; then
    if [[ -x "$TEMPORAL_BIN" ]]; then
      echo "$tag" >"$ROOT/.tools/temporal.version"
      log "Temporal CLI $tag built in $((SECONDS - started)) s"
      exit 0
    fi
  fi
  log "go install of $tag failed"
done
fail "could not build the Temporal CLI (tried v1.5.1, v1.5.0, v1.4.1)"

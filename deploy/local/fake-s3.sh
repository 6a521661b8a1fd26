#!/usr/bin/env bash
# Builds gofakes3 (an S3-compatible server, used by the tests of the archive's S3 backend) with `go install`
# into the git-ignored .tools/bin, unless it is there.
source "$(dirname "$0")/lib.sh"

bin="$ROOT/.tools/bin/gofakes3"
if [[ -x "$bin" ]]; then
  exit 0
fi
command -v go >/dev/null || fail "Go is needed to build gofakes3 (go install); install Go first"
mkdir -p "$ROOT/.tools/bin"
log "building gofakes3 v1.2.0 with go install (S3-compatible server for the archive's S3 tests)"
CGO_ENABLED=0 GOBIN="$ROOT/.tools/bin" GOFLAGS=-mod=mod go install -ldflags "-s -w" \
  github.com/johannesboyne/gofakes3/cmd/gofakes3@v1.2.0 || fail "could not build gofakes3 v1.2.0"

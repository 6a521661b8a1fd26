#!/usr/bin/env bash
# Makes sure of the Chromium that the staff console's browser tests drive (playwright-core launches it; it
# downloads no browser of its own): Debian's chromium package, installed with apt-get unless CHROMIUM_PATH
# (default /usr/bin/chromium) is already there.
source "$(dirname "$0")/lib.sh"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$chromium" ]]; then
  exit 0
fi
command -v apt-get >/dev/null || fail "Chromium is needed at $chromium for the console's browser tests; install it or set CHROMIUM_PATH"
sudo=""
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null || fail "installing Chromium needs root (apt-get install chromium); or set CHROMIUM_PATH"
  sudo="sudo"
fi
log "installing Chromium (apt-get install chromium) for the console's browser tests"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q chromium >/dev/null ||
  { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q chromium >/dev/null; } ||
  fail "could not install Chromium with apt-get"
[[ -x "$chromium" ]] || fail "Chromium installed, but not at $chromium; set CHROMIUM_PATH"

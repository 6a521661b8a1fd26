#!/usr/bin/env bash
# npm run bench [-- name …]: runs test/bench/<name>.bench.ts (default: all) against the running stack.
set -euo pipefail
cd "$(dirname "$0")/../.."
names=("$@")
if ((${#names[@]} == 0)); then
  names=($(ls test/bench/*.bench.ts | xargs -n1 basename | sed 's/\.bench\.ts$//'))
fi
for name in "${names[@]}"; do
  echo "== $name"
  TS_NODE_PROJECT=tsconfig.json npx ts-node --transpile-only -r reflect-metadata -r tsconfig-paths/register "test/bench/$name.bench.ts"
done

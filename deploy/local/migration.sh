#!/usr/bin/env bash
# npm run migration:create -- <service> <name>   new migration from the entity diff (then list it)
# npm run migration:up -- <service>               apply pending migrations of one service
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
action="${1:-}" service="${2:-}" name="${3:-}"
[[ -f "apps/$service/src/mikro-orm.config.ts" ]] || fail "usage: migration.sh create|up <service> [name]; no service '$service'"
case "$action" in
  create)
    [[ "$name" =~ ^[a-z][a-z0-9_]*$ ]] || fail "give the migration a snake_case name"
    MIKRO_ORM_CLI_CONFIG="apps/$service/src/mikro-orm.config.ts" MIKRO_ORM_CLI_USE_TS_NODE=true \
      MIKRO_ORM_CLI_TS_CONFIG_PATH=tsconfig.json npx mikro-orm migration:create --name "$name"
    log "now add the new class to apps/$service/src/migrations/migration-list.ts (a test fails until you do)"
    ;;
  up)
    npm run --silent build
    node "dist/apps/$service/src/migrate.js"
    ;;
  *) fail "usage: migration.sh create|up <service> [name]" ;;
esac

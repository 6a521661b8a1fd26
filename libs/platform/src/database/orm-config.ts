import { type EntityClass, type EntitySchema, type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';

import { BaseEntity } from './base.entity';

export interface ServiceOrmSettings {
  /** The service's own PostgreSQL schema; no other service reads it. */
  schema: string;
  entities: Array<EntityClass<unknown> | EntitySchema>;
  /** Absolute path of the service's src/migrations folder (TypeScript sources). */
  migrationsPathTs: string;
  /** Absolute path of the compiled migrations folder. */
  migrationsPath: string;
  /** Every migration class, listed so they load the same way from sources, compiled output and tests. */
  migrationList: MigrationObject[];
  /** Settings of every connection of the service's pool (`set name = value` as each connection opens). */
  session?: Record<string, string>;
}

interface PgConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
}

/** The pool's afterCreate: runs the settings on a new connection before the pool hands it out. */
function applySession(session: Record<string, string>) {
  const sql = Object.entries(session)
    .map(([name, value]) => `set ${name} = ${value}`)
    .join('; ');
  return (connection: PgConnection, done: (error: Error | null, connection: PgConnection) => void) =>
    connection.query(sql, (error) => done(error, connection));
}

/** One MikroORM config per service, used by the app, the migration runner and the MikroORM CLI alike. */
export function serviceOrmConfig(settings: ServiceOrmSettings, databaseUrl: string): Options {
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    schema: settings.schema,
    entities: [BaseEntity, ...settings.entities],
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    forceUtcTimezone: true,
    pool: { min: 0, max: 10, ...(settings.session ? { afterCreate: applySession(settings.session) } : {}) },
    debug: false,
    allowGlobalContext: false,
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: settings.migrationsPath,
      migrationsList: settings.migrationList,
      pathTs: settings.migrationsPathTs,
      glob: '!(*.d).{js,ts}',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: `.snapshot-${settings.schema}`,
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
  });
}

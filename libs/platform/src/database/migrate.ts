import { MikroORM } from '@mikro-orm/postgresql';
import { type Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';

import { serviceOrmConfig, type ServiceOrmSettings } from './orm-config';

/** Creates the database named in `databaseUrl` when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
    }
  } catch (error) {
    // Two processes racing to create the same database: the loser sees a duplicate; that is fine.
    if (!(error instanceof Error && /already exists/.test(error.message))) {
      throw error;
    }
  } finally {
    await client.end();
  }
}

/** Applies a service's pending migrations inside its own schema (created first). Returns the names applied. */
export async function runMigrations(config: Options): Promise<string[]> {
  const orm = await MikroORM.init({ ...config, allowGlobalContext: true });
  try {
    await orm.em.getConnection().execute(`create schema if not exists "${config.schema}"`);
    const applied = await orm.getMigrator().up();
    return applied.map((migration) => migration.name);
  } finally {
    await orm.close(true);
  }
}

/** Entry point of each service's `migrate.ts`: creates the database if needed, applies pending migrations. */
export async function migrateService(
  service: string,
  settings: ServiceOrmSettings,
  databaseUrl: string,
): Promise<void> {
  try {
    await ensureDatabase(databaseUrl);
    const applied = await runMigrations(serviceOrmConfig(settings, databaseUrl));
    process.stdout.write(
      `${service}: ${applied.length} migration(s) applied${applied.length ? `: ${applied.join(', ')}` : ''}\n`,
    );
  } catch (error) {
    process.stderr.write(`${service}: migration failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  }
}

/**
 * Runs a demo-data seed against a service's schema, unless NODE_ENV is production (demo data never reaches
 * production). The seed must be idempotent.
 */
export async function seedService(
  service: string,
  settings: ServiceOrmSettings,
  databaseUrl: string,
  seed: (orm: MikroORM) => Promise<string>,
): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    process.stderr.write(`${service}: demo seed refused in production\n`);
    process.exitCode = 1;
    return;
  }
  const orm = await MikroORM.init({ ...serviceOrmConfig(settings, databaseUrl), allowGlobalContext: true });
  try {
    process.stdout.write(`${service}: ${await seed(orm)}\n`);
  } catch (error) {
    process.stderr.write(`${service}: demo seed failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await orm.close(true);
  }
}

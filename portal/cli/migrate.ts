/**
 * `hicare-portal migrate`: brings the database up to this build's schema, on its own. On PostgreSQL the portal's
 * instances never migrate at start (several starting at once would race to change one schema); the operator runs
 * this once per upgrade. It refuses a database a newer portal has migrated.
 */
import { openDatabase } from '../db/connection.js';
import { migrateExplicitly } from '../db/migrate.js';
import { databaseOptions } from '../server.js';
import { parse } from './commands.js';
import { isSharedDatabase, layoutFor, type CliEnvironment } from './context.js';

export async function migrateCommand(args: readonly string[], io: CliEnvironment): Promise<void> {
  const { values } = parse(args, {});
  const layout = layoutFor(values, io);
  const db = openDatabase(
    databaseOptions(layout.dataDirectory, io.env['DATABASE_URL'], io.env['HICARE_DATABASE_SCHEMA']),
  );
  try {
    const applied = await migrateExplicitly(db);
    const where = isSharedDatabase(io.env) ? 'PostgreSQL' : `SQLite in ${layout.dataDirectory}`;
    if (values.json === true) io.print(JSON.stringify({ applied }, null, 2));
    else if (applied.length === 0) io.print(`The database (${where}) is up to date: no migration to apply.`);
    else
      for (const line of [
        `Applied ${applied.length} migration(s) to the database (${where}):`,
        ...applied.map((name) => `  ${name}`),
      ])
        io.print(line);
  } finally {
    await db.destroy();
  }
}

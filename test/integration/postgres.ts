/**
 * The PostgreSQL side of the integration tests: where it is, whether it can be reached (probed once per test file,
 * with a loud warning when not), and throwaway schemas that keep concurrent test files apart.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env['HICARE_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probe(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL cannot be used, or undefined when it can. */
export const postgresProblem = await probe();
if (postgresProblem !== undefined) {
  console.warn(`PostgreSQL not reachable at ${POSTGRES_URL}: skipping the PostgreSQL half (${postgresProblem})`);
}

async function run(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates a fresh schema and returns its name (hex digits only, so it is safe to splice into DDL). */
export async function createTestSchema(): Promise<string> {
  const schema = `hicare_test_${randomBytes(8).toString('hex')}`;
  await run(`create schema ${schema}`);
  return schema;
}

export async function dropTestSchema(schema: string): Promise<void> {
  await run(`drop schema if exists ${schema} cascade`);
}

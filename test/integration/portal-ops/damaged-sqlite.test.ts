/**
 * A portal database file that is not a database, or fails SQLite's integrity check, is refused with the file named
 * and the remedy: by the portal itself and by the CLI commands that open it. The file is left exactly as it was.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_FILE_NAME } from '../../../portal/db/connection.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { migrateToLatest } from '../../../portal/db/migrate.js';
import { createPortal } from '../../../portal/server.js';
import { HicareError } from '../../../shared/errors.js';
import { cliEnv, runCli } from '../portal-cli/cli.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hicare-damaged-'));
  dirs.push(dir);
  return dir;
}

/** A data directory whose database file holds no SQLite at all. */
function garbageDatabase(): { dir: string; file: string } {
  const dir = dataDirectory();
  const file = join(dir, SQLITE_FILE_NAME);
  writeFileSync(file, 'these bytes were never a database\n'.repeat(300));
  return { dir, file };
}

/** A real portal database with rows in it, cut in half (a disk that filled, a copy that was interrupted). */
async function truncatedDatabase(): Promise<{ dir: string; file: string }> {
  const dir = dataDirectory();
  const db = openDatabase({ dataDirectory: dir });
  await migrateToLatest(db);
  for (let i = 0; i < 400; i++)
    await createCustomer(db, { id: `customer-${i}`, name: `Customer number ${i} ${'x'.repeat(80)}` });
  await db.destroy();
  const file = join(dir, SQLITE_FILE_NAME);
  truncateSync(file, Math.floor(statSync(file).size / 2));
  return { dir, file };
}

function refusal(action: () => unknown): HicareError {
  try {
    action();
  } catch (error) {
    if (error instanceof HicareError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

describe('a damaged SQLite database', () => {
  it.each([
    ['not a database at all', () => Promise.resolve(garbageDatabase())],
    ['a real database cut in half', truncatedDatabase],
  ])('is refused when opened: %s', async (_, make) => {
    const { dir, file } = await make();
    const before = readFileSync(file);
    const error = refusal(() => openDatabase({ dataDirectory: dir }));
    expect(error.code).toBe('DATABASE_DAMAGED');
    expect(error.message).toContain(file);
    expect(error.remedy).toMatch(/backup/);
    expect(error.message).not.toMatch(/SQLITE_|malformed|NOTADB/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the portal from starting', async () => {
    const { dir, file } = garbageDatabase();
    await expect(createPortal({ dataDirectory: dir, refreshEveryMs: 0 })).rejects.toMatchObject({
      code: 'DATABASE_DAMAGED',
      details: { file },
    });
  });

  it('is refused by `serve` and by a command that opens the database, with exit 1 and the file named', async () => {
    const { dir, file } = garbageDatabase();
    // serve looks for a signed catalog before it opens the database: give it one to find.
    mkdirSync(join(dir, 'tuf'));
    writeFileSync(join(dir, 'tuf', 'timestamp.json'), '{}');
    const env = cliEnv({ HICARE_PORTAL_DATA: dir });
    for (const args of [
      ['serve', '--port', '0'],
      ['customer', 'add', '--name', 'Acme'],
    ]) {
      const result = await runCli(args, env);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain('error DATABASE_DAMAGED');
      expect(result.stderr).toContain(file);
      expect(result.stderr).toMatch(/restore the file from your latest backup/);
    }
  });

  it('an empty data directory still starts a fresh database', () => {
    const db = openDatabase({ dataDirectory: dataDirectory() });
    return db.destroy();
  });
});

/**
 * Where the key for remote-access passwords comes from, checked once at start.
 *
 * - `HICARE_GRANT_KEY` (base64 of 32 bytes) or `HICARE_GRANT_KEY_FILE` (a file holding the same): every instance that
 *   shares a database is given the same key this way. Setting both is refused as ambiguous.
 * - Neither, on PostgreSQL: refused. Instances there are many and short-lived; a key each made for itself would lock
 *   every other instance's grants away.
 * - Neither, on SQLite: the single embedded portal keeps its key file in the data directory, made on first use.
 *
 * Whatever the source, the key must open the stored grants before the portal serves anything: a wrong or lost key is
 * refused at start with the remedy, never replaced by a new one (that would make every earlier grant unreadable).
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { HicareError, type ErrorKey } from '../../shared/errors.js';
import { dialectOf } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { toIso } from '../db/support.js';
import { dataDirectoryKeyFile, decodeGrantKey, GrantSecrets, KEY_BYTES } from './grant-secrets.js';

export const GRANT_KEY_ENV = 'HICARE_GRANT_KEY';
export const GRANT_KEY_FILE_ENV = 'HICARE_GRANT_KEY_FILE';

function missing(
  key: ErrorKey & `GRANT_KEY_MISSING.${string}`,
  params: Record<string, string | number> = {},
): HicareError {
  return new HicareError(key, params);
}

/** A new key, as `HICARE_GRANT_KEY` and the key file hold it. */
export function newGrantKeyText(random: (bytes: number) => Buffer): string {
  return random(KEY_BYTES).toString('base64');
}

async function configuredKey(
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ key: Buffer; origin: string } | undefined> {
  const inline = env[GRANT_KEY_ENV]?.trim() ?? '';
  const file = env[GRANT_KEY_FILE_ENV]?.trim() ?? '';
  if (inline !== '' && file !== '') {
    throw new HicareError('INVALID_INPUT.requestGrantKeyTwice');
  }
  if (inline !== '') {
    const key = decodeGrantKey(inline);
    if (key === undefined) throw missing('GRANT_KEY_MISSING.grantKeyInline', { bytes: KEY_BYTES });
    return { key, origin: GRANT_KEY_ENV };
  }
  if (file !== '') {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      throw missing('GRANT_KEY_MISSING.grantKeyFileUnreadable', { file });
    }
    const key = decodeGrantKey(text);
    if (key === undefined) throw missing('GRANT_KEY_MISSING.grantKeyFileInvalid', { file, bytes: KEY_BYTES });
    return { key, origin: file };
  }
  return undefined;
}

/**
 * The grants whose passwords the key must open: every one still usable (not revoked, not expired), and the newest of
 * all, so that a wrong key is noticed even while no grant is open.
 */
async function grantsToCheck(db: Kysely<Database>, now: Date): Promise<{ id: string; password_cipher: string }[]> {
  const open = await db
    .selectFrom('grants')
    .select(['id', 'password_cipher'])
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', toIso(now))
    .execute();
  const newest = await db
    .selectFrom('grants')
    .select(['id', 'password_cipher'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const seen = new Set(open.map((g) => g.id));
  return [...open, ...newest.filter((g) => !seen.has(g.id))];
}

/**
 * The start-up check: the key from configuration (or, on SQLite only, the data directory's key file), proven to open
 * the stored grants. Throws GRANT_KEY_MISSING or GRANT_KEY_MISMATCH with the remedy; changes nothing on disk.
 */
export async function loadGrantKey(
  env: Readonly<Record<string, string | undefined>>,
  dataDirectory: string,
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<GrantSecrets> {
  const configured = await configuredKey(env);
  const grants = await grantsToCheck(db, now);
  let secrets: GrantSecrets;
  if (configured !== undefined) {
    secrets = new GrantSecrets(configured);
  } else if (dialectOf(db) === 'postgres') {
    throw missing('GRANT_KEY_MISSING.grantKeyUnset');
  } else {
    const keyFile = dataDirectoryKeyFile(dataDirectory);
    const exists = await readFile(keyFile).then(
      () => true,
      () => false,
    );
    if (!exists && grants.length > 0) {
      // Making a new key here would silently lock away every stored password.
      throw missing('GRANT_KEY_MISSING.grantKeyFileGone', { file: keyFile });
    }
    secrets = new GrantSecrets(dataDirectory);
  }
  for (const grant of grants) {
    if (!(await secrets.opens(grant.id, grant.password_cipher))) {
      throw new HicareError(
        'GRANT_KEY_MISMATCH.grantKeyStored',
        { origin: secrets.origin },
        { origin: secrets.origin },
      );
    }
  }
  return secrets;
}

/**
 * What "refused, and nothing installed" means to a user, checked after every attack: the call failed with the
 * expected code and a remedy; the install folders are as they were; the inventory's versions did not move; every
 * file in the verified cache hashes to its name; and the operation log recorded the failure.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { HicareClient } from '../../../electron/core/client/hicare-client.js';
import { HicareError } from '../../../shared/errors.js';

export interface Footprint {
  /** Path → SHA-256 of every file under `<data>/installs`. */
  installs: Record<string, string>;
  versions: Record<string, string | null>;
  failures: number;
}

async function filesUnder(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(path);
    }
  };
  await walk(root);
  return out.sort();
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function footprint(client: HicareClient, dataDirectory: string): Promise<Footprint> {
  const root = join(dataDirectory, 'installs');
  const installs: Record<string, string> = {};
  for (const file of await filesUnder(root)) installs[relative(root, file)] = sha256(await readFile(file));
  const versions = Object.fromEntries(client.inventory.list().map((s) => [s.serialNumber, s.installedVersion]));
  const failures = (await client.operations.list()).filter((r) => r.kind === 'failure').length;
  return { installs, versions, failures };
}

/** Files in the verified cache whose content does not hash to their name (must always be none). */
export async function corruptCacheEntries(dataDirectory: string): Promise<string[]> {
  const dir = join(dataDirectory, 'packages', 'sha256');
  const bad: string[] = [];
  for (const file of await filesUnder(dir)) {
    const name = relative(dir, file);
    if (sha256(await readFile(file)) !== name) bad.push(name);
  }
  return bad;
}

export async function filesIn(dir: string): Promise<string[]> {
  const exists = await stat(dir).then(
    () => true,
    () => false,
  );
  return exists ? (await filesUnder(dir)).map((f) => relative(dir, f)) : [];
}

/**
 * Awaits the refused call and checks everything a user would notice; returns the error for further checks.
 * `logged: false` is for checks that are not steps of their own (Trust.confirm), which the log does not record.
 */
export async function expectRefused(
  attempt: Promise<unknown>,
  code: string | readonly string[],
  after: { client: HicareClient; dataDirectory: string; before: Footprint; logged?: boolean },
): Promise<HicareError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the attack was not refused').toBeInstanceOf(HicareError);
  const coded = error as HicareError;
  expect(typeof code === 'string' ? [code] : code, `${coded.code}: ${coded.message}`).toContain(coded.code);
  expect(coded.message.trim()).not.toBe('');
  expect(coded.remedy.trim()).not.toBe('');

  const now = await footprint(after.client, after.dataDirectory);
  expect(now.installs, 'the install folders changed').toEqual(after.before.installs);
  for (const [serial, version] of Object.entries(after.before.versions))
    expect(now.versions[serial], `${serial}'s installed version`).toBe(version);
  expect(await corruptCacheEntries(after.dataDirectory)).toEqual([]);
  if (after.logged !== false)
    expect(now.failures, 'no failure was recorded in the operation log').toBeGreaterThan(after.before.failures);
  expect((await after.client.operations.verify()).ok).toBe(true);
  return coded;
}

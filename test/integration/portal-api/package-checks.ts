/**
 * What the package-delivery tests check again and again: the catalog's entry for a target, the download audit rows a
 * request added, and that a refusal carries a coded JSON body and never a byte of a file.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { listDownloads, type DownloadRecord } from '../../../portal/db/downloads.js';
import { coded, type Reply, type TestPortal } from './harness.js';
import { untilTrue } from '../wait.js';

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export async function catalogTarget(t: TestPortal, token: string, name: string): Promise<ReleaseTarget> {
  const product = name.split('/')[0] ?? '';
  const reply = await t.request<{ releases: ReleaseTarget[] }>('GET', `/api/v1/products/${product}/releases`, {
    token,
  });
  const target = reply.body.releases.find((r) => r.name === name);
  if (target === undefined) throw new Error(`the catalog does not list ${name}`);
  return target;
}

/** The audit rows added since `before`; the audit is written as the response finishes, so it is waited for. */
export async function auditSince(
  t: TestPortal,
  before: readonly DownloadRecord[],
  expected: number,
): Promise<DownloadRecord[]> {
  const known = new Set(before.map((d) => d.id));
  let added: DownloadRecord[] = [];
  const enough = async (): Promise<boolean> => {
    added = (await listDownloads(t.portal.db)).filter((d) => !known.has(d.id));
    return added.length >= expected;
  };
  // Past the deadline the rows found so far are answered: the caller's assertion then shows what is missing.
  await untilTrue(enough, { what: `${expected} audit rows`, timeoutMs: 3_000, intervalMs: 25 }).catch(() => undefined);
  return added;
}

/** Asserts a refusal (that status, or any 4xx) that carries a coded JSON body and nothing of a file; returns the code. */
export function expectRefusedWithoutBytes(reply: Reply, status?: number): string {
  if (status === undefined) {
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
  } else {
    expect(reply.status).toBe(status);
  }
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
  const text = reply.bytes.toString('utf8');
  expect(text).not.toContain('SQLite format 3');
  expect(text).not.toContain('PRIVATE KEY');
  expect(reply.bytes.length).toBeLessThan(2000);
  return coded(reply).code;
}

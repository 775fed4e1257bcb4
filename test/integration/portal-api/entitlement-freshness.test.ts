/**
 * The entitlement answer is kept while nothing it is written from changes (contracts, the signed catalog, line
 * lifecycles, withdrawals, the recorded version, the token): each of those changes is in the very next answer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SystemEntitlement } from '../../../shared/contracts/entitlement.js';
import { publishReleases } from '../../../portal/admin/publish.js';
import { createTarGz } from '../../../portal/demo/tar.js';
import { describePortal, NW_IT, PORTAL_ADMIN, type TestPortal } from './harness.js';

const SERIAL = 'NW-ATL-0001';
const ENTITLEMENT = `/api/v1/systems/${SERIAL}/entitlement`;

async function answer(t: TestPortal, token: string, query = ''): Promise<SystemEntitlement> {
  const reply = await t.request<SystemEntitlement>('GET', ENTITLEMENT + query, { token });
  expect(reply.status).toBe(200);
  return reply.body;
}

function verdictOf(e: SystemEntitlement, version: string): SystemEntitlement['releases'][number]['verdict'] {
  const found = e.releases.find((r) => r.target.custom.version === version);
  if (found === undefined) throw new Error(`no ${version} in the entitlement answer`);
  return found.verdict;
}

const codes = (e: SystemEntitlement, version: string): string[] => verdictOf(e, version).reasons.map((r) => r.code);

describePortal('entitlement answers follow every change at once', (t) => {
  let saved: Date;
  beforeEach(() => {
    saved = t.clock.now;
  });
  afterEach(() => {
    t.clock.now = saved;
  });

  it('is the same answer, byte for byte, while nothing changed', async () => {
    const token = await t.signIn(NW_IT);
    const first = await t.request('GET', ENTITLEMENT, { token });
    const again = await t.request('GET', ENTITLEMENT, { token });
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(again.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('refuses a withdrawn release in the next answer, and offers it again once restored', async () => {
    const token = await t.signIn(NW_IT);
    const admin = await t.signIn(PORTAL_ADMIN);
    const before = await answer(t, token);
    const version = before.releases.find((r) => r.verdict.allowed)?.target.custom.version;
    if (version === undefined) throw new Error('the demo system is allowed no release');
    const path = `/api/v1/admin/releases/atlas/${version}/withdrawal`;
    expect((await t.request('POST', path, { token: admin, body: { reason: 'Breaks the historian.' } })).status).toBe(
      200,
    );
    expect(codes(await answer(t, token), version)).toContain('RELEASE_WITHDRAWN');
    expect((await t.request('DELETE', path, { token: admin })).status).toBe(200);
    expect(verdictOf(await answer(t, token), version).allowed).toBe(true);
  });

  it('lists a release published a moment ago', async () => {
    const token = await t.signIn(NW_IT);
    expect((await answer(t, token)).releases.some((r) => r.target.custom.version === '1.4.99')).toBe(false);
    const work = await mkdtemp(join(t.portal.layout.dataDirectory, 'release-'));
    try {
      const file = join(work, 'atlas-1.4.99-linux-x64.tar.gz');
      await writeFile(file, createTarGz([{ path: 'payload/VERSION', mode: 0o644, content: '1.4.99\n' }]));
      const custom = {
        product: 'atlas',
        version: '1.4.99',
        platform: 'linux' as const,
        arch: 'x64' as const,
        installer: { type: 'archive' as const, args: [], timeoutSeconds: 300, elevate: false },
        detection: { kind: 'file' as const, path: '{target}/payload/VERSION', regex: '^(\\S+)' },
      };
      await publishReleases(t.portal.db, t.portal.catalog, [{ file, custom }], t.clock.now);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    expect(verdictOf(await answer(t, token), '1.4.99')).toMatchObject({ allowed: true, kind: 'update' });
  });

  it('judges against the version a desktop just reported', async () => {
    const token = await t.signIn(NW_IT);
    const before = await answer(t, token);
    const newer = before.releases.find((r) => r.verdict.allowed && r.verdict.kind === 'update')?.target.custom.version;
    if (newer === undefined) throw new Error('the demo system has no update');
    const at = t.clock.now.toISOString();
    const reply = await t.request('POST', `/api/v1/systems/${SERIAL}/installed`, {
      token,
      body: { version: newer, how: 'installed', at },
    });
    expect(reply.status).toBeLessThan(300);
    const after = await answer(t, token);
    expect(after.system.installedVersion).toBe(newer);
    expect(verdictOf(after, newer).kind).toBe('current');
  });

  it('follows a contract’s new tier in the next answer', async () => {
    const token = await t.signIn(NW_IT);
    const admin = await t.signIn(PORTAL_ADMIN);
    const before = await answer(t, token);
    const upgrade = before.releases.find((r) =>
      codes(before, r.target.custom.version).includes('UPGRADE_REQUIRES_UPGRADE_SUPPORT'),
    );
    if (upgrade === undefined) throw new Error('the demo system has no locked upgrade');
    const contractId = verdictOf(before, upgrade.target.custom.version).contractId;
    const change = await t.request('POST', `/api/v1/admin/contracts/${String(contractId)}/change-tier`, {
      token: admin,
      body: { tier: 'upgrade-support', on: t.clock.now.toISOString().slice(0, 10) },
    });
    expect(change.status).toBe(200);
    expect(codes(await answer(t, token), upgrade.target.custom.version)).not.toContain(
      'UPGRADE_REQUIRES_UPGRADE_SUPPORT',
    );
  });

  it('refuses a token signed out a moment ago', async () => {
    const token = await t.signIn(NW_IT);
    await answer(t, token);
    expect((await t.request('DELETE', '/api/v1/sessions/current', { token })).status).toBe(200);
    expect((await t.request('GET', ENTITLEMENT, { token })).status).toBe(401);
  });

  // Last: the line it ends stays ended for the rest of this portal's tests.
  it('judges against a line’s new dates in the next answer', async () => {
    const token = await t.signIn(NW_IT);
    const admin = await t.signIn(PORTAL_ADMIN);
    const version = (await answer(t, token)).releases.find((r) => r.verdict.allowed)?.target.custom.version;
    if (version === undefined) throw new Error('the demo system is allowed no release');
    const major = Number(version.split('.')[0]);
    const line = await t.request('GET', `/api/v1/admin/lines?product=atlas`, { token: admin });
    expect(line.status).toBe(200);
    // The line ended service yesterday: nothing of it is offered any more.
    const body = { ga: '2020-01-01', endOfMaintenance: '2026-11-01', endOfService: '2026-11-23', waitSeconds: 10 };
    if (t.dialect === 'postgres') return; // set through the signer's job on a shared database: seen in cluster tests
    expect((await t.request('PUT', `/api/v1/admin/lines/atlas/${major}`, { token: admin, body })).status).toBe(200);
    expect(codes(await answer(t, token), version)).toContain('LINE_PAST_END_OF_SERVICE');
  });
});

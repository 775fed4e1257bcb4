/**
 * The download records (DESIGN.md §3.5): a customer admin sees who downloaded which release for which system and
 * when, newest first, for their own customer only and paged; IT staff and engineers are refused; a portal admin sees
 * every customer's; another customer's contract is answered like one that does not exist.
 */
import { expect, it } from 'vitest';
import type { DownloadRecords } from '../../../shared/contracts/downloads.js';
import { recordDownload } from '../../../portal/db/downloads.js';
import { findAccountByEmail } from '../../../portal/db/accounts.js';
import {
  CG_ADMIN,
  CG_IT,
  coded,
  describePortal,
  ENGINEER,
  NW_ADMIN,
  NW_IT,
  PORTAL_ADMIN,
  SEED_TIME,
} from './harness.js';

const MINUTE = 60_000;

describePortal('download records', (t) => {
  const records = async (email: string, query = '') =>
    t.request<DownloadRecords>('GET', `/api/v1/downloads${query}`, { token: await t.signIn(email) });

  it('shows the customer admin their own customer’s records, newest first and paged, and nobody else’s', async () => {
    const db = t.portal.db;
    const nwIt = await findAccountByEmail(db, NW_IT);
    const cgIt = await findAccountByEmail(db, CG_IT);
    if (nwIt === undefined || cgIt === undefined) throw new Error('the demo accounts are missing');
    const atlas = {
      product: 'atlas',
      version: '1.9.0',
      targetName: 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
      bytes: 1234,
    };
    for (let i = 0; i < 3; i++)
      await recordDownload(
        db,
        { accountId: nwIt.id, serialNumber: 'NW-ATL-0001', ...atlas },
        new Date(SEED_TIME.getTime() + i * MINUTE),
      );
    await recordDownload(
      db,
      { accountId: cgIt.id, serialNumber: 'CG-ATL-0001', ...atlas },
      new Date(SEED_TIME.getTime() + 10 * MINUTE),
    );

    const first = await records(NW_ADMIN, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.records.map((r) => [r.at, r.serialNumber, r.account.email])).toEqual([
      [new Date(SEED_TIME.getTime() + 2 * MINUTE).toISOString(), 'NW-ATL-0001', NW_IT],
      [new Date(SEED_TIME.getTime() + MINUTE).toISOString(), 'NW-ATL-0001', NW_IT],
    ]);
    expect(first.body.records[0]).toMatchObject({
      product: 'atlas',
      version: '1.9.0',
      bytes: 1234,
      account: { name: expect.stringMatching(/\S/) },
    });
    const second = await records(NW_ADMIN, `?limit=2&before=${encodeURIComponent(first.body.next ?? '')}`);
    expect(second.body.records.map((r) => r.at)).toEqual([SEED_TIME.toISOString()]);
    expect(second.body.next).toBeNull();
    expect(JSON.stringify([first.body, second.body])).not.toContain('CG-ATL-0001');

    const ofContract = await records(NW_ADMIN, '?contractId=NW-SUP-2026');
    expect(ofContract.body.records).toHaveLength(3);
    const foreign = await records(NW_ADMIN, '?contractId=CG-UPS-2026');
    expect(foreign.status).toBe(404);
    expect(coded(foreign).code).toBe('NOT_FOUND');

    const contoso = await records(CG_ADMIN);
    expect(contoso.body.records.map((r) => r.serialNumber)).toEqual(['CG-ATL-0001']);
    const vendor = await records(PORTAL_ADMIN);
    expect(new Set(vendor.body.records.map((r) => r.serialNumber))).toEqual(new Set(['NW-ATL-0001', 'CG-ATL-0001']));
  });

  it('refuses IT staff and engineers, and a page marker the portal never gave out', async () => {
    for (const email of [NW_IT, ENGINEER]) {
      const refused = await records(email);
      expect(refused.status).toBe(403);
      expect(coded(refused).code).toBe('FORBIDDEN');
    }
    const forged = await records(NW_ADMIN, '?before=yesterday');
    expect(forged.status).toBe(400);
    expect(coded(forged)).toMatchObject({ code: 'INVALID_INPUT', message: expect.not.stringMatching(/zod|regex/i) });
  });
});

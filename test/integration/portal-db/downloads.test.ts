/** The download audit on both dialects: every download is a row tied to an account, a system and a release. */
import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../../portal/accounts/create-account.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { listDownloads, recordDownload, type NewDownload } from '../../../portal/db/downloads.js';
import { at, codeOf, describeOnBothDialects, uniqueEmail } from './harness.js';

describeOnBothDialects('download audit', (t) => {
  let accountId = '';
  let otherAccountId = '';
  beforeAll(async () => {
    await createCustomer(t.db, { id: 'customer-for-downloads', name: 'Downloads SA' });
    const make = async (name: string): Promise<string> =>
      (
        await createAccount(
          t.db,
          {
            email: uniqueEmail('dl'),
            name,
            role: 'it-staff',
            customerId: 'customer-for-downloads',
            password: 'correct horse battery staple',
          },
          at('2026-01-01T00:00:00.000Z'),
        )
      ).id;
    accountId = await make('Ivo IT');
    otherAccountId = await make('Olga Other');
  });

  const download = (overrides: Partial<NewDownload> = {}): NewDownload => ({
    accountId,
    serialNumber: 'SN-100/B',
    product: 'hicare-server',
    version: '2.4.0',
    targetName: 'hicare-server/2.4.0/hicare-server-2.4.0-linux-x64.tar.gz',
    bytes: 5 * 1024 ** 3,
    ...overrides,
  });

  it('records a download and reads it back exactly (sizes past 4 GiB included)', async () => {
    const now = at('2026-03-01T10:00:00.000Z');
    const record = await recordDownload(t.db, download(), now);
    expect(record).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      ...download(),
      at: now.toISOString(),
    });
    expect(await listDownloads(t.db, { accountId })).toContainEqual(record);
    const [latest] = await listDownloads(t.db, { accountId, limit: 1 });
    expect(typeof latest?.bytes).toBe('number');
  });

  it('lists newest first and filters by account, serial number and time range', async () => {
    const base = Date.parse('2026-04-01T00:00:00.000Z');
    const hour = 3_600_000;
    await recordDownload(
      t.db,
      download({ accountId: otherAccountId, serialNumber: 'SN-F1', version: '1.0.0' }),
      new Date(base),
    );
    await recordDownload(
      t.db,
      download({ accountId: otherAccountId, serialNumber: 'SN-F1', version: '1.1.0' }),
      new Date(base + hour),
    );
    await recordDownload(
      t.db,
      download({ accountId: otherAccountId, serialNumber: 'SN-F2', version: '1.2.0' }),
      new Date(base + 2 * hour),
    );

    expect((await listDownloads(t.db, { accountId: otherAccountId })).map((d) => d.version)).toEqual([
      '1.2.0',
      '1.1.0',
      '1.0.0',
    ]);
    expect((await listDownloads(t.db, { serialNumber: 'SN-F1' })).map((d) => d.version)).toEqual(['1.1.0', '1.0.0']);
    expect(
      (
        await listDownloads(t.db, {
          accountId: otherAccountId,
          since: new Date(base + hour),
          until: new Date(base + 2 * hour),
        })
      ).map((d) => d.version),
    ).toEqual(['1.1.0']);
    expect(await listDownloads(t.db, { accountId: otherAccountId, limit: 2 })).toHaveLength(2);
  });

  it('keeps two downloads at the same instant apart, in a stable order', async () => {
    const now = at('2026-05-01T00:00:00.000Z');
    const a = await recordDownload(t.db, download({ serialNumber: 'SN-SAME', version: '3.0.0' }), now);
    const b = await recordDownload(t.db, download({ serialNumber: 'SN-SAME', version: '3.0.1' }), now);
    const listed = await listDownloads(t.db, { serialNumber: 'SN-SAME' });
    expect(listed.map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    expect(await listDownloads(t.db, { serialNumber: 'SN-SAME' })).toEqual(listed);
  });

  it('refuses rows that could not be audited, and stores none of them', async () => {
    const now = at('2026-06-01T00:00:00.000Z');
    expect(
      await codeOf(() => recordDownload(t.db, download({ accountId: 'no-such-account', serialNumber: 'SN-BAD' }), now)),
    ).toBe('NOT_FOUND');
    expect(await codeOf(() => recordDownload(t.db, download({ bytes: -1, serialNumber: 'SN-BAD' }), now))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(() => recordDownload(t.db, download({ bytes: 1.5, serialNumber: 'SN-BAD' }), now))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(() => recordDownload(t.db, download({ targetName: '', serialNumber: 'SN-BAD' }), now))).toBe(
      'INVALID_INPUT',
    );
    expect(await codeOf(() => recordDownload(t.db, download({ serialNumber: 'SN-BAD' }), new Date(Number.NaN)))).toBe(
      'INVALID_INSTANT',
    );
    expect(await listDownloads(t.db, { serialNumber: 'SN-BAD' })).toEqual([]);
  });
});

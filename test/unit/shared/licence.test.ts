import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract.js';
import { licenceAdvance, licensedVersionPhrases, withLicenceAdvances } from '../../../shared/domain/licence.js';
import { productLabel } from '../../../shared/domain/product-label.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function contract(over: Partial<Contract> = {}): Contract {
  return {
    id: 'C-UPG',
    customerId: 'acme',
    tier: 'upgrade-support',
    region: 'EU',
    timeZone: 'UTC',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    systems: [{ serialNumber: 'SN-1', product: 'atlas', location: 'Berlin DC1' }],
    licensedMajors: { atlas: 1 },
    ...over,
  };
}

const release = (version: string) => ({ product: 'atlas', version, publishedAt: '2026-03-01T00:00:00Z' });

describe('licenceAdvance: which reported releases move the licensed major', () => {
  it.each([
    ['an upgrade Upgrade Support allowed moves it to the new major', [contract()], '1.9.0', '2.3.1', 2],
    ['an update of the licensed major moves nothing', [contract()], '1.4.2', '1.9.0', null],
    [
      'an upgrade a Support contract never allowed moves nothing',
      [contract({ tier: 'support' })],
      '1.9.0',
      '2.3.1',
      null,
    ],
    [
      'an upgrade taken before the contract started moves nothing',
      [contract({ startDate: '2026-07-01' })],
      '1.9.0',
      '2.3.1',
      null,
    ],
    ['a preview of the next major moves nothing', [contract()], '1.9.0', '3.0.0-rc.1', null],
    ['a system no contract covers moves nothing', [contract({ systems: [] })], '1.9.0', '2.3.1', null],
    // Judged from the version before the report: from 2.3.1 itself, 2.3.1 would look like an update under any tier.
    [
      'without a licensed figure, the major installed before is the licence',
      [contract({ tier: 'support', licensedMajors: {} })],
      '1.9.0',
      '2.3.1',
      null,
    ],
  ])('%s', (_what, contracts, before, version, major) => {
    const advance = licenceAdvance({
      contracts,
      system: { serialNumber: 'SN-1', product: 'atlas', installedVersion: before },
      release: release(version),
      now: NOW,
    });
    expect(advance?.major ?? null).toBe(major);
    if (advance !== null)
      expect(advance).toEqual({ contractId: 'C-UPG', product: 'atlas', major: 2, licensedMajors: { atlas: 2 } });
  });
});

describe('withLicenceAdvances: an earned major counts for every contract of the customer covering the product', () => {
  const later = contract({ id: 'C-SUP', tier: 'support', startDate: '2027-01-01', endDate: '2027-12-31' });
  const beacon = contract({
    id: 'C-BCN',
    systems: [{ serialNumber: 'SN-2', product: 'beacon', location: 'x' }],
    licensedMajors: { beacon: 4 },
  });
  const other = contract({ id: 'C-OTHER', customerId: 'globex' });
  const advances = [{ customerId: 'acme', product: 'atlas', version: '2.3.1' }];

  it.each([
    ['the contract that allowed it', contract(), { atlas: 2 }],
    ['a later Support contract of the same customer', later, { atlas: 2 }],
    ['a contract of the customer for another product (unchanged)', beacon, { beacon: 4 }],
    ['another customer’s contract (unchanged)', other, { atlas: 1 }],
    [
      'a contract already licensing a higher major (unchanged)',
      contract({ licensedMajors: { atlas: 3 } }),
      { atlas: 3 },
    ],
  ])('%s', (_what, c, majors) => {
    expect(withLicenceAdvances([c], advances)[0]?.licensedMajors).toEqual(majors);
  });
});

describe('licensedVersionPhrases: what the overview and `hicare entitlement` say about each licensed product', () => {
  const earned = {
    product: 'atlas',
    major: 2,
    serialNumber: 'CG-ATL-0001',
    version: '2.3.1',
    at: '2026-11-30T23:30:00Z',
  };
  it.each([
    ['a licence as bought', { licensedMajors: { atlas: 1 }, timeZone: 'UTC' }, ['Atlas 1.x']],
    [
      'an earned major, on the day in the contract’s time zone',
      { licensedMajors: { atlas: 2, beacon: 4 }, timeZone: 'Europe/Berlin', licenceAdvances: [earned] },
      ['Atlas 2.x, since 1 Dec 2026 (CG-ATL-0001)', 'Beacon 4.x'],
    ],
    [
      'the same instant read in UTC',
      { licensedMajors: { atlas: 2 }, timeZone: 'UTC', licenceAdvances: [earned] },
      ['Atlas 2.x, since 30 Nov 2026 (CG-ATL-0001)'],
    ],
    [
      'an advance to a major since overtaken says nothing',
      { licensedMajors: { atlas: 3 }, timeZone: 'UTC', licenceAdvances: [earned] },
      ['Atlas 3.x'],
    ],
    ['no licensed product', { licensedMajors: {}, timeZone: 'UTC' }, []],
  ])('%s', (_what, contract, phrases) => {
    expect(licensedVersionPhrases(contract)).toEqual(phrases);
  });

  it('says since when in Chinese, the date written the Chinese way', () => {
    const contract = { licensedMajors: { atlas: 2, beacon: 4 }, timeZone: 'Europe/Berlin', licenceAdvances: [earned] };
    expect(licensedVersionPhrases(contract, 'zh-CN')).toEqual([
      'Atlas 2.x，自 2026年12月1日 起（CG-ATL-0001）',
      'Beacon 4.x',
    ]);
  });

  it('names products as people read them', () => {
    expect(['atlas', 'grid-view', 'x'].map(productLabel)).toEqual(['Atlas', 'Grid View', 'X']);
  });
});

import { describe, it, expect } from 'vitest';
import {
  EXPIRING_WITHIN_DAYS,
  NEW_SERVICE_START_AFTER_SHIPMENT_DAYS,
  TIERS,
  TIER_NAMES,
  TIER_RIGHTS,
  assertContractShape,
  assertServicePeriod,
  assertTier,
  contractStanding,
  contractStatus,
  coversSystem,
  isInService,
  serviceStartDate,
} from '../../../shared/domain/contract.js';
import type { Contract, ContractStatus, CoveredSystem, StartDateBasis, Tier } from '../../../shared/domain/contract.js';
import { codeOf } from '../../support.js';

type Terms = Pick<Contract, 'tier' | 'timeZone' | 'startDate' | 'endDate'>;

const at = (iso: string): Date => new Date(iso);

const SHANGHAI: Terms = { tier: 'support', timeZone: 'Asia/Shanghai', startDate: '2026-04-01', endDate: '2027-03-31' };
const LOS_ANGELES: Terms = {
  tier: 'upgrade-support',
  timeZone: 'America/Los_Angeles',
  startDate: '2027-01-01',
  endDate: '2027-06-30',
};
const UTC: Terms = { tier: 'support', timeZone: 'UTC', startDate: '2027-01-01', endDate: '2027-12-31' };
const BERLIN: Terms = { tier: 'support', timeZone: 'Europe/Berlin', startDate: '2027-03-28', endDate: '2027-10-31' };
const KIRITIMATI: Terms = {
  tier: 'support',
  timeZone: 'Pacific/Kiritimati',
  startDate: '2027-01-01',
  endDate: '2027-12-31',
};
const ONE_DAY: Terms = { tier: 'support', timeZone: 'UTC', startDate: '2027-06-15', endDate: '2027-06-15' };

describe('tiers', () => {
  it('has exactly the two tiers', () => {
    expect([...TIERS]).toEqual(['support', 'upgrade-support']);
  });

  it.each<[Tier, boolean, boolean, string]>([
    ['support', true, false, 'Application Software Support'],
    ['upgrade-support', true, true, 'Application Software Upgrade Support'],
  ])('%s: updates %s, upgrades %s, named %s, TAC and self-help 24x7', (tier, updates, upgrades, name) => {
    expect(TIER_RIGHTS[tier]).toEqual({ updates, upgrades, tac: '24x7', selfHelp: '24x7' });
    expect(TIER_NAMES[tier]).toBe(name);
  });

  it.each<[Tier]>([['support'], ['upgrade-support']])('assertTier accepts %s', (tier) => {
    expect(assertTier(tier)).toBe(tier);
  });

  it.each<[string, unknown]>([
    ["'gold'", 'gold'],
    ["''", ''],
    ['null', null],
    ['undefined', undefined],
    ["'Support'", 'Support'],
    ["'upgrade_support'", 'upgrade_support'],
    ["' support'", ' support'],
    ['1', 1],
    ["['support']", ['support']],
  ])('assertTier rejects %s', (_name, value) => {
    expect(codeOf(() => assertTier(value))).toBe('UNKNOWN_TIER');
  });

  it('reports the rejected tier', () => {
    expect(() => assertTier('gold')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TIER', details: { tier: 'gold' } }),
    );
  });
});

describe('serviceStartDate', () => {
  it('new service starts 90 days after shipment', () => {
    expect(NEW_SERVICE_START_AFTER_SHIPMENT_DAYS).toBe(90);
  });

  it.each<[string, StartDateBasis, string]>([
    ['the date on the contract', { kind: 'on-contract', startDate: '2027-04-01' }, '2027-04-01'],
    ['a leap day on the contract', { kind: 'on-contract', startDate: '2028-02-29' }, '2028-02-29'],
    ['shipment + 90 in a common year', { kind: 'new-with-product', shipmentDate: '2027-01-01' }, '2027-04-01'],
    ['shipment + 90 in a leap year', { kind: 'new-with-product', shipmentDate: '2028-01-01' }, '2028-03-31'],
    [
      'shipment + 90 across a year end into a leap February',
      { kind: 'new-with-product', shipmentDate: '2027-12-15' },
      '2028-03-14',
    ],
    ['shipment + 90 landing on a leap day', { kind: 'new-with-product', shipmentDate: '2027-12-01' }, '2028-02-29'],
    [
      'shipment + 90 landing on February 28 of a leap year',
      { kind: 'new-with-product', shipmentDate: '2027-11-30' },
      '2028-02-28',
    ],
    [
      'shipment + 90 landing on February 28 of a common year',
      { kind: 'new-with-product', shipmentDate: '2026-11-30' },
      '2027-02-28',
    ],
    ['shipment + 90 across a month end', { kind: 'new-with-product', shipmentDate: '2027-05-31' }, '2027-08-29'],
    [
      'installation bought: the PAC date, earlier than shipment + 90',
      { kind: 'new-with-product', shipmentDate: '2027-01-01', installationOrCommissioning: { pacDate: '2027-02-10' } },
      '2027-02-10',
    ],
    [
      'commissioning bought: the PAC date, later than shipment + 90',
      { kind: 'new-with-product', shipmentDate: '2027-01-01', installationOrCommissioning: { pacDate: '2027-05-20' } },
      '2027-05-20',
    ],
    [
      'renewal: the day after the previous end, across a year end',
      { kind: 'renewal', previousEndDate: '2027-12-31' },
      '2028-01-01',
    ],
    ['renewal: onto a leap day', { kind: 'renewal', previousEndDate: '2028-02-28' }, '2028-02-29'],
    ['renewal: off a leap day', { kind: 'renewal', previousEndDate: '2028-02-29' }, '2028-03-01'],
    ['renewal: February in a common year', { kind: 'renewal', previousEndDate: '2027-02-28' }, '2027-03-01'],
    ['renewal: across a month end', { kind: 'renewal', previousEndDate: '2027-04-30' }, '2027-05-01'],
  ])('%s', (_name, basis, expected) => {
    expect(serviceStartDate(basis)).toBe(expected);
  });

  it.each<[string, StartDateBasis, string]>([
    [
      'installation bought, PAC date not recorded',
      { kind: 'new-with-product', shipmentDate: '2027-01-01', installationOrCommissioning: {} },
      'MISSING_START_DATE_BASIS',
    ],
    [
      'installation bought, PAC date undefined',
      {
        kind: 'new-with-product',
        shipmentDate: '2027-01-01',
        installationOrCommissioning: { pacDate: undefined },
      } as unknown as StartDateBasis,
      'MISSING_START_DATE_BASIS',
    ],
    ['an unknown basis', { kind: 'guess' } as unknown as StartDateBasis, 'MISSING_START_DATE_BASIS'],
    ["on-contract '2027-02-30'", { kind: 'on-contract', startDate: '2027-02-30' }, 'INVALID_DATE'],
    ["on-contract ''", { kind: 'on-contract', startDate: '' }, 'INVALID_DATE'],
    ["shipment '2027-2-3'", { kind: 'new-with-product', shipmentDate: '2027-2-3' }, 'INVALID_DATE'],
    [
      "shipment '27-03-31' with installation",
      { kind: 'new-with-product', shipmentDate: '27-03-31', installationOrCommissioning: { pacDate: '2027-05-20' } },
      'INVALID_DATE',
    ],
    [
      "PAC date '27-03-31'",
      { kind: 'new-with-product', shipmentDate: '2027-01-01', installationOrCommissioning: { pacDate: '27-03-31' } },
      'INVALID_DATE',
    ],
    ["renewal after ''", { kind: 'renewal', previousEndDate: '' }, 'INVALID_DATE'],
    ["renewal after '2027-02-29'", { kind: 'renewal', previousEndDate: '2027-02-29' }, 'INVALID_DATE'],
  ])('%s', (_name, basis, code) => {
    expect(codeOf(() => serviceStartDate(basis))).toBe(code);
  });
});

describe('contractStanding', () => {
  it('counts as expiring within 60 days', () => {
    expect(EXPIRING_WITHIN_DAYS).toBe(60);
  });

  it.each<[string, Terms, string, ContractStatus, number, number]>([
    // Asia/Shanghai (UTC+8): 2026-04-01 .. 2027-03-31 is 365 days.
    ['Shanghai, a month before the start', SHANGHAI, '2026-03-01T00:00:00.000Z', 'pending', 365, 31],
    ['Shanghai, the day before the start, local morning', SHANGHAI, '2026-03-30T16:00:00.000Z', 'pending', 365, 1],
    ['Shanghai, two days before the start, last instant', SHANGHAI, '2026-03-30T15:59:59.999Z', 'pending', 365, 2],
    ['Shanghai, last instant before the start', SHANGHAI, '2026-03-31T15:59:59.999Z', 'pending', 365, 1],
    ['Shanghai, first instant of service', SHANGHAI, '2026-03-31T16:00:00.000Z', 'active', 365, 0],
    ['Shanghai, 61 days left (2027-01-30 local)', SHANGHAI, '2027-01-30T15:59:59.999Z', 'active', 61, 0],
    ['Shanghai, 60 days left (2027-01-31 local)', SHANGHAI, '2027-01-30T16:00:00.000Z', 'expiring', 60, 0],
    ['Shanghai, the last day, local morning', SHANGHAI, '2027-03-31T00:00:00.000Z', 'expiring', 1, 0],
    ['Shanghai, last instant of service', SHANGHAI, '2027-03-31T15:59:59.999Z', 'expiring', 1, 0],
    ['Shanghai, first instant after the end', SHANGHAI, '2027-03-31T16:00:00.000Z', 'expired', 0, 0],
    ['Shanghai, still 2027-03-31 in UTC but over locally', SHANGHAI, '2027-03-31T20:00:00.000Z', 'expired', 0, 0],
    ['Shanghai, long after', SHANGHAI, '2028-01-01T00:00:00.000Z', 'expired', 0, 0],
    // America/Los_Angeles: starts in PST (UTC-8), ends in PDT (UTC-7); 2027-01-01 .. 2027-06-30 is 181 days.
    ['Los Angeles, already 2027 in UTC but not locally', LOS_ANGELES, '2027-01-01T07:59:59.999Z', 'pending', 181, 1],
    ['Los Angeles, first instant of service (PST)', LOS_ANGELES, '2027-01-01T08:00:00.000Z', 'active', 181, 0],
    ['Los Angeles, 61 days left (2027-05-01 local)', LOS_ANGELES, '2027-05-02T06:59:59.999Z', 'active', 61, 0],
    ['Los Angeles, 60 days left (2027-05-02 local)', LOS_ANGELES, '2027-05-02T07:00:00.000Z', 'expiring', 60, 0],
    ['Los Angeles, the last day (PDT)', LOS_ANGELES, '2027-06-30T12:00:00.000Z', 'expiring', 1, 0],
    ['Los Angeles, July in UTC, still June 30 locally', LOS_ANGELES, '2027-07-01T06:59:59.999Z', 'expiring', 1, 0],
    ['Los Angeles, first instant after the end', LOS_ANGELES, '2027-07-01T07:00:00.000Z', 'expired', 0, 0],
    // UTC: 2027 is 365 days.
    ['UTC, last instant before the start', UTC, '2026-12-31T23:59:59.999Z', 'pending', 365, 1],
    ['UTC, ten days before the start', UTC, '2026-12-22T12:00:00.000Z', 'pending', 365, 10],
    ['UTC, first instant of service', UTC, '2027-01-01T00:00:00.000Z', 'active', 365, 0],
    ['UTC, 61 days left', UTC, '2027-11-01T23:59:59.999Z', 'active', 61, 0],
    ['UTC, 60 days left', UTC, '2027-11-02T00:00:00.000Z', 'expiring', 60, 0],
    ['UTC, last instant of service', UTC, '2027-12-31T23:59:59.999Z', 'expiring', 1, 0],
    ['UTC, first instant after the end', UTC, '2028-01-01T00:00:00.000Z', 'expired', 0, 0],
    // A one-day contract is expiring for the whole of its day.
    ['one day, before', ONE_DAY, '2027-06-14T23:59:59.999Z', 'pending', 1, 1],
    ['one day, during', ONE_DAY, '2027-06-15T12:00:00.000Z', 'expiring', 1, 0],
    ['one day, after', ONE_DAY, '2027-06-16T00:00:00.000Z', 'expired', 0, 0],
  ])('%s', (_name, terms, now, status, daysLeft, daysUntilStart) => {
    const s = contractStanding(terms, at(now));
    expect({ status: s.status, daysLeft: s.daysLeft, daysUntilStart: s.daysUntilStart }).toEqual({
      status,
      daysLeft,
      daysUntilStart,
    });
    expect(contractStatus(terms, at(now))).toBe(status);
  });

  it.each<[string, Terms, string, string]>([
    ['Shanghai', SHANGHAI, '2026-03-31T16:00:00.000Z', '2027-03-31T16:00:00.000Z'],
    ['Los Angeles, PST start and PDT end', LOS_ANGELES, '2027-01-01T08:00:00.000Z', '2027-07-01T07:00:00.000Z'],
    ['UTC', UTC, '2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z'],
    [
      'Berlin, from a 23-hour day through a 25-hour day',
      BERLIN,
      '2027-03-27T23:00:00.000Z',
      '2027-10-31T23:00:00.000Z',
    ],
    ['Kiritimati (+14)', KIRITIMATI, '2026-12-31T10:00:00.000Z', '2027-12-31T10:00:00.000Z'],
    ['a single day', ONE_DAY, '2027-06-15T00:00:00.000Z', '2027-06-16T00:00:00.000Z'],
  ])('%s: startsAt and endsAt', (_name, terms, startsAt, endsAt) => {
    for (const now of ['2020-01-01T00:00:00Z', startsAt, endsAt, '2030-01-01T00:00:00Z']) {
      const s = contractStanding(terms, at(now));
      expect(s.startsAt.toISOString()).toBe(startsAt);
      expect(s.endsAt.toISOString()).toBe(endsAt);
    }
  });

  it.each<[string, ContractStatus]>([
    ['2026-03-31T15:59:59.999Z', 'pending'],
    ['2026-03-31T16:00:00.000Z', 'active'],
    ['2027-03-31T15:59:59.999Z', 'expiring'],
    ['2027-03-31T16:00:00.000Z', 'expired'],
  ])('the Shanghai contract at %s is %s', (now, status) => {
    expect(contractStatus(SHANGHAI, at(now))).toBe(status);
  });

  it('daysLeft counts calendar days, not 24-hour periods, over the Berlin DST changes', () => {
    expect(contractStanding(BERLIN, at('2027-03-27T23:00:00Z')).daysLeft).toBe(218);
    expect(contractStanding(BERLIN, at('2027-10-30T21:59:59.999Z')).daysLeft).toBe(2);
    expect(contractStanding(BERLIN, at('2027-10-30T22:00:00Z')).daysLeft).toBe(1);
    expect(contractStanding(BERLIN, at('2027-10-31T22:59:59.999Z'))).toMatchObject({ status: 'expiring', daysLeft: 1 });
    expect(contractStanding(BERLIN, at('2027-10-31T23:00:00Z'))).toMatchObject({ status: 'expired', daysLeft: 0 });
  });
});

describe('isInService', () => {
  it.each<[ContractStatus, boolean]>([
    ['pending', false],
    ['active', true],
    ['expiring', true],
    ['expired', false],
  ])('%s: %s', (status, expected) => {
    expect(isInService(status)).toBe(expected);
  });
});

describe('coversSystem', () => {
  const systems: CoveredSystem[] = [
    { serialNumber: 'HC-1001', product: 'hicare-server', location: 'Shanghai DC1' },
    { serialNumber: 'HC-2002', product: 'hicare-client', location: 'Shanghai DC2' },
  ];

  it.each<[string, CoveredSystem[], string, string, boolean]>([
    ['the first system', systems, 'HC-1001', 'hicare-server', true],
    ['the second system', systems, 'HC-2002', 'hicare-client', true],
    ['a serial under another product', systems, 'HC-1001', 'hicare-client', false],
    ['an unknown serial', systems, 'HC-9999', 'hicare-server', false],
    ['a serial in the wrong case', systems, 'hc-1001', 'hicare-server', false],
    ['a product in the wrong case', systems, 'HC-1001', 'HiCare-Server', false],
    ['an empty serial', systems, '', 'hicare-server', false],
    ['a contract without systems', [], 'HC-1001', 'hicare-server', false],
  ])('%s: %s', (_name, list, serialNumber, product, expected) => {
    expect(coversSystem({ systems: list }, serialNumber, product)).toBe(expected);
  });
});

describe('bad input', () => {
  const ok = at('2027-01-15T00:00:00Z');
  const withTerms = (over: Partial<Record<keyof Terms, unknown>>): Terms => ({ ...UTC, ...over }) as Terms;

  it.each<[string, () => unknown, string]>([
    [
      'end one day before the start',
      () => contractStanding(withTerms({ startDate: '2027-01-02', endDate: '2027-01-01' }), ok),
      'END_BEFORE_START',
    ],
    [
      'end a year before the start',
      () => contractStatus(withTerms({ startDate: '2027-01-01', endDate: '2026-01-01' }), ok),
      'END_BEFORE_START',
    ],
    ['assertServicePeriod backwards', () => assertServicePeriod('2028-03-01', '2028-02-29'), 'END_BEFORE_START'],
    ["tier 'gold'", () => contractStanding(withTerms({ tier: 'gold' }), ok), 'UNKNOWN_TIER'],
    ["tier ''", () => contractStatus(withTerms({ tier: '' }), ok), 'UNKNOWN_TIER'],
    ['tier null', () => contractStanding(withTerms({ tier: null }), ok), 'UNKNOWN_TIER'],
    [
      "time zone 'Mars/Olympus'",
      () => contractStanding(withTerms({ timeZone: 'Mars/Olympus' }), ok),
      'UNKNOWN_TIME_ZONE',
    ],
    ["time zone ''", () => contractStatus(withTerms({ timeZone: '' }), ok), 'UNKNOWN_TIME_ZONE'],
    ["start '2027-02-30'", () => contractStanding(withTerms({ startDate: '2027-02-30' }), ok), 'INVALID_DATE'],
    ["start '2027-2-3'", () => contractStanding(withTerms({ startDate: '2027-2-3' }), ok), 'INVALID_DATE'],
    ["end '27-03-31'", () => contractStanding(withTerms({ endDate: '27-03-31' }), ok), 'INVALID_DATE'],
    ["end ''", () => contractStatus(withTerms({ endDate: '' }), ok), 'INVALID_DATE'],
    ["assertServicePeriod('2027-02-30', ...)", () => assertServicePeriod('2027-02-30', '2027-12-31'), 'INVALID_DATE'],
    ["now new Date('nope')", () => contractStanding(UTC, new Date('nope')), 'INVALID_INSTANT'],
    ['now not a Date', () => contractStatus(UTC, '2027-01-15T00:00:00Z' as unknown as Date), 'INVALID_INSTANT'],
    ["assertContractShape tier 'gold'", () => assertContractShape(withTerms({ tier: 'gold' })), 'UNKNOWN_TIER'],
    [
      "assertContractShape time zone 'Mars/Olympus'",
      () => assertContractShape(withTerms({ timeZone: 'Mars/Olympus' })),
      'UNKNOWN_TIME_ZONE',
    ],
  ])('%s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('a period of one day is allowed', () => {
    expect(() => assertServicePeriod('2027-06-15', '2027-06-15')).not.toThrow();
    expect(() => assertContractShape(ONE_DAY)).not.toThrow();
  });

  it('END_BEFORE_START names both dates', () => {
    expect(() => assertServicePeriod('2027-01-02', '2027-01-01')).toThrow(
      expect.objectContaining({
        code: 'END_BEFORE_START',
        details: { startDate: '2027-01-02', endDate: '2027-01-01' },
      }),
    );
  });
});

describe('contractStanding: a contract edited in place', () => {
  it('reads the new terms at the same instant, not the last answer', () => {
    const terms: Terms = { ...SHANGHAI };
    const now = at('2026-06-01T00:00:00Z');
    expect(contractStanding(terms, now).status).toBe('active');
    terms.endDate = '2026-05-31';
    expect(contractStanding(terms, now).status).toBe('expired');
    terms.startDate = '2026-07-01';
    terms.endDate = '2027-06-30';
    expect(contractStanding(terms, now).status).toBe('pending');
  });

  it('hands each caller its own dates', () => {
    const now = at('2026-06-01T00:00:00Z');
    const first = contractStanding(SHANGHAI, now);
    first.endsAt.setTime(0);
    expect(contractStanding(SHANGHAI, now).endsAt.toISOString()).toBe('2027-03-31T16:00:00.000Z');
  });
});
